"""Anchoring a quote in its source's body (W3C TextQuoteSelector + TextPositionSelector).

A quote is looked for character for character first. Failing that it is looked for again
with typography set aside (curly or straight quotes and apostrophes, dashes, runs of
whitespace), and the anchor then carries the body's own characters at that place, so what
is stored always stands in the body as it is.
"""

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

# Characters a keyboard types differently from a typeset text: each class read as one.
_CANONICAL = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\uff07`", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    }
)

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
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if chars and chars[-1] == " " and ends[-1] == index:
                ends[-1] = index + 1
                continue
            char = " "
        else:
            char = char.translate(_CANONICAL)
            if fold_case and len(lower := char.lower()) == 1:
                char = lower  # one character for one, so the offsets still map
        chars.append(char)
        starts.append(index)
        ends.append(index + 1)
    return _Normalised("".join(chars), tuple(starts), tuple(ends))


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
    try:
        start = _locate(body, exact, prefix, suffix)
    except QuoteAnchorError as error:
        if error.code == "ambiguous":
            raise
        return _anchor_tolerantly(body, exact, prefix, suffix, as_typed=error)
    return Anchor(start=start, end=start + len(exact), exact=exact, prefix=prefix, suffix=suffix)


def _anchor_tolerantly(
    body: str, exact: str, prefix: str, suffix: str, *, as_typed: QuoteAnchorError
) -> Anchor:
    text = _normalised_body(body)
    quote, before, after = (normalise(part).text for part in (exact, prefix, suffix))
    try:
        found = _locate(text.text, quote, before, after)
    except QuoteAnchorError as error:
        if error.code != "not_found":
            raise
        if as_typed.code != "not_found":
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
