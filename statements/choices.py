"""The named enumerations of the domain; the API schema exposes each as a named enum."""

from django.db import models


class SpeakerKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"
    GOVERNMENT = "government", "Government"
    GROUP = "group", "Group"
    # "a senior US official", "analysts": speakers the source does not name.
    UNNAMED = "unnamed", "Unnamed"


class SourceKind(models.TextChoices):
    NEWS_ARTICLE = "news_article", "News article"
    PRESS_BRIEFING = "press_briefing", "Press briefing"
    TRANSCRIPT = "transcript", "Transcript"
    OFFICIAL_STATEMENT = "official_statement", "Official statement"
    SOCIAL_MEDIA_POST = "social_media_post", "Social media post"
    REPORT = "report", "Report"
    INTERVIEW = "interview", "Interview"
    OTHER = "other", "Other"


class SourceStatus(models.TextChoices):
    CURRENT = "current", "Current"
    CORRECTED = "corrected", "Corrected"
    RETRACTED = "retracted", "Retracted"


class StatementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    RETRACTED = "retracted", "Retracted"


class AttributionMode(models.TextChoices):
    DIRECT_QUOTE = "direct_quote", "Direct quote"
    PARAPHRASE = "paraphrase", "Paraphrase"
    SUMMARY = "summary", "Summary"


class SpeechAct(models.TextChoices):
    ASSERTION = "assertion", "Assertion"
    DENIAL = "denial", "Denial"
    PROJECTION = "projection", "Projection"
    WARNING = "warning", "Warning"
    CONCERN = "concern", "Concern"
    REQUEST = "request", "Request"
    OTHER = "other", "Other"


class RelationKind(models.TextChoices):
    DENIES = "denies", "Denies"
    CONTRADICTS = "contradicts", "Contradicts"
    SUPPORTS = "supports", "Supports"
    UPDATES = "updates", "Updates"
    RESPONDS_TO = "responds_to", "Responds to"
    SAME_CLAIM = "same_claim", "Same claim"


class AnchorStatus(models.TextChoices):
    """Where an attribution's quote stands in its source's body (``statements.quotes``)."""

    # Found by its exact words (and prefix and suffix) in the body it was last checked in.
    ANCHORED = "anchored", "Anchored"
    # Found again after the body changed, by a close enough match: the words may differ.
    REANCHORED = "reanchored", "Re-anchored"
    # Lost when the body changed: its offsets are those of the body it was anchored in.
    ORPHANED = "orphaned", "Orphaned"
    # Nothing to anchor: the source has no body, or the attribution quotes nothing.
    UNANCHORED = "unanchored", "Unanchored"


class RevisionStatus(models.TextChoices):
    """Where an editor's proposed change to a published statement stands
    (``statements.corrections``)."""

    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
