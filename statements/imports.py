"""Bulk import of statements with their attributions, from the export's NDJSON lines.

The rules are the services' (quote anchoring, one attribution per speaker and source, a
reason for a retraction, a direct quote has its words), applied to a whole batch at once
and written with bulk inserts and their history rows, so that a million lines take minutes.
Each batch is one transaction: a bad line stops the import with an error naming it, and
nothing of its batch is written.

Re-running an import is harmless: what is already there is found by natural keys and
skipped (or reused):

- a **speaker** is its ``name`` and ``kind`` (the first such speaker, else a new one);
- a **source** is its normalized ``url`` (else a new source, without a body);
- a **statement** is its ``text`` with the speaker and source of its first attribution: a
  line is skipped when a statement with that text already has an attribution by that
  speaker in that source (the uniqueness rule of attributions, lifted to the text). A line
  without attributions is skipped when a statement with that text and no attribution
  exists.

Ids, timestamps and quote positions in the lines are not read: rows get new ids and
times, and quotes are anchored anew in the source's body. Relations are not imported.
"""

import contextlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import orjson
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Exists, JSONField, OuterRef
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from simple_history.utils import bulk_create_with_history

from statements.choices import (
    AttributionMode,
    SourceKind,
    SourceStatus,
    SpeakerKind,
    SpeechAct,
    StatementStatus,
)
from statements.models import Attribution, Source, Speaker, Statement, Topic
from statements.normalize import normalize_topic, normalize_url
from statements.quotes import QuoteAnchorError, anchor_quote
from statements.search import index_statements
from statements.search.cache import bump_generation

CHANGE_REASON = "Imported"
DEFAULT_BATCH_SIZE = 5000


class ImportLineError(Exception):
    """A line that cannot be imported: ``line`` (1-based), the ``field`` at fault, why."""

    def __init__(self, line: int, field: str | None, message: str) -> None:
        self.line, self.field, self.message = line, field, message
        where = f"{field}: " if field else ""
        super().__init__(f"line {line}: {where}{message}")


@dataclass
class Result:
    imported: int = 0
    skipped: int = 0
    speakers_created: int = 0
    sources_created: int = 0


# --- reading and checking one line ------------------------------------------------------------


def _text(data: dict, key: str, path: str, line: int, *, required=False, max_length=None) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise ImportLineError(line, path, "This field is required.")
        return ""
    if not isinstance(value, str):
        raise ImportLineError(line, path, f"Must be a string, got {type(value).__name__}.")
    if required and not value.strip():
        raise ImportLineError(line, path, "This field may not be blank.")
    if max_length and len(value) > max_length:
        raise ImportLineError(line, path, f"At most {max_length} characters.")
    return value


_CHOICES: dict[type, frozenset[str]] = {}


def _choice(data: dict, key: str, choices, path: str, line: int, default=None) -> str:
    value = data.get(key, default)
    allowed = _CHOICES.get(choices)
    if allowed is None:
        allowed = _CHOICES[choices] = frozenset(choices.values)
    if value not in allowed:
        known = ", ".join(choices.values)
        raise ImportLineError(line, path, f"{value!r} is not one of: {known}.")
    return value


def _object(value: Any, path: str, line: int, *, required=True) -> dict | None:
    if value is None and not required:
        return None
    if not isinstance(value, dict):
        raise ImportLineError(line, path, "Must be an object.")
    return value


@dataclass
class Line:
    number: int
    statement: dict[str, Any]
    topics: list[str]
    attributions: list[dict[str, Any]]
    key: tuple = ()


def _speaker_key(data: dict, path: str, line: int) -> tuple[str, str]:
    name = _text(data, "name", f"{path}.name", line, required=True, max_length=200)
    kind = _choice(data, "kind", SpeakerKind, f"{path}.kind", line)
    return name, kind


def _source_fields(data: dict, path: str, line: int, memo: dict) -> dict[str, Any]:
    # A source is cited by many lines of a batch: check and normalize each version once.
    key = tuple(data.items())
    try:
        return memo[key]
    except (KeyError, TypeError):  # TypeError: an unhashable value, checked below
        pass
    fields = _check_source(data, path, line)
    with contextlib.suppress(TypeError):
        memo[key] = fields
    return fields


def _parsed(value: Any, parse, line: int, field: str, what: str) -> Any:
    """An optional ISO 8601 ``value`` parsed with ``parse`` (Django's parse_date or
    parse_datetime); None stays None."""
    if value is None:
        return None
    try:
        parsed = parse(value) if isinstance(value, str) else None
    except ValueError:  # well formed but no such day ("2024-02-30")
        parsed = None
    if parsed is None:
        raise ImportLineError(line, field, f"Not an ISO 8601 {what}.")
    return parsed


def _check_source(data: dict, path: str, line: int) -> dict[str, Any]:
    url = _text(data, "url", f"{path}.url", line, required=True, max_length=2000)
    published_at = _parsed(
        data.get("published_at"), parse_datetime, line, f"{path}.published_at", "date-time"
    )
    return {
        "url": normalize_url(url),
        "title": _text(data, "title", f"{path}.title", line, required=True, max_length=500),
        "publisher": _text(data, "publisher", f"{path}.publisher", line, max_length=200),
        "kind": _choice(data, "kind", SourceKind, f"{path}.kind", line, SourceKind.NEWS_ARTICLE),
        "status": _choice(
            data, "status", SourceStatus, f"{path}.status", line, SourceStatus.CURRENT
        ),
        "published_at": published_at,
    }


def parse_line(raw: bytes, number: int, memo: dict | None = None) -> Line:
    """Check one line; ``memo`` keeps what was checked already in this batch."""
    memo = {} if memo is None else memo
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ImportLineError(number, None, f"Not valid JSON: {error}.") from None
    data = _object(data, "(line)", number)
    status = _choice(data, "status", StatementStatus, "status", number, StatementStatus.DRAFT)
    reason = _text(data, "retraction_reason", "retraction_reason", number)
    if status == StatementStatus.RETRACTED and not reason.strip():
        raise ImportLineError(number, "retraction_reason", "A retracted statement needs a reason.")
    topics = data.get("topics") or []
    if not isinstance(topics, list) or not all(isinstance(topic, str) for topic in topics):
        raise ImportLineError(number, "topics", "Must be a list of strings.")
    statement = {
        "text": _text(data, "text", "text", number, required=True),
        "language": _text(data, "language", "language", number, max_length=35) or "en",
        "status": status,
        "retraction_reason": reason,
    }
    attributions = []
    raw_attributions = data.get("attributions") or []
    if not isinstance(raw_attributions, list):
        raise ImportLineError(number, "attributions", "Must be a list.")
    seen = set()
    for index, item in enumerate(raw_attributions):
        path = f"attributions.{index}"
        item = _object(item, path, number)
        speaker = _speaker_key(
            _object(item.get("speaker"), f"{path}.speaker", number), f"{path}.speaker", number
        )
        source = _source_fields(
            _object(item.get("source"), f"{path}.source", number), f"{path}.source", number, memo
        )
        behalf = _object(item.get("on_behalf_of"), f"{path}.on_behalf_of", number, required=False)
        behalf_key = _speaker_key(behalf, f"{path}.on_behalf_of", number) if behalf else None
        if behalf_key == speaker:
            raise ImportLineError(
                number, f"{path}.on_behalf_of", "A speaker does not speak on their own behalf."
            )
        quote = _object(item.get("quote"), f"{path}.quote", number, required=False) or {}
        mode = _choice(item, "mode", AttributionMode, f"{path}.mode", number)
        exact = _text(quote, "exact", f"{path}.quote.exact", number)
        if mode == AttributionMode.DIRECT_QUOTE and not exact:
            raise ImportLineError(
                number, f"{path}.quote.exact", "A direct quote needs its exact words."
            )
        stated_on = _parsed(item.get("stated_on"), parse_date, number, f"{path}.stated_on", "date")
        if (speaker, source["url"]) in seen:
            raise ImportLineError(
                number,
                f"{path}.speaker",
                "This speaker is already attributed this statement in this source.",
            )
        seen.add((speaker, source["url"]))
        attributions.append(
            {
                "speaker": speaker,
                "source": source,
                "on_behalf_of": behalf_key,
                # The attribution's own fields, as they are stored:
                "fields": {
                    "mode": mode,
                    "speech_act": _choice(
                        item, "speech_act", SpeechAct, f"{path}.speech_act", number
                    ),
                    "verb": _text(item, "verb", f"{path}.verb", number, max_length=60),
                    "speaker_role": _text(
                        item, "speaker_role", f"{path}.speaker_role", number, max_length=200
                    ),
                    "occasion": _text(item, "occasion", f"{path}.occasion", number, max_length=300),
                    "stated_on": stated_on,
                    "quote_exact": exact,
                    "quote_prefix": _text(
                        quote, "prefix", f"{path}.quote.prefix", number, max_length=500
                    ),
                    "quote_suffix": _text(
                        quote, "suffix", f"{path}.quote.suffix", number, max_length=500
                    ),
                },
            }
        )
    line = Line(number, statement, topics, attributions)
    first = attributions[0] if attributions else None
    line.key = (
        (statement["text"], first["speaker"], first["source"]["url"])
        if first
        else (statement["text"],)
    )
    return line


# --- inserting rows with their history ------------------------------------------------------


def _prepare(field) -> Any:
    if isinstance(field, JSONField):
        return lambda value: orjson.dumps(value).decode()
    return None


def insert_with_history(model, rows: list[dict[str, Any]], *, user) -> list[int]:
    """Insert ``rows`` (field values by attribute name; the others take their defaults) and
    a "created" history row for each; return the new ids, in order.

    On PostgreSQL with COPY, ids drawn from the table's sequence beforehand; elsewhere with
    ``bulk_create`` and the history library's ``bulk_history_create``.
    """
    if not rows:
        return []
    now = timezone.now()
    fields = [field for field in model._meta.concrete_fields if field.attname != "id"]
    defaults = {field.attname: field.get_default() for field in fields}
    defaults.update(dict.fromkeys(("created_at", "updated_at"), now))
    if connection.vendor != "postgresql":
        objects = [model(**{**defaults, **row}) for row in rows]
        bulk_create_with_history(
            objects, model, default_user=user, default_change_reason=CHANGE_REASON
        )
        return [obj.pk for obj in objects]
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)",  # noqa: S608 - our table
            [len(rows)],
        )
        ids = [pk for (pk,) in cursor.fetchall()]
        prepare = [(field.attname, _prepare(field)) for field in fields]
        values = []
        for pk, row in zip(ids, rows, strict=True):
            row = {**defaults, **row}
            values.append(
                (pk, *(convert(row[name]) if convert else row[name] for name, convert in prepare))
            )
        columns = ", ".join(["id", *(field.column for field in fields)])
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)
        # The history rows are copies of the new rows: the database makes them itself.
        history = model.history.model
        copied = ", ".join(["id", *(field.column for field in fields)])
        cursor.execute(
            f"INSERT INTO {history._meta.db_table} ({copied}, history_date, "  # noqa: S608
            "history_change_reason, history_type, history_user_id) "
            f"SELECT {copied}, %s, %s, '+', %s FROM {table} WHERE id = ANY(%s)",
            [now, CHANGE_REASON, user.pk if user is not None else None, ids],
        )
    return ids


def _insert_plain(model, rows: list[tuple], columns: tuple[str, ...]) -> None:
    """Rows without history (the topics' join table)."""
    if not rows:
        return
    if connection.vendor == "postgresql":
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
    else:
        model.objects.bulk_create([model(**dict(zip(columns, row, strict=True))) for row in rows])


# --- writing a batch --------------------------------------------------------------------------


@dataclass
class _Batch:
    lines: list[Line]
    user: Any
    result: Result
    speakers: dict[tuple[str, str], int] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)

    def write(self) -> None:
        self._resolve_speakers()
        self._resolve_sources()
        lines = self._new_lines()
        self.result.skipped += len(self.lines) - len(lines)
        if not lines:
            return
        anchored = [self._anchor(line) for line in lines]
        topics = self._topics({name for line in lines for name in line.topics})
        ids = insert_with_history(Statement, [line.statement for line in lines], user=self.user)
        links = [
            (statement_id, topic_id)
            for statement_id, line in zip(ids, lines, strict=True)
            for topic_id in sorted({topics[name] for name in line.topics if name in topics})
        ]
        _insert_plain(Statement.topics.through, links, ("statement_id", "topic_id"))
        attributions = [
            {"statement_id": statement_id, **fields}
            for statement_id, line_attributions in zip(ids, anchored, strict=True)
            for fields in line_attributions
        ]
        insert_with_history(Attribution, attributions, user=self.user)
        index_statements(ids)  # searchable in the same transaction, as the services do
        self.result.imported += len(ids)

    def _resolve_speakers(self) -> None:
        keys = {a["speaker"] for line in self.lines for a in line.attributions}
        keys |= {
            a["on_behalf_of"] for line in self.lines for a in line.attributions if a["on_behalf_of"]
        }
        if not keys:
            return
        existing = Speaker.objects.filter(name__in={name for name, _ in keys}).order_by("-id")
        for pk, name, kind in existing.values_list("id", "name", "kind"):
            self.speakers[(name, kind)] = pk  # the lowest id wins: ordered by -id
        missing = sorted(keys - self.speakers.keys())
        rows = [{"name": name, "kind": kind} for name, kind in missing]
        ids = insert_with_history(Speaker, rows, user=self.user)
        self.result.speakers_created += len(ids)
        self.speakers.update(zip(missing, ids, strict=True))

    def _resolve_sources(self) -> None:
        given = {a["source"]["url"]: a["source"] for line in self.lines for a in line.attributions}
        if not given:
            return
        existing = Source.objects.filter(url__in=list(given)).only("id", "url", "body")
        self.sources = {source.url: source for source in existing}
        missing = [fields for url, fields in given.items() if url not in self.sources]
        ids = insert_with_history(Source, missing, user=self.user)
        self.result.sources_created += len(ids)
        for pk, fields in zip(ids, missing, strict=True):
            self.sources[fields["url"]] = Source(pk=pk, url=fields["url"], body="")

    def _new_lines(self) -> list[Line]:
        """The lines not imported yet (by the natural key), each key once."""
        keyed = [line for line in self.lines if len(line.key) == 3]
        done: set[tuple] = set()
        if keyed:
            speaker_ids = {self.speakers[line.key[1]] for line in keyed}
            source_ids = {self.sources[line.key[2]].pk for line in keyed}
            texts = {line.key[0] for line in keyed}
            # By source only (index on source, statement): a source has few attributions.
            rows = Attribution.objects.filter(source_id__in=source_ids)
            by_id_speakers = {pk: key for key, pk in self.speakers.items()}
            by_id_sources = {source.pk: url for url, source in self.sources.items()}
            for speaker_id, source_id, text in rows.values_list(
                "speaker_id", "source_id", "statement__text"
            ):
                if text in texts and speaker_id in speaker_ids:
                    done.add((text, by_id_speakers.get(speaker_id), by_id_sources.get(source_id)))
        bare = {line.key[0] for line in self.lines if len(line.key) == 1}
        if bare:
            unattributed = Statement.objects.filter(text__in=bare).filter(
                ~Exists(Attribution.objects.filter(statement=OuterRef("pk")))
            )
            done |= {(text,) for text in unattributed.values_list("text", flat=True)}
        new = []
        for line in self.lines:
            if line.key not in done:
                done.add(line.key)
                new.append(line)
        return new

    def _anchor(self, line: Line) -> list[dict[str, Any]]:
        fields = []
        for index, attribution in enumerate(line.attributions):
            source = self.sources[attribution["source"]["url"]]
            start = end = None
            own = attribution["fields"]
            if source.body and own["quote_exact"]:
                try:
                    anchor = anchor_quote(
                        body=source.body,
                        exact=own["quote_exact"],
                        prefix=own["quote_prefix"],
                        suffix=own["quote_suffix"],
                    )
                except QuoteAnchorError as error:
                    raise ImportLineError(
                        line.number, f"attributions.{index}.quote.{error.field}", error.message
                    ) from None
                start, end = anchor.start, anchor.end
            behalf = attribution["on_behalf_of"]
            fields.append(
                {
                    **own,
                    "speaker_id": self.speakers[attribution["speaker"]],
                    "source_id": source.pk,
                    "on_behalf_of_id": self.speakers[behalf] if behalf else None,
                    "quote_start": start,
                    "quote_end": end,
                }
            )
        return fields

    @staticmethod
    def _topics(names: set[str]) -> dict[str, int]:
        slugs = {name: normalize_topic(name) for name in names}
        wanted = {slug for slug in slugs.values() if slug}
        existing = dict(Topic.objects.filter(slug__in=wanted).values_list("slug", "id"))
        missing = [Topic(slug=slug) for slug in sorted(wanted - existing.keys())]
        if missing:
            Topic.objects.bulk_create(missing, ignore_conflicts=True)
            existing = dict(Topic.objects.filter(slug__in=wanted).values_list("slug", "id"))
        return {name: existing[slug] for name, slug in slugs.items() if slug}


def _analyze() -> None:
    with connection.cursor() as cursor:
        for model in (Statement, Attribution, Speaker, Source, Statement.topics.through):
            cursor.execute(f"ANALYZE {model._meta.db_table}")


def _batches(lines: Iterable[bytes], size: int) -> Iterator[list[tuple[int, bytes]]]:
    batch = []
    for number, raw in enumerate(lines, 1):
        if raw.strip():
            batch.append((number, raw))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _parse_batch(batch: list[tuple[int, bytes]]) -> list[Line]:
    memo: dict = {}  # what was checked already in this batch
    return [parse_line(raw, number, memo) for number, raw in batch]


def _parsed_batches(
    lines: Iterable[bytes], size: int
) -> Iterator[tuple[list[tuple[int, bytes]], list[Line]]]:
    """The batches with their lines checked. The next batch is read and checked in a thread
    while the caller writes this one: the writer mostly waits for the database, which
    releases the GIL, so parsing costs little more than the waits. A bad line raises its
    ImportLineError only when its batch is asked for, after the batches before it."""
    batches = _batches(lines, size)

    def parse_next() -> tuple[list[tuple[int, bytes]], list[Line]] | None:
        batch = next(batches, None)
        return None if batch is None else (batch, _parse_batch(batch))

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-parse") as pool:
        upcoming = pool.submit(parse_next)
        while (parsed := upcoming.result()) is not None:
            upcoming = pool.submit(parse_next)
            yield parsed


def import_lines(
    lines: Iterable[bytes],
    *,
    user=None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress=None,
) -> Result:
    """Import NDJSON ``lines`` (bytes, numbered from 1), a transaction per batch. Raises
    ImportLineError for the first bad line; the batches before it stay imported."""
    result = Result()
    analyze_at = 1000
    postgres = connection.vendor == "postgresql"
    for batch, parsed in _parsed_batches(lines, batch_size):
        with transaction.atomic():
            if postgres:
                # Commit without waiting for the WAL to reach the disk: a crash may lose the
                # last batches reported (never half a batch), and a re-run imports them
                # again, as it skips what is there.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit = off")
            try:
                _Batch(parsed, user, result).write()
                bump_generation()  # COPY and bulk inserts send no signals
            except ValidationError as error:  # a database-level rule, not caught above
                raise ImportLineError(parsed[0].number, None, "; ".join(error.messages)) from None
        if postgres and result.imported >= analyze_at:
            # Fresh statistics each time the imported rows double (from 1k), or the planner,
            # still counting on near-empty tables, scans them whole for each batch.
            _analyze()
            analyze_at = 2 * result.imported
        if progress is not None:
            progress(sum(len(raw) for _, raw in batch), len(batch))
    return result
