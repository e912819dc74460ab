"""The floor: the product's read cases served by a bare WSGI app, psycopg 3 and orjson only.

What the benchmark compares the product with: the same SQL and the same response bytes,
without Django, DRF, middleware or serializers, so that product/floor per case says what
the framework costs around the queries.

The SQL is the product's own. ``record`` (run once, with Django configured on the
benchmark's database and settings) sends one request of each route through the product
in-process and keeps every query it executes, SQL and parameters, with the request's
values (a speaker, dates, a word, a statement id) marked in the parameters; the floor
executes those queries with the values of each request. The representations' query (a
page's or a detail's) is prepared, as the product prepares it (``statements.prepared``).
A search replays the queries the product ran for that word (its windows of blocks
depend on the corpus, which the benchmark does not change) and keeps the ranked hits as
the product does. A count of at least ``API_COUNT_CACHE_THRESHOLD`` rows is kept for
``API_COUNT_CACHE_SECONDS``, as the product keeps it (here in the worker's memory).

``search/`` for a word replays the same ranking, then the page's representations with
their texts, the snippets, the facets' rows and the speakers' names as the product ran
them for that word (their values as recorded), and counts the facets as the product does.

One connection per worker (no pool is pinned), client-side parameter binding as Django's
PostgreSQL backend does but for the representations, autocommit. Routes: the list
(``page_size`` as recorded), by speaker, by stated-on dates, ``q`` for the words recorded
(``statements/`` and ``search/``), and a statement's detail; anything else answers 404.

Run: ``FLOOR_PLAN=<plan> FLOOR_DATABASE_URL=<url> gunicorn bench.floor:app``; the plan is
written by ``python -m bench floor-plan`` (the benchmark does both).
"""

import datetime as dt
import html
import os
import pickle
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlunsplit

import orjson
import psycopg

LIST = "/api/v1/statements/"
SEARCH = "/api/v1/search/"
MARK_START, MARK_END = "\x02", "\x03"  # the engine's marks (statements.search.base)


class Arg:
    """A request's value in a recorded query's parameters."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Arg({self.name!r})"


# --- recording (Django configured) ------------------------------------------------------------
# Django is imported inside these functions only: the floor's server imports this module
# without Django, and must not configure it.


def _plain(value: Any) -> Any:
    """A parameter as psycopg takes it without Django (enums, psycopg's wrapped ints)."""
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool | float | dt.date | None):
        return value
    if isinstance(value, int):
        return int(value)
    return value


def _marked(params, args: dict[str, Any]) -> list:
    """``params`` with each value of ``args`` (a list value: the ids of a page) replaced by
    its ``Arg``; each value must stand there once (else another parameter has the same
    value, and the request's value would replace both)."""
    by_value = {
        (type(value), tuple(value) if isinstance(value, list) else value): name
        for name, value in args.items()
    }
    marked = []
    for value in params or ():
        value = _plain(value)
        key = (type(value), tuple(value) if isinstance(value, list) else value)
        marked.append(Arg(by_value[key]) if key in by_value else value)
    for name in args:
        if sum(isinstance(p, Arg) and p.name == name for p in marked) != 1:
            raise RuntimeError(f"{name}={args[name]!r} is not once in the query's parameters")
    return marked


def _capture(path: str) -> tuple[bytes, list[tuple[str, list]]]:
    from django.db import connection
    from django.test import Client

    queries: list[tuple[str, list]] = []

    def keep(execute, sql, params, many, context):
        queries.append((sql, list(params or ())))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        response = Client().get(path, HTTP_ACCEPT="application/json")
    if response.status_code != 200:
        raise RuntimeError(f"GET {path} answered {response.status_code}")
    return response.content, queries


def record(params: dict) -> dict:
    """The floor's plan, from the product's queries for the benchmark's ``params`` (the
    cases' parameters, ``steps.inspect``). Run with the counts' and searches' caches off,
    so that every query is seen."""
    from django.conf import settings

    from bench.cases import PAGE, SEARCH, SEARCH_PAGE

    plan: dict = {
        "count_threshold": settings.API_COUNT_CACHE_THRESHOLD,
        "count_seconds": settings.API_COUNT_CACHE_SECONDS,
        "routes": {},
        "searches": {},
    }
    after, before = params["weeks"][0]
    lists = [
        ("list", {"page_size": PAGE}, {}),
        *[
            ("speaker", {"speaker": pk, "page_size": PAGE}, {"speaker": pk})
            for pk in params["speakers"][:10]
        ],
        ("dates", {"stated_after": after, "stated_before": before, "page_size": PAGE},
         {"stated_after": dt.date.fromisoformat(after),
          "stated_before": dt.date.fromisoformat(before)}),
    ]  # fmt: skip
    for name, query, args in lists:
        key = _route_key(query)
        if key in plan["routes"]:
            continue
        _, queries = _capture(f"{LIST}?{urlencode(query)}")
        try:
            count, ids, representations = queries  # as the view runs them
            route = {
                "name": name,
                "count": (count[0], _marked(count[1], args)),
                "ids": (ids[0], _marked(ids[1], args)),
            }
            if name == "list":  # the page's representations, prepared as the product does
                page = [pk for pk, *_ in _fetch(ids[0], ids[1])]
                plan["representations"] = (
                    representations[0],
                    _marked(representations[1], {"ids": page}),
                )
        except (ValueError, RuntimeError):
            # Another parameter has the value (the speaker 1), or nothing matched: the
            # next speaker, if there is one.
            if name != "speaker" or query["speaker"] == params["speakers"][:10][-1]:
                raise
            continue
        plan["routes"][key] = route
    pk = params["statements"][0]
    _, queries = _capture(f"{LIST}{pk}/")
    (detail,) = queries
    plan["detail"] = (detail[0], _marked(detail[1], {"ids": [pk]}))
    plan["search_limit"] = settings.SEARCH_RANK_LIMIT
    for word in params.get("words", {}).values():
        _, queries = _capture(f"{LIST}?{urlencode({'q': word, 'page_size': SEARCH_PAGE})}")
        # Every query but the last (the page's representations): the ranking's.
        plan["searches"][word] = [(sql, _marked(values, {})) for sql, values in queries[:-1]]
    plan["search_page"] = SEARCH_PAGE
    plan["facets"] = {}
    for word, ranking in plan["searches"].items():
        _, queries = _capture(f"{SEARCH}?{urlencode({'q': word, 'page_size': SEARCH_PAGE})}")
        # The same ranking, then the page with its texts, the snippets and the facets (the
        # corpus does not change: each replayed with its values as recorded).
        if [(sql, _marked(values, {})) for sql, values in queries[: len(ranking)]] != ranking:
            raise RuntimeError("search/ ranks otherwise than statements/?q=: update bench/floor.py")
        page, snippets, facets, speakers = [
            (sql, _marked(values, {})) for sql, values in queries[len(ranking) :]
        ]
        plan["facets"][word] = {
            "page": page, "snippets": snippets, "facets": facets, "speakers": speakers
        }  # fmt: skip
    return plan


def _fetch(sql: str, params: list) -> list[tuple]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _route_key(query: dict) -> tuple:
    """A list route: the parameters' names, and the page size (the queries' LIMIT)."""
    return (tuple(sorted(set(query) - {"page_size"})), int(query["page_size"]))


def write_plan(params: dict, out: Path) -> None:
    out.write_bytes(pickle.dumps(record(params)))


# --- serving (no Django) ----------------------------------------------------------------------


def _bind(params: list, values: dict[str, Any]) -> list:
    return [values[p.name] if isinstance(p, Arg) else p for p in params]


def _values(query: dict[str, str]) -> dict[str, Any]:
    """A request's values, typed as the product's filters give them to the queries."""
    values: dict[str, Any] = dict(query)
    if "speaker" in query:
        values["speaker"] = int(query["speaker"])
    for name in ("stated_after", "stated_before"):
        if name in query:
            values[name] = dt.date.fromisoformat(query[name])
    return values


def _facets(rows: list[tuple], names: dict[int, str]) -> dict[str, list[dict]]:
    """The product's facets (``search.results.Ranking.facets``) from the ranked statements'
    attributions' rows and the names of the speakers that can be shown: statements counted
    per value; speakers by count then name, the others by count then value, the latest
    years; 20 of each."""
    groups: dict[str, dict] = {f: {} for f in ("speakers", "speech_acts", "publishers", "years")}
    for statement_id, speaker_id, speech_act, publisher, year in rows:
        groups["speakers"].setdefault(speaker_id, set()).add(statement_id)
        groups["speech_acts"].setdefault(speech_act, set()).add(statement_id)
        if publisher:
            groups["publishers"].setdefault(publisher, set()).add(statement_id)
        if year is not None:
            groups["years"].setdefault(year, set()).add(statement_id)
    counts = {facet: {v: len(ids) for v, ids in values.items()} for facet, values in groups.items()}

    def first(facet: str, key) -> list[dict]:
        values = counts[facet]
        ordered = sorted(values, key=lambda v: key(v, values[v]))
        return [{"value": v, "count": values[v]} for v in ordered[:20]]

    speakers = {pk: count for pk, count in counts["speakers"].items() if pk in names}
    return {
        "speakers": [
            {"id": pk, "name": names[pk], "count": speakers[pk]}
            for pk in sorted(speakers, key=lambda pk: (-speakers[pk], names[pk], pk))[:20]
        ],
        "speech_acts": first("speech_acts", lambda v, count: (-count, v)),
        "publishers": first("publishers", lambda v, count: (-count, v)),
        "years": first("years", lambda v, count: -v),
    }


def _html(marked: str) -> str:
    """A snippet as the product writes it: escaped, the engine's marks as <mark>."""
    escaped = html.escape(marked, quote=True)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def _escape(body: bytes) -> bytes:
    # As the product's renderer: U+2028 and U+2029 escaped.
    return body.replace("\u2028".encode(), b"\\u2028").replace("\u2029".encode(), b"\\u2029")


def _next_link(environ: dict, count: int, page_size: int) -> str | None:
    """DRF's ``next`` of a first page: the request's absolute URL with ``page=2``."""
    if count <= page_size:
        return None
    host = environ.get("HTTP_HOST") or f"{environ['SERVER_NAME']}:{environ['SERVER_PORT']}"
    query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    query["page"] = ["2"]
    query_string = urlencode(sorted(query.items()), doseq=True)
    return urlunsplit((environ["wsgi.url_scheme"], host, environ["PATH_INFO"], query_string, ""))


class Floor:
    def __init__(
        self, plan: dict, database_url: str = "", connection: psycopg.Connection | None = None
    ) -> None:
        self.plan = plan
        self.database_url = database_url
        self.connection = connection  # given (tests), else opened at the first request
        self.counts: dict[tuple, tuple[int, float]] = {}

    def _cursor(self) -> psycopg.Cursor:
        if self.connection is None or self.connection.closed:
            self.connection = psycopg.connect(
                self.database_url, autocommit=True, cursor_factory=psycopg.ClientCursor
            )
        return self.connection.cursor()

    def _rows(self, sql: str, params: list) -> list[tuple]:
        with self._cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _prepared_rows(self, sql: str, params: list) -> list[tuple]:
        """As the product reads representations (``statements.prepared``): values bound by
        the server, the query prepared once per connection."""
        self._cursor().close()  # connected
        with psycopg.Cursor(self.connection) as cursor:
            cursor.execute(sql, params, prepare=True)
            return cursor.fetchall()

    def _count(self, sql: str, params: list) -> int:
        key = (sql, repr(params))
        cached = self.counts.get(key)
        if cached and cached[1] > time.monotonic():
            return cached[0]
        count = self._rows(sql, params)[0][0]
        if self.plan["count_threshold"] and count >= self.plan["count_threshold"]:
            self.counts[key] = (count, time.monotonic() + self.plan["count_seconds"])
        return count

    def _page(self, environ: dict, count: int, page_size: int, ids: list[int]) -> bytes:
        sql, params = self.plan["representations"]
        texts = dict(self._prepared_rows(sql, _bind(params, {"ids": ids}))) if ids else {}
        results = b",".join(texts[pk].encode() for pk in ids if pk in texts)
        head = orjson.dumps(
            {"count": count, "next": _next_link(environ, count, page_size), "previous": None}
        )
        return _escape(head[:-1] + b',"results":[' + results + b"]}")

    def _hits(self, word: str) -> tuple[list[tuple[int, float]], bool]:
        """The ranked hits, best first, and whether they are every match."""
        hits = []
        for sql, params in self.plan["searches"][word]:
            # (id, score), or (newest id, id, score) from the first window
            hits += [row[-2:] for row in self._rows(sql, params) if row[-2] is not None]
        hits.sort(key=lambda hit: (-hit[1], -hit[0]))
        limit = self.plan["search_limit"]
        if len(hits) > limit:  # the one more only tells that more matched
            oldest = min(pk for pk, _ in hits)
            return [hit for hit in hits if hit[0] != oldest], False
        return hits, True

    def _search(self, environ: dict, word: str, page_size: int) -> bytes:
        hits, _ = self._hits(word)
        return self._page(environ, len(hits), page_size, [pk for pk, _ in hits[:page_size]])

    def _facets_search(self, environ: dict, word: str, page_size: int) -> bytes:
        """search/: the hits with their scores and snippets, and the facets."""
        hits, exhaustive = self._hits(word)
        queries = self.plan["facets"][word]
        scores = dict(hits[:page_size])
        found = {row[0]: row for row in self._rows(*queries["page"])}
        page = [found[pk] for pk in scores if pk in found]  # in the hits' order
        marked = dict(self._rows(*queries["snippets"]))
        results = [
            {
                "statement": orjson.loads(json),
                "score": scores[pk],
                "snippet": _html(
                    marked.get(pk, text.replace(MARK_START, " ").replace(MARK_END, " "))
                ),
            }
            for pk, text, json in page
        ]
        body = {
            "count": len(hits),
            "next": _next_link(environ, len(hits), page_size),
            "previous": None,
            "exhaustive": exhaustive,
            "results": results,
            "facets": _facets(
                self._rows(*queries["facets"]), dict(self._rows(*queries["speakers"]))
            ),
        }
        return _escape(orjson.dumps(body))

    def respond(self, environ: dict) -> bytes | None:
        path = environ.get("PATH_INFO", "")
        if path == "/readyz":
            return b'{"status":"ok"}'
        query = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        if path == LIST:
            page_size = int(query.get("page_size", 20))
            if set(query) == {"q", "page_size"} and query["q"] in self.plan["searches"]:
                if page_size != self.plan["search_page"]:
                    return None
                return self._search(environ, query["q"], page_size)
            route = self.plan["routes"].get(_route_key({"page_size": page_size, **query}))
            if route is None:
                return None
            values = _values(query)
            count = self._count(route["count"][0], _bind(route["count"][1], values))
            ids = [row[0] for row in self._rows(route["ids"][0], _bind(route["ids"][1], values))]
            return self._page(environ, count, page_size, ids)
        searched = path == SEARCH and set(query) == {"q", "page_size"}
        if searched and query["q"] in self.plan.get("facets", {}):
            if int(query["page_size"]) != self.plan["search_page"]:
                return None
            return self._facets_search(environ, query["q"], self.plan["search_page"])
        tail = path.removeprefix(LIST).rstrip("/")
        if path.startswith(LIST) and path.endswith("/") and tail.isdigit() and not query:
            sql, params = self.plan["detail"]
            rows = self._prepared_rows(sql, _bind(params, {"ids": [int(tail)]}))
            return _escape(rows[0][0].encode()) if rows else None
        return None

    def __call__(self, environ: dict, start_response) -> list[bytes]:
        body = self.respond(environ)
        if body is None:
            status, body = "404 Not Found", b'{"detail":"not in the floor"}'
        else:
            status = "200 OK"
        start_response(
            status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        )
        return [body]


def _app_from_environment():
    plan = os.environ.get("FLOOR_PLAN")
    if not plan:
        return None
    # The plan is the file the benchmark wrote just before (``write_plan``).
    plan = pickle.loads(Path(plan).read_bytes())  # noqa: S301
    return Floor(plan, os.environ["FLOOR_DATABASE_URL"])


app = _app_from_environment()  # gunicorn bench.floor:app
