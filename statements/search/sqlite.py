"""SQLite full-text search: the FTS5 index of the search documents.

``statements_searchdocument_fts`` (migrations 0003 and 0010) indexes the document's text,
speakers, sources and quotes with the porter tokenizer, diacritics folded, every word kept
(punctuation separates words: "U.S." is "u s"); triggers keep it in step with the
documents. The MATCH expression is built from the parsed query with every term in
double quotes, so nothing a user types is FTS5 syntax.
"""

import json
from collections.abc import Iterable

from django.db import connection
from django.db.models import (
    BooleanField,
    Expression,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    QuerySet,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Substr

from statements.search.base import MARK_END, MARK_START, SearchBackend
from statements.search.query import ParsedQuery, Term

# bm25 column weights of text, speakers, sources, quotes (the FTS5 table's order), as
# PostgreSQL weighs them: A, C, D, B.
WEIGHTS = (10.0, 5.0, 2.0, 7.5)
SNIPPET_TOKENS = 40
FTS_COLUMN = "search_fts__match"  # the FTS5 hidden column named after the table


def _quoted(term: Term) -> str:
    # Terms are runs of word characters (query.py), so they hold no double quote to escape.
    return '"' + " ".join(term.words) + '"'


def match_expression(query: ParsedQuery) -> str:
    groups = ["(" + " OR ".join(_quoted(term) for term in group) + ")" for group in query.required]
    expression = " AND ".join(groups)
    if query.excluded:
        excluded = " OR ".join(_quoted(term) for term in query.excluded)
        expression = f"({expression}) NOT ({excluded})"
    return expression


class Matches(Func):
    template = "%(expressions)s"
    arg_joiner = " MATCH "
    output_field = BooleanField()


class BM25(Func):
    # FTS5 scores lower for better matches; the API's score is higher for better ones.
    template = "-bm25(%(expressions)s)"
    output_field = FloatField()

    def __init__(self):
        super().__init__(F(FTS_COLUMN), *(Value(weight) for weight in WEIGHTS))


class SQLiteSearchBackend(SearchBackend):
    vendor = "sqlite"
    explain = "EXPLAIN QUERY PLAN "

    def filter(self, queryset: QuerySet, query: ParsedQuery) -> QuerySet:
        # search_fts__isnull=False makes the join to the FTS table an inner one, so that
        # SQLite drives the query from the MATCH.
        return queryset.filter(
            Matches(F(FTS_COLUMN), Value(match_expression(query))), search_fts__isnull=False
        )

    def ranked(
        self, queryset: QuerySet, query: ParsedQuery, limit: int, *, documents: Q | None = None
    ) -> list[tuple[int, float]]:
        # FTS5 walks its own rowids backwards: joining the statements costs little here, so
        # ``documents`` is not needed.
        newest = (
            self.filter(queryset.prefetch_related(None), query)
            .annotate(search_score=BM25())
            .order_by("-search_fts")  # FTS5 walks its rowids backwards: no sort
            .values_list("pk", "search_score")[:limit]
        )
        return sorted(newest, key=lambda hit: (-hit[1], -hit[0]))

    def among(self, field: str, ids: list[int]) -> Q:
        return Q(**{f"{field}__in": RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])})

    def year(self, field: str) -> Expression:
        # Django stores datetimes as UTC text ("2024-10-23 14:00:00"): the year is its first
        # four characters, where ExtractYear would parse each value in Python.
        return Cast(Substr(field, 1, 4), IntegerField())

    def snippets(self, ids: Iterable[int], query: ParsedQuery) -> dict[int, str]:
        ids = list(ids)
        if not ids:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, snippet(statements_searchdocument_fts, 0, %s, %s, '…', %s) "
                "FROM statements_searchdocument_fts "
                "WHERE statements_searchdocument_fts MATCH %s "
                "AND rowid IN (SELECT value FROM json_each(%s))",
                [MARK_START, MARK_END, SNIPPET_TOKENS, match_expression(query), json.dumps(ids)],
            )
            return dict(cursor.fetchall())

    def speaker_names_near(self, words: list[str]) -> list[tuple[str, list[str]]]:
        # Names sharing trigrams with the words, most shared first; similarity is judged
        # by the caller. Words are runs of word characters, so no trigram holds a quote.
        grams = sorted({word[i : i + 3] for word in words for i in range(len(word) - 2)} - {""})
        if not grams:
            return []
        expression = " OR ".join(f'"{gram}"' for gram in grams)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT speaker.name, speaker.aliases "
                "FROM statements_speaker_trigrams AS trigrams "
                "JOIN statements_speaker AS speaker ON speaker.id = trigrams.rowid "
                "WHERE statements_speaker_trigrams MATCH %s ORDER BY rank LIMIT 50",
                [expression],
            )
            return [(name, _aliases(aliases)) for name, aliases in cursor.fetchall()]

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO statements_searchdocument_fts(statements_searchdocument_fts) "
                "VALUES ('rebuild')"
            )
            cursor.execute("DELETE FROM statements_speaker_trigrams")
            cursor.execute(
                "INSERT INTO statements_speaker_trigrams(rowid, names) "
                "SELECT id, name || ' ' || aliases FROM statements_speaker"
            )

    def optimize(self) -> None:
        # Merge FTS5's segments into one b-tree: a bulk write leaves many, each of which a
        # query looks into.
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO statements_searchdocument_fts(statements_searchdocument_fts) "
                "VALUES ('optimize')"
            )


def _aliases(raw: str | None) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [alias for alias in value if isinstance(alias, str)] if isinstance(value, list) else []
