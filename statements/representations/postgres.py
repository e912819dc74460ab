"""Statement representations written by PostgreSQL, byte for byte as Python writes them.

Building a statement's representation in Python (model instances, Django's pure-Python
time-zone loader for every ``timestamptz``, then the dictionaries) was most of the time of
a page and of the export (see the README's Performance section). On PostgreSQL the
database writes the JSON text of each statement itself, as orjson writes the dictionaries
of ``api.representations`` (and the export's documents): keys in the same order, no
spaces, strings escaped as orjson escapes them (``to_json``: ``\\"``, ``\\\\``, ``\\b \\f \\n
\\r \\t``, other control characters as ``\\u00XX``, everything else as is), times in UTC as
``representations.datetime_value`` writes them. The API loads that text back with orjson
(a few microseconds a statement), so everything after (ETags, renderers) is unchanged;
the export relays it. The export's lines are written a chunk of statements at a time in
one set-wise query (``export_lines``): attributions grouped by statement once, each speaker
and source summary written once per chunk. ``tests/test_documents.py`` and
``tests/test_export_import.py`` hold the two paths to the same output.

Only on PostgreSQL, and only while the current time zone is UTC (the setting's default):
elsewhere the Python path runs.
"""

from typing import Any

import orjson
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from statements.models import Attribution, Relation, Source, Speaker, Statement, Topic
from statements.search.backends import get_backend
from statements.visibility import public_sql

STATEMENT = Statement._meta.db_table


def available() -> bool:
    backend = get_backend()
    return backend.writes_representations and timezone.get_current_timezone_name() == "UTC"


# --- JSON values as SQL expressions (each gives the value's JSON text, never NULL) ------------


def _string(column: str) -> str:
    return f"to_json({column})::text"


def _int(column: str) -> str:
    return f"COALESCE({column}::text, 'null')"


def _datetime(column: str, *, null: bool = False) -> str:
    """ISO 8601 in UTC with "Z", microseconds only when there are some (as isoformat);
    quoted by to_char itself (``\\"`` in a to_char literal)."""
    quoted = """'"\\""YYYY-MM-DD"T"HH24:MI:SS.US"Z\\""'"""
    text = f"""replace(to_char({column} AT TIME ZONE 'UTC', {quoted}), '.000000Z"', 'Z"')"""
    return f"COALESCE({text}, 'null')" if null else text


def _date(column: str) -> str:
    return f"""COALESCE('"' || to_char({column}, 'YYYY-MM-DD') || '"', 'null')"""


def _object(fields: dict[str, str]) -> str:
    """A JSON object from SQL expressions that each give a JSON value's text (never NULL:
    ``concat`` would drop it). One ``concat``, not a chain of ``||`` that would copy the
    growing text once per field."""
    parts = []
    for index, (key, value) in enumerate(fields.items()):
        parts += [f"""'{"{" if index == 0 else ","}"{key}":'""", value]
    return f"concat({', '.join(parts)}, '}}')"


def _array(element: str, rows: str, order: str) -> str:
    """A JSON array of ``element`` over ``rows`` (a FROM clause), in ``order``."""
    aggregate = f"string_agg({element}, ',' ORDER BY {order})"
    return f"(SELECT COALESCE('[' || {aggregate} || ']', '[]') {rows})"


# --- the representation's parts ---------------------------------------------------------------


def _speaker(alias: str) -> str:
    return _object(
        {"id": f"{alias}.id::text", "name": _string(f"{alias}.name"),
         "kind": _string(f"{alias}.kind")}
    )  # fmt: skip


_SOURCE = _object(
    {
        "id": "so.id::text",
        "title": _string("so.title"),
        "publisher": _string("so.publisher"),
        "kind": _string("so.kind"),
        "url": _string("so.url"),
        "published_at": _datetime("so.published_at", null=True),
        "status": _string("so.status"),
    }
)
_QUOTE = _object(
    {
        "exact": _string("a.quote_exact"),
        "prefix": _string("a.quote_prefix"),
        "suffix": _string("a.quote_suffix"),
        "start": _int("a.quote_start"),
        "end": _int("a.quote_end"),
    }
)


def _attribution(*, speaker: str, source: str, on_behalf_of: str) -> str:
    """An attribution of ``a``, its summaries given as JSON text by the caller."""
    return _object(
        {
            "id": "a.id::text",
            "speaker": speaker,
            "source": source,
            "mode": _string("a.mode"),
            "speech_act": _string("a.speech_act"),
            "verb": _string("a.verb"),
            "speaker_role": _string("a.speaker_role"),
            "on_behalf_of": on_behalf_of,
            "occasion": _string("a.occasion"),
            "stated_on": _date("a.stated_on"),
            "quote": f"CASE WHEN a.quote_exact = '' THEN 'null' ELSE {_QUOTE} END",
            "created_at": _datetime("a.created_at"),
            "updated_at": _datetime("a.updated_at"),
        }
    )


_ATTRIBUTIONS = _array(
    _attribution(
        speaker=_speaker("sp"),
        source=_SOURCE,
        on_behalf_of=f"CASE WHEN ob.id IS NULL THEN 'null' ELSE {_speaker('ob')} END",
    ),
    f"FROM {Attribution._meta.db_table} a "
    f"JOIN {Speaker._meta.db_table} sp ON sp.id = a.speaker_id "
    f"JOIN {Source._meta.db_table} so ON so.id = a.source_id "
    f"LEFT JOIN {Speaker._meta.db_table} ob ON ob.id = a.on_behalf_of_id "
    f"WHERE a.statement_id = {STATEMENT}.id",
    "a.id",
)
_TOPIC_LINKS = Statement.topics.through._meta.db_table


def _topics_from_table() -> tuple[str, list[Any]]:
    """The slugs read from their table. OFFSET 0 keeps the look-up from being
    pulled up and run twice (for the value and for the order)."""
    return (
        f"(SELECT to_jsonb((SELECT slug FROM {Topic._meta.db_table} WHERE id = st.topic_id)) "  # noqa: S608
        f"AS slug FROM {_TOPIC_LINKS} st WHERE st.statement_id = {STATEMENT}.id OFFSET 0) t",
        [],
    )


def _statement_summary(alias: str) -> str:
    return _object(
        {"id": f"{alias}.id::text", "text": _string(f"{alias}.text"),
         "status": _string(f"{alias}.status")}
    )  # fmt: skip


def _relations(*, published_only: bool) -> str:
    """As ``selectors.relation_queryset``: both directions, ordered by id, and only between
    statements the user may see."""
    visible = f"AND {public_sql('f')} AND {public_sql('t')} " if published_only else ""
    element = _object(
        {
            "id": "r.id::text",
            "kind": _string("r.kind"),
            "from_statement": _statement_summary("f"),
            "to_statement": _statement_summary("t"),
            "note": _string("r.note"),
        }
    )
    return _array(
        element,
        f"FROM {Relation._meta.db_table} r "
        f"JOIN {STATEMENT} f ON f.id = r.from_statement_id "
        f"JOIN {STATEMENT} t ON t.id = r.to_statement_id "
        f"WHERE (r.from_statement_id = {STATEMENT}.id OR r.to_statement_id = {STATEMENT}.id) "
        + visible,
        "r.id",
    )


def _statement(*, topics: str, attributions: str, relations: str | None = None) -> str:
    """A statement of ``STATEMENT``, its topics, attributions and relations given as JSON
    text by the caller."""
    fields = {
        "id": f"{STATEMENT}.id::text",
        "text": _string(f"{STATEMENT}.text"),
        "language": _string(f"{STATEMENT}.language"),
        "topics": topics,
        "status": _string(f"{STATEMENT}.status"),
        "retraction_reason": _string(f"{STATEMENT}.retraction_reason"),
        "attributions": attributions,
    }
    if relations is not None:
        fields["relations"] = relations
    fields["created_at"] = _datetime(f"{STATEMENT}.created_at")
    fields["updated_at"] = _datetime(f"{STATEMENT}.updated_at")
    return _object(fields)


# Sorted as Python sorts strings: by code point, the order of UTF-8's bytes.
_SLUG_ORDER = 'COLLATE "C"'


def statement_json(*, published_only: bool) -> RawSQL:
    """The statement's JSON text as ``representations.statement`` writes it, as an
    expression to annotate statements with. ``published_only``: the relations shown link
    published statements only."""
    topic_rows, params = _topics_from_table()
    document = _statement(
        topics=_array("t.slug::text", f"FROM {topic_rows}", f"t.slug::text {_SLUG_ORDER}"),
        attributions=_ATTRIBUTIONS,
        relations=_relations(published_only=published_only),
    )
    return RawSQL(document, params)  # noqa: S611 - our SQL, values as parameters


# --- the export's lines, a chunk at a time ----------------------------------------------------


def _export_lines(*, dense: bool) -> str:
    """The export's lines of a chunk of statements, as rows (id, line), set-wise: the
    chunk's attributions are grouped by statement once, each speaker and source summary is
    written once (consecutive statements share them), and so are the topics. Parameters:
    the chunk's ids, then its lowest and highest id for each of the three tables.

    ``dense``: the ids fill at least half of their range, so the attributions and topics are read as
    one range of their index, and those of statements outside the chunk (that the filters
    left out) are dropped by the final join; else they are looked up by id."""

    def in_chunk(column: str) -> str:
        chunk = "" if dense else f" AND {column} IN (SELECT id FROM chunk)"  # noqa: S608
        return f"{column} BETWEEN %s AND %s{chunk}"

    attribution = _attribution(
        speaker="sp.json", source="so.json", on_behalf_of="COALESCE(ob.json, 'null')"
    )
    line = _statement(
        topics="COALESCE('[' || topic_arrays.elements || ']', '[]')",
        attributions="COALESCE('[' || attribution_arrays.elements || ']', '[]')",
    )
    attributions, speakers, sources = (
        Attribution._meta.db_table, Speaker._meta.db_table, Source._meta.db_table
    )  # fmt: skip
    return f"""
        WITH chunk AS MATERIALIZED (SELECT unnest(%s::bigint[]) AS id),
        linked AS MATERIALIZED (
            SELECT * FROM {attributions} WHERE {in_chunk("statement_id")}
        ),
        speaker_summaries AS MATERIALIZED (
            SELECT sp.id, {_speaker("sp")} AS json FROM {speakers} sp
            WHERE sp.id IN (SELECT speaker_id FROM linked UNION SELECT on_behalf_of_id FROM linked)
        ),
        source_summaries AS MATERIALIZED (
            SELECT so.id, {_SOURCE} AS json FROM {sources} so
            WHERE so.id IN (SELECT source_id FROM linked)
        ),
        attribution_arrays AS (
            SELECT a.statement_id, string_agg({attribution}, ',' ORDER BY a.id) AS elements
            FROM linked a
            JOIN speaker_summaries sp ON sp.id = a.speaker_id
            JOIN source_summaries so ON so.id = a.source_id
            LEFT JOIN speaker_summaries ob ON ob.id = a.on_behalf_of_id
            GROUP BY a.statement_id
        ),
        topic_arrays AS (
            SELECT st.statement_id,
                   string_agg(to_json(t.slug)::text, ',' ORDER BY t.slug {_SLUG_ORDER}) AS elements
            FROM {_TOPIC_LINKS} st JOIN {Topic._meta.db_table} t ON t.id = st.topic_id
            WHERE {in_chunk("st.statement_id")}
            GROUP BY st.statement_id
        )
        SELECT {STATEMENT}.id, {line}
        FROM {STATEMENT}
        LEFT JOIN attribution_arrays ON attribution_arrays.statement_id = {STATEMENT}.id
        LEFT JOIN topic_arrays ON topic_arrays.statement_id = {STATEMENT}.id
        WHERE {STATEMENT}.id BETWEEN %s AND %s AND {STATEMENT}.id IN (SELECT id FROM chunk)
    """  # noqa: S608 - our SQL, values as parameters


_EXPORT_LINES = {dense: _export_lines(dense=dense) for dense in (True, False)}


def export_lines(ids: list[int]) -> tuple[str, list[Any]]:
    """The query (SQL and parameters) of the export's lines of the statements ``ids``, as
    rows (id, line) in no particular order; a statement deleted since its id was read is
    left out."""
    first, last = min(ids), max(ids)
    dense = last - first < 2 * len(ids)
    return _EXPORT_LINES[dense], [ids, *[first, last] * 3]


# --- reads for the API ------------------------------------------------------------------------


def statement_representations(ids: list[int], *, published_only: bool) -> list[dict[str, Any]]:
    """The representations of the statements ``ids`` (already filtered for visibility), in
    that order, in one query; a statement deleted since its id was read is left out."""
    if not ids:
        return []
    document = statement_json(published_only=published_only)
    rows = Statement.objects.filter(pk__in=ids).annotate(document=document)
    texts = dict(rows.values_list("pk", "document"))
    return [orjson.loads(texts[pk]) for pk in ids if pk in texts]


def statement_representation(queryset: QuerySet, pk: Any, *, published_only: bool) -> dict | None:
    """The representation of statement ``pk`` if ``queryset`` holds it, in one query."""
    document = statement_json(published_only=published_only)
    text = (
        queryset.filter(Q(pk=pk))
        .annotate(document=document)
        .values_list("document", flat=True)
        .first()
    )
    return None if text is None else orjson.loads(text)
