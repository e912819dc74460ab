"""Shapes of the API's JSON: what each resource reads as and what a write must look like."""

import inspect
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.functional import cached_property
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.plumbing import is_patched_serializer
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject
from rest_framework.utils.field_mapping import get_field_kwargs
from rest_framework.validators import UniqueValidator

from statements.api.fields import (
    IdRelatedField,
    NormalizedURLField,
    SummaryRelatedField,
    TextField,
    model_text_kwargs,
    model_validators,
)
from statements.choices import AnchorStatus, AttributionMode, SpeakerKind, SpeechAct
from statements.models import (
    ALIAS_MAX_LENGTH,
    MAX_ALIASES,
    MAX_ATTRIBUTIONS_PER_STATEMENT,
    MAX_TOPICS_PER_STATEMENT,
    TOPIC_MAX_LENGTH,
    Attribution,
    ChangeKind,
    ChangeObject,
    Correction,
    Membership,
    Relation,
    Revision,
    Source,
    Speaker,
    Statement,
)
from statements.representations import python as representations
from statements.representations.fields import (
    ATTRIBUTION,
    ATTRIBUTION_RESOURCE,
    CORRECTION,
    MEMBERSHIP_SUMMARY,
    RELATION,
    SOURCE,
    SOURCE_SUMMARY,
    SPEAKER,
    SPEAKER_SUMMARY,
    STATEMENT,
    STATEMENT_RELATION,
    STATEMENT_SUMMARY,
    Shape,
    names,
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


def _trimmed(value: Any, shape: Shape) -> Any:
    """A nested object or list as built in full, cut down to the fields ``shape`` selects."""
    if shape.declared is None or value is None:  # kept whole
        return value
    if isinstance(value, list):
        return [_trimmed(item, shape) for item in value]
    return {
        field.name: value[field.name]
        if field.shape is None
        else _trimmed(value[field.name], field.shape)
        for field in shape.fields
    }


class SelectedFieldsSerializerMixin:
    """Reads show the fields that ``?fields=`` selects from ``shape`` (the shape in the
    context: ``views.SelectedFieldsMixin``), in their declared order; the fields not
    selected are not read. Without a selection, every field, as DRF writes them."""

    # The declared read shape: its names are ``Meta.fields``.
    shape: Shape

    def to_representation(self, instance):
        selected = self.context.get("shape")
        if selected is None or selected.declared is not self.shape:
            return super().to_representation(instance)
        representation = {}
        fields = self.fields
        for field in selected.fields:
            serializer_field = fields[field.name]
            try:  # as DRF's Serializer.to_representation, for the fields selected only
                attribute = serializer_field.get_attribute(instance)
            except SkipField:
                continue
            pk = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
            value = None if pk is None else serializer_field.to_representation(attribute)
            if field.shape is not None:
                value = _trimmed(value, field.shape)
            representation[field.name] = value
        return representation


def component_description(serializer: serializers.BaseSerializer, direction: str) -> str:
    """A component's description: the serializer class's own docstring, never a base
    class's (drf-spectacular falls back to the first docstring up the MRO, such as the
    mixin's above); for a request body, what may be sent."""
    description = inspect.cleandoc(type(serializer).__dict__.get("__doc__") or "")
    if not description or direction != "request":
        return description
    sent = []
    if is_patched_serializer(serializer, direction):
        sent.append("Only the fields sent change; the others keep their values.")
    read_only = [f"`{name}`" for name, field in serializer.fields.items() if field.read_only]
    if read_only:
        sent.append(
            f"Any other field is refused (400), except {', '.join(read_only)}: read-only, "
            "they may be sent back as read and are ignored."
        )
    else:
        sent.append("Any other field is refused (400).")
    return f"{description}\n\n{' '.join(sent)}"


BLANK_STRING = {"type": "string", "maxLength": 0}


def _exclusive_blank_alternative(schema: dict[str, Any]) -> None:
    """drf-spectacular writes a URL that may be blank as ``oneOf: [URL, empty string]``; a
    validator that does not assert ``format`` (JSON Schema's default) finds "" valid under
    both, hence invalid under ``oneOf``. The URL alternative is therefore never empty."""
    alternatives = schema.get("oneOf", [])
    if len(alternatives) == 2 and alternatives[1] == BLANK_STRING:
        alternatives[0].setdefault("minLength", 1)


class StrictSerializerExtension(OpenApiSerializerExtension):
    """In the schema, a strict serializer's request body admits no other properties
    (``additionalProperties: false``), as the server refuses them; its description is the
    serializer's own (see ``component_description``)."""

    target_class = StrictSerializerMixin
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        # Without a docstring of its own the component has no description (which the
        # schema tests refuse) rather than a base class's.
        if description := component_description(self.target, direction):
            schema["description"] = description
        else:
            schema.pop("description", None)
        for field_schema in schema.get("properties", {}).values():
            _exclusive_blank_alternative(field_schema)
        if direction == "request":
            schema["additionalProperties"] = False
        return schema


# --- Summaries: how a resource appears inside another ------------------------------------------


class SpeakerSummarySerializer(serializers.ModelSerializer):
    """A speaker as shown inside another resource: its id, name and kind. The speaker
    itself (`GET /speakers/{id}/`) has the rest."""

    class Meta:
        model = Speaker
        fields = names(SPEAKER_SUMMARY)
        read_only_fields = fields


class SourceSummarySerializer(serializers.ModelSerializer):
    """A source as shown inside an attribution: what it takes to cite it (title, publisher,
    kind, URL, date) and whether it has been corrected or retracted since. The source itself
    (`GET /sources/{id}/`) has the body and the rest."""

    class Meta:
        model = Source
        fields = names(SOURCE_SUMMARY)
        read_only_fields = fields


class MembershipSummarySerializer(serializers.ModelSerializer):
    """A membership as shown in an attribution: the speaker's role at the time, in which
    organization (by id), from when to when (partial dates). The membership itself
    (`GET /memberships/{id}/`) has the rest."""

    class Meta:
        model = Membership
        fields = names(MEMBERSHIP_SUMMARY)
        read_only_fields = fields


class StatementSummarySerializer(serializers.ModelSerializer):
    """A statement as shown inside a relation: its id, text and status."""

    class Meta:
        model = Statement
        fields = names(STATEMENT_SUMMARY)
        read_only_fields = fields


# --- Speaker ----------------------------------------------------------------------------------


class SpeakerSerializer(
    SelectedFieldsSerializerMixin, StrictSerializerMixin, serializers.ModelSerializer
):
    """Who makes statements: a person, an organization, a government or a group, or an
    unnamed speaker that a source does not identify ("analysts", "a senior US official").
    The speakers list (`q`) and the statement search find a speaker by its name or any of
    its aliases."""

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

    shape = SPEAKER

    class Meta:
        model = Speaker
        fields = names(SPEAKER)

    def validate_wikidata_id(self, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        Speaker._meta.get_field("wikidata_id").run_validators(value)
        return value

    def validate_aliases(self, value: list[str]) -> list[str]:
        # Keep the order given, without blanks or repeats.
        return list(dict.fromkeys(alias.strip() for alias in value if alias.strip()))


# --- Source -----------------------------------------------------------------------------------


class SourceSerializer(
    SelectedFieldsSerializerMixin, StrictSerializerMixin, serializers.ModelSerializer
):
    """A document that reports statements: a news article, a press briefing, a transcript,
    an official statement, a social media post… Its body is the full text in which the
    attributions' quotes are found; its status says whether it has since been corrected or
    retracted."""

    url = NormalizedURLField(
        max_length=Source._meta.get_field("url").max_length,
        validators=[
            *model_validators(Source, "url"),
            UniqueValidator(Source.objects.all(), message="A source with this URL exists."),
        ],
        help_text="Stored normalized: lower-case host, no fragment, no tracking parameters.",
    )

    shape = SOURCE

    class Meta:
        model = Source
        fields = names(SOURCE)
        read_only_fields = ["body_sha256"]


# --- Attribution ------------------------------------------------------------------------------


CORRECTION_NOTE_HELP = (
    "The public note of a correction: what was corrected and why. Required to change a "
    "published statement (or its attributions) as a reviewer, shown with the statement from "
    "then on in `corrections`; not stored otherwise. An editor's change to a published "
    "statement is proposed instead (202, a revision), without a note: the reviewer who "
    "approves it writes it."
)


class QuoteSerializer(StrictSerializerMixin, serializers.Serializer):
    """Where the statement stands in the source's body: a W3C TextQuoteSelector (exact,
    prefix, suffix) and the TextPositionSelector (start, end) that the server fills, with
    the anchor's status (re-verified whenever the source's body changes)."""

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
    status = serializers.ChoiceField(
        source="quote_status",
        choices=AnchorStatus.choices,
        read_only=True,
        help_text=(
            "Whether the quote stands where `start` and `end` say (set by the server): "
            "`anchored`, found by its words in the source's body; `reanchored`, found again "
            "by an approximate match after the body changed (the words are the body's new "
            "ones); `orphaned`, not found after the body changed (`start` and `end` are those "
            "of the body it was anchored in, whose digest is `body_sha256`); `unanchored`, "
            "the source has no body."
        ),
    )
    body_sha256 = serializers.CharField(
        source="quote_body_sha256",
        read_only=True,
        help_text=(
            "SHA-256 of the body the quote was last found in (set by the server): the "
            "source's `body_sha256` unless the quote is orphaned; empty when unanchored."
        ),
    )

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        value.setdefault("quote_prefix", "")
        value.setdefault("quote_suffix", "")
        return value


NO_QUOTE = {"quote_exact": "", "quote_prefix": "", "quote_suffix": ""}


class AttributionFieldsSerializer(
    SelectedFieldsSerializerMixin, StrictSerializerMixin, serializers.ModelSerializer
):
    """An attribution as it appears inside a statement: who made the statement (and for
    whom), which source reports it, and how. Read and written with the statement, which it
    therefore does not name."""

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
    role_at_the_time = MembershipSummarySerializer(
        read_only=True,
        allow_null=True,
        help_text=(
            "The speaker's membership that held on `stated_on`, else on the day the source "
            "was published (set by the server from the speaker's memberships; null when "
            "none held or the day is unknown). When several held, the latest start wins. "
            "Beside `speaker_role`, the role as the source printed it."
        ),
    )
    quote = QuoteSerializer(source="*", required=False, allow_null=True)

    shape = ATTRIBUTION

    class Meta:
        model = Attribution
        fields = names(ATTRIBUTION)

    def to_internal_value(self, data):
        if isinstance(data, Mapping) and "quote" in data and data["quote"] is None:
            data = {key: value for key, value in data.items() if key != "quote"}
            return {**super().to_internal_value(data), **NO_QUOTE}
        return super().to_internal_value(data)

    def to_representation(self, instance):
        representation = super().to_representation(instance)
        if "quote" in representation and not instance.quote_exact:
            representation["quote"] = None
        return representation


class AttributionSerializer(AttributionFieldsSerializer):
    """The link of a statement, the speaker who made it and the source that reports it,
    saying how the source renders it: quoted, paraphrased or summarised (`mode`), as what
    kind of speech act, with which reporting verb, the speaker's role at the time, on whose
    behalf, on what occasion and when, and where in the source's body the words stand."""

    statement = IdRelatedField(
        queryset=Statement.objects.all(), help_text="Id of the statement attributed."
    )

    correction_note = TextField(
        write_only=True,
        required=False,
        **model_text_kwargs(Correction, "note"),
        help_text=CORRECTION_NOTE_HELP,
    )

    shape = ATTRIBUTION_RESOURCE

    class Meta(AttributionFieldsSerializer.Meta):
        fields = [*names(ATTRIBUTION_RESOURCE), "correction_note"]


# --- Relation ---------------------------------------------------------------------------------


class RelationSerializer(
    SelectedFieldsSerializerMixin, StrictSerializerMixin, serializers.ModelSerializer
):
    """How one statement bears on another: `from_statement` denies, contradicts, supports,
    updates, responds to or makes the same claim as `to_statement`, with a note saying
    why."""

    shape = RELATION

    class Meta:
        model = Relation
        fields = names(RELATION)
        # Uniqueness is checked by the service, with a message naming the field.
        validators = []


class StatementRelationSerializer(serializers.ModelSerializer):
    """A relation as shown on either of its statements: its kind, the two statements in
    summary and the note."""

    from_statement = StatementSummarySerializer(read_only=True)
    to_statement = StatementSummarySerializer(read_only=True)

    class Meta:
        model = Relation
        fields = names(STATEMENT_RELATION)
        read_only_fields = fields


# --- Statement --------------------------------------------------------------------------------


class CorrectionSerializer(serializers.ModelSerializer):
    """A correction notice: when a published statement was corrected, and the public note
    saying what changed."""

    class Meta:
        model = Correction
        fields = names(CORRECTION)
        read_only_fields = fields


class TopicsField(serializers.ListField):
    """Written as a list of names, read as the list of the statement's topic slugs."""

    def to_representation(self, topics):
        return [topic.slug for topic in topics.all()]


class StatementListSerializer(serializers.ListSerializer):
    def to_representation(self, data):
        # One writer for the whole page: each summary built once.
        writer = representations.Writer()
        items = data.all() if hasattr(data, "all") else data
        shape = self.context.get("shape", STATEMENT)
        return [writer.statement(item, shape) for item in items]


# Reads are built by ``representations.statement`` (same output, a fraction of the time);
# the fields below declare the shape for the schema and for writes.
class StatementSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """A claim, in the speaker's words for a quote or else as a neutral paraphrase, with its
    attributions (who made it, which sources report it) and its relations to other
    statements. Drafts are visible to editors, reviewers and admins only, until published;
    a retracted statement is withdrawn from the public and says why."""

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
    corrections = CorrectionSerializer(
        many=True,
        read_only=True,
        help_text="The statement's correction notices since it was published, oldest first.",
    )
    correction_note = TextField(
        write_only=True,
        required=False,
        **model_text_kwargs(Correction, "note"),
        help_text=CORRECTION_NOTE_HELP,
    )

    class Meta:
        model = Statement
        fields = [*names(STATEMENT), "correction_note"]
        read_only_fields = ["status", "retraction_reason"]
        list_serializer_class = StatementListSerializer

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is None and "correction_note" in attrs:
            raise serializers.ValidationError(
                {"correction_note": "A new statement is a draft: it needs no correction note."}
            )
        return attrs

    def to_representation(self, instance: Statement) -> dict[str, Any]:
        # ``shape``: the fields a read selected (``?fields=``), else all of them.
        return representations.statement(instance, shape=self.context.get("shape", STATEMENT))

    @extend_schema_field(StatementRelationSerializer(many=True))
    def get_relations(self, statement: Statement) -> list[dict[str, Any]]:
        relations = representations.relations_of(statement)
        return StatementRelationSerializer(relations, many=True, context=self.context).data


# --- Revisions (statements.corrections) -------------------------------------------------------


class RevisionSerializer(serializers.ModelSerializer):
    """An editor's change to a published statement, waiting for a reviewer (`pending`),
    applied (`approved`, with the public note of its correction) or refused (`rejected`,
    with the reason). `proposed` is the change as `PATCH statements/{id}/` takes it, the
    fields given only; `base_version` the statement's version it was made on (its latest
    change in the feed): once the statement changes otherwise, the revision is stale and
    cannot be approved (409)."""

    proposed_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, help_text="The editor who proposed it."
    )
    decided_by = serializers.SlugRelatedField(
        slug_field="username",
        read_only=True,
        allow_null=True,
        help_text="The reviewer who approved or rejected it.",
    )
    note = serializers.CharField(
        source="correction.note",
        read_only=True,
        allow_null=True,
        help_text="The public note of the correction it became (approved), else null.",
    )
    proposed = serializers.JSONField(
        read_only=True, help_text="The change, as `PATCH statements/{id}/` takes it."
    )

    class Meta:
        model = Revision
        fields = [
            "id",
            "statement",
            "status",
            "proposed",
            "base_version",
            "proposed_by",
            "proposed_at",
            "decided_by",
            "decided_at",
            "note",
            "rejection_reason",
        ]
        read_only_fields = fields


class ApproveSerializer(StrictSerializerMixin, serializers.Serializer):
    """The public note of the correction an approved revision makes."""

    note = TextField(
        **model_text_kwargs(Correction, "note"),
        help_text="What was corrected and why; shown with the statement from then on.",
    )


class RejectSerializer(StrictSerializerMixin, serializers.Serializer):
    """Why a revision is refused (for its proposer)."""

    reason = TextField(
        **model_text_kwargs(Revision, "rejection_reason"),
        help_text="Why the revision is rejected.",
    )


# --- History ----------------------------------------------------------------------------------


class HistoryUserSerializer(serializers.Serializer):
    """The user who made a version."""

    id = serializers.IntegerField()
    username = serializers.CharField()


class FieldChangeSerializer(serializers.Serializer):
    """One field changed by a version: its value before and after."""

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
    """Why a published statement is withdrawn."""

    reason = TextField(
        **model_text_kwargs(Statement, "retraction_reason"),
        help_text="Why the statement is retracted; shown with it from then on.",
    )


# --- Suggestion -------------------------------------------------------------------------------


class SuggestedSpeakerSerializer(serializers.Serializer):
    """Who the suggestion says spoke: an existing speaker, or one proposed as new."""

    id = serializers.IntegerField(
        source="speaker_id",
        allow_null=True,
        help_text="The existing speaker's id; null for a new speaker, created on acceptance.",
    )
    name = serializers.CharField(source="speaker_name")
    kind = serializers.ChoiceField(source="speaker_kind", choices=SpeakerKind.choices)


class SuggestedQuoteSerializer(serializers.Serializer):
    """Where the passage stands in the source's body, as an attribution's ``quote``: a W3C
    TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end)."""

    exact = serializers.CharField(help_text="The passage, as in the body.")
    prefix = serializers.CharField(help_text="Text just before it, when it repeats.")
    suffix = serializers.CharField(help_text="Text just after it, when it repeats.")
    start = serializers.IntegerField(help_text="Offset of its first character in the body.")
    end = serializers.IntegerField(help_text="Offset just past its last character.")


class SuggestionSerializer(serializers.Serializer):
    """One attribution the rules suggest for a source: nothing is saved until it is accepted."""

    key = serializers.CharField(
        help_text="Stable across runs for the same speaker and passage: accept or reject by it."
    )
    speaker = SuggestedSpeakerSerializer(source="*")
    quote = SuggestedQuoteSerializer(source="*")
    mode = serializers.ChoiceField(choices=AttributionMode.choices)
    speech_act = serializers.ChoiceField(choices=SpeechAct.choices)
    verb = serializers.CharField(help_text="The reporting verb, as written.")
    speaker_role = serializers.CharField(help_text="The speaker's role, when the text says it.")
    occasion = serializers.CharField(help_text="Where or when it was said, when the text says.")
    confidence = serializers.FloatField(min_value=0, max_value=1)


class SuggestionListSerializer(serializers.Serializer):
    """The suggestions still open for a source, in the order of the body."""

    source = serializers.IntegerField(help_text="The source's id.")
    count = serializers.IntegerField()
    suggestions = SuggestionSerializer(many=True)


class SuggestionAcceptSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """Edit, then accept: any of these replaces the suggested value (a field left out keeps
    it). ``speaker`` picks an existing speaker instead of the suggested or proposed one;
    ``text`` is the new statement's text (by default the passage, without its quotation
    marks when it is a direct quote)."""

    # Checked as the statement's own field is (its length, no control characters).
    text = serializers.CharField(
        **{
            name: value
            for name, value in get_field_kwargs("text", Statement._meta.get_field("text")).items()
            if name in ("max_length", "validators", "style")
        },
        required=False,
        help_text="The statement's text. Default: the passage, without its quotation marks "
        "when it is a direct quote.",
    )

    class Meta:
        model = Attribution
        fields = [
            "text",
            "speaker",
            "on_behalf_of",
            "mode",
            "speech_act",
            "verb",
            "speaker_role",
            "occasion",
            "stated_on",
        ]
        extra_kwargs = {name: {"required": False} for name in fields}


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
    "SuggestedQuoteSerializer",
    "SuggestedSpeakerSerializer",
    "SuggestionAcceptSerializer",
    "SuggestionListSerializer",
    "SuggestionSerializer",
]


# --- Change feed ------------------------------------------------------------------------------


class ChangeSerializer(serializers.Serializer):
    """One change of the feed: what changed (a statement, a speaker or a source), how and
    when. Its representation is not in it: read it at ``url`` (a retracted statement
    answers 410 with the reason, a deleted object 404)."""

    kind = serializers.ChoiceField(
        choices=ChangeKind.choices,
        help_text=(
            "created, updated, published, corrected (a reviewed correction of a published "
            "statement), retracted or deleted. The public sees a statement first as "
            "published; a change of an attribution or a relation is an update of its "
            "statement(s)."
        ),
    )
    object = serializers.ChoiceField(
        choices=ChangeObject.choices, source="object_type", help_text="What changed."
    )
    id = serializers.IntegerField(source="object_id", help_text="The changed object's id.")
    at = serializers.DateTimeField(help_text="When the change was made (UTC).")
    note = serializers.CharField(
        help_text="A retraction's reason, a correction's note; empty for the other kinds."
    )
    url = serializers.URLField(help_text="Where the object is read (GET).")

    @cached_property
    def list_urls(self) -> dict[str, str]:
        """The list URL of each kind of object, from the context (``urls``)."""
        return self.context["urls"]

    def to_representation(self, instance: Any) -> dict[str, Any]:
        # Written directly, a page of a thousand at the feed's pace; the fields above
        # document it.
        return {
            "kind": instance.kind,
            "object": instance.object_type,
            "id": instance.object_id,
            "at": instance.at,  # ISO 8601 already (``changes.IsoDateTime``)
            "note": instance.note,
            "url": f"{self.list_urls[instance.object_type]}{instance.object_id}/",
        }
