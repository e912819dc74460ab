"""Misspelt and transliterated speaker names: "Kirbey" still finds John Kirby.

When a query finds nothing, each of its words that matches nothing but is spelt like a
word of a speaker's name or alias (trigram similarity, as pg_trgm measures it) is widened
to "the word OR that name", and the query is run again. The engines find the candidate
names from a trigram index; the judgement is made here, the same way on every engine.
"""

import re
from dataclasses import replace

from django.db.models import QuerySet

from statements.search.base import SearchBackend
from statements.search.query import ParsedQuery, Term

MIN_WORD_LENGTH = 4  # shorter words are too easily "similar"
MAX_WORDS = 3  # bounds the extra queries of one search
SIMILARITY_THRESHOLD = 0.4
_WORD = re.compile(r"\w+", re.UNICODE)


def trigrams(word: str) -> set[str]:
    padded = f"  {word.lower()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """pg_trgm's similarity(): shared trigrams over all trigrams of the two words."""
    first, second = trigrams(a), trigrams(b)
    return len(first & second) / len(first | second) if first and second else 0.0


def _name_words(name: str, aliases: list[str]) -> set[str]:
    return {word.lower() for text in (name, *aliases) for word in _WORD.findall(text)}


def closest_name(word: str, candidates: list[tuple[str, list[str]]]) -> tuple[str, ...] | None:
    """The words of the name most like ``word``, or None when none is near enough or when
    ``word`` is already one of the words of that speaker's names (nothing to correct)."""
    best, best_score = None, SIMILARITY_THRESHOLD
    for name, aliases in candidates:
        words = _name_words(name, aliases)
        if word in words:
            return None
        score = max((similarity(word, other) for other in words), default=0.0)
        if score >= best_score:
            best, best_score = name, score
    if best is None:
        return None
    return tuple(word.lower() for word in _WORD.findall(best)) or None


def expand_misspelt_names(
    query: ParsedQuery, queryset: QuerySet, backend: SearchBackend
) -> ParsedQuery:
    """``query`` with each unmatched word that looks like a speaker's name OR-ed with
    that name. Costs one query when there are words to check, plus one per word that is
    spelt like a name without being one (at most MAX_WORDS)."""
    words = list(
        dict.fromkeys(
            term.words[0]
            for group in query.required
            for term in group
            if not term.is_phrase and len(term.words[0]) >= MIN_WORD_LENGTH
        )
    )[:MAX_WORDS]
    if not words:
        return query
    candidates = backend.speaker_names_near(words)
    corrections = {}
    for word in words:
        name = closest_name(word, candidates)
        # Only a word that matches nothing visible is taken for a misspelling.
        if name and not backend.filter(queryset, ParsedQuery([[Term((word,))]])).exists():
            corrections[word] = Term(name)
    if not corrections:
        return query
    required = [
        [
            *group,
            *(
                corrections[term.words[0]]
                for term in group
                if not term.is_phrase and term.words[0] in corrections
            ),
        ]
        for group in query.required
    ]
    return replace(query, required=required)
