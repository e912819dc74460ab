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
from typing import Any, NamedTuple

import orjson
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import DateField, Exists, JSONField, OuterRef
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
from statements.search import get_backend
from statements.search.cache import bump_generation
from statements.search.indexing import document_fields, insert_documents

CHANGE_REASON = "Imported"
DEFAULT_BATCH_SIZE = 5000
# An import of at least this many statements ends by optimizing the search index (merging
# what the bulk writes left unmerged); a smaller one leaves that to the engine.
OPTIMIZE_AFTER = 1000


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
#
# A field's path in an error ("attributions.0.quote.exact") is its object's path (``where``,
# "" or ending in a dot) and its key, joined only when there is an error to report.


def _text(data: dict, key: str, line: int, where="", *, required=False, max_length=None) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise ImportLineError(line, where + key, "This field is required.")
        return ""
    if not isinstance(value, str):
        raise ImportLineError(line, where + key, f"Must be a string, got {type(value).__name__}.")
    if required and not value.strip():
        raise ImportLineError(line, where + key, "This field may not be blank.")
    if max_length and len(value) > max_length:
        raise ImportLineError(line, where + key, f"At most {max_length} characters.")
    return value


_CHOICES: dict[type, frozenset[str]] = {}


def _choice(data: dict, key: str, choices, line: int, where="", default=None) -> str:
    value = data.get(key, default)
    allowed = _CHOICES.get(choices)
    if allowed is None:
        allowed = _CHOICES[choices] = frozenset(choices.values)
    if value not in allowed:
        known = ", ".join(choices.values)
        raise ImportLineError(line, where + key, f"{value!r} is not one of: {known}.")
    return value


def _object(data: dict, key: str, line: int, where: str, *, required=True) -> dict | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, dict):
        raise ImportLineError(line, where + key, "Must be an object.")
    return value


# The columns that a line gives, in the order of the tuples that hold them.
STATEMENT_COLUMNS = ("text", "language", "status", "retraction_reason")
SOURCE_COLUMNS = ("url", "title", "publisher", "kind", "status", "published_at")
OWN_COLUMNS = (  # an attribution's own, as stored
    "mode",
    "speech_act",
    "verb",
    "speaker_role",
    "occasion",
    "stated_on",
    "quote_exact",
    "quote_prefix",
    "quote_suffix",  # the quote's three columns last
)
ATTRIBUTION_COLUMNS = (
    "statement_id",
    "speaker_id",
    "source_id",
    "on_behalf_of_id",
    "quote_start",
    "quote_end",
    *OWN_COLUMNS,
)
_QUOTE_EXACT = OWN_COLUMNS.index("quote_exact")


class ParsedAttribution(NamedTuple):
    speaker: tuple[str, str]  # name and kind
    source: dict[str, Any]  # the source's fields, checked and normalized
    on_behalf_of: tuple[str, str] | None
    own: tuple  # OWN_COLUMNS


@dataclass
class Line:
    number: int
    statement: tuple  # STATEMENT_COLUMNS
    topics: list[str]
    attributions: list[ParsedAttribution]
    key: tuple = ()


def _speaker_key(data: dict, line: int, where: str) -> tuple[str, str]:
    name = _text(data, "name", line, where, required=True, max_length=200)
    kind = _choice(data, "kind", SpeakerKind, line, where)
    return name, kind


def _source_fields(data: dict, line: int, where: str, memo: dict) -> dict[str, Any]:
    # A source is cited by many lines of a batch: check and normalize each version once.
    key = tuple(data.items())
    try:
        return memo[key]
    except (KeyError, TypeError):  # TypeError: an unhashable value, checked below
        pass
    fields = _check_source(data, line, where)
    with contextlib.suppress(TypeError):
        memo[key] = fields
    return fields


def _parsed(value: Any, parse, line: int, field: str, what: str) -> str | None:
    """An optional ISO 8601 ``value`` checked with ``parse`` (Django's parse_date or
    parse_datetime), given back in the form that ``isoformat`` writes (a string costs COPY
    far less than a date to write); None stays None."""
    if value is None:
        return None
    try:
        parsed = parse(value) if isinstance(value, str) else None
    except ValueError:  # well formed but no such day ("2024-02-30")
        parsed = None
    if parsed is None:
        raise ImportLineError(line, field, f"Not an ISO 8601 {what}.")
    return parsed.isoformat()


def _check_source(data: dict, line: int, where: str) -> dict[str, Any]:
    url = _text(data, "url", line, where, required=True, max_length=2000)
    published_at = _parsed(
        data.get("published_at"), parse_datetime, line, where + "published_at", "date-time"
    )
    return {
        "url": normalize_url(url),
        "title": _text(data, "title", line, where, required=True, max_length=500),
        "publisher": _text(data, "publisher", line, where, max_length=200),
        "kind": _choice(data, "kind", SourceKind, line, where, SourceKind.NEWS_ARTICLE),
        "status": _choice(data, "status", SourceStatus, line, where, SourceStatus.CURRENT),
        "published_at": published_at,
    }


def parse_line(raw: bytes, number: int, memo: dict | None = None) -> Line:
    """Check one line; ``memo`` keeps what was checked already in this batch."""
    memo = {} if memo is None else memo
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ImportLineError(number, None, f"Not valid JSON: {error}.") from None
    if not isinstance(data, dict):
        raise ImportLineError(number, "(line)", "Must be an object.")
    status = _choice(data, "status", StatementStatus, number, default=StatementStatus.DRAFT)
    reason = _text(data, "retraction_reason", number)
    if status == StatementStatus.RETRACTED and not reason.strip():
        raise ImportLineError(number, "retraction_reason", "A retracted statement needs a reason.")
    topics = data.get("topics") or []
    if not isinstance(topics, list) or not all(isinstance(topic, str) for topic in topics):
        raise ImportLineError(number, "topics", "Must be a list of strings.")
    text = _text(data, "text", number, required=True)
    language = _text(data, "language", number, max_length=35) or "en"
    attributions = []
    raw_attributions = data.get("attributions") or []
    if not isinstance(raw_attributions, list):
        raise ImportLineError(number, "attributions", "Must be a list.")
    seen = set()
    for index, item in enumerate(raw_attributions):
        where = f"attributions.{index}."
        if not isinstance(item, dict):
            raise ImportLineError(number, where[:-1], "Must be an object.")
        speaker = _speaker_key(_object(item, "speaker", number, where), number, where + "speaker.")
        source = _source_fields(
            _object(item, "source", number, where), number, where + "source.", memo
        )
        behalf = _object(item, "on_behalf_of", number, where, required=False)
        behalf_key = _speaker_key(behalf, number, where + "on_behalf_of.") if behalf else None
        if behalf_key == speaker:
            raise ImportLineError(
                number, where + "on_behalf_of", "A speaker does not speak on their own behalf."
            )
        quote = _object(item, "quote", number, where, required=False) or {}
        mode = _choice(item, "mode", AttributionMode, number, where)
        exact = _text(quote, "exact", number, where + "quote.")
        if mode == AttributionMode.DIRECT_QUOTE and not exact:
            raise ImportLineError(
                number, where + "quote.exact", "A direct quote needs its exact words."
            )
        stated_on = _parsed(item.get("stated_on"), parse_date, number, where + "stated_on", "date")
        if (speaker, source["url"]) in seen:
            raise ImportLineError(
                number,
                where + "speaker",
                "This speaker is already attributed this statement in this source.",
            )
        seen.add((speaker, source["url"]))
        own = (
            mode,
            _choice(item, "speech_act", SpeechAct, number, where),
            _text(item, "verb", number, where, max_length=60),
            _text(item, "speaker_role", number, where, max_length=200),
            _text(item, "occasion", number, where, max_length=300),
            stated_on,
            exact,
            _text(quote, "prefix", number, where + "quote.", max_length=500),
            _text(quote, "suffix", number, where + "quote.", max_length=500),
        )
        attributions.append(ParsedAttribution(speaker, source, behalf_key, own))
    first = attributions[0] if attributions else None
    key = (text, first.speaker, first.source["url"]) if first else (text,)
    return Line(number, (text, language, status, reason), topics, attributions, key)


# --- inserting rows with their history ------------------------------------------------------


def _prepare(field) -> Any:
    """How a value of ``field`` is given to COPY: JSON and dates as their text (psycopg
    takes several times longer to write a datetime than a string)."""
    if isinstance(field, JSONField):
        return lambda value: orjson.dumps(value).decode()
    if isinstance(field, DateField):  # and DateTimeField
        return lambda value: None if value is None else value.isoformat()
    return None


def insert_with_history(model, columns: tuple[str, ...], rows: list[tuple], *, user) -> list[int]:
    """Insert ``rows`` (tuples of the fields named by ``columns``, attribute names, dates as
    ISO 8601 text; the other fields take their defaults) and a "created" history row for
    each; return the new ids, in order.

    On PostgreSQL with COPY, ids drawn from the table's sequence beforehand, and the history
    rows copied from the same tuples (not read back); elsewhere with ``bulk_create`` and the
    history library's ``bulk_history_create``.
    """
    if not rows:
        return []
    now = timezone.now()
    others = [
        field
        for field in model._meta.concrete_fields
        if field.attname != "id" and field.attname not in columns
    ]
    defaults = tuple(
        now if field.attname in ("created_at", "updated_at") else field.get_default()
        for field in others
    )
    names = (*columns, *(field.attname for field in others))
    if connection.vendor != "postgresql":
        objects = [model(**dict(zip(names, (*row, *defaults), strict=True))) for row in rows]
        bulk_create_with_history(
            objects, model, default_user=user, default_change_reason=CHANGE_REASON
        )
        return [obj.pk for obj in objects]
    fields = {field.attname: field for field in model._meta.concrete_fields}
    if any(isinstance(fields[name], JSONField) for name in columns):
        raise ValueError("Give JSON fields' values as their text.")
    defaults = tuple(
        convert(value) if (convert := _prepare(field)) else value
        for field, value in zip(others, defaults, strict=True)
    )
    table = model._meta.db_table
    history_table = model.history.model._meta.db_table
    copied = ", ".join(["id", *(fields[name].column for name in names)])
    history_values = (now.isoformat(), CHANGE_REASON, "+", user.pk if user is not None else None)
    with connection.cursor() as cursor:
        cursor.execute(
            # The sequence looked up once, not for each row.
            "WITH seq AS MATERIALIZED (SELECT pg_get_serial_sequence(%s, 'id')::regclass AS id) "
            "SELECT nextval(seq.id) FROM seq, generate_series(1, %s)",
            [table, len(rows)],
        )
        ids = [pk for (pk,) in cursor.fetchall()]
        values = [(pk, *row, *defaults) for pk, row in zip(ids, rows, strict=True)]
        with cursor.copy(f"COPY {table} ({copied}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)
        with cursor.copy(
            f"COPY {history_table} ({copied}, history_date, history_change_reason, "
            "history_type, history_user_id) FROM STDIN"
        ) as copy:
            for row in values:
                copy.write_row(row + history_values)
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


class _KnownSource(NamedTuple):
    pk: int
    body: str  # "" for the sources that this import creates
    title: str
    publisher: str
    created: bool  # by this batch: no attribution cites it yet


@dataclass
class _Batch:
    lines: list[Line]
    user: Any
    result: Result
    speakers: dict[tuple[str, str], int] = field(default_factory=dict)
    sources: dict[str, _KnownSource] = field(default_factory=dict)
    # What the search documents show of each: names and aliases, titles and publishers.
    speaker_names: dict[int, tuple[str, list]] = field(default_factory=dict)
    source_titles: dict[int, tuple[str, str]] = field(default_factory=dict)

    def write(self) -> None:
        self._resolve_speakers()
        self._resolve_sources()
        lines = self._new_lines()
        self.result.skipped += len(self.lines) - len(lines)
        if not lines:
            return
        topics = self._topics({name for line in lines for name in line.topics})
        ids = insert_with_history(
            Statement, STATEMENT_COLUMNS, [line.statement for line in lines], user=self.user
        )
        links, attributions, documents = [], [], []
        published = StatementStatus.PUBLISHED.value
        for statement_id, line in zip(ids, lines, strict=True):
            links.extend(
                (statement_id, topic_id)
                for topic_id in sorted({topics[name] for name in line.topics if name in topics})
            )
            rows = self._attribution_rows(statement_id, line)
            attributions.extend(rows)
            text, _, status, _ = line.statement
            documents.append(
                (
                    statement_id,
                    status == published,
                    document_fields(
                        text,
                        # In the order of their first attribution, each once.
                        [self.speaker_names[pk] for pk in dict.fromkeys(row[1] for row in rows)],
                        [self.source_titles[pk] for pk in dict.fromkeys(row[2] for row in rows)],
                        [row[ATTRIBUTION_COLUMNS.index("quote_exact")] for row in rows],
                    ),
                )
            )
        _insert_plain(Statement.topics.through, links, ("statement_id", "topic_id"))
        insert_with_history(Attribution, ATTRIBUTION_COLUMNS, attributions, user=self.user)
        # Searchable in the same transaction, as the services make it.
        insert_documents(documents)
        self.result.imported += len(ids)

    def _resolve_speakers(self) -> None:
        keys = {a.speaker for line in self.lines for a in line.attributions}
        keys |= {a.on_behalf_of for line in self.lines for a in line.attributions if a.on_behalf_of}
        if not keys:
            return
        existing = Speaker.objects.filter(name__in={name for name, _ in keys}).order_by("-id")
        for pk, name, kind, aliases in existing.values_list("id", "name", "kind", "aliases"):
            self.speakers[(name, kind)] = pk  # the lowest id wins: ordered by -id
            self.speaker_names[pk] = (name, aliases if isinstance(aliases, list) else [])
        missing = sorted(keys - self.speakers.keys())
        ids = insert_with_history(Speaker, ("name", "kind"), missing, user=self.user)
        self.result.speakers_created += len(ids)
        for pk, (name, kind) in zip(ids, missing, strict=True):
            self.speakers[(name, kind)] = pk
            self.speaker_names[pk] = (name, [])

    def _resolve_sources(self) -> None:
        given = {a.source["url"]: a.source for line in self.lines for a in line.attributions}
        if not given:
            return
        existing = Source.objects.filter(url__in=list(given)).values_list(
            "id", "url", "body", "title", "publisher"
        )
        for pk, url, body, title, publisher in existing:
            self.sources[url] = _KnownSource(pk, body, title, publisher, created=False)
        missing = [fields for url, fields in given.items() if url not in self.sources]
        rows = [tuple(fields[name] for name in SOURCE_COLUMNS) for fields in missing]
        ids = insert_with_history(Source, SOURCE_COLUMNS, rows, user=self.user)
        self.result.sources_created += len(ids)
        for pk, fields in zip(ids, missing, strict=True):
            self.sources[fields["url"]] = _KnownSource(
                pk, "", fields["title"], fields["publisher"], created=True
            )
        self.source_titles = {
            source.pk: (source.title, source.publisher) for source in self.sources.values()
        }

    def _new_lines(self) -> list[Line]:
        """The lines not imported yet (by the natural key), each key once."""
        # Only a source that was there before this batch can hold an imported line.
        keyed = [
            line
            for line in self.lines
            if len(line.key) == 3 and not self.sources[line.key[2]].created
        ]
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

    def _attribution_rows(self, statement_id: int, line: Line) -> list[tuple]:
        """The line's attributions as ATTRIBUTION_COLUMNS, quotes anchored in the bodies."""
        rows = []
        for index, attribution in enumerate(line.attributions):
            source = self.sources[attribution.source["url"]]
            own = attribution.own
            start = end = None
            if source.body and own[_QUOTE_EXACT]:
                exact, prefix, suffix = own[_QUOTE_EXACT:]
                try:
                    anchor = anchor_quote(
                        body=source.body, exact=exact, prefix=prefix, suffix=suffix
                    )
                except QuoteAnchorError as error:
                    raise ImportLineError(
                        line.number, f"attributions.{index}.quote.{error.field}", error.message
                    ) from None
                start, end = anchor.start, anchor.end
            behalf = attribution.on_behalf_of
            rows.append(
                (
                    statement_id,
                    self.speakers[attribution.speaker],
                    source.pk,
                    self.speakers[behalf] if behalf else None,
                    start,
                    end,
                    *own,
                )
            )
        return rows

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
        for model in (Statement, Attribution, Speaker, Source):  # the tables it reads
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
    if result.imported >= OPTIMIZE_AFTER:
        get_backend().optimize()
    return result
