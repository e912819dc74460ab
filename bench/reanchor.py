"""Re-verifying a corrected body's quotes (issue 15): how long, and with what outcome.

``python -m bench reanchor`` corrects a generated article holding 200 quotes (5,000 words once
corrected)
(``bench.edits``: typo fixes, whitespace, inserted paragraphs, reworded sentences) and
times the re-verification of every quote, the median of ``--repeat`` runs:

- ``pure``: ``statements.quotes.ChangedBody`` alone, as ``services.source_update`` calls it;
- ``service`` (with ``--db``): the whole ``services.source_update`` of the body on a scratch
  database (created, then dropped): the locks, the source's row, the re-anchoring, the
  attributions' rows and history and the search documents, in one transaction (rolled back
  after each run).

``python -m bench anchoring-fixtures`` writes ``fixtures/anchoring/edited_articles.json``
from the same generator.
"""

import json
import statistics
import sys
import time
from dataclasses import asdict
from pathlib import Path

from bench.edits import Outcome, cases, reanchor_all
from statements.quotes import _normalised_body

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "anchoring" / "edited_articles.json"
FIXTURE_ARTICLES = 40
FIXTURE_SEED = 15


def measure_pure(*, words: int, quotes: int, repeat: int, seed: int) -> dict:
    old_body, new_body, found = cases(seed, words=words, quotes=quotes)
    timings, cpu, outcome = [], [], Outcome()
    for _ in range(repeat):
        outcome = Outcome()
        _normalised_body.cache_clear()  # each run reads the new body afresh, as a correction
        started, started_cpu = time.perf_counter(), time.process_time()
        reanchor_all(old_body, new_body, found, outcome)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return {
        "words": len(new_body.split()),
        "characters": len(new_body),
        **{k: v for k, v in asdict(outcome).items() if k != "failures"},
        "pure_ms": round(statistics.median(timings) * 1000, 1),
        # CPU time: what the work costs when it has a core to itself (the machine is shared).
        "pure_cpu_ms": round(statistics.median(cpu) * 1000, 1),
        "pure_runs_ms": [round(t * 1000, 1) for t in timings],
    }


def measure_service(*, words: int, quotes: int, repeat: int, seed: int) -> dict:
    """The body change through ``services.source_update`` (Django set up, migrated)."""
    from django.db import transaction

    from statements import services
    from statements.choices import AttributionMode, SpeakerKind, SpeechAct

    old_body, new_body, found = cases(seed, words=words, quotes=quotes)
    source = services.source_create(
        user=None, title="Corrected article", url="https://example.com/corrected", body=old_body
    )
    speaker = services.speaker_create(user=None, name="A speaker", kind=SpeakerKind.PERSON)
    for number, case in enumerate(found):
        services.statement_create(
            user=None,
            text=f"Statement {number}",
            attributions=[
                {
                    "speaker": speaker,
                    "source": source,
                    "mode": AttributionMode.DIRECT_QUOTE,
                    "speech_act": SpeechAct.ASSERTION,
                    "quote_exact": case.exact,
                    "quote_prefix": case.prefix,
                    "quote_suffix": case.suffix,
                }
            ],
        )
    timings, cpu, check = [], [], None
    for _ in range(repeat):
        with transaction.atomic():
            stored = type(source).objects.get(pk=source.pk)
            started, started_cpu = time.perf_counter(), time.process_time()
            updated = services.source_update(source=stored, user=None, body=new_body)
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            check = updated.quote_check
            transaction.set_rollback(True)
    return {
        "service_ms": round(statistics.median(timings) * 1000, 1),
        # This process's CPU time (on PostgreSQL, without the server's).
        "service_cpu_ms": round(statistics.median(cpu) * 1000, 1),
        "service_runs_ms": [round(t * 1000, 1) for t in timings],
        "service_outcome": asdict(check),
    }


def write_fixture(out: Path = FIXTURE) -> dict:
    """The edited articles' fixture: each article's two bodies and its quotes."""
    articles = []
    outcome = Outcome()
    for number in range(FIXTURE_ARTICLES):
        old_body, new_body, found = cases(FIXTURE_SEED * 1000 + number, words=300, quotes=10)
        reanchor_all(old_body, new_body, found, outcome)
        articles.append(
            {
                "old_body": old_body,
                "new_body": new_body,
                "quotes": [
                    {
                        "exact": case.exact,
                        "prefix": case.prefix,
                        "suffix": case.suffix,
                        "start": case.start,
                        "end": case.end,
                        "edit": case.edit,
                        "expected": list(case.expected) if case.expected else None,
                    }
                    for case in found
                ],
            }
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"articles": articles}, ensure_ascii=False, indent=1) + "\n")
    summary = {k: v for k, v in asdict(outcome).items() if k != "failures"}
    for failure in outcome.failures:
        print(failure, file=sys.stderr)
    return summary
