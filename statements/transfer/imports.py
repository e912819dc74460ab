"""Bulk import of statements with their attributions, from the export's NDJSON lines.

The rules are the services' (quote anchoring, one attribution per speaker and source, a
reason for a retraction, a direct quote has its words) and the fields' own, read from the
model fields as the API and the admin read them (lengths, choices, validators), applied to
a whole batch at once and written with bulk inserts and their history rows, so that a
million lines take minutes.
Each batch is one transaction: a bad line stops the import with an error naming it, and
nothing of its batch is written.

Re-running an import is harmless: what is already there is found by natural keys and
skipped (or reused):

- a **speaker** is found by its ``wikidata_id``, else by its ``id`` in the file when the
  speaker with that id has its name and kind, else by its ``name`` and ``kind`` when they
  are unambiguous (``_Speakers``): two speakers of the file with different ids are two
  people, even of one name;
- a **source** is its normalized ``url`` (else a new source, without a body);
- a **statement** is its ``text`` with the speaker and source of its first attribution: a
  line is skipped when a statement with that text already has an attribution by that
  speaker in that source (the uniqueness rule of attributions, lifted to the text). A line
  without attributions is skipped when a statement with that text and no attribution
  exists.

Other ids, timestamps and quote positions in the lines are not read: rows get new ids and
times, and quotes are anchored anew in the source's body. Relations are not imported.
"""

import contextlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import orjson
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import connection, transaction
from django.db.models import DateField, Exists, JSONField, OuterRef, Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from simple_history.utils import bulk_create_with_history

from statements.choices import AttributionMode, SourceKind, SourceStatus, StatementStatus
from statements.generation import bump_generation
from statements.models import (
    MAX_ATTRIBUTIONS_PER_STATEMENT,
    MAX_TOPICS_PER_STATEMENT,
    TOPIC_MAX_LENGTH,
    Attribution,
    Source,
    Speaker,
    Statement,
    Topic,
)
from statements.normalize import InvalidURLError, normalize_topic, normalize_url
from statements.quotes import QuoteAnchorError, anchor_quote
from statements.search import get_backend
from statements.search.base import document_fields
from statements.validators import validate_no_control_characters

CHANGE_REASON = "Imported"
MAX_ID = 2**63 - 1  # ids are BigAutoField values
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
#
# Each field is checked by the rules of its model field, as the API and the admin check it:
# required or not, its choices, and its validators (its length, no control characters, a
# language tag, a URL urllib can split, …). One definition of each rule: the model's.


class Rule:
    """What a model field demands of a value (required or not, its choices, its
    validators), read once from the field.

    The values found valid are remembered (a bounded number), but for the free texts that
    seldom repeat (``remember=False``): a file repeats its languages, verbs, roles, URLs
    and names, and the URL and language validators are the costly ones."""

    REMEMBERED_COUNT = 50_000

    def __init__(self, *, required: bool, choices=None, validators=(), remember=True) -> None:
        self.required = required
        self.choices = choices
        self.validators = tuple(validators)
        self.remember = remember
        self.valid: set[str] = set()

    @classmethod
    def of(cls, model, name: str, **overrides) -> "Rule":
        field = model._meta.get_field(name)
        choices = frozenset(str(value) for value, _ in field.flatchoices) if field.choices else None
        kwargs = {"required": not field.blank, "choices": choices, "validators": field.validators}
        return cls(**(kwargs | overrides))

    def check(self, value: str, line: int, path: str) -> str:
        """``value`` if every validator accepts it, else an ImportLineError with their
        messages."""
        if value in self.valid:
            return value
        messages = []
        for validator in self.validators:
            try:
                validator(value)
            except ValidationError as error:
                messages.extend(error.messages)
        if messages:
            raise ImportLineError(line, path, " ".join(messages))
        if self.remember:
            if len(self.valid) >= self.REMEMBERED_COUNT:
                self.valid.clear()
            self.valid.add(value)
        return value


FREE_TEXTS = {("Statement", "text"), ("Statement", "retraction_reason")} | {
    ("Attribution", name) for name in ("quote_exact", "quote_prefix", "quote_suffix")
}
RULES = {
    (model.__name__, name): Rule.of(model, name, remember=(model.__name__, name) not in FREE_TEXTS)
    for model, names in (
        (Statement, ("text", "status", "retraction_reason")),
        (Speaker, ("name", "kind", "wikidata_id")),
        (Source, ("url", "title", "publisher", "kind", "status")),
        (Attribution, ("mode", "speech_act", "verb", "speaker_role", "occasion")),
        (Attribution, ("quote_exact", "quote_prefix", "quote_suffix")),
    )
    for name in names
}
# The language takes its default when a line gives none.
RULES["Statement", "language"] = Rule.of(Statement, "language", required=False)
# A topic's name is stored as its slug: at most as long, without control characters (as
# the API reads it).
TOPIC_NAME_RULE = Rule(
    required=False,
    validators=(MaxLengthValidator(TOPIC_MAX_LENGTH), validate_no_control_characters),
)
ALREADY_ATTRIBUTED = next(
    constraint.violation_error_message
    for constraint in Attribution._meta.constraints
    if constraint.name == "attribution_unique_statement_speaker_source"
)


def _text(data: dict, key: str, line: int, where: str, rule: Rule) -> str:
    value = data.get(key)
    if value is None:
        if rule.required:
            raise ImportLineError(line, where + key, "This field is required.")
        return ""
    if not isinstance(value, str):
        raise ImportLineError(line, where + key, f"Must be a string, got {type(value).__name__}.")
    if not value:
        if rule.required:
            raise ImportLineError(line, where + key, "This field may not be blank.")
        return value
    if rule.required and not value.strip():
        raise ImportLineError(line, where + key, "This field may not be blank.")
    return rule.check(value, line, where + key)


def _choice(data: dict, key: str, line: int, where: str, rule: Rule, default=None) -> str:
    value = data.get(key, default)
    if value not in rule.choices:
        known = ", ".join(sorted(rule.choices))
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


class SpeakerRef(NamedTuple):
    """A speaker as a line names it. ``key`` tells speakers of the file apart: the Wikidata
    id when given, else the ``id`` the file gives it (an export's: two namesakes have two
    ids) with its name and kind, else the name and kind alone."""

    key: tuple
    name: str
    kind: str
    wikidata_id: str | None
    id: int | None


class ParsedAttribution(NamedTuple):
    speaker: SpeakerRef
    source: dict[str, Any]  # the source's fields, checked and normalized
    on_behalf_of: SpeakerRef | None
    own: tuple  # OWN_COLUMNS


@dataclass
class Line:
    number: int
    statement: tuple  # STATEMENT_COLUMNS
    topics: list[str]
    attributions: list[ParsedAttribution]
    key: tuple = ()  # (text,) or (text, the first speaker's key, its source's url)


def _speaker_ref(data: dict, line: int, where: str) -> SpeakerRef:
    name = _text(data, "name", line, where, RULES["Speaker", "name"])
    kind = _choice(data, "kind", line, where, RULES["Speaker", "kind"])
    wikidata_id = _text(data, "wikidata_id", line, where, RULES["Speaker", "wikidata_id"]) or None
    pk = data.get("id")
    if pk is not None and (isinstance(pk, bool) or not isinstance(pk, int)):
        raise ImportLineError(line, where + "id", f"Expected an integer id, got {pk!r}.")
    if wikidata_id:
        key: tuple = ("wikidata", wikidata_id)
    elif pk is not None:
        key = ("id", pk, name, kind)
    else:
        key = ("name", name, kind)
    return SpeakerRef(key, name, kind, wikidata_id, pk)


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
    url = _text(data, "url", line, where, RULES["Source", "url"])
    published_at = _parsed(
        data.get("published_at"), parse_datetime, line, where + "published_at", "date-time"
    )
    try:
        url = normalize_url(url)
    except InvalidURLError as error:
        raise ImportLineError(line, where + "url", " ".join(error.messages)) from None
    return {
        "url": url,
        "title": _text(data, "title", line, where, RULES["Source", "title"]),
        "publisher": _text(data, "publisher", line, where, RULES["Source", "publisher"]),
        "kind": _choice(
            data, "kind", line, where, RULES["Source", "kind"], SourceKind.NEWS_ARTICLE
        ),
        "status": _choice(
            data, "status", line, where, RULES["Source", "status"], SourceStatus.CURRENT
        ),
        "published_at": published_at,
    }


def _topics(data: dict, number: int) -> list[str]:
    topics = data.get("topics") or []
    if not isinstance(topics, list) or not all(isinstance(topic, str) for topic in topics):
        raise ImportLineError(number, "topics", "Must be a list of strings.")
    if len(topics) > MAX_TOPICS_PER_STATEMENT:
        raise ImportLineError(
            number,
            "topics",
            f"Ensure this field has no more than {MAX_TOPICS_PER_STATEMENT} elements.",
        )
    for index, topic in enumerate(topics):
        TOPIC_NAME_RULE.check(topic, number, f"topics.{index}")
    return topics


def parse_line(raw: bytes, number: int, memo: dict | None = None) -> Line:
    """Check one line; ``memo`` keeps what was checked already in this batch."""
    memo = {} if memo is None else memo
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ImportLineError(number, None, f"Not valid JSON: {error}.") from None
    if not isinstance(data, dict):
        raise ImportLineError(number, "(line)", "Must be an object.")
    status = _choice(
        data, "status", number, "", RULES["Statement", "status"], StatementStatus.DRAFT
    )
    reason = _text(data, "retraction_reason", number, "", RULES["Statement", "retraction_reason"])
    if status == StatementStatus.RETRACTED and not reason.strip():
        raise ImportLineError(number, "retraction_reason", "A retracted statement needs a reason.")
    topics = _topics(data, number)
    text = _text(data, "text", number, "", RULES["Statement", "text"])
    language = _text(data, "language", number, "", RULES["Statement", "language"]) or "en"
    attributions = []
    raw_attributions = data.get("attributions") or []
    if not isinstance(raw_attributions, list):
        raise ImportLineError(number, "attributions", "Must be a list.")
    if len(raw_attributions) > MAX_ATTRIBUTIONS_PER_STATEMENT:
        raise ImportLineError(
            number,
            "attributions",
            f"Ensure this field has no more than {MAX_ATTRIBUTIONS_PER_STATEMENT} elements.",
        )
    seen = set()
    for index, item in enumerate(raw_attributions):
        where = f"attributions.{index}."
        if not isinstance(item, dict):
            raise ImportLineError(number, where[:-1], "Must be an object.")
        speaker = _speaker_ref(_object(item, "speaker", number, where), number, where + "speaker.")
        source = _source_fields(
            _object(item, "source", number, where), number, where + "source.", memo
        )
        behalf = _object(item, "on_behalf_of", number, where, required=False)
        behalf_ref = _speaker_ref(behalf, number, where + "on_behalf_of.") if behalf else None
        if behalf_ref is not None and behalf_ref.key == speaker.key:
            raise ImportLineError(
                number, where + "on_behalf_of", "A speaker does not speak on their own behalf."
            )
        quote = _object(item, "quote", number, where, required=False) or {}
        mode = _choice(item, "mode", number, where, RULES["Attribution", "mode"])
        exact = _text(quote, "exact", number, where + "quote.", RULES["Attribution", "quote_exact"])
        if mode == AttributionMode.DIRECT_QUOTE and not exact:
            raise ImportLineError(
                number, where + "quote.exact", "A direct quote needs its exact words."
            )
        stated_on = _parsed(item.get("stated_on"), parse_date, number, where + "stated_on", "date")
        if (speaker.key, source["url"]) in seen:
            raise ImportLineError(number, where + "speaker", ALREADY_ATTRIBUTED)
        seen.add((speaker.key, source["url"]))
        own = (
            mode,
            _choice(item, "speech_act", number, where, RULES["Attribution", "speech_act"]),
            _text(item, "verb", number, where, RULES["Attribution", "verb"]),
            _text(item, "speaker_role", number, where, RULES["Attribution", "speaker_role"]),
            _text(item, "occasion", number, where, RULES["Attribution", "occasion"]),
            stated_on,
            exact,
            _text(quote, "prefix", number, where + "quote.", RULES["Attribution", "quote_prefix"]),
            _text(quote, "suffix", number, where + "quote.", RULES["Attribution", "quote_suffix"]),
        )
        attributions.append(ParsedAttribution(speaker, source, behalf_ref, own))
    first = attributions[0] if attributions else None
    key = (text, first.speaker.key, first.source["url"]) if first else (text,)
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
class _Speakers:
    """The speakers of one import, by their keys in the file (``SpeakerRef.key``), kept from
    batch to batch so that a key means one speaker throughout.

    A key is resolved once, with one query per batch for all the batch's new keys:

    - a Wikidata id finds the speaker with that id, else a new one is created with it;
    - an ``id`` finds the speaker with that id if it has the line's name and kind (an
      export read back into its own database, or a copy of it);
    - otherwise the name and kind decide, only when they are unambiguous: no speaker of that
      name and kind, and a new one is created (one per key: two ids, two namesakes); one,
      and it is that one; more, or several keys of the file for the one speaker here, and the
      line is refused, naming the candidates. A speaker that another key of the import took
      is no candidate for a key with an id (the file says they are different people).
    """

    by_key: dict[tuple, int] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)  # by a key with an id or a Wikidata id
    # What the search documents show of each: its name and aliases.
    names: dict[int, tuple[str, list]] = field(default_factory=dict)

    def __getitem__(self, key: tuple) -> int:
        return self.by_key[key]

    def resolve(self, lines: list[Line], *, user, result: Result) -> None:
        wanted: dict[tuple, tuple[SpeakerRef, int, str]] = {}  # key: (ref, line, path)
        for line in lines:
            for index, attribution in enumerate(line.attributions):
                for ref, name in (
                    (attribution.speaker, "speaker"),
                    (attribution.on_behalf_of, "on_behalf_of"),
                ):
                    if ref is not None and ref.key not in self.by_key and ref.key not in wanted:
                        wanted[ref.key] = (ref, line.number, f"attributions.{index}.{name}")
        if not wanted:
            return
        refs = [ref for ref, _, _ in wanted.values()]
        by_wikidata: dict[str, int] = {}
        by_id: dict[int, tuple[str, str]] = {}
        by_name: dict[tuple[str, str], list[int]] = {}
        query = Q(wikidata_id__in={ref.wikidata_id for ref in refs if ref.wikidata_id})
        query |= Q(pk__in={ref.id for ref in refs if ref.id is not None and 0 < ref.id <= MAX_ID})
        query |= Q(name__in={ref.name for ref in refs if not ref.wikidata_id})
        rows = Speaker.objects.filter(query).order_by("id")
        for pk, name, kind, aliases, wikidata_id in rows.values_list(
            "id", "name", "kind", "aliases", "wikidata_id"
        ):
            self.names[pk] = (name, aliases if isinstance(aliases, list) else [])
            by_id[pk] = (name, kind)
            by_name.setdefault((name, kind), []).append(pk)
            if wikidata_id:
                by_wikidata[wikidata_id] = pk

        found: dict[tuple, int] = {}
        missing: list[SpeakerRef] = []
        by_name_keys: dict[tuple[str, str], list[SpeakerRef]] = {}
        for ref in refs:
            if ref.wikidata_id:
                if ref.wikidata_id in by_wikidata:
                    found[ref.key] = by_wikidata[ref.wikidata_id]
                else:
                    missing.append(ref)
            elif ref.id is not None and by_id.get(ref.id) == (ref.name, ref.kind):
                found[ref.key] = ref.id
            else:
                by_name_keys.setdefault((ref.name, ref.kind), []).append(ref)
        self.taken.update(found.values())
        for (name, kind), named in by_name_keys.items():
            candidates = by_name.get((name, kind), [])
            with_id = [ref for ref in named if ref.id is not None]
            for ref in named:
                if ref.id is not None:
                    continue
                # The file says nothing but the name: any speaker of that name is a candidate.
                if len(candidates) > 1:
                    self._ambiguous(wanted[ref.key], candidates)
                if candidates:
                    found[ref.key] = candidates[0]
                else:
                    missing.append(ref)
            free = [pk for pk in candidates if pk not in self.taken]
            if not with_id:
                continue
            if not free:
                missing.extend(with_id)
            elif len(free) == 1 and len(with_id) == 1:
                found[with_id[0].key] = free[0]
                self.taken.add(free[0])
            else:
                self._ambiguous(wanted[with_id[0].key], free, keys=len(with_id))
        self.by_key.update(found)
        rows = [(ref.name, ref.kind, ref.wikidata_id) for ref in missing]
        ids = insert_with_history(Speaker, ("name", "kind", "wikidata_id"), rows, user=user)
        result.speakers_created += len(ids)
        for pk, ref in zip(ids, missing, strict=True):
            self.by_key[ref.key] = pk
            self.taken.add(pk)
            self.names[pk] = (ref.name, [])

    @staticmethod
    def _ambiguous(where: tuple[SpeakerRef, int, str], candidates: list[int], keys=1) -> None:
        ref, line, path = where
        named = ", ".join(f"#{pk}" for pk in candidates)
        if keys > 1:
            problem = (
                f"the file names {keys} different speakers {ref.name!r} ({ref.kind}), "
                f"and here {named} {'has' if len(candidates) == 1 else 'have'} that name"
            )
        else:
            problem = (
                f"{len(candidates)} speakers here are named {ref.name!r} ({ref.kind}): {named}"
            )
        raise ImportLineError(
            line,
            path,
            f"Which speaker is meant? {problem[0].upper()}{problem[1:]}. Give the speaker's "
            '"wikidata_id", or as "id" the id of the one meant.',
        )


@dataclass
class _Batch:
    lines: list[Line]
    user: Any
    result: Result
    speakers: _Speakers
    sources: dict[str, _KnownSource] = field(default_factory=dict)
    # What the search documents show of each source: its title and publisher.
    source_titles: dict[int, tuple[str, str]] = field(default_factory=dict)

    def write(self) -> None:
        self.speakers.resolve(self.lines, user=self.user, result=self.result)
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
                        [self.speakers.names[pk] for pk in dict.fromkeys(row[1] for row in rows)],
                        [self.source_titles[pk] for pk in dict.fromkeys(row[2] for row in rows)],
                        [row[ATTRIBUTION_COLUMNS.index("quote_exact")] for row in rows],
                    ),
                )
            )
        _insert_plain(Statement.topics.through, links, ("statement_id", "topic_id"))
        insert_with_history(Attribution, ATTRIBUTION_COLUMNS, attributions, user=self.user)
        # Searchable in the same transaction, as the services make it.
        get_backend().insert_documents(documents)
        self.result.imported += len(ids)

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

        def resolved(line: Line) -> tuple:  # (text,) or (text, speaker id, source id)
            if len(line.key) == 1:
                return line.key
            text, speaker, url = line.key
            return (text, self.speakers[speaker], self.sources[url].pk)

        keys = [resolved(line) for line in self.lines]
        # Only a source that was there before this batch can hold an imported line.
        created = {source.pk for source in self.sources.values() if source.created}
        keyed = [key for key in keys if len(key) == 3 and key[2] not in created]
        done: set[tuple] = set()
        if keyed:
            texts = {key[0] for key in keyed}
            speaker_ids = {key[1] for key in keyed}
            # By source only (index on source, statement): a source has few attributions.
            rows = Attribution.objects.filter(source_id__in={key[2] for key in keyed})
            for speaker_id, source_id, text in rows.values_list(
                "speaker_id", "source_id", "statement__text"
            ):
                if text in texts and speaker_id in speaker_ids:
                    done.add((text, speaker_id, source_id))
        bare = {key[0] for key in keys if len(key) == 1}
        if bare:
            unattributed = Statement.objects.filter(text__in=bare).filter(
                ~Exists(Attribution.objects.filter(statement=OuterRef("pk")))
            )
            done |= {(text,) for text in unattributed.values_list("text", flat=True)}
        new = []
        for line, key in zip(self.lines, keys, strict=True):
            if key not in done:
                done.add(key)
                new.append(line)
        return new

    def _attribution_rows(self, statement_id: int, line: Line) -> list[tuple]:
        """The line's attributions as ATTRIBUTION_COLUMNS, quotes anchored in the bodies."""
        rows = []
        seen = set()
        for index, attribution in enumerate(line.attributions):
            source = self.sources[attribution.source["url"]]
            speaker = self.speakers[attribution.speaker.key]
            behalf = attribution.on_behalf_of
            behalf = self.speakers[behalf.key] if behalf else None
            # Two keys of the file may be one speaker here (an id and a Wikidata id).
            if (speaker, source.pk) in seen:
                raise ImportLineError(
                    line.number, f"attributions.{index}.speaker", ALREADY_ATTRIBUTED
                )
            seen.add((speaker, source.pk))
            if behalf == speaker:
                raise ImportLineError(
                    line.number,
                    f"attributions.{index}.on_behalf_of",
                    "A speaker does not speak on their own behalf.",
                )
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
            rows.append((statement_id, speaker, source.pk, behalf, start, end, *own))
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
    speakers = _Speakers()  # a speaker's key in the file means one speaker throughout
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
                _Batch(parsed, user, result, speakers).write()
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
