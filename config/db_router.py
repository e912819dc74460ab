"""Read replicas: API reads (GET, HEAD, OPTIONS) may go to a replica; writes, and every
read of a request that writes, go to the primary, so a client always reads its own writes.

Turned on by DATABASE_REPLICA_URLS (see the settings); with no replica configured every
query goes to "default".
"""

import random
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_replica_reads_allowed: ContextVar[bool] = ContextVar("replica_reads_allowed", default=False)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        replicas = replica_aliases()
        # Inside a transaction the primary answers: it may hold this request's own writes.
        if replicas and _replica_reads_allowed.get() and transaction.get_autocommit():
            return random.choice(replicas)  # noqa: S311 - load spreading, not security
        return "default"

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # replicas hold the same data as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == "default"


class ReplicaReadsMiddleware:
    """Marks the API's safe requests as free to read from a replica. The admin always reads
    the primary: an editor who just saved must see the save."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        allowed = request.method in SAFE_METHODS and request.path.startswith("/api/")
        token = _replica_reads_allowed.set(allowed)
        try:
            return self.get_response(request)
        finally:
            _replica_reads_allowed.reset(token)
