"""Representations built in Python, by the field lists of ``fields``.

The dictionaries the serializers declare, key for key and value for value, built directly
rather than by DRF's field-by-field machinery (a fresh serializer for every nested summary
costs more than the rest of a list request; see the README's Performance section). They are
built from model instances (as ``selectors.statement_queryset`` fetches them) or from rows
that carry the same names (the export's ``values_list(..., named=True)``).
``tests/test_api_representations.py`` holds them to the serializers' output.
"""

import datetime as dt
from collections.abc import Callable
from operator import attrgetter
from typing import Any

from django.utils import timezone

from statements.models import Relation, Statement
from statements.representations.fields import (
    STATEMENT,
    Field,
    Kind,
    Shape,
)

Getter = Callable[[Any], Any]


def datetime_value(value: dt.datetime | None, zone: dt.tzinfo | None = None) -> str | None:
    """As DRF's DateTimeField (ISO 8601, in ``zone`` or else the current time zone, "Z" for
    UTC). Callers formatting many values look the zone up once and pass it."""
    if not value:
        return None
    text = value.astimezone(zone or timezone.get_current_timezone()).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def date_value(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def topic_slugs(statement: Any) -> list[str]:
    slugs = getattr(statement, "topic_slugs", None)
    if slugs is None:  # not read by selectors.statement_queryset
        return [topic.slug for topic in statement.topics.all()]
    return sorted(slugs)


def items_of(obj: Any, source: str) -> list:
    """A list field's objects: prefetched to ``prefetched_<source>`` (as the statement's
    relations are) or else the relation's."""
    items = getattr(obj, f"prefetched_{source}", None)
    if items is None:
        items = getattr(obj, source)
    return items if isinstance(items, list | tuple) else items.all()


def relations_of(statement: Statement) -> list[Relation]:
    return items_of(statement, "relations")


class Writer:
    """Builds the representations of one response (or one export): the time zone looked up
    once, each summary (speaker, source, statement) built once and shared.

    Each shape's getters (one function a field, reading an instance or a row) are made the
    first time the shape is built, so building a value is a call per field."""

    def __init__(self, zone: dt.tzinfo | None = None) -> None:
        self.zone = zone or timezone.get_current_timezone()
        # The summaries built so far, by shape and id.
        self.summaries: dict[Shape, dict[int, dict[str, Any]]] = {}
        self._getters: dict[Shape, tuple[tuple[str, Getter], ...]] = {}

    def build(self, shape: Shape, obj: Any) -> dict[str, Any]:
        getters = self._getters.get(shape)
        if getters is None:
            getters = self._getters[shape] = tuple(
                (field.name, self._getter(shape, field)) for field in shape.fields
            )
        return {name: get(obj) for name, get in getters}

    def statement(self, statement: Any, shape: Shape = STATEMENT) -> dict[str, Any]:
        return self.build(shape, statement)

    def summary_cache(self, shape: Shape) -> dict[int, dict[str, Any]]:
        return self.summaries.setdefault(shape, {})

    def _getter(self, shape: Shape, field: Field) -> Getter:
        kind, source = field.kind, field.source
        if kind in (Kind.STRING, Kind.INTEGER, Kind.FLOAT):
            return attrgetter(source)
        if kind is Kind.DATETIME:
            value, zone = attrgetter(source), self.zone
            return lambda obj: datetime_value(value(obj), zone)
        if kind is Kind.DATE:
            value = attrgetter(source)
            return lambda obj: date_value(value(obj))
        if kind is Kind.SUMMARY:
            return self._summary_getter(shape, field)
        if kind is Kind.QUOTE:
            blank = attrgetter(field.shape.fields[0].source)
            build = self.build
            return lambda obj: build(field.shape, obj) if blank(obj) else None
        if kind is Kind.TOPICS:
            return topic_slugs
        if kind is Kind.LIST:
            build = self.build
            return lambda obj: [build(field.shape, item) for item in items_of(obj, source)]
        raise ValueError(f"No getter for {kind}")

    def _summary_getter(self, shape: Shape, field: Field) -> Getter:
        """The summary by its foreign key, built from the related object the first time."""
        key, related = attrgetter(shape.column(field)), attrgetter(field.source)
        cache, build, summary_shape = self.summary_cache(field.shape), self.build, field.shape

        def get(obj: Any) -> dict[str, Any] | None:
            pk = key(obj)
            if pk is None:
                return None
            summary = cache.get(pk)
            if summary is None:
                summary = cache[pk] = build(summary_shape, related(obj))
            return summary

        return get


def statement(statement: Statement, writer: Writer | None = None) -> dict[str, Any]:
    """As ``StatementSerializer``: a statement with its attributions and relations."""
    return (writer or Writer()).statement(statement)
