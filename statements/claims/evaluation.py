"""How well the ``same_claim`` candidates (``statements.claims.similarity``) find the
statement that makes the same claim, on labelled pairs (fixtures/claims/pairs.json).

Every labelled statement is written as a draft, indexed, and asked for its best candidate
among the others (then everything is rolled back). Precision at top-1: of the statements
that got a candidate at or above the threshold, the share whose candidate is labelled the
same claim (a candidate labelled otherwise, or not labelled with it at all, is wrong).
Recall at top-1: of the statements that have a labelled same-claim partner, the share whose
candidate is one.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from statements import search
from statements.claims.similarity import claim_candidates, threshold
from statements.models import Statement

PAIRS = Path(settings.BASE_DIR) / "fixtures" / "claims" / "pairs.json"


@dataclass(frozen=True)
class Labelled:
    texts: dict[str, str]  # statement key: text
    same: set[frozenset[str]]
    different: set[frozenset[str]]

    @property
    def pair_count(self) -> int:
        return len(self.same) + len(self.different)


def load_pairs(path: Path = PAIRS) -> Labelled:
    document = json.loads(path.read_text(encoding="utf-8"))
    texts = {item["id"]: item["text"] for item in document["statements"]}
    same, different = set(), set()
    for pair in document["pairs"]:
        if pair["a"] not in texts or pair["b"] not in texts:
            raise ValueError(f"Unknown statement in pair {pair['a']!r}, {pair['b']!r}.")
        (same if pair["same_claim"] else different).add(frozenset((pair["a"], pair["b"])))
    return Labelled(texts, same, different)


@dataclass
class Score:
    engine: str
    threshold: float
    pairs: int
    statements: int
    proposed: int = 0
    correct: int = 0
    with_partner: int = 0
    found: int = 0
    wrong: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.with_partner if self.with_partner else 0.0


class _RollBack(Exception):
    pass


def evaluate(labelled: Labelled, *, minimum: float | None = None) -> Score:
    """Precision and recall at top-1 of the candidates at ``minimum`` (the threshold by
    default), on the database in use; writes nothing that stays."""
    minimum = threshold() if minimum is None else minimum
    score = Score(connection.vendor, minimum, labelled.pair_count, len(labelled.texts))
    partners = {key for pair in labelled.same for key in pair}
    try:
        with transaction.atomic():
            ids = {
                key: Statement.objects.create(text=text, language="en").pk
                for key, text in labelled.texts.items()
            }
            search.index_statements(list(ids.values()))
            keys = {pk: key for key, pk in ids.items()}
            pool = Statement.objects.filter(pk__in=list(ids.values()))
            for key, text in labelled.texts.items():
                best = claim_candidates(
                    text=text, queryset=pool, exclude=ids[key], limit=1, minimum=minimum
                )
                score.with_partner += key in partners
                if not best:
                    continue
                other = keys[best[0].statement.pk]
                score.proposed += 1
                if frozenset((key, other)) in labelled.same:
                    score.correct += 1
                    score.found += key in partners
                else:
                    score.wrong.append((key, other, best[0].score))
            raise _RollBack
    except _RollBack:
        pass
    return score


def report(score: Score) -> str:
    return (
        f"{score.engine}: {score.pairs} labelled pairs, {score.statements} statements, "
        f"threshold {score.threshold:.2f}: precision at top-1 {score.precision:.3f} "
        f"({score.correct}/{score.proposed}), recall at top-1 {score.recall:.3f} "
        f"({score.found}/{score.with_partner})"
    )
