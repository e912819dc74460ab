"""The backend of the database in use: the one place that asks which engine it is."""

from django.db import DEFAULT_DB_ALIAS, connections

from statements.search.base import SearchBackend
from statements.search.postgres import PostgresSearchBackend
from statements.search.sqlite import SQLiteSearchBackend

BACKENDS: dict[str, type[SearchBackend]] = {
    backend.vendor: backend for backend in (PostgresSearchBackend, SQLiteSearchBackend)
}


def get_backend(using: str = DEFAULT_DB_ALIAS) -> SearchBackend:
    """The backend of the database ``using`` (the default database unless told)."""
    vendor = connections[using].vendor
    try:
        return BACKENDS[vendor](using)
    except KeyError:
        raise NotImplementedError(f"No backend for {vendor}.") from None
