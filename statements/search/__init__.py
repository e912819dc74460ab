"""Statement search: the one query API that the list filters and the search endpoint use.

A query in web-search syntax (see ``query``) matches a statement's text, its attributions'
quoted words, the names and aliases of its speakers and the titles and publishers of its
sources, stemmed, every word kept (stop words too), accents folded, on the engine of the
database in use (``postgres`` or ``sqlite``). ``index_statements`` keeps the index in step
with the data; the services call it in their transactions.

- ``filter_statements(queryset, q)``: every matching statement;
- ``search_statements(queryset, q)``: the best matches ranked, with snippets and facets.
"""

from django.conf import settings
from django.db.models import Q, QuerySet

from statements.search.backends import get_backend
from statements.search.indexing import index_source, index_speaker, index_statements, rebuild
from statements.search.names import expand_misspelt_names
from statements.search.query import ParsedQuery, parse_query
from statements.search.results import Ranking, StatementResults

__all__ = [
    "ParsedQuery",
    "StatementResults",
    "filter_statements",
    "get_backend",
    "index_source",
    "index_speaker",
    "index_statements",
    "parse_query",
    "rebuild",
    "search_statements",
]

# How many matches are ranked, counted and faceted at most (the newest, when more match).
DEFAULT_RANK_LIMIT = 1000


def rank_limit() -> int:
    return getattr(settings, "SEARCH_RANK_LIMIT", DEFAULT_RANK_LIMIT)


def filter_statements(queryset: QuerySet, raw_query: str) -> QuerySet:
    """The statements of ``queryset`` that match the query, all of them (unranked).

    When the query as typed finds nothing, misspelt speakers' names are corrected, as in
    ``search_statements``; that costs one query beforehand."""
    backend = get_backend()
    parsed = parse_query(raw_query)
    if not parsed or parsed.contradictory:
        return queryset.none()
    if not backend.filter(queryset, parsed).exists():
        parsed = expand_misspelt_names(parsed, queryset, backend)
    return backend.filter(queryset, parsed)


def search_statements(
    queryset: QuerySet,
    raw_query: str,
    *,
    attribution_condition: Q | None = None,
    documents: Q | None = None,
) -> StatementResults:
    """The statements of ``queryset`` that best match the query, best first.

    ``attribution_condition`` is the filters' condition on one attribution, which the facet
    counts respect. ``documents``, when given, is a condition on the search documents that
    selects exactly the statements of ``queryset``: engines that can rank the documents
    alone, without joining each match's statement, use it."""
    ranking = Ranking(
        queryset,
        parse_query(raw_query),
        get_backend(),
        limit=rank_limit(),
        attribution_condition=attribution_condition,
        documents=documents,
    )
    return StatementResults(queryset, ranking=ranking)
