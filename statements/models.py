"""The domain: speakers make statements, sources report them, attributions link the three."""

import copy
import datetime
import functools
import hashlib
from collections.abc import Mapping
from operator import attrgetter
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.utils.dateparse import parse_date, parse_datetime
from simple_history.models import HistoricalRecords

from statements.choices import (
    AnchorStatus,
    AttributionMode,
    RelationKind,
    RevisionStatus,
    SourceKind,
    SourceStatus,
    SpeakerKind,
    SpeechAct,
    StatementStatus,
)
from statements.validators import (
    WIKIDATA_ID_PATTERN,
    TextListValidator,
    partial_date_range,
    validate_country_code,
    validate_language_tag,
    validate_no_control_characters,
    validate_partial_date,
    validate_url_parts,
    validate_wikidata_id,
)

# --- Limits -----------------------------------------------------------------------------------
#
# Every text is bounded on purpose; the API states each bound in its schema (maxLength) and
# refuses more with a 400 naming the field and the limit; the admin and the import read the
# same fields. The two long texts fit PostgreSQL's tsvector (at most 1 MB of lexemes and
# positions) however they are written: the heaviest text known costs 7.5 bytes of vector a
# character (pairs of four-byte letters joined by hyphens, indexed as the pair and as each
# part), so a body at its limit needs at most ~750 kB, and a statement's text at its limit
# ~75 kB, a tenth of the vector, the rest left to its speakers' names and sources' titles.

STATEMENT_TEXT_MAX_LENGTH = 10_000
SOURCE_BODY_MAX_LENGTH = 100_000
QUOTE_MAX_LENGTH = 10_000  # the quoted words; a statement's text is at most that long too
NOTE_MAX_LENGTH = 2_000  # a retraction's reason, a relation's note
DESCRIPTION_MAX_LENGTH = 5_000
ALIAS_MAX_LENGTH = 200
MAX_ALIASES = 50
TOPIC_MAX_LENGTH = 100  # a topic's name as written, and its slug
MAX_TOPICS_PER_STATEMENT = 50
MAX_ATTRIBUTIONS_PER_STATEMENT = 100

# Every text field's validators, besides its length: no control characters.
TEXT = [validate_no_control_characters]
# A topic's name as written: it is stored as its slug, so it is at most as long.
TOPIC_NAME_VALIDATORS = (MaxLengthValidator(TOPIC_MAX_LENGTH), *TEXT)


class BoundedTextField(models.TextField):
    """A TextField whose ``max_length`` is a rule, validated by ``full_clean`` like a
    CharField's, not only a hint to the admin's widget; the column stays ``text``."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            self.validators.append(MaxLengthValidator(self.max_length))


# --- Validation of field values ---------------------------------------------------------------
#
# What a field accepts is read from the field itself: required or not, its type, its choices
# and its validators (its length, no control characters, a language tag, a URL, ...). The
# services check every instance with it before writing, and the import every line's values:
# one definition of each rule. Without a query, so that an import checks thousands of lines a
# second: relations and uniqueness are the services' and the database's to check.

BLANK_MESSAGE = "This field may not be blank."


def _parsed(value: Any, parse, kind: type, what: str) -> Any:
    """A date or date-time: given as one, or as ISO 8601 text read by ``parse``."""
    if isinstance(value, kind):
        return value
    try:
        parsed = parse(value) if isinstance(value, str) else None
    except ValueError:  # well formed but no such day ("2024-02-30")
        parsed = None
    if parsed is None:
        raise ValidationError(f"Not an ISO 8601 {what}.", code="invalid")
    return parsed


def clean_value(field: models.Field, value: Any) -> Any:
    """``value`` as ``field`` stores it; raises ValidationError saying why the field refuses
    it."""
    if value is None:
        if not field.null:
            raise ValidationError("This field may not be null.", code="null")
        return None
    if isinstance(field, models.CharField | models.TextField):
        if not isinstance(value, str):
            raise ValidationError(
                f"Must be a string, not {type(value).__name__}.", code="not_a_string"
            )
        if not value.strip():
            if not field.blank:
                raise ValidationError(BLANK_MESSAGE, code="blank")
            if not value:
                return None if field.null else value  # no value is NULL where NULL is allowed
    elif isinstance(field, models.DateTimeField):
        value = _parsed(value, parse_datetime, datetime.datetime, "date-time")
    elif isinstance(field, models.DateField):
        value = _parsed(value, parse_date, datetime.date, "date")
    else:
        value = field.to_python(value)
        if not field.blank and value in field.empty_values:
            raise ValidationError(BLANK_MESSAGE, code="blank")
    if field.choices and value not in _choice_values(field):
        known = ", ".join(sorted(_choice_values(field)))
        raise ValidationError(f"{value!r} is not one of: {known}.", code="invalid_choice")
    field.run_validators(value)
    return value


@functools.cache
def _choice_values(field: models.Field) -> frozenset:
    return frozenset(value for value, _ in field.flatchoices)


@functools.cache
def _own_fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    """The fields an instance's own values fill: neither its id, nor its relations, nor the
    fields that are derived (the timestamps, a body's digest)."""
    return tuple(
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and not field.is_relation
    )


class ValidatedModel(models.Model):
    """A model whose field values are checked by its fields' own rules (``clean_value``)."""

    class Meta:
        abstract = True

    @classmethod
    def clean_values(cls, values: Mapping[str, Any]) -> dict[str, Any]:
        """``values`` (by field name) as the fields store them; raises ValidationError naming
        each field that refuses its value."""
        cleaned, errors = {}, {}
        for name, value in values.items():
            try:
                cleaned[name] = clean_value(cls._meta.get_field(name), value)
            except ValidationError as error:
                errors[name] = error.error_list
        if errors:
            raise ValidationError(errors)
        return cleaned

    def validate_fields(self) -> None:
        """Check this instance's own values (``clean_values``) and keep them as cleaned; the
        services call it before every write."""
        values = {field.attname: getattr(self, field.attname) for field in _own_fields(type(self))}
        for name, value in self.clean_values(values).items():
            setattr(self, name, value)


class TimeStampedModel(ValidatedModel):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def _in_choices(field: str, choices: type[models.TextChoices]) -> Q:
    return Q(**{f"{field}__in": choices.values})


# --- Speaker ----------------------------------------------------------------------------------


class Speaker(TimeStampedModel):
    name = models.CharField(max_length=200, db_index=True, validators=TEXT)
    kind = models.CharField(max_length=20, choices=SpeakerKind.choices)
    aliases = models.JSONField(
        default=list,
        blank=True,
        validators=[TextListValidator(max_items=MAX_ALIASES, max_length=ALIAS_MAX_LENGTH)],
        help_text='Other spellings: "Zelensky", "Zelenskiy".',
    )
    description = BoundedTextField(blank=True, max_length=DESCRIPTION_MAX_LENGTH, validators=TEXT)
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[validate_country_code],
        help_text="ISO 3166-1 alpha-2 code, e.g. KR.",
    )
    wikidata_id = models.CharField(
        max_length=16,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_wikidata_id],
        help_text='Wikidata item id, e.g. "Q6279".',
    )

    history = HistoricalRecords(no_db_index=["name", "wikidata_id", "created_at"])

    class Meta:
        ordering = ["name", "id"]
        permissions = [("merge_speaker", "Can merge a speaker into another")]
        constraints = [
            models.CheckConstraint(
                condition=_in_choices("kind", SpeakerKind), name="speaker_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(wikidata_id__isnull=True) | Q(wikidata_id__regex=WIKIDATA_ID_PATTERN),
                name="speaker_wikidata_id_format",
            ),
            models.CheckConstraint(
                condition=Q(country="") | Q(country__regex=r"^[A-Z]{2}$"),
                name="speaker_country_format",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class SpeakerRedirect(models.Model):
    """The id of a speaker merged into another (``speaker_merge``): reads of that id
    answer with the survivor, as Wikibase keeps a merged item as a redirect. A chain of
    merges points every old id at the last survivor. Who merged is in the speakers'
    histories."""

    old_id = models.BigIntegerField(primary_key=True)
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="redirects")
    name = models.CharField(max_length=200, help_text="The merged speaker's name.")
    merged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_id"]

    def __str__(self) -> str:
        return f"Speaker #{self.old_id} ({self.name}) merged into #{self.speaker_id}"


# --- Source -----------------------------------------------------------------------------------


class Source(TimeStampedModel):
    title = models.CharField(max_length=500, validators=TEXT)
    url = models.URLField(
        max_length=2000,
        unique=True,
        validators=[validate_url_parts, *TEXT],
        help_text="Stored normalized.",
    )
    publisher = models.CharField(max_length=200, blank=True, db_index=True, validators=TEXT)
    kind = models.CharField(
        max_length=20, choices=SourceKind.choices, default=SourceKind.NEWS_ARTICLE
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    language = models.CharField(
        max_length=35, default="en", validators=[validate_language_tag, *TEXT]
    )
    body = BoundedTextField(
        blank=True,
        max_length=SOURCE_BODY_MAX_LENGTH,
        validators=TEXT,
        help_text="The full text; quotes are anchored in it.",
    )
    body_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    archived_url = models.URLField(
        max_length=2000, blank=True, validators=[validate_url_parts, *TEXT]
    )
    status = models.CharField(
        max_length=10, choices=SourceStatus.choices, default=SourceStatus.CURRENT
    )

    history = HistoricalRecords(no_db_index=["publisher", "published_at", "url", "created_at"])

    class Meta:
        ordering = ["-published_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=_in_choices("kind", SourceKind), name="source_kind_valid"
            ),
            models.CheckConstraint(
                condition=_in_choices("status", SourceStatus), name="source_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.publisher})" if self.publisher else self.title

    def save(self, *args, **kwargs) -> None:
        # The digest is derived from the body, so it is kept next to it on every save.
        self.body_sha256 = hashlib.sha256(self.body.encode()).hexdigest() if self.body else ""
        if kwargs.get("update_fields") and "body" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_sha256"}
        super().save(*args, **kwargs)


# --- Membership -------------------------------------------------------------------------------


# Who may be a member, and of what (Popolo: a person's membership of an organization).
MEMBER_KINDS = (SpeakerKind.PERSON,)
ORGANIZATION_KINDS = (SpeakerKind.ORGANIZATION, SpeakerKind.GOVERNMENT, SpeakerKind.GROUP)


class Membership(TimeStampedModel):
    """A person's membership of an organization or a government, in a role, over a
    period, and the source that says so (Popolo's Membership). ``start`` and ``end`` are
    partial dates (a year, a month or a day); ``valid_from`` and ``valid_until`` are the
    first day the start covers and the last day the end covers, kept with them."""

    person = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="memberships")
    organization = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="members")
    role = models.CharField(max_length=200, validators=TEXT, help_text='"US Secretary of Defense".')
    start = models.CharField(
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text='A year, a month or a day: "2021", "2021-01", "2021-01-22"; blank: unknown.',
    )
    end = models.CharField(
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text="As start; blank: still a member (or unknown).",
    )
    valid_from = models.DateField(null=True, blank=True, editable=False)
    valid_until = models.DateField(null=True, blank=True, editable=False)
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        help_text="The source that says so.",
    )

    history = HistoricalRecords(no_db_index=["person", "organization", "source", "created_at"])

    class Meta:
        ordering = ["person", "valid_from", "id"]
        indexes = [models.Index(fields=["person", "valid_from"], name="membership_person_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(person=F("organization")), name="membership_not_of_itself"
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_until__isnull=True)
                | Q(valid_from__lte=F("valid_until")),
                name="membership_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.role}, {self.organization}"

    def save(self, *args, **kwargs) -> None:
        self.derive_bounds()
        if kwargs.get("update_fields"):
            kwargs["update_fields"] = {*kwargs["update_fields"], "valid_from", "valid_until"}
        super().save(*args, **kwargs)

    def derive_bounds(self) -> None:
        """Set ``valid_from`` and ``valid_until`` from ``start`` and ``end`` (valid ones)."""
        self.valid_from = partial_date_range(self.start)[0] if self.start else None
        self.valid_until = partial_date_range(self.end)[1] if self.end else None


# --- Statement --------------------------------------------------------------------------------


class Topic(models.Model):
    slug = models.SlugField(max_length=TOPIC_MAX_LENGTH, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug


class StatementRelations:
    """``statement.relations``: its relations in both directions, ordered by id.

    Prefetchable in one query for a whole page, where the two reverse relations
    (``relations_out``, ``relations_in``) would take one each:
    ``prefetch_related(Prefetch("relations", queryset=..., to_attr="prefetched_relations"))``
    reads ``from_statement IN page OR to_statement IN page`` and lists a relation between two
    statements of the page on both.
    """

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        relations = Relation.objects.filter(
            models.Q(from_statement=instance) | models.Q(to_statement=instance)
        )
        return list(relations.order_by("id"))

    def is_cached(self, instance) -> bool:
        return False

    def get_prefetch_querysets(self, instances, querysets=None):
        queryset = querysets[0] if querysets else Relation.objects.order_by("id")
        ids = {instance.pk for instance in instances}
        owned = []
        for relation in queryset.filter(
            models.Q(from_statement_id__in=ids) | models.Q(to_statement_id__in=ids)
        ):
            for owner_id in {relation.from_statement_id, relation.to_statement_id} & ids:
                # One object per statement that lists it: prefetching files each object
                # under one key.
                listed = copy.copy(relation)
                listed.listed_on_id = owner_id
                owned.append(listed)
        return owned, attrgetter("listed_on_id"), attrgetter("pk"), False, "relations", False


class Statement(TimeStampedModel):
    text = BoundedTextField(
        max_length=STATEMENT_TEXT_MAX_LENGTH,
        validators=TEXT,
        help_text="Verbatim for a quote, otherwise a neutral paraphrase.",
    )
    language = models.CharField(
        max_length=35, default="en", validators=[validate_language_tag, *TEXT]
    )
    topics = models.ManyToManyField(Topic, related_name="statements", blank=True)
    status = models.CharField(
        max_length=10,
        choices=StatementStatus.choices,
        default=StatementStatus.DRAFT,
        db_index=True,
    )
    retraction_reason = BoundedTextField(blank=True, max_length=NOTE_MAX_LENGTH, validators=TEXT)

    history = HistoricalRecords(m2m_fields=[topics], no_db_index=["status", "created_at"])
    relations = StatementRelations()

    class Meta:
        ordering = ["id"]
        permissions = [
            ("publish_statement", "Can publish a statement"),
            ("retract_statement", "Can retract a statement"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=_in_choices("status", StatementStatus), name="statement_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=StatementStatus.RETRACTED) | ~Q(retraction_reason=""),
                name="statement_retraction_has_reason",
            ),
        ]
        indexes = [
            # Which statements are published, read from the index alone: a filter's count
            # (a speaker's thousands of statements) checks each one here, not in the table.
            models.Index(
                fields=["id"],
                condition=Q(status=StatementStatus.PUBLISHED),
                name="statement_published_ids",
            ),
            # The latest retractions (the admin's front page): a retracted statement is
            # frozen, so its last change is its retraction.
            models.Index(
                fields=["updated_at", "id"],
                condition=Q(status=StatementStatus.RETRACTED),
                name="statement_retracted_updates",
            ),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}…"

    @staticmethod
    def rule_errors(*, status: str, retraction_reason: str) -> dict[str, ValidationError]:
        """The rule between a statement's fields that every writer checks (the database's
        constraint too): a retracted statement says why. Errors by field."""
        if status == StatementStatus.RETRACTED and not retraction_reason.strip():
            message = "A retracted statement needs a reason."
            return {"retraction_reason": ValidationError(message, code="required")}
        return {}

    @staticmethod
    def validate_lists(*, topics: Any = (), attributions: Any = ()) -> None:
        """A statement's topics as written (at most ``MAX_TOPICS_PER_STATEMENT`` names, each
        at most as long as a topic's slug, without control characters) and the number of its
        attributions; raises ValidationError naming "topics", "topics.<index>" or
        "attributions"."""
        errors: dict[str, Any] = {}
        if not isinstance(topics, list | tuple) or not all(isinstance(t, str) for t in topics):
            errors["topics"] = ValidationError("Must be a list of strings.", code="invalid")
        elif len(topics) > MAX_TOPICS_PER_STATEMENT:
            errors["topics"] = _too_many(MAX_TOPICS_PER_STATEMENT)
        else:
            for index, name in enumerate(topics):
                try:
                    for validator in TOPIC_NAME_VALIDATORS:
                        validator(name)
                except ValidationError as error:
                    errors[f"topics.{index}"] = error.error_list
        if len(attributions) > MAX_ATTRIBUTIONS_PER_STATEMENT:
            errors["attributions"] = _too_many(MAX_ATTRIBUTIONS_PER_STATEMENT)
        if errors:
            raise ValidationError(errors)


def _too_many(limit: int) -> ValidationError:
    return ValidationError(
        "Ensure this field has no more than %(limit)d elements.",
        code="max_length",
        params={"limit": limit},
    )


# --- Attribution ------------------------------------------------------------------------------


# The message of the attributions' unique constraint, which the services and the import give.
ALREADY_ATTRIBUTED = "This speaker is already attributed this statement in this source."


class Attribution(TimeStampedModel):
    """Who made a statement, which source reports it, and how the source renders it."""

    # Without an index of their own: the unique constraint and the two indexes below begin
    # with each of them.
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="attributions", db_index=False
    )
    # PROTECT: a speaker or a source cannot vanish from under the statements it backs.
    speaker = models.ForeignKey(
        Speaker, on_delete=models.PROTECT, related_name="attributions", db_index=False
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="attributions", db_index=False
    )
    mode = models.CharField(max_length=20, choices=AttributionMode.choices)
    speech_act = models.CharField(max_length=20, choices=SpeechAct.choices)
    verb = models.CharField(
        max_length=60,
        blank=True,
        validators=TEXT,
        help_text='The reporting verb: "claims", "warned", "denied".',
    )
    speaker_role = models.CharField(
        max_length=200,
        blank=True,
        validators=TEXT,
        help_text='The role at the time: "US defence secretary".',
    )
    on_behalf_of = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="represented_in",
        help_text="Kirby speaks for the US government, a spokesperson for a ministry.",
    )
    occasion = models.CharField(max_length=300, blank=True, validators=TEXT)
    stated_on = models.DateField(null=True, blank=True, db_index=True)
    # W3C Web Annotation TextQuoteSelector (exact, prefix, suffix) and
    # TextPositionSelector (start, end) into the source's body.
    quote_exact = BoundedTextField(blank=True, max_length=QUOTE_MAX_LENGTH, validators=TEXT)
    quote_prefix = models.CharField(max_length=500, blank=True, validators=TEXT)
    quote_suffix = models.CharField(max_length=500, blank=True, validators=TEXT)
    quote_start = models.PositiveIntegerField(null=True, blank=True)
    quote_end = models.PositiveIntegerField(null=True, blank=True)
    # Whether the quote still stands where start and end say (set by anchoring, never typed;
    # a database default for rows bulk-loaded without it). Its changes, with the offsets'
    # old and new values, are in the history.
    quote_status = models.CharField(
        max_length=12,
        choices=AnchorStatus.choices,
        default=AnchorStatus.UNANCHORED,
        db_default=AnchorStatus.UNANCHORED,
        db_index=True,
    )
    # The SHA-256 of the body the quote was last found in (the source's ``body_sha256`` then):
    # an orphaned quote keeps that of the body its offsets belong to.
    quote_body_sha256 = models.CharField(max_length=64, blank=True, default="", db_default="")
    # The speaker's membership valid when they spoke (``statements.memberships``): derived,
    # kept by the services whenever the attribution, its source's date or the speaker's
    # memberships change.
    role_at_the_time = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords(
        no_db_index=[
            "speaker",
            "source",
            "on_behalf_of",
            "stated_on",
            "created_at",
            "quote_status",
            "role_at_the_time",
        ]
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "speaker", "source"],
                name="attribution_unique_statement_speaker_source",
                violation_error_message=ALREADY_ATTRIBUTED,
            ),
            models.CheckConstraint(
                condition=_in_choices("mode", AttributionMode), name="attribution_mode_valid"
            ),
            models.CheckConstraint(
                condition=_in_choices("speech_act", SpeechAct),
                name="attribution_speech_act_valid",
            ),
            models.CheckConstraint(
                condition=_in_choices("quote_status", AnchorStatus),
                name="attribution_quote_status_valid",
            ),
            models.CheckConstraint(
                condition=(
                    Q(quote_start__isnull=True, quote_end__isnull=True)
                    | Q(quote_start__isnull=False, quote_end__gte=F("quote_start"))
                ),
                name="attribution_quote_position_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["speaker", "statement"], name="attribution_speaker_idx"),
            models.Index(fields=["source", "statement"], name="attribution_source_idx"),
            # The quotes not found in their source (the admin's front page lists and counts
            # them, the attributions' list filters them): a handful among a million, found
            # here rather than by reading them all.
            models.Index(
                fields=["id"],
                condition=Q(quote_status__in=[AnchorStatus.ORPHANED, AnchorStatus.UNANCHORED])
                & ~Q(quote_exact=""),
                name="attribution_not_in_text_ids",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.speaker} in {self.source}: {self.statement}"

    @staticmethod
    def rule_errors(
        *, mode: str, quote_exact: str, speaker: Any, on_behalf_of: Any
    ) -> dict[str, ValidationError]:
        """The rules between an attribution's fields that every writer checks (the services,
        the import): a direct quote has its exact words, and a speaker does not speak on
        their own behalf. ``speaker`` and ``on_behalf_of`` are anything equal for one
        speaker (ids, or the import's keys), ``on_behalf_of`` None for nobody. Errors by
        field, named as the API names them."""
        errors = {}
        if mode == AttributionMode.DIRECT_QUOTE and not quote_exact:
            message = "A direct quote needs its exact words."
            errors["quote.exact"] = ValidationError(message, code="required")
        if on_behalf_of is not None and on_behalf_of == speaker:
            message = "A speaker does not speak on their own behalf."
            errors["on_behalf_of"] = ValidationError(message, code="invalid")
        return errors


# --- Relation ---------------------------------------------------------------------------------


class Relation(TimeStampedModel):
    """A statement's bearing on another: the denial denies the claim."""

    from_statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="relations_out"
    )
    to_statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="relations_in"
    )
    kind = models.CharField(max_length=20, choices=RelationKind.choices)
    note = BoundedTextField(blank=True, max_length=NOTE_MAX_LENGTH, validators=TEXT)

    history = HistoricalRecords(no_db_index=["created_at"])

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_statement", "to_statement", "kind"],
                name="relation_unique_kind_between_statements",
                violation_error_message="These statements already have a relation of this kind.",
            ),
            models.CheckConstraint(
                condition=~Q(from_statement=F("to_statement")), name="relation_not_to_itself"
            ),
            models.CheckConstraint(
                condition=_in_choices("kind", RelationKind), name="relation_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"#{self.from_statement_id} {self.get_kind_display().lower()} #{self.to_statement_id}"
        )


# --- Claim ------------------------------------------------------------------------------------


class ClaimMember(models.Model):
    """A statement's claim: the statements that ``same_claim`` relations join, in either
    direction and through any number of them, make one claim, keyed by the smallest id
    among them (``statements.claims``). Only statements with a ``same_claim`` relation have
    a row; any other statement is a claim of its own. Kept by the relation services, in
    the transaction that changes the relations."""

    statement = models.OneToOneField(
        Statement, on_delete=models.CASCADE, primary_key=True, related_name="claim_member"
    )
    claim_id = models.BigIntegerField(db_index=True)

    class Meta:
        ordering = ["claim_id", "statement_id"]

    def __str__(self) -> str:
        return f"#{self.statement_id} in claim #{self.claim_id}"


# --- Search -----------------------------------------------------------------------------------


class SearchDocument(models.Model):
    """What full-text search reads for one statement: its text, the names and aliases of its
    speakers, the titles and publishers of its sources, its attributions' quoted words.
    Written by ``statements.search`` in the transaction that changes any of them; never
    edited by hand.

    Each engine indexes it its own way (see migrations 0003 and 0010): on PostgreSQL a
    generated, weighted ``search_vector`` column with a GIN index, which the model state
    does not declare; on SQLite the FTS5 table below, kept in step by triggers.
    """

    statement = models.OneToOneField(
        Statement, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    text = models.TextField()
    speakers = models.TextField(blank=True)
    sources = models.TextField(blank=True)
    quotes = models.TextField(blank=True)
    # The statement's visibility to everyone, copied here so that a search by an anonymous
    # caller, without other filters, ranks documents without joining every match's statement.
    published = models.BooleanField(default=False)

    class Meta:
        verbose_name = "search document"

    def __str__(self) -> str:
        return f"Search document of statement #{self.statement_id}"


class SearchDocumentFTS(models.Model):
    """SQLite only: the FTS5 index of the search documents, for joins and ``MATCH``.

    Unmanaged: migration 0003 creates the virtual table on SQLite and nothing on
    PostgreSQL, where this model is never queried. ``match`` is the FTS5 hidden column that
    bears the table's name, the left side of ``MATCH`` and the argument of bm25() and
    snippet().
    """

    statement = models.OneToOneField(
        Statement,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        related_name="search_fts",
    )
    match = models.TextField(db_column="statements_searchdocument_fts")

    class Meta:
        managed = False
        db_table = "statements_searchdocument_fts"

    def __str__(self) -> str:
        return f"FTS entry of statement #{self.statement_id}"


class ContentGeneration(models.Model):
    """A counter that grows after every committed change to what the API shows of
    statements (statements, attributions, speakers, sources, relations, topics).

    One row. Cached search responses are keyed by it (``statements.generation``), so a
    change reaches every server's cache at once without telling them."""

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "content generation"

    def __str__(self) -> str:
        return f"Content generation {self.value}"


# --- Suggestion decision ----------------------------------------------------------------------


class SuggestionOutcome(models.TextChoices):
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class SuggestionDecision(models.Model):
    """An editor's answer to one suggested attribution of a source (``Suggestion.key``), so
    that the suggestions of the next run leave it out. A record of a decision, written once:
    no history of its own (the statement an acceptance created has one)."""

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="suggestion_decisions"
    )
    key = models.CharField(max_length=40)
    decision = models.CharField(max_length=10, choices=SuggestionOutcome.choices)
    # The draft an acceptance created; null for a rejection, or once the draft is deleted.
    statement = models.ForeignKey(
        Statement, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "key"], name="suggestion_decision_unique_per_source"
            ),
            models.CheckConstraint(
                condition=_in_choices("decision", SuggestionOutcome),
                name="suggestion_decision_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Suggestion {self.key} of source #{self.source_id}: {self.decision}"


# --- Change -----------------------------------------------------------------------------------


class ChangeKind(models.TextChoices):
    CREATED = "created", "Created"
    UPDATED = "updated", "Updated"
    PUBLISHED = "published", "Published"
    # Written by the corrections workflow: a reviewed change to a published statement.
    CORRECTED = "corrected", "Corrected"
    RETRACTED = "retracted", "Retracted"
    DELETED = "deleted", "Deleted"


class ChangeObject(models.TextChoices):
    """What a change is a change of. An attribution's or a relation's change is one of its
    statement(s): the statement's representation shows them."""

    STATEMENT = "statement", "Statement"
    SPEAKER = "speaker", "Speaker"
    SOURCE = "source", "Source"
    MEMBERSHIP = "membership", "Membership"


class Change(models.Model):
    """One change, written by the services in the transaction that makes it, read by the
    change feed (``statements.changes``) in the order the transactions committed.

    ``xid`` is the writing transaction's id on PostgreSQL (0 on SQLite, whose one writer at
    a time makes the ids alone commit order); ``public`` whether the public may see it,
    decided when it is written (``statements.changes.record``). No foreign key: the change
    outlives a deleted object."""

    id = models.BigAutoField(primary_key=True)
    xid = models.BigIntegerField()
    at = models.DateTimeField()
    kind = models.CharField(max_length=10, choices=ChangeKind.choices)
    object_type = models.CharField(max_length=10, choices=ChangeObject.choices)
    object_id = models.BigIntegerField()
    public = models.BooleanField()
    # The retraction's reason, the correction's note: public once the change is.
    note = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=_in_choices("kind", ChangeKind), name="change_kind_valid"
            ),
            models.CheckConstraint(
                condition=_in_choices("object_type", ChangeObject), name="change_object_valid"
            ),
        ]
        indexes = [
            # The feed's order, whole (editors) and public only: a page is one range scan.
            models.Index(fields=["xid", "id"], name="change_feed"),
            models.Index(fields=["xid", "id"], condition=Q(public=True), name="change_feed_public"),
            # An object's latest change: the version a proposed correction was made on
            # (``statements.corrections``).
            models.Index(fields=["object_type", "object_id", "id"], name="change_object"),
        ]

    def __str__(self) -> str:
        return f"{self.object_type} #{self.object_id} {self.kind}"


# --- Corrections ------------------------------------------------------------------------------


class Revision(models.Model):
    """An editor's change to a published statement, waiting for a reviewer
    (``statements.corrections``): readers keep the published version until it is approved.

    ``proposed`` is the change as the API writes it (``text``, ``language``, ``topics``,
    ``attributions`` with their ``quote``), the fields it gives only; ``base_version`` the
    statement's latest change when it was proposed: a revision whose statement changed
    since is stale and cannot be approved. A record of a decision: no history of its own."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="revisions")
    proposed = models.JSONField()
    base_version = models.BigIntegerField()
    status = models.CharField(
        max_length=10, choices=RevisionStatus.choices, default=RevisionStatus.PENDING
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = BoundedTextField(blank=True, max_length=NOTE_MAX_LENGTH, validators=TEXT)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=_in_choices("status", RevisionStatus), name="revision_status_valid"
            ),
        ]
        indexes = [
            # A statement's revisions, and the pending ones of all (the reviewers' queue).
            models.Index(fields=["statement", "id"], name="revision_statement"),
            models.Index(
                fields=["id"], condition=Q(status=RevisionStatus.PENDING), name="revision_pending"
            ),
        ]

    def __str__(self) -> str:
        return f"Revision #{self.pk} of statement #{self.statement_id} ({self.status})"


class Correction(models.Model):
    """A public correction notice of a published statement: when it was corrected and the
    note saying what changed, shown with the statement (``corrections``), oldest first.
    ``revision``: the approved revision it applied, null for a reviewer's own edit."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="corrections")
    at = models.DateTimeField()
    note = BoundedTextField(max_length=NOTE_MAX_LENGTH, validators=TEXT)
    revision = models.OneToOneField(
        Revision, on_delete=models.SET_NULL, null=True, blank=True, related_name="correction"
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["statement", "id"], name="correction_statement")]

    def __str__(self) -> str:
        return f"Correction of statement #{self.statement_id} on {self.at:%Y-%m-%d}"
