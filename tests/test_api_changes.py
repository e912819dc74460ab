"""The change feed (GET /api/v1/changes/), ``updated_after`` on the lists and the statement
lists' cursor mode: what a partner needs to keep a copy in step.

The feed's promise, a cursor that never skips a committed change and never repeats one, is
proven under concurrent writers that commit out of order on PostgreSQL (the end of this
file); SQLite admits one writer at a time.

The feed serves committed changes only: on PostgreSQL a test that wrote in its own
transaction would find none, so the tests that read it commit what they write
(``FEED``)."""

import datetime as dt
import re
import threading

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone
from rest_framework.fields import DateTimeField
from rest_framework.test import APIClient

from statements import services
from statements.changes import Cursor
from statements.models import Change, Speaker, Statement
from tests.factories import AttributionFieldsFactory, SpeakerFactory, StatementFactory
from tests.helpers import error_fields, problem

CHANGES = "/api/v1/changes/"
FEED = pytest.mark.django_db(transaction=True)
STATEMENTS = "/api/v1/statements/"


def read_feed(client, *, page_size: int = 1000, after: str | None = None) -> tuple[list, str]:
    """Every change the feed gives ``client`` after ``after``, following ``next``; the
    entries and the last cursor."""
    entries, cursor = [], after
    while True:
        params = {"page_size": page_size, **({"after": cursor} if cursor else {})}
        response = client.get(CHANGES, params)
        assert response.status_code == 200, response.content
        body = response.json()
        entries += body["results"]
        cursor = body["cursor"] or cursor
        if body["next"] is None:
            return entries, cursor


def changes_of(entries: list, obj: str, pk: int) -> list[str]:
    return [e["kind"] for e in entries if e["object"] == obj and e["id"] == pk]


# --- What each caller sees ----------------------------------------------------------------------


@FEED
def test_the_public_sees_published_statements_speakers_and_sources(world, anon):
    entries, _ = read_feed(anon)
    assert changes_of(entries, "statement", world.claim.pk) == ["published", "updated"]
    assert changes_of(entries, "statement", world.denial.pk) == ["published", "updated"]
    assert changes_of(entries, "statement", world.draft.pk) == []
    assert changes_of(entries, "speaker", world.minister.pk) == ["created"]
    assert changes_of(entries, "source", world.article.pk) == ["created"]
    entry = entries[0]
    assert set(entry) == {"kind", "object", "id", "at", "note", "url"}
    assert entry["url"] == f"http://testserver/api/v1/{entry['object']}s/{entry['id']}/"


@FEED
def test_dates_are_written_as_the_rest_of_the_api_writes_them(world, anon):
    first = Change.objects.order_by("xid", "id").first()
    Change.objects.filter(pk=first.pk).update(at=dt.datetime(2024, 10, 28, 9, 30, tzinfo=dt.UTC))
    entries, _ = read_feed(anon)
    stored = Change.objects.filter(public=True).order_by("xid", "id").values_list("at", flat=True)
    assert [e["at"] for e in entries] == [DateTimeField().to_representation(at) for at in stored]
    assert entries[0]["at"] == "2024-10-28T09:30:00Z"


@FEED
def test_editors_see_drafts_too(world, editor):
    entries, _ = read_feed(editor)
    # Created as drafts with their attributions, then published, then related.
    assert changes_of(entries, "statement", world.claim.pk) == ["created", "published", "updated"]
    assert changes_of(entries, "statement", world.draft.pk) == ["created"]


@FEED
def test_every_kind_of_change_in_the_order_made(world, anon, editor, reviewer):
    _, public_start = read_feed(anon)
    _, editor_start = read_feed(editor)
    draft = world.draft.pk
    editor.patch(f"{STATEMENTS}{draft}/", {"text": "Edited draft."}, format="json")
    reviewer.post(f"{STATEMENTS}{draft}/publish/")
    services.speaker_update(speaker=world.officials, user=None, name="Anonymous officials")
    claim = world.claim.pk
    reviewer.post(f"{STATEMENTS}{claim}/retract/", {"reason": "Misquoted."}, format="json")
    doomed = StatementFactory(text="To be deleted.")
    services.statement_delete(statement=doomed, user=None)

    public, _ = read_feed(anon, after=public_start)
    seen = [(e["object"], e["id"], e["kind"]) for e in public]
    assert seen == [
        ("statement", draft, "published"),
        ("speaker", world.officials.pk, "updated"),
        ("statement", claim, "retracted"),
    ]
    assert public[-1]["note"] == "Misquoted."
    assert "text" not in public[-1]

    everything, _ = read_feed(editor, after=editor_start)
    seen = [(e["object"], e["id"], e["kind"]) for e in everything]
    assert seen == [
        ("statement", draft, "updated"),
        ("statement", draft, "published"),
        ("speaker", world.officials.pk, "updated"),
        ("statement", claim, "retracted"),
        ("statement", doomed.pk, "created"),
        ("statement", doomed.pk, "deleted"),
    ]


@FEED
def test_attributions_and_relations_change_their_statements(world, editor):
    _, start = read_feed(editor)
    attribution = world.draft.attributions.get()
    editor.patch(f"/api/v1/attributions/{attribution.pk}/", {"verb": "warned"}, format="json")
    services.relation_update(relation=world.relation, user=None, to_statement=world.draft)
    entries, _ = read_feed(editor, after=start)
    assert [(e["id"], e["kind"]) for e in entries] == [
        (world.draft.pk, "updated"),
        *sorted(
            [(world.denial.pk, "updated"), (world.draft.pk, "updated"), (world.claim.pk, "updated")]
        ),
    ]


@FEED
def test_a_corrected_body_updates_the_statements_whose_quotes_it_moves(world, admin):
    _, start = read_feed(admin)
    body = "Correction appended. " + world.article.body.replace("Officials denied it. ", "")
    response = admin.patch(f"/api/v1/sources/{world.article.pk}/", {"body": body}, format="json")
    assert response.status_code == 200, response.content
    entries, _ = read_feed(admin, after=start)
    moved = set(world.article.attributions.values_list("statement_id", flat=True))
    assert changes_of(entries, "source", world.article.pk) == ["updated"]
    assert {e["id"] for e in entries if e["object"] == "statement"} == moved
    assert {e["kind"] for e in entries if e["object"] == "statement"} == {"updated"}


@FEED
def test_a_failed_write_leaves_no_change(world, editor):
    before = Change.objects.count()
    response = editor.delete(f"/api/v1/speakers/{world.minister.pk}/")  # still attributed
    assert response.status_code == 409
    assert Change.objects.count() == before


@FEED
def test_the_seed_that_bootstrap_loads_is_in_the_feed(anon):
    from io import StringIO

    from django.core.management import call_command

    call_command("bootstrap", stdout=StringIO(), stderr=StringIO())
    entries, _ = read_feed(anon)
    listed = {(e["object"], e["id"]) for e in entries}
    published = Statement.objects.filter(status="published").values_list("pk", flat=True)
    assert {("statement", pk) for pk in published} <= listed
    assert ("speaker", Speaker.objects.first().pk) in listed
    assert len(entries) == len(listed)  # each once


# --- The cursor ---------------------------------------------------------------------------------


@FEED
@pytest.mark.parametrize("page_size", [1, 2, 7])
def test_pages_of_any_size_give_each_change_once(world, editor, page_size):
    whole, _ = read_feed(editor)
    paged, _ = read_feed(editor, page_size=page_size)
    assert paged == whole
    assert len(whole) == Change.objects.count()


@FEED
def test_a_caught_up_reader_keeps_its_cursor_and_finds_what_comes_next(world, anon):
    _, cursor = read_feed(anon)
    body = anon.get(CHANGES, {"after": cursor}).json()
    assert body == {"cursor": cursor, "next": None, "results": []}
    SpeakerFactory(name="Someone new")
    body = anon.get(CHANGES, {"after": cursor}).json()
    assert [(e["object"], e["kind"]) for e in body["results"]] == [("speaker", "created")]
    assert body["cursor"] != cursor


@FEED
def test_an_empty_feed_has_no_cursor(anon):
    assert anon.get(CHANGES).json() == {"cursor": None, "next": None, "results": []}


@FEED
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"after": "not-a-cursor"}, "after"),
        ({"after": Cursor(-1, 3).encode()}, "after"),
        ({"after": "MTIz"}, "after"),  # "123": no id
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "ten"}, "page_size"),
        ({"page": "2"}, "page"),
        ({"since": "2024-01-01"}, "since"),
    ],
)
def test_bad_parameters_are_400s_naming_them(anon, params, field):
    response = anon.get(CHANGES, params)
    problem(response, 400)
    assert error_fields(response) == [field]


@FEED
def test_the_page_size_is_capped(world, anon):
    for _ in range(3):
        SpeakerFactory()
    body = anon.get(CHANGES, {"page_size": "100000"}).json()
    assert len(body["results"]) == Change.objects.filter(public=True).count()


@FEED
@pytest.mark.parametrize("client_name", ["anon", "editor"])
def test_a_page_costs_a_bounded_number_of_queries(
    world, request, client_name, django_assert_max_num_queries
):
    client = request.getfixturevalue(client_name)
    for number in range(30):
        SpeakerFactory(name=f"Speaker {number}")
    client.get(CHANGES)
    # A token, an editor's permissions (two), the horizon (PostgreSQL), the page: however
    # many changes it holds.
    with django_assert_max_num_queries(5):
        assert len(client.get(CHANGES, {"page_size": 1000}).json()["results"]) > 30


@FEED
def test_the_import_records_what_it_writes(world, editor, tmp_path):
    import json

    from django.core.management import call_command

    _, start = read_feed(editor)
    line = {
        "text": "Imported and published.",
        "status": "published",
        "attributions": [
            {
                "speaker": {"name": "An importer", "kind": "person"},
                "source": {"url": "https://imported.example/a", "title": "Imported"},
                "mode": "summary",
                "speech_act": "assertion",
            }
        ],
    }
    path = tmp_path / "lines.ndjson"
    path.write_text(json.dumps(line) + "\n")
    call_command("import_statements", "--no-progress", str(path))
    entries, _ = read_feed(editor, after=start)
    statement = Statement.objects.get(text="Imported and published.")
    assert [(e["object"], e["kind"]) for e in entries] == [
        ("speaker", "created"),
        ("source", "created"),
        ("statement", "published"),
    ]
    assert entries[-1]["id"] == statement.pk


# --- updated_after ------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["speakers", "sources", "statements", "attributions", "relations"])
def test_updated_after_lists_what_changed_since(world, editor, path):
    since = timezone.now()
    everything = editor.get(f"/api/v1/{path}/", {"page_size": 100}).json()["count"]
    assert editor.get(f"/api/v1/{path}/", {"updated_after": since.isoformat()}).json()["count"] == 0
    earlier = (since - dt.timedelta(days=1)).isoformat()
    assert editor.get(f"/api/v1/{path}/", {"updated_after": earlier}).json()["count"] == (
        everything
    )


@pytest.mark.django_db
def test_a_statement_is_updated_when_one_of_its_attributions_is(world, anon):
    since = timezone.now()
    attribution = world.denial.attributions.get()
    services.attribution_update(
        attribution=attribution, user=None, verb="rejected", correction_note="Verb corrected."
    )
    listed = anon.get(STATEMENTS, {"updated_after": since.isoformat()}).json()["results"]
    assert [s["id"] for s in listed] == [world.denial.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["yesterday", "2024-13-01", "2024-02-30T10:00"])
def test_a_bad_updated_after_is_a_400_naming_it(world, anon, value):
    response = anon.get(STATEMENTS, {"updated_after": value})
    problem(response, 400)
    assert error_fields(response) == ["updated_after"]


@pytest.mark.django_db
def test_updated_after_takes_a_date(world, anon):
    assert anon.get(STATEMENTS, {"updated_after": "2000-01-01"}).json()["count"] == 2


# --- The statement lists' cursor mode ----------------------------------------------------------


def walk(client, path: str = STATEMENTS, **params) -> list[int]:
    ids, url, query = [], path, {"cursor": "", **params}
    while url:
        response = client.get(url, query)
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["previous"] is None
        ids += [s["id"] for s in body["results"]]
        url, query = body["next"], None
    return ids


@pytest.mark.django_db
@pytest.mark.parametrize("page_size", [1, 2, 100])
def test_cursor_mode_walks_every_statement_once_in_id_order(world, editor, page_size):
    for number in range(5):
        StatementFactory(text=f"More {number}.")
    expected = list(Statement.objects.order_by("pk").values_list("pk", flat=True))
    assert walk(editor, page_size=page_size) == expected


@pytest.mark.django_db
def test_cursor_mode_keeps_the_filters_and_the_count(world, anon, editor):
    assert walk(anon) == sorted([world.claim.pk, world.denial.pk])
    assert walk(editor, status="draft") == [world.draft.pk]
    body = editor.get(STATEMENTS, {"cursor": "", "page_size": 1}).json()
    assert body["count"] == 3
    assert walk(anon, q="officials", ordering="id") == [world.denial.pk]
    speaker = f"/api/v1/speakers/{world.minister.pk}/statements/"
    assert walk(anon, speaker) == [world.claim.pk]


@pytest.mark.django_db
def test_cursor_mode_reads_no_offset(world, anon, django_assert_max_num_queries):
    for number in range(5):
        StatementFactory(
            text=f"More {number}.", attributions=[AttributionFieldsFactory()], publish=True
        )
    first = anon.get(STATEMENTS, {"cursor": "", "page_size": 2}).json()
    with django_assert_max_num_queries(6) as queries:
        anon.get(first["next"])
    # (The representations' SQL holds an "OFFSET 0", a planner's fence: no rows skipped.)
    assert not any(re.search(r"OFFSET [1-9]", q["sql"]) for q in queries.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"cursor": "garbage"}, "cursor"),
        ({"cursor": "", "page": "2"}, "page"),
        ({"cursor": "", "ordering": "-id"}, "ordering"),
        ({"cursor": "", "q": "troops"}, "cursor"),
    ],
)
def test_cursor_mode_refuses_what_it_cannot_do(world, anon, params, field):
    response = anon.get(STATEMENTS, params)
    problem(response, 400)
    assert error_fields(response) == [field]


@pytest.mark.django_db
def test_page_numbers_are_unchanged(world, anon):
    body = anon.get(STATEMENTS, {"page_size": 1}).json()
    assert body["count"] == 2
    assert "page=2" in body["next"]


# --- Concurrent writers on PostgreSQL -----------------------------------------------------------

WRITERS = 8


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite admits one writer at a time: its transactions commit in id order",
)
@FEED
def test_concurrent_writers_committing_out_of_order_are_each_seen_once(editor_user):
    """One transaction takes its id and writes first, then stays open while eight writers,
    released together by a barrier, commit after it; a reader polls the feed all along.
    The held change has the smallest ids and commits last: a feed in id order would skip
    it. Every change must be read exactly once."""
    written, release, finished = threading.Event(), threading.Event(), threading.Event()
    # Set once every later writer has committed, and once the reader has read after that.
    later_committed, read_after_them = threading.Event(), threading.Event()
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []
    seen: list[tuple] = []
    served_while_held: list[int] = []  # by the reads that ran while the first was open

    def in_thread(work):
        def run(*args) -> None:
            try:
                work(*args)
            except BaseException as error:  # reported by the assertions
                errors.append(error)
            finally:
                connections.close_all()

        return run

    @in_thread
    def hold() -> None:
        with transaction.atomic():
            services.speaker_create(user=None, name="Held open", kind="person")
            written.set()
            assert release.wait(30)

    @in_thread
    def write(number: int) -> None:
        barrier.wait(30)
        services.speaker_create(user=None, name=f"Writer {number}", kind="person")
        statement = services.statement_create(user=None, text=f"By writer {number}.")
        services.statement_update(statement=statement, user=None, text=f"Again {number}.")

    @in_thread
    def read() -> None:
        client, cursor = APIClient(), None
        client.force_authenticate(editor_user)  # every change: the drafts' too
        while True:
            last_round, after_them = finished.is_set(), later_committed.is_set()
            params = {"page_size": 3, **({"after": cursor} if cursor else {})}
            body = client.get(CHANGES, params).json()
            if not release.is_set():  # the whole request ran while the first was open
                served_while_held.append(len(body["results"]))
                if after_them:
                    read_after_them.set()
            seen.extend((e["object"], e["id"], e["kind"]) for e in body["results"])
            cursor = body["cursor"] or cursor
            if last_round and body["next"] is None:
                return

    holder = threading.Thread(target=hold)
    holder.start()
    assert written.wait(30)
    reader = threading.Thread(target=read)
    reader.start()
    writers = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in writers:
        thread.start()
    for thread in writers:
        thread.join(60)
    # Every later writer has committed; the first transaction has not.
    assert Change.objects.count() == WRITERS * 3
    later_committed.set()
    assert read_after_them.wait(30)
    release.set()
    holder.join(60)
    finished.set()
    reader.join(120)
    assert not errors, errors
    assert not reader.is_alive()

    expected = list(Change.objects.values_list("object_type", "object_id", "kind"))
    assert len(expected) == WRITERS * 3 + 1
    assert len(seen) == len(set(seen)), "a change was read twice"
    assert sorted(seen) == sorted(expected), "a change was skipped"
    # Nothing after the open transaction was served before it committed.
    assert sum(served_while_held) == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's transaction ids")
@FEED
def test_a_transaction_open_in_another_database_does_not_hold_the_feed_back(anon):
    """A snapshot's xmin is the cluster's: the feed reads which running transactions are
    this database's, so an unrelated one left open elsewhere delays nothing."""
    import psycopg

    settings = connection.settings_dict
    elsewhere = psycopg.connect(
        dbname="postgres",
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
    )
    try:
        elsewhere.execute("SELECT pg_current_xact_id()")  # holds a transaction id, open
        SpeakerFactory(name="Written after it")
        entries, _ = read_feed(anon)
        assert [e["kind"] for e in entries] == ["created"]
    finally:
        elsewhere.close()
