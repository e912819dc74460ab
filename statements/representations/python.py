"""Representations built in Python, by the field lists of ``fields``.

The dictionaries the serializers declare, key for key and value for value, built directly
rather than by DRF's field-by-field machinery (a fresh serializer for every nested summary
costs more than the rest of a list request; see the README's Performance section). They are
built from model instances (as ``selectors.statement_queryset`` fetches them) or from rows
that carry the same names (the export's ``values_list(..., named=True)``).
``tests/test_api_representations.py`` holds them to the serializers' output.
"""

import datetime as dt
import functools
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


# Written out in the builders' code; the other kinds are read by a getter each.
_INLINE = {
    Kind.STRING: "obj.{source}",
    Kind.INTEGER: "obj.{source}",
    Kind.FLOAT: "obj.{source}",
    Kind.DATETIME: "datetime_value(obj.{source}, zone)",
    Kind.DATE: "date_value(obj.{source})",
}


@functools.lru_cache(maxsize=512)  # the declared shapes and the selections (fields.select)
def _builder_factory(shape: Shape) -> Callable[..., Callable[[Any], dict[str, Any]]]:
    """A function that makes ``shape``'s builder for a time zone and the getters of its
    other fields: its dictionary written out key by key, as by hand, so that building one
    costs no loop or call per plain field. Compiled once per shape."""
    getters, items = [], []
    for index, field in enumerate(shape.fields):
        if field.kind in _INLINE:
            value = _INLINE[field.kind].format(source=field.source)
        else:
            getters.append(f"get_{index}")
            value = f"get_{index}(obj)"
        items.append(f"{field.name!r}: {value}")
    source = (
        f"def make(zone, {', '.join(getters)}):\n"
        f"    def build(obj):\n"
        f"        return {{{', '.join(items)}}}\n"
        f"    return build\n"
    )
    namespace = {"datetime_value": datetime_value, "date_value": date_value}
    exec(source, namespace)  # noqa: S102 - our code, from the declared field lists
    return namespace["make"]


class Writer:
    """Builds the representations of one response (or one export): the time zone looked up
    once, each summary (speaker, source, statement) built once and shared."""

    def __init__(self, zone: dt.tzinfo | None = None) -> None:
        self.zone = zone or timezone.get_current_timezone()
        # The summaries built so far, by shape and id.
        self.summaries: dict[Shape, dict[int, dict[str, Any]]] = {}
        self._builders: dict[Shape, Callable[[Any], dict[str, Any]]] = {}

    def builder(self, shape: Shape) -> Callable[[Any], dict[str, Any]]:
        """The function that builds ``shape`` from an instance or a row."""
        build = self._builders.get(shape)
        if build is None:
            getters = [
                self._getter(shape, field) for field in shape.fields if field.kind not in _INLINE
            ]
            build = self._builders[shape] = _builder_factory(shape)(self.zone, *getters)
        return build

    def build(self, shape: Shape, obj: Any) -> dict[str, Any]:
        return self.builder(shape)(obj)

    def statement(self, statement: Any, shape: Shape = STATEMENT) -> dict[str, Any]:
        return self.builder(shape)(statement)

    def summary_cache(self, shape: Shape) -> dict[int, dict[str, Any]]:
        return self.summaries.setdefault(shape, {})

    def _getter(self, shape: Shape, field: Field) -> Getter:
        kind, source = field.kind, field.source
        if kind is Kind.SUMMARY:
            return self._summary_getter(shape, field)
        if kind is Kind.QUOTE:
            blank = attrgetter(field.shape.first_declared().source)
            build = self.builder(field.shape)
            return lambda obj: build(obj) if blank(obj) else None
        if kind is Kind.TOPICS:
            return topic_slugs
        if kind is Kind.LIST:
            build = self.builder(field.shape)
            return lambda obj: [build(item) for item in items_of(obj, source)]
        raise ValueError(f"No getter for {kind}")

    def _summary_getter(self, shape: Shape, field: Field) -> Getter:
        """The summary by its foreign key, built from the related object the first time."""
        key, related = attrgetter(shape.column(field)), attrgetter(field.source)
        cache, build = self.summary_cache(field.shape), self.builder(field.shape)

        def get(obj: Any) -> dict[str, Any] | None:
            pk = key(obj)
            if pk is None:
                return None
            summary = cache.get(pk)
            if summary is None:
                summary = cache[pk] = build(related(obj))
            return summary

        return get


def statement(
    statement: Statement, writer: Writer | None = None, shape: Shape = STATEMENT
) -> dict[str, Any]:
    """As ``StatementSerializer``: a statement with its attributions and relations (or the
    fields of ``shape``, a selection of them)."""
    return (writer or Writer()).statement(statement, shape)
