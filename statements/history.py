"""Reading the change history: who changed what and when, as field-level differences.

The history library stores a full copy of the object per change; a difference is computed
between each version and the one before it, in memory, so that a page of versions costs a
fixed number of queries however many fields or topics changed.
"""

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet

from statements.models import Attribution, Topic

ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
# Timestamps change with every save; the version's own date says when.
UNTRACKED = {"created_at", "updated_at"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    date: Any
    action: str
    user: Any
    reason: str | None
    changes: list[FieldChange]


def _m2m_accessors(history_model: type[models.Model]) -> dict[str, str]:
    """For each many-to-many field, the accessor of its rows on a version."""
    through_to_field = {
        field.remote_field.through: field.name for field in history_model._history_m2m_fields
    }
    return {
        through_to_field[rel.related_model.instance_type]: rel.get_accessor_name()
        for rel in history_model._meta.related_objects
        if getattr(rel.related_model, "instance_type", None) in through_to_field
    }


def history_queryset(instance: models.Model) -> QuerySet:
    """The object's versions, newest first, with what a page of them needs joined."""
    records = instance.history.select_related("history_user").order_by(
        "-history_date", "-history_id"
    )
    return records.prefetch_related(*_m2m_accessors(records.model).values())


def _m2m_ids(record: models.Model, field: models.Field) -> list[int]:
    rows = getattr(record, _m2m_accessors(type(record))[field.name]).all()
    return sorted(getattr(row, f"{field.m2m_reverse_field_name()}_id") for row in rows)


def version_before(instance: models.Model, record: models.Model) -> models.Model | None:
    earlier = Q(history_date__lt=record.history_date) | Q(
        history_date=record.history_date, history_id__lt=record.history_id
    )
    return history_queryset(instance).filter(earlier).first()


def _values(record: models.Model, topic_slugs: dict[int, str]) -> dict[str, Any]:
    values = {}
    for field in record.tracked_fields:
        if field.editable and field.name not in UNTRACKED:
            values[field.name] = getattr(record, field.attname)
    for field in record._history_m2m_fields:
        related_ids = _m2m_ids(record, field)
        if field.related_model is Topic:
            values[field.name] = sorted(topic_slugs.get(pk, str(pk)) for pk in related_ids)
        else:
            values[field.name] = related_ids
    return values


def _topic_slugs(records: list[models.Model]) -> dict[int, str]:
    ids = {
        pk
        for record in records
        for field in record._history_m2m_fields
        if field.related_model is Topic
        for pk in _m2m_ids(record, field)
    }
    return dict(Topic.objects.filter(pk__in=ids).values_list("pk", "slug")) if ids else {}


def history_entries(
    records: list[models.Model], previous: models.Model | None
) -> list[HistoryEntry]:
    """Entries for ``records`` (newest first); ``previous`` is the version before the last."""
    chain = [*records, previous] if previous is not None else list(records)
    slugs = _topic_slugs(chain)
    values = [_values(record, slugs) for record in chain]
    entries = []
    for index, record in enumerate(records):
        new = values[index]
        old = values[index + 1] if index + 1 < len(chain) else dict.fromkeys(new)
        changes = [
            FieldChange(field, old.get(field), value)
            for field, value in new.items()
            if old.get(field) != value
        ]
        entries.append(
            HistoryEntry(
                id=record.history_id,
                date=record.history_date,
                action=ACTIONS[record.history_type],
                user=record.history_user,
                reason=record.history_change_reason,
                changes=changes,
            )
        )
    return entries


# A statement's page of its attributions' changes shows at most this many versions.
ATTRIBUTION_VERSIONS = 200


def attribution_history(statement_id: int) -> list[tuple[models.Model, HistoryEntry]]:
    """The changes of the attributions a statement has or had, newest first, each with its
    version: the newest ``ATTRIBUTION_VERSIONS`` of them, in one query (an attribution's
    oldest version shown counts as its creation when older ones are left out)."""
    records = list(
        Attribution.history.filter(statement_id=statement_id)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:ATTRIBUTION_VERSIONS]
    )
    chains: dict[int, list[models.Model]] = {}
    for record in records:
        chains.setdefault(record.id, []).append(record)
    changes = [
        (record, entry)
        for chain in chains.values()
        for record, entry in zip(chain, history_entries(chain, None), strict=True)
    ]
    return sorted(changes, key=lambda pair: (pair[1].date, pair[1].id), reverse=True)
