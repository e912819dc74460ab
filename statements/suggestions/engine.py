"""The rules that read a body and suggest its attributions: speaker, quote, mode, speech act."""

import hashlib
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace

from statements.choices import AttributionMode, SpeakerKind, SpeechAct
from statements.quotes import QuoteAnchorError, anchor_quote
from statements.suggestions.lexicon import (
    BE,
    BETWEEN_SUBJECT_AND_VERB,
    CONTENT_CUES,
    CONTINUING_PARTICIPLES,
    GENERIC_BODIES,
    GROUP_HEADS,
    HONORIFIC_GENDER,
    NEGATIONS,
    NOT_A_PERSON,
    NOT_BEFORE_VERB,
    NP_STOPWORDS,
    OCCASION_PATTERN,
    REPORTING_VERBS,
    SPOKESPEOPLE,
    TITLE_WORDS,
    UNNAMED_HEADS,
    VERB_FORMS,
    VERB_PATTERN,
    WEEKDAYS,
)
from statements.suggestions.speakers import (
    CandidateSpeaker,
    Mention,
    SpeakerDirectory,
    SpeakerRef,
    analyse_phrase,
    country_name,
    normalize_name,
)
from statements.suggestions.text import Span, paragraphs, quotations, sentences

# Confidence of each rule, before the speaker's own (a pronoun or a guess lowers it).
CONFIDENCE = {
    "quote": 0.9,
    "clause": 0.8,
    "according": 0.8,
    "continuation": 0.7,
    "nominal": 0.6,
    "quote_follows": 0.5,
    "agentless": 0.4,
}
SPEAKER_FACTOR = {"name": 1.0, "alias": 1.0, "surname": 0.95, "misspelling": 0.85, "new": 0.9}
PRONOUN_FACTOR = 0.85
# A quotation this short without a cue is a scare quote or a title, not a statement.
MIN_UNCUED_QUOTE_WORDS = 4
# Letters of a word that must match for a candidate speaker to be considered at all.
STEM = 4
# Context quoted around an ``exact`` that repeats: grown in these steps until it is unique.
CONTEXT_STEP = 16

AUXILIARY_AFTER_AND = re.compile(
    r",?\s+and\s+(?=(?:now\s+|also\s+)?(?:are|is|was|were|has|have|had|will|would|could|"
    r"may|might|can)\b)"
)
# How a phrase joins speakers: "X and Y", "X, Y and Z", "X, along with Y,".
_JOINED = re.compile(
    r",?\s*(?:along|together)\s+with\s+|,\s*as\s+well\s+as\s+|,\s*(?:and\s+)?|\s+and\s+"
)
_ALONG = re.compile(r"(?:along|together)\s+with\b|as\s+well\s+as\b")
# The capitalised phrase a sentence opens with, when a verb follows it.
_INITIAL_SUBJECT = re.compile(
    r"(?P<np>(?:[A-Z][\w\u2019'.-]*\s+){0,5}[A-Z][\w\u2019'-]*)\s+[a-z]+\b"
)
_PREPOSITION = re.compile(r"\s(?:in|of|at|from|for)\s")
_PERSON = re.compile(
    r"(?:\b(?P<honorific>Mr|Mrs|Ms|Miss|Dr)\.?\s+)?"
    r"(?P<name>[A-Z][a-z\u00c0-\u017f\u2019'-]+(?:\s+[A-Z][a-z\u00c0-\u017f\u2019'-]+){0,2})\b"
)
# ", raising concerns …", ", which …", ", while …": the reported clause ends there.
_ADJUNCT = re.compile(r",\s+(?:[a-z]+ing|which|who|while|whereas)\b")
_AFTER_QUOTE = re.compile(r"[,.!?]*[”\"][,.!?]*\s*")
_TOKEN = re.compile(r"[^\s,;:“”\"()]+|[,;:“”\"()]")
_WITH = re.compile(r"\bwith\s+(?P<np>[^,;:“”\"]+?)\s+(?:also\s+)?$")
_THAT = re.compile(r"^(?:\s+[^\s,.;:“”\"]+){0,7}?\s+that\b")
_TRAILER = re.compile(
    r"^(?:\s*(?:on\s+\w+day|in\s+a\s+statement|in\s+an\s+interview|to\s+reporters|"
    r"told\s+[\w\u2019'\s]+?|last\s+\w+|earlier\s+this\s+\w+|this\s+week|on\s+X|"
    r"in\s+a\s+post|in\s+[A-Z][\w-]*|at\s+the\s+time))*\s*[.!?]*[”\"\u2019]*\s*$"
)
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+(?P<np>[^,.;:“”\"]+)")
_NOMINAL = re.compile(
    r"\b(?P<noun>[Dd]enials?|[Ww]arnings?|[Cc]laims|[Cc]oncerns|[Aa]ccusations|[Cc]riticism)"
    r"\s+(?:from|by)\s+(?P<np>[^,.;:“”\"]+?)(?=\s+(?:regarding|about|over|of|on|that|have|has|"
    r"were|was|came|is|are)\b|[,.;])"
)
_CONCERNS_EXIST = re.compile(
    r"\b[Cc]oncerns\s+(?:also\s+)?(?:exist|persist|remain|are\s+growing|have\s+grown|mount)"
    r"\s+(?:in|among|within)\s+(?P<np>(?:the\s+)?[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)*)"
)
# Reports nobody is said to have made; "the reports" points back to ones named before.
_REPORTS = re.compile(
    r"(?<![Tt]he )(?<!these )(?<!those )(?<!such )(?<![\u2019']s )\b[Rr]eports\s+(?:of|that)\b"
)
_STANCE = re.compile(
    r"(?P<np>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)[\u2019']s\s+(?:(?:previous|long-standing|"
    r"longstanding|current|official|stated|earlier)\s+)?(?:stance|position|view|policy)"
    r"\s+(?:of|that|on)\b"
)
_DEEMED = re.compile(
    r"\b(?:is|was|are|were)\s+(?:\w+ly\s+)?(?:deemed|regarded\s+as|viewed\s+as|seen\s+as)\b"
)
_UNATTRIBUTED_REPORTS = SpeakerRef(name="Unattributed reports", kind=SpeakerKind.UNNAMED)


@dataclass
class Suggestion:
    """One suggested attribution: a speaker, the passage as a W3C selector, and how it is said.

    ``exact``/``prefix``/``suffix`` are a TextQuote selector and ``start``/``end`` a
    TextPosition selector into the body, so ``body[start:end] == exact``. The speaker is an
    existing one when ``speaker_id`` is set, else a proposed new one of ``speaker_kind``.
    """

    speaker_name: str
    speaker_kind: str
    speaker_id: int | None
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    mode: str
    speech_act: str
    verb: str
    speaker_role: str = ""
    occasion: str = ""
    confidence: float = 0.5

    @property
    def key(self) -> str:
        """The same for the same speaker and words on every run, whatever the offsets: what
        remembers that a suggestion was accepted or rejected."""
        speaker = (
            str(self.speaker_id) if self.speaker_id else "new:" + normalize_name(self.speaker_name)
        )
        return hashlib.sha256(f"{speaker}\n{self.exact}".encode()).hexdigest()[:20]

    def as_dict(self) -> dict:
        return {**asdict(self), "key": self.key}


@dataclass
class _Found:
    """A statement found by a rule, before its speakers are resolved into suggestions."""

    mentions: list[Mention]
    start: int
    end: int
    verb: str
    act: str
    rule: str
    clause_start: int = 0
    content_start: int = 0
    content_end: int = 0
    direct: bool = False
    speakers: list[tuple[SpeakerRef, str, float]] = field(default_factory=list)
    inherit: "_Found | None" = None


def suggest_attributions(
    body: str, candidates: Iterable[CandidateSpeaker] = ()
) -> list[Suggestion]:
    """Suggest the attributions of ``body``, matching speakers against ``candidates``.

    Pure: reads no database and loads no model. One suggestion per (speaker, passage);
    speakers reported together ("Russia and North Korea denied") each get their own.
    """
    reader = _Reader(body, SpeakerDirectory(_mentioned(body, candidates)))
    return reader.read()


def _mentioned(body: str, candidates: Iterable[CandidateSpeaker]) -> list[CandidateSpeaker]:
    """The candidates that may be named in ``body``: a word of a name or alias begins as a
    word of the body does (four letters, so that "Austen" still finds Lloyd Austin).

    Keeps the misspelling search to a handful of speakers however many the database holds.
    """
    stems = {word[:STEM].casefold() for word in re.findall(r"\w+", body)}
    return [
        candidate
        for candidate in candidates
        if any(
            word[:STEM] in stems
            for name in (candidate.name, *candidate.aliases)
            for word in re.findall(r"\w+", name.casefold())
        )
    ]


class _Reader:
    def __init__(self, body: str, directory: SpeakerDirectory) -> None:
        self.body = body
        self.directory = directory
        # Speakers in the order they were named, for pronouns and titles.
        self.history: list[tuple[SpeakerRef, str]] = []
        # The last speaker, role and verb: a quotation with no cue of its own continues them.
        self.last_quote_speaker: tuple[SpeakerRef, str, str] | None = None
        # "he" or "she", as an honorific or an earlier pronoun told.
        self.gender: dict[str, str] = {}

    # --- the walk ----------------------------------------------------------------------

    def read(self) -> list[Suggestion]:
        suggestions: list[Suggestion] = []
        for paragraph in paragraphs(self.body):
            quotes = quotations(self.body, paragraph)
            before = len(suggestions)
            for sentence in sentences(self.body, paragraph, quotes):
                inside = [q for q in quotes if sentence.start <= q.start < sentence.end]
                found = self._sentence(sentence, inside)
                for item in found:
                    suggestions.extend(self._suggest(item, sentence))
                self._note_people(sentence, inside)
            if len(suggestions) == before:
                self.last_quote_speaker = None  # a paragraph without speakers breaks the thread
        return _deduplicated(suggestions)

    def _sentence(self, sentence: Span, quotes: list[Span]) -> list[_Found]:
        found: list[_Found] = []
        headline = _is_headline(self.body[sentence.start : sentence.end])
        for match in VERB_PATTERN.finditer(self.body, sentence.start, sentence.end):
            if any(q.start <= match.start() < q.end for q in quotes):
                continue
            if match.group()[0].isupper() and match.start() != sentence.start and not headline:
                continue  # "Westbrook State University": a name, not a verb
            item = self._verb_cue(match, sentence, quotes, found)
            if item:
                found.append(item)
        found.sort(key=lambda item: item.clause_start)
        self._bound_contents(found, sentence, quotes)
        found.extend(self._patterns(sentence, quotes, found))
        found.extend(self._uncued_quotes(sentence, quotes, found))
        return _split_coordinated(found, self.body)

    # --- reporting verbs -----------------------------------------------------------------

    def _verb_cue(
        self, match: re.Match, sentence: Span, quotes: list[Span], earlier: list[_Found]
    ) -> _Found | None:
        body = self.body
        verb = match.group()
        lemma = VERB_FORMS[" ".join(verb.casefold().split())]
        first = verb.split()[0].casefold()
        before = _words_before(body, sentence.start, match.start())
        previous = before[-1][0].casefold() if before else ""
        if previous in NEGATIONS or previous in NOT_BEFORE_VERB or previous.endswith("n't"):
            return None
        act = REPORTING_VERBS[lemma]
        item = _Found([], match.start(), match.end(), verb, act, "clause")
        item.clause_start = match.start()
        item.content_start = match.end()
        be_before = _be_before(before)
        if first.endswith("ing") and not be_before:
            with_np = _WITH.search(body, sentence.start, match.start())
            comma = body[sentence.start : match.start()].rstrip().endswith(",")
            if with_np and not comma:
                mention = self._mentions(with_np.group("np"))
                if not mention:
                    return None
                item.mentions = mention
                item.start = item.clause_start = with_np.start("np")
            elif comma and first in CONTINUING_PARTICIPLES and earlier:
                item.inherit = earlier[-1]
                item.rule = "continuation"
                item.clause_start = body.rindex(",", sentence.start, match.start())
            elif comma and first in CONTINUING_PARTICIPLES:
                # "X has taken the opposite view, warning that …": the sentence's subject.
                subject = _INITIAL_SUBJECT.match(body, sentence.start, match.start())
                mention = self._mentions(subject.group("np")) if subject else []
                if not mention:
                    return None
                item.mentions = mention
                item.rule = "continuation"
                item.clause_start = body.rindex(",", sentence.start, match.start())
            else:
                return None
        elif be_before and not first.endswith("ing"):
            agent = re.match(r"\s+by\s+(?P<np>[^,.;:“”\"]+)", body[match.end() : sentence.end])
            if not agent:
                return None
            mention = self._mentions(_trim_np(agent.group("np")))
            if not mention:
                return None
            item.mentions = mention
            item.start = item.clause_start = sentence.start
            item.content_start = sentence.start
            item.content_end = match.start()
            item.end = match.end() + agent.end()
            item.rule = "passive"
            return item
        else:
            subject = self._left_subject(sentence, before, bool(earlier))
            if subject == "elided" and earlier:
                item.inherit = earlier[-1]
                item.clause_start = _and_before(body, sentence.start, match.start())
                item.start = match.start()
                aux = re.search(r"\b(?:has|have|had)\s+(?:also\s+)?$", body[: match.start()])
                if aux and aux.start() >= item.clause_start:
                    item.start = aux.start()
            elif isinstance(subject, tuple):
                start, text, role = subject
                mention = self._mentions(text)
                if not mention:
                    return None
                if role and len(mention) == 1 and not mention[0].role:
                    mention = [replace(mention[0], role=role)]
                item.mentions = mention
                item.start = item.clause_start = start
            else:
                right = self._right_subject(match, sentence)
                if not right:
                    return None
                mention, end = right
                item.mentions = mention
                item.content_start = end
                item.end = end
                item.rule = "postposed"
        self._content(item, sentence, quotes)
        return item

    def _left_subject(
        self, sentence: Span, before: list[tuple[str, int, int]], nested: bool
    ) -> tuple[int, str, str] | str | None:
        """The speaker phrase just before the verb (start, text, role), "elided", or None.

        ``nested``: an earlier cue of the sentence may report this one ("said that he had
        warned"), which is then no statement of its own.
        """
        index = len(before) - 1
        while index >= 0:
            word = before[index][0].casefold()
            if word in BETWEEN_SUBJECT_AND_VERB or (word.endswith("ly") and word != "italy"):
                index -= 1
            elif word in WEEKDAYS and index > 0 and before[index - 1][0].casefold() == "on":
                index -= 2
            else:
                break
        if index < 0:
            return None
        if before[index][0].casefold() in {"and", "but"}:
            return "elided"
        if before[index][0] == ",":
            previous = max((i for i in range(index) if before[i][0] == ","), default=-1)
            if previous < 0:
                return None
            segment = self.body[before[previous][2] : before[index][1]].strip()
            if _ALONG.match(segment):
                # "The UK government, along with North Korea and Russia, have all denied"
                index -= 1
            else:
                return self._appositive(before, previous, segment)
        first = self._np_start(before, index)
        if first is None:
            return None
        if nested and first > 0:
            previous = before[first - 1][0].casefold()
            if previous == "that" or previous in VERB_FORMS:
                return None
        start = before[first][1]
        return start, self.body[start : before[index][2]], ""

    def _np_start(self, before: list[tuple[str, int, int]], index: int) -> int | None:
        """The first token of the noun phrase that ends at ``index``, read leftwards."""
        start_index = index
        while start_index >= 0:
            word = before[start_index][0]
            low = word.casefold()
            if word in {";", ":", "(", ")", "“", "”", '"'}:
                break
            if word == ",":
                segment = " ".join(t for t, _, _ in before[start_index + 1 : index + 1])
                if _ALONG.match(segment):
                    start_index -= 1
                    continue
                break
            if low in VERB_FORMS and start_index < index:
                break
            if low in NP_STOPWORDS:
                previous = before[start_index - 1][0].casefold() if start_index > 0 else ""
                if low == "with" and previous in {"along", "together"}:
                    start_index -= 2
                    continue
                # "analysts at X", "economists polled by X", "people familiar with X"
                if low in {"at", "by", "with", "from"} and (
                    previous in UNNAMED_HEADS
                    or previous in GROUP_HEADS
                    or previous == "familiar"
                    or (previous.endswith("ed") and start_index > 1)
                ):
                    start_index -= 2
                    continue
                break
            start_index -= 1
        first = start_index + 1
        while first <= index and before[first][0].casefold() in {"and", "but", "while"}:
            first += 1
        return first if first <= index else None

    def _appositive(
        self, before: list[tuple[str, int, int]], comma: int, segment: str
    ) -> tuple[int, str, str] | None:
        """ "X, who leads …, said" / "its president, Christine Lagarde, said": who speaks."""
        first = self._np_start(before, comma - 1) if comma > 0 else None
        if first is None:
            return None
        start = before[first][1]
        head = self.body[start : before[comma - 1][2]]
        if re.match(r"(?:who|which|whose)\b|\d+$", segment):
            return start, head, ""
        inner = analyse_phrase(segment)
        outer = analyse_phrase(head)
        named_inner = inner is not None and (
            self.directory.existing(segment) is not None
            or (inner.kind == SpeakerKind.PERSON and len(inner.name.split()) >= 2)
        )
        if named_inner and (outer is None or outer.pronoun or outer.kind != SpeakerKind.PERSON):
            return start, segment, _role(head)
        return start, head, _role(segment)

    def _right_subject(self, match: re.Match, sentence: Span) -> tuple[list[Mention], int] | None:
        """ "…,” said Mr Kim" / "…, said the ministry": the speaker after the verb."""
        head = self.body[sentence.start : match.start()].rstrip()
        if not head.endswith((",", "”", '"', ",”", ',"')):
            return None
        after = re.match(
            r"\s+(?P<np>(?:the\s+|a\s+|an\s+)?(?:(?:Dr|Mr|Mrs|Ms|Gen|Sen|Rep|Gov|Lt|Col|Prof)\.\s+)?"
            r"[^,.;:“”\"]+?)(?=\s*(?:[,.;:!?]|$|\s+(?:in|on|at|"
            r"during|after|who|adding|before)\b))",
            self.body[match.end() : sentence.end],
        )
        if not after:
            return None
        mentions = self._mentions(after.group("np"))
        if not mentions:
            return None
        end = match.end() + after.end("np")
        # "…, said Sarah Lindqvist, the company's planning director."
        role = re.match(
            r",\s+(?P<role>(?:the|a|an)\s+[^,.;:“”\"]+)[,.]", self.body[end : sentence.end]
        )
        if role and len(mentions) == 1 and not mentions[0].role:
            mentions = [replace(mentions[0], role=_role(role.group("role")))]
        return mentions, end

    def _content(self, item: _Found, sentence: Span, quotes: list[Span]) -> None:
        """Where the reported words of a verb cue stand: after it, or before it (postposed)."""
        body = self.body
        rest = body[item.content_start : sentence.end]
        after_quote = any(_AFTER_QUOTE.fullmatch(body, q.end, item.clause_start) for q in quotes)
        if item.rule == "postposed" or after_quote or _TRAILER.match(rest):
            self._postposed(item, sentence, quotes)
            return
        that = _THAT.match(rest)
        if that and not any(q.start < item.content_start + that.end() <= q.end for q in quotes):
            item.content_start += that.end()
        while item.content_start < sentence.end and body[item.content_start] in " :,":
            item.content_start += 1
        item.content_end = sentence.end

    def _postposed(self, item: _Found, sentence: Span, quotes: list[Span]) -> None:
        """Content before the cue: the quotation just before it, or the clause up to a comma."""
        body = self.body
        cue_start = item.clause_start if item.rule != "postposed" else item.start
        if item.rule == "postposed":
            item.clause_start = item.start
        before = [q for q in quotes if q.end <= cue_start]
        item.rule = "quote" if before else "clause"
        if before:
            quote = before[-1]
            item.content_start, item.content_end = quote.start, quote.end
            item.direct = True
            # "…,” he said, “…”: the quotation after the cue is the same statement's.
            after = [q for q in quotes if q.start >= item.end]
            cue_end = max(item.end, item.content_start)
            if after and re.match(r"^[\s\w\u2019'.-]*,\s*[“\"]$", body[cue_end : after[0].start]):
                item.content_end = after[0].end
                item.end = after[0].end
        else:
            comma = body.rfind(",", sentence.start, cue_start)
            if comma == -1:
                item.content_end = -1
                return
            item.content_start = sentence.start
            item.content_end = comma
        item.start = min(item.start, item.content_start)

    def _bound_contents(self, found: list[_Found], sentence: Span, quotes: list[Span]) -> None:
        """A content ends where the next cue's clause begins; drop cues left with nothing."""
        for index, item in enumerate(found):
            if item.rule not in {"clause", "continuation"} or item.content_end <= 0:
                continue
            later = [f.clause_start for f in found[index + 1 :] if f.clause_start > item.start]
            adjunct = _ADJUNCT.search(self.body, item.content_start, item.content_end)
            if adjunct and not any(q.start <= adjunct.start() < q.end for q in quotes):
                later.append(adjunct.start())
            later += [
                f.start for f in found[index + 1 :] if f.rule == "quote" and f.start > item.start
            ]
            end = min([item.content_end, *later])
            item.content_end = _strip_end(self.body, item.content_start, end)
            item.end = max(item.end, item.content_end)
            item.direct = any(
                q.start < item.content_end and q.end > item.content_start for q in quotes
            )
            if item.direct:
                item.rule = "quote" if _only_quotes(self.body, item, quotes) else item.rule
        found[:] = [f for f in found if f.content_end > f.content_start or f.rule == "passive"]

    # --- other patterns --------------------------------------------------------------------

    def _patterns(self, sentence: Span, quotes: list[Span], found: list[_Found]) -> list[_Found]:
        body, extra = self.body, []
        taken = [(f.start, f.end) for f in found]

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e and s <= start for s, e in taken)

        for match in _ACCORDING.finditer(body, sentence.start, sentence.end):
            mentions = self._mentions(_source_of(_trim_np(match.group("np"))))
            if not mentions:
                continue
            item = _Found(mentions, sentence.start, sentence.end, "according to", "", "according")
            head = body[sentence.start : match.start()].rstrip()
            if head:  # "…, according to X."
                item.content_start, item.content_end = sentence.start, len(head) + sentence.start
                item.content_end = _strip_end(body, sentence.start, item.content_end)
            else:
                item.content_start = match.end("np") + 1
                item.content_end = _strip_end(body, item.content_start, sentence.end)
            item.start = min(item.content_start, match.start())
            item.end = max(item.content_end, match.end("np"))
            item.act = SpeechAct.ASSERTION
            item.direct = any(
                q.start < item.content_end and q.end > item.content_start for q in quotes
            )
            extra.append(item)
        for match in _NOMINAL.finditer(body, sentence.start, sentence.end):
            mentions = self._mentions(match.group("np"))
            if not mentions:
                continue
            noun = match.group("noun").casefold()
            lemma = {"denial": "deny", "warning": "warn", "claim": "claim", "concern": "worry"}
            act = REPORTING_VERBS.get(lemma.get(noun.rstrip("s"), ""), SpeechAct.ASSERTION)
            end = _strip_end(body, match.start(), _clause_end(body, match.end(), sentence.end))
            if free(match.start(), end):
                extra.append(_Found(mentions, match.start(), end, noun, act, "nominal"))
        for match in _CONCERNS_EXIST.finditer(body, sentence.start, sentence.end):
            mentions = self._mentions(match.group("np"))
            end = _strip_end(body, match.start(), sentence.end)
            if mentions and free(match.start(), end):
                extra.append(
                    _Found(mentions, match.start(), end, "concerns", SpeechAct.CONCERN, "nominal")
                )
        for match in _REPORTS.finditer(body, sentence.start, sentence.end):
            end = _strip_end(body, match.start(), _clause_end(body, match.end(), sentence.end))
            if free(match.start(), end):
                item = _Found([], match.start(), end, "reports", SpeechAct.ASSERTION, "nominal")
                item.speakers = [(_UNATTRIBUTED_REPORTS, "", CONFIDENCE["nominal"] * 0.8)]
                extra.append(item)
        for match in _STANCE.finditer(body, sentence.start, sentence.end):
            mentions = self._mentions(match.group("np"))
            end = _strip_end(body, match.start(), sentence.end)
            if mentions and free(match.start(), end):
                extra.append(
                    _Found(mentions, match.start(), end, "", SpeechAct.ASSERTION, "nominal")
                )
        for match in _DEEMED.finditer(body, sentence.start, sentence.end):
            speakers = [f for f in found if f.mentions or f.speakers]
            end = _strip_end(body, sentence.start, _clause_end(body, match.end(), sentence.end))
            if not free(sentence.start, end):
                continue
            item = _Found([], sentence.start, end, match.group().split()[-1], "", "agentless")
            if speakers:
                item.inherit = speakers[0]
            elif self.history:
                item.speakers = [
                    (self.history[-1][0], self.history[-1][1], CONFIDENCE["agentless"])
                ]
            else:
                continue
            item.content_start, item.content_end = sentence.start, end
            extra.append(item)
        for item in extra:
            if not item.content_end:
                item.content_start, item.content_end = item.start, item.end
        return extra

    def _uncued_quotes(
        self, sentence: Span, quotes: list[Span], found: list[_Found]
    ) -> list[_Found]:
        """Quotations no cue claims: the previous quoted speaker's, when long enough."""
        extra = []
        for quote in quotes:
            if any(f.start <= quote.start < max(f.end, f.content_end) for f in found):
                continue
            words = len(self.body[quote.start : quote.end].split())
            if words < MIN_UNCUED_QUOTE_WORDS or not self.last_quote_speaker:
                continue
            speaker, role, verb = self.last_quote_speaker
            item = _Found([], quote.start, quote.end, verb, SpeechAct.ASSERTION, "quote_follows")
            item.content_start, item.content_end = quote.start, quote.end
            item.speakers = [(speaker, role, CONFIDENCE["quote_follows"])]
            item.direct = True
            extra.append(item)
        return extra

    # --- speakers ---------------------------------------------------------------------------

    def _mentions(self, text: str) -> list[Mention]:
        """The speakers a phrase names: several when it joins them ("Russia and North Korea")."""
        text = text.strip().strip(",").strip()
        if normalize_name(text) not in self.directory.names():
            parts = [p for p in _JOINED.split(text) if p.strip()]
            # "Unions in Germany and France" is one speaker: the "and" is inside its modifier.
            if len(parts) > 1 and not _PREPOSITION.search(parts[0]):
                mentions = [self._one_mention(p) for p in parts]
                if all(mentions):
                    return mentions  # type: ignore[return-value]
        mention = self._one_mention(text)
        return [mention] if mention else []

    def _one_mention(self, text: str) -> Mention | None:
        text = text.strip().strip(",")
        known = self.directory.existing(text)
        mention = analyse_phrase(text)
        if known:
            role = mention.role if mention else ""
            return Mention(text, known.name, role, known.kind)
        if mention is None:
            return None
        words = mention.name.split()
        lone = len(words) == 1 and not mention.pronoun and not mention.definite
        if lone and mention.kind == SpeakerKind.ORGANIZATION:
            # A lone capitalised word stands for a speaker only if it is known to be one.
            if self.directory.knows_surname(words[0]):
                return Mention(text, mention.name, "", SpeakerKind.PERSON)
            proposed = self.directory.proposed_by_word(words[0])
            if proposed:
                return Mention(text, proposed.name, "", proposed.kind)
            if not (words[0].isupper() and len(words[0]) > 1):
                return None
        return mention

    def _resolve(self, mention: Mention) -> tuple[SpeakerRef, str, float] | None:
        if mention.pronoun:
            return self._pronoun(mention.name)
        low = mention.text.casefold().split()
        if low and low[0] in {"the", "a"} and low[-1] in TITLE_WORDS:
            for ref, role in reversed(self.history):
                if ref.kind == SpeakerKind.PERSON and low[-1] in role.casefold():
                    return ref, role, PRONOUN_FACTOR
        if mention.definite:
            found = self._definite(mention.name.split()[-1])
            if found:
                return found
        if normalize_name(mention.name) in SPOKESPEOPLE:
            bodies = [
                ref
                for ref, _ in self.history
                if ref.kind in {SpeakerKind.ORGANIZATION, SpeakerKind.GOVERNMENT}
            ]
            if bodies:
                return bodies[-1], normalize_name(mention.name), PRONOUN_FACTOR
        ref = self.directory.resolve(mention)
        return ref, mention.role, SPEAKER_FACTOR.get(ref.match, 0.9)

    def _definite(self, head: str) -> tuple[SpeakerRef, str, float] | None:
        """ "the bank": the one candidate so named, else the body named last (by kind)."""
        candidate = self.directory.containing(head)
        if candidate:
            return candidate, "", PRONOUN_FACTOR
        bodies = [
            (ref, role)
            for ref, role in self.history
            if ref.kind in {SpeakerKind.ORGANIZATION, SpeakerKind.GOVERNMENT}
        ]
        if head in GENERIC_BODIES and bodies:
            ref, role = bodies[-1]
            return ref, role, PRONOUN_FACTOR
        for ref, role in reversed(bodies):
            if head in normalize_name(ref.name).split():
                return ref, role, PRONOUN_FACTOR
        return None

    def _note_people(self, sentence: Span, quotes: list[Span]) -> None:
        """Remember the people a sentence names, in order: "he" and "she" point back to them."""
        for match in _PERSON.finditer(self.body, sentence.start, sentence.end):
            if any(q.start <= match.start() < q.end for q in quotes):
                continue
            name = match.group("name")
            words = [w.casefold().rstrip(".") for w in name.split()]
            if any(w in NOT_A_PERSON for w in words) or country_name(name):
                continue
            honorific = match.group("honorific")
            if not honorific and len(words) < 2:
                continue
            known = self.directory.existing(name)
            if known and known.kind != SpeakerKind.PERSON:
                continue
            ref = known or self.directory.resolve(Mention(name, name, "", SpeakerKind.PERSON))
            if honorific:
                self.gender.setdefault(ref.name, HONORIFIC_GENDER.get(honorific.rstrip("."), ""))
            self.history.append((ref, self._role_of(ref)))

    def _pronoun(self, pronoun: str) -> tuple[SpeakerRef, str, float] | None:
        if pronoun in {"he", "she"}:
            for ref, role in reversed(self.history[-8:]):
                if ref.kind == SpeakerKind.PERSON and self.gender.get(ref.name, pronoun) == pronoun:
                    self.gender[ref.name] = pronoun
                    return ref, role, PRONOUN_FACTOR
            return None
        if pronoun == "i":
            wanted = {SpeakerKind.PERSON}
        elif pronoun == "it":
            wanted = {SpeakerKind.ORGANIZATION, SpeakerKind.GOVERNMENT}
        else:
            wanted = {
                SpeakerKind.UNNAMED,
                SpeakerKind.GROUP,
                SpeakerKind.GOVERNMENT,
                SpeakerKind.ORGANIZATION,
            }
        for ref, role in reversed(self.history[-8:]):
            if ref.kind in wanted:
                return ref, role, PRONOUN_FACTOR
        return None

    # --- suggestions -----------------------------------------------------------------------

    def _suggest(self, item: _Found, sentence: Span) -> list[Suggestion]:
        body = self.body
        speakers = list(item.speakers)
        if item.inherit is not None:
            speakers = [(ref, role, factor * 0.95) for ref, role, factor in item.inherit.speakers]
        for mention in item.mentions:
            resolved = self._resolve(mention)
            if resolved:
                speakers.append(resolved)
        if not speakers:
            return []
        item.speakers = speakers
        for ref, role, _ in speakers:
            self.history.append((ref, role or self._role_of(ref)))
        self.last_quote_speaker = (speakers[-1][0], speakers[-1][1], item.verb)
        start, end = _span(body, item)
        if end <= start:
            return []
        exact = body[start:end]
        content = body[item.content_start : item.content_end]
        act = item.act or SpeechAct.ASSERTION
        if act == SpeechAct.ASSERTION:
            act = _act_from_content(content, direct=item.direct) or act
        occasion = OCCASION_PATTERN.search(body, start, max(end, item.content_end))
        prefix, suffix = _context(body, exact, start)
        base = CONFIDENCE.get(item.rule, CONFIDENCE["clause"])
        return [
            Suggestion(
                speaker_name=ref.name,
                speaker_kind=ref.kind,
                speaker_id=ref.id,
                exact=exact,
                prefix=prefix,
                suffix=suffix,
                start=start,
                end=end,
                mode=AttributionMode.DIRECT_QUOTE if item.direct else AttributionMode.PARAPHRASE,
                speech_act=act,
                verb=" ".join(item.verb.split()),
                speaker_role=role or self._role_of(ref),
                occasion=occasion.group("occasion") if occasion else "",
                confidence=round(min(1.0, base * factor), 2),
            )
            for ref, role, factor in speakers
        ]

    def _role_of(self, ref: SpeakerRef) -> str:
        for known, role in reversed(self.history):
            if known == ref and role:
                return role
        return ""


# --- helpers ---------------------------------------------------------------------------------


def _words_before(body: str, floor: int, position: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(body, floor, position)]


def _be_before(before: list[tuple[str, int, int]]) -> bool:
    for word, _, _ in reversed(before[-3:]):
        low = word.casefold()
        if low in BE:
            return True
        if not low.endswith("ly") and low not in {"also", "now", "currently", "still"}:
            return False
    return False


def _and_before(body: str, floor: int, position: int) -> int:
    index = body.rfind(" and ", floor, position)
    return index if index != -1 else position


def _source_of(text: str) -> str:
    """Who stands behind a cited document: "a report by X" is X's, "the bank's data" the bank's."""
    agent = re.search(r"\b(?:by|from|of)\s+(?P<np>(?:the\s+)?[A-Z].*)$", text)
    if agent and re.search(r"\b(?:report|study|survey|analysis|data|figures|review)\b", text):
        return agent.group("np")
    possessor = re.match(r"(?P<np>.+?)[\u2019']s\s+", text)
    return possessor.group("np") if possessor else text


def _is_headline(text: str) -> bool:
    """Title case and no full stop: "…, US Claims" is a headline's verb, not a name."""
    words = [w for w in text.split() if w[:1].isalpha()]
    capitalised = sum(w[0].isupper() for w in words)
    return not text.rstrip().endswith(".") and capitalised > 0.6 * len(words)


def _role(text: str) -> str:
    """A role as the text gives it, without its article ("the company's planning director")."""
    return re.sub(r"^(?:the|a|an|its|their|his|her)\s+", "", text.strip(), flags=re.I)


def _clause_end(body: str, start: int, limit: int) -> int:
    """The next comma that ends a clause (not the one in "1,500"), else ``limit``."""
    comma = re.compile(r",\s").search(body, start, limit)
    return comma.start() if comma else limit


def _trim_np(text: str) -> str:
    """A speaker phrase without what follows the speaker (", who …", " in Rome")."""
    text = re.split(r"\s+(?:who|which|that|in|on|at|during|after|when)\s+", text)[0]
    return text.strip()


def _strip_end(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1] in " ,;:.!?\n":
        end -= 1
    return end


def _only_quotes(body: str, item: _Found, quotes: list[Span]) -> bool:
    inside = [q for q in quotes if item.content_start <= q.start and q.end <= item.content_end + 1]
    if not inside:
        return False
    text = body[item.content_start : inside[0].start].strip(' :,“"')
    return not text


def _span(body: str, item: _Found) -> tuple[int, int]:
    """The passage to anchor: the quotation for a direct quote, else the whole clause."""
    if item.rule == "quote" or item.rule == "quote_follows":
        start, end = item.content_start, item.content_end
        while end > start and body[end - 1] in " ,":
            end -= 1
        while start < end and body[start] in ' “"':
            start += 1
        return start, end
    start = min(item.start, item.content_start) if item.rule != "continuation" else item.start
    if item.rule == "continuation":
        start = item.start
    end = max(item.content_end, item.end if item.rule in {"passive", "nominal"} else 0)
    end = _strip_end(body, start, end)
    while (
        end > start
        and body[end - 1] in '”"'
        and body[start:end].count("“") < body[start:end].count("”")
    ):
        end -= 1
    return start, end


def _act_from_content(content: str, *, direct: bool) -> str | None:
    scope = "direct" if direct else "paraphrase"
    for act, applies, pattern in CONTENT_CUES:
        if applies in {"both", scope} and pattern.search(content):
            return act
    return None


def _context(body: str, exact: str, start: int) -> tuple[str, str]:
    """The shortest prefix and suffix that make ``exact`` stand in one place (W3C TextQuote).

    As the seed fixture does, a quote found once in the body has neither.
    """
    prefix = suffix = ""
    size = 0
    while True:
        try:
            anchor = anchor_quote(body=body, exact=exact, prefix=prefix, suffix=suffix)
        except QuoteAnchorError:
            anchor = None
        if anchor is not None and anchor.start == start:
            return prefix, suffix
        size += CONTEXT_STEP
        prefix = body[max(0, start - size) : start]
        suffix = body[start + len(exact) : start + len(exact) + size]
        if size > len(body):
            return prefix, suffix


def _split_coordinated(found: list[_Found], body: str) -> list[_Found]:
    """ "… arrived in October and are now training …": two statements of one speaker."""
    result = []
    for item in found:
        result.append(item)
        if item.direct or item.rule not in {"clause", "continuation"}:
            continue
        match = AUXILIARY_AFTER_AND.search(body, item.content_start, item.content_end)
        if not match:
            continue
        second = _Found([], match.end(), item.content_end, item.verb, item.act, "continuation")
        second.inherit = item
        second.content_start, second.content_end = match.end(), item.content_end
        second.clause_start = match.end()
        item.content_end = _strip_end(body, item.content_start, match.start())
        item.end = item.content_end
        result.append(second)
    return result


def _deduplicated(suggestions: list[Suggestion]) -> list[Suggestion]:
    """One suggestion per speaker and passage: overlapping ones keep the surer, direct wins."""
    kept: list[Suggestion] = []
    for suggestion in sorted(suggestions, key=lambda s: (-s.confidence, s.start)):
        clash = next(
            (
                k
                for k in kept
                if k.speaker_name == suggestion.speaker_name
                and _overlap(k.start, k.end, suggestion.start, suggestion.end) >= 0.5
            ),
            None,
        )
        if clash is None:
            kept.append(suggestion)
        elif suggestion.mode == AttributionMode.DIRECT_QUOTE:
            clash.mode = AttributionMode.DIRECT_QUOTE
    return sorted(kept, key=lambda s: (s.start, s.speaker_name))


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """The overlap of two spans as a share of the shorter one (0 when either is empty)."""
    shorter = min(a_end - a_start, b_end - b_start)
    if shorter <= 0:
        return 0.0
    return max(0, min(a_end, b_end) - max(a_start, b_start)) / shorter
