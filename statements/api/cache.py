"""Cached search responses, never staler than the data.

Ranking a query over a million statements costs tens of milliseconds of database time;
answering it again from the cache costs one primary-key read. Responses are keyed by the
content generation (``statements.generation``), which grows after every committed change,
so a change retires every cached response on every server at once.
"""

import contextlib
import hashlib
from collections.abc import Callable

import orjson
from django.conf import settings
from django.core.cache import cache
from rest_framework.request import Request
from rest_framework.response import Response

from statements.api.renderers import json_bytes
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
    text: bytes | None = cache.get(key)
    if text is not None:
        return Response(orjson.Fragment(text))
    response = respond()
    if response.status_code == 200:
        # As JSON text: the data may hold statements that are JSON text already
        # (orjson.Fragment), which do not pickle; a renderer writes it back as it is.
        with contextlib.suppress(TypeError):  # data only DRF's encoder writes: not cached
            cache.set(key, json_bytes(response.data), seconds)
    return response
