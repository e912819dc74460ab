"""The read shapes, declared once: each representation's fields, in order, and their kinds.

Every writer follows these declarations: ``python`` builds the dictionaries from instances
or rows, ``postgres`` has the database write the same JSON text, the export reads its rows
and flattens its CSV by them, and the serializers take their ``Meta.fields`` (and so the
schema) from them. A field added here, and on the model, appears in all of them. The
resources that serializers alone read (speakers, sources, attributions and relations on
their own) are declared here too, for their ``Meta.fields`` and their selections.
"""

import enum
import functools
from dataclasses import dataclass

from django.db import models

from statements.models import (
    Attribution,
    Correction,
    Membership,
    Relation,
    Source,
    Speaker,
    Statement,
)


class Kind(enum.Enum):
    """How a field's value is written. Whether it may be null comes from the model field."""

    STRING = "string"
    INTEGER = "integer"
    FLOAT = "float"
    DATE = "date"  # ISO 8601
    DATETIME = "datetime"  # ISO 8601 in the current time zone, "Z" for UTC
    SUMMARY = "summary"  # the related object (a foreign key) as its summary ``shape``
    QUOTE = "quote"  # an object of the row's own columns (``shape``), null when the first is blank
    TOPICS = "topics"  # the statement's topic slugs, sorted
    LIST = "list"  # the related objects, each as ``shape``, in id order
    JSON = "json"  # the model field's JSON value as stored (a speaker's aliases)


VALUES = frozenset({Kind.STRING, Kind.INTEGER, Kind.FLOAT, Kind.DATE, Kind.DATETIME})


@dataclass(frozen=True, eq=False)
class Field:
    """A key of the representation. ``source``: the model field it reads (by default the
    key); ``shape``: the fields of a nested object or of a list's items."""

    name: str
    kind: Kind
    source: str = ""
    shape: "Shape | None" = None

    def __post_init__(self) -> None:
        if not self.source:
            object.__setattr__(self, "source", self.name)


@dataclass(frozen=True, eq=False)
class Shape:
    """A representation: the model it reads and its fields, in the order of the keys."""

    model: type[models.Model]
    fields: tuple[Field, ...]
    # The declared shape this one selects fields of (``select``); None for a declared one.
    declared: "Shape | None" = None

    def names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)

    def __getitem__(self, name: str) -> Field:
        return next(field for field in self.fields if field.name == name)

    def without(self, *names: str) -> "Shape":
        return Shape(self.model, tuple(field for field in self.fields if field.name not in names))

    def first_declared(self) -> Field:
        """The first field as declared (a quote is null when its first field is blank, be
        it selected or not)."""
        return (self.declared or self).fields[0]

    def of_kind(self, *kinds: Kind) -> tuple[Field, ...]:
        return tuple(field for field in self.fields if field.kind in kinds)

    def nullable(self, field: Field) -> bool:
        """Whether the value may be null: a quote when blank, else as the model field."""
        if field.kind is Kind.QUOTE:
            return True
        if field.kind in (Kind.TOPICS, Kind.LIST):
            return False
        return self.model._meta.get_field(field.source).null

    def column(self, field: Field) -> str:
        """The field's column as ``values_list`` and SQL name it (``speaker_id`` for a
        summary's foreign key)."""
        return self.model._meta.get_field(field.source).attname

    def columns(self) -> tuple[str, ...]:
        """The columns a row needs for this shape to be built from it (the values, the
        foreign keys of the summaries, a quote's columns), without topics and lists."""
        columns: list[str] = []
        for field in self.fields:
            if field.kind is Kind.QUOTE:
                columns += field.shape.columns()
            elif field.kind in VALUES or field.kind is Kind.SUMMARY:
                columns.append(self.column(field))
        return tuple(columns)


class UnknownFields(ValueError):
    """A field selection names fields the shape does not have (or names none)."""

    def __init__(self, message: str, names: list[str]) -> None:
        super().__init__(message)
        self.names = names


def loaded_fields(shape: Shape) -> tuple[str, ...]:
    """The model fields (``QuerySet.only``'s names, ``relation__field`` through a summary)
    that the serializers read to build ``shape``: its values, and each nested object it
    shows whole (they build it whole, then cut it down to the selection)."""
    loaded: list[str] = []
    for field in shape.fields:
        nested = field.shape and (field.shape.declared or field.shape)
        if field.kind is Kind.SUMMARY:
            loaded += [f"{field.source}__{name}" for name in loaded_fields(nested)]
        elif field.kind is Kind.QUOTE:
            loaded += loaded_fields(nested)
        elif field.kind in VALUES or field.kind is Kind.JSON:
            loaded.append(field.source)
    return tuple(loaded)


def summaries(shape: Shape) -> tuple[str, ...]:
    """The relations ``shape`` shows a summary of (``QuerySet.select_related``'s names)."""
    return tuple(field.source for field in shape.of_kind(Kind.SUMMARY))


# A selection of fields: each name either whole (None) or a selection of its nested fields.
Selection = dict[str, "Selection | None"]


def parse_selection(text: str) -> Selection:
    """``id,text,attributions.speaker`` as a selection (the convention of drf-flex-fields:
    comma-separated names, dots into nested objects). Naming a nested object keeps it whole,
    whatever else names fields inside it. An empty name is refused."""
    paths = text.split(",")
    empty = [path for path in paths if not path.strip() or "" in path.strip().split(".")]
    if empty or not text.strip():
        raise UnknownFields("Name at least one field, without empty names.", [text])
    selection: Selection = {}
    for path in sorted((path.strip().split(".") for path in paths), key=len):
        level: Selection | None = selection
        for depth, name in enumerate(path):
            if level is None:  # inside a field already kept whole
                break
            if depth == len(path) - 1:
                level[name] = None
            else:
                level = level.setdefault(name, {})
    return selection


def _frozen(selection: Selection) -> tuple:
    return tuple(
        sorted((name, None if sub is None else _frozen(sub)) for name, sub in selection.items())
    )


def select(shape: Shape, text: str) -> Shape:
    """The fields of ``shape`` named by ``text`` (``parse_selection``), in their declared
    order. The same selection, however spelt, gives the same shape object, so the writers'
    caches (by shape) hold one entry per selection. Raises ``UnknownFields``."""
    return _select(shape, _frozen(parse_selection(text)), "")


@functools.lru_cache(maxsize=256)
def _select(shape: Shape, selection: tuple, prefix: str) -> Shape:
    chosen = dict(selection)
    unknown = [f"{prefix}{name}" for name in chosen if name not in shape.names()]
    fields = []
    for field in shape.fields:
        if field.name not in chosen:
            continue
        nested = chosen[field.name]
        if nested is not None:
            if field.shape is None:
                unknown += [f"{prefix}{field.name}.{name}" for name, _ in nested]
                continue
            try:
                sub = _select(field.shape, nested, f"{prefix}{field.name}.")
            except UnknownFields as error:
                unknown += error.names
                continue
            field = Field(field.name, field.kind, field.source, sub)
        fields.append(field)
    if unknown:
        raise UnknownFields(f"Unknown field: {', '.join(sorted(unknown))}.", sorted(unknown))
    return Shape(shape.model, tuple(fields), declared=shape.declared or shape)


def names(shape: Shape) -> list[str]:
    """The keys of ``shape``, as a serializer's ``Meta.fields``."""
    return list(shape.names())


ID = Field("id", Kind.INTEGER)
CREATED_AT = Field("created_at", Kind.DATETIME)
UPDATED_AT = Field("updated_at", Kind.DATETIME)

SPEAKER_SUMMARY = Shape(
    Speaker, (ID, Field("name", Kind.STRING), Field("kind", Kind.STRING))
)  # fmt: skip

SPEAKER = Shape(
    Speaker,
    (
        ID,
        Field("name", Kind.STRING),
        Field("kind", Kind.STRING),
        Field("aliases", Kind.JSON),
        Field("description", Kind.STRING),
        Field("country", Kind.STRING),
        Field("wikidata_id", Kind.STRING),
        CREATED_AT,
        UPDATED_AT,
    ),
)

SOURCE = Shape(
    Source,
    (
        ID,
        Field("title", Kind.STRING),
        Field("url", Kind.STRING),
        Field("publisher", Kind.STRING),
        Field("kind", Kind.STRING),
        Field("published_at", Kind.DATETIME),
        Field("language", Kind.STRING),
        Field("body", Kind.STRING),
        Field("body_sha256", Kind.STRING),
        Field("archived_url", Kind.STRING),
        Field("status", Kind.STRING),
        CREATED_AT,
        UPDATED_AT,
    ),
)

SOURCE_SUMMARY = Shape(
    Source,
    (
        ID,
        Field("title", Kind.STRING),
        Field("publisher", Kind.STRING),
        Field("kind", Kind.STRING),
        Field("url", Kind.STRING),
        Field("published_at", Kind.DATETIME),
        Field("status", Kind.STRING),
    ),
)

# A membership as shown in an attribution (its role at the time): the organization by id.
MEMBERSHIP_SUMMARY = Shape(
    Membership,
    (
        ID,
        Field("role", Kind.STRING),
        Field("organization", Kind.INTEGER, source="organization_id"),
        Field("start", Kind.STRING),
        Field("end", Kind.STRING),
    ),
)

# A membership read on its own (``memberships/``).
MEMBERSHIP = Shape(
    Membership,
    (
        ID,
        Field("person", Kind.INTEGER, source="person_id"),
        Field("organization", Kind.INTEGER, source="organization_id"),
        Field("role", Kind.STRING),
        Field("start", Kind.STRING),
        Field("end", Kind.STRING),
        Field("source", Kind.INTEGER, source="source_id"),
        CREATED_AT,
        UPDATED_AT,
    ),
)

QUOTE = Shape(
    Attribution,
    (
        Field("exact", Kind.STRING, source="quote_exact"),
        Field("prefix", Kind.STRING, source="quote_prefix"),
        Field("suffix", Kind.STRING, source="quote_suffix"),
        Field("start", Kind.INTEGER, source="quote_start"),
        Field("end", Kind.INTEGER, source="quote_end"),
        Field("status", Kind.STRING, source="quote_status"),
        Field("body_sha256", Kind.STRING, source="quote_body_sha256"),
    ),
)

# An attribution inside its statement (which it therefore does not name).
ATTRIBUTION = Shape(
    Attribution,
    (
        ID,
        Field("speaker", Kind.SUMMARY, shape=SPEAKER_SUMMARY),
        Field("source", Kind.SUMMARY, shape=SOURCE_SUMMARY),
        Field("mode", Kind.STRING),
        Field("speech_act", Kind.STRING),
        Field("verb", Kind.STRING),
        Field("speaker_role", Kind.STRING),
        Field("role_at_the_time", Kind.SUMMARY, shape=MEMBERSHIP_SUMMARY),
        Field("on_behalf_of", Kind.SUMMARY, shape=SPEAKER_SUMMARY),
        Field("occasion", Kind.STRING),
        Field("stated_on", Kind.DATE),
        Field("quote", Kind.QUOTE, shape=QUOTE),
        CREATED_AT,
        UPDATED_AT,
    ),
)

# An attribution read on its own (``attributions/``): it names its statement, by id.
ATTRIBUTION_RESOURCE = Shape(
    Attribution,
    (ID, Field("statement", Kind.INTEGER, source="statement_id"), *ATTRIBUTION.fields[1:]),
)

STATEMENT_SUMMARY = Shape(
    Statement, (ID, Field("text", Kind.STRING), Field("status", Kind.STRING))
)  # fmt: skip

# A relation read on its own (``relations/``): its statements by id.
RELATION = Shape(
    Relation,
    (
        ID,
        Field("from_statement", Kind.INTEGER, source="from_statement_id"),
        Field("to_statement", Kind.INTEGER, source="to_statement_id"),
        Field("kind", Kind.STRING),
        Field("note", Kind.STRING),
        CREATED_AT,
        UPDATED_AT,
    ),
)

# A relation as shown on either of its statements.
STATEMENT_RELATION = Shape(
    Relation,
    (
        ID,
        Field("kind", Kind.STRING),
        Field("from_statement", Kind.SUMMARY, shape=STATEMENT_SUMMARY),
        Field("to_statement", Kind.SUMMARY, shape=STATEMENT_SUMMARY),
        Field("note", Kind.STRING),
    ),
)

# A correction notice, as a published statement shows it (``corrections``, oldest first).
CORRECTION = Shape(Correction, (Field("at", Kind.DATETIME), Field("note", Kind.STRING)))

STATEMENT = Shape(
    Statement,
    (
        ID,
        Field("text", Kind.STRING),
        Field("language", Kind.STRING),
        Field("topics", Kind.TOPICS),
        Field("status", Kind.STRING),
        Field("retraction_reason", Kind.STRING),
        Field("attributions", Kind.LIST, shape=ATTRIBUTION),
        Field("relations", Kind.LIST, shape=STATEMENT_RELATION),
        Field("corrections", Kind.LIST, shape=CORRECTION),
        CREATED_AT,
        UPDATED_AT,
    ),
)

# The export's line: the statement without its relations and its correction notices (what
# the import reads back).
EXPORTED_STATEMENT = STATEMENT.without("relations", "corrections")
