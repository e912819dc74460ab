"""The content generation: a counter that grows after every committed change to the data.

It grows after every committed change to statements, attributions, speakers, sources,
relations or topics (signals, connected in ``StatementsConfig.ready``; bulk writes that
bypass signals call ``bump_generation``). Whatever is derived from the data and kept
elsewhere (the API's cached search responses, ``statements.api.cache``) is keyed by it, so
a change retires it on every server at once. The counter lives in the database, not in the
cache, because the default cache is per process.
"""

from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

from statements.models import (
    Attribution,
    ContentGeneration,
    Relation,
    Source,
    Speaker,
    Statement,
    Topic,
)

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
