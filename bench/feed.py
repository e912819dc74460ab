"""The change feed's throughput: how many changes a second a partner reads through HTTP.

``python -m bench.feed --changes 1000000 --db postgres``: creates a database, migrates it,
writes ``--changes`` changes straight into the feed's table (a quarter each created,
updated, published and retracted; spread over the transaction ids used so far; four in
five public), serves
it with gunicorn (production settings, one worker) and walks the whole feed from its
start, a page of ``--page-size`` after another, following ``next``, as the public and as
an editor. Prints the figures as JSON, then drops the database (``--keep`` keeps it).
One client, one request at a time: the rate is one partner's, parsing included.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench import client
from bench.run import HOST, PG_ADMIN_URL, Database, Server, _env, _python

FEED = "/api/v1/changes/"


def prepare(changes: int) -> None:
    """Inside Django (``python -m bench.feed prepare N``): migrate, fill the feed, print
    the editor's token."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench.steps import _editor_token

    call_command("migrate", verbosity=0, interactive=False)
    columns = "xid, at, kind, object_type, object_id, public, note"
    kinds = "'created', 'updated', 'published', 'retracted'"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"INSERT INTO statements_change ({columns}) "
                # Transaction ids below the current one, in order, a few changes each.
                f"SELECT g * (xid - 1) / %s, now(), (ARRAY[{kinds}])[1 + g %% 4], 'statement', "
                "g, g %% 5 <> 0, '' FROM generate_series(1, %s) AS g, "
                "(SELECT pg_current_xact_id()::text::bigint AS xid) AS current",
                [changes, changes],
            )
            cursor.execute("ANALYZE statements_change")
        else:
            cursor.execute(
                "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < %s) "
                f"INSERT INTO statements_change ({columns}) "
                "SELECT 0, datetime('now'), "
                "CASE n %% 4 WHEN 0 THEN 'created' WHEN 1 THEN 'updated' "
                "WHEN 2 THEN 'published' ELSE 'retracted' END, "
                "'statement', n, n %% 5 <> 0, '' FROM g",
                [changes],
            )
    print(json.dumps({"editor_token": _editor_token()}))


def cpu_seconds(server: Server) -> float:
    """The CPU time (user and system) that the server's workers have used so far."""
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    ticks = 0
    for pid in children.read_text().split():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def walk(server: Server, page_size: int, headers: dict[str, str]) -> dict:
    """Read the whole feed, page after page; the figures. ``changes_per_cpu_s``: per
    second of the worker's CPU, what the wall-clock rate would be on an idle machine
    (the database's own time aside)."""
    path, read, pages = f"{FEED}?page_size={page_size}", 0, 0
    cpu = cpu_seconds(server)
    started = time.perf_counter()
    while path:
        status, body = client.fetch(HOST, server.port, path, headers)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status} {body[:200]!r}")
        page = json.loads(body)
        read += len(page["results"])
        pages += 1
        path = None
        if page["next"]:
            parts = urlsplit(page["next"])
            path = f"{parts.path}?{parts.query}"
    elapsed = time.perf_counter() - started
    cpu = cpu_seconds(server) - cpu
    return {
        "changes": read,
        "pages": pages,
        "seconds": round(elapsed, 2),
        "changes_per_s": round(read / elapsed),
        "ms_per_page": round(1000 * elapsed / pages, 1),
        "worker_cpu_s": round(cpu, 2),
        "changes_per_cpu_s": round(read / cpu) if cpu else None,
    }


def measure(changes: int, db: str, page_size: int, pg_url: str, keep: bool) -> dict:
    database = Database(f"attributed_bench_feed_{db}", db, pg_url)
    workdir = Path(tempfile.mkdtemp(prefix="attributed-bench-feed-"))
    server = None
    try:
        database.create()
        env = _env(database, workdir / "static")
        started = time.perf_counter()
        output = _python("-m", "bench.feed", "prepare", str(changes), env=env, capture=True)
        token = json.loads(output.strip().splitlines()[-1])["editor_token"]
        filled = time.perf_counter() - started
        server = Server(env, workers=1)
        return {
            "db": db,
            "changes": changes,
            "page_size": page_size,
            "fill_seconds": round(filled, 1),
            "load_average": os.getloadavg()[0],
            "public": walk(server, page_size, {}),
            "editor": walk(server, page_size, {"Authorization": f"Token {token}"}),
        }
    finally:
        if server is not None:
            server.stop()
        if database.created and not keep:
            database.drop()
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["prepare"]:
        prepare(int(argv[1]))
        return 0
    parser = argparse.ArgumentParser(prog="python -m bench.feed", description=__doc__)
    parser.add_argument("--changes", type=int, default=1_000_000)
    parser.add_argument("--db", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--page-size", type=int, default=1000)
    parser.add_argument("--pg-url", default=PG_ADMIN_URL)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args(argv)
    figures = measure(args.changes, args.db, args.page_size, args.pg_url, args.keep)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
