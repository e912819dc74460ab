"""Read representations built directly: the JSON that the serializers declare, made faster.

DRF builds a nested representation field by field, with a fresh serializer for every speaker
and source summary; on a page of 50 statements that was most of the request's time (see the
README's Performance section). These functions build the same dictionaries, key for key and
value for value, from objects fetched by ``selectors.statement_queryset``. The serializers
stay the declaration of the shapes (schema, writes, validation) and call these to read;
``tests/test_api_representations.py`` holds the two to the same output.
"""

import datetime as dt
from typing import Any

from django.utils import timezone

from statements.models import Attribution, Relation, Source, Speaker, Statement


def datetime_value(value: dt.datetime | None, zone: dt.tzinfo | None = None) -> str | None:
    """As DRF's DateTimeField (ISO 8601, in ``zone`` or else the current time zone, "Z" for
    UTC). Callers formatting many values look the zone up once and pass it."""
    if not value:
        return None
    text = value.astimezone(zone or timezone.get_current_timezone()).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def date_value(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def speaker_summary(speaker: Speaker) -> dict[str, Any]:
    return {"id": speaker.pk, "name": speaker.name, "kind": speaker.kind}


def source_summary(source: Source, zone: dt.tzinfo | None = None) -> dict[str, Any]:
    return {
        "id": source.pk,
        "title": source.title,
        "publisher": source.publisher,
        "kind": source.kind,
        "url": source.url,
        "published_at": datetime_value(source.published_at, zone),
        "status": source.status,
    }


def quote(attribution: Attribution) -> dict[str, Any] | None:
    if not attribution.quote_exact:
        return None
    return {
        "exact": attribution.quote_exact,
        "prefix": attribution.quote_prefix,
        "suffix": attribution.quote_suffix,
        "start": attribution.quote_start,
        "end": attribution.quote_end,
    }


class Summaries:
    """Summaries of the speakers and sources of one response, each built once."""

    def __init__(self) -> None:
        self.speakers: dict[int, dict[str, Any]] = {}
        self.sources: dict[int, dict[str, Any]] = {}
        self.zone = timezone.get_current_timezone()

    def speaker(self, speaker: Speaker | None) -> dict[str, Any] | None:
        if speaker is None:
            return None
        summary = self.speakers.get(speaker.pk)
        if summary is None:
            summary = self.speakers[speaker.pk] = speaker_summary(speaker)
        return summary

    def source(self, source: Source) -> dict[str, Any]:
        summary = self.sources.get(source.pk)
        if summary is None:
            summary = self.sources[source.pk] = source_summary(source, self.zone)
        return summary


def attribution_fields(attribution: Attribution, summaries: Summaries) -> dict[str, Any]:
    """As ``AttributionFieldsSerializer``: an attribution inside its statement."""
    return {
        "id": attribution.pk,
        "speaker": summaries.speaker(attribution.speaker),
        "source": summaries.source(attribution.source),
        "mode": attribution.mode,
        "speech_act": attribution.speech_act,
        "verb": attribution.verb,
        "speaker_role": attribution.speaker_role,
        "on_behalf_of": summaries.speaker(attribution.on_behalf_of),
        "occasion": attribution.occasion,
        "stated_on": date_value(attribution.stated_on),
        "quote": quote(attribution),
        "created_at": datetime_value(attribution.created_at, summaries.zone),
        "updated_at": datetime_value(attribution.updated_at, summaries.zone),
    }


def _statement_summary(statement: Statement) -> dict[str, Any]:
    return {"id": statement.pk, "text": statement.text, "status": statement.status}


def statement_relation(relation: Relation) -> dict[str, Any]:
    """As ``StatementRelationSerializer``."""
    return {
        "id": relation.pk,
        "kind": relation.kind,
        "from_statement": _statement_summary(relation.from_statement),
        "to_statement": _statement_summary(relation.to_statement),
        "note": relation.note,
    }


def topic_slugs(statement: Statement) -> list[str]:
    slugs = getattr(statement, "topic_slugs", None)
    if slugs is None:  # not read by selectors.statement_queryset
        return [topic.slug for topic in statement.topics.all()]
    return sorted(slugs)


def relations_of(statement: Statement) -> list[Relation]:
    relations = getattr(statement, "prefetched_relations", None)
    return statement.relations if relations is None else relations


def statement(statement: Statement, summaries: Summaries | None = None) -> dict[str, Any]:
    """As ``StatementSerializer``: a statement with its attributions and relations."""
    summaries = summaries or Summaries()
    return {
        "id": statement.pk,
        "text": statement.text,
        "language": statement.language,
        "topics": topic_slugs(statement),
        "status": statement.status,
        "retraction_reason": statement.retraction_reason,
        "attributions": [
            attribution_fields(attribution, summaries)
            for attribution in statement.attributions.all()
        ],
        "relations": [statement_relation(relation) for relation in relations_of(statement)],
        "created_at": datetime_value(statement.created_at, summaries.zone),
        "updated_at": datetime_value(statement.updated_at, summaries.zone),
    }
