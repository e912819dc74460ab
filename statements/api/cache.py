"""Cached search responses, never staler than the data.

Ranking a query over a million statements costs tens of milliseconds of database time;
answering it again from the cache costs one primary-key read. Responses are keyed by the
content generation (``statements.generation``), which grows after every committed change,
so a change retires every cached response on every server at once.
"""

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from rest_framework.request import Request
from rest_framework.response import Response

from statements.generation import current_generation
from statements.visibility import can_see_unpublished


def cached_response(request: Request, respond: Callable[[], Response]) -> Response:
    """``respond()``, or the data of the same request's response when it is cached.

    The key holds the generation, the full URL (host included: responses carry absolute
    links) and whether the caller sees unpublished statements (the only way two callers'
    responses differ). Only 200 responses are cached."""
    seconds = settings.SEARCH_CACHE_SECONDS
    if seconds <= 0:
        return respond()
    scope = "all" if can_see_unpublished(request.user) else "published"
    url = request.build_absolute_uri()
    digest = hashlib.sha256(f"{scope} {url}".encode()).hexdigest()
    key = f"search-response:{current_generation()}:{digest}"
    data: Any = cache.get(key)
    if data is not None:
        return Response(data)
    response = respond()
    if response.status_code == 200:
        cache.set(key, response.data, seconds)
    return response
