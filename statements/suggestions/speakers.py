"""Who a speaker phrase names: an existing speaker (by name, alias or misspelling) or a new one."""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache

from statements.choices import SpeakerKind
from statements.suggestions.lexicon import (
    DETERMINERS,
    GOVERNMENT_ALIASES,
    GOVERNMENT_WORDS,
    GROUP_HEADS,
    HONORIFICS,
    ORGANIZATION_WORDS,
    TITLE_WORDS,
    UNNAMED_HEADS,
)

MAX_PHRASE_WORDS = 9
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they"}
POST_MODIFIERS = frozenset(
    {"of", "at", "in", "from", "for", "with", "polled", "familiar", "who", "downstream"}
)
# Two spellings this close are taken for one name ("Zelenskiy", "Zelenskyy").
MISSPELLING_RATIO = 0.85


@dataclass(frozen=True)
class CandidateSpeaker:
    """A speaker that already exists, as the engine is given it (no database access)."""

    id: int | None
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = SpeakerKind.PERSON


@dataclass(frozen=True)
class SpeakerRef:
    """The speaker of a suggestion: an existing one (``id`` set) or one proposed as new."""

    name: str
    kind: str
    id: int | None = None
    # How it was found: name, alias, misspelling, surname, or new.
    match: str = "new"


@dataclass(frozen=True)
class Mention:
    """A speaker phrase read from the text, split into the speaker and its role."""

    text: str
    name: str
    role: str
    kind: str
    pronoun: bool = False
    # "the company", "the bank": a speaker named before, found by its kind of body.
    definite: bool = False


def normalize_name(text: str) -> str:
    """The form two spellings of one name share: case, apostrophes, spacing, a leading "the"."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").casefold()
    text = re.sub(r"[^\w'.& -]", " ", text)
    text = " ".join(text.split())
    return text.removeprefix("the ").strip()


@cache
def _countries() -> dict[str, str]:
    """Country names (django-countries' common names) by normalized form."""
    try:
        from django_countries import countries
    except ImportError:  # pragma: no cover - a dependency of the project
        return {}
    names = {normalize_name(str(name)): str(name) for _, name in countries}
    for alias, name in GOVERNMENT_ALIASES.items():
        names[alias] = name
    return names


def country_name(text: str) -> str | None:
    return _countries().get(normalize_name(text))


def analyse_phrase(text: str) -> Mention | None:
    """Split a speaker phrase into name and role and guess its kind; None if no speaker.

    "US defence secretary Lloyd Austin" -> name "Lloyd Austin", role "US defence secretary".
    """
    words = text.split()
    if not words or len(words) > MAX_PHRASE_WORDS:
        return None
    first = words[0].casefold()
    if first in POSSESSIVE_PRONOUNS:
        # "its foreign ministry": the body speaks for whoever "its" points back to.
        return Mention(text, POSSESSIVE_PRONOUNS[first], "", SpeakerKind.PERSON, pronoun=True)
    if re.fullmatch(r"(?:most|many|some|all|several|few|both|none|each)\s+of\s+them", text, re.I):
        return Mention(text, "they", "", SpeakerKind.UNNAMED, pronoun=True)
    definite = first == "the"
    while words and words[0].casefold() in DETERMINERS:
        words = words[1:]
    if not words:
        return None
    phrase = " ".join(words)
    lowered = [w.casefold().strip("\u2019'") for w in words]
    if len(words) == 1 and lowered[0] in {"he", "she", "they", "it", "we", "i"}:
        return Mention(text, lowered[0], "", SpeakerKind.PERSON, pronoun=True)
    country = country_name(phrase)
    if country:
        return Mention(text, country, "", SpeakerKind.GOVERNMENT)
    head = lowered[-1]
    if head.endswith(("'s", "\u2019s")):
        return None
    # "Analysts at Deutsche Bank", "Residents of Dolnji Brod": the head comes first.
    for low in lowered[: _modifier_start(lowered)]:
        if (low in UNNAMED_HEADS and low not in TITLE_WORDS) or low in {"people", "sources"}:
            return Mention(text, phrase, "", SpeakerKind.UNNAMED)
        if low in GROUP_HEADS:
            return Mention(text, phrase, "", SpeakerKind.GROUP)
    for size in (3, 2, 1):
        if len(words) > size and country_name(" ".join(words[-size:])):
            tail = " ".join(words[-size:])
            if all(w[:1].isupper() for w in words):
                return Mention(text, country_name(tail) or tail, "", SpeakerKind.GOVERNMENT)
    bodies = ORGANIZATION_WORDS | GOVERNMENT_WORDS
    if definite and len(words) <= 3 and head in bodies and not any(w[:1].isupper() for w in words):
        kind = SpeakerKind.GOVERNMENT if head in GOVERNMENT_WORDS else SpeakerKind.ORGANIZATION
        return Mention(text, phrase, "", kind, definite=True)
    # A trailing run of capitalised words that are no titles is a name.
    run = 0
    for word, low in zip(reversed(words), reversed(lowered), strict=True):
        if not word[:1].isupper() or low in TITLE_WORDS or low in ORGANIZATION_WORDS:
            break
        if low.rstrip(".") in HONORIFICS:
            break
        run += 1
    before = words[: len(words) - run]
    if run:
        name = " ".join(words[len(words) - run :])
        role = " ".join(before)
        lowered_before = [w.casefold().rstrip(".") for w in before]
        if lowered_before and lowered_before[-1] in HONORIFICS:
            return Mention(text, name, "", SpeakerKind.PERSON)
        # "Clearview AI": a person's name has no word in capitals.
        acronym = any(w.isupper() and len(w) > 1 for w in name.split())
        if run >= 2 and not acronym:
            return Mention(text, name, role, SpeakerKind.PERSON)
        if before and any(w.casefold() in TITLE_WORDS for w in before):
            return Mention(text, name, role, SpeakerKind.PERSON)
        if run == len(words) and len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
            return Mention(text, name, "", SpeakerKind.ORGANIZATION)
        if run == len(words) and len(words) == 1:
            # A lone capitalised word: a surname or an organisation; the caller decides.
            return Mention(text, name, "", SpeakerKind.ORGANIZATION)
    if head in GOVERNMENT_WORDS:
        return Mention(text, phrase, "", SpeakerKind.GOVERNMENT)
    capitalised_body = any(
        w[:1].isupper() and w.casefold() in ORGANIZATION_WORDS for w in words[:-1]
    )
    if head in ORGANIZATION_WORDS or capitalised_body:
        if head in UNNAMED_HEADS:
            return Mention(text, phrase, "", SpeakerKind.UNNAMED)
        return Mention(text, phrase, "", SpeakerKind.ORGANIZATION)
    if head in UNNAMED_HEADS:
        return Mention(text, phrase, "", SpeakerKind.UNNAMED)
    if head in GROUP_HEADS:
        return Mention(text, phrase, "", SpeakerKind.GROUP)
    if run and words[-1][:1].isupper():
        return Mention(text, " ".join(words[len(words) - run :]), "", SpeakerKind.ORGANIZATION)
    return None


def _modifier_start(lowered: list[str]) -> int:
    """Where the post-modifiers of a phrase begin ("analysts | at Deutsche Bank")."""
    for index, low in enumerate(lowered):
        if low in POST_MODIFIERS and index:
            return index
    return len(lowered)


@dataclass
class SpeakerDirectory:
    """The candidate speakers, indexed for matching, and the new speakers proposed so far."""

    candidates: list[CandidateSpeaker]
    _names: dict[str, tuple[CandidateSpeaker, str]] = field(default_factory=dict)
    _surnames: dict[str, list[SpeakerRef]] = field(default_factory=dict)
    _proposed: dict[str, SpeakerRef] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for candidate in self.candidates:
            for alias in candidate.aliases:
                self._names.setdefault(normalize_name(alias), (candidate, "alias"))
        for candidate in self.candidates:
            self._names[normalize_name(candidate.name)] = (candidate, "name")
            if candidate.kind == SpeakerKind.PERSON:
                surname = normalize_name(candidate.name).split()[-1]
                self._surnames.setdefault(surname, []).append(_ref(candidate, "surname"))

    def existing(self, text: str) -> SpeakerRef | None:
        """The candidate that ``text`` names, by name, alias, surname or a close spelling."""
        key = normalize_name(text)
        if not key:
            return None
        hit = self._names.get(key)
        if hit:
            return _ref(*hit)
        words = key.split()
        if words[0].rstrip(".") in HONORIFICS:
            words = words[1:]
        if len(words) == 1:
            known = self._surnames.get(words[0], [])
            if len({ref.name for ref in known}) == 1:
                return known[-1]
        # The longest candidate name that ends the phrase ("... secretary Lloyd Austin").
        for size in range(len(words) - 1, 0, -1):
            tail = " ".join(words[-size:])
            hit = self._names.get(tail)
            if hit and len(tail) > 2:
                return _ref(*hit)
        if len(key) >= 5:
            best, best_ratio = None, MISSPELLING_RATIO
            for name, (candidate, _) in self._names.items():
                if name[:1] != key[:1] or abs(len(name) - len(key)) > 3:
                    continue
                ratio = SequenceMatcher(None, key, name).ratio()
                if ratio >= best_ratio:
                    best, best_ratio = candidate, ratio
            if best:
                return _ref(best, "misspelling")
        return None

    def resolve(self, mention: Mention) -> SpeakerRef:
        """The speaker a mention names: a candidate, a speaker proposed earlier, or a new one."""
        for text in (mention.text, mention.name):
            found = self.existing(text)
            if found:
                return found
        key = normalize_name(mention.name)
        if key in self._proposed:
            return self._proposed[key]
        words = key.split()
        if words and words[0].rstrip(".") in HONORIFICS:
            words = words[1:]
        if len(words) == 1 and words[0] in self._surnames:
            return self._surnames[words[0]][-1]
        ref = SpeakerRef(name=_display_name(mention), kind=mention.kind)
        self._proposed[key] = ref
        if ref.kind == SpeakerKind.PERSON and len(words) > 1:
            self._surnames.setdefault(words[-1], []).append(ref)
        return ref

    def containing(self, word: str) -> SpeakerRef | None:
        """The one candidate whose name holds ``word`` ("bank": European Central Bank)."""
        found = {
            candidate.name: candidate
            for candidate in self.candidates
            if word in normalize_name(candidate.name).split()
        }
        if len(found) == 1:
            return _ref(next(iter(found.values())), "alias")
        return None

    def proposed_by_word(self, word: str) -> SpeakerRef | None:
        """A body proposed before whose name begins with ``word`` ("Kolvara" Minerals)."""
        key = normalize_name(word)
        for name, ref in reversed(self._proposed.items()):
            if ref.kind != SpeakerKind.PERSON and name.split()[0] == key:
                return ref
        for candidate in self.candidates:
            if (
                candidate.kind != SpeakerKind.PERSON
                and normalize_name(candidate.name).split()[0] == key
            ):
                return _ref(candidate, "alias")
        return None

    def names(self) -> dict[str, tuple[CandidateSpeaker, str]]:
        return self._names

    def knows_surname(self, word: str) -> bool:
        return normalize_name(word) in self._surnames


def _display_name(mention: Mention) -> str:
    name = mention.name
    if mention.kind in (SpeakerKind.UNNAMED, SpeakerKind.GROUP):
        return name[:1].upper() + name[1:]
    return name


def _ref(candidate: CandidateSpeaker, how: str) -> SpeakerRef:
    return SpeakerRef(name=candidate.name, kind=candidate.kind, id=candidate.id, match=how)
