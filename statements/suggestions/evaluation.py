"""Scoring suggestions against hand-checked (gold) attributions of an article.

A suggestion matches a gold attribution when both name the same speaker and their spans
overlap by at least half of the shorter one: ``overlap >= 0.5 * min(len(gold), len(suggested))``
in characters of the body. Each gold attribution and each suggestion is matched at most once
(a maximum bipartite matching), so precision, recall and F1 count (speaker, quote) pairs.
Mode, speech act and verb are scored on the matched pairs only.
"""

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from statements.quotes import anchor_quote
from statements.suggestions.engine import Suggestion, suggest_attributions
from statements.suggestions.speakers import CandidateSpeaker, normalize_name

MIN_OVERLAP = 0.5


@dataclass(frozen=True)
class GoldAttribution:
    speaker: str
    kind: str
    start: int
    end: int
    mode: str
    speech_act: str
    verb: str
    # Other names the speaker goes by in the article ("Mr Kim"), for matching.
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldArticle:
    name: str
    title: str
    url: str
    body: str
    style: str
    candidates: tuple[CandidateSpeaker, ...]
    attributions: tuple[GoldAttribution, ...]


@dataclass
class Score:
    article: str
    style: str
    gold: int
    suggested: int
    matched: int
    mode_ok: int = 0
    speech_act_ok: int = 0
    verb_ok: int = 0
    seconds: float = 0.0
    misses: list[GoldAttribution] = field(default_factory=list)
    extras: list[Suggestion] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.suggested if self.suggested else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, correct: int) -> float:
        return correct / self.matched if self.matched else 0.0

    @property
    def speech_act_accuracy(self) -> float:
        return self.accuracy(self.speech_act_ok)


def load_gold(path: str | Path) -> GoldArticle:
    """Read a gold file: the article, the speakers the database holds, the attributions.

    An attribution gives its passage by ``start``/``end`` or by ``exact`` (with an optional
    ``prefix``/``suffix``); when both are given they must agree.
    """
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    article = data["article"]
    body = article["body"]
    candidates = tuple(
        CandidateSpeaker(
            id=index,
            name=speaker["name"],
            aliases=tuple(speaker.get("aliases", ())),
            kind=speaker["kind"],
        )
        for index, speaker in enumerate(data.get("speakers", []), start=1)
    )
    attributions = []
    for row in data["attributions"]:
        if "start" in row and "end" in row:
            start, end = row["start"], row["end"]
            if "exact" in row and body[start:end] != row["exact"]:
                raise ValueError(f"{path.name}: {row['exact']!r} is not at {start}:{end}")
        else:
            anchor = anchor_quote(
                body=body,
                exact=row["exact"],
                prefix=row.get("prefix", ""),
                suffix=row.get("suffix", ""),
            )
            start, end = anchor.start, anchor.end
        attributions.append(
            GoldAttribution(
                speaker=row["speaker"],
                kind=row["kind"],
                start=start,
                end=end,
                mode=row["mode"],
                speech_act=row["speech_act"],
                verb=row.get("verb", ""),
                aliases=tuple(row.get("aliases", ())),
            )
        )
    return GoldArticle(
        name=path.stem,
        title=article.get("title", ""),
        url=article.get("url", ""),
        body=body,
        style=article.get("style", ""),
        candidates=candidates,
        attributions=tuple(attributions),
    )


def overlap_share(a: tuple[int, int], b: tuple[int, int]) -> float:
    """The characters two spans share, as a share of the shorter span."""
    shorter = min(a[1] - a[0], b[1] - b[0])
    if shorter <= 0:
        return 0.0
    return max(0, min(a[1], b[1]) - max(a[0], b[0])) / shorter


def _same_speaker(gold: GoldAttribution, names: set[str], suggestion: Suggestion) -> bool:
    return normalize_name(suggestion.speaker_name) in names


def score_article(gold: GoldArticle, suggestions: list[Suggestion]) -> Score:
    """Match suggestions to the gold attributions and count what agrees."""
    names = []
    for attribution in gold.attributions:
        known = {normalize_name(attribution.speaker)}
        known |= {normalize_name(alias) for alias in attribution.aliases}
        for candidate in gold.candidates:
            if normalize_name(candidate.name) in known:
                known |= {normalize_name(alias) for alias in candidate.aliases}
        names.append(known)
    edges = [
        [
            j
            for j, suggestion in enumerate(suggestions)
            if _same_speaker(attribution, names[i], suggestion)
            and overlap_share(
                (attribution.start, attribution.end), (suggestion.start, suggestion.end)
            )
            >= MIN_OVERLAP
        ]
        for i, attribution in enumerate(gold.attributions)
    ]
    pairs = _maximum_matching(edges)
    score = Score(
        article=gold.name,
        style=gold.style,
        gold=len(gold.attributions),
        suggested=len(suggestions),
        matched=len(pairs),
    )
    for i, j in pairs.items():
        attribution, suggestion = gold.attributions[i], suggestions[j]
        score.mode_ok += attribution.mode == suggestion.mode
        score.speech_act_ok += attribution.speech_act == suggestion.speech_act
        score.verb_ok += _verb(attribution.verb) == _verb(suggestion.verb)
    score.misses = [a for i, a in enumerate(gold.attributions) if i not in pairs]
    matched = set(pairs.values())
    score.extras = [s for j, s in enumerate(suggestions) if j not in matched]
    return score


def evaluate(gold: GoldArticle) -> Score:
    """Run the engine on the gold article's body and score what it suggests."""
    started = time.perf_counter()
    suggestions = suggest_attributions(gold.body, gold.candidates)
    seconds = time.perf_counter() - started
    score = score_article(gold, suggestions)
    score.seconds = seconds
    return score


def _verb(verb: str) -> str:
    return " ".join(verb.casefold().split())


def _maximum_matching(edges: list[list[int]]) -> dict[int, int]:
    """Kuhn's augmenting paths: gold index -> suggestion index, as many pairs as can be."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(edges)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def markdown_table(scores: list[Score]) -> str:
    """Per article: counts, P, R, F1 and the accuracies on matched pairs; then all together."""
    header = (
        "| Article | Style | Gold | Suggested | Matched | P | R | F1 | Mode | Speech act "
        "| Verb | Time (ms) |\n"
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    rows = [_row(score.article, score) for score in scores]
    if len(scores) > 1:
        total = Score(
            article="all",
            style="",
            gold=sum(s.gold for s in scores),
            suggested=sum(s.suggested for s in scores),
            matched=sum(s.matched for s in scores),
            mode_ok=sum(s.mode_ok for s in scores),
            speech_act_ok=sum(s.speech_act_ok for s in scores),
            verb_ok=sum(s.verb_ok for s in scores),
            seconds=sum(s.seconds for s in scores),
        )
        rows.append(_row("**all (micro)**", total))
    return "\n".join([header, *rows])


def _row(label: str, s: Score) -> str:
    return (
        f"| {label} | {s.style} | {s.gold} | {s.suggested} | {s.matched} | {s.precision:.2f} "
        f"| {s.recall:.2f} | {s.f1:.2f} | {s.accuracy(s.mode_ok):.2f} "
        f"| {s.speech_act_accuracy:.2f} | {s.accuracy(s.verb_ok):.2f} | {s.seconds * 1000:.1f} |"
    )
