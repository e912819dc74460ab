"""Reads for the suggestions: the speakers the database holds, as the engine's candidates."""

from statements.models import Source, Speaker, SuggestionDecision
from statements.suggestions.engine import Suggestion, suggest_attributions
from statements.suggestions.speakers import CandidateSpeaker


def candidate_speakers() -> list[CandidateSpeaker]:
    """Every speaker, by id, name, aliases and kind (one query, no model instances)."""
    rows = Speaker.objects.order_by("id").values_list("id", "name", "aliases", "kind")
    return [
        CandidateSpeaker(id=pk, name=name, aliases=tuple(aliases or ()), kind=kind)
        for pk, name, aliases, kind in rows.iterator(chunk_size=2000)
    ]


def source_suggestions(source: Source) -> list[Suggestion]:
    """The suggested attributions of a source's body, matched against the existing speakers."""
    return suggest_attributions(source.body, candidate_speakers())


def open_suggestions(source: Source) -> list[Suggestion]:
    """The source's suggestions that no one has accepted or rejected yet (one query more)."""
    decided = set(SuggestionDecision.objects.filter(source=source).values_list("key", flat=True))
    return [s for s in source_suggestions(source) if s.key not in decided]


def open_suggestion(source: Source, key: str) -> Suggestion | None:
    """The source's open suggestion with this key, or None."""
    return next((s for s in open_suggestions(source) if s.key == key), None)
