"""Streaming export of statements with their attributions, as NDJSON, CSV or JSON-LD.

Statements are read in id order through a server-side cursor (``iterator``), a chunk at a
time, with one more query per chunk for the chunk's attributions and one for the summaries
it has not seen yet: memory stays flat whatever the number of statements, and so does the
number of queries per statement. Rows are read as tuples by the columns of the field lists
(``representations.fields``), not as model instances (whose construction would cost more
than everything else), and built into records by the same writer as the API's
(``representations.python``).

NDJSON: one statement a line, as the API shows it but without its relations
(``EXPORTED_STATEMENT``). ``import_statements`` reads the same lines back. On PostgreSQL the
database writes each line itself (``ndjson_lines``), byte for byte as the Python path would:
the statement ids are read as above, and each chunk's lines are written by one set-wise
query (``representations.postgres.export_lines``) and relayed as they come.
CSV: one row per attribution, the statement's columns repeated on each; a statement
without attributions has one row with the attribution columns empty; topics are joined
with ``|``.
JSON-LD: one document whose ``@graph`` holds each statement as a ``Claim`` node
(``statements.jsonld``), written a chunk at a time, so that it streams yet parses as one
JSON document.
"""

import csv
import io
from collections import namedtuple
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from operator import itemgetter
from typing import Any

import orjson
from django.db import connection
from django.db.models import QuerySet

from statements import jsonld
from statements.models import Attribution, Topic
from statements.representations.fields import (
    ATTRIBUTION,
    EXPORTED_STATEMENT,
    Field,
    Kind,
    Shape,
)
from statements.representations.postgres import available, export_lines
from statements.representations.python import Writer
from statements.search.backends import get_backend
from statements.selectors import JSONArraySubquery, topic_links

CHUNK_SIZE = 2000

STATEMENT_COLUMNS = EXPORTED_STATEMENT.columns()
ATTRIBUTION_COLUMNS = ("statement_id", *ATTRIBUTION.columns())
# A statement's row, with its topics' slugs and its attributions' rows gathered for the
# writer (as ``selectors.statement_queryset`` annotates and prefetches them).
StatementRow = namedtuple(
    "StatementRow", (*STATEMENT_COLUMNS, "topic_ids", "topic_slugs", "prefetched_attributions")
)
# Summaries kept between chunks (consecutive statements share speakers and sources); the
# memory they take is bounded by dropping them all past this many.
SUMMARY_CACHE_SIZE = 20_000
SUMMARIES = ATTRIBUTION.of_kind(Kind.SUMMARY)


def _fetch_summaries(writer: Writer, rows: list) -> None:
    """Build the summaries the attribution ``rows`` name that ``writer`` does not have yet."""
    wanted: dict[Shape, set[int]] = {}
    for field in SUMMARIES:
        key = ATTRIBUTION.column(field)
        wanted.setdefault(field.shape, set()).update(
            pk for row in rows if (pk := getattr(row, key)) is not None
        )
    for shape, ids in wanted.items():
        cache = writer.summary_cache(shape)
        if len(cache) > SUMMARY_CACHE_SIZE:
            cache.clear()
        if missing := ids - cache.keys():
            objects = shape.model.objects.filter(pk__in=missing)
            for row in objects.values_list(*shape.columns(), named=True):
                cache[row.id] = writer.build(shape, row)


def _batched(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _chunks(rows: QuerySet, size: int) -> Iterator[list[tuple]]:
    """The rows (their first column the id), ``size`` at a time, without holding more than
    a chunk in memory."""
    if rows.query.order_by or not connection.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS"):
        yield from _batched(rows.iterator(chunk_size=size), size)
        return
    # Behind a transaction-mode pooler there are no server-side cursors (an ordinary cursor
    # would receive every row at once): in the default id order, read chunk after chunk.
    last = 0
    while chunk := list(rows.filter(pk__gt=last).order_by("pk")[:size]):
        yield chunk
        last = chunk[-1][0]


def statement_records(
    queryset: QuerySet, chunk_size: int = CHUNK_SIZE
) -> Iterator[list[dict[str, Any]]]:
    """Chunks of statement records (the NDJSON lines, decoded) from ``queryset`` (from
    ``selectors.statement_queryset``, filtered and ordered)."""
    rows = (
        queryset.prefetch_related(None)
        .annotate(topic_ids=JSONArraySubquery(topic_links(), "topic_id"))
        .values_list(*STATEMENT_COLUMNS, "topic_ids", named=True)
    )
    writer = Writer()
    topics: dict[int, str] = {}
    with get_backend().streaming_reads():
        for chunk in _chunks(rows, chunk_size):
            ids = [row.id for row in chunk]
            attributions: dict[int, list[Any]] = {pk: [] for pk in ids}
            if ids == sorted(ids):
                # In id order (the default), one range scan of the index beats a lookup per
                # id; attributions of statements the filters left out are dropped below.
                linked = Attribution.objects.filter(statement__gte=ids[0], statement__lte=ids[-1])
            else:
                linked = Attribution.objects.filter(statement_id__in=ids)
            linked_rows = [
                row
                for row in linked.order_by("id").values_list(*ATTRIBUTION_COLUMNS, named=True)
                if row.statement_id in attributions
            ]
            _fetch_summaries(writer, linked_rows)
            for row in linked_rows:
                attributions[row.statement_id].append(row)
            if any(topic not in topics for row in chunk for topic in row.topic_ids):
                topics = dict(Topic.objects.values_list("id", "slug"))  # few: all, once
            yield [
                writer.statement(
                    StatementRow(
                        *row,
                        topic_slugs=[topics[topic] for topic in row.topic_ids],
                        prefetched_attributions=attributions[row.id],
                    ),
                    EXPORTED_STATEMENT,
                )
                for row in chunk
            ]


def _api_json(lines: bytes) -> bytes:
    # As the API's JSON: U+2028 and U+2029 escaped.
    return lines.replace("\u2028".encode(), b"\\u2028").replace("\u2029".encode(), b"\\u2029")


def ndjson(records: Iterable[list[dict[str, Any]]]) -> Iterator[bytes]:
    for chunk in records:
        yield _api_json(b"".join(orjson.dumps(record) + b"\n" for record in chunk))


# --- NDJSON lines built by PostgreSQL (representations/postgres.py) -------------------------


def _lines_in_sql() -> bool:
    return available()


def ndjson_lines(queryset: QuerySet, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """The NDJSON export of ``queryset`` (as for ``statement_records``), in chunks of
    bytes: built by PostgreSQL where it can, else from ``statement_records``."""
    if not _lines_in_sql():
        yield from ndjson(statement_records(queryset, chunk_size))
        return
    ids = queryset.prefetch_related(None).values_list("pk")
    with get_backend().streaming_reads(), connection.cursor() as cursor:
        # Each chunk planned for its own ids: a generic plan cannot see how wide their
        # range is, and one made for a dense chunk would read a sparse one's whole range.
        cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")
        for chunk in _chunks(ids, chunk_size):
            chunk_ids = [pk for (pk,) in chunk]
            cursor.execute(*export_lines(chunk_ids))
            lines = dict(cursor.fetchall())
            if texts := [lines[pk] for pk in chunk_ids if pk in lines]:
                yield _api_json("\n".join(texts).encode() + b"\n")


# --- CSV: a line flattened, one row per attribution -----------------------------------------

# A nested object's fields are "<field>_<subfield>" columns; the keys that the statement
# and its attributions both have are named for their owner ("statement_id"); these are left out.
CSV_LEFT_OUT = {
    ("attributions", "created_at"),
    ("attributions", "updated_at"),
    ("attributions", "on_behalf_of", "kind"),
}
CSV_OWNED = {"id", "created_at", "updated_at"}


def _csv_fields(
    shape: Shape, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], Field]]:
    """The paths of ``shape``'s values, nested objects flattened, lists left to the caller."""
    for field in shape.fields:
        path = (*prefix, field.name)
        if path in CSV_LEFT_OUT or field.kind is Kind.LIST:
            continue
        if field.kind in (Kind.SUMMARY, Kind.QUOTE):
            yield from _csv_fields(field.shape, path)
        else:
            yield path, field


def _csv_getter(path: tuple[str, ...], field: Field) -> Callable[[dict[str, Any]], Any]:
    if field.kind is Kind.TOPICS:
        return lambda record: "|".join(record[field.name])
    if len(path) == 1:
        return itemgetter(path[0])
    outer, inner = path

    def get(record: dict[str, Any]) -> Any:
        nested = record[outer]
        return None if nested is None else nested[inner]

    return get


def _csv_columns(owner: str, paths: list[tuple[str, ...]]) -> list[str]:
    return [f"{owner}_{path[0]}" if path[0] in CSV_OWNED else "_".join(path) for path in paths]


_STATEMENT_CSV = list(_csv_fields(EXPORTED_STATEMENT))
_ATTRIBUTION_CSV = [
    (path[1:], field)
    for path, field in _csv_fields(EXPORTED_STATEMENT["attributions"].shape, ("attributions",))
]
CSV_COLUMNS = (
    *_csv_columns("statement", [path for path, _ in _STATEMENT_CSV]),
    *_csv_columns("attribution", [path for path, _ in _ATTRIBUTION_CSV]),
)
_STATEMENT_VALUES = tuple(_csv_getter(path, field) for path, field in _STATEMENT_CSV)
_ATTRIBUTION_VALUES = tuple(_csv_getter(path, field) for path, field in _ATTRIBUTION_CSV)
_NO_ATTRIBUTION = [""] * len(_ATTRIBUTION_VALUES)


def _csv_rows(record: dict[str, Any]) -> Iterator[list[Any]]:
    statement = [value(record) for value in _STATEMENT_VALUES]
    if not record["attributions"]:
        yield statement + _NO_ATTRIBUTION
    for attribution in record["attributions"]:
        yield statement + [value(attribution) for value in _ATTRIBUTION_VALUES]


def csv_rows(records: Iterable[list[dict[str, Any]]]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for chunk in records:
        for record in chunk:
            writer.writerows(_csv_rows(record))
        yield buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode()


# --- JSON-LD: one document, its @graph streamed ---------------------------------------------


def jsonld_graph(
    queryset: QuerySet, iris: jsonld.IRIs, chunk_size: int = CHUNK_SIZE
) -> Iterator[bytes]:
    """The export of ``queryset`` (as for ``statement_records``) as one JSON-LD document
    naming our context, its ``@graph`` the statements' Claim nodes, in chunks of bytes."""
    yield b'{"@context":' + orjson.dumps(iris.context) + b',"@graph":['
    separator = b""
    for chunk in statement_records(queryset, chunk_size):
        if chunk:
            nodes = b",".join(orjson.dumps(jsonld.statement(record, iris)) for record in chunk)
            yield separator + _api_json(nodes)
            separator = b","
    yield b"]}\n"
