"""Counts of large lists, at a bounded cost."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet


def cached_count(queryset: QuerySet) -> int:
    """The number of rows of ``queryset``; a large count is remembered for a short while.

    Counting a million rows costs PostgreSQL a scan of them (no table keeps its row count),
    more than the rest of a request together. A count of at least
    ``API_COUNT_CACHE_THRESHOLD`` rows is therefore cached for ``API_COUNT_CACHE_SECONDS``
    under the query's SQL: such counts may lag writes by that long; smaller ones are always
    exact and fresh."""
    threshold = settings.API_COUNT_CACHE_THRESHOLD
    if not threshold:
        return queryset.count()
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a query that matches nothing by construction
        return 0
    digest = hashlib.sha256(f"{queryset.db}|{sql}|{params!r}".encode()).hexdigest()
    key = f"api-count:{digest}"
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        if count >= threshold:
            cache.set(key, count, settings.API_COUNT_CACHE_SECONDS)
    return count
