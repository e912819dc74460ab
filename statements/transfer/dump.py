"""A backup of the data as NDJSON (``manage.py dump``) and its restore into an empty database
(``manage.py restore``).

Unlike the export, which shows statements as the API does for partners, a dump holds every
stored field of every object, one object a line, typed by ``"type"``, each table in id order:

    {"type": "dump", "version": 1, "scope": "public"}
    {"type": "topic", "id": 1, "slug": "ceasefire"}
    {"type": "speaker", "id": 1, "name": ..., "aliases": [...], "wikidata_id": ..., ...}
    {"type": "speaker_redirect", "old_id": 16, "speaker_id": 3, "name": ..., ...}
    {"type": "source", "id": 1, "url": ..., "body": ..., "body_sha256": ..., ...}
    {"type": "membership", "id": 1, "person_id": 2, "organization_id": 1, "start": ..., ...}
    {"type": "statement", "id": 1, "text": ..., "status": ..., "topics": [1, 4], ...}
    {"type": "attribution", "id": 1, "statement_id": 1, "speaker_id": 1, "quote_start": ...,
     "quote_status": "anchored", "quote_body_sha256": ..., ...}
    {"type": "relation", "id": 1, "from_statement_id": 1, "to_statement_id": 2, ...}
    {"type": "correction", "id": 1, "statement_id": 1, "at": ..., "note": ...}

Fields are the models' columns by attribute name, so a new column is dumped without a change
here. Ids are kept: a restore reproduces every object as it was, with its timestamps, and a
quote keeps its offsets and anchor status in the same body. By default only what the public
sees is dumped: published statements, their attributions, and relations between two of them
(with every speaker, merged speaker's redirect, source, membership and topic) and their
correction notices; ``include_unpublished`` dumps drafts and retracted statements too, for a
staff backup. Not dumped: the change history, the change feed, suggestion decisions, the
revisions proposed, users and tokens (they belong to this installation and its workflow,
not to the data), and so neither the correction notices' links to them.

A restore writes rows as they are (bulk inserts, no services: the dump was valid when it was
written), then moves the id sequences past the ids, rebuilds the search index and bumps the
content generation.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import orjson
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.db.models import Q

from statements import search
from statements.claims import keys as claim_keys
from statements.generation import bump_generation
from statements.models import (
    Attribution,
    Correction,
    Membership,
    Relation,
    Revision,
    Source,
    Speaker,
    SpeakerRedirect,
    Statement,
    Topic,
)
from statements.visibility import visible_to

FORMAT_VERSION = 1
BATCH_SIZE = 2000
StatementTopic = Statement.topics.through

# Each type of line, by its model, in the order a restore can insert them.
TYPES: dict[str, type[models.Model]] = {
    "topic": Topic,
    "speaker": Speaker,
    "speaker_redirect": SpeakerRedirect,
    "source": Source,
    "membership": Membership,
    "statement": Statement,
    "attribution": Attribution,
    "relation": Relation,
    "correction": Correction,
}


class RestoreError(Exception):
    """A dump that cannot be restored here; the message says why (and on which line)."""


def dumped_columns(model: type[models.Model]) -> list[str]:
    """The model's columns a dump holds: all but those pointing at this installation's users
    and revisions (a correction's author and the revision it applied)."""
    return [
        field.attname
        for field in model._meta.concrete_fields
        if not (field.is_relation and field.related_model in (Revision, get_user_model()))
    ]


def _querysets(include_unpublished: bool) -> dict[str, models.QuerySet]:
    """What each type of line is read from: for a public dump, what the API shows anyone
    (every topic, speaker and source; the published statements and what hangs on them)."""

    def shown(prefix: str = "") -> Q:
        return visible_to(public_only=not include_unpublished, prefix=prefix)

    querysets = {
        "topic": Topic.objects.all(),
        "speaker": Speaker.objects.all(),
        "speaker_redirect": SpeakerRedirect.objects.all(),
        "source": Source.objects.all(),
        "membership": Membership.objects.all(),
        "statement": Statement.objects.filter(shown()),
        "attribution": Attribution.objects.filter(shown("statement__")),
        "relation": Relation.objects.filter(shown("from_statement__"), shown("to_statement__")),
        "correction": Correction.objects.filter(shown("statement__")),
    }
    return {kind: queryset.order_by("pk") for kind, queryset in querysets.items()}


def count_objects(include_unpublished: bool = False) -> int:
    """How many lines (besides the header) ``dump_lines`` will write: for a progress bar."""
    return sum(qs.count() for qs in _querysets(include_unpublished).values())


def _line(kind: str, values: dict[str, Any]) -> bytes:
    return orjson.dumps({"type": kind, **values}) + b"\n"


def dump_lines(include_unpublished: bool = False) -> Iterator[bytes]:
    """The dump, a line (one object) at a time, read a batch at a time."""
    scope = "all" if include_unpublished else "public"
    yield _line("dump", {"version": FORMAT_VERSION, "scope": scope})
    for kind, queryset in _querysets(include_unpublished).items():
        model = TYPES[kind]
        rows = queryset.values(*dumped_columns(model)).iterator(chunk_size=BATCH_SIZE)
        if model is not Statement:
            for row in rows:
                yield _line(kind, row)
            continue
        # A statement's topics, by id, a batch of statements at a time.
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH_SIZE:
                yield from _statement_lines(batch)
                batch = []
        yield from _statement_lines(batch)


def _statement_lines(batch: list[dict[str, Any]]) -> Iterator[bytes]:
    if not batch:
        return
    topics: dict[int, list[int]] = {row["id"]: [] for row in batch}
    links = StatementTopic.objects.filter(statement_id__in=topics).order_by("topic_id")
    for statement_id, topic_id in links.values_list("statement_id", "topic_id"):
        topics[statement_id].append(topic_id)
    for row in batch:
        yield _line("statement", {**row, "topics": topics[row["id"]]})


# --- Restore ----------------------------------------------------------------------------------


@contextmanager
def _timestamps_as_given() -> Iterator[None]:
    """Let bulk inserts keep the dumped ``created_at``/``updated_at`` instead of "now".

    The fields are the process's: meant for the restore command, not a server's threads."""
    fields = [
        field
        for model in TYPES.values()
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _refuse_unless_empty() -> None:
    if filled := [kind for kind, model in TYPES.items() if model.objects.exists()]:
        raise RestoreError(
            f"The database already holds data ({', '.join(filled)}): restore into an empty, "
            "migrated database."
        )


def restore_lines(
    lines: Iterable[bytes], progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    """Restore a dump (its lines, as ``dump_lines`` writes them) into the empty default
    database, in one transaction. Returns the number of objects restored by type; raises
    RestoreError saying why a dump cannot be restored (naming the line it cannot read)."""
    try:
        with transaction.atomic(), _timestamps_as_given():
            _refuse_unless_empty()
            counts = _insert(lines, progress)
            # New objects get ids past the restored ones (PostgreSQL; SQLite needs nothing).
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(
                    no_style(), [*TYPES.values(), StatementTopic]
                ):
                    cursor.execute(sql)
            search.rebuild()
            claim_keys.rebuild()
            bump_generation()
    except (DatabaseError, ValueError, ValidationError) as error:
        # A dump edited by hand, or from another version of the schema.
        raise RestoreError(f"The dump does not fit this database: {error}") from error
    return counts


def _insert(lines: Iterable[bytes], progress: Callable[[int], None] | None) -> dict[str, int]:
    """Insert the objects of a dump's lines, a batch at a time; their counts by type."""
    counts = dict.fromkeys(TYPES, 0)
    columns = {kind: set(dumped_columns(model)) for kind, model in TYPES.items()}
    pending: dict[str, list[models.Model]] = {kind: [] for kind in TYPES}
    links: list[models.Model] = []  # the pending statements' topics

    def flush(kind: str) -> None:
        TYPES[kind].objects.bulk_create(pending[kind], batch_size=BATCH_SIZE)
        if kind == "statement":
            StatementTopic.objects.bulk_create(links, batch_size=BATCH_SIZE)
            links.clear()
        if progress:
            progress(len(pending[kind]))
        counts[kind] += len(pending[kind])
        pending[kind].clear()

    order = list(TYPES)
    reached = 0  # lines come in ``TYPES`` order: the types before this one are all written
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            values = orjson.loads(raw)
            kind = values.pop("type")
        except (orjson.JSONDecodeError, KeyError, AttributeError, TypeError) as error:
            raise RestoreError(f"Line {number}: not a line of a dump ({error}).") from None
        if number == 1 or kind == "dump":
            if number != 1 or kind != "dump" or values.get("version") != FORMAT_VERSION:
                raise RestoreError(
                    f"Line {number}: expected the header of a version {FORMAT_VERSION} dump."
                )
            continue
        if kind not in TYPES or order.index(kind) < reached:
            raise RestoreError(f"Line {number}: unexpected object type {kind!r}.")
        while order.index(kind) > reached:
            flush(order[reached])
            reached += 1
        topics = values.pop("topics", []) if kind == "statement" else []
        if unknown := values.keys() - columns[kind]:
            raise RestoreError(f"Line {number}: unknown {kind} fields {sorted(unknown)}.")
        pending[kind].append(TYPES[kind](**values))
        links.extend(StatementTopic(statement_id=values["id"], topic_id=t) for t in topics)
        if len(pending[kind]) >= BATCH_SIZE:
            flush(kind)
    for kind in order[reached:]:
        flush(kind)
    return counts
