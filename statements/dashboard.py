"""Reads for the admin's front page: the editorial queues, the recent workflow events and the
aggregates its charts draw.

Each read costs one query whatever the corpus holds: the lists are short and walk an index
(the statements' status, the history's dates, the primary keys); the counts stop at
``COUNT_LIMIT``; the charts aggregate the rows of the last weeks (to the newest statement),
found through the ``created_at`` indexes, never the whole table (at a million statements,
grouping them all would take longer than the rest of the page together).
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import TruncWeek
from django.utils import timezone

from statements.choices import AnchorStatus, SpeechAct, StatementStatus
from statements.models import Attribution, Speaker, Statement

# Counts of the queues are exact up to this many, and said to be "more" beyond.
COUNT_LIMIT = 1000

StatementVersion = Statement.history.model


@dataclass(frozen=True)
class BoundedCount:
    value: int
    more: bool  # there are more than ``value``


def bounded_count(queryset: QuerySet, limit: int = COUNT_LIMIT) -> BoundedCount:
    """How many rows ``queryset`` has, counting at most ``limit`` + 1 of them."""
    counted = queryset.order_by().values("pk")[: limit + 1].count()
    return BoundedCount(min(counted, limit), counted > limit)


# --- The queues and the recent events -----------------------------------------------------------


def drafts() -> QuerySet[Statement]:
    """The drafts, which wait for a reviewer to publish them; the newest first, as the
    statements' list orders them."""
    return Statement.objects.filter(status=StatementStatus.DRAFT).order_by("-id")


def drafts_created_by(user: AbstractBaseUser) -> QuerySet[Statement]:
    """The drafts ``user`` created: the user of each statement's first version in its history
    (the services record who wrote each version; the statement itself has no author field)."""
    created = StatementVersion.objects.filter(history_type="+", history_user=user).values("id")
    return drafts().filter(pk__in=created)


def recent_publications(limit: int) -> QuerySet:
    """The latest ``limit`` publications: the versions in which a draft became published
    (the version before was a draft), newest first, with who published and the text as
    published. An edit of a published statement is no publication."""
    previous_status = (
        StatementVersion.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
        .order_by("-history_id")
        .values("status")[:1]
    )
    return (
        StatementVersion.objects.filter(status=StatementStatus.PUBLISHED, history_type="~")
        .annotate(previous_status=Subquery(previous_status))
        .filter(previous_status=StatementStatus.DRAFT)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )


def recent_retractions() -> QuerySet[Statement]:
    """The retracted statements, the latest retracted first: a retracted statement is frozen,
    so its last change is its retraction."""
    return Statement.objects.filter(status=StatementStatus.RETRACTED).order_by("-updated_at", "-id")


NOT_IN_THE_TEXT = (AnchorStatus.ORPHANED, AnchorStatus.UNANCHORED)


def unanchored_quotes() -> QuerySet[Attribution]:
    """Attributions whose quoted words stand nowhere in their source's text: lost when the
    text changed (orphaned), or given for a source without a text; the newest first."""
    return (
        Attribution.objects.filter(quote_status__in=NOT_IN_THE_TEXT)
        .exclude(quote_exact="")
        .select_related("speaker", "source")
        .order_by("-id")
    )


# --- The charts' aggregates ---------------------------------------------------------------------


def window_end() -> dt.datetime:
    """When the charts' window ends: now, or the newest statement's creation when none has
    been made since (an archive, a seeded demo: its last weeks, rather than empty ones)."""
    now = timezone.now()
    newest = Statement.objects.aggregate(newest=Max("created_at"))["newest"]  # its index's end
    return min(newest, now) if newest is not None else now


def week_start(moment: dt.datetime) -> dt.datetime:
    """Midnight of the Monday that begins ``moment``'s week, in the current time zone (as
    TruncWeek truncates)."""
    local = timezone.localtime(moment)
    monday = local.date() - dt.timedelta(days=local.weekday())
    return timezone.make_aware(dt.datetime.combine(monday, dt.time()))


def window_start(*, weeks: int, now: dt.datetime) -> dt.datetime:
    """The beginning of the ``weeks`` weeks that end with ``now``'s (which counts as one)."""
    return week_start(now) - dt.timedelta(weeks=weeks - 1)


@dataclass(frozen=True)
class WeekCounts:
    week: dt.date  # its Monday
    by_status: dict[str, int]  # every status, 0 when none

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


def statements_per_week(*, weeks: int, now: dt.datetime) -> list[WeekCounts]:
    """The statements created in each of the last ``weeks`` weeks (the oldest first, empty
    weeks included), by their status now."""
    start = window_start(weeks=weeks, now=now)
    rows = (
        Statement.objects.filter(created_at__gte=start)
        .annotate(week=TruncWeek("created_at"))
        .values("week", "status")
        .annotate(count=Count("id"))
        .order_by()
    )
    counts: dict[dt.date, dict[str, int]] = {}
    for row in rows:
        week = timezone.localtime(row["week"]).date()
        counts.setdefault(week, {})[row["status"]] = row["count"]
    return [
        WeekCounts(
            week=(monday := start.date() + dt.timedelta(weeks=index)),
            by_status={
                status: counts.get(monday, {}).get(status, 0) for status in StatementStatus.values
            },
        )
        for index in range(weeks)
    ]


@dataclass(frozen=True)
class SpeakerCount:
    speaker_id: int
    name: str
    count: int


def most_quoted_speakers(*, since: dt.datetime, limit: int) -> list[SpeakerCount]:
    """The ``limit`` speakers with the most attributions made since ``since``, the most
    first (ties by id). Two queries: the attributions grouped by speaker alone, then the
    names of the few kept (joined before grouping, every speaker's row would be read)."""
    rows = list(
        Attribution.objects.filter(created_at__gte=since)
        .values("speaker_id")
        .annotate(count=Count("id"))
        .order_by("-count", "speaker_id")[:limit]
    )
    names = dict(
        Speaker.objects.filter(pk__in=[row["speaker_id"] for row in rows]).values_list("pk", "name")
    )
    return [SpeakerCount(row["speaker_id"], names[row["speaker_id"]], row["count"]) for row in rows]


def speech_act_mix(*, since: dt.datetime) -> dict[str, int]:
    """How many attributions made since ``since`` have each speech act (every act, 0 when
    none), in the order of ``SpeechAct``."""
    rows = (
        Attribution.objects.filter(created_at__gte=since)
        .values("speech_act")
        .annotate(count=Count("id"))
        .order_by()
    )
    counts = {row["speech_act"]: row["count"] for row in rows}
    return {act: counts.get(act, 0) for act in SpeechAct.values}
