"""The fuzzing's tally: the schemathesis tests count into it, the conftest prints it."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class FuzzStats:
    operations: set[str] = field(default_factory=set)
    requests: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    failures: Counter[tuple[str, str]] = field(default_factory=Counter)


FUZZ_STATS = FuzzStats()
