"""The benchmark's floor (bench/floor.py) answers the product's bytes, from the product's SQL;
and the benchmark's reporting of it."""

import io
from urllib.parse import urlencode

import pytest
from django.db import connection
from rest_framework.test import APIRequestFactory
from rest_framework.utils.urls import replace_query_param

from bench import floor as bench_floor
from bench import wrk
from bench.cases import CASES, PAGE, SEARCH_PAGE
from bench.run import FLOOR_HEADER, floor_rows, same_bytes
from tests.factories import more_statements, tricky_world

postgres_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="the floor replays PostgreSQL's SQL"
)


def _call(app, path: str, query: dict) -> tuple[str, bytes]:
    """One GET through the WSGI app, as a server would call it."""
    answer = {}

    def start_response(status, headers):
        answer["status"] = status

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": urlencode(query),
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
    }
    body = b"".join(app(environ, start_response))
    return answer["status"], body


@pytest.fixture
def floor(world):
    tricky_world(world)  # U+2028, control characters, non-ASCII: the bytes must still match
    more_statements(world, 3)
    params = {
        # Several: the floor records with the first whose id no other parameter has.
        "speakers": [world.minister.pk, world.ministry.pk, world.officials.pk],
        "weeks": [("2024-10-20", "2024-10-26")],
        "statements": [world.claim.pk],
        "words": {"rare": "troops"},
    }
    plan = bench_floor.record(params)
    connection.ensure_connection()
    # The test's own connection: it sees the test's rows, inside its transaction.
    return bench_floor.Floor(plan, connection=connection.connection)


@postgres_only
@pytest.mark.parametrize(
    "query",
    [
        {"page_size": PAGE},
        {"speaker": "{minister}", "page_size": PAGE},
        {"stated_after": "2024-10-20", "stated_before": "2024-10-26", "page_size": PAGE},
        {"q": "troops", "page_size": SEARCH_PAGE},
    ],
    ids=["list", "speaker", "dates", "search"],
)
def test_the_floor_answers_the_products_list_bytes(client, world, floor, query):
    query = {k: v.format(minister=world.minister.pk) if isinstance(v, str) else v
             for k, v in query.items()}  # fmt: skip
    product = client.get("/api/v1/statements/", query)
    status, body = _call(floor, "/api/v1/statements/", query)
    assert product.status_code == 200
    assert status == "200 OK"
    assert b'"results":[{' in body
    assert body == product.content


@postgres_only
def test_the_floor_answers_the_products_search_bytes(client, world, floor):
    # search/: the hits with scores and snippets (the tricky texts escaped), and the facets.
    query = {"q": "troops", "page_size": SEARCH_PAGE}
    product = client.get("/api/v1/search/", query)
    status, body = _call(floor, "/api/v1/search/", query)
    assert product.status_code == 200
    assert status == "200 OK"
    assert b'"facets":{"speakers":[{' in body
    assert body == product.content
    assert _call(floor, "/api/v1/search/", {"q": "troops", "page_size": 3})[0].startswith("404")


@postgres_only
def test_the_floor_answers_the_products_detail_bytes(client, world, floor):
    for statement in (world.claim, world.denial):
        path = f"/api/v1/statements/{statement.pk}/"
        status, body = _call(floor, path, {})
        assert status == "200 OK"
        assert body == client.get(path).content
    assert _call(floor, f"/api/v1/statements/{world.draft.pk}/", {})[0] == "404 Not Found"
    assert _call(floor, "/api/v1/statements/", {"source": world.briefing.pk})[0].startswith("404")


def test_the_next_link_is_drfs():
    request = APIRequestFactory().get("/api/v1/statements/", {"speaker": 3, "page_size": 50})
    environ = {
        "QUERY_STRING": "speaker=3&page_size=50",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "PATH_INFO": "/api/v1/statements/",
    }
    expected = replace_query_param(request.build_absolute_uri(), "page", 2)
    assert bench_floor._next_link(environ, 51, 50) == expected
    assert bench_floor._next_link(environ, 50, 50) is None


def test_the_floor_serves_the_read_cases_it_is_compared_on():
    served = {case.name for case in CASES if case.floor}
    assert served == {
        "list", "detail", "speaker", "dates", "search-rare", "search-frequent", "facets-rare",
        "facets-frequent",
    }  # fmt: skip


def test_bytes_compare_but_for_the_servers_own_address():
    product = b'{"next":"http://127.0.0.1:8000/api/v1/statements/?page=2"}'
    floor = b'{"next":"http://127.0.0.1:9000/api/v1/statements/?page=2"}'
    assert same_bytes(product, floor, 8000, 9000)
    assert not same_bytes(product, floor.replace(b"page=2", b"page=3"), 8000, 9000)


def test_the_report_gives_product_floor_and_ratio():
    rows = [
        {"case": "list", "concurrency": 1, "rps": 50.0},
        {"case": "list", "concurrency": 32, "rps": 100.0, "floor_rps": 400.0},
        {"case": "facets", "concurrency": 32, "rps": 30.0},
        {"case": "detail", "concurrency": 32, "rps": 80.0, "floor": "bytes differ"},
    ]
    assert floor_rows(rows) == [
        "| list | 100.0 | 400.0 | 0.25 |",
        "| detail | 80.0 | bytes differ | - |",
    ]
    assert FLOOR_HEADER.startswith("| case | product req/s | floor req/s | product/floor |")


WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    21.69ms    3.12ms  40.00ms   80.00%
    Req/Sec   737.53     40.73   820.00     70.00%
  Latency Distribution
     50%   21.00ms
     75%   23.00ms
     90%   25.00ms
     99%    1.20s
  14711 requests in 10.00s, 1.50MB read
  Socket errors: connect 0, read 3, write 0, timeout 2
  Non-2xx or 3xx responses: 11
Requests/sec:   1471.10
Transfer/sec:    153.60KB
"""


def test_wrks_report_is_read():
    result = wrk.parse(WRK_OUTPUT)
    assert (result.requests, result.errors, result.seconds) == (14711, 13, 10.0)
    assert result.p50 == pytest.approx(0.021)
    assert result.p99 == pytest.approx(1.2)
    assert result.bytes == round(1.5 * 1024**2)
    assert result.rate == pytest.approx(1469.8)


def test_wrks_script_cycles_through_the_paths_with_the_headers():
    lua = wrk.script(['/a?q="x"', "/b"], {"Authorization": "Token t"})
    assert 'wrk.headers["Authorization"] = "Token t"' in lua
    assert 'local paths = {"/a?q=\\"x\\"", "/b"}' in lua
    assert "i = i % #paths + 1" in lua


def test_the_run_options_are_parsed(monkeypatch):
    import bench.run
    from bench.__main__ import main

    given = []
    monkeypatch.setattr(bench.run, "run", lambda options: given.append(options) or 0)
    assert main(["run", "--size", "1m", "--workers", "2", "--case", "list"]) == 0
    assert main(["run", "--no-floor", "--no-profile", "--search-cache", "--client", "own"]) == 0
    first, second = given
    assert (first.size, first.workers, first.cases) == ("1m", 2, ("list",))
    assert (first.floor, first.profile, first.search_cache, first.client) == (
        True, True, False, "auto",
    )  # fmt: skip
    assert (second.floor, second.profile, second.search_cache) == (False, False, True)
    assert not second.uses_wrk
    assert first.bench_args == "--workers 2 --case list"
    assert second.bench_args == "--no-floor --no-profile --search-cache --client own"


def test_asking_for_wrk_without_it_says_how_to_get_it(monkeypatch, capsys):
    import bench.run

    monkeypatch.setattr(wrk, "available", lambda: False)
    assert bench.run.run(bench.run.Options(client="wrk")) == 2
    assert "apt-get install wrk" in capsys.readouterr().err
    assert not bench.run.Options(client="auto").uses_wrk
