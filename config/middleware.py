"""The edge of every request: bodies the app would misread are refused before anything reads
them, and every error outside the admin leaves as problem+json, whatever DEBUG says."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from statements.api import exceptions as problems
from statements.api.parsers import too_large_detail

# Headers that an error response carries for the client's next step.
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate", "ETag")


def _is_json(response: HttpResponse) -> bool:
    media_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


class ProblemResponsesMiddleware:
    """Replace any error answer that is not JSON by the problem document of its status.

    With DEBUG on, Django answers an unresolved URL, an uncaught exception or a suspicious
    request with its HTML debug page instead of calling the handlers of ``config.urls``, and
    plain Django views answer a wrong method with an empty HTML 405. Clients of the API must
    not see a different format in development than in production; the traceback is still
    logged (and printed by runserver)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code < 400 or problems.is_admin(request) or _is_json(response):
            return response
        problem = problems.error_response(request, response.status_code)
        for header in KEPT_HEADERS:
            if header in response:
                problem[header] = response[header]
        return problem


class RequestBodyLimitMiddleware:
    """Refuse request bodies that cannot be read as sent, before any code reads them.

    - A declared ``Content-Length`` over ``API_MAX_BODY_BYTES``: 413. Django checks its own
      bound (``DATA_UPLOAD_MAX_MEMORY_SIZE``) when DRF reads the body and answers a bare 400.
    - A body sent without ``Content-Length`` (``Transfer-Encoding: chunked``): 411. WSGI
      hands Django only ``CONTENT_LENGTH`` bytes of the body, so such a body would read as
      empty: a chunked PATCH would answer 200 and change nothing.

    The admin keeps Django's own handling, as it keeps Django's error pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not problems.is_admin(request):
            refusal = self._refusal(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)

    @staticmethod
    def _refusal(request: HttpRequest) -> HttpResponse | None:
        declared = request.META.get("CONTENT_LENGTH", "").strip()
        encoding = request.META.get("HTTP_TRANSFER_ENCODING", "").strip().lower()
        if not declared and encoding and encoding != "identity":
            return problems.problem_json_response(
                411,
                "The request body must be sent with a Content-Length header; "
                f"Transfer-Encoding: {encoding} is not accepted.",
            )
        if declared.isdigit() and int(declared) > settings.API_MAX_BODY_BYTES:
            return problems.problem_json_response(413, too_large_detail())
        return None
