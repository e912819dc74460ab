"""Suggested attributions: an offline, rules-only reader of a source's body (issue 14)."""

from statements.suggestions.engine import Suggestion, suggest_attributions
from statements.suggestions.speakers import CandidateSpeaker, SpeakerRef

__all__ = ["CandidateSpeaker", "SpeakerRef", "Suggestion", "suggest_attributions"]
