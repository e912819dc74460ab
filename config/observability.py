"""Request ids, structured logs and the Prometheus endpoint.

Every request carries an id: the client's ``X-Request-ID`` when it is a plausible one (1 to
128 letters, digits and ``._:-``; a proxy in front usually sets it), else a new random one.
The response returns it in ``X-Request-ID``, and every log record made while serving the
request carries it as ``request_id`` (``LOG_FORMAT=json`` writes each record as one JSON
object). One record per request (logger ``attributed.requests``) gives its method, path,
route, status and duration.

``/metrics`` serves the Prometheus metrics (django-prometheus, plus the replica gauges and
counters of ``config.db_router``) when ``METRICS_ENABLED``; with ``METRICS_TOKEN`` set it
requires ``Authorization: Bearer <token>``.
"""

import hmac
import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_prometheus.exports import ExportToDjangoView

from statements.api.exceptions import problem_json_response

REQUEST_ID_HEADER = "X-Request-ID"
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
request_log = logging.getLogger("attributed.requests")


def current_request_id() -> str | None:
    return _request_id.get()


def request_id_of(request: HttpRequest) -> str:
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    return given if VALID_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        # Django logs a request's error answer (django.request) once the middleware is done.
        request = getattr(record, "request", None)
        record.request_id = _request_id.get() or getattr(request, "request_id", "-")
        return True


class RequestIdMiddleware:
    """First in the chain: every answer, errors included, carries the id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_of(request)
        request.request_id = request_id
        token = _request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            match = request.resolver_match
            request_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "view": match.view_name if match else None,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
            return response
        finally:
            _request_id.reset(token)


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    """The Prometheus exposition of this process (of all workers with
    PROMETHEUS_MULTIPROC_DIR)."""
    if not settings.METRICS_ENABLED:
        return problem_json_response(404, "Metrics are not enabled on this server.")
    token = settings.METRICS_TOKEN
    if token:
        given = request.META.get("HTTP_AUTHORIZATION", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            response = problem_json_response(401, "A valid metrics token is required.")
            response["WWW-Authenticate"] = 'Bearer realm="metrics"'
            return response
    return ExportToDjangoView(request)
