"""Claims: the statements that same_claim relations join, followed across speakers and
sources (``statements/{id}/claim/``, ``claims/``), the keys that the relation services keep,
and the same_claim candidates proposed by text similarity."""

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import services
from statements.claims import keys
from statements.claims.evaluation import evaluate, load_pairs
from statements.claims.similarity import similarity, threshold
from statements.models import ClaimMember, Relation
from tests.factories import AttributionFieldsFactory, SourceFactory, SpeakerFactory
from tests.factories import StatementFactory as Statements
from tests.helpers import problem

API = "/api/v1"


def _said(text: str, *, speaker=None, source=None, publish: bool = True):
    """A statement made by ``speaker`` in ``source`` (new ones unless given)."""
    fields = {}
    if speaker is not None:
        fields["speaker"] = speaker
    if source is not None:
        fields["source"] = source
    return Statements(text=text, attributions=[AttributionFieldsFactory(**fields)], publish=publish)


def _relate(first, second, kind: str = "same_claim") -> Relation:
    return services.relation_create(user=None, from_statement=first, to_statement=second, kind=kind)


def _stored_keys() -> dict[int, int]:
    return dict(ClaimMember.objects.values_list("statement_id", "claim_id"))


def _keys_from_relations() -> dict[int, int]:
    pairs = Relation.objects.filter(kind="same_claim").values_list(
        "from_statement_id", "to_statement_id"
    )
    return keys.components(pairs)


# --- The seed's troop-deployment claim ---------------------------------------------------------


def _speakers(statement: dict) -> set[str]:
    return {attribution["speaker"]["name"] for attribution in statement["attributions"]}


@pytest.mark.parametrize("asked", [1, 2, 6])
def test_the_troop_deployment_claim_with_its_denials(seed, anon, asked):
    response = anon.get(f"{API}/statements/{asked}/claim/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["claim"] == 1
    assert body["statement"] == asked
    assert [statement["id"] for statement in body["statements"]] == [1, 2, 6]
    made_by = set().union(*(_speakers(statement) for statement in body["statements"]))
    assert made_by == {"United States", "Lloyd Austin"}
    assert [speaker["name"] for speaker in body["speakers"]] == ["United States", "Lloyd Austin"]
    austin = body["statements"][2]["attributions"][0]
    assert austin["speaker_role"] == "US defence secretary"
    assert austin["role_at_the_time"]["role"] == "US Secretary of Defense"
    kirby = next(
        attribution
        for answer in body["responses"]
        for attribution in answer["statement"]["attributions"]
        if attribution["speaker"]["name"] == "John Kirby"
    )
    assert kirby["role_at_the_time"]["role"] == "White House national security spokesman"
    assert austin["source"]["title"].startswith("Thousands of North Korean Troops")
    assert body["statements"][0]["first_said"] == "2024-10-24"
    by_kind: dict[str, set[str]] = {}
    for answer in body["responses"]:
        assert answer["target"]["id"] == 1
        by_kind.setdefault(answer["kind"], set()).update(_speakers(answer["statement"]))
    assert "John Kirby" in by_kind["supports"]
    assert "South Korean intelligence officials" in by_kind["updates"]
    assert {"Russia", "North Korea"} <= by_kind["denies"]
    assert body["statements_count"] == 3
    assert body["responses_count"] == len(body["responses"]) == 7
    again = anon.get(f"{API}/statements/{asked}/claim/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_the_claims_list_ranks_by_speakers_then_sources(seed, anon):
    body = anon.get(f"{API}/claims/").json()
    assert body["count"] == 2
    first, second = body["results"]
    # The denial (Russia, North Korea, the UK) has more speakers than the US claim.
    assert (first["claim"], first["speakers"], first["statements"]) == (16, 3, 2)
    assert (second["claim"], second["speakers"], second["statements"]) == (1, 2, 3)
    assert second["statement"]["text"].startswith("North Korea has deployed")
    assert second["url"].endswith("/api/v1/statements/1/claim/")
    assert anon.get(second["url"]).json()["claim"] == 1


def test_a_statement_without_same_claim_relations_is_its_own_claim(seed, anon):
    body = anon.get(f"{API}/statements/7/claim/").json()
    assert body["claim"] == 7
    assert [statement["id"] for statement in body["statements"]] == [7]
    assert [(answer["kind"], answer["statement"]["id"]) for answer in body["responses"]] == [
        ("contradicts", 16),
        ("contradicts", 18),
    ]


# --- The keys the relation services keep -------------------------------------------------------


def test_relations_join_and_split_claims(db):
    a, b, c, d = (_said(f"Claim text {n}.") for n in "abcd")
    _relate(c, d)
    assert _stored_keys() == {c.pk: c.pk, d.pk: c.pk}
    joining = _relate(b, c)
    assert _stored_keys() == {b.pk: b.pk, c.pk: b.pk, d.pk: b.pk}
    _relate(a, d)  # the key becomes the smallest id
    assert set(_stored_keys().values()) == {a.pk}
    _relate(a, b)  # a cycle: nothing changes
    assert _stored_keys() == _keys_from_relations()
    services.relation_update(relation=joining, user=None, kind="supports")
    assert _stored_keys() == _keys_from_relations() == {x.pk: a.pk for x in (a, b, c, d)}
    services.relation_delete(
        relation=Relation.objects.get(from_statement=a, to_statement=b), user=None
    )
    # a-d and c-d remain: b stands alone.
    assert _stored_keys() == _keys_from_relations() == {a.pk: a.pk, c.pk: a.pk, d.pk: a.pk}


def test_deleting_a_draft_splits_the_claim_it_joined(db):
    left, right = _said("Left claim."), _said("Right claim.")
    bridge = _said("A bridge between the two.", publish=False)
    _relate(left, bridge)
    _relate(bridge, right)
    assert set(_stored_keys().values()) == {left.pk}
    services.statement_delete(statement=bridge, user=None)
    assert _stored_keys() == {} == _keys_from_relations()


def test_every_change_of_relations_keeps_the_keys_as_a_rebuild_would(db):
    statements = [_said(f"Statement {n}.") for n in range(6)]
    made = []
    for first, second in [(0, 1), (2, 3), (4, 5), (1, 2), (3, 4), (5, 0)]:
        made.append(_relate(statements[first], statements[second]))
        assert _stored_keys() == _keys_from_relations()
    for relation in [made[3], made[0], made[5]]:
        services.relation_delete(relation=relation, user=None)
        assert _stored_keys() == _keys_from_relations()
    services.relation_update(relation=made[1], user=None, to_statement=statements[0])
    assert _stored_keys() == _keys_from_relations()
    expected = _stored_keys()
    keys.rebuild()
    assert _stored_keys() == expected


def test_the_relations_api_keeps_the_claim(db, editor, anon):
    first, second = _said("Troops were sent."), _said("Troops have been sent.")
    payload = {"from_statement": second.pk, "to_statement": first.pk, "kind": "same_claim"}
    created = editor.post(f"{API}/relations/", payload, format="json")
    assert created.status_code == 201, created.content
    assert anon.get(f"{API}/statements/{second.pk}/claim/").json()["claim"] == first.pk
    url = f"{API}/relations/{created.json()['id']}/"
    assert editor.patch(url, {"kind": "supports"}, format="json").status_code == 200
    body = anon.get(f"{API}/statements/{second.pk}/claim/").json()
    assert body["claim"] == second.pk
    assert editor.delete(url).status_code == 204
    assert anon.get(f"{API}/claims/").json()["count"] == 0


# --- Visibility, 404 and 410 -------------------------------------------------------------------


@pytest.fixture
def mixed(db):
    """A published claim made by two speakers, a draft that repeats it, and a denial."""
    claim = _said("The plant will close in May.")
    repeated = _said("The plant is to close in May.")
    draft = _said("The plant closes in May.", publish=False)
    denial = _said("The plant will not close.")
    draft_denial = _said("There is no plan to close the plant.", publish=False)
    _relate(repeated, claim)
    _relate(draft, claim)
    _relate(denial, claim, "denies")
    _relate(draft_denial, repeated, "denies")
    return claim, repeated, draft, denial, draft_denial


def test_the_public_sees_the_published_statements_of_a_claim(mixed, anon, editor):
    claim, repeated, draft, denial, draft_denial = mixed
    public = anon.get(f"{API}/statements/{claim.pk}/claim/").json()
    assert [s["id"] for s in public["statements"]] == [claim.pk, repeated.pk]
    assert [r["statement"]["id"] for r in public["responses"]] == [denial.pk]
    full = editor.get(f"{API}/statements/{claim.pk}/claim/").json()
    assert [s["id"] for s in full["statements"]] == [claim.pk, repeated.pk, draft.pk]
    assert {r["statement"]["id"] for r in full["responses"]} == {denial.pk, draft_denial.pk}
    problem(anon.get(f"{API}/statements/{draft.pk}/claim/"), 404)
    assert editor.get(f"{API}/statements/{draft.pk}/claim/").json()["claim"] == claim.pk
    problem(anon.get(f"{API}/statements/999999/claim/"), 404)
    assert anon.get(f"{API}/claims/").json()["results"][0]["statements"] == 2
    assert editor.get(f"{API}/claims/").json()["results"][0]["statements"] == 3


def test_a_retracted_statement_answers_410_as_its_detail(mixed, anon, reviewer):
    claim, repeated, *_ = mixed
    services.statement_retract(statement=repeated, user=None, reason="Misquoted.")
    public = problem(anon.get(f"{API}/statements/{repeated.pk}/claim/"), 410)
    assert public["statement"] is None
    assert public["retraction"]["reason"] == "Misquoted."
    editors = problem(reviewer.get(f"{API}/statements/{repeated.pk}/claim/"), 410)
    assert editors["statement"]["id"] == repeated.pk
    # Its claim no longer counts it for the public.
    ids = [s["id"] for s in anon.get(f"{API}/statements/{claim.pk}/claim/").json()["statements"]]
    assert ids == [claim.pk]
    assert anon.get(f"{API}/claims/").json()["count"] == 0


def test_an_unknown_query_parameter_is_a_400(seed, anon):
    problem(anon.get(f"{API}/statements/1/claim/?speaker=1"), 400)
    problem(anon.get(f"{API}/claims/?sort=speakers"), 400)


# --- Oldest first ------------------------------------------------------------------------------


def test_statements_come_oldest_first_by_when_they_were_said(db, anon):
    speaker = SpeakerFactory()
    dated = {}
    for text, day in [("Said last.", 20), ("Said first.", 5), ("Said second.", 10)]:
        source = SourceFactory(published_at=dt.datetime(2024, 3, day, tzinfo=dt.UTC))
        dated[text] = _said(text, speaker=speaker, source=source)
    undated = Statements(
        text="Never dated.",
        attributions=[AttributionFieldsFactory(source=SourceFactory(published_at=None))],
        publish=True,
    )
    stated = Statements(
        text="Stated early, published late.",
        attributions=[
            AttributionFieldsFactory(
                source=SourceFactory(published_at=dt.datetime(2024, 4, 1, tzinfo=dt.UTC)),
                stated_on=dt.date(2024, 3, 1),
            )
        ],
        publish=True,
    )
    anchor = dated["Said last."]
    for other in [*dated.values(), undated, stated]:
        if other != anchor:
            _relate(other, anchor)
    body = anon.get(f"{API}/statements/{anchor.pk}/claim/").json()
    assert [s["text"] for s in body["statements"]] == [
        "Stated early, published late.",
        "Said first.",
        "Said second.",
        "Said last.",
        "Never dated.",
    ]
    assert [s["first_said"] for s in body["statements"]][:2] == ["2024-03-01", "2024-03-05"]


# --- Query counts ------------------------------------------------------------------------------


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(queries)


def _claim_of(size: int):
    statements = [_said(f"Claim of {size}, statement {n}.") for n in range(size)]
    for statement in statements[1:]:
        _relate(statement, statements[0])
        _relate(_said(f"Denial of {statement.pk}."), statement, "denies")
    return statements[0]


def test_reads_cost_a_fixed_number_of_queries(db, anon, editor):
    small, large = _claim_of(2), _claim_of(12)
    # The editor's token, user and permissions cost three more.
    for client, budget in [(anon, 6), (editor, 9)]:
        counts = {
            size: _queries(client, f"{API}/statements/{claim.pk}/claim/")
            for size, claim in [(2, small), (12, large)]
        }
        assert counts[2] == counts[12] <= budget
        assert _queries(client, f"{API}/claims/") <= budget - 2
        assert _queries(client, f"{API}/claims/?page_size=1") <= budget - 2


# --- Candidates --------------------------------------------------------------------------------


def test_a_created_statement_answers_its_candidates(seed, editor):
    payload = {"text": "Around 3,000 North Korean soldiers have been deployed to Russia."}
    response = editor.post(f"{API}/statements/", payload, format="json")
    assert response.status_code == 201, response.content
    candidates = response.json()["claim_candidates"]
    assert candidates[0]["statement"]["id"] == 1
    assert candidates[0]["score"] >= threshold()
    assert all(
        first["score"] >= second["score"] for first, second in itertools.pairwise(candidates)
    )
    created = response.json()["id"]
    listed = editor.get(f"{API}/statements/{created}/claim-candidates/")
    assert listed.json() == candidates


def test_candidates_leave_out_the_claim_itself_and_retracted_statements(seed, editor):
    # #2 is already in #1's claim; #1's repeat, once retracted, is never proposed.
    proposed = {
        c["statement"]["id"] for c in editor.get(f"{API}/statements/1/claim-candidates/").json()
    }
    assert not proposed & {1, 2, 6}
    repeat = _said("North Korea has deployed around 3,000 troops to Russia, US says.")
    ids = [c["statement"]["id"] for c in editor.get(f"{API}/statements/1/claim-candidates/").json()]
    assert ids[0] == repeat.pk
    services.statement_retract(statement=repeat, user=None, reason="A duplicate.")
    ids = [c["statement"]["id"] for c in editor.get(f"{API}/statements/1/claim-candidates/").json()]
    assert repeat.pk not in ids


def test_candidates_are_for_editors(seed, anon, member, editor):
    path = f"{API}/statements/1/claim-candidates/"
    problem(anon.get(path), 401)
    problem(member.get(path), 403)
    assert editor.get(path).status_code == 200
    problem(editor.get(f"{API}/statements/999999/claim-candidates/"), 404)


def test_differences_that_make_another_claim_lower_the_score(db):
    claim = "North Korea has deployed around 3,000 troops to Russia."
    assert similarity(claim, "Some 3,000 North Korean soldiers have been sent to Russia.") >= 0.4
    assert similarity(claim, "North Korea has deployed around 10,000 troops to Russia.") < 0.4
    assert similarity(claim, "North Korea has not deployed troops to Russia.") < 0.4
    assert similarity("Output will rise by 2%.", "Output will fall by 2%.") < 0.4


def test_precision_at_top_one_on_the_labelled_pairs(db):
    labelled = load_pairs()
    assert labelled.pair_count >= 100
    score = evaluate(labelled)
    assert score.precision >= 0.9, score.wrong
    assert score.recall >= 0.7
    assert not Relation.objects.exists()
    assert not ClaimMember.objects.exists()


# --- The admin ----------------------------------------------------------------------------------


def test_the_statement_page_shows_its_claim_and_the_front_page_the_claims(seed, superuser):
    html = superuser.get("/admin/statements/statement/2/change/").content.decode()
    assert "Claim #1: 3 statement(s) by 2 speaker(s)." in html
    for member in (1, 2, 6):
        assert f"href='/admin/statements/statement/{member}/change/'>#{member} " in html
    assert "(this statement)" in html
    assert "Answered by 7 statement(s):" in html
    assert "Russia, North Korea" in html
    front = superuser.get("/admin/").content.decode()
    assert 'id="dashboard-claims"' in front
    assert "2 statements by 3 speakers in 1 source" in front
    assert "3 statements by 2 speakers in 1 source" in front


# --- Concurrent writers (PostgreSQL: SQLite admits one writer at a time) --------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's writes never interleave")
@pytest.mark.django_db(transaction=True)
def test_concurrent_joins_of_one_claim_leave_the_keys_a_rebuild_would():
    from tests.test_concurrency import race

    for trial in range(10):
        a, b, c, d, e = (Statements(text=f"Trial {trial}, statement {n}.") for n in range(5))
        _relate(b, c)
        _relate(d, e)
        # Two writers join a to the b-c claim and c to the d-e claim at once.
        results = race(
            lambda a=a, b=b: services.relation_create(
                user=None, from_statement=a, to_statement=b, kind="same_claim"
            ),
            lambda c=c, d=d: services.relation_create(
                user=None, from_statement=d, to_statement=c, kind="same_claim"
            ),
        )
        assert all(isinstance(result, Relation) for result in results), results
        assert _stored_keys() == _keys_from_relations()
        assert {_stored_keys()[x.pk] for x in (a, b, c, d, e)} == {a.pk}
