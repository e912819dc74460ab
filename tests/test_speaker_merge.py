"""Merging speakers found to be one, the redirects their ids become, and the likely
duplicates."""

import datetime as dt

import orjson
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import merging, services
from statements.models import (
    Attribution,
    Change,
    Membership,
    Source,
    Speaker,
    SpeakerRedirect,
    Statement,
)
from statements.transfer.dump import dump_lines
from tests.factories import AttributionFactory, SpeakerFactory, StatementFactory
from tests.helpers import error_fields, problem, url

KIRBY, WHITE_HOUSE, NATO, UNITED_STATES, RUTTE = 3, 15, 11, 1, 10


def _merge(client, old, into):
    return client.post(f"/api/v1/speakers/{old}/merge/", {"into": into}, format="json")


@pytest.fixture
def duplicate(seed):
    """A second John Kirby, "John F. Kirby", who made a published statement of his own
    and held a membership, and whom another statement names as the one represented."""
    speaker = SpeakerFactory(
        name="John F. Kirby", kind="person", aliases=["Admiral Kirby"], country="US"
    )
    source = Source.objects.get(pk=1)
    statement = StatementFactory(
        text="The troops arrived by ship.",
        attributions=[
            {
                "speaker": speaker, "source": source, "mode": "summary",
                "speech_act": "assertion", "stated_on": dt.date(2024, 10, 23),
            }
        ],
        publish=True,
    )  # fmt: skip
    represented = AttributionFactory(
        speaker=Speaker.objects.get(pk=RUTTE), on_behalf_of=speaker, source=source
    )
    services.membership_create(
        user=None, person=speaker, organization=Speaker.objects.get(pk=NATO),
        role="Visiting speaker", start="2010", end="2011",
    )  # fmt: skip
    speaker.statement = statement
    speaker.represented = represented
    return speaker


# --- The done-when check on the seed ------------------------------------------------------------


def test_merging_john_f_kirby_into_john_kirby_redirects_the_old_id(duplicate, reviewer, anon):
    old = duplicate.pk
    proposed = anon.get("/api/v1/speakers/duplicates/", {"kind": "person"}).json()["results"]
    assert {
        "speaker": {"id": KIRBY, "name": "John Kirby", "kind": "person"},
        "duplicate": {"id": old, "name": "John F. Kirby", "kind": "person"},
        "score": 1.0,
        "reasons": ["same_name", "similar_name"],
    } in proposed

    response = _merge(reviewer, old, KIRBY)
    assert response.status_code == 200, response.content
    survivor = response.json()
    assert survivor["id"] == KIRBY
    # "John F. Kirby" was one already; the merged aliases join, each once.
    assert survivor["aliases"] == ["Mr Kirby", "John F. Kirby", "Admiral Kirby"]
    assert survivor["country"] == "US"  # Kirby's was blank

    moved = anon.get(f"/api/v1/speakers/{old}/", {"fields": "id,name"})
    assert moved.status_code == 308
    assert moved["Location"] == f"http://testserver/api/v1/speakers/{KIRBY}/?fields=id%2Cname"
    assert anon.get(f"/api/v1/speakers/{old}/statements/").status_code == 308
    assert anon.get(moved["Location"]).json() == {"id": KIRBY, "name": "John Kirby"}

    # The old id in the filters: a 308 to the same filters with the survivor's id.
    for path, params, survivors in [
        ("/api/v1/statements/", {"speaker": old, "ordering": "id"}, "speaker=3&ordering=id"),
        ("/api/v1/statements/", {"speaker": [old, RUTTE]}, "speaker=3&speaker=10"),
        ("/api/v1/attributions/", {"speaker": old}, "speaker=3"),
        ("/api/v1/attributions/", {"on_behalf_of": old}, "on_behalf_of=3"),
        ("/api/v1/memberships/", {"person": old}, "person=3"),
        ("/api/v1/statements/export/", {"speaker": old}, "speaker=3"),
    ]:
        by_old = reviewer.get(path, params)  # drafts too
        assert by_old.status_code == 308, (path, by_old.content)
        assert by_old["Location"] == f"http://testserver{path}?{survivors}"
        assert reviewer.get(by_old["Location"]).status_code == 200
    assert reviewer.get("/api/v1/attributions/", {"on_behalf_of": KIRBY}).json()["count"] == 1
    # Everything moved.
    assert not Speaker.objects.filter(pk=old).exists()
    assert Attribution.objects.get(statement=duplicate.statement).speaker_id == KIRBY
    assert Attribution.objects.get(pk=duplicate.represented.pk).on_behalf_of_id == KIRBY
    assert Membership.objects.filter(person_id=KIRBY).count() == 2
    # His role on the day: the White House's (the moved membership ended in 2011).
    kirby = anon.get(f"/api/v1/statements/{duplicate.statement.pk}/").json()["attributions"][0]
    assert kirby["speaker"]["id"] == KIRBY
    assert kirby["role_at_the_time"]["organization"] == WHITE_HOUSE


def test_a_merge_is_in_both_histories_and_the_change_feed(duplicate, reviewer, editor):
    old, before = duplicate.pk, Change.objects.count()
    assert _merge(reviewer, old, KIRBY).status_code == 200
    reason = f"Merged speaker #{old} (John F. Kirby) into #{KIRBY} (John Kirby)."
    merged = Speaker.history.filter(id=old).order_by("-history_id").first()
    assert (merged.history_type, merged.history_change_reason) == ("-", reason)
    assert merged.history_user.username == "rita"
    survivor = editor.get(f"/api/v1/speakers/{KIRBY}/history/").json()["results"][0]
    assert survivor["reason"] == reason
    assert "aliases" in {change["field"] for change in survivor["changes"]}
    attribution = editor.get(f"/api/v1/statements/{duplicate.statement.pk}/history/")
    assert attribution.status_code == 200
    moved = Attribution.history.filter(statement_id=duplicate.statement.pk).order_by("-history_id")
    assert moved[0].history_change_reason == reason
    assert moved[0].speaker_id == KIRBY
    changes = {(c.object_type, c.object_id, c.kind) for c in Change.objects.order_by("id")[before:]}
    assert ("speaker", old, "deleted") in changes
    assert ("speaker", KIRBY, "updated") in changes
    assert ("statement", duplicate.statement.pk, "updated") in changes
    assert ("statement", duplicate.represented.statement_id, "updated") in changes


def test_the_merged_name_finds_the_moved_statements(duplicate, reviewer, anon):
    _merge(reviewer, duplicate.pk, KIRBY)
    found = anon.get("/api/v1/statements/", {"q": '"Admiral Kirby"'}).json()["results"]
    assert duplicate.statement.pk in {s["id"] for s in found}


# --- Who may, and what is refused ----------------------------------------------------------------


def test_only_reviewers_merge(duplicate, anon, editor, member):
    problem(_merge(anon, duplicate.pk, KIRBY), 401)
    problem(_merge(member, duplicate.pk, KIRBY), 403)
    body = problem(_merge(editor, duplicate.pk, KIRBY), 403)
    assert "merge_speaker" in body["detail"]
    assert Speaker.objects.filter(pk=duplicate.pk).exists()


@pytest.mark.parametrize(
    ("into", "code"),
    [("self", "invalid"), (NATO, "kind_mismatch"), (99_999, None), ("text", None), (0, None)],
)
def test_refused_merges_are_400_naming_into(duplicate, reviewer, into, code):
    into = duplicate.pk if into == "self" else into
    before = Attribution.objects.filter(speaker=duplicate).count()
    response = _merge(reviewer, duplicate.pk, into)
    body = problem(response, 400)
    assert error_fields(response) == ["into"]
    if code:
        assert body["errors"][0]["code"] == code
    assert Attribution.objects.filter(speaker=duplicate).count() == before


def test_a_merge_body_takes_into_only(duplicate, reviewer):
    response = reviewer.post(
        f"/api/v1/speakers/{duplicate.pk}/merge/", {"into": KIRBY, "why": "same"}, format="json"
    )
    problem(response, 400)
    assert error_fields(response) == ["why"]
    problem(reviewer.post(f"/api/v1/speakers/{duplicate.pk}/merge/", {}, format="json"), 400)


def test_different_wikidata_items_do_not_merge(seed, reviewer):
    other = SpeakerFactory(name="Mark Rutte (2)", kind="person", wikidata_id="Q1")
    response = _merge(reviewer, other.pk, RUTTE)
    assert problem(response, 400)["errors"][0]["code"] == "wikidata_mismatch"


def test_the_wikidata_id_moves_to_a_survivor_without_one(seed, reviewer):
    other = SpeakerFactory(name="J. Kirby", kind="person", wikidata_id="Q1")
    assert _merge(reviewer, other.pk, KIRBY).json()["wikidata_id"] == "Q1"


def test_a_merge_that_would_repeat_an_attribution_is_409(seed, reviewer):
    twin = SpeakerFactory(name="Jon Kirby", kind="person")
    statement = Attribution.objects.filter(speaker_id=KIRBY).first().statement
    Attribution.objects.create(
        statement=statement, speaker=twin, source_id=1, mode="summary", speech_act="assertion"
    )
    body = problem(_merge(reviewer, twin.pk, KIRBY), 409)
    assert f"#{statement.pk}" in body["detail"]
    assert Speaker.objects.filter(pk=twin.pk).exists()
    assert not SpeakerRedirect.objects.exists()


def test_a_merge_that_would_make_a_speaker_speak_for_itself_is_409(seed, reviewer):
    spokesman = SpeakerFactory(name="White House (press office)", kind="organization")
    AttributionFactory(speaker=spokesman, on_behalf_of=Speaker.objects.get(pk=WHITE_HOUSE))
    problem(_merge(reviewer, spokesman.pk, WHITE_HOUSE), 409)


def test_chains_point_at_the_last_survivor(seed, reviewer, anon):
    first = SpeakerFactory(name="Kirby, John", kind="person")
    second = SpeakerFactory(name="John Kirby (NSC)", kind="person")
    third = SpeakerFactory(name="J. F. Kirby", kind="person")
    assert _merge(reviewer, first.pk, second.pk).status_code == 200
    # Into a merged id: followed to its survivor.
    assert _merge(reviewer, third.pk, first.pk).json()["id"] == second.pk
    assert _merge(reviewer, second.pk, KIRBY).status_code == 200
    for old in (first.pk, second.pk, third.pk):
        response = anon.get(f"/api/v1/speakers/{old}/")
        assert response.status_code == 308
        assert response["Location"].endswith(f"/api/v1/speakers/{KIRBY}/")
    # A merged speaker cannot be merged again: it is gone (its id redirects).
    assert _merge(reviewer, first.pk, RUTTE).status_code == 308
    aliases = Speaker.objects.get(pk=KIRBY).aliases
    assert {"Kirby, John", "John Kirby (NSC)", "J. F. Kirby"} <= set(aliases)


def test_an_unknown_id_is_still_a_404(seed, anon):
    problem(anon.get("/api/v1/speakers/99999/"), 404)


def test_writes_to_a_merged_id_are_redirected_too(duplicate, reviewer, editor):
    _merge(reviewer, duplicate.pk, KIRBY)
    description = Speaker.objects.get(pk=KIRBY).description
    response = editor.patch(
        f"/api/v1/speakers/{duplicate.pk}/", {"description": "x"}, format="json"
    )
    assert response.status_code == 308
    assert Speaker.objects.get(pk=KIRBY).description == description


# --- Duplicates ---------------------------------------------------------------------------------


def test_duplicates_are_ranked_and_paginated(seed, anon):
    SpeakerFactory(name="Volodymyr Zelenskyi", kind="person")  # misspelt
    SpeakerFactory(name="Mark Rute", kind="person")
    SpeakerFactory(name="Nato", kind="government")  # another kind than NATO's
    response = anon.get("/api/v1/speakers/duplicates/")
    assert response.status_code == 200, response.content
    pairs = response.json()["results"]
    names = [(p["speaker"]["name"], p["duplicate"]["name"], p["reasons"]) for p in pairs]
    assert ("Volodymyr Zelenskyy", "Volodymyr Zelenskyi", ["same_name"]) not in names
    assert any(
        {a, b} == {"Mark Rutte", "Mark Rute"} and reasons == ["similar_name"]
        for a, b, reasons in names
    )
    assert any({a, b} == {"Volodymyr Zelenskyy", "Volodymyr Zelenskyi"} for a, b, _ in names)
    assert not any("Nato" in (a, b) for a, b, _ in names)
    scores = [p["score"] for p in pairs]
    assert scores == sorted(scores, reverse=True)
    first = anon.get("/api/v1/speakers/duplicates/", {"page_size": 1}).json()
    assert first["results"] == pairs[:1]
    assert first["count"] == len(pairs)
    problem(anon.get("/api/v1/speakers/duplicates/", {"kind": "robot"}), 400)
    problem(anon.get("/api/v1/speakers/duplicates/", {"colour": "red"}), 400)


def test_duplicates_cost_a_fixed_number_of_queries(seed, anon):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert anon.get("/api/v1/speakers/duplicates/").status_code == 200
        return len(queries)

    SpeakerFactory(name="Speaker Kirby", kind="person")
    SpeakerFactory(name="Speaker Kirbi", kind="person")
    before = count()
    for number in range(30):
        SpeakerFactory(name=f"Speaker Kirby {number}", kind="person")
    assert count() == before <= 3  # the speakers' names, the page's speakers, the count


def test_fold_sets_initials_accents_and_case_aside():
    assert merging.fold("John F. Kirby") == "john kirby"
    assert merging.fold("Volodymyr Zelens'kyj") == "volodymyr zelens kyj"
    assert merging.fold("José  MARTÍ") == "jose marti"


# --- The admin ----------------------------------------------------------------------------------


def test_the_admin_merges_selected_speakers(duplicate, reviewer_site, editor_site):
    changelist = url("speaker", "changelist")
    chosen = {"action": "merge", "_selected_action": [KIRBY, duplicate.pk]}
    page = reviewer_site.post(changelist, chosen)
    assert page.status_code == 200
    assert b"Merge into" in page.content
    done = reviewer_site.post(changelist, {**chosen, "apply": "1", "into": KIRBY}, follow=True)
    assert done.status_code == 200
    assert b"now redirects to it" in done.content
    assert SpeakerRedirect.objects.get(old_id=duplicate.pk).speaker_id == KIRBY
    old_page = reviewer_site.get(url("speaker", "change", duplicate.pk))
    assert old_page["Location"] == url("speaker", "change", KIRBY)
    # Editors do not have the action.
    listing = editor_site.get(changelist)
    assert b'value="merge"' not in listing.content


def test_the_admin_shows_a_refused_merge(seed, reviewer_site):
    chosen = {"action": "merge", "_selected_action": [KIRBY, NATO], "apply": "1", "into": KIRBY}
    done = reviewer_site.post(url("speaker", "changelist"), chosen, follow=True)
    assert b"only speakers of one kind are merged" in done.content
    assert Speaker.objects.filter(pk=NATO).exists()


def test_the_speaker_page_edits_memberships_through_the_services(seed, superuser):
    page = superuser.get(url("speaker", "change", KIRBY))
    assert page.status_code == 200
    assert b"White House national security spokesman" in page.content
    form = {
        "name": "John Kirby", "kind": "person", "aliases": '["Mr Kirby", "John F. Kirby"]',
        "country": "", "wikidata_id": "", "description": "",
        "memberships-TOTAL_FORMS": "2", "memberships-INITIAL_FORMS": "1",
        "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-id": "2", "memberships-0-person": str(KIRBY),
        "memberships-0-role": "White House national security spokesman",
        "memberships-0-organization": str(WHITE_HOUSE), "memberships-0-start": "2024-11",
        "memberships-0-end": "2025-01", "memberships-0-source": "1",
        "memberships-1-person": str(KIRBY), "memberships-1-role": "Spokesman",
        "memberships-1-organization": str(UNITED_STATES), "memberships-1-start": "2024",
        "memberships-1-end": "", "memberships-1-source": "",
    }  # fmt: skip
    from tests.helpers import form_data

    form = {**form_data(page), **form}
    saved = superuser.post(url("speaker", "change", KIRBY), form)
    assert saved.status_code == 302, saved.content.decode()[:3000]
    roles = set(
        Attribution.objects.filter(speaker_id=KIRBY).values_list(
            "role_at_the_time__role", flat=True
        )
    )
    assert roles == {"Spokesman"}  # the White House's now starts after the article's day
    created = Membership.objects.get(role="Spokesman")
    assert created.history.first().history_user.username == "ada"
    # A bad partial date is shown on the inline's form, nothing saved.
    bad = {**form, "memberships-0-start": "soon"}
    refused = superuser.post(url("speaker", "change", KIRBY), bad)
    assert refused.status_code == 200
    assert b"Enter a year" in refused.content
    assert Statement.objects.exists()


def test_a_dump_holds_the_memberships_and_redirects(duplicate, reviewer):
    _merge(reviewer, duplicate.pk, KIRBY)
    lines = [orjson.loads(line) for line in dump_lines(include_unpublished=True)]
    kinds = [line["type"] for line in lines]
    assert kinds.index("speaker_redirect") < kinds.index("membership") < kinds.index("attribution")
    redirect = next(line for line in lines if line["type"] == "speaker_redirect")
    assert (redirect["old_id"], redirect["speaker_id"]) == (duplicate.pk, KIRBY)
    roles = {line["role_at_the_time_id"] for line in lines if line["type"] == "attribution"}
    assert roles >= {1, 2, 3}
