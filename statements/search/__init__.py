"""Statement search: the one query API that the list filters and the search endpoint use.

A query in web-search syntax (see ``query``) matches a statement's text, its attributions'
quoted words, the names and aliases of its speakers and the titles and publishers of its
sources, stemmed, every word kept (stop words too), accents folded, on the engine of the
database in use (``postgres`` or ``sqlite``). ``index_statements`` keeps the index in step
with the data; the services call it in their transactions.

- ``statement_results(queryset, user=, filters=, ranked=)``: the statements a list's filters
  select, as the selectors plan it: ``q`` ranks or selects, the attribution conditions run
  as the engine plans them best;
- ``filter_statements(queryset, q)``: every matching statement;
- ``search_statements(queryset, q)``: the best matches ranked, with snippets and facets.
"""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet

from statements import selectors
from statements.models import Attribution
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
    "statement_results",
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


def statement_results(
    queryset: QuerySet,
    *,
    filters: Mapping[str, Any],
    ranked: bool,
    documents: Q | None = None,
) -> StatementResults:
    """The statements of ``queryset`` that ``filters`` select (a filter set's cleaned values,
    its plain filters already applied to ``queryset``): ``q`` and the conditions on one
    attribution apply here.

    ``ranked``: whether ``q`` may rank (a list; not a detail nor the export). Then, unless
    another ordering comes first, the best matches come best first; otherwise ``q`` selects
    every match, in the order of ``queryset``. ``documents``: the condition on the search
    documents that selects the statements of ``queryset`` before any filter, where one does
    (``selectors.searchable_documents``): with no filter but ``q``, the engine may rank the
    documents alone."""
    query = filters.get("q")
    rank = ranked and selectors.ranks_by_relevance(filters)
    if query and not rank:
        queryset = filter_statements(queryset, query)
    condition = selectors.attribution_condition(filters)
    if condition:
        matching = Attribution.objects.filter(condition)
        made = get_backend().made_by_attributions(matching, narrow=selectors.narrow_dates(filters))
        queryset = queryset.filter(made)
    if not rank:
        return StatementResults(queryset)
    return search_statements(
        queryset,
        query,
        attribution_condition=condition,
        documents=None if selectors.narrows(filters) else documents,
    )
