"""Backup and restore (``manage.py dump`` / ``manage.py restore``, statements/transfer/dump.py):
a dump restored into an empty database reproduces every object, field by field, with its
quotes anchored where they were."""

import io
import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from bench.corpus import Corpus
from bench.load import load_corpus
from statements import services
from statements.choices import AnchorStatus, AttributionMode, StatementStatus
from statements.models import Attribution, Relation, Source, Speaker, Statement
from statements.transfer.dump import (
    TYPES,
    RestoreError,
    dump_lines,
    dumped_columns,
    restore_lines,
)
from tests.factories import AttributionFieldsFactory, RelationFactory, StatementFactory

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)


def _stored() -> dict[str, dict[int, dict]]:
    """Every object of the database, by type and id, its fields as a dump writes them."""
    objects = {}
    for kind, model in TYPES.items():
        rows = model.objects.order_by("pk").values(*dumped_columns(model))
        objects[kind] = {row["id"]: orjson.loads(orjson.dumps(row)) for row in rows}
    for statement in objects["statement"].values():
        statement["topics"] = []
    links = Statement.topics.through.objects.order_by("topic_id")
    for statement_id, topic_id in links.values_list("statement_id", "topic_id"):
        objects["statement"][statement_id]["topics"].append(topic_id)
    return objects


def _read(lines) -> dict[str, dict[int, dict]]:
    objects: dict[str, dict[int, dict]] = {kind: {} for kind in TYPES}
    for line in lines:
        values = orjson.loads(line)
        kind = values.pop("type")
        if kind != "dump":
            objects[kind][values["id"]] = values
    return objects


def _assert_anchored(objects: dict[str, dict[int, dict]]) -> int:
    """Every anchored quote stands at its offsets in its source's body; returns how many."""
    anchored = 0
    for attribution in objects["attribution"].values():
        if attribution["quote_status"] in (AnchorStatus.ANCHORED, AnchorStatus.REANCHORED):
            body = objects["source"][attribution["source_id"]]["body"]
            start, end = attribution["quote_start"], attribution["quote_end"]
            assert body[start:end] == attribution["quote_exact"], attribution["id"]
            anchored += 1
    return anchored


# --- the round trip, into a second database ---------------------------------------------------


def _second_database(tmp_path: Path):
    """The URL of a new, empty database on the same engine, and a function to drop it."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}", lambda: None
    import psycopg

    params = connection.get_connection_params()
    name = f"{connection.settings_dict['NAME']}_restored"
    server = {key: params[key] for key in ("host", "port", "user", "password") if key in params}

    def run(sql: str) -> None:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(sql)

    run(f'DROP DATABASE IF EXISTS "{name}"')
    run(f'CREATE DATABASE "{name}"')
    user, password = server.get("user", ""), server.get("password") or ""
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    url = f"postgres://{credentials}{server.get('host', '')}:{server.get('port', 5432)}/{name}"
    return url, lambda: run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(url: str, *args: str) -> None:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    subprocess.run(  # noqa: S603  (our own manage.py)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


# The public dump at the 10k statements; a staff backup (drafts and retractions too)
# at 2k, for time: the code is the same.
@pytest.mark.parametrize(
    ("size", "include_unpublished"), [(10_000, False), (2_000, True)], ids=["10k-public", "2k-all"]
)
def test_a_dump_restores_into_an_empty_database_object_by_object(
    tmp_path, size, include_unpublished
):
    load_corpus(Corpus(size), progress=False, vacuum=False)
    assert Relation.objects.exists()
    assert Statement.objects.exclude(status=StatementStatus.PUBLISHED).exists()
    dump = tmp_path / "dump.ndjson"
    dump.write_bytes(b"".join(dump_lines(include_unpublished)))

    url, drop = _second_database(tmp_path)
    try:
        _manage(url, "migrate", "--no-input")
        _manage(url, "restore", str(dump), "--no-progress")
        # Read back from the restored database by the same writer, with everything in it.
        redump = tmp_path / "restored.ndjson"
        _manage(url, "dump", "--all", str(redump), "--no-progress")
    finally:
        drop()

    expected = _stored()
    if not include_unpublished:
        public = {pk for pk, row in expected["statement"].items() if row["status"] == "published"}
        expected["statement"] = {pk: expected["statement"][pk] for pk in public}
        expected["attribution"] = {
            pk: row for pk, row in expected["attribution"].items() if row["statement_id"] in public
        }
        expected["relation"] = {
            pk: row
            for pk, row in expected["relation"].items()
            if {row["from_statement_id"], row["to_statement_id"]} <= public
        }
        expected["correction"] = {
            pk: row for pk, row in expected["correction"].items() if row["statement_id"] in public
        }
    restored = _read(redump.read_bytes().splitlines())
    for kind in TYPES:
        assert restored[kind].keys() == expected[kind].keys(), kind
        for pk, row in expected[kind].items():
            assert restored[kind][pk] == row, (kind, pk)
    assert len(restored["statement"]) >= size // 2
    assert _assert_anchored(restored) == _assert_anchored(expected) > size // 5


# --- scope, ids and refusals, in one database -------------------------------------------------


def _statements_with_relations():
    quoted = AttributionFieldsFactory(mode=AttributionMode.DIRECT_QUOTE, quote_exact="We will.")
    published = StatementFactory(attributions=[quoted], topics=["energy"], publish=True)
    other = StatementFactory(attributions=[AttributionFieldsFactory()], publish=True)
    draft = StatementFactory(attributions=[AttributionFieldsFactory()])
    RelationFactory(from_statement=other, to_statement=published)
    RelationFactory(from_statement=draft, to_statement=published)
    return published, draft, other


def _wipe() -> None:
    Relation.objects.all().delete()
    Attribution.objects.all().delete()
    Statement.objects.all().delete()
    for model in (Source, Speaker, TYPES["topic"]):
        model.objects.all().delete()


def test_a_public_dump_leaves_out_unpublished_statements_and_what_hangs_on_them():
    published, draft, other = _statements_with_relations()
    objects = _read(b"".join(dump_lines()).splitlines())
    assert objects["statement"].keys() == {published.pk, other.pk}
    assert {a["statement_id"] for a in objects["attribution"].values()} == {published.pk, other.pk}
    assert [r["from_statement_id"] for r in objects["relation"].values()] == [other.pk]
    assert objects["speaker"].keys() == set(Speaker.objects.values_list("pk", flat=True))
    everything = _read(b"".join(dump_lines(include_unpublished=True)).splitlines())
    assert draft.pk in everything["statement"]
    assert len(everything["relation"]) == 2


def test_a_restore_keeps_ids_and_new_objects_come_after_them(reviewer_user):
    published, _, _ = _statements_with_relations()
    services.statement_update(
        statement=published, user=reviewer_user, text="We will, in May.", correction_note="May."
    )
    before = _stored()
    assert [row["note"] for row in before["correction"].values()] == ["May."]
    lines = b"".join(dump_lines(include_unpublished=True)).splitlines()
    _wipe()
    counts = restore_lines(lines)
    assert counts["statement"] == 3
    assert counts["relation"] == 2
    assert counts["correction"] == 1
    assert _stored() == before
    assert _assert_anchored(before) == 1
    assert StatementFactory().pk > max(before["statement"])
    assert Statement.objects.filter(search_document__isnull=False).count() == 4


def test_a_restore_refuses_a_database_that_holds_data():
    StatementFactory()
    lines = b"".join(dump_lines(include_unpublished=True)).splitlines()
    with pytest.raises(RestoreError, match="already holds data"):
        restore_lines(lines)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([b'{"type": "speaker", "id": 1}'], "Line 1: expected the header"),
        ([b'{"type": "dump", "version": 1}', b"not json"], "Line 2: not a line"),
        ([b'{"type": "dump", "version": 1}', b'{"type": "user", "id": 1}'], "'user'"),
        (
            [b'{"type": "dump", "version": 1}', b'{"type": "topic", "id": 1, "x": 2}'],
            r"unknown topic fields \['x'\]",
        ),
    ],
)
def test_a_restore_names_the_line_it_cannot_read(lines, message):
    with pytest.raises(RestoreError, match=message):
        restore_lines(lines)
    assert not Statement.objects.exists()


def test_the_commands_say_what_they_did(tmp_path):
    _statements_with_relations()
    dump = tmp_path / "dump.ndjson"
    out = io.StringIO()
    call_command("dump", str(dump), "--no-progress", stdout=out)
    assert "published statements" in out.getvalue()
    _wipe()
    out = io.StringIO()
    call_command("restore", str(dump), "--no-progress", stdout=out)
    assert "Restored" in out.getvalue()
    assert "2 statements" in out.getvalue()
    assert "2 attributions" in out.getvalue()


def test_a_restore_refuses_a_dump_that_breaks_the_database_rules():
    lines = [
        b'{"type": "dump", "version": 1}',
        b'{"type": "speaker", "id": 1, "name": "Ann", "kind": "person"}',  # no timestamps
    ]
    with pytest.raises(RestoreError, match="does not fit this database"):
        restore_lines(lines)
    assert not Speaker.objects.exists()
