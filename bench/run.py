"""The runner: database, corpus, server, load, table; and it cleans up what it started.

One command (``python -m bench run --size 100k --db postgres``, or ``make bench``):

1. creates the database ``attributed_bench_<size>`` (PostgreSQL on 127.0.0.1:5432, or a
   SQLite file under ``bench/results/``), migrates it and loads the corpus;
2. draws the cases' parameters and records each case's query count and query plans;
3. starts gunicorn with ``config.settings.production`` on 127.0.0.1 only (random
   ``SECRET_KEY``, ``SECURE_SSL_REDIRECT=false``, throttling raised out of the way);
4. on PostgreSQL, starts the floor beside it (``bench/floor.py``: the same SQL and the same
   bytes from a bare WSGI app, gunicorn with as many workers), checks that both answer the
   same bytes, and profiles each case in-process (pyinstrument);
5. drives every case at concurrency 1 and 32 (32: with wrk when installed), each bounded
   in requests and seconds, and the floor's cases at 32 the same way, right after;
6. streams the NDJSON export through the server (time, rate, the worker's peak RSS), and
   imports that file into a fresh database (rate);
7. stops the servers, drops the databases it created (unless ``--keep``), prints the table
   and writes it with the raw figures to ``bench/results/``.
"""

import contextlib
import http.client
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench import client, peers, wrk
from bench.cases import CASES, Case
from bench.corpus import DEFAULT_SEED, SIZES

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
HOST = "127.0.0.1"


@dataclass
class Options:
    size: str = "10k"
    db: str = "postgres"
    seed: int = DEFAULT_SEED
    workers: int = 4
    threads: int = 1  # per worker: 1, sync workers; more, gthread
    repeat: int = 1  # drives at 32 connections (wrk), the median reported
    concurrency: tuple[int, ...] = (1, 32)
    requests: int = 2000  # per case and concurrency, at most
    seconds: float = 15.0  # per case and concurrency, at most
    cases: tuple[str, ...] = ()
    keep: bool = False
    reuse: bool = False
    export: bool = True
    import_: bool = True
    pg_url: str = PG_ADMIN_URL
    floor: bool = True  # PostgreSQL only
    profile: bool = True
    search_cache: bool = False
    client: str = "auto"  # at 32 connections: wrk when installed, else the own client
    peer: str | None = None  # "datasette": measured beside the product (bench/peers.py)
    database: str = ""  # the corpus database's name (default attributed_bench_<size>)
    bench_args: str = ""  # the other options, for the command the report prints

    @property
    def uses_wrk(self) -> bool:
        return self.client == "wrk" or (self.client == "auto" and wrk.available())

    @property
    def statements(self) -> int:
        return SIZES[self.size]

    @property
    def database_name(self) -> str:
        return self.database or f"attributed_bench_{self.size}"


@dataclass
class Database:
    """A benchmark database: its URL, and how to create and drop it."""

    name: str
    db: str
    pg_url: str
    created: bool = field(default=False)

    @property
    def path(self) -> Path:
        return RESULTS / f"{self.name}.sqlite3"

    @property
    def url(self) -> str:
        if self.db == "sqlite":
            return f"sqlite:///{self.path}"
        return self.pg_url.rsplit("/", 1)[0] + f"/{self.name}"

    def _admin(self, sql: str) -> list:
        import psycopg

        with psycopg.connect(self.pg_url, autocommit=True) as conn:
            cursor = conn.execute(sql)
            return cursor.fetchall() if cursor.description else []

    def exists(self) -> bool:
        if self.db == "sqlite":
            return self.path.exists()
        return bool(self._admin(f"SELECT 1 FROM pg_database WHERE datname = '{self.name}'"))

    def create(self) -> None:
        self.drop()
        if self.db == "sqlite":
            RESULTS.mkdir(parents=True, exist_ok=True)
        else:
            self._admin(f'CREATE DATABASE "{self.name}"')
        self.created = True

    def drop(self) -> None:
        if self.db == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        else:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _env(database: Database, static_root: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database.url,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        # The benchmark measures the API, not the throttle: rates far above what it sends.
        "THROTTLE_ANON_RATE": "100000000/minute",
        "THROTTLE_USER_RATE": "100000000/minute",
        "STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def _python(*args: str, env: dict[str, str], capture: bool = False) -> str:
    process = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return process.stdout or ""


class Server:
    """gunicorn on 127.0.0.1, production settings; stopped by ``stop`` whatever happens."""

    def __init__(
        self,
        env: dict[str, str],
        workers: int,
        app: str = "config.wsgi:application",
        *,
        threads: int = 1,
    ) -> None:
        self.port = _free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                app,
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(workers),
                # One thread: sync workers; more: gthread, each worker's threads sharing it.
                "--worker-class",
                "sync" if threads == 1 else "gthread",
                "--threads",
                str(threads),
                "--error-logfile",
                "-",
                "--log-level",
                "warning",
                "--timeout",
                "600",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited at start")
            with contextlib.suppress(OSError):
                if client.fetch(HOST, self.port, "/readyz")[0] == 200:
                    return
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not become ready in 60 s")

    def worker_peak_rss_mb(self) -> float:
        """The highest peak resident set (VmHWM) among the workers."""
        peak = 0
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        with contextlib.suppress(OSError):
            for pid in children.read_text().split():
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        return peak / 1024

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- measuring --------------------------------------------------------------------------------


def _headers(case: Case, params: dict) -> dict[str, str]:
    if case.admin:
        return {"Cookie": params["admin_cookie"]}
    return {"Authorization": f"Token {params['editor_token']}"} if case.editor else {}


def _measure(port: int, paths: list[str], headers: dict, concurrency: int, options: Options):
    """(requests/s, requests, p50 s, p99 s, errors, bytes) of one drive, after a warm-up."""
    # Warm-up: every worker's connection, caches and each path once (so that a cached
    # search is measured warm; the search cache is off unless --search-cache).
    client.drive(
        host=HOST,
        port=port,
        paths=paths,
        concurrency=concurrency,
        requests=max(20, 2 * concurrency, len(paths)),
        seconds=30,
        headers=headers,
    )
    if concurrency > 1 and options.uses_wrk:
        drives = [
            wrk.drive(
                host=HOST,
                port=port,
                paths=paths,
                connections=concurrency,
                seconds=options.seconds,
                headers=headers,
            )
            for _ in range(options.repeat)
        ]
        done = sorted(drives, key=lambda drive: drive.rate)[len(drives) // 2]  # the median
        # wrk counts the headers in its bytes: no answer size from it (None).
        ok = done.requests - done.errors
        return done.rate, ok, done.p50, done.p99, done.errors, None
    result = client.drive(
        host=HOST,
        port=port,
        paths=paths,
        concurrency=concurrency,
        requests=options.requests if concurrency > 1 else options.requests // 4,
        seconds=options.seconds,
        headers=headers,
    )
    return (
        result.rate, result.requests, result.percentile(50), result.percentile(99),
        sum(result.errors.values()), result.bytes,
    )  # fmt: skip


def _drive_case(
    server: Server,
    case: Case,
    params: dict,
    options: Options,
    floor: "Server | None" = None,
    peer: "peers.Datasette | None" = None,
) -> list[dict]:
    paths = case.paths(params)
    headers = _headers(case, params)
    rows = []
    for concurrency in options.concurrency:
        rate, requests, p50, p99, errors, size = _measure(
            server.port, paths, headers, concurrency, options
        )
        row = {
            "case": case.name,
            "concurrency": concurrency,
            "requests": requests,
            "rps": round(rate, 1),
            "p50_ms": round(p50 * 1000, 1),
            "p99_ms": round(p99 * 1000, 1),
            "errors": errors,
            "queries": params["query_counts"].get(case.name),
            "kb": round(size / requests / 1024, 1) if requests and size is not None else None,
        }
        if concurrency > 1 and floor is not None and case.floor:
            # Right after the product's, in the same minutes: the ratio is what matters.
            row["floor_rps"] = round(_measure(floor.port, paths, {}, concurrency, options)[0], 1)
        peer_paths = peer and peers.paths(case.name, peer.database, params)
        if concurrency > 1 and peer_paths:
            # Then the peer's, the same way (no credentials: it serves public data only).
            row["peer_rps"] = round(_measure(peer.port, peer_paths, {}, concurrency, options)[0], 1)
        rows.append(row)
        print(_format_row(rows[-1]), file=sys.stderr)
    return rows


def same_bytes(product: bytes, floor: bytes, product_port: int, floor_port: int) -> bool:
    """The floor answers the product's bytes, but for its own address in the links."""
    return floor.replace(f"{HOST}:{floor_port}".encode(), f"{HOST}:{product_port}".encode()) == (
        product
    )


def check_floor(server: Server, floor: Server, params: dict, cases: list[Case]) -> list[str]:
    """The floor's cases whose first path the floor answers with other bytes than the
    product (or not at all): their floor figures would not be comparable."""
    differ = []
    for case in cases:
        path = case.paths(params)[0]
        product = client.fetch(HOST, server.port, path)
        answered = client.fetch(HOST, floor.port, path)
        if (
            product[0] != 200
            or answered[0] != 200
            or not same_bytes(product[1], answered[1], server.port, floor.port)
        ):
            differ.append(case.name)
            print(
                f"  floor: {case.name} ({path}): product {product[0]}, {len(product[1])} bytes; "
                f"floor {answered[0]}, {len(answered[1])} bytes: not the same",
                file=sys.stderr,
            )
    return differ


def check_peer(peer: "peers.Datasette", params: dict, cases: list[Case]) -> dict[str, str]:
    """The peer's cases whose first path it answers with an error or nothing: why, by case."""
    unfit = {}
    for case in cases:
        paths = peers.paths(case.name, peer.database, params)
        if paths and (why := peers.check(peer, case.name, paths[0])):
            unfit[case.name] = why
            print(f"  {peer.name}: {case.name} ({paths[0]}) {why}", file=sys.stderr)
    return unfit


def _profile(case: Case, params: dict, options: Options, env: dict[str, str]) -> str | None:
    """Profile the case's first path in-process (``python -m bench profile``); the path of
    the text profile under bench/results/."""
    if case.admin or case.editor:  # anonymous reads only: the profile sends no credentials
        return None
    out = RESULTS / f"profile-{options.size}-{options.db}-{case.name}.txt"
    _python(
        "-m", "bench", "profile", "--size", options.size, "--db", options.db,
        "--database", options.database_name, "--pg-url", options.pg_url,
        "--path", case.paths(params)[0], "--requests", "20", "--out", str(out),
        env=env, capture=True,
    )  # fmt: skip
    return str(out.relative_to(ROOT))


def _export(server: Server, params: dict, target: Path) -> dict | None:
    """Stream the NDJSON export of every statement (as an editor) to ``target``."""
    before = server.worker_peak_rss_mb()
    connection = http.client.HTTPConnection(HOST, server.port, timeout=600)
    started = time.perf_counter()
    connection.request(
        "GET",
        "/api/v1/statements/export/?format=ndjson",
        headers={"Authorization": f"Token {params['editor_token']}"},
    )
    response = connection.getresponse()
    if response.status == 404:
        print("  export: no export endpoint in this build, skipped", file=sys.stderr)
        return None
    lines = 0
    size = 0
    with target.open("wb") as out:
        while chunk := response.read(1 << 20):
            out.write(chunk)
            lines += chunk.count(b"\n")
            size += len(chunk)
    elapsed = time.perf_counter() - started
    connection.close()
    return {
        "statements": lines,
        "seconds": round(elapsed, 1),
        "statements_per_s": round(lines / elapsed),
        "mb": round(size / 1e6, 1),
        "worker_peak_rss_mb_before": round(before),
        "worker_peak_rss_mb": round(server.worker_peak_rss_mb()),
    }


def _import(options: Options, export_file: Path, static_root: Path) -> dict | None:
    database = Database(f"{options.database_name}_import", options.db, options.pg_url)
    database.create()
    try:
        env = _env(database, static_root)
        _python("manage.py", "migrate", "--noinput", "-v", "0", env=env)
        started = time.perf_counter()
        _python("manage.py", "import_statements", str(export_file), env=env)
        elapsed = time.perf_counter() - started
        lines = sum(1 for _ in export_file.open("rb"))
        return {
            "statements": lines,
            "seconds": round(elapsed, 1),
            "statements_per_s": round(lines / elapsed),
        }
    finally:
        database.drop()


# --- the table --------------------------------------------------------------------------------

HEADER = (
    "| case | concurrency | requests | req/s | p50 ms | p99 ms | errors | queries | KB |\n"
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def _format_row(row: dict) -> str:
    if row.get("skipped"):
        return f"| {row['case']} | - | - | - | - | - | - | {row['skipped']} | - |"
    return (
        f"| {row['case']} | {row['concurrency']} | {row['requests']} | {row['rps']} | "
        f"{row['p50_ms']} | {row['p99_ms']} | {row['errors']} | {row['queries']} | "
        f"{'-' if row.get('kb') is None else row['kb']} |"
    )


FLOOR_HEADER = (
    "| case | product req/s | floor req/s | product/floor |\n| --- | ---: | ---: | ---: |"
)


def floor_header(peer: str | None = None) -> str:
    """The second table's header: with the peer's columns when a peer was measured."""
    if not peer:
        return FLOOR_HEADER
    return (
        f"| case | product req/s | floor req/s | product/floor | {peer} req/s | "
        f"product/{peer} |\n| --- | ---: | ---: | ---: | ---: | ---: |"
    )


def _ratio(product: float, other: float | None) -> str:
    return f"{product / other:.2f}" if other else "-"


def floor_rows(rows: list[dict], peer: str | None = None) -> list[str]:
    """Per case at the highest concurrency: the product's, the floor's and (``peer``, its
    name) the peer's requests/s, with the product's ratio to each."""
    lines = []
    for row in rows:
        figures = ("floor_rps", "floor", "peer_rps", "peer") if peer else ("floor_rps", "floor")
        if not any(key in row for key in figures):
            continue
        floor = row.get("floor_rps")
        shown = floor if floor is not None else row.get("floor", "-")
        cells = [row["case"], row["rps"], shown, _ratio(row["rps"], floor)]
        if peer:
            other = row.get("peer_rps")
            shown = other if other is not None else row.get("peer", "-")
            cells += [shown, _ratio(row["rps"], other)]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return lines


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()}"
    )


def load_average() -> str:
    """Other work on the machine skews every figure: the report says how busy it was."""
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def _worker_model(options: Options) -> str:
    if options.threads == 1:
        return f"{options.workers} sync workers"
    return f"{options.workers} gthread workers of {options.threads} threads"


def report(options: Options, info: dict) -> str:
    engine = "PostgreSQL" if options.db == "postgres" else "SQLite"
    lines = [
        f"### {options.size} statements on {engine}",
        "",
        f"Machine: {info['machine']}. Database: {info.get('server_version', '')}. "
        f"gunicorn: {_worker_model(options)}, production settings. "
        f"Search cache: {'on' if options.search_cache else 'off'}. "
        f"Client at 32 connections: {info.get('client', 'the own client')}. "
        f"Load average (1, 5, 15 min) before: {info['load_before']}, "
        f"after: {info.get('load_after', '?')}.",
        f"Command: `make bench SIZE={options.size} DB={options.db}"
        + (f" BENCH_ARGS='{options.bench_args}'`" if options.bench_args else "`"),
        "",
    ]
    if "load" in info:
        load = info["load"]
        lines.append(
            f"Load: {load['load_total_s']} s ({load['rows_s']} s rows, "
            f"{load['constraints_s']} s indexes and keys) for {options.statements:,} statements, "
            f"{load['attributions']:,} attributions, {load['topic_links']:,} topic links, "
            f"{load['relations']:,} relations."
        )
        lines.append("")
    lines += [HEADER, *(_format_row(row) for row in info["rows"]), ""]
    peer = info.get("peer")
    if floor := floor_rows(info["rows"], peer and peer["name"]):
        lines += [
            f"The floor (bench/floor.py: the same SQL and bytes, no Django) at "
            f"{max(options.concurrency)} connections, measured right after the product"
            + (
                f"; then {peer['name']} ({peer['version']}, bench/peers.py: the same cases "
                f"as canned SQL queries on a SQLite copy of the corpus, its default "
                f"settings but {peer['settings']}):"
                if peer
                else ":"
            ),
            "",
            floor_header(peer and peer["name"]),
            *floor,
            "",
        ]
    if info.get("profiles"):
        profiles = ", ".join(info["profiles"])
        lines.append(f"Profiles (pyinstrument, 20 requests in-process): {profiles}")
        lines.append("")
    if info.get("export"):
        export = info["export"]
        lines.append(
            f"Export (NDJSON, editor, all statements): {export['statements']:,} statements in "
            f"{export['seconds']} s = {export['statements_per_s']:,} statements/s, "
            f"{export['mb']} MB; gunicorn worker peak RSS {export['worker_peak_rss_mb']} MB "
            f"({export['worker_peak_rss_mb_before']} MB before the export)."
        )
    if info.get("import"):
        imported = info["import"]
        lines.append(
            f"Import of that file into an empty database: {imported['statements']:,} statements "
            f"in {imported['seconds']} s = {imported['statements_per_s']:,} statements/s."
        )
    return "\n".join(lines) + "\n"


# --- the run ----------------------------------------------------------------------------------


def _server_version(database: Database) -> str:
    if database.db == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    import psycopg

    with psycopg.connect(database.url) as conn:
        return "PostgreSQL " + conn.execute("SHOW server_version").fetchone()[0].split()[0]


def _loaded(database: Database, statements: int) -> bool:
    if not database.exists():
        return False
    try:
        if database.db == "sqlite":
            import sqlite3

            with contextlib.closing(sqlite3.connect(database.path)) as conn:
                count = conn.execute("SELECT count(*) FROM statements_statement").fetchone()[0]
        else:
            import psycopg

            with psycopg.connect(database.url) as conn:
                count = conn.execute("SELECT count(*) FROM statements_statement").fetchone()[0]
    except Exception:
        return False
    return count == statements


def run(options: Options) -> int:
    if options.client == "wrk" and not wrk.available():
        print(f"--client wrk: wrk is not installed ({wrk.INSTALL})", file=sys.stderr)
        return 2
    if options.peer and not peers.installed():
        print(f"--peer {options.peer}: not installed ({peers.INSTALL})", file=sys.stderr)
        return 2
    database = Database(options.database_name, options.db, options.pg_url)
    RESULTS.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="attributed-bench-"))
    static_root = workdir / "static"
    server = None
    floor = None
    peer = None
    cache_dir = None
    info: dict = {"machine": machine(), "rows": [], "load_before": load_average()}
    interrupted = False

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        env = _env(database, static_root)
        if options.reuse and _loaded(database, options.statements):
            print(f"Reusing {database.name}", file=sys.stderr)
        else:
            database.create()
            output = _python(
                "-m",
                "bench",
                "load",
                "--size",
                options.size,
                "--seed",
                str(options.seed),
                env=env,
                capture=True,
            )
            info["load"] = json.loads(output.strip().splitlines()[-1])
        info["server_version"] = _server_version(database)
        _python("manage.py", "collectstatic", "--noinput", "-v", "0", env=env)
        params_file = workdir / "params.json"
        _python(
            "-m",
            "bench",
            "inspect",
            "--size",
            options.size,
            "--seed",
            str(options.seed),
            "--out",
            str(params_file),
            env={**env, "ALLOWED_HOSTS": f"{HOST},testserver"},
        )
        params = json.loads(params_file.read_text())
        if options.peer:  # the peer's copy of the corpus, before any server runs
            corpus = peers.build_corpus(options.size, options.seed, env, sys.executable)
        plans = RESULTS / f"plans-{options.size}-{options.db}.txt"
        shutil.copy(params_file.with_suffix(".plans.txt"), plans)
        print(f"Query plans written to {plans.relative_to(ROOT)}", file=sys.stderr)

        # One cache for every worker, as production would share one (CACHE_URL): a file
        # cache, in memory (tmpfs) where the system has one, unless CACHE_URL names another.
        if "CACHE_URL" not in os.environ:
            memory = Path("/dev/shm")  # noqa: S108  (mkdtemp makes a private directory)
            cache_dir = Path(
                tempfile.mkdtemp(
                    prefix="attributed-bench-cache-", dir=memory if memory.is_dir() else None
                )
            )
            # Room for every case's responses (Django's default is 300 entries).
            env["CACHE_URL"] = f"filecache://{cache_dir}?max_entries=5000"
        if not options.search_cache:
            env["SEARCH_CACHE_SECONDS"] = "0"
        server = Server(env, options.workers, threads=options.threads)
        selected = [
            case
            for case in CASES
            if not options.cases or {case.name, case.group} & set(options.cases)
        ]
        differ: list[str] = []
        if options.floor and options.db == "postgres":
            plan = workdir / "floor.plan"
            _python(
                "-m", "bench", "floor-plan", "--params", str(params_file), "--out", str(plan),
                env={**env, "ALLOWED_HOSTS": f"{HOST},testserver", "CACHE_URL": "locmemcache://",
                     "API_COUNT_CACHE_SECONDS": env.get("API_COUNT_CACHE_SECONDS", "60")},
            )  # fmt: skip
            floor_env = {**env, "FLOOR_PLAN": str(plan), "FLOOR_DATABASE_URL": database.url}
            floor = Server(
                floor_env, options.workers, app="bench.floor:app", threads=options.threads
            )
            differ = check_floor(server, floor, params, [c for c in selected if c.floor])
        unfit: dict[str, str] = {}
        if options.peer:
            peer = peers.Datasette(corpus, workdir, HOST, _free_port())
            unfit = check_peer(peer, params, selected)
            info["peer"] = {
                "name": peer.name,
                "version": peer.version(),
                "settings": ", ".join(f"{k}={v}" for k, v in peers.SETTINGS.items())
                + ", no access log",
                "corpus": str(corpus.relative_to(ROOT)),
            }
        if options.uses_wrk:
            info["client"] = "wrk, 2 threads"
        elif options.client == "auto":
            print(wrk.MISSING, file=sys.stderr)
        info["load_before"] = load_average()
        print(HEADER, file=sys.stderr)
        for case in selected:
            if case.needs and client.fetch(HOST, server.port, case.needs)[0] == 404:
                row = {
                    "case": case.name,
                    "skipped": f"skipped: {case.needs.split('?')[0]} answers 404",
                }
                print(_format_row(row), file=sys.stderr)
                info["rows"].append(row)
                continue
            rows = _drive_case(
                server,
                case,
                params,
                options,
                floor if case.name not in differ else None,
                peer if case.name not in unfit else None,
            )
            if case.name in differ:
                rows[-1]["floor"] = "bytes differ"
            if case.name in unfit:
                rows[-1]["peer"] = unfit[case.name]
            info["rows"] += rows
        info["load_after"] = load_average()
        for running in (floor, peer):
            if running is not None:
                running.stop()
        floor = peer = None
        if options.profile:
            info["profiles"] = [
                out for case in selected if (out := _profile(case, params, options, env))
            ]
        export_file = workdir / "export.ndjson"
        if options.export:
            info["export"] = _export(server, params, export_file)
        server.stop()
        server = None
        if options.import_ and info.get("export"):
            info["import"] = _import(options, export_file, static_root)
    except KeyboardInterrupt:
        interrupted = True
        print("Interrupted: cleaning up.", file=sys.stderr)
    finally:
        signal.signal(signal.SIGTERM, previous)
        for running in (server, floor, peer):
            if running is not None:
                running.stop()
        if database.created and not options.keep:  # a reused corpus stays for the next run
            database.drop()
        shutil.rmtree(workdir, ignore_errors=True)
        if cache_dir is not None:
            shutil.rmtree(cache_dir, ignore_errors=True)
    if interrupted:
        return 130
    text = report(options, info)
    stem = RESULTS / f"{options.size}-{options.db}"
    stem.with_suffix(".md").write_text(text)
    stem.with_suffix(".json").write_text(json.dumps({"options": vars(options), **info}, indent=2))
    print(text)
    return 1 if any(row.get("floor") for row in info["rows"]) else 0
