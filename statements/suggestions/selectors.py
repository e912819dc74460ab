"""Reads for the suggestions: the speakers the database holds, as the engine's candidates."""

from statements.models import Attribution, Source, Speaker, SuggestionDecision
from statements.suggestions.engine import Suggestion, suggest_attributions
from statements.suggestions.evaluation import overlap_share
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
    """The source's suggestions that no one has accepted or rejected yet, and that no
    attribution of the source already makes (two queries more)."""
    decided = set(SuggestionDecision.objects.filter(source=source).values_list("key", flat=True))
    attributed = _attributed_spans(source)
    return [
        s
        for s in source_suggestions(source)
        if s.key not in decided and not _already_attributed(s, attributed)
    ]


def _attributed_spans(source: Source) -> dict[int, list[tuple[int, int]]]:
    """Where the source's anchored quotes stand, by speaker."""
    spans: dict[int, list[tuple[int, int]]] = {}
    rows = Attribution.objects.filter(source=source, quote_start__isnull=False).values_list(
        "speaker_id", "quote_start", "quote_end"
    )
    for speaker_id, start, end in rows:
        spans.setdefault(speaker_id, []).append((start, end))
    return spans


def _already_attributed(
    suggestion: Suggestion, attributed: dict[int, list[tuple[int, int]]]
) -> bool:
    """The speaker is already credited with the passage: a quote of theirs in this source
    shares at least half of the shorter span with it (the evaluation's matching rule). This
    covers a suggestion accepted with a proposed speaker, whose key changes once that
    speaker exists, and passages attributed by hand."""
    span = (suggestion.start, suggestion.end)
    return any(
        overlap_share(span, quote) >= 0.5 for quote in attributed.get(suggestion.speaker_id, ())
    )


def open_suggestion(source: Source, key: str) -> Suggestion | None:
    """The source's open suggestion with this key, or None."""
    return next((s for s in open_suggestions(source) if s.key == key), None)
