"""Shapes of the API's JSON: what each resource reads as and what a write must look like."""

from collections.abc import Mapping
from typing import Any

from django.db import models
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from statements.api import representations
from statements.api.fields import (
    IdRelatedField,
    NormalizedURLField,
    SummaryRelatedField,
    TextField,
    model_text_kwargs,
    model_validators,
)
from statements.models import (
    ALIAS_MAX_LENGTH,
    MAX_ALIASES,
    MAX_ATTRIBUTIONS_PER_STATEMENT,
    MAX_TOPICS_PER_STATEMENT,
    TOPIC_MAX_LENGTH,
    Attribution,
    Relation,
    Source,
    Speaker,
    Statement,
)


class StrictSerializerMixin:
    """Refuses fields the resource does not have, instead of silently dropping them.

    Read-only fields are accepted and ignored, so a client may send back what it read.
    """

    # Model text fields are read with the strict text field.
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: TextField,
        models.TextField: TextField,
    }
    # Related objects by their integer id.
    serializer_related_field = IdRelatedField

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {
                        name: [serializers.ErrorDetail("Unknown field.", code="unknown_field")]
                        for name in unknown
                    }
                )
        return super().to_internal_value(data)


class StrictSerializerExtension(OpenApiSerializerExtension):
    """In the schema, a strict serializer's request body admits no other properties
    (``additionalProperties: false``), as the server refuses them."""

    target_class = StrictSerializerMixin
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        if direction == "request":
            schema["additionalProperties"] = False
        return schema


# --- Summaries: how a resource appears inside another ------------------------------------------


class SpeakerSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "name", "kind"]
        read_only_fields = fields


class SourceSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "title", "publisher", "kind", "url", "published_at", "status"]
        read_only_fields = fields


class StatementSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Statement
        fields = ["id", "text", "status"]
        read_only_fields = fields


# --- Speaker ----------------------------------------------------------------------------------


class SpeakerSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    aliases = serializers.ListField(
        child=TextField(max_length=ALIAS_MAX_LENGTH),
        max_length=MAX_ALIASES,
        required=False,
        help_text='Other spellings of the name: "Zelensky", "Zelenskiy".',
    )
    wikidata_id = TextField(
        max_length=Speaker._meta.get_field("wikidata_id").max_length,
        required=False,
        allow_null=True,
        default=None,
        validators=[
            # The model's (the pattern is also documented in the schema).
            *model_validators(Speaker, "wikidata_id"),
            UniqueValidator(Speaker.objects.all(), message="Another speaker has this Wikidata id."),
        ],
        help_text='Wikidata item id, e.g. "Q6279".',
    )

    class Meta:
        model = Speaker
        fields = [
            "id",
            "name",
            "kind",
            "aliases",
            "description",
            "country",
            "wikidata_id",
            "created_at",
            "updated_at",
        ]

    def validate_wikidata_id(self, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        Speaker._meta.get_field("wikidata_id").run_validators(value)
        return value

    def validate_aliases(self, value: list[str]) -> list[str]:
        # Keep the order given, without blanks or repeats.
        return list(dict.fromkeys(alias.strip() for alias in value if alias.strip()))


# --- Source -----------------------------------------------------------------------------------


class SourceSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    url = NormalizedURLField(
        max_length=Source._meta.get_field("url").max_length,
        validators=[
            *model_validators(Source, "url"),
            UniqueValidator(Source.objects.all(), message="A source with this URL exists."),
        ],
        help_text="Stored normalized: lower-case host, no fragment, no tracking parameters.",
    )

    class Meta:
        model = Source
        fields = [
            "id",
            "title",
            "url",
            "publisher",
            "kind",
            "published_at",
            "language",
            "body",
            "body_sha256",
            "archived_url",
            "status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["body_sha256"]


# --- Attribution ------------------------------------------------------------------------------


class QuoteSerializer(StrictSerializerMixin, serializers.Serializer):
    """Where the statement stands in the source's body: a W3C TextQuoteSelector (exact,
    prefix, suffix) and the TextPositionSelector (start, end) that the server fills."""

    # Whitespace is part of the text: a prefix ending in a space is a different prefix.
    exact = TextField(
        source="quote_exact",
        trim_whitespace=False,
        allow_blank=True,
        **model_text_kwargs(Attribution, "quote_exact"),
        help_text="The exact text, as in the body.",
    )
    prefix = TextField(
        source="quote_prefix",
        trim_whitespace=False,
        required=False,
        allow_blank=True,
        **model_text_kwargs(Attribution, "quote_prefix"),
        help_text="Text just before the quote, to pick one of several occurrences.",
    )
    suffix = TextField(
        source="quote_suffix",
        trim_whitespace=False,
        required=False,
        allow_blank=True,
        **model_text_kwargs(Attribution, "quote_suffix"),
        help_text="Text just after the quote, to pick one of several occurrences.",
    )
    start = serializers.IntegerField(
        source="quote_start",
        read_only=True,
        allow_null=True,
        help_text="Offset of the first character in the body (filled by the server).",
    )
    end = serializers.IntegerField(
        source="quote_end",
        read_only=True,
        allow_null=True,
        help_text="Offset just past the last character in the body (filled by the server).",
    )

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        value.setdefault("quote_prefix", "")
        value.setdefault("quote_suffix", "")
        return value


NO_QUOTE = {"quote_exact": "", "quote_prefix": "", "quote_suffix": ""}


class AttributionFieldsSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """The attribution's own fields, as written inside a statement or on its own."""

    speaker = SummaryRelatedField(
        queryset=Speaker.objects.all(), summary_serializer=SpeakerSummarySerializer
    )
    source = SummaryRelatedField(
        queryset=Source.objects.all(), summary_serializer=SourceSummarySerializer
    )
    on_behalf_of = SummaryRelatedField(
        queryset=Speaker.objects.all(),
        summary_serializer=SpeakerSummarySerializer,
        required=False,
        allow_null=True,
        help_text="The speaker represented: Kirby speaks for the US government.",
    )
    quote = QuoteSerializer(source="*", required=False, allow_null=True)

    class Meta:
        model = Attribution
        fields = [
            "id",
            "speaker",
            "source",
            "mode",
            "speech_act",
            "verb",
            "speaker_role",
            "on_behalf_of",
            "occasion",
            "stated_on",
            "quote",
            "created_at",
            "updated_at",
        ]

    def to_internal_value(self, data):
        if isinstance(data, Mapping) and "quote" in data and data["quote"] is None:
            data = {key: value for key, value in data.items() if key != "quote"}
            return {**super().to_internal_value(data), **NO_QUOTE}
        return super().to_internal_value(data)

    def to_representation(self, instance):
        representation = super().to_representation(instance)
        if not instance.quote_exact:
            representation["quote"] = None
        return representation


class AttributionSerializer(AttributionFieldsSerializer):
    statement = IdRelatedField(
        queryset=Statement.objects.all(), help_text="Id of the statement attributed."
    )

    class Meta(AttributionFieldsSerializer.Meta):
        fields = ["id", "statement", *AttributionFieldsSerializer.Meta.fields[1:]]


# --- Relation ---------------------------------------------------------------------------------


class RelationSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    class Meta:
        model = Relation
        fields = [
            "id",
            "from_statement",
            "to_statement",
            "kind",
            "note",
            "created_at",
            "updated_at",
        ]
        # Uniqueness is checked by the service, with a message naming the field.
        validators = []


class StatementRelationSerializer(serializers.ModelSerializer):
    """A relation as shown on either of its statements."""

    from_statement = StatementSummarySerializer(read_only=True)
    to_statement = StatementSummarySerializer(read_only=True)

    class Meta:
        model = Relation
        fields = ["id", "kind", "from_statement", "to_statement", "note"]
        read_only_fields = fields


# --- Statement --------------------------------------------------------------------------------


class TopicsField(serializers.ListField):
    """Written as a list of names, read as the list of the statement's topic slugs."""

    def to_representation(self, topics):
        return [topic.slug for topic in topics.all()]


class StatementListSerializer(serializers.ListSerializer):
    def to_representation(self, data):
        # One set of speaker and source summaries for the whole page.
        summaries = representations.Summaries()
        items = data.all() if hasattr(data, "all") else data
        return [representations.statement(item, summaries) for item in items]


# Reads are built by ``representations.statement`` (same output, a fraction of the time);
# the fields below declare the shape for the schema and for writes.
class StatementSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    topics = TopicsField(
        child=TextField(max_length=TOPIC_MAX_LENGTH),
        max_length=MAX_TOPICS_PER_STATEMENT,
        required=False,
        help_text='Tags; stored as slugs ("North Korea" becomes "north-korea").',
    )
    attributions = AttributionFieldsSerializer(
        many=True,
        required=False,
        max_length=MAX_ATTRIBUTIONS_PER_STATEMENT,
        help_text=(
            "Who made the statement and which sources report it. Written with the statement "
            "in one atomic request; on update, when given, it replaces the set (matched on "
            "speaker and source)."
        ),
    )
    relations = serializers.SerializerMethodField(
        help_text="Relations to other statements, in both directions."
    )

    class Meta:
        model = Statement
        fields = [
            "id",
            "text",
            "language",
            "topics",
            "status",
            "retraction_reason",
            "attributions",
            "relations",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["status", "retraction_reason"]
        list_serializer_class = StatementListSerializer

    def to_representation(self, instance: Statement) -> dict[str, Any]:
        return representations.statement(instance)

    @extend_schema_field(StatementRelationSerializer(many=True))
    def get_relations(self, statement: Statement) -> list[dict[str, Any]]:
        relations = representations.relations_of(statement)
        return StatementRelationSerializer(relations, many=True, context=self.context).data


# --- History ----------------------------------------------------------------------------------


class HistoryUserSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="The field that changed.")
    old = serializers.JSONField(allow_null=True, help_text="Its value before (null if new).")
    new = serializers.JSONField(allow_null=True, help_text="Its value after.")


class HistoryEntrySerializer(serializers.Serializer):
    """One version of an object: who made it, when, and which fields changed."""

    id = serializers.IntegerField(help_text="Id of this version.")
    date = serializers.DateTimeField()
    action = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    user = HistoryUserSerializer(allow_null=True, help_text="Who made the change.")
    reason = serializers.CharField(allow_null=True, help_text="Why, when a reason was given.")
    changes = FieldChangeSerializer(many=True)


class RetractSerializer(StrictSerializerMixin, serializers.Serializer):
    reason = TextField(
        **model_text_kwargs(Statement, "retraction_reason"),
        help_text="Why the statement is retracted; shown with it from then on.",
    )


__all__ = [
    "MAX_ATTRIBUTIONS_PER_STATEMENT",
    "AttributionFieldsSerializer",
    "AttributionSerializer",
    "FieldChangeSerializer",
    "HistoryEntrySerializer",
    "QuoteSerializer",
    "RelationSerializer",
    "RetractSerializer",
    "SourceSerializer",
    "SourceSummarySerializer",
    "SpeakerSerializer",
    "SpeakerSummarySerializer",
    "StatementRelationSerializer",
    "StatementSerializer",
    "StatementSummarySerializer",
]
