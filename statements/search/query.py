"""The query syntax of web search engines, parsed once for every search backend.

    words           every word must match          troops Russia
    "a phrase"      the words in this order        "press briefing"
    OR              either side may match          denied OR denies
    -word           must not match                 troops -Ukraine

Anything else (stray quotes, lone operators, punctuation) is read as plain words, so no
query fails to parse.
"""

import re
from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 500
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
# Letters and digits: every other character separates words, as in SQLite's tokenizer and
# in PostgreSQL's vectors (migration 0010), so "U.S." is the phrase "u s" on both.
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase in order
    # As typed ("U.S."): what a highlighter that reads the text with its own parser
    # (PostgreSQL's ts_headline) looks for too. Not part of the term's identity.
    typed: str = field(default="", compare=False)

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass
class ParsedQuery:
    # All groups must match; a group matches when any of its terms does.
    required: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.required)

    @property
    def contradictory(self) -> bool:
        """Whether it excludes all it requires ("troops -troops"): nothing can match, and an
        engine would read every match of the word to find that out."""
        excluded = set(self.excluded)
        return any(all(term in excluded for term in group) for group in self.required)

    @property
    def terms(self) -> list[Term]:
        return [term for group in self.required for term in group]


def _term(text: str) -> Term | None:
    words = tuple(word.lower() for word in _WORD.findall(text))
    return Term(words, typed=text) if words else None


def _truncated(raw: str) -> str:
    """The first MAX_QUERY_LENGTH characters, without a word cut in two at the end."""
    if len(raw) <= MAX_QUERY_LENGTH:
        return raw
    kept = raw[:MAX_QUERY_LENGTH]
    if not raw[MAX_QUERY_LENGTH].isspace():
        kept = kept.rpartition(" ")[0] if " " in kept else ""
    return kept


def parse_query(raw: str) -> ParsedQuery:
    """Parse a query; a query of exclusions alone, or of punctuation, matches nothing."""
    parsed = ParsedQuery()
    pending_or = False
    for match in _TOKEN.finditer(_truncated(raw)):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            pending_or = bool(parsed.required)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        text = phrase if phrase is not None else bare
        # A word with inner punctuation ("U.S.", "Jong-un", "don't") is one phrase of its parts.
        term = _term(text)
        if term is None:
            pending_or = False
            continue
        if negated:
            parsed.excluded.append(term)
        elif pending_or:
            parsed.required[-1].append(term)
        else:
            parsed.required.append([term])
        pending_or = False
    return parsed
