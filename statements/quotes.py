"""Anchoring a quote in its source's body (W3C TextQuoteSelector + TextPositionSelector).

A quote is looked for character for character first. Failing that it is looked for again
with typography set aside (curly or straight quotes and apostrophes, dashes, runs of
whitespace), and the anchor then carries the body's own characters at that place, so what
is stored always stands in the body as it is.

When the body changes, ``ChangedBody`` looks for each quote again, by its selector or by an
approximate match scored on the quote and its context, and refuses to guess between
lookalikes (the rules are above ``REANCHOR_MIN_QUOTE``).
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

# Characters a keyboard types differently from a typeset text: each class read as one.
_CANONICAL = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\uff07`", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    }
)

_SPACES = re.compile(r"\s+")

# Bounds of the search for the nearest passage, so that a long body stays quick.
NEAREST_MIN_RATIO = 0.6
_NEAREST_PIECES = 60  # pieces of the quote voting for where the passage starts
_NEAREST_HITS = 400  # a piece found more often than this in the body is too common to vote
_NEAREST_CANDIDATES = 4  # windows compared with difflib
_NEAREST_LONGEST = 1_000  # a longer quote is compared with nothing: difflib is quadratic
_NEAREST_SHOWN = 200  # characters of the passage shown in the message


@dataclass(frozen=True)
class QuoteAnchorError(Exception):
    """The quote cannot be placed in the body; ``field`` names the selector part to fix."""

    field: str
    message: str
    code: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Anchor:
    """Where the quote stands, and its selector in the body's own characters."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class _Normalised:
    """A text with typography set aside, and where each of its characters came from."""

    text: str
    starts: tuple[int, ...]  # offset in the original of each character
    ends: tuple[int, ...]  # offset just past what each character stands for


def normalise(text: str, *, fold_case: bool = False) -> _Normalised:
    """One canonical character per class, and each whitespace run as a single space."""
    canonical = text.translate(_CANONICAL)
    if fold_case:
        canonical = _folded(canonical)
    # Built a run of characters at a time (a body is read whole on every correction).
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for run in _SPACES.finditer(canonical):
        low, high = run.span()
        pieces += (canonical[at:low], " ")
        starts += range(at, low + 1)
        ends += range(at + 1, low + 1)
        ends.append(high)
        at = high
    pieces.append(canonical[at:])
    starts += range(at, len(canonical))
    ends += range(at + 1, len(canonical) + 1)
    return _Normalised("".join(pieces), tuple(starts), tuple(ends))


def _folded(text: str) -> str:
    """Lower case, one character for one so that the offsets still map (a character whose
    lower case is longer is kept as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(lower if len(lower := char.lower()) == 1 else char for char in text)


# A corrected body is searched once for each of its quotes: normalised once.
_normalised_body = lru_cache(maxsize=2)(normalise)


def _occurrences(body: str, exact: str) -> list[int]:
    starts, index = [], body.find(exact)
    while index != -1:
        starts.append(index)
        index = body.find(exact, index + 1)
    return starts


def _locate(body: str, exact: str, prefix: str, suffix: str) -> int:
    """The start of the one occurrence of ``exact`` between ``prefix`` and ``suffix``."""
    occurrences = _occurrences(body, exact)
    if not occurrences:
        raise QuoteAnchorError("exact", "The quote was not found in the source body.", "not_found")
    matches = [
        start
        for start in occurrences
        if body[:start].endswith(prefix) and body.startswith(suffix, start + len(exact))
    ]
    if not matches:
        suffix_fits = any(body.startswith(suffix, s + len(exact)) for s in occurrences)
        field = "suffix" if prefix == "" or not suffix_fits else "prefix"
        raise QuoteAnchorError(
            field,
            f"The quote occurs {len(occurrences)} time(s) in the source body, but never with "
            "this prefix and suffix around it.",
            "context_mismatch",
        )
    if len(matches) > 1:
        raise QuoteAnchorError(
            "exact",
            f"The quote is ambiguous: it occurs {len(matches)} times in the source body. "
            "Add a prefix or a suffix (the text just before or after it) to pick one.",
            "ambiguous",
        )
    return matches[0]


def anchor_quote(*, body: str, exact: str, prefix: str = "", suffix: str = "") -> Anchor:
    """Find the one place in ``body`` where ``exact`` stands, between ``prefix`` and ``suffix``.

    Prefix and suffix pick among repeats, as in the W3C selector: the text just before the
    quote must end with the prefix and the text just after it must start with the suffix.
    The same holds with typography set aside when the characters do not match as typed.
    Raises QuoteAnchorError when the quote is absent or stands in more than one place.
    """
    if not exact:
        raise QuoteAnchorError(
            "exact", "The quote is empty: give the exact words from the source.", "required"
        )
    return _anchor(body, exact, prefix, suffix, explain=True)


def _anchor(body: str, exact: str, prefix: str, suffix: str, *, explain: bool) -> Anchor:
    """As ``anchor_quote``; ``explain``: a quote not found names the nearest passage (which
    costs a search of its own)."""
    try:
        start = _locate(body, exact, prefix, suffix)
    except QuoteAnchorError as error:
        if error.code == "ambiguous":
            raise
        return _anchor_tolerantly(body, exact, prefix, suffix, as_typed=error, explain=explain)
    return Anchor(start=start, end=start + len(exact), exact=exact, prefix=prefix, suffix=suffix)


def _anchor_tolerantly(
    body: str,
    exact: str,
    prefix: str,
    suffix: str,
    *,
    as_typed: QuoteAnchorError,
    explain: bool,
) -> Anchor:
    text = _normalised_body(body)
    quote, before, after = (normalise(part).text for part in (exact, prefix, suffix))
    try:
        found = _locate(text.text, quote, before, after)
    except QuoteAnchorError as error:
        if error.code != "not_found":
            raise
        if as_typed.code != "not_found" or not explain:
            raise as_typed from None  # found as typed, but not in that context
        raise _not_found(body, exact) from None
    last = found + len(quote) - 1
    start, end = text.starts[found], text.ends[last]
    prefix_start = text.starts[found - len(before)] if before else start
    suffix_end = text.ends[last + len(after)] if after else end
    return Anchor(
        start=start,
        end=end,
        exact=body[start:end],
        prefix=body[prefix_start:start],
        suffix=body[end:suffix_end],
    )


def _not_found(body: str, exact: str) -> QuoteAnchorError:
    message = "The quote was not found in the source body."
    folded = _normalised_body(body, fold_case=True)
    if normalise(exact, fold_case=True).text in folded.text:
        message += " It does occur with different capitalisation; quote the body exactly."
    nearest = nearest_passage(body, exact, normalised=folded)
    if nearest is not None:
        start, end = nearest
        passage = body[start:end]
        if len(passage) > _NEAREST_SHOWN:
            half = _NEAREST_SHOWN // 2
            passage = f"{passage[:half]}…{passage[-half:]}"
        message += f" The nearest passage is “{passage}” (at {start})."
    return QuoteAnchorError("exact", message, "not_found")


def nearest_passage(
    body: str, exact: str, *, normalised: _Normalised | None = None
) -> tuple[int, int] | None:
    """The body's passage most like ``exact`` (start, end), or None when nothing is close.

    Pieces of the quote found verbatim vote for where it would start; difflib then compares
    the few windows with the most votes, so the time stays bounded for a long body.
    """
    text = normalised or normalise(body, fold_case=True)
    quote = normalise(exact, fold_case=True).text.strip()
    if not quote or not text.text or len(quote) > _NEAREST_LONGEST:
        return None
    size = len(quote)
    votes: dict[int, int] = {}
    width = max(1, size // 4)  # how far apart two candidate starts must be
    for offset, piece in _pieces(quote):
        hits, at = [], text.text.find(piece)
        while at != -1 and len(hits) <= _NEAREST_HITS:
            hits.append(at)
            at = text.text.find(piece, at + 1)
        if len(hits) > _NEAREST_HITS:
            continue  # too common to tell where the passage is
        for hit in hits:
            bucket = max(0, hit - offset) // width
            votes[bucket] = votes.get(bucket, 0) + 1
    best: tuple[float, int, int] | None = None
    for bucket in sorted(votes, key=lambda b: (-votes[b], b))[:_NEAREST_CANDIDATES]:
        origin = max(0, bucket * width - size // 4)
        window = text.text[origin : origin + size + size // 2 + width]
        span = _matched_span(window, quote)
        if span is None:
            continue
        low, high = origin + span[0], origin + span[1]
        ratio = SequenceMatcher(None, text.text[low:high], quote, autojunk=False).ratio()
        if best is None or ratio > best[0]:
            best = (ratio, low, high)
    if best is None or best[0] < NEAREST_MIN_RATIO:
        return None
    low, high = best[1], best[2]
    while low < high and text.text[low] == " ":
        low += 1
    while high > low and text.text[high - 1] == " ":
        high -= 1
    if low == high:
        return None
    start, end = text.starts[low], text.ends[high - 1]
    # Whole words of the body, not a cut one.
    while start > 0 and _in_word(body[start - 1]) and _in_word(body[start]):
        start -= 1
    while end < len(body) and _in_word(body[end]) and _in_word(body[end - 1]):
        end += 1
    return start, end


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "'\u2019"  # "we're" is one word, curly or not


def _pieces(quote: str) -> list[tuple[int, str]]:
    """Evenly spread pieces of the quote, long enough to be rare in a body, with offsets."""
    length = max(4, min(12, len(quote) // 3))
    step = max(1, (len(quote) - length) // _NEAREST_PIECES)
    return [(at, quote[at : at + length]) for at in range(0, len(quote) - length + 1, step)]


def _matched_span(window: str, quote: str) -> tuple[int, int] | None:
    """The part of ``window`` from its first to its last block matching ``quote``, stray
    single characters at the edges left out."""
    matcher = SequenceMatcher(None, window, quote, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    solid = [block for block in blocks if block.size >= 3] or blocks
    if not solid:
        return None
    return solid[0].a, solid[-1].a + solid[-1].size


# --- Re-anchoring in a changed body -----------------------------------------------------------
#
# When a source's body changes, each quote is looked for again: first by its selector (its
# exact words between its prefix and suffix, as ``anchor_quote``; words that stood once in
# the old body and stand once in the new one are the quote's, whatever its prefix and suffix
# say, since those only pick among repeats); failing that, by an
# approximate match scored as Hypothesis's match-quote scores one (its quote, prefix, suffix
# and position, weighted 50, 20, 20 and 2), the prefix and suffix being the 32 characters
# around the quote in the body it was anchored in. A match is accepted only when
#
# - the passage is close to the quote: at most a fifth of its characters edited
#   (``REANCHOR_MIN_QUOTE``), and
# - its weighted score reaches ``REANCHOR_MIN_SCORE``: with the quote's words intact, the
#   context must still agree on average for about half its characters, so a lookalike
#   elsewhere in the body, in other surroundings, is refused, and
# - no other passage of the body is about as close to the quote (within
#   ``REANCHOR_RIVAL_MARGIN``): between two lookalikes the quote is orphaned, never moved to
#   either by a guess.
#
# Everything is compared with typography set aside and case folded (``normalise``).

REANCHOR_MIN_QUOTE = 0.8
REANCHOR_MIN_SCORE = 0.75
REANCHOR_RIVAL_MARGIN = 0.1
CONTEXT_LENGTH = 32  # characters of context on each side, as Hypothesis keeps
_WEIGHTS = {"quote": 50, "prefix": 20, "suffix": 20, "position": 2}
_CANDIDATES = 8  # places voted for that are aligned with the quote
_EDGE = 24  # characters at each end of the quote that place its ends
_COMMON_PAIR = 50  # a pair of words found more often than this is too common to vote
_WORD = re.compile(r"\w+")
_WORD_RUN = re.compile(r"(?:[^\W_]|['\u2019])+")  # the characters ``_in_word`` joins


@dataclass(frozen=True)
class Context:
    """What surrounded a quote where it was anchored: the text just before and just after it
    (empty at the body's ends, None when unknown), and where it stood, as a fraction of the
    body's length (None when unknown). An unknown side supports no match."""

    before: str | None
    after: str | None
    position: float | None
    # The quote's words stood once in that body: found once in the new one, they are the
    # quote's, whatever its prefix and suffix (which only pick among repeats) now say.
    unique: bool = False

    @classmethod
    def around(cls, body: str, start: int, end: int) -> "Context":
        return cls(
            before=body[max(0, start - CONTEXT_LENGTH) : start],
            after=body[end : end + CONTEXT_LENGTH],
            position=start / max(1, len(body)),
            unique=start < end and body.count(body[start:end]) == 1,
        )


@dataclass(frozen=True)
class Reanchoring:
    """A quote found again: ``kept`` when by its selector, else by an approximate match of
    ``score`` (``REANCHOR_MIN_SCORE`` to 1)."""

    anchor: Anchor
    kept: bool
    score: float = 1.0


class ChangedBody:
    """A new body, read once for re-anchoring any number of quotes in it: its normalised
    text and where each pair of consecutive words of it stands."""

    def __init__(self, body: str) -> None:
        self.body = body
        # Folded from the normalisation the selector's search reads too (one pass, not two):
        # folding keeps every character's offsets.
        typed = _normalised_body(body)
        self.normalised = _Normalised(_folded(typed.text), typed.starts, typed.ends)
        text = self.normalised.text
        words = [(match.start(), match.group()) for match in _WORD.finditer(text)]
        # Where a passage may start or end: anywhere but inside a word.
        self.boundaries: list[int] = []
        at = 0
        for run in _WORD_RUN.finditer(text):
            self.boundaries += range(at, run.start() + 1)
            at = run.end()
        self.boundaries += range(at, len(text) + 1)
        self.pairs: dict[tuple[str, str], list[int]] = {}
        self.singles: dict[str, list[int]] = {}
        for index, (at, word) in enumerate(words):
            self.singles.setdefault(word, []).append(at)
            if index + 1 < len(words):
                self.pairs.setdefault((word, words[index + 1][1]), []).append(at)

    def reanchor(
        self, *, exact: str, prefix: str, suffix: str, context: Context | None
    ) -> Reanchoring | None:
        """The quote's place in this body, or None when it is lost (orphaned). ``context``:
        its surroundings where it was anchored; without it, only its selector finds it."""
        try:
            return Reanchoring(_anchor(self.body, exact, prefix, suffix, explain=False), True)
        except QuoteAnchorError:
            pass
        if context is None:
            return None
        if context.unique and (prefix or suffix):
            try:
                anchor = _anchor(self.body, exact, "", "", explain=False)
            except QuoteAnchorError:
                pass
            else:
                return Reanchoring(self._reselected(anchor, prefix, suffix), kept=True)
        match = self._best_match(normalise(exact, fold_case=True).text, context)
        if match is None:
            return None
        score, low, high = match
        start, end = self.normalised.starts[low], self.normalised.ends[high - 1]
        anchor = Anchor(start=start, end=end, exact=self.body[start:end])
        return Reanchoring(self._reselected(anchor, prefix, suffix), kept=False, score=score)

    def _reselected(self, anchor: Anchor, prefix: str, suffix: str) -> Anchor:
        """The anchor with a prefix and a suffix as long as the quote's were (none when it
        had none), in this body's characters: its selector finds it here."""
        start, end, body = anchor.start, anchor.end, self.body
        return Anchor(
            start=start,
            end=end,
            exact=anchor.exact,
            prefix=body[max(0, start - len(prefix)) : start] if prefix else "",
            suffix=body[end : end + len(suffix)] if suffix else "",
        )

    def _best_match(self, quote: str, context: Context) -> tuple[float, int, int] | None:
        """The approximate match (score, low, high in the normalised text) if one is
        accepted (see the rules above)."""
        quote = quote.strip()
        if not quote:
            return None
        before, after = (
            None if side is None else normalise(side, fold_case=True).text
            for side in (context.before, context.after)
        )

        found: list[tuple[float, float, int, int]] = []  # (score, similarity, low, high)
        for origin in self._voted_starts(quote):
            span = self._aligned(quote, origin, before, after)
            if span is None or any(low < span[1] and span[0] < high for *_, low, high in found):
                continue
            similarity = _similarity(quote, self.normalised.text[span[0] : span[1]])
            score = self._score(similarity, span, before, after, context.position)
            found.append((score, similarity, *span))
        if not found:
            return None
        found.sort(reverse=True)
        score, similarity, low, high = found[0]
        if similarity < REANCHOR_MIN_QUOTE or score < REANCHOR_MIN_SCORE:
            return None
        if any(other >= similarity - REANCHOR_RIVAL_MARGIN for _, other, *_ in found[1:]):
            return None  # a lookalike elsewhere: ambiguous
        return score, low, high

    def _voted_starts(self, quote: str) -> list[int]:
        """Where the quote may start in the normalised text, most likely first: each pair of
        its words (each word, for a one-word quote) found in the body votes for the start
        it implies."""
        words = [(match.start(), match.group()) for match in _WORD.finditer(quote)]
        if len(words) >= 2:
            keys = [((a, b), at) for (at, a), (_, b) in pairwise(words)]
            index = self.pairs
        else:
            keys = [(word, at) for at, word in words]
            index = self.singles
        width = max(16, len(quote) // 4)  # starts this close are one place
        votes: dict[int, list[int]] = {}
        for key, offset in keys:
            hits = index.get(key, ())
            if len(hits) > _COMMON_PAIR:
                continue
            for hit in hits:
                start = max(0, hit - offset)
                votes.setdefault(start // width, []).append(start)
        ranked = sorted(votes.values(), key=lambda starts: (-len(starts), starts[0]))
        # The places with a third of the votes of the first at least (a lookalike has about
        # as many), each by its most voted start: where the unchanged words put it.
        enough = len(ranked[0]) / 3 if ranked else 0
        return [max(set(s), key=s.count) for s in ranked[:_CANDIDATES] if len(s) >= enough]

    def _aligned(self, quote: str, origin: int, before: str | None, after: str | None):
        """The passage starting near ``origin`` most like the quote (low, high in the
        normalised text): its start is the word boundary nearby where the quote's first
        characters, and the text before them its prefix, match best; its end likewise with
        its last characters and suffix (words inserted or removed move them)."""
        text, reach = self.normalised.text, 16 + len(quote) // 8
        head, tail = quote[:_EDGE], quote[-_EDGE:]

        def opening(at: int) -> tuple[float, int]:
            fit = _WEIGHTS["quote"] * _similarity(head, text[at : at + len(head)])
            fit += _WEIGHTS["prefix"] * _prefix_fit(before, text, at)
            return fit, -abs(at - origin)

        def closing(at: int) -> tuple[float, int]:
            fit = _WEIGHTS["quote"] * _similarity(tail, text[max(0, at - len(tail)) : at])
            fit += _WEIGHTS["suffix"] * _suffix_fit(after, text, at)
            return fit, -abs(at - start - len(quote))

        start = max(self._between(origin - reach, origin + reach), key=opening, default=None)
        if start is None:
            return None
        guess = start + len(quote)
        end = max(
            self._between(max(start + 1, guess - reach), guess + reach), key=closing, default=None
        )
        if end is None:
            return None

        # Then each end again, the whole quote compared: a word inserted or removed next to
        # an end shifts its first or last characters, not the whole.
        def whole(low: int, high: int) -> float:
            fit = _WEIGHTS["quote"] * _similarity(quote, text[low:high])
            fit += _WEIGHTS["prefix"] * _prefix_fit(before, text, low)
            return fit + _WEIGHTS["suffix"] * _suffix_fit(after, text, high)

        start = max(
            self._between(start - reach, min(end - 1, start + reach)),
            key=lambda p: (whole(p, end), -abs(p - start)),
        )
        end = max(
            self._between(start + 1, end + reach), key=lambda p: (whole(start, p), -abs(p - end))
        )
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        return (start, end) if start < end else None

    def _between(self, low: int, high: int) -> list[int]:
        """The word boundaries from ``low`` to ``high``, both included."""
        boundaries = self.boundaries
        return boundaries[bisect_left(boundaries, low) : bisect_right(boundaries, high)]

    def _score(
        self,
        similarity: float,
        span: tuple[int, int],
        before: str | None,
        after: str | None,
        position: float | None,
    ) -> float:
        text = self.normalised.text
        low, high = span
        prefix = _prefix_fit(before, text, low)
        suffix = _suffix_fit(after, text, high)
        nearness = 0.0 if position is None else 1.0 - abs(low / max(1, len(text)) - position)
        weighted = (
            _WEIGHTS["quote"] * similarity
            + _WEIGHTS["prefix"] * prefix
            + _WEIGHTS["suffix"] * suffix
            + _WEIGHTS["position"] * nearness
        )
        return weighted / sum(_WEIGHTS.values())


def _prefix_fit(before: str | None, text: str, at: int) -> float:
    """How well the text before ``at`` matches what stood before the quote: 0 when that is
    unknown; when the quote opened the body, 1 at the start of the text, else 0."""
    if before is None:
        return 0.0
    if not before:  # a normalised text opens with one space at most
        return 1.0 if at == 0 or (at == 1 and text[0] == " ") else 0.0
    return _similarity(before, text[max(0, at - len(before)) : at])


def _suffix_fit(after: str | None, text: str, at: int) -> float:
    """As ``_prefix_fit``, for the text after ``at`` and what stood after the quote."""
    if after is None:
        return 0.0
    if not after:
        return 1.0 if at == len(text) or (at == len(text) - 1 and text[-1] == " ") else 0.0
    return _similarity(after, text[at : at + len(after)])


def _similarity(expected: str, found: str) -> float:
    """1 less the edits that turn ``expected`` into ``found``, per character of ``expected``
    (as match-quote scores a match), at least 0."""
    if not expected:
        return 1.0 if not found else 0.0
    return max(0.0, 1.0 - Levenshtein.distance(expected, found) / len(expected))
