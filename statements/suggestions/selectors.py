"""Reads for the suggestions: the speakers the database holds, as the engine's candidates."""

from statements.models import Source, Speaker
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
