"""Reading the import's lines and checking each: the fields' values by the models' own
validation (``ValidatedModel.clean_values``, as the services check them), the line's shape
and the rules that span its attributions here."""

import contextlib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, NamedTuple

import orjson
from django.core.exceptions import ValidationError

from statements.models import (
    ALREADY_ATTRIBUTED,
    Attribution,
    Source,
    Speaker,
    Statement,
    ValidatedModel,
)
from statements.normalize import normalize_url
from statements.representations.fields import (
    ATTRIBUTION,
    EXPORTED_STATEMENT,
    QUOTE,
    VALUES,
    Kind,
    Shape,
)


class ImportLineError(Exception):
    """A line that cannot be imported: ``line`` (1-based), the ``field`` at fault, why."""

    def __init__(self, line: int, field: str | None, message: str) -> None:
        self.line, self.field, self.message = line, field, message
        where = f"{field}: " if field else ""
        super().__init__(f"line {line}: {where}{message}")


# What a line gives of each object is its representation (``representations.fields``)
# without what the server sets; the tuples that hold the values follow these orders.
SERVER_SET = frozenset({"id", "created_at", "updated_at", "start", "end"})
# And of a quote, its anchor's status and body digest: the import anchors it anew.
QUOTE_SERVER_SET = SERVER_SET | {"status", "body_sha256"}


def _given(shape: Shape, server_set: frozenset[str] = SERVER_SET) -> dict[str, str]:
    """The model fields that a line gives of ``shape``'s values, with the key of each."""
    return {
        field.source: field.name for field in shape.of_kind(*VALUES) if field.name not in server_set
    }


STATEMENT_KEYS = _given(EXPORTED_STATEMENT)
ATTRIBUTION_KEYS = _given(ATTRIBUTION)
QUOTE_KEYS = _given(QUOTE, QUOTE_SERVER_SET)
STATEMENT_COLUMNS = tuple(STATEMENT_KEYS)
SOURCE_COLUMNS = ("url", "title", "publisher", "kind", "status", "published_at")
OWN_COLUMNS = (*ATTRIBUTION_KEYS, *QUOTE_KEYS)  # an attribution's own, as stored
# Dates go to the database as text.
OWN_DATES = tuple(
    field.source for field in ATTRIBUTION.of_kind(Kind.DATE, Kind.DATETIME)
    if field.source in OWN_COLUMNS
)  # fmt: skip
ATTRIBUTION_COLUMNS = (
    "statement_id",
    "speaker_id",
    "source_id",
    "on_behalf_of_id",
    "quote_start",
    "quote_end",
    "quote_status",
    "quote_body_sha256",
    *OWN_COLUMNS,
)
QUOTE_EXACT = OWN_COLUMNS.index("quote_exact")


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


# --- checking the values of one line ----------------------------------------------------------
#
# A field's path in an error ("attributions.0.quote.exact") is its object's path (``where``,
# "" or ending in a dot) and its key.

SPEAKER_KEYS = {"name": "name", "kind": "kind", "wikidata_id": "wikidata_id"}
SOURCE_KEYS = {name: name for name in SOURCE_COLUMNS}


def _values(
    model: type[ValidatedModel],
    data: dict,
    keys: dict[str, str],
    line: int,
    where: str,
    memo: dict,
) -> dict[str, Any]:
    """The values that ``data`` gives ``model``'s fields, as the model cleans them (a value
    missing or null takes the field's default); an ImportLineError names the first field
    that refuses its value.

    A value is cleaned once a batch (``memo``): a file repeats its languages, kinds, verbs,
    roles and names."""
    values, unchecked = {}, {}
    for name, key in keys.items():
        value = data.get(key)
        if value is None:
            value = model._meta.get_field(name).get_default()
        try:
            values[name] = memo[model, name, type(value), value]
        except (KeyError, TypeError):  # TypeError: an unhashable value, cleaned below
            unchecked[name] = value
    if not unchecked:
        return values
    try:
        cleaned = model.clean_values(unchecked)
    except ValidationError as error:
        raise _refused(error, line, lambda name: where + keys[name]) from None
    for name, value in unchecked.items():
        with contextlib.suppress(TypeError):
            memo[model, name, type(value), value] = cleaned[name]
    return values | cleaned


def _refused(error: ValidationError, line: int, path=str) -> ImportLineError:
    """The line's error for the first field that ``error`` names (``path(name)`` in the
    line)."""
    name, errors = next(iter(error.error_dict.items()))
    return ImportLineError(line, path(name), " ".join(ValidationError(errors).messages))


def _once(memo: dict, key: tuple, check) -> Any:
    """``check()``, once a batch for each ``key``."""
    try:
        return memo[key]
    except (KeyError, TypeError):  # TypeError: an unhashable value, checked by check()
        pass
    checked = check()
    with contextlib.suppress(TypeError):
        memo[key] = checked
    return checked


def _object(data: dict, key: str, line: int, where: str, *, required=True) -> dict | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, dict):
        raise ImportLineError(line, where + key, "Must be an object.")
    return value


def _isoformat(value) -> str | None:
    # A date as text costs COPY far less to write than a date.
    return None if value is None else value.isoformat()


def _speaker_ref(data: dict, line: int, where: str, memo: dict) -> SpeakerRef:
    values = _values(Speaker, data, SPEAKER_KEYS, line, where, memo)
    name, kind, wikidata_id = values["name"], values["kind"], values["wikidata_id"]
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
    """The source's fields, checked, its URL in its canonical form (as the services store
    it), its date as text; once for each version of a source in a batch, which many lines
    cite."""

    def check() -> dict[str, Any]:
        fields = _values(Source, data, SOURCE_KEYS, line, where, memo)  # a URL that splits
        canonical = {"url": normalize_url(fields["url"])}
        fields |= _values(Source, canonical, {"url": "url"}, line, where, memo)
        fields["published_at"] = _isoformat(fields["published_at"])
        return fields

    return _once(memo, ("source", *data.items()), check)


def _check_lists(topics: Any, attributions: list, line: int, memo: dict) -> None:
    """The topics and the number of attributions, by the statement's rule; once for each
    set of topics in a batch, as a file repeats them."""

    def check() -> None:
        try:
            Statement.validate_lists(topics=topics, attributions=attributions)
        except ValidationError as error:
            raise _refused(error, line) from None

    if isinstance(topics, list):
        _once(memo, ("lists", len(attributions), *topics), check)
    else:
        check()


def _refuse(number: int, where: str, errors: dict[str, ValidationError]) -> None:
    """The line is refused for the first of a model's ``rule_errors``, if any."""
    for name, error in errors.items():
        raise ImportLineError(number, where + name, error.messages[0])


def parse_line(raw: bytes, number: int, memo: dict | None = None) -> Line:
    """Check one line; ``memo`` keeps what was checked already in this batch."""
    memo = {} if memo is None else memo
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ImportLineError(number, None, f"Not valid JSON: {error}.") from None
    if not isinstance(data, dict):
        raise ImportLineError(number, "(line)", "Must be an object.")
    statement = _values(Statement, data, STATEMENT_KEYS, number, "", memo)
    rules = {name: statement[name] for name in ("status", "retraction_reason")}
    _refuse(number, "", Statement.rule_errors(**rules))
    topics = data.get("topics") or []
    raw_attributions = data.get("attributions") or []
    if not isinstance(raw_attributions, list):
        raise ImportLineError(number, "attributions", "Must be a list.")
    _check_lists(topics, raw_attributions, number, memo)
    attributions = []
    seen = set()
    for index, item in enumerate(raw_attributions):
        where = f"attributions.{index}."
        if not isinstance(item, dict):
            raise ImportLineError(number, where[:-1], "Must be an object.")
        speaker_data = _object(item, "speaker", number, where)
        speaker = _speaker_ref(speaker_data, number, where + "speaker.", memo)
        source_data = _object(item, "source", number, where)
        source = _source_fields(source_data, number, where + "source.", memo)
        behalf = _object(item, "on_behalf_of", number, where, required=False)
        behalf_ref = _speaker_ref(behalf, number, where + "on_behalf_of.", memo) if behalf else None
        quote = _object(item, "quote", number, where, required=False) or {}
        values = _values(Attribution, item, ATTRIBUTION_KEYS, number, where, memo)
        values |= _values(Attribution, quote, QUOTE_KEYS, number, where + "quote.", memo)
        errors = Attribution.rule_errors(
            mode=values["mode"],
            quote_exact=values["quote_exact"],
            speaker=speaker.key,
            on_behalf_of=behalf_ref.key if behalf_ref else None,
        )
        _refuse(number, where, errors)
        if (speaker.key, source["url"]) in seen:
            raise ImportLineError(number, where + "speaker", ALREADY_ATTRIBUTED)
        seen.add((speaker.key, source["url"]))
        for name in OWN_DATES:
            values[name] = _isoformat(values[name])
        own = tuple(values[name] for name in OWN_COLUMNS)
        attributions.append(ParsedAttribution(speaker, source, behalf_ref, own))
    first = attributions[0] if attributions else None
    text = statement["text"]
    key = (text, first.speaker.key, first.source["url"]) if first else (text,)
    return Line(
        number, tuple(statement[name] for name in STATEMENT_COLUMNS), topics, attributions, key
    )


# --- reading the batches ----------------------------------------------------------------------


def batches(lines: Iterable[bytes], size: int) -> Iterator[list[tuple[int, bytes]]]:
    batch = []
    for number, raw in enumerate(lines, 1):
        if raw.strip():
            batch.append((number, raw))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def parse_batch(batch: list[tuple[int, bytes]]) -> list[Line]:
    memo: dict = {}  # what was checked already in this batch
    return [parse_line(raw, number, memo) for number, raw in batch]


def parsed_batches(
    lines: Iterable[bytes], size: int
) -> Iterator[tuple[list[tuple[int, bytes]], list[Line]]]:
    """The batches with their lines checked. The next batch is read and checked in a thread
    while the caller writes this one: the writer mostly waits for the database, which
    releases the GIL, so parsing costs little more than the waits. A bad line raises its
    ImportLineError only when its batch is asked for, after the batches before it."""
    numbered = batches(lines, size)

    def parse_next() -> tuple[list[tuple[int, bytes]], list[Line]] | None:
        batch = next(numbered, None)
        return None if batch is None else (batch, parse_batch(batch))

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-parse") as pool:
        upcoming = pool.submit(parse_next)
        while (parsed := upcoming.result()) is not None:
            upcoming = pool.submit(parse_next)
            yield parsed
