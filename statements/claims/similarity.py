"""Which statements a statement may repeat: ``same_claim`` candidates by the similarity of
their texts, on both engines alike.

The engine's full-text index (``statements.search``) picks the statements that share a
content word with the text (the best ``PREFILTER`` by its own rank); this module's scorer
(``similarity``) then scores each of them the same way on SQLite and PostgreSQL, so the two
propose the same candidates. The scorer compares stemmed content words (Dice) and
character trigrams, and halves the score of two texts that give different figures ("3,000"
against "10,000") or of which one is negated or a denial and the other not: such pairs are
the same topic, but not the same claim.

``CLAIM_CANDIDATE_THRESHOLD`` and the figures it gives on the labelled pairs in
fixtures/claims/ are in the README (``manage.py evaluate_claims``).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.db.models import QuerySet

from statements import search
from statements.choices import StatementStatus
from statements.claims.keys import claim_members
from statements.models import Statement
from statements.search.query import ParsedQuery, Term

# A candidate scores at least this much (0 to 1); the setting CLAIM_CANDIDATE_THRESHOLD
# overrides it.
DEFAULT_THRESHOLD = 0.4
# How many full-text matches are scored; how many candidates are proposed.
PREFILTER = 50
MAX_CANDIDATES = 5

_WORD = re.compile(r"[^\W_]+")
# "3,000" and "3.000" are the figure 3000, "1.5" stays 1.5.
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during
    each few for from further had has have having he her here hers him his how i if
    in into is it its itself just may me might more most must my no nor not now of
    off on once only or other our out over own same says said say saying she should
    so some such than that the their them then there these they this those through
    to too under until up very was we were what when where which while who whom why
    will with would you your reportedly according told tells stated states""".split()  # noqa: SIM905
)

# Words that make a text a denial or a negation of what it says.
NEGATIONS = frozenset(
    """not no never nor deny denies denied denying denial false untrue baseless unfounded
    reject rejects rejected rejecting dismiss dismisses dismissed refute refutes
    refuted nothing none abandon abandons abandoned scrap scraps scrapped cancel
    cancels cancelled canceled halt halts halted suspend suspends suspended lift
    lifts lifted withdraw withdraws withdrew withdrawn""".split()  # noqa: SIM905
)
# "called off the strike": a cancellation said in two words.
_CALLED_OFF = re.compile(r"\bcall(?:s|ed|ing)? off\b")

# Words that say a figure moves one way, against those that say it moves the other: two
# texts that go opposite ways are not the same claim.
UPWARD = frozenset({"increase", "hike", "expand", "open", "hire", "add"})
DOWNWARD = frozenset({"reduce", "drop", "shrink", "close", "shut", "lay", "slash"})

# Figures spelled out as words, read as digits ("two million" is "2 million").
_NUMBER_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
)  # fmt: skip
_SPELLED = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b")

# A few words that news reports use for one another, read as one.
SYNONYMS = {
    "soldier": "troop",
    "force": "troop",
    "personnel": "troop",
    "dispatch": "deploy",
    "sent": "deploy",
    "send": "deploy",
    "station": "deploy",
    "kill": "dead",
    "die": "dead",
    "death": "dead",
    "rise": "increase",
    "raise": "increase",
    "grow": "increase",
    "cut": "reduce",
    "lower": "reduce",
    "fall": "reduce",
    "percent": "%",
    "pct": "%",
    "billion": "bn",
    "million": "m",
}


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _THOUSANDS.sub("", text.lower())
    return _SPELLED.sub(lambda match: str(_NUMBER_WORDS.index(match.group(0))), text)


@lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    """A light English stemmer: plural and verb endings off, then the synonyms."""
    for suffix, replacement in (
        ("ies", "y"),
        ("ing", ""),
        ("ied", "y"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            # "planned" → "plann" → "plan"
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]
            break
    return SYNONYMS.get(word, word)


@dataclass(frozen=True)
class Features:
    stems: frozenset[str]
    trigrams: frozenset[str]
    figures: frozenset[str]
    negated: bool
    direction: frozenset[str]  # "up", "down", both or neither


@lru_cache(maxsize=4096)
def features(text: str) -> Features:
    words = _WORD.findall(_folded(text))
    content = [word for word in words if word not in STOP_WORDS and not word.isdigit()]
    stems = frozenset(_stem(word) for word in content)
    joined = " ".join(sorted(stems))
    trigrams = frozenset(joined[i : i + 3] for i in range(max(len(joined) - 2, 0)))
    figures = frozenset(_NUMBER.findall(_folded(text)))
    folded = _folded(text)
    negated = any(word in NEGATIONS for word in words) or bool(_CALLED_OFF.search(folded))
    direction = frozenset(
        name for name, side in (("up", UPWARD), ("down", DOWNWARD)) if stems & side
    )
    return Features(stems, trigrams, figures, negated, direction)


# What a difference between two texts leaves of their score.
FIGURES_DIFFER = 0.35  # both give figures, not the same ones
FIGURE_MISSING = 0.85  # one gives figures, the other none
NEGATION_DIFFERS = 0.4  # one is negated or a denial, the other not
DIRECTIONS_DIFFER = 0.35  # one says up, the other down


def similarity(first: str, second: str) -> float:
    """How likely two statements are to make the same claim, from 0 to 1."""
    a, b = features(first), features(second)
    if not a.stems or not b.stems:
        return 0.0
    dice = 2 * len(a.stems & b.stems) / (len(a.stems) + len(b.stems))
    union = a.trigrams | b.trigrams
    trigram = len(a.trigrams & b.trigrams) / len(union) if union else 0.0
    score = 0.6 * dice + 0.4 * trigram
    if a.figures and b.figures and a.figures != b.figures:
        score *= FIGURES_DIFFER
    elif bool(a.figures) != bool(b.figures):
        score *= FIGURE_MISSING
    if a.negated != b.negated:
        score *= NEGATION_DIFFERS
    if len(a.direction | b.direction) == 2 and a.direction != b.direction:
        score *= DIRECTIONS_DIFFER
    return round(score, 4)


def threshold() -> float:
    return getattr(settings, "CLAIM_CANDIDATE_THRESHOLD", DEFAULT_THRESHOLD)


def prefilter_query(text: str) -> ParsedQuery:
    """Any of the text's content words, for the engine's full-text index."""
    words = _WORD.findall(_folded(text))
    content = sorted({word for word in words if word not in STOP_WORDS}, key=len, reverse=True)
    terms = [Term((word,), typed=word) for word in content[:24]]
    return ParsedQuery(required=[terms] if terms else [])


@dataclass(frozen=True)
class Candidate:
    statement: Statement
    score: float


def claim_candidates(
    *,
    text: str,
    queryset: QuerySet,
    exclude: int | None = None,
    limit: int = MAX_CANDIDATES,
    minimum: float | None = None,
) -> list[Candidate]:
    """The statements of ``queryset`` that may make the same claim as ``text``, best first:
    at most ``limit``, each scoring at least ``minimum`` (the threshold by default).
    ``exclude``: a statement, and the claim it is already part of, to leave out. Retracted
    statements are never proposed. At most three queries: the claim (with ``exclude``),
    the index, the texts."""
    parsed = prefilter_query(text)
    if not parsed:
        return []
    pool = queryset.exclude(status=StatementStatus.RETRACTED)
    if exclude is not None:
        pool = pool.exclude(pk__in=claim_members(exclude))
    hits = search.get_backend().ranked(pool.prefetch_related(None), parsed, PREFILTER)
    ids = [statement_id for statement_id, _ in hits]
    if not ids:
        return []
    statements = {statement.pk: statement for statement in Statement.objects.filter(pk__in=ids)}
    minimum = threshold() if minimum is None else minimum
    scored = [
        Candidate(statement, similarity(text, statement.text)) for statement in statements.values()
    ]
    scored = [candidate for candidate in scored if candidate.score >= minimum]
    scored.sort(key=lambda candidate: (-candidate.score, -candidate.statement.pk))
    return scored[:limit]
