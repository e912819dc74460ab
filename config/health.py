"""Liveness and readiness probes for load balancers and orchestrators."""

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from config import db_router
from statements.api.exceptions import problem_json_response
from statements.search.backends import get_backend


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and serving; says nothing of its dependencies."""
    return JsonResponse({"status": "ok"})


def _cache_failure() -> str | None:
    """The first configured cache that does not answer, as "alias (ErrorClass)", or None.

    A cache that fails open (config/cache.py) keeps requests answering while it is down,
    but without rate limits: that is not a state to route traffic to when another server
    has its cache."""
    for alias in caches:
        backend = caches[alias]
        try:
            check = getattr(backend, "check", None)
            if check is not None:
                check()
            else:
                backend.get("readyz:probe")
        except Exception as error:  # any failure means not ready
            return f"{alias} ({error.__class__.__name__})"
    return None


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready for traffic: the database answers a query and every configured cache answers.
    Read replicas are reported, each "ok", "lagging" or "down"; any but "ok" makes the
    status "degraded", still 200."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return problem_json_response(
            503, f"The database is not reachable: {error.__class__.__name__}."
        )
    failed = _cache_failure()
    if failed is not None:
        return problem_json_response(503, f"The cache is not reachable: {failed}.")
    body: dict = {"status": "ok", "database": get_backend().vendor}
    if replicas := _replicas():
        body["replicas"] = replicas
        if any(replica["status"] != "ok" for replica in replicas.values()):
            body["status"] = "degraded"
    return JsonResponse(body)


def _replicas() -> dict[str, dict]:
    """Each read replica's state, asked now. A replica that is down or lags too far is
    "degraded", not a reason to refuse traffic: its reads go to the primary."""
    states = {}
    for alias in db_router.replica_aliases():
        state = db_router.probe(alias)
        if not state.up:
            states[alias] = {"status": "down"}
            continue
        lag = None if state.lag == float("inf") else round(state.lag, 3)
        lagging = not state.usable(settings.DATABASE_REPLICA_MAX_LAG_SECONDS)
        states[alias] = {"status": "lagging" if lagging else "ok", "lag_seconds": lag}
    return states
