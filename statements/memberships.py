"""Roles at the time: which of a speaker's memberships held when they spoke.

The rule, one definition for every writer and reader:

- An attribution's day is its ``stated_on``, else the day (UTC) its source was published;
  without either it has no role at the time.
- A membership holds on a day when its start is unknown or began on or before it, and its
  end is unknown (still a member) or ended on or after it. A partial date covers its whole
  period: a start of "2021-01" began on January 1st, an end of "2024" ended on
  December 31st (``Membership.valid_from`` and ``valid_until``).
- When several hold, the most recent appointment wins: the latest start (an unknown
  start counts as the earliest), then the membership recorded last (the highest id).

Attributions store the membership chosen (``Attribution.role_at_the_time``); the services
refresh it (``refresh_roles``) whenever an attribution's speaker, date or source, its
source's publication date, or the speaker's memberships change, in the transaction that
changes them and under the statements' locks.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import DateField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from statements import changes, generation
from statements.models import Attribution, Membership

# Attributions refreshed per UPDATE (bounded so that SQLite's parameter limit holds).
BATCH = 500


def holds_on(membership: Membership, day: dt.date) -> bool:
    return (membership.valid_from is None or membership.valid_from <= day) and (
        membership.valid_until is None or day <= membership.valid_until
    )


def membership_on(memberships: Iterable[Membership], day: dt.date | None) -> Membership | None:
    """The membership that holds on ``day`` (the rule above); None when none does."""
    if day is None:
        return None
    holding = [membership for membership in memberships if holds_on(membership, day)]
    return max(holding, key=lambda m: (m.valid_from or dt.date.min, m.pk), default=None)


def attribution_day(stated_on: dt.date | None, published_at: dt.datetime | None) -> dt.date | None:
    if stated_on is not None:
        return stated_on
    if published_at is not None:
        return published_at.astimezone(dt.UTC).date()
    return None


def holding_on(day) -> Q:
    """The memberships that hold on ``day`` (an expression), as a condition."""
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_until__isnull=True) | Q(valid_until__gte=day)
    )


def member_when_speaking(organizations: list[int]) -> Q:
    """The condition on attributions that their speaker was a member of one of
    ``organizations`` on the attribution's day (by any membership that held, not only the
    one shown as the role at the time)."""
    # The connection's time zone is UTC (Django's, with USE_TZ): a timestamp cast to a
    # date is its day in UTC.
    published_on = Cast(OuterRef("source__published_at"), DateField())
    day = Coalesce(OuterRef("stated_on"), published_on, output_field=DateField())
    memberships = Membership.objects.filter(
        holding_on(day),
        person_id=OuterRef("speaker_id"),
        organization_id__in=organizations,
    )
    return Q(Exists(memberships))


def refresh_roles(attributions: QuerySet, *, without: int | None = None) -> list[int]:
    """Set the role at the time of ``attributions`` by the rule above (``without`` the
    membership of that id, about to be deleted); record the
    statements whose attributions changed in the change feed. Returns their ids. The
    caller holds those statements' locks. Costs two queries, plus one UPDATE per role
    that changed (a batch of attributions at a time)."""
    rows = list(
        attributions.order_by().values_list(
            "pk", "statement_id", "speaker_id", "stated_on", "source__published_at",
            "role_at_the_time_id",
        )
    )  # fmt: skip
    if not rows:
        return []
    by_person: dict[int, list[Membership]] = defaultdict(list)
    speakers = {row[2] for row in rows}
    fields = ("id", "person_id", "valid_from", "valid_until")
    held = Membership.objects.filter(person_id__in=speakers).exclude(pk=without)
    for membership in held.only(*fields):
        by_person[membership.person_id].append(membership)
    moved: dict[int | None, list[int]] = defaultdict(list)
    statements: set[int] = set()
    for pk, statement_id, speaker_id, stated_on, published_at, current in rows:
        chosen = membership_on(
            by_person.get(speaker_id, ()), attribution_day(stated_on, published_at)
        )
        chosen_id = chosen.pk if chosen is not None else None
        if chosen_id != current:
            moved[chosen_id].append(pk)
            statements.add(statement_id)
    if not statements:
        return []
    now = timezone.now()
    for chosen_id, ids in moved.items():
        for at in range(0, len(ids), BATCH):
            Attribution.objects.filter(pk__in=ids[at : at + BATCH]).update(
                role_at_the_time_id=chosen_id, updated_at=now
            )
    changed = sorted(statements)
    changes.record_statements_updated(changed)
    generation.bump_generation()
    return changed
