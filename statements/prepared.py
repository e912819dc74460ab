"""Queries run as PostgreSQL prepared statements, for the few whose plan is the same
whatever their values.

Django sends every query with its values written in (psycopg's client-side binding), so
PostgreSQL parses and plans it afresh each time. For a representation's query, several
kilobytes of SQL whose plan does not depend on which statements it reads, that planning
costs several times what running it does (README, Performance). Sent with its values
apart and prepared once per connection, it is planned once; PostgreSQL keeps a generic
plan once it is no worse than the custom ones.

Other queries stay as Django sends them: the best plan of a search or of a filter depends
on its values (a rare word or a frequent one), which a generic plan would ignore.
``PREPARED_STATEMENTS = False`` (``DATABASE_POOLER=transaction``) turns this off behind a
transaction-mode pooler, where a statement prepared on one server connection is unknown
to the next.
"""

import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from django.conf import settings
from django.db import connections
from django.db.models import QuerySet


class _LoggedQuery:
    """What Django's query log reads of the query a cursor sent (``cursor._query.query``):
    for a prepared one, the query with its values written in, as Django logs any other,
    composed only when the log reads it."""

    def __init__(self, connection, query: str, params) -> None:
        self._connection, self._query, self._params = connection, query, params

    @property
    def query(self) -> bytes:
        composed = psycopg.ClientCursor(self._connection).mogrify(self._query, self._params)
        return composed.encode()


@functools.cache
def _cursor_class() -> type:
    from django.db.backends.postgresql.base import ServerBindingCursor  # psycopg's, imported late

    class PreparedCursor(ServerBindingCursor):
        """Values bound by the server, and every query prepared at its first execution."""

        def execute(self, query, params=None, *, prepare=None, binary=None):
            super().execute(query, params, prepare=True, binary=binary)
            self._query = _LoggedQuery(self.connection, query, params)
            return self

    return PreparedCursor


def enabled(using: str) -> bool:
    return settings.PREPARED_STATEMENTS and connections[using].vendor == "postgresql"


@contextmanager
def _cursor(using: str) -> Iterator[Any]:
    """Django's cursor (its wrappers count and log the query as any other) over a psycopg
    cursor that prepares what it executes."""
    connection = connections[using]
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    raw = connection.connection
    default = raw.cursor_factory
    raw.cursor_factory = _cursor_class()
    try:
        cursor = connection.cursor()
    finally:
        raw.cursor_factory = default
    with cursor:
        yield cursor


def rows(queryset: QuerySet) -> list[tuple]:
    """The rows of ``queryset``, a ``values_list`` (not flat) of columns that need no
    conversion, prepared where ``enabled``."""
    if not enabled(queryset.db):
        return list(queryset)
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    return fetch(queryset.db, sql, params)


def fetch(using: str, sql: str, params: Sequence[Any]) -> list[tuple]:
    """The rows of ``sql`` on database ``using``, prepared where ``enabled``."""
    if not enabled(using):
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with _cursor(using) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
