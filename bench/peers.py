"""Peers: another server measured in the same run, on the same corpus, with the same cases.

Datasette (``--peer datasette``) serves SQLite only: it gets a SQLite file of the run's
corpus (same size and seed, so the same rows and ids), built once by the bench's own
SQLite load (``python -m bench load``: the product's schema, its FTS5 search index) and
kept under ``bench/results/peers/`` for the next run. Datasette runs from its own
virtualenv (``.venv-peers``, ``make bench-peers``), apart from the product's dependencies,
as ``datasette serve --immutable`` with canned queries (``metadata``) that do each case's
work in SQL: the page of published statements as the product represents them (topics,
attributions with speaker and source, relations), built as JSON by SQLite, one row per
statement; the search ranks as the product's does (bm25 with its column weights over the
newest ``SEARCH_RANK_LIMIT`` matches). Its answers are Datasette's JSON (``_shape=array``).
"""

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from bench import client
from bench.cases import PAGE, SEARCH_PAGE

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-peers"
CACHE = ROOT / "bench" / "results" / "peers"
NAMES = ("datasette",)
INSTALL = "make bench-peers (Datasette in its own virtualenv, .venv-peers)"
RANK_LIMIT = 1000  # the product's SEARCH_RANK_LIMIT default
FTS = "statements_searchdocument_fts"
WEIGHTS = "10.0, 5.0, 2.0, 7.5"  # the product's bm25 weights on SQLite (statements.search)
SNIPPET_TOKENS = 40


def executable() -> Path:
    return VENV / "bin" / "python"


def installed() -> bool:
    return (VENV / "bin" / "datasette").exists()


# --- the corpus -------------------------------------------------------------------------------


def corpus_path(size: str, seed: int) -> Path:
    return CACHE / f"corpus-{size}-seed{seed}.sqlite3"


def build_corpus(size: str, seed: int, env: dict[str, str], python: str) -> Path:
    """The SQLite file of the corpus ``size``/``seed``: reused when present (it is written
    under another name and renamed when complete), else loaded by the bench's SQLite path."""
    target = corpus_path(size, seed)
    if target.exists():
        print(f"Datasette: reusing {target.relative_to(ROOT)}", file=sys.stderr)
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    print(
        f"Datasette: loading the {size} corpus into SQLite (once, kept for the next run)",
        file=sys.stderr,
    )
    started = time.perf_counter()
    subprocess.run(
        [python, "-m", "bench", "load", "--size", size, "--seed", str(seed)],
        cwd=ROOT,
        env={**env, "DATABASE_URL": f"sqlite:///{partial}"},
        check=True,
        stdout=subprocess.DEVNULL,  # the load's JSON figures; its steps go to stderr
    )
    # One self-contained file, as --immutable reads it (no write-ahead log beside it).
    with contextlib.closing(sqlite3.connect(partial)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    partial.rename(target)
    print(f"Datasette: corpus ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return target


# --- the canned queries -----------------------------------------------------------------------


def _speaker(alias: str) -> str:
    return f"json_object('id', {alias}.id, 'name', {alias}.name, 'kind', {alias}.kind)"


def _summary(alias: str) -> str:
    return f"json_object('id', {alias}.id, 'text', {alias}.text, 'status', {alias}.status)"


ATTRIBUTIONS = f"""(SELECT json_group_array(json(a.value)) FROM (
    SELECT json_object(
        'id', a.id, 'speaker', {_speaker("sp")},
        'source', json_object('id', so.id, 'title', so.title, 'publisher', so.publisher,
            'kind', so.kind, 'url', so.url, 'published_at', so.published_at,
            'status', so.status),
        'mode', a.mode, 'speech_act', a.speech_act, 'verb', a.verb,
        'speaker_role', a.speaker_role,
        'role_at_the_time', CASE WHEN m.id IS NULL THEN NULL ELSE json_object('id', m.id,
            'role', m.role, 'organization', m.organization_id, 'start', m.start,
            'end', m."end") END,
        'on_behalf_of', CASE WHEN ob.id IS NULL THEN NULL ELSE {_speaker("ob")} END,
        'occasion', a.occasion, 'stated_on', a.stated_on,
        'quote', CASE WHEN a.quote_exact = '' THEN NULL ELSE json_object(
            'exact', a.quote_exact, 'prefix', a.quote_prefix, 'suffix', a.quote_suffix,
            'start', a.quote_start, 'end', a.quote_end, 'status', a.quote_status,
            'body_sha256', a.quote_body_sha256) END,
        'created_at', a.created_at, 'updated_at', a.updated_at) AS value
    FROM statements_attribution a
    JOIN statements_speaker sp ON sp.id = a.speaker_id
    JOIN statements_source so ON so.id = a.source_id
    LEFT JOIN statements_speaker ob ON ob.id = a.on_behalf_of_id
    LEFT JOIN statements_membership m ON m.id = a.role_at_the_time_id
    WHERE a.statement_id = s.id ORDER BY a.id) a)"""

RELATIONS = f"""(SELECT json_group_array(json(r.value)) FROM (
    SELECT json_object('id', r.id, 'kind', r.kind, 'from_statement', {_summary("f")},
        'to_statement', {_summary("t")}, 'note', r.note,
        'created_at', r.created_at, 'updated_at', r.updated_at) AS value
    FROM statements_relation r
    JOIN statements_statement f ON f.id = r.from_statement_id
    JOIN statements_statement t ON t.id = r.to_statement_id
    WHERE (r.from_statement_id = s.id OR r.to_statement_id = s.id)
      AND f.status = 'published' AND t.status = 'published'
    ORDER BY r.id) r)"""

CORRECTIONS = """(SELECT json_group_array(json(c.value)) FROM (
    SELECT json_object('at', c.at, 'note', c.note) AS value FROM statements_correction c
    WHERE c.statement_id = s.id ORDER BY c.id) c)"""

TOPICS = """(SELECT json_group_array(t.slug) FROM (
    SELECT t.slug FROM statements_statement_topics st JOIN statements_topic t ON t.id = st.topic_id
    WHERE st.statement_id = s.id ORDER BY t.slug) t)"""

# A statement as the product represents it (statements.representations.fields.STATEMENT).
STATEMENT = f"""json_object(
    'id', s.id, 'text', s.text, 'language', s.language, 'topics', json({TOPICS}),
    'status', s.status, 'retraction_reason', s.retraction_reason,
    'attributions', json({ATTRIBUTIONS}), 'relations', json({RELATIONS}),
    'corrections', json({CORRECTIONS}),
    'created_at', s.created_at, 'updated_at', s.updated_at)"""


def _page(where: str, limit: int = PAGE) -> str:
    """Published statements matching ``where``, by id, as the product's list orders them."""
    return (
        f"SELECT s.id, {STATEMENT} AS statement FROM statements_statement s "
        f"WHERE s.status = 'published' AND {where} ORDER BY s.id LIMIT {limit}"
    )


# The product's search: the newest RANK_LIMIT published matches, ranked by bm25 with its
# column weights, ties by the newest. The word is matched as a phrase, as the product
# quotes every term.
HITS = f"""hits AS (
    SELECT {FTS}.rowid AS id, -bm25({FTS}, {WEIGHTS}) AS score
    FROM {FTS} JOIN statements_statement s ON s.id = {FTS}.rowid
    WHERE {FTS} MATCH '"' || :q || '"' AND s.status = 'published'
    ORDER BY {FTS}.rowid DESC LIMIT {RANK_LIMIT}),
page AS (SELECT id, score FROM hits ORDER BY score DESC, id DESC LIMIT {SEARCH_PAGE})"""

# Only the page's statements are written as JSON, not every hit before the sort.
SEARCH = f"""WITH {HITS}
SELECT s.id, page.score, {STATEMENT} AS statement
FROM page JOIN statements_statement s ON s.id = page.id
ORDER BY page.score DESC, s.id DESC"""


def _facet(select: str, group: str, fields: str, limit: int | None) -> str:
    """A facet: statements among the hits per value, most first (``Ranking.facets``)."""
    return (
        f"(SELECT json_group_array(json_object({fields}, 'count', n)) FROM ("
        f"SELECT {select}, count(DISTINCT made.statement_id) AS n FROM made {group} "
        f"ORDER BY n DESC{'' if limit is None else f' LIMIT {limit}'}))"
    )


SPEAKERS = _facet(
    "sp.id, sp.name",
    "JOIN statements_speaker sp ON sp.id = made.speaker_id GROUP BY sp.id",
    "'id', id, 'name', name",
    20,
)
SPEECH_ACTS = _facet("speech_act", "GROUP BY speech_act", "'value', speech_act", None)
PUBLISHERS = _facet("publisher", "GROUP BY publisher", "'value', publisher", 20)
YEARS = _facet("year", "GROUP BY year", "'value', year", None)

# search/: the page with snippets and the facets of all the ranked hits, as one JSON row.
FACETS = f"""WITH {HITS},
snippets AS (
    SELECT {FTS}.rowid AS id,
        snippet({FTS}, 0, '<mark>', '</mark>', '…', {SNIPPET_TOKENS}) AS snippet
    FROM {FTS} WHERE {FTS} MATCH '"' || :q || '"' AND {FTS}.rowid IN (SELECT id FROM page)),
made AS (
    SELECT a.statement_id, a.speaker_id, a.speech_act, so.publisher,
        CAST(strftime('%Y', so.published_at) AS INTEGER) AS year
    FROM hits JOIN statements_attribution a ON a.statement_id = hits.id
    JOIN statements_source so ON so.id = a.source_id)
SELECT json_object(
    'count', (SELECT count(*) FROM hits),
    'results', (SELECT json_group_array(json(value)) FROM (
        SELECT json_object('statement', json({STATEMENT}), 'score', page.score,
            'snippet', snippets.snippet) AS value
        FROM page JOIN statements_statement s ON s.id = page.id
        LEFT JOIN snippets ON snippets.id = page.id
        ORDER BY page.score DESC, page.id DESC)),
    'facets', json_object('speakers', json({SPEAKERS}), 'speech_acts', json({SPEECH_ACTS}),
        'publishers', json({PUBLISHERS}), 'years', json({YEARS}))
) AS page"""

QUERIES = {
    "list": _page("1"),
    "detail": _page("s.id = CAST(:id AS INTEGER)", 1),
    "speaker": _page(
        "s.id IN (SELECT statement_id FROM statements_attribution "
        "WHERE speaker_id = CAST(:speaker AS INTEGER))"
    ),
    "source": _page(
        "s.id IN (SELECT statement_id FROM statements_attribution "
        "WHERE source_id = CAST(:source AS INTEGER))"
    ),
    "dates": _page(
        "s.id IN (SELECT statement_id FROM statements_attribution "
        "WHERE stated_on >= :after AND stated_on <= :before)"
    ),
    "search": SEARCH,
    "facets": FACETS,
}


def database_name(corpus: Path) -> str:
    return corpus.stem  # Datasette names a database after its file


def metadata(corpus: Path) -> dict:
    """Datasette's metadata: the canned queries of the corpus's database."""
    return {
        "databases": {
            database_name(corpus): {
                "queries": {name: {"sql": sql} for name, sql in QUERIES.items()}
            }
        }
    }


def _url(database: str, query: str, **params) -> str:
    return f"/{database}/{query}.json?{urlencode({'_shape': 'array', **params})}"


# The product's cases that Datasette is given, with the same parameters (bench.cases.PATHS).
PATHS = {
    "list": lambda d, p: [_url(d, "list")],
    "detail": lambda d, p: [_url(d, "detail", id=pk) for pk in p["statements"]],
    "speaker": lambda d, p: [_url(d, "speaker", speaker=pk) for pk in p["speakers"]],
    "source": lambda d, p: [_url(d, "source", source=pk) for pk in p["sources"]],
    "dates": lambda d, p: [_url(d, "dates", after=a, before=b) for a, b in p["weeks"]],
    "search-rare": lambda d, p: [_url(d, "search", q=p["words"]["rare"])],
    "search-frequent": lambda d, p: [_url(d, "search", q=p["words"]["frequent"])],
    "facets-rare": lambda d, p: [_url(d, "facets", q=p["words"]["rare"])],
    "facets-frequent": lambda d, p: [_url(d, "facets", q=p["words"]["frequent"])],
}


def paths(case: str, database: str, params: dict) -> list[str] | None:
    """Datasette's paths for the product's case, or None when it is not given that case."""
    make = PATHS.get(case)
    return make(database, params) if make else None


# --- the server -------------------------------------------------------------------------------

# Datasette's settings but one: a query may run as long as the product's (Datasette stops
# one after 1 s by default, which under 32 connections would count as errors, not time).
SETTINGS = {"sql_time_limit_ms": "600000"}

# ``datasette serve`` as it is, but without uvicorn's access log (a line per request to the
# terminal), as the product's gunicorn runs without one.
LAUNCHER = """
import functools, sys, uvicorn
from datasette import cli
uvicorn.run = functools.partial(uvicorn.run, access_log=False)
cli.cli(sys.argv[1:], prog_name="datasette")
"""


class Datasette:
    """``datasette serve --immutable`` on 127.0.0.1; stopped by ``stop`` whatever happens."""

    name = "Datasette"

    def __init__(self, corpus: Path, workdir: Path, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.database = database_name(corpus)
        config = workdir / "datasette-metadata.json"
        config.write_text(json.dumps(metadata(corpus), indent=2))
        settings = [arg for name, value in SETTINGS.items() for arg in ("--setting", name, value)]
        self.process = subprocess.Popen(
            [
                str(executable()), "-c", LAUNCHER, "serve", "--immutable", str(corpus),
                "--host", host, "--port", str(port), "--metadata", str(config), *settings,
            ],
            cwd=workdir,
            env={k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"},
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("datasette exited at start")
            with contextlib.suppress(OSError):
                if client.fetch(host, port, "/-/versions.json")[0] == 200:
                    return
            time.sleep(0.3)
        self.stop()
        raise RuntimeError("datasette did not become ready in 300 s")

    def version(self) -> str:
        status, body = client.fetch(self.host, self.port, "/-/versions.json")
        if status != 200:
            return ""
        versions = json.loads(body)
        return (
            f"Datasette {versions['datasette']['version']}, SQLite {versions['sqlite']['version']}"
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def check(peer: Datasette, case: str, path: str) -> str | None:
    """Why the peer's answer to ``path`` cannot be compared (an error, no rows), or None."""
    status, body = client.fetch(peer.host, peer.port, path)
    if status != 200:
        return f"answers {status}"
    try:
        rows = json.loads(body)
    except ValueError:
        return "answers no JSON"
    if not rows:
        return "answers no rows"
    return None
