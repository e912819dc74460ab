"""Statement representations written by PostgreSQL, byte for byte as ``python`` writes them.

The SQL is generated from the field lists of ``fields``. Building a representation in
Python (model instances, a pure-Python time-zone conversion for every ``timestamptz``, the
dictionaries) costs more than the database writing the text itself (see the README's
Performance section). So on PostgreSQL each statement's JSON text is written as orjson
writes the dictionaries: keys in the same order, no spaces, strings escaped as orjson
escapes them (``to_json``: ``\\"``, ``\\\\``, ``\\b \\f \\n \\r \\t``, other control
characters as ``\\u00XX``, everything else as is), times in UTC as ``python.datetime_value``
writes them. The API loads that text back with orjson, so everything after (ETags,
renderers) is unchanged; the export relays it, a chunk of statements at a time in one
set-wise query (``export_lines``). ``tests/test_postgres_representations.py`` and
``tests/test_export_import.py`` hold the two paths to the same output.

Only on PostgreSQL, and only while the current time zone is UTC (the setting's default):
elsewhere the Python path runs.
"""

import functools
from collections.abc import Callable
from typing import Any

import orjson
from django.db import router
from django.db.models import Model, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from statements import prepared
from statements.models import Attribution, Correction, Relation, Statement, Topic
from statements.representations.fields import (
    ATTRIBUTION,
    CORRECTION,
    EXPORTED_STATEMENT,
    STATEMENT,
    STATEMENT_RELATION,
    Field,
    Kind,
    Shape,
)
from statements.search.backends import get_backend
from statements.visibility import public_sql, visible_to

STATEMENT_TABLE = Statement._meta.db_table


def available() -> bool:
    backend = get_backend()
    return backend.writes_representations and timezone.get_current_timezone_name() == "UTC"


# --- JSON values as SQL expressions (each gives the value's JSON text; NULL only when the ---
# --- value is, which ``_value`` writes as null) ------------------------------------------------


def _string(column: str) -> str:
    return f"to_json({column})::text"


def _int(column: str) -> str:
    return f"{column}::text"


def _float(column: str) -> str:
    """As orjson writes a float: shortest round-trip digits (PostgreSQL's too), in decimal
    notation with ".0" when integral from 1e-5 up to 1e16, else with an exponent without
    zero padding ("1e-7", "1e+16")."""
    decimal = f"{column}::text::numeric::text"
    return (
        f"CASE WHEN {column} = 'NaN' OR abs({column}) = 'Infinity' THEN 'null' "
        f"WHEN {column} = 0 THEN {column}::text || '.0' "
        f"WHEN abs({column}) >= 1e-5 AND abs({column}) < 1e16 "
        f"THEN {decimal} || CASE WHEN strpos({decimal}, '.') = 0 THEN '.0' ELSE '' END "
        f"ELSE regexp_replace({column}::text, 'e([-+])0', 'e\\1') END"
    )


def _datetime(column: str) -> str:
    """ISO 8601 in UTC with "Z", microseconds only when there are some (as isoformat);
    quoted by to_char itself (``\\"`` in a to_char literal)."""
    quoted = """'"\\""YYYY-MM-DD"T"HH24:MI:SS.US"Z\\""'"""
    return f"""replace(to_char({column} AT TIME ZONE 'UTC', {quoted}), '.000000Z"', 'Z"')"""


def _date(column: str) -> str:
    return f"""'"' || to_char({column}, 'YYYY-MM-DD') || '"'"""


_KINDS = {
    Kind.STRING: _string,
    Kind.INTEGER: _int,
    Kind.FLOAT: _float,
    Kind.DATETIME: _datetime,
    Kind.DATE: _date,
}


def _null_or(condition: str, value: str) -> str:
    return f"CASE WHEN {condition} THEN 'null' ELSE {value} END"


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


# --- the representations, from the field lists ------------------------------------------------


def _value(shape: Shape, field: Field, alias: str) -> str:
    text = _KINDS[field.kind](f"{alias}.{shape.column(field)}")
    return f"COALESCE({text}, 'null')" if shape.nullable(field) else text


def _inline_summary(shape: Shape, field: Field) -> str:
    """A summary from its row, joined under the field's name (``_summary_joins``)."""
    summary = _object_of(field.shape, field.name)
    return _null_or(f"{field.name}.id IS NULL", summary) if shape.nullable(field) else summary


def _object_of(
    shape: Shape,
    alias: str,
    *,
    summary: Callable[[Shape, Field], str] = _inline_summary,
    given: dict[str, str] | None = None,
) -> str:
    """The JSON object of ``shape`` for the row ``alias``: values from its columns, a quote
    from its columns too, summaries as ``summary`` writes them; topics and lists are
    ``given`` (JSON text by field name)."""
    given = given or {}
    fields = {}
    for field in shape.fields:
        if field.kind is Kind.SUMMARY:
            fields[field.name] = summary(shape, field)
        elif field.kind is Kind.QUOTE:
            blank = f"{alias}.{field.shape.column(field.shape.first_declared())} = ''"
            fields[field.name] = _null_or(blank, _object_of(field.shape, alias))
        elif field.kind in (Kind.TOPICS, Kind.LIST):
            fields[field.name] = given[field.name]
        else:
            fields[field.name] = _value(shape, field, alias)
    return _object(fields)


def _table(model: type[Model]) -> str:
    return model._meta.db_table


def _summary_joins(shape: Shape, alias: str, table: Callable[[Shape], str]) -> str:
    """The joins of ``shape``'s summaries (row ``alias``), each under its field's name, from
    ``table`` of the summary's shape."""
    joins = []
    for field in shape.of_kind(Kind.SUMMARY):
        join = "LEFT JOIN" if shape.nullable(field) else "JOIN"
        joins.append(
            f"{join} {table(field.shape)} {field.name} "
            f"ON {field.name}.id = {alias}.{shape.column(field)}"
        )
    return " ".join(joins)


def _model_table(shape: Shape) -> str:
    return _table(shape.model)


def _attributions(shape: Shape) -> str:
    """The statement's attributions, each as ``shape`` (joining only the summaries it shows)."""
    return _array(
        _object_of(shape, "a"),
        f"FROM {_table(Attribution)} a {_summary_joins(shape, 'a', _model_table)} "
        f"WHERE a.statement_id = {STATEMENT_TABLE}.id",
        "a.id",
    )


def _corrections(shape: Shape) -> str:
    """The statement's correction notices, oldest first."""
    return _array(
        _object_of(shape, "c"),
        f"FROM {_table(Correction)} c WHERE c.statement_id = {STATEMENT_TABLE}.id",
        "c.id",
    )


_TOPIC_LINKS = Statement.topics.through._meta.db_table


def _topics_from_table() -> tuple[str, list[Any]]:
    """The slugs read from their table. OFFSET 0 keeps the look-up from being
    pulled up and run twice (for the value and for the order)."""
    return (
        f"(SELECT to_jsonb((SELECT slug FROM {_table(Topic)} WHERE id = st.topic_id)) "  # noqa: S608
        f"AS slug FROM {_TOPIC_LINKS} st WHERE st.statement_id = {STATEMENT_TABLE}.id OFFSET 0) t",
        [],
    )


def _relations(shape: Shape, *, published_only: bool) -> str:
    """As ``selectors.relation_queryset``: both directions, ordered by id, and only between
    statements the user may see (both statements are joined for that, whatever ``shape``,
    a selection of ``STATEMENT_RELATION``, shows)."""
    linked = STATEMENT_RELATION.of_kind(Kind.SUMMARY)
    visible = (
        "".join(f"AND {public_sql(field.name)} " for field in linked) if published_only else ""
    )
    return _array(
        _object_of(shape, "r"),
        f"FROM {_table(Relation)} r {_summary_joins(STATEMENT_RELATION, 'r', _model_table)} "
        f"WHERE (r.from_statement_id = {STATEMENT_TABLE}.id "
        f"OR r.to_statement_id = {STATEMENT_TABLE}.id) " + visible,
        "r.id",
    )


# Sorted as Python sorts strings: by code point, the order of UTF-8's bytes.
_SLUG_ORDER = 'COLLATE "C"'


def _statement(*, given: dict[str, str], shape: Shape = STATEMENT) -> str:
    """A statement of ``STATEMENT_TABLE``, its topics and lists ``given`` as JSON text."""
    return _object_of(shape, STATEMENT_TABLE, given=given)


def statement_json(*, published_only: bool, shape: Shape = STATEMENT) -> RawSQL:
    """The statement's JSON text as ``python.statement`` writes it, as an expression to
    annotate statements with. ``published_only``: the relations shown link published
    statements only. ``shape``: ``STATEMENT`` or a selection of its fields
    (``fields.select``); what it leaves out is not read at all."""
    text, params = _statement_sql(shape, published_only)
    return RawSQL(text, list(params))  # noqa: S611 - our SQL, values as parameters


@functools.lru_cache(maxsize=512)  # the declared shape and the selections (fields.select)
def _statement_sql(shape: Shape, published_only: bool) -> tuple[str, tuple[Any, ...]]:
    """The SQL of ``shape`` and its parameters: the topics and lists it shows, and no other."""
    given, params = {}, ()
    for field in shape.of_kind(Kind.TOPICS, Kind.LIST):
        if field.kind is Kind.TOPICS:
            topic_rows, topic_params = _topics_from_table()
            given[field.name] = _array(
                "t.slug::text", f"FROM {topic_rows}", f"t.slug::text {_SLUG_ORDER}"
            )
            params += tuple(topic_params)
        elif (field.shape.declared or field.shape) is ATTRIBUTION:
            given[field.name] = _attributions(field.shape)
        elif (field.shape.declared or field.shape) is CORRECTION:
            given[field.name] = _corrections(field.shape)
        else:  # the relations
            given[field.name] = _relations(field.shape, published_only=published_only)
    return _statement(shape=shape, given=given), params


# --- the export's lines, a chunk at a time ----------------------------------------------------


def _summaries_cte(shape: Shape) -> str:
    return f"{shape.model._meta.model_name}_summaries"


def _cte_summary(shape: Shape, field: Field) -> str:
    """A summary written once per chunk (``_summaries_cte``), joined under the field's name."""
    json = f"{field.name}.json"
    return f"COALESCE({json}, 'null')" if shape.nullable(field) else json


def _export_lines(*, dense: bool) -> str:
    """The export's lines of a chunk of statements, as rows (id, line), set-wise: the
    chunk's attributions are grouped by statement once, each summary (speaker, source) is
    written once (consecutive statements share them), and so are the topics. Parameters:
    the chunk's ids, then its lowest and highest id for each of the three tables.

    ``dense``: the ids fill at least half of their range, so the attributions and topics are read as
    one range of their index, and those of statements outside the chunk (that the filters
    left out) are dropped by the final join; else they are looked up by id."""

    def in_chunk(column: str) -> str:
        chunk = "" if dense else f" AND {column} IN (SELECT id FROM chunk)"  # noqa: S608
        return f"{column} BETWEEN %s AND %s{chunk}"

    attribution = _object_of(ATTRIBUTION, "a", summary=_cte_summary)
    line = _statement(
        shape=EXPORTED_STATEMENT,
        given={
            "topics": "COALESCE('[' || topic_arrays.elements || ']', '[]')",
            "attributions": "COALESCE('[' || attribution_arrays.elements || ']', '[]')",
        },
    )
    # Each summary shape's rows, for every foreign key of an attribution that names one.
    keys: dict[Shape, list[str]] = {}
    for field in ATTRIBUTION.of_kind(Kind.SUMMARY):
        keys.setdefault(field.shape, []).append(ATTRIBUTION.column(field))
    summaries = "".join(
        f"""
        {_summaries_cte(shape)} AS MATERIALIZED (
            SELECT s.id, {_object_of(shape, "s")} AS json FROM {_table(shape.model)} s
            WHERE s.id IN ({" UNION ".join(f"SELECT {key} FROM linked" for key in columns)})
        ),"""  # noqa: S608
        for shape, columns in keys.items()
    )
    return f"""
        WITH chunk AS MATERIALIZED (SELECT unnest(%s::bigint[]) AS id),
        linked AS MATERIALIZED (
            SELECT * FROM {_table(Attribution)} WHERE {in_chunk("statement_id")}
        ),{summaries}
        attribution_arrays AS (
            SELECT a.statement_id, string_agg({attribution}, ',' ORDER BY a.id) AS elements
            FROM linked a {_summary_joins(ATTRIBUTION, "a", _summaries_cte)}
            GROUP BY a.statement_id
        ),
        topic_arrays AS (
            SELECT st.statement_id,
                   string_agg(to_json(t.slug)::text, ',' ORDER BY t.slug {_SLUG_ORDER}) AS elements
            FROM {_TOPIC_LINKS} st JOIN {_table(Topic)} t ON t.id = st.topic_id
            WHERE {in_chunk("st.statement_id")}
            GROUP BY st.statement_id
        )
        SELECT {STATEMENT_TABLE}.id, {line}
        FROM {STATEMENT_TABLE}
        LEFT JOIN attribution_arrays ON attribution_arrays.statement_id = {STATEMENT_TABLE}.id
        LEFT JOIN topic_arrays ON topic_arrays.statement_id = {STATEMENT_TABLE}.id
        WHERE {STATEMENT_TABLE}.id BETWEEN %s AND %s
          AND {STATEMENT_TABLE}.id IN (SELECT id FROM chunk)
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


# The ids a query reads: one array, so its SQL is the same whatever their number.
_IDS = "SELECT unnest(%s::bigint[])"
_BIGINT_MAX = 2**63 - 1


@functools.lru_cache(maxsize=512)
def _compiled(
    using: str, shape: Shape, published_only: bool, columns: tuple[str, ...]
) -> tuple[str, tuple[Any, ...], int]:
    """The SQL of ``columns`` of the statements of an id list (``_IDS``) that a reader who
    sees ``published_only`` statements may see, with its parameters and the position of the
    ids among them: compiled once, for every page and detail after."""
    ids = object()
    queryset = (
        Statement.objects.using(using)
        .filter(visible_to(public_only=published_only), pk__in=RawSQL(_IDS, [ids]))  # noqa: S611
        .annotate(json=statement_json(published_only=published_only, shape=shape))
        .values_list(*columns)
        .order_by()
    )
    sql, params = queryset.query.get_compiler(using=using).as_sql()
    return sql, tuple(params), params.index(ids)


def _rows(
    ids: list[int], columns: tuple[str, ...], *, published_only: bool, shape: Shape
) -> list[tuple]:
    using = router.db_for_read(Statement)
    sql, params, at = _compiled(using, shape, published_only, columns)
    return prepared.fetch(using, sql, (*params[:at], ids, *params[at + 1 :]))


def statement_representations(
    ids: list[int], *, published_only: bool, shape: Shape = STATEMENT
) -> list[orjson.Fragment]:
    """The representations (as ``shape``) of the statements ``ids`` (already filtered for
    visibility), in that order, in one query; a statement deleted since its id was read is
    left out. Each is its JSON text, which the renderer writes as it is: parsing a page's
    statements only to write them again cost more than the rest of the request's Python
    (README, Performance)."""
    if not ids:
        return []
    rows = _rows(ids, ("pk", "json"), published_only=published_only, shape=shape)
    texts = dict(rows)
    return [orjson.Fragment(texts[pk]) for pk in ids if pk in texts]


def statement_texts_and_representations(
    ids: list[int], *, published_only: bool, shape: Shape = STATEMENT
) -> list[tuple[int, str, orjson.Fragment]]:
    """As ``statement_representations``, each with its statement's id and text (which
    ``shape`` may leave out), in the same one query."""
    if not ids:
        return []
    rows = _rows(ids, ("pk", "text", "json"), published_only=published_only, shape=shape)
    found = {pk: (text, json) for pk, text, json in rows}
    return [(pk, found[pk][0], orjson.Fragment(found[pk][1])) for pk in ids if pk in found]


def statement_representation(
    pk: int | str,
    *,
    published_only: bool,
    shape: Shape = STATEMENT,
    queryset: QuerySet | None = None,
) -> dict | None:
    """The representation (as ``shape``) of statement ``pk`` if a reader who sees
    ``published_only`` statements may see it (and ``queryset``, when given, holds it), in
    one query."""
    if queryset is not None:
        rows = prepared.rows(
            queryset.filter(Q(pk=pk))
            .annotate(json=statement_json(published_only=published_only, shape=shape))
            .values_list("json")[:1]
        )
    elif 0 < int(pk) <= _BIGINT_MAX:
        rows = _rows([int(pk)], ("json",), published_only=published_only, shape=shape)
    else:  # no such id
        rows = []
    return orjson.loads(rows[0][0]) if rows else None
