"""One error format for the whole API: RFC 9457 problem details (application/problem+json).

Every error, from a bad field to a throttled client or an unknown URL, leaves through
``problem_response`` with the same members: ``type``, ``title``, ``status``, ``detail``
and ``errors`` (one entry per bad field, empty when no field is at fault).
"""

import sqlite3
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, OperationalError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404, HttpRequest, HttpResponse
from django.views import csrf, defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler

from statements.api.parsers import too_large_detail
from statements.api.renderers import ProblemJSONRenderer
from statements.errors import ConflictError, PermanentRedirect

PROBLEM_CONTENT_TYPE = "application/problem+json"

# status -> (slug of the problem type, title). The slug names a page under /problems/.
PROBLEM_TYPES: dict[int, tuple[str, str]] = {
    400: ("invalid-request", "The request is not valid."),
    401: ("not-authenticated", "Authentication is required."),
    403: ("permission-denied", "You may not do this."),
    404: ("not-found", "Not found."),
    405: ("method-not-allowed", "Method not allowed."),
    406: ("not-acceptable", "No acceptable representation."),
    409: ("conflict", "The request conflicts with the current state of the resource."),
    # The one resource that is ever gone: a retracted statement (``StatementRetracted``).
    410: ("retracted", "This statement was retracted."),
    411: ("length-required", "The request body must declare its length."),
    412: ("precondition-failed", "The resource changed since you last read it."),
    413: ("payload-too-large", "The request body is too large."),
    415: ("unsupported-media-type", "Unsupported media type."),
    428: ("precondition-required", "This request must be conditional."),
    429: ("throttled", "Too many requests."),
    500: ("server-error", "Internal server error."),
    503: ("service-unavailable", "The service is unavailable."),
}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with the current state of the resource."
    default_code = "conflict"


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "The service is unavailable; retry shortly."
    default_code = "service_unavailable"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource changed since you last read it: fetch it again and retry."
    default_code = "precondition_failed"


class StatementRetracted(exceptions.APIException):
    """A retracted statement's notice: 410 Gone, whose problem document carries
    ``members`` besides the usual ones (the retraction's reason and date)."""

    status_code = status.HTTP_410_GONE
    default_code = "retracted"

    def __init__(self, detail: str, members: dict[str, Any], etag: str | None = None) -> None:
        super().__init__(detail)
        self.members = members
        self.etag = etag


def problem_type(status_code: int) -> str:
    slug, _ = PROBLEM_TYPES.get(status_code, ("about:blank", ""))
    return f"/problems/{slug}" if slug != "about:blank" else slug


def problem_body(
    status_code: int, detail: str, errors: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    _, title = PROBLEM_TYPES.get(status_code, ("about:blank", "Error."))
    return {
        "type": problem_type(status_code),
        "title": title,
        "status": status_code,
        "detail": detail,
        "errors": errors or [],
    }


def _flatten(detail: Any, path: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
    """Walk DRF's nested error structure into one entry per bad field, named by its path."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            part = () if key in ("non_field_errors", "__all__") else (str(key),)
            yield from _flatten(value, path + part)
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            if isinstance(item, dict | list):
                # A list of nested objects: an empty dict is an item without errors.
                yield from _flatten(item, (*path, str(index)))
            else:
                yield from _flatten(item, path)
    else:
        yield {
            "field": ".".join(path) or None,
            "detail": str(detail),
            "code": getattr(detail, "code", None) or "invalid",
        }


def _summary(errors: list[dict[str, Any]]) -> str:
    fields = sorted({error["field"] for error in errors if error["field"]})
    if len(errors) == 1:
        error = errors[0]
        return f"{error['field']}: {error['detail']}" if error["field"] else error["detail"]
    if fields:
        return f"{len(errors)} problems with: {', '.join(fields)}."
    return " ".join(error["detail"] for error in errors)


# What "retry shortly" is true of, by SQLSTATE: connection failures (class 08), a
# transaction rolled back by a serialization failure or a deadlock (class 40), a lock
# not granted in time, too many connections, and a server shutting down or starting up.
# Everything else that psycopg calls operational (a value too large for a tsvector, 54000;
# a statement cancelled, 57014; a full disk, 53100) fails again the same way.
UNAVAILABLE_SQLSTATE_CLASSES = ("08", "40")
UNAVAILABLE_SQLSTATES = frozenset({"55P03", "53300", "57P01", "57P02", "57P03"})
# SQLite: the database is locked by another writer.
UNAVAILABLE_SQLITE_ERRORS = ("SQLITE_BUSY", "SQLITE_LOCKED")


def database_unavailable(exc: OperationalError) -> bool:
    """Whether a database error means the database is unavailable for now (503 with
    Retry-After) rather than refusing this request (a server error)."""
    cause = exc.__cause__
    if cause is None:
        return True  # raised without a driver error: nothing says it is more than busy
    if isinstance(cause, sqlite3.Error):
        name = getattr(cause, "sqlite_errorname", None)
        if name is None:
            return "locked" in str(cause)
        return name.startswith(UNAVAILABLE_SQLITE_ERRORS)
    if hasattr(cause, "sqlstate"):  # psycopg
        state = cause.sqlstate
        # No SQLSTATE: the client lost the server (or never reached it).
        return (
            state is None
            or state.startswith(UNAVAILABLE_SQLSTATE_CLASSES)
            or state in UNAVAILABLE_SQLSTATES
        )
    return True


def _as_api_exception(exc: Exception) -> Exception:
    """Translate the Django and database exceptions that services raise."""
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, ProtectedError | RestrictedError):
        count = len(
            exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        )
        return Conflict(
            f"It cannot be deleted: {count} attributed record(s) still refer to it. "
            "Remove or reassign them first."
        )
    if isinstance(exc, OperationalError) and database_unavailable(exc):
        # The database is busy (SQLite's write lock) or unreachable: a retry may succeed.
        error = ServiceUnavailable("The database is busy or unreachable; retry shortly.")
        error.retry_after = 1
        return error
    if isinstance(exc, IntegrityError):
        # A uniqueness race lost to a concurrent write; validation catches the ordinary case.
        return Conflict("The change conflicts with data written meanwhile; fetch it and retry.")
    if isinstance(exc, ConflictError):
        return Conflict(str(exc))
    if isinstance(exc, RecursionError):
        return exceptions.ParseError("The JSON document is nested too deeply.")
    return exc


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, PermanentRedirect):
        return Response(status=308, headers={"Location": exc.location})
    exc = _as_api_exception(exc)
    response = exception_handler(exc, context)  # keeps WWW-Authenticate and Retry-After
    if response is None:
        return None

    detail = exc.detail if isinstance(exc, exceptions.APIException) else response.data
    if isinstance(exc, exceptions.ValidationError):
        errors = list(_flatten(detail))
        message = _summary(errors)
    else:
        errors = []
        message = str(detail.get("detail", detail)) if isinstance(detail, dict) else str(detail)
        if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
            message = f"Request was throttled. Retry in {int(exc.wait + 0.999)} seconds."

    response.data = problem_body(response.status_code, message, errors)
    response.data.update(getattr(exc, "members", {}))
    if getattr(exc, "etag", None):
        response["ETag"] = exc.etag
    if getattr(exc, "retry_after", None):
        response["Retry-After"] = str(exc.retry_after)
    response.content_type = PROBLEM_CONTENT_TYPE
    request = context.get("request")
    if request is not None:
        # Errors are never rendered by the browsable API or a negotiated format.
        request.accepted_renderer = ProblemJSONRenderer()
        request.accepted_media_type = PROBLEM_CONTENT_TYPE
    return response


def problem_json_response(status_code: int, detail: str) -> HttpResponse:
    """A problem document outside DRF (Django's error handlers, the middleware, the health
    checks), written by the API's own renderer: the same bytes as a view's."""
    return HttpResponse(
        ProblemJSONRenderer().render(problem_body(status_code, detail)),
        status=status_code,
        content_type=PROBLEM_CONTENT_TYPE,
    )


# --- Django's own error handlers (URLs that no API view answers) ------------------------------
# The admin keeps Django's HTML pages; everything else answers problem+json.


def is_admin(request: HttpRequest) -> bool:
    return request.path.startswith("/admin/")


def bad_request(request: HttpRequest, exception: Exception | None) -> HttpResponse:
    if is_admin(request):
        return defaults.bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        # Django's own bound on the body (DATA_UPLOAD_MAX_MEMORY_SIZE): the same limit.
        return problem_json_response(413, too_large_detail())
    return problem_json_response(400, "The request could not be understood.")


def permission_denied(request: HttpRequest, exception: Exception | None) -> HttpResponse:
    if is_admin(request):
        return defaults.permission_denied(request, exception)
    return problem_json_response(403, "You may not do this.")


def page_not_found(request: HttpRequest, exception: Exception | None) -> HttpResponse:
    if is_admin(request):
        return defaults.page_not_found(request, exception)
    return problem_json_response(404, f"Nothing is found at {request.path}.")


def server_error(request: HttpRequest) -> HttpResponse:
    if is_admin(request):
        return defaults.server_error(request)
    return problem_json_response(500, "The server failed to answer; the error was logged.")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if is_admin(request):
        return csrf.csrf_failure(request, reason)
    return problem_json_response(403, f"CSRF verification failed: {reason}")


def error_response(request: HttpRequest, status_code: int) -> HttpResponse:
    """The problem document for an error answer of ``status_code`` that no handler gave
    (config.middleware: Django's debug pages, plain views' empty 405s)."""
    handlers = {400: bad_request, 403: permission_denied, 404: page_not_found}
    if status_code in handlers:
        return handlers[status_code](request, None)
    if status_code == 500:
        return server_error(request)
    if status_code == 405:
        return problem_json_response(405, f'Method "{request.method}" not allowed.')
    _, title = PROBLEM_TYPES.get(status_code, ("", "The request failed."))
    return problem_json_response(status_code, title)
