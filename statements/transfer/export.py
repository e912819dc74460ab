"""Streaming export of statements with their attributions, as NDJSON or CSV.

Statements are read in id order through a server-side cursor (``iterator``), a chunk at a
time, with one more query per chunk for the chunk's attributions (speakers and sources
joined): memory stays flat whatever the number of statements, and so does the number of
queries per statement. Rows are read as tuples, not model instances, and encoded by
orjson: building objects would cost more than everything else.

NDJSON: one statement a line, as the API shows it (``representations.statement``) but
without its relations. ``import_statements`` reads the same lines back. On PostgreSQL the
database writes each line itself (``ndjson_lines``), byte for byte as the Python path would:
the statement ids are read as above, and each chunk's lines are written by one
set-wise query (``documents.export_lines``) and relayed as they come.
CSV: one row per attribution, the statement's columns repeated on each; a statement
without attributions has one row with the attribution columns empty; topics are joined
with ``|``.
"""

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import orjson
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from statements.models import Attribution, Source, Speaker, Topic
from statements.representations.postgres import available, export_lines
from statements.representations.python import date_value, datetime_value
from statements.search.backends import get_backend
from statements.selectors import JSONArraySubquery, topic_links

CHUNK_SIZE = 2000

STATEMENT_FIELDS = ("id", "text", "language", "topic_ids", "status", "retraction_reason",
                    "created_at", "updated_at")  # fmt: skip
ATTRIBUTION_FIELDS = (
    "statement_id", "id", "speaker_id", "source_id", "mode", "speech_act", "verb",
    "speaker_role", "on_behalf_of_id", "occasion", "stated_on",
    "quote_exact", "quote_prefix", "quote_suffix", "quote_start", "quote_end",
    "created_at", "updated_at",
)  # fmt: skip
SPEAKER_FIELDS = ("id", "name", "kind")
SOURCE_FIELDS = ("id", "title", "publisher", "kind", "url", "published_at", "status")
# Summaries kept between chunks (consecutive statements share speakers and sources); the
# memory they take is bounded by dropping them all past this many.
SUMMARY_CACHE_SIZE = 20_000


class _Summaries:
    """Speaker and source summaries, fetched by id for each chunk's new ids only."""

    def __init__(self, zone: dt.tzinfo) -> None:
        self.zone = zone
        self.speakers: dict[int, dict[str, Any]] = {}
        self.sources: dict[int, dict[str, Any]] = {}
        self.topics: dict[int, str] = {}

    def fetch(self, speaker_ids: set[int], source_ids: set[int], topic_ids: set[int]) -> None:
        for cache in (self.speakers, self.sources):
            if len(cache) > SUMMARY_CACHE_SIZE:
                cache.clear()
        if missing := speaker_ids - self.speakers.keys():
            for pk, name, kind in Speaker.objects.filter(pk__in=missing).values_list(
                *SPEAKER_FIELDS
            ):
                self.speakers[pk] = {"id": pk, "name": name, "kind": kind}
        if missing := source_ids - self.sources.keys():
            rows = Source.objects.filter(pk__in=missing).values_list(*SOURCE_FIELDS)
            for pk, title, publisher, kind, url, published_at, status in rows:
                self.sources[pk] = {
                    "id": pk,
                    "title": title,
                    "publisher": publisher,
                    "kind": kind,
                    "url": url,
                    "published_at": datetime_value(published_at, self.zone),
                    "status": status,
                }
        if topic_ids - self.topics.keys():  # topics are few: all of them, once
            self.topics = dict(Topic.objects.values_list("id", "slug"))


def _attribution(row: tuple, summaries: _Summaries) -> dict[str, Any]:
    (_, pk, speaker_id, source_id, mode, speech_act, verb, role, behalf_id, occasion,
     stated_on, exact, prefix, suffix, start, end, created_at, updated_at) = row  # fmt: skip
    zone = summaries.zone
    return {
        "id": pk,
        "speaker": summaries.speakers[speaker_id],
        "source": summaries.sources[source_id],
        "mode": mode,
        "speech_act": speech_act,
        "verb": verb,
        "speaker_role": role,
        "on_behalf_of": None if behalf_id is None else summaries.speakers[behalf_id],
        "occasion": occasion,
        "stated_on": date_value(stated_on),
        "quote": (
            {"exact": exact, "prefix": prefix, "suffix": suffix, "start": start, "end": end}
            if exact
            else None
        ),
        "created_at": datetime_value(created_at, zone),
        "updated_at": datetime_value(updated_at, zone),
    }


def _batched(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _chunks(rows: QuerySet, size: int) -> Iterator[list[tuple]]:
    """The rows, ``size`` at a time, without holding more than a chunk in memory."""
    if rows.query.order_by or not connection.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS"):
        yield from _batched(rows.iterator(chunk_size=size), size)
        return
    # Behind a transaction-mode pooler there are no server-side cursors (an ordinary cursor
    # would receive every row at once): in the default id order, read chunk after chunk.
    last = 0
    while chunk := list(rows.filter(pk__gt=last).order_by("pk")[:size]):
        yield chunk
        last = chunk[-1][0]


def statement_documents(
    queryset: QuerySet, chunk_size: int = CHUNK_SIZE
) -> Iterator[list[dict[str, Any]]]:
    """Chunks of statement documents (the NDJSON lines, decoded) from ``queryset`` (from
    ``selectors.statement_queryset``, filtered and ordered)."""
    rows = (
        queryset.prefetch_related(None)
        .annotate(topic_ids=JSONArraySubquery(topic_links(), "topic_id"))
        .values_list(*STATEMENT_FIELDS)
    )
    summaries = _Summaries(timezone.get_current_timezone())
    zone = summaries.zone
    with get_backend().streaming_reads():
        for chunk in _chunks(rows, chunk_size):
            ids = [row[0] for row in chunk]
            attributions: dict[int, list[dict[str, Any]]] = {pk: [] for pk in ids}
            if ids == sorted(ids):
                # In id order (the default), one range scan of the index beats a lookup per
                # id; attributions of statements the filters left out are dropped below.
                linked = Attribution.objects.filter(statement__gte=ids[0], statement__lte=ids[-1])
            else:
                linked = Attribution.objects.filter(statement_id__in=ids)
            linked_rows = [
                row
                for row in linked.order_by("id").values_list(*ATTRIBUTION_FIELDS)
                if row[0] in attributions
            ]
            summaries.fetch(
                {row[2] for row in linked_rows} | {row[8] for row in linked_rows if row[8]},
                {row[3] for row in linked_rows},
                {topic for row in chunk for topic in row[3]},
            )
            for row in linked_rows:
                attributions[row[0]].append(_attribution(row, summaries))
            topics = summaries.topics
            yield [
                {
                    "id": pk,
                    "text": text,
                    "language": language,
                    "topics": sorted(topics[topic] for topic in topic_ids),
                    "status": status,
                    "retraction_reason": reason,
                    "attributions": attributions[pk],
                    "created_at": datetime_value(created_at, zone),
                    "updated_at": datetime_value(updated_at, zone),
                }
                for pk, text, language, topic_ids, status, reason, created_at, updated_at in chunk
            ]


def _api_json(lines: bytes) -> bytes:
    # As the API's JSON: U+2028 and U+2029 escaped.
    return lines.replace("\u2028".encode(), b"\\u2028").replace("\u2029".encode(), b"\\u2029")


def ndjson(documents: Iterable[list[dict[str, Any]]]) -> Iterator[bytes]:
    for chunk in documents:
        yield _api_json(b"".join(orjson.dumps(document) + b"\n" for document in chunk))


# --- NDJSON lines built by PostgreSQL (representations/postgres.py) -------------------------


def _lines_in_sql() -> bool:
    return available()


def ndjson_lines(queryset: QuerySet, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """The NDJSON export of ``queryset`` (as for ``statement_documents``), in chunks of
    bytes: built by PostgreSQL where it can, else from ``statement_documents``."""
    if not _lines_in_sql():
        yield from ndjson(statement_documents(queryset, chunk_size))
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


CSV_COLUMNS = (
    "statement_id", "text", "language", "topics", "status", "retraction_reason",
    "statement_created_at", "statement_updated_at",
    "attribution_id", "speaker_id", "speaker_name", "speaker_kind",
    "source_id", "source_title", "source_publisher", "source_kind", "source_url",
    "source_published_at", "source_status",
    "mode", "speech_act", "verb", "speaker_role",
    "on_behalf_of_id", "on_behalf_of_name", "occasion", "stated_on",
    "quote_exact", "quote_prefix", "quote_suffix", "quote_start", "quote_end",
)  # fmt: skip


def _csv_rows(document: dict[str, Any]) -> Iterator[list[Any]]:
    statement = [
        document["id"], document["text"], document["language"], "|".join(document["topics"]),
        document["status"], document["retraction_reason"], document["created_at"],
        document["updated_at"],
    ]  # fmt: skip
    if not document["attributions"]:
        yield statement + [""] * (len(CSV_COLUMNS) - len(statement))
    for attribution in document["attributions"]:
        speaker, source = attribution["speaker"], attribution["source"]
        behalf = attribution["on_behalf_of"] or {}
        quote = attribution["quote"] or {}
        yield [
            *statement,
            attribution["id"], speaker["id"], speaker["name"], speaker["kind"],
            source["id"], source["title"], source["publisher"], source["kind"], source["url"],
            source["published_at"], source["status"],
            attribution["mode"], attribution["speech_act"], attribution["verb"],
            attribution["speaker_role"], behalf.get("id"), behalf.get("name"),
            attribution["occasion"], attribution["stated_on"],
            quote.get("exact"), quote.get("prefix"), quote.get("suffix"), quote.get("start"),
            quote.get("end"),
        ]  # fmt: skip


def csv_rows(documents: Iterable[list[dict[str, Any]]]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for chunk in documents:
        for document in chunk:
            writer.writerows(_csv_rows(document))
        yield buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode()
