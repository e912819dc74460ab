"""Sentences and quotations of a body, as offsets into it."""

import re
from dataclasses import dataclass

OPENING = "“"
CLOSING = "”"
ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "jr",
        "sr",
        "no",
        "vs",
        "inc",
        "corp",
        "ltd",
        "prof",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
    }
)
_END = re.compile(r"[.!?]+[”\"\u2019)]*(?=\s+[“\"A-Z0-9\u2018(])")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def paragraphs(body: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", body)]


def quotations(body: str, paragraph: Span) -> list[Span]:
    """The inner spans of the quotations of a paragraph, typographic or straight.

    A quotation left open runs to the paragraph's end, as a quote continued in the
    next paragraph does in news style.
    """
    spans: list[Span] = []
    text = body[paragraph.start : paragraph.end]
    position = 0
    while position < len(text):
        opening = _next_opening(text, position)
        if opening is None:
            break
        index, mark = opening
        closing_mark = CLOSING if mark == OPENING else '"'
        end = text.find(closing_mark, index + 1)
        if end == -1:
            end = len(text)
        position = end + 1
        if mark == OPENING:
            reopen = text.find(OPENING, index + 1)
            if reopen != -1 and reopen < end:
                end = position = reopen  # left open: it stops where the next one opens
        spans.append(Span(paragraph.start + index + 1, paragraph.start + end))
    return spans


def _next_opening(text: str, position: int) -> tuple[int, str] | None:
    curly = text.find(OPENING, position)
    straight = text.find('"', position)
    found = [(i, m) for i, m in ((curly, OPENING), (straight, '"')) if i != -1]
    return min(found) if found else None


def sentences(body: str, paragraph: Span, quotes: list[Span]) -> list[Span]:
    """The sentences of a paragraph; a quotation is never cut, whatever stops inside it."""
    result, start = [], paragraph.start
    text = body[: paragraph.end]
    for match in _END.finditer(text, paragraph.start):
        end = match.end()
        if any(q.start <= match.start() < q.end for q in quotes):
            continue
        word = re.search(r"([\w.]+)[.!?]*$", body[start : match.start() + 1])
        if word and match.group()[0] == ".":
            stem = word.group(1).rstrip(".").casefold()
            if stem in ABBREVIATIONS or (len(stem) == 1 and stem.isalpha()):
                continue
        result.append(Span(start, end))
        start = end
        while start < paragraph.end and body[start].isspace():
            start += 1
    if start < paragraph.end:
        result.append(Span(start, paragraph.end))
    return result
