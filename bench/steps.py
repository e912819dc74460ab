"""The benchmark's steps that run inside Django, each in its own process: load and inspect.

The runner calls them as ``python -m bench load|inspect`` with ``DATABASE_URL`` pointing at
the benchmark database, so that each one sees exactly the settings the server will use.
"""

import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

import django


def setup() -> None:
    django.setup()


def load(size: int, seed: int) -> None:
    setup()
    from django.core.management import call_command

    from bench.corpus import Corpus
    from bench.load import load_corpus

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter() - started
    corpus = Corpus(size, seed)
    print(
        f"Loading {size:,} statements, {corpus.counts.speakers:,} speakers, "
        f"{corpus.counts.sources:,} sources (seed {seed})",
        file=sys.stderr,
    )
    # A bar where someone watches; without a terminal, the steps' lines alone.
    timings = load_corpus(corpus, progress=sys.stderr.isatty())
    print(
        json.dumps(
            {
                "migrate_s": round(migrated, 1),
                "rows_s": round(timings["rows"], 1),
                "constraints_s": round(timings["constraints"], 1),
                "load_total_s": round(timings["total"], 1),
                "attributions": corpus.attributions,
                "relations": corpus.relations,
                "topic_links": corpus.topic_links,
            }
        )
    )


def _editor_token() -> str:
    from django.contrib.auth.models import Group, User
    from rest_framework.authtoken.models import Token

    from statements.roles import EDITORS

    user, _ = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=EDITORS))
    token, _ = Token.objects.get_or_create(user=user)
    return token.key


def _admin_session() -> str:
    """A signed-in session of the bench superuser, as the cookie a browser would send (the
    server shares this process's settings and database, so it accepts it)."""
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.test import Client

    user, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return f"{name}={client.cookies[name].value}"


def inspect(size: int, seed: int, out: Path) -> None:
    """Draw the cases' parameters from the database, count each case's queries and keep the
    plans of those queries (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite)."""
    setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.cases import CASES, LIST, frequent_word, rare_words, search_queries
    from statements.models import Attribution, Source, Speaker, Statement
    from statements.search.backends import get_backend

    rng = random.Random(seed)
    counts = {
        "statements": Statement.objects.count(),
        "speakers": Speaker.objects.count(),
        "sources": Source.objects.count(),
    }
    candidates = rng.sample(range(1, counts["statements"] + 1), min(400, counts["statements"]))
    published = Statement.objects.filter(pk__in=candidates, status="published")
    statements = sorted(published.values_list("pk", flat=True), key=candidates.index)[:200]
    made = Attribution.objects.filter(statement__status="published")
    speakers = list(
        made.filter(statement_id__in=statements[:100]).values_list("speaker_id", flat=True)
    )
    sources = list(
        made.filter(statement_id__in=statements[100:]).values_list("source_id", flat=True)
    )
    first_day = dt.date(2015, 1, 1)
    weeks = []
    for _ in range(100):
        start = first_day + dt.timedelta(days=rng.randint(0, 4000))
        weeks.append((start.isoformat(), (start + dt.timedelta(days=6)).isoformat()))
    texts = list(Statement.objects.filter(pk__in=statements[:15]).values_list("text", flat=True))
    people = Speaker.objects.filter(kind="person").order_by("pk")
    queries = search_queries(seed, texts, list(people.values_list("name", flat=True)[:10]))
    sample = rng.sample(range(1, counts["statements"] + 1), min(2000, counts["statements"]))
    sampled = list(Statement.objects.filter(pk__in=sample).values_list("text", flat=True))
    frequent, share = frequent_word(seed, sampled)
    client = Client()
    rare = next(
        (
            word
            for word in rare_words(seed)
            if client.get(LIST, {"q": word, "page_size": 1}).json().get("count")
        ),
        rare_words(seed)[0],  # none found: the first, which counts nothing
    )
    params = {
        "counts": counts,
        "words": {"rare": rare, "frequent": frequent},
        "frequent_share": round(share, 3),
        "statements": statements,
        "speakers": sorted(set(speakers)),
        "sources": sorted(set(sources)),
        "weeks": weeks,
        "queries": queries,
        "editor_token": _editor_token(),
        "admin_cookie": _admin_session(),
    }

    editor = {"HTTP_AUTHORIZATION": f"Token {params['editor_token']}"}
    admin = {"HTTP_COOKIE": params["admin_cookie"]}
    backend = get_backend()
    plans = [f"# Query plans, {backend.vendor}, {counts['statements']:,} statements\n"]
    query_counts = {}
    for case in CASES:
        path = case.paths(params)[0]
        if case.needs and client.get(case.needs).status_code == 404:
            continue
        with CaptureQueriesContext(connection) as captured:
            headers = editor if case.editor else admin if case.admin else {}
            response = client.get(path, **headers)
        query_counts[case.name] = len(captured)
        plans.append(
            f"\n## {case.name}: GET {path} -> {response.status_code}, {len(captured)} queries\n"
        )
        for query in captured:
            sql = query["sql"]
            plans.append(f"\n{sql}\n")
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                cursor.execute(backend.explain + sql)
                rows = cursor.fetchall()
            plans.append("\n".join("    " + " ".join(str(c) for c in row) for row in rows) + "\n")
    params["query_counts"] = query_counts
    print(
        f"Search words: rare {rare!r}, frequent {frequent!r} (in {share:.1%} of a sample of "
        f"{len(sampled):,} statements)",
        file=sys.stderr,
    )
    out.write_text(json.dumps(params))
    out.with_suffix(".plans.txt").write_text("".join(plans))


def floor_plan(params_file: Path, out: Path) -> None:
    """The floor's plan (``bench.floor.record``) from the cases' parameters."""
    setup()
    from bench.floor import write_plan

    write_plan(json.loads(params_file.read_text()), out)


def profile(path: str, requests: int, out: Path) -> None:
    """Profile ``requests`` GETs of ``path`` in this process with pyinstrument (wall and
    CPU time, per function), through the whole Django stack as the server runs it."""
    setup()
    from django.test import Client
    from pyinstrument import Profiler

    client = Client()
    response = client.get(path)  # warm: connection, caches, the count
    if response.status_code != 200:
        raise SystemExit(f"GET {path} answered {response.status_code}")
    profiler = Profiler(interval=0.0005)
    started = time.perf_counter()
    profiler.start()
    for _ in range(requests):
        client.get(path)
    profiler.stop()
    elapsed = time.perf_counter() - started
    text = profiler.output_text(unicode=True, color=False)
    out.write_text(text)
    out.with_suffix(".html").write_text(profiler.output_html())
    print(f"GET {path}: {requests} requests, {elapsed / requests * 1000:.1f} ms each (profiled)")
    print(text)
