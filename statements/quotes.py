"""Anchoring a quote in its source's body (W3C TextQuoteSelector + TextPositionSelector)."""

from dataclasses import dataclass


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
    start: int
    end: int


def _occurrences(body: str, exact: str) -> list[int]:
    starts, index = [], body.find(exact)
    while index != -1:
        starts.append(index)
        index = body.find(exact, index + 1)
    return starts


def anchor_quote(*, body: str, exact: str, prefix: str = "", suffix: str = "") -> Anchor:
    """Find the one place in ``body`` where ``exact`` stands, between ``prefix`` and ``suffix``.

    Prefix and suffix pick among repeats, as in the W3C selector: the text just before the
    quote must end with the prefix and the text just after it must start with the suffix.
    Raises QuoteAnchorError when the quote is absent or stands in more than one place.
    """
    if not exact:
        raise QuoteAnchorError(
            "exact", "The quote is empty: give the exact words from the source.", "required"
        )
    occurrences = _occurrences(body, exact)
    if not occurrences:
        return _raise_not_found(body, exact)
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
    return Anchor(start=matches[0], end=matches[0] + len(exact))


def _raise_not_found(body: str, exact: str) -> Anchor:
    hint = ""
    if body.casefold().find(exact.casefold()) != -1:
        hint = " It does occur with different capitalisation; quote the body exactly."
    elif " ".join(exact.split()) in " ".join(body.split()):
        hint = " It does occur with different spacing; quote the body exactly."
    raise QuoteAnchorError(
        "exact", f"The quote was not found in the source body.{hint}", "not_found"
    )
