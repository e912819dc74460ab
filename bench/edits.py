"""Articles and their corrections, deterministic, for re-anchoring quotes (issue 15).

An article is paragraphs of sentences; some sentences hold a quote. A correction copies
the article and edits it as newsrooms do: typo fixes, whitespace changes, inserted
paragraphs, reworded sentences (inside a quote or around it), and now and then a quoted
sentence cut. Both versions are rendered, so each quote's offsets in the old body and its
expected offsets in the new one (None when its sentence was cut) are known by
construction. ``fixtures/anchoring/edited_articles.json`` is built from them
(``python -m bench anchoring-fixtures``), and the benchmark re-anchors one 5,000-word
article's 200 quotes (``python -m bench reanchor``).
"""

import copy
import random
from dataclasses import dataclass, field

from bench.corpus import FIRST_NAMES, FREQUENT, LAST_NAMES, NEWS, PLACES, ROLES

SYLLABLES = "ba ko ri mentu sal ver dan oli tra pen gor ush lim fe nat cor bel ide mar sto".split()
# The edits a correction makes to a quote, and how often (the rest of a quote's weight is
# left unchanged, its surroundings edited at most).
QUOTE_EDITS = {
    "typo_fixed": 0.18,
    "whitespace": 0.12,
    "word_inserted": 0.06,
    "word_removed": 0.06,
    "word_replaced": 0.06,
    "context_reworded": 0.12,
    "sentence_cut": 0.03,
}


@dataclass
class Part:
    text: str
    quote: int | None = None  # the quote's number when this part is one
    typo: tuple[int, str] | None = None  # a misspelt word of the quote: (index, the word)


@dataclass
class Article:
    paragraphs: list[list[list[Part]]] = field(default_factory=list)  # of sentences of parts

    def render(self) -> tuple[str, dict[int, tuple[int, int]]]:
        """The body, and where each quote stands in it."""
        out: list[str] = []
        spans: dict[int, tuple[int, int]] = {}
        length = 0
        for p, paragraph in enumerate(self.paragraphs):
            if p:
                out.append("\n\n")
                length += 2
            for s, sentence in enumerate(paragraph):
                if s:
                    out.append(" ")
                    length += 1
                for part in sentence:
                    if part.quote is not None:
                        spans[part.quote] = (length, length + len(part.text))
                    out.append(part.text)
                    length += len(part.text)
        return "".join(out), spans


class Writer:
    """Sentences that differ from each other: words drawn from the news vocabulary and a
    tail of made-up words, so that no two sentences of an article are lookalikes."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        tail = {
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(3000)
        }
        self.words = [*FREQUENT, *NEWS, *(p.lower() for p in PLACES), *sorted(tail)]

    def clause(self, low: int = 8, high: int = 18) -> str:
        rng = self.rng
        words = [rng.choice(self.words) for _ in range(rng.randint(low, high))]
        if rng.random() < 0.3:
            words.insert(rng.randint(1, len(words) - 1), rng.choice(PLACES))
        return " ".join(words)

    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def plain(self) -> list[Part]:
        text = self.clause()
        return [Part(text[0].upper() + text[1:] + ".")]

    def quoted(self, number: int) -> list[Part]:
        rng, words = self.rng, self.clause()
        form = rng.randrange(3)
        if form == 0:
            quote = words[0].upper() + words[1:]
            return [Part("\u201c"), Part(quote, number), Part(f",\u201d {self.name()} said.")]
        if form == 1:
            role = rng.choice(ROLES)
            return [Part(f"{self.name()}, the {role}, said that "), Part(words, number), Part(".")]
        quote = words[0].upper() + words[1:] + "."
        return [Part(f'{self.name()} told reporters: "'), Part(quote, number), Part('"')]


def _typo(word: str, rng: random.Random) -> str:
    """The word with two neighbouring letters swapped (a typo a correction fixes)."""
    if len(word) < 4:
        return word + word[-1]
    at = rng.randrange(1, len(word) - 2)
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def article(rng: random.Random, *, words: int, quotes: int) -> tuple[Article, dict[int, str]]:
    """An article of about ``words`` words holding ``quotes`` quotes, and the edit each quote
    will meet (``QUOTE_EDITS``, or "unchanged"); the quotes with a typo to be fixed carry it."""
    writer = Writer(rng)
    sentences = [writer.quoted(number) for number in range(quotes)]
    count = sum(len("".join(part.text for part in sentence).split()) for sentence in sentences)
    while count < words:  # sentences without quotes between them, up to the length
        sentence = writer.plain()
        sentences.insert(rng.randrange(len(sentences) + 1), sentence)
        count += len(sentence[0].text.split())
    kinds = list(QUOTE_EDITS)
    weights = [*QUOTE_EDITS.values(), 1 - sum(QUOTE_EDITS.values())]
    plan = {number: rng.choices([*kinds, "unchanged"], weights)[0] for number in range(quotes)}
    for sentence in sentences:
        for part in sentence:
            if part.quote is not None and plan[part.quote] == "typo_fixed":
                words_ = part.text.split(" ")
                at = rng.randrange(len(words_))
                part.typo = (at, words_[at])  # fixed by the correction
                words_[at] = _typo(words_[at], rng)
                part.text = " ".join(words_)
    result = Article()
    while sentences:
        take = rng.randint(2, 5)
        result.paragraphs.append(sentences[:take])
        sentences = sentences[take:]
    return result, plan


def corrected(
    rng: random.Random, old: Article, plan: dict[int, str], *, inserted: int = 2
) -> Article:
    """The article after its correction: each quote edited as ``plan`` says, some other
    sentences reworded, ``inserted`` paragraphs added and a few spaces changed."""
    new = copy.deepcopy(old)
    writer = Writer(rng)
    for paragraph in new.paragraphs:
        for index, sentence in enumerate(paragraph):
            quoted = [part for part in sentence if part.quote is not None]
            if not quoted:
                if rng.random() < 0.1:  # a sentence reworded, far from any quote or not
                    paragraph[index] = writer.plain()
                elif rng.random() < 0.1:
                    sentence[0].text = sentence[0].text.replace(" ", "  ", 1)
                continue
            part = quoted[0]
            _edit_quote(rng, writer, paragraph, index, part, plan[part.quote])
        paragraph[:] = [s for s in paragraph if s]
    new.paragraphs = [p for p in new.paragraphs if p]
    for _ in range(inserted):
        at = rng.randrange(len(new.paragraphs) + 1)
        new.paragraphs.insert(at, [writer.plain() for _ in range(rng.randint(1, 3))])
    return new


def _edit_quote(
    rng: random.Random,
    writer: Writer,
    paragraph: list[list[Part]],
    index: int,
    part: Part,
    kind: str,
) -> None:
    words = part.text.split(" ")
    if kind == "typo_fixed":
        at, word = part.typo
        words[at] = word
    elif kind == "whitespace":
        at = rng.randrange(1, len(words))
        words[at] = rng.choice(["\n", " ", "\u00a0"]) + words[at]
    elif kind == "word_inserted":
        words.insert(rng.randrange(1, len(words)), rng.choice(writer.words))
    elif kind == "word_removed":
        del words[rng.randrange(1, len(words) - 1)]
    elif kind == "word_replaced":
        words[rng.randrange(1, len(words) - 1)] = rng.choice(writer.words)
    elif kind == "context_reworded":
        # The sentences around the quote reworded; the quote itself kept.
        for near in (index - 1, index + 1):
            if 0 <= near < len(paragraph) and all(p.quote is None for p in paragraph[near]):
                paragraph[near] = writer.plain()
        for other in paragraph[index]:
            if other is not part and rng.random() < 0.5:
                other.text = other.text.replace(" said", " told the press", 1)
    elif kind == "sentence_cut":
        paragraph[index] = []
        return
    part.text = " ".join(words)


@dataclass(frozen=True)
class Case:
    """One quote of an article and where it should stand after the correction."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    edit: str
    expected: tuple[int, int] | None


def cases(seed: int, *, words: int, quotes: int, inserted: int = 2) -> tuple[str, str, list[Case]]:
    """An article's old and new bodies, and its quotes as cases."""
    rng = random.Random(seed)
    old, plan = article(rng, words=words, quotes=quotes)
    new = corrected(rng, old, plan, inserted=inserted)
    old_body, old_spans = old.render()
    new_body, new_spans = new.render()
    found = []
    for number, (start, end) in sorted(old_spans.items()):
        # A fifth of the quotes were saved with a prefix and a suffix, as if they repeated.
        context = rng.random() < 0.2
        found.append(
            Case(
                exact=old_body[start:end],
                prefix=old_body[max(0, start - 12) : start] if context else "",
                suffix=old_body[end : end + 12] if context else "",
                start=start,
                end=end,
                edit=plan[number],
                expected=new_spans.get(number),
            )
        )
    return old_body, new_body, found


@dataclass
class Outcome:
    """How the quotes of some cases fared: found where expected (or orphaned when their
    sentence was cut), and how; ``misplaced``: found somewhere else, the one failure that
    must never happen silently."""

    quotes: int = 0
    correct: int = 0
    kept: int = 0
    reanchored: int = 0
    orphaned: int = 0
    misplaced: int = 0
    failures: list[str] = field(default_factory=list)


def reanchor_all(old_body: str, new_body: str, quotes: list[Case], outcome: Outcome) -> None:
    """Re-anchor ``quotes`` in ``new_body`` as the services do, and count the outcomes."""
    from statements.quotes import ChangedBody, Context

    body = ChangedBody(new_body)
    for case in quotes:
        found = body.reanchor(
            exact=case.exact,
            prefix=case.prefix,
            suffix=case.suffix,
            context=Context.around(old_body, case.start, case.end),
        )
        outcome.quotes += 1
        if found is None:
            outcome.orphaned += 1
            place = None
        else:
            outcome.kept += found.kept
            outcome.reanchored += not found.kept
            place = (found.anchor.start, found.anchor.end)
        if place == case.expected:
            outcome.correct += 1
            continue
        if place is not None:
            outcome.misplaced += 1
        shown = "orphaned" if place is None else repr(new_body[place[0] : place[1]])
        wanted = "orphaned" if case.expected is None else repr(new_body[slice(*case.expected)])
        outcome.failures.append(f"{case.edit}: {case.exact!r} -> {shown}, expected {wanted}")
