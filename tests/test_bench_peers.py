"""The benchmark's peer (bench/peers.py): Datasette's canned queries do the product's work for
each case (the same statements, in the same order, ranked as the product ranks them), and
the report gives the peer's figures beside the product's and the floor's."""

import json
import tempfile
from pathlib import Path

import pytest
from django.db import connection

from bench import peers
from bench.cases import PAGE, SEARCH_PAGE
from bench.corpus import Corpus
from bench.load import load_corpus
from bench.run import FLOOR_HEADER, Options, floor_header, floor_rows, report

sqlite_only = pytest.mark.skipif(
    "connection.vendor != 'sqlite'", reason="the canned queries are SQLite's (Datasette's)"
)
LIST = "/api/v1/statements/"


def _canned(name: str, **params) -> list[tuple]:
    """Run a canned query as Datasette does: SQLite named parameters, as text."""
    connection.ensure_connection()
    cursor = connection.connection.execute(peers.QUERIES[name], params)
    return cursor.fetchall()


def _ids(rows: list[tuple]) -> list[int]:
    return [row[0] for row in rows]


@pytest.fixture
def corpus(db) -> None:
    load_corpus(Corpus(1500, seed=3), progress=False, vacuum=False)


@sqlite_only
def test_the_canned_queries_give_the_products_pages(corpus, anon):
    def api(**query) -> dict:
        return anon.get(LIST, {**query, "page_size": PAGE}).json()

    listed = api()["results"]
    assert _ids(_canned("list")) == [item["id"] for item in listed]

    # The whole representation but the times' format (SQLite's text, the API's ISO 8601).
    def untimed(value):
        if isinstance(value, dict):
            return {k: untimed(v) for k, v in value.items() if k not in TIMES}
        if isinstance(value, list):
            return [untimed(v) for v in value]
        return value

    TIMES = {"created_at", "updated_at", "published_at"}
    detailed = [item for item in listed if item["attributions"] and item["relations"]][:1]
    detailed += listed[:3]
    for item in detailed:
        ((_pk, text),) = _canned("detail", id=str(item["id"]))
        assert untimed(json.loads(text)) == untimed(item)

    speaker = listed[0]["attributions"][0]["speaker"]["id"]
    assert _ids(_canned("speaker", speaker=str(speaker))) == [
        item["id"] for item in api(speaker=speaker)["results"]
    ]
    source = listed[0]["attributions"][0]["source"]["id"]
    assert _ids(_canned("source", source=str(source))) == [
        item["id"] for item in api(source=source)["results"]
    ]
    dates = {"stated_after": "2016-01-01", "stated_before": "2017-06-30"}
    expected = [item["id"] for item in api(**dates)["results"]]
    assert expected
    assert _ids(_canned("dates", after="2016-01-01", before="2017-06-30")) == expected


@sqlite_only
@pytest.mark.parametrize("word", ["minister", "troops"])
def test_the_canned_search_ranks_as_the_product(corpus, anon, word):
    ranked = anon.get(LIST, {"q": word, "page_size": SEARCH_PAGE}).json()["results"]
    assert ranked
    assert _ids(_canned("search", q=word)) == [item["id"] for item in ranked]

    searched = anon.get("/api/v1/search/", {"q": word, "page_size": SEARCH_PAGE}).json()
    ((text,),) = _canned("facets", q=word)
    page = json.loads(text)
    assert page["count"] == searched["count"]
    assert [hit["statement"]["id"] for hit in page["results"]] == [
        hit["statement"]["id"] for hit in searched["results"]
    ]
    assert [hit["snippet"] for hit in page["results"]] == [
        hit["snippet"] for hit in searched["results"]
    ]
    assert page["results"][0]["score"] == pytest.approx(searched["results"][0]["score"])
    for name in ("speakers", "speech_acts", "publishers", "years"):
        # Values of equal counts may stand in another order (and differ at a top 20's end).
        counts = sorted(facet["count"] for facet in page["facets"][name])
        assert counts == sorted(facet["count"] for facet in searched["facets"][name])
        if len(counts) < 20:
            assert sorted(map(_key, page["facets"][name])) == sorted(
                map(_key, searched["facets"][name])
            )


def _key(facet: dict) -> str:
    return json.dumps(facet, sort_keys=True)


def test_the_metadata_holds_every_query_the_paths_ask_for():
    corpus = Path("bench/results/peers/corpus-1m-seed6.sqlite3")
    assert peers.database_name(corpus) == "corpus-1m-seed6"
    queries = peers.metadata(corpus)["databases"]["corpus-1m-seed6"]["queries"]
    assert set(queries) == set(peers.QUERIES)
    assert all(query["sql"] == peers.QUERIES[name] for name, query in queries.items())
    params = {
        "statements": [4, 9],
        "speakers": [3],
        "sources": [8],
        "weeks": [("2019-01-01", "2019-01-07")],
        "words": {"rare": "pramiqu", "frequent": "one"},
    }
    asked = set()
    for case in peers.PATHS:
        for path in peers.paths(case, "corpus-1m-seed6", params):
            assert path.startswith("/corpus-1m-seed6/")
            asked.add(path.split("/")[2].split(".json")[0])
            assert "_shape=array" in path
    assert asked == set(queries)
    assert peers.paths("detail", "c", params) == [
        "/c/detail.json?_shape=array&id=4",
        "/c/detail.json?_shape=array&id=9",
    ]
    assert peers.paths("dates", "c", params) == [
        "/c/dates.json?_shape=array&after=2019-01-01&before=2019-01-07"
    ]
    assert peers.paths("facets-frequent", "c", params) == ["/c/facets.json?_shape=array&q=one"]
    assert peers.paths("admin-list", "c", params) is None  # not a case Datasette is given


def test_the_report_gives_the_peers_figures_and_ratio():
    rows = [
        {"case": "list", "concurrency": 1, "rps": 50.0},
        {"case": "list", "concurrency": 32, "rps": 100.0, "floor_rps": 400.0, "peer_rps": 200.0},
        {"case": "facets-rare", "concurrency": 32, "rps": 30.0, "peer_rps": 60.0},
        {"case": "detail", "concurrency": 32, "rps": 80.0, "floor": "bytes differ",
         "peer": "answers 500"},
        {"case": "admin-list", "concurrency": 32, "rps": 20.0},
    ]  # fmt: skip
    assert floor_rows(rows, "Datasette") == [
        "| list | 100.0 | 400.0 | 0.25 | 200.0 | 0.50 |",
        "| facets-rare | 30.0 | - | - | 60.0 | 0.50 |",
        "| detail | 80.0 | bytes differ | - | answers 500 | - |",
    ]
    # Without a peer, the table is the floor's alone.
    assert floor_rows(rows) == [
        "| list | 100.0 | 400.0 | 0.25 |",
        "| detail | 80.0 | bytes differ | - |",
    ]
    assert floor_header() == FLOOR_HEADER
    header = floor_header("Datasette")
    assert header.startswith(
        "| case | product req/s | floor req/s | product/floor | Datasette req/s | "
        "product/Datasette |\n"
    )
    assert header.count("---") == 6

    measured = {"requests": 1, "p50_ms": 1, "p99_ms": 1, "errors": 0, "queries": 1}
    info = {
        "machine": "2 cores",
        "load_before": "0.5",
        "rows": [{**measured, **row} for row in rows],
        "peer": {
            "name": "Datasette",
            "version": "Datasette 0.65.5, SQLite 3.40.1",
            "settings": "sql_time_limit_ms=600000",
        },
    }
    text = report(Options(size="1m", peer="datasette"), info)
    assert "then Datasette (Datasette 0.65.5, SQLite 3.40.1" in text
    assert "| list | 100.0 | 400.0 | 0.25 | 200.0 | 0.50 |" in text


def test_the_peer_option_is_parsed(monkeypatch):
    import bench.run
    from bench.__main__ import main

    given = []
    monkeypatch.setattr(bench.run, "run", lambda options: given.append(options) or 0)
    assert main(["run", "--peer", "datasette", "--database", "attributed_mine"]) == 0
    assert main(["run"]) == 0
    first, second = given
    assert (first.peer, first.database_name) == ("datasette", "attributed_mine")
    assert first.bench_args == "--peer datasette --database attributed_mine"
    assert (second.peer, second.database_name) == (None, "attributed_bench_10k")
    with pytest.raises(SystemExit):
        main(["run", "--peer", "nope"])


def test_asking_for_a_peer_not_installed_says_how_to_install_it(monkeypatch, capsys, tmp_path):
    import bench.run

    monkeypatch.setattr(peers, "VENV", tmp_path / "none")
    assert bench.run.run(bench.run.Options(peer="datasette")) == 2
    assert "make bench-peers" in capsys.readouterr().err


# --- with Datasette (make bench-peers) ---------------------------------------------------------


@pytest.mark.skipif(not peers.installed(), reason="Datasette is not installed (make bench-peers)")
def test_datasette_answers_every_case_on_the_10k_corpus():
    import os
    import sqlite3
    import sys

    from bench.run import _free_port

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    env.pop("DATABASE_URL", None)
    corpus = peers.build_corpus("10k", 6, env, sys.executable)  # once, then reused
    with sqlite3.connect(f"file:{corpus}?mode=ro", uri=True) as conn:
        statements = [
            pk for (pk,) in conn.execute(
                "SELECT id FROM statements_statement WHERE status = 'published' LIMIT 5"
            )
        ]  # fmt: skip
        speakers = [pk for (pk,) in conn.execute("SELECT id FROM statements_speaker LIMIT 3")]
    params = {
        "statements": statements,
        "speakers": speakers,
        "sources": [1, 2],
        "weeks": [("2019-01-01", "2019-01-07")],
        "words": {"rare": "minister", "frequent": "said"},
    }
    with tempfile.TemporaryDirectory() as workdir:
        server = peers.Datasette(corpus, Path(workdir), "127.0.0.1", _free_port())
        try:
            assert server.version().startswith("Datasette 0.65")
            for case in peers.PATHS:
                for path in peers.paths(case, server.database, params)[:2]:
                    assert peers.check(server, case, path) is None, (case, path)
        finally:
            server.stop()
        assert server.process.poll() is not None
