"""Cached search responses, never staler than the data.

Ranking a query over a million statements costs tens of milliseconds of database time;
answering it again from the cache costs one primary-key read. Responses are keyed by the
``ContentGeneration`` counter, which grows after every committed change to statements,
attributions, speakers, sources, relations or topics (signals, connected in
``StatementsConfig.ready``; bulk writes that bypass signals call ``bump_generation``), so
a change retires every cached response on every server at once. The counter lives in the
database, not in the cache, because the default cache is per process.
"""

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from rest_framework.request import Request
from rest_framework.response import Response

from statements.models import (
    Attribution,
    ContentGeneration,
    Relation,
    Source,
    Speaker,
    Statement,
    Topic,
)
from statements.selectors import can_see_unpublished

WATCHED_MODELS = (Statement, Attribution, Speaker, Source, Relation, Topic)


def current_generation() -> int:
    # The row is created by migration 0004; a database flushed since counts from 0 again.
    return ContentGeneration.objects.filter(pk=1).values_list("value", flat=True).first() or 0


def bump_generation() -> None:
    """Grow the counter once the current transaction commits (at once outside one).

    After the commit, not inside the transaction: a row that every writer updated would
    serialize writers and could deadlock them. A reader that caches between the commit and
    the bump caches the new data under the old generation, which nobody reads any more."""
    if any(callback is _bump for _, callback, _ in connection.run_on_commit):
        return  # once per transaction is enough
    transaction.on_commit(_bump)


def _bump() -> None:
    if not ContentGeneration.objects.filter(pk=1).update(value=F("value") + 1):
        ContentGeneration.objects.get_or_create(pk=1, defaults={"value": 1})


def _changed(sender, **kwargs) -> None:
    bump_generation()


def connect_signals() -> None:
    for model in WATCHED_MODELS:
        post_save.connect(_changed, sender=model, dispatch_uid=f"generation-save-{model}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"generation-delete-{model}")
    m2m_changed.connect(_changed, sender=Statement.topics.through, dispatch_uid="generation-m2m")


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
