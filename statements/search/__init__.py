"""Statement search: the one query API that the list filters and the search endpoint use.

``filter_statements`` keeps the statements that match a web-style query (see ``query``):
each term matches the statement's text, or a name or alias of one of its speakers, or the
title of one of its sources.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from statements.models import Attribution
from statements.search.query import ParsedQuery, Term, parse_query

__all__ = ["ParsedQuery", "filter_statements", "parse_query"]


def _term_condition(term: Term) -> Q:
    text = term.text
    reported = Attribution.objects.filter(
        Q(speaker__name__icontains=text)
        | Q(speaker__aliases__icontains=text)
        | Q(source__title__icontains=text),
        statement=OuterRef("pk"),
    )
    return Q(text__icontains=text) | Q(Exists(reported))


def filter_statements(queryset: QuerySet, raw_query: str) -> QuerySet:
    parsed = parse_query(raw_query)
    if not parsed:
        return queryset.none()
    for group in parsed.required:
        condition = Q()
        for term in group:
            condition |= _term_condition(term)
        queryset = queryset.filter(condition)
    for term in parsed.excluded:
        queryset = queryset.exclude(_term_condition(term))
    return queryset
