"""Dated memberships (Popolo) and the role at the time they give attributions."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import services
from statements.memberships import membership_on
from statements.models import Attribution, Change, Membership, Speaker
from statements.representations import postgres
from statements.validators import partial_date_range
from tests.factories import AttributionFactory, SourceFactory, SpeakerFactory, StatementFactory
from tests.helpers import error_fields, problem

URL = "/api/v1/memberships/"
KIRBY, WHITE_HOUSE, NATO, RUTTE, AUSTIN, UNITED_STATES = 3, 15, 11, 10, 2, 1


# --- Partial dates and the rule ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2021", dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2021-01-22", dt.date(2021, 1, 22), dt.date(2021, 1, 22)),
    ],
)
def test_a_partial_date_covers_its_whole_period(text, first, last):
    assert partial_date_range(text) == (first, last)


@pytest.mark.parametrize(
    "text", ["21", "2021-1", "2021-13", "2021-02-30", "0000", "2021/01", "2021-01-22T00", " 2021"]
)
def test_what_is_not_a_partial_date(text):
    with pytest.raises(ValueError, match="Enter a year"):
        partial_date_range(text)


def _membership(pk, start, end):
    membership = Membership(pk=pk, start=start, end=end)
    membership.derive_bounds()
    return membership


def test_the_latest_start_wins_among_memberships_that_hold():
    old = _membership(1, "", "")  # unknown start: the earliest
    minister = _membership(2, "2020", "2022-06")
    envoy = _membership(3, "2022-03", "")
    assert membership_on([old, minister, envoy], dt.date(2021, 5, 1)) == minister
    assert membership_on([old, minister, envoy], dt.date(2022, 6, 30)) == envoy  # both hold
    assert membership_on([old, minister], dt.date(2022, 6, 30)) == minister  # June entire
    assert membership_on([old, minister], dt.date(2022, 7, 1)) == old
    assert membership_on([minister], dt.date(2019, 12, 31)) is None
    assert membership_on([minister], None) is None
    twin = _membership(4, "2020", "")
    assert membership_on([minister, twin], dt.date(2021, 1, 1)) == twin  # then the newest


# --- The seed -----------------------------------------------------------------------------------


@pytest.mark.usefixtures("seed")
def test_kirby_attribution_shows_his_role_at_the_time(anon):
    attributions = anon.get("/api/v1/attributions/", {"speaker": KIRBY}).json()["results"]
    assert attributions
    for attribution in attributions:
        assert attribution["speaker_role"] == "White House national security spokesman"
        assert attribution["role_at_the_time"] == {
            "id": 2,
            "role": "White House national security spokesman",
            "organization": WHITE_HOUSE,
            "start": "2022-05",
            "end": "2025-01",
        }
    statement = anon.get(f"/api/v1/statements/{attributions[0]['statement']}/").json()
    kirby = [a for a in statement["attributions"] if a["speaker"]["id"] == KIRBY]
    assert kirby[0]["role_at_the_time"]["role"] == "White House national security spokesman"


@pytest.mark.usefixtures("seed")
def test_the_seed_roles_follow_the_rule():
    """The fixture stores each attribution's role at the time (loaddata bypasses the
    services): they are what the rule gives."""
    for attribution in Attribution.objects.select_related("source"):
        stored = attribution.role_at_the_time_id
        services._assign_roles([attribution])
        assert attribution.role_at_the_time_id == stored, attribution.pk
    assert {m.person_id for m in Membership.objects.all()} == {AUSTIN, KIRBY, RUTTE}


@pytest.mark.usefixtures("seed")
def test_member_of_finds_statements_by_members_when_they_spoke(anon):
    kirby = {
        a["statement"]
        for a in anon.get("/api/v1/attributions/", {"speaker": KIRBY}).json()["results"]
    }
    found = anon.get("/api/v1/statements/", {"member_of": WHITE_HOUSE, "page_size": 100}).json()
    assert {s["id"] for s in found["results"]} == kirby
    nato = anon.get("/api/v1/statements/", {"member_of": NATO}).json()["results"]
    assert {a["speaker"]["id"] for s in nato for a in s["attributions"]} >= {RUTTE}
    # Two organizations: either.
    both = anon.get("/api/v1/statements/", {"member_of": [WHITE_HOUSE, NATO], "page_size": 100})
    assert both.json()["count"] == len(kirby) + len(nato)
    # On attributions too, held together with the other conditions.
    listed = anon.get("/api/v1/attributions/", {"member_of": WHITE_HOUSE, "speaker": AUSTIN})
    assert listed.json()["count"] == 0
    problem(anon.get("/api/v1/statements/", {"member_of": 999}), 400)


@pytest.mark.usefixtures("seed")
def test_member_of_holds_to_the_day_they_spoke(editor, anon):
    statement = StatementFactory()
    source = SourceFactory(published_at=dt.datetime(2024, 10, 24, tzinfo=dt.UTC))
    early = AttributionFactory(
        statement=statement, speaker=Speaker.objects.get(pk=KIRBY), source=source,
        stated_on=dt.date(2022, 4, 30),
    )  # fmt: skip
    assert early.role_at_the_time is None
    services.statement_publish(statement=statement, user=None)
    found = anon.get("/api/v1/statements/", {"member_of": WHITE_HOUSE, "page_size": 100})
    assert statement.pk not in {s["id"] for s in found.json()["results"]}
    services.attribution_update(
        attribution=early,
        user=None,
        stated_on=dt.date(2022, 5, 1),
        correction_note="The day he said it.",
    )
    found = anon.get("/api/v1/statements/", {"member_of": WHITE_HOUSE, "page_size": 100})
    assert statement.pk in {s["id"] for s in found.json()["results"]}
    early.refresh_from_db()
    assert early.role_at_the_time_id == 2


# --- CRUD ---------------------------------------------------------------------------------------


def _kirby_at_the_pentagon():
    return {
        "person": KIRBY,
        "organization": UNITED_STATES,
        "role": "Pentagon press secretary",
        "start": "2021-01",
        "end": "2022-05",
        "source": 1,
    }


@pytest.mark.usefixtures("seed")
def test_who_may_write_memberships(anon, member, editor):
    assert anon.get(URL).status_code == 200
    assert anon.get(f"{URL}1/").json()["role"] == "US Secretary of Defense"
    problem(anon.post(URL, _kirby_at_the_pentagon(), format="json"), 401)
    problem(member.post(URL, _kirby_at_the_pentagon(), format="json"), 403)
    created = editor.post(URL, _kirby_at_the_pentagon(), format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["start"], body["end"]) == ("2021-01", "2022-05")
    assert created["Location"].endswith(f"{URL}{body['id']}/")
    problem(member.delete(f"{URL}{body['id']}/"), 403)
    assert editor.delete(f"{URL}{body['id']}/").status_code == 204
    assert not Membership.objects.filter(pk=body["id"]).exists()


@pytest.mark.usefixtures("seed")
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"start": "2021-13"}, "start"),
        ({"end": "May 2022"}, "end"),
        ({"start": "2022-06", "end": "2022-05"}, "end"),
        ({"person": NATO}, "person"),
        ({"organization": AUSTIN}, "organization"),
        ({"organization": KIRBY}, "organization"),
        ({"person": 999}, "person"),
        ({"role": ""}, "role"),
        ({"valid_from": "2021-01-01"}, "valid_from"),
    ],
)
def test_bad_memberships_are_400_naming_the_field(editor, change, field):
    before = Membership.objects.count()
    response = editor.post(URL, {**_kirby_at_the_pentagon(), **change}, format="json")
    problem(response, 400)
    assert field in error_fields(response)
    assert Membership.objects.count() == before


@pytest.mark.usefixtures("seed")
def test_a_membership_change_refreshes_the_roles_and_the_feed(editor, anon):
    kirby = Attribution.objects.filter(speaker_id=KIRBY)
    statements = sorted(set(kirby.values_list("statement_id", flat=True)))
    feed_before = Change.objects.count()
    # Moved to start after the article's day: the attributions lose their role.
    response = editor.patch(f"{URL}2/", {"start": "2024-11"}, format="json")
    assert response.status_code == 200, response.content
    assert set(kirby.values_list("role_at_the_time", flat=True)) == {None}
    new = Change.objects.order_by("id")[feed_before:]
    updated = sorted(c.object_id for c in new if c.object_type == "statement")
    assert updated == statements
    assert [c.kind for c in new if c.object_type == "membership"] == ["updated"]
    # A second membership that holds: it is the role at the time.
    created = editor.post(URL, {**_kirby_at_the_pentagon(), "end": "2024"}, format="json")
    assert set(kirby.values_list("role_at_the_time", flat=True)) == {created.json()["id"]}
    # Deleted: none holds any more.
    assert editor.delete(f"{URL}{created.json()['id']}/").status_code == 204
    assert set(kirby.values_list("role_at_the_time", flat=True)) == {None}
    shown = anon.get("/api/v1/attributions/", {"speaker": KIRBY}).json()["results"]
    assert {a["role_at_the_time"] for a in shown} == {None}


@pytest.mark.usefixtures("seed")
def test_a_source_date_change_refreshes_the_roles():
    source = Attribution.objects.get(pk=24).source
    services.source_update(
        source=source, user=None, published_at=dt.datetime(2024, 9, 1, tzinfo=dt.UTC)
    )
    assert Attribution.objects.get(pk=24).role_at_the_time is None  # Rutte from October
    services.source_update(source=source, user=None, published_at=None)
    assert Attribution.objects.get(pk=24).role_at_the_time is None  # no day at all
    services.source_update(
        source=source, user=None, published_at=dt.datetime(2024, 10, 2, tzinfo=dt.UTC)
    )
    assert Attribution.objects.get(pk=24).role_at_the_time_id == 3


@pytest.mark.usefixtures("seed")
def test_membership_filters(anon):
    def ids(**params):
        response = anon.get(URL, params)
        assert response.status_code == 200, response.content
        return [m["id"] for m in response.json()["results"]]

    assert ids() == [1, 2, 3]
    assert ids(person=KIRBY) == [2]
    assert ids(organization=NATO) == [3]
    assert ids(organization=[NATO, UNITED_STATES]) == [1, 3]
    assert ids(date="2024-10-24") == [1, 2, 3]
    assert ids(date="2022-05-01") == [1, 2]  # "2022-05" starts on its first day
    assert ids(date="2025-01-31") == [2, 3]  # "2025-01" ends on its last; Austin on the 20th
    assert ids(date="2025-02-01") == [3]
    assert ids(date="2025-01-20") == [1, 2, 3]
    assert ids(updated_after="2030-01-01T00:00:00Z") == []
    assert ids(fields="id,role") == [1, 2, 3]
    problem(anon.get(URL, {"person": 999}), 400)
    problem(anon.get(URL, {"date": "2024-13-01"}), 400)
    problem(anon.get(URL, {"colour": "red"}), 400)


def test_membership_history_is_for_editors(seed, anon, editor):
    pk = editor.post(URL, _kirby_at_the_pentagon(), format="json").json()["id"]
    editor.patch(f"{URL}{pk}/", {"source": None}, format="json")
    problem(anon.get(f"{URL}{pk}/history/"), 401)
    history = editor.get(f"{URL}{pk}/history/").json()["results"]
    assert [entry["action"] for entry in history] == ["changed", "created"]
    assert history[0]["changes"] == [{"field": "source", "old": 1, "new": None}]


# --- Queries ------------------------------------------------------------------------------------


def _count(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(queries)


@pytest.mark.usefixtures("seed")
@pytest.mark.parametrize(
    ("url", "params", "budget"),
    [
        ("/api/v1/statements/", {}, 5),  # with the correction notices
        ("/api/v1/statements/", {"member_of": WHITE_HOUSE}, 5),
        ("/api/v1/attributions/", {}, 2),
        (URL, {}, 2),
        (URL, {"person": KIRBY}, 3),
    ],
)
def test_the_roles_cost_no_query_per_row(anon, url, params, budget):
    small = _count(anon, url, {**params, "page_size": 1})
    large = _count(anon, url, {**params, "page_size": 100})
    assert small == large <= budget


@pytest.mark.usefixtures("seed")
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL writes them")
def test_postgres_writes_the_roles_as_python_does(anon, monkeypatch):
    in_sql = anon.get("/api/v1/statements/", {"page_size": 100}).content
    monkeypatch.setattr(postgres, "available", lambda: False)
    assert anon.get("/api/v1/statements/", {"page_size": 100}).content == in_sql
    assert b'"role_at_the_time":{"id":2,' in in_sql


def test_a_person_with_memberships_cannot_be_deleted_from_under_them(seed, editor):
    speaker = SpeakerFactory(name="Someone", kind="person")
    Membership.objects.create(person=speaker, organization_id=NATO, role="Envoy")
    problem(editor.delete(f"/api/v1/speakers/{speaker.pk}/"), 409)
