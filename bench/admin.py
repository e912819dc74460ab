"""The admin's pages at scale: ``python -m bench admin --size 1m --db postgres``.

1. Loads the corpus into ``attributed_bench_admin_<size>`` (``--reuse`` a kept one, ``--keep``
   to keep it), as ``python -m bench load`` does.
2. Adds what the admin's pages read and the corpus lacks, as the services would have written
   it, idempotently (a second run adds nothing): the statements' change history (a creation
   for every statement, half of them by the measuring user; a publication for every
   published or retracted one; a retraction for every retracted one), in three set-based
   ``INSERT … SELECT``; and a handful of quotes orphaned (lost by a correction of their
   source's text), which the front page lists. The change feed is not written: no page
   measured here reads it.
3. Measures each page in-process (production settings, Django's test client signed in as a
   superuser): one request to warm up, which also counts the queries, then ``--repeat``
   timed ones; the median, fastest and slowest, the page's size and the load average.

Prints a Markdown table and writes it to ``bench/results/admin-<size>-<db>.md``.
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import DEFAULT_SEED, SIZES
from bench.run import PG_ADMIN_URL, RESULTS, Database, _env, _loaded, _python, load_average

USERNAME = "bench-admin"
ORPHANED_QUOTES = 12


@dataclass(frozen=True)
class Options:
    size: str = "10k"
    db: str = "postgres"
    seed: int = DEFAULT_SEED
    repeat: int = 5
    keep: bool = False
    reuse: bool = False
    database: str = ""
    pg_url: str = PG_ADMIN_URL

    @property
    def database_name(self) -> str:
        return self.database or f"attributed_bench_admin_{self.size}"


# --- what the admin's pages need that the corpus lacks (inside Django) ------------------------

HISTORY_COLUMNS = (
    "id, created_at, updated_at, text, language, status, retraction_reason, "
    "history_date, history_change_reason, history_type, history_user_id"
)


def _versions(status: str, reason: str, date: str, kind: str, user: str, where: str) -> str:
    """A version of each statement matching ``where`` that has no ``kind`` version in
    ``status`` yet (the history's ``id`` is indexed, so the check is an anti-join)."""
    return (
        f"INSERT INTO statements_historicalstatement ({HISTORY_COLUMNS}) "
        f"SELECT s.id, s.created_at, s.updated_at, s.text, s.language, '{status}', {reason}, "
        f"{date}, NULL, '{kind}', {user} FROM statements_statement s WHERE {where} "
        "AND NOT EXISTS (SELECT 1 FROM statements_historicalstatement h WHERE h.id = s.id "
        f"AND h.history_type = '{kind}' AND h.status = '{status}') ORDER BY s.id"
    )


def add_history(user_id: int) -> dict[str, int]:
    """The statements' versions as the services write them, each as of the statement's own
    dates (the corpus's statements were last changed when created): the creation, as a draft,
    by ``user_id`` for every other statement; the publication, then the retraction, by
    ``user_id``. Inserted in that order, so each statement's versions follow one another.
    Returns how many of each were added (none when a previous run added them)."""
    from django.db import connection, transaction

    steps = {
        "creations": _versions(
            "draft", "''", "s.created_at", "+", "CASE WHEN s.id %% 2 = 0 THEN %s END", "TRUE"
        ),
        "publications": _versions(
            "published", "''", "s.updated_at", "~", "%s", "s.status IN ('published', 'retracted')"
        ),
        "retractions": _versions(
            "retracted", "s.retraction_reason", "s.updated_at", "~", "%s", "s.status = 'retracted'"
        ),
    }
    added = {}
    with transaction.atomic(), connection.cursor() as cursor:
        for name, sql in steps.items():
            cursor.execute(sql, [user_id])
            added[name] = cursor.rowcount
    with connection.cursor() as cursor:  # the planner's statistics for the new rows
        cursor.execute("ANALYZE statements_historicalstatement")
    return added


def orphan_quotes(count: int = ORPHANED_QUOTES) -> int:
    """Make ``count`` quotes orphaned, spread over the attributions' ids, as a correction of
    their sources' texts would leave them (their offsets those of the text they stood in).
    Returns how many were orphaned now (none when they already are)."""
    from django.db.models import Max

    from statements.choices import AnchorStatus
    from statements.dashboard import unanchored_quotes
    from statements.models import Attribution

    missing = count - unanchored_quotes().count()
    if missing <= 0:
        return 0
    quoted = Attribution.objects.exclude(quote_exact="").filter(quote_status=AnchorStatus.ANCHORED)
    last = Attribution.objects.aggregate(last=Max("id"))["last"] or 0
    chosen = set()
    for step in range(missing):
        first = quoted.filter(pk__gte=1 + last * step // missing).order_by("pk")
        chosen.update(first.values_list("pk", flat=True)[:1])
    return Attribution.objects.filter(pk__in=chosen).update(quote_status=AnchorStatus.ORPHANED)


def superuser():
    from django.contrib.auth.models import User

    user, _ = User.objects.update_or_create(
        username=USERNAME, defaults={"is_staff": True, "is_superuser": True, "is_active": True}
    )
    return user


# --- the pages --------------------------------------------------------------------------------


def pages() -> list[tuple[str, str]]:
    """The pages measured, as (what, path): the heaviest of each kind the corpus has (the
    most-quoted speaker, the source with the most attributions)."""
    from django.db.models import Count
    from django.urls import reverse

    from statements.admin.base import SPEAKER_STATEMENTS_PARAM, statements_url
    from statements.choices import StatementStatus
    from statements.models import Attribution

    def most(field: str) -> int:
        rows = Attribution.objects.values(field).annotate(n=Count("id")).order_by("-n", field)
        return rows.values_list(field, flat=True)[0]

    speaker, source = most("speaker_id"), most("source_id")
    statement = (
        Attribution.objects.filter(source_id=source).order_by("id").values_list("statement_id")
    )[0][0]
    attributions = reverse("admin:statements_attribution_changelist")
    change = reverse("admin:statements_statement_change", args=[statement])
    reading = reverse("admin:statements_source_reading", args=[source])
    return [
        ("front page (dashboard)", reverse("admin:index")),
        ("statements' list", reverse("admin:statements_statement_changelist")),
        ("by the most-quoted speaker", statements_url(**{SPEAKER_STATEMENTS_PARAM: speaker})),
        ("drafts", statements_url(status__exact=StatementStatus.DRAFT)),
        ("orphaned quotes", f"{attributions}?quote_status__exact=orphaned"),
        ("a statement's change page", change),
        ("reading view of the most-quoted source", reading),
    ]


def measure(client, path: str, repeat: int) -> dict:
    """One request to warm up (its queries counted), then ``repeat`` timed ones."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    load_before = os.getloadavg()[0]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    counted = len(queries)  # now: each request clears the log (request_started)
    if response.status_code != 200:
        raise RuntimeError(f"GET {path}: {response.status_code}")
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "path": path,
        "queries": counted,
        "kb": round(len(response.content) / 1024),
        "median_ms": statistics.median(timings),
        "min_ms": min(timings),
        "max_ms": max(timings),
        "load": (load_before, os.getloadavg()[0]),
    }


def measure_pages(repeat: int) -> list[dict]:
    from django.test import Client

    client = Client()
    client.force_login(superuser())
    return [{"page": page, **measure(client, path, repeat)} for page, path in pages()]


HEADER = [
    "| page | median ms (min-max) | queries | KB | load average (1 min) |",
    "| --- | ---: | ---: | ---: | ---: |",
]


def table(rows: list[dict]) -> list[str]:
    lines = list(HEADER)
    for row in rows:
        lines.append(
            f"| {row['page']}: `{row['path']}` | {row['median_ms']:.0f} "
            f"({row['min_ms']:.0f}-{row['max_ms']:.0f}) | {row['queries']} | {row['kb']} | "
            f"{row['load'][0]:.1f} → {row['load'][1]:.1f} |"
        )
    return lines


# --- the command ------------------------------------------------------------------------------


def run(options: Options) -> int:
    database = Database(options.database_name, options.db, options.pg_url)
    workdir = Path(tempfile.mkdtemp(prefix="attributed-bench-admin-"))
    load_before = load_average()
    lines = []
    try:
        env = _env(database, workdir / "static", ALLOWED_HOSTS="testserver")
        if options.reuse and _loaded(database, SIZES[options.size]):
            print(f"Reusing {database.name}", file=sys.stderr)
        else:
            database.create()
            _python("-m", "bench", "load", "--size", options.size, "--seed", str(options.seed),
                    env=env, capture=True)  # fmt: skip
        os.environ.update(env)
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections

        call_command("collectstatic", interactive=False, verbosity=0)
        step = time.perf_counter()
        added = add_history(superuser().pk)
        orphaned = orphan_quotes()
        print(
            f"Added {added} versions and {orphaned} orphaned quotes in "
            f"{time.perf_counter() - step:.1f} s",
            file=sys.stderr,
        )
        rows = measure_pages(options.repeat)
        connections.close_all()
        engine = "PostgreSQL" if options.db == "postgres" else "SQLite"
        lines = [
            f"Admin pages, {options.size} statements on {engine}: the median of {options.repeat} "
            f"requests after one to warm up (which counts the queries). Load average (1, 5, "
            f"15 min) before: {load_before}, after: {load_average()}.",
            "",
            *table(rows),
        ]
    finally:
        if database.created and not options.keep:
            database.drop()
        shutil.rmtree(workdir, ignore_errors=True)
    text = "\n".join(lines) + "\n"
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"admin-{options.size}-{options.db}.md").write_text(text)
    print(text)
    return 0
