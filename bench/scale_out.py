"""Reads spread over the primary and a real replica under load, read-your-writes checked.

``python -m bench.scale_out`` (or ``make bench-scale-out``): starts the scale-out rig
(scripts/scale-out-rig.sh: a streaming replica and PgBouncer; stopped after, if this
started it), creates a database, serves it with gunicorn (production settings, the app
through PgBouncer, ``DATABASE_REPLICA_URLS`` at the replica, a shared Redis cache when one
answers on 127.0.0.1:6379, else read-your-writes holds within each worker only), then:

1. ``--seconds`` of load: ``--writers`` clients, each with its own token, PATCH their own
   statement and read it back at once (a read that does not show the text just written is
   a stale read: counted); ``--readers`` anonymous clients list the statements.
2. The same load with WAL replay paused on the replica: the lag grows; /readyz is polled,
   and the lag it reports when the replica's reads stop is the lag at which reads fall
   back to the primary (``DATABASE_REPLICA_MAX_LAG_SECONDS``, ``--max-lag``).

The reads by database come from /metrics (``attributed_db_reads_total``, all workers).
Prints the figures as JSON, then drops the database.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.run import HOST, PG_ADMIN_URL, ROOT, Database, Server, _env, _python

RIG = ROOT / "scripts" / "scale-out-rig.sh"
REPLICA_URL = "postgres://postgres@127.0.0.1:5433/{name}"
POOLER_URL = "postgres://postgres@127.0.0.1:6432/{name}"


def prepare(writers: int) -> None:
    """Inside Django (``python -m bench.scale_out prepare N``): migrate, and one editor with
    a token and a draft statement per writer; prints them as JSON."""
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token

    from statements import services
    from statements.roles import EDITORS

    call_command("migrate", verbosity=0, interactive=False)
    clients = []
    for number in range(writers):
        user, _ = User.objects.get_or_create(username=f"bench-writer-{number}")
        user.groups.add(Group.objects.get(name=EDITORS))
        token, _ = Token.objects.get_or_create(user=user)
        statement = services.statement_create(user=user, text=f"Writer {number}, round 0.")
        clients.append({"token": token.key, "statement": statement.pk})
    print(json.dumps(clients))


class Connection:
    """One client's keep-alive connection."""

    def __init__(self, port: int, token: str | None = None) -> None:
        self.http = http.client.HTTPConnection(HOST, port, timeout=30)
        self.headers = {"Accept": "application/json"}
        if token:
            self.headers["Authorization"] = f"Token {token}"

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
        headers = dict(self.headers)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in range(2):  # a sync worker may close an idle keep-alive connection
            try:
                self.http.request(method, path, body=data, headers=headers)
                response = self.http.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, ConnectionError):
                self.http.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")


class Load:
    """Writers and readers until ``stop`` is set; what they saw."""

    def __init__(self, port: int, clients: list[dict], readers: int) -> None:
        self.port, self.clients, self.readers = port, clients, readers
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.counts = {"writes": 0, "writer_reads": 0, "stale_reads": 0, "reads": 0, "errors": 0}
        self.threads: list[threading.Thread] = []

    def add(self, **counts: int) -> None:
        with self.lock:
            for name, value in counts.items():
                self.counts[name] += value

    def writer(self, client: dict) -> None:
        connection = Connection(self.port, client["token"])
        path = f"/api/v1/statements/{client['statement']}/"
        round_ = 0
        while not self.stop.is_set():
            round_ += 1
            text = f"Writer {client['statement']}, round {round_}."
            status, _ = connection.request("PATCH", path, {"text": text})
            if status != 200:
                self.add(errors=1)
                continue
            status, body = connection.request("GET", path)
            if status != 200:
                self.add(errors=1)
                continue
            stale = json.loads(body)["text"] != text
            self.add(writes=1, writer_reads=1, stale_reads=int(stale))

    def reader(self) -> None:
        connection = Connection(self.port)
        while not self.stop.is_set():
            status, _ = connection.request("GET", "/api/v1/statements/?page_size=5")
            self.add(reads=1, errors=int(status != 200))

    def start(self) -> None:
        self.threads = [threading.Thread(target=self.writer, args=(c,)) for c in self.clients]
        self.threads += [threading.Thread(target=self.reader) for _ in range(self.readers)]
        for thread in self.threads:
            thread.start()

    def finish(self) -> dict:
        self.stop.set()
        for thread in self.threads:
            thread.join()
        return dict(self.counts)


def reads_by_database(port: int) -> dict[str, float]:
    status, body = Connection(port).request("GET", "/metrics")
    if status != 200:
        raise RuntimeError(f"/metrics: {status}")
    totals: dict[str, float] = {}
    pattern = r'^attributed_db_reads_total\{database="([^"]+)",reason="([^"]+)"\} (\S+)$'
    for database, reason, value in re.findall(pattern, body.decode(), re.MULTILINE):
        key = f"{database}:{reason}"
        totals[key] = totals.get(key, 0) + float(value)
    return totals


def difference(after: dict[str, float], before: dict[str, float]) -> dict[str, int]:
    return {key: round(value - before.get(key, 0)) for key, value in sorted(after.items())}


def replica_sql(sql: str) -> None:
    subprocess.run(
        ["psql", "-X", "-q", "-h", "127.0.0.1", "-p", "5433", "-U", "postgres", "-c", sql],  # noqa: S607
        check=True,
        stdout=subprocess.DEVNULL,
    )


def phase(server: Server, clients: list[dict], readers: int, seconds: float) -> dict:
    before = reads_by_database(server.port)
    load = Load(server.port, clients, readers)
    load.start()
    time.sleep(seconds)
    counts = load.finish()
    return {**counts, "reads_by_database": difference(reads_by_database(server.port), before)}


def fallback(server: Server, clients: list[dict], readers: int, max_lag: float) -> dict:
    """Replay paused: the lag /readyz reports when the replica's reads stop."""
    before = reads_by_database(server.port)
    load = Load(server.port, clients, readers)
    load.start()
    probe = Connection(server.port)
    seen: list[tuple[float, float]] = []  # (lag, replica reads in the last interval)
    replica_sql("SELECT pg_wal_replay_pause()")
    try:
        last = reads_by_database(server.port).get("replica1:replica", 0)
        deadline = time.monotonic() + max_lag * 2 + 5
        while time.monotonic() < deadline:
            time.sleep(0.25)
            _, body = probe.request("GET", "/readyz")
            lag = json.loads(body).get("replicas", {}).get("replica1", {}).get("lag_seconds")
            now = reads_by_database(server.port).get("replica1:replica", 0)
            seen.append((lag, now - last))
            last = now
    finally:
        replica_sql("SELECT pg_wal_replay_resume()")
        counts = load.finish()
    served = [lag for lag, replica_reads in seen if replica_reads > 0 and lag is not None]
    stopped = [lag for lag, replica_reads in seen if replica_reads == 0 and lag is not None]
    return {
        **counts,
        "reads_by_database": difference(reads_by_database(server.port), before),
        "max_lag_setting": max_lag,
        "highest_lag_with_replica_reads": max(served, default=None),
        "lowest_lag_without_replica_reads": min(stopped, default=None),
    }


def rig(command: str, env: dict[str, str]) -> str:
    return subprocess.run(
        ["bash", str(RIG), command],  # noqa: S607
        check=True,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
    ).stdout


def redis_answers() -> bool:
    import socket

    try:
        with socket.create_connection((HOST, 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def measure(args: argparse.Namespace) -> dict:
    rig_dir = Path(tempfile.mkdtemp(prefix="attributed-bench-rig-"))
    rig_dir.chmod(0o755)  # the rig's servers run as the database's owner
    rig_env = {**os.environ, "RIG_DIR": str(rig_dir / "rig")}
    database = Database("attributed_bench_scale_out", "postgres", args.pg_url)
    server = None
    rig("start", rig_env)
    try:
        database.create()
        multiproc = rig_dir / "metrics"
        multiproc.mkdir()
        env = _env(
            database,
            rig_dir / "static",
            DATABASE_URL=POOLER_URL.format(name=database.name),
            DATABASE_POOLER="transaction",
            POSTGRES_JIT="true",
            DATABASE_REPLICA_URLS=REPLICA_URL.format(name=database.name),
            DATABASE_REPLICA_MAX_LAG_SECONDS=str(args.max_lag),
            METRICS_ENABLED="true",
            PROMETHEUS_MULTIPROC_DIR=str(multiproc),
            CACHE_URL="redis://127.0.0.1:6379/14" if redis_answers() else "locmemcache://",
        )
        migrate_env = {**env, "DATABASE_URL": database.url, "DATABASE_REPLICA_URLS": ""}
        output = _python("-m", "bench.scale_out", "prepare", str(args.writers), env=migrate_env,
                         capture=True)  # fmt: skip
        clients = json.loads(output.strip().splitlines()[-1])
        server = Server(env, workers=args.workers)
        return {
            "workers": args.workers,
            "writers": args.writers,
            "readers": args.readers,
            "cache": env["CACHE_URL"].split(":")[0],
            "steady": phase(server, clients, args.readers, args.seconds),
            "replay_paused": fallback(server, clients, args.readers, args.max_lag),
        }
    finally:
        if server is not None:
            server.stop()
        rig("stop", rig_env)  # what this run started, and only that
        if database.created:
            database.drop()
        shutil.rmtree(rig_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["prepare"]:
        prepare(int(argv[1]))
        return 0
    parser = argparse.ArgumentParser(prog="python -m bench.scale_out", description=__doc__)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--max-lag", type=float, default=2.0)
    parser.add_argument("--pg-url", default=PG_ADMIN_URL)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
