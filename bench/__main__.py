"""``python -m bench``: run the benchmark, or one of its steps. ``--help`` for each."""

import argparse
import json
import os
import shlex
import sys
from pathlib import Path

from bench.corpus import DEFAULT_SEED, SIZES


def bench_args(argv: list[str]) -> str:
    """The options of ``run`` other than ``--size`` and ``--db``, as ``make bench`` takes
    them in ``BENCH_ARGS``: the report prints the command that reproduces it."""
    rest, skip = [], False
    for arg in argv[1:]:
        if skip:
            skip = False
        elif arg in ("--size", "--db"):
            skip = True
        elif not arg.startswith(("--size=", "--db=")):
            rest.append(arg)
    return shlex.join(rest)


def peers_names() -> tuple[str, ...]:
    from bench.peers import NAMES

    return NAMES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="the whole benchmark: load, serve, drive, report")
    run.add_argument("--size", choices=SIZES, default="10k")
    run.add_argument("--db", choices=("postgres", "sqlite"), default="postgres")
    run.add_argument("--seed", type=int, default=DEFAULT_SEED)
    run.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    run.add_argument(
        "--threads",
        type=int,
        default=1,
        help="threads per gunicorn worker (default 1: sync workers; more: gthread)",
    )
    run.add_argument(
        "--requests",
        type=int,
        default=2000,
        help="most requests per case at concurrency 32 (a quarter at 1)",
    )
    run.add_argument(
        "--seconds", type=float, default=15.0, help="most seconds per case and concurrency"
    )
    run.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="drives per case at 32 connections with wrk, the median reported (default 1)",
    )
    run.add_argument("--case", action="append", default=[], help="only this case (repeatable)")
    run.add_argument("--keep", action="store_true", help="keep the database afterwards")
    run.add_argument(
        "--reuse",
        action="store_true",
        help="reuse the database if it holds this corpus (with --keep before)",
    )
    run.add_argument("--no-export", action="store_true", help="skip export and import")
    run.add_argument("--no-import", action="store_true", help="skip the import")
    run.add_argument(
        "--no-floor", action="store_true", help="skip the floor (bench/floor.py, PostgreSQL)"
    )
    run.add_argument("--no-profile", action="store_true", help="skip the profile of each case")
    run.add_argument(
        "--search-cache",
        action="store_true",
        help="leave the search cache on (default: off, every search measured cold)",
    )
    run.add_argument(
        "--client",
        choices=("auto", "wrk", "own"),
        default="auto",
        help="the load client at 32 connections: wrk when installed (auto), or the bench's own",
    )
    run.add_argument(
        "--peer",
        choices=peers_names(),
        help="measure this peer too, on a SQLite copy of the corpus (make bench-peers installs it)",
    )
    run.add_argument(
        "--database",
        default="",
        help="the corpus database's name (default attributed_bench_<size>)",
    )
    run.add_argument(
        "--pg-url",
        default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="maintenance database of the PostgreSQL server (env BENCH_PG_URL)",
    )

    load = commands.add_parser("load", help="migrate DATABASE_URL and load the corpus into it")
    load.add_argument("--size", choices=SIZES, default="10k")
    load.add_argument("--seed", type=int, default=DEFAULT_SEED)

    inspect = commands.add_parser("inspect", help="draw case parameters, count queries, plans")
    inspect.add_argument("--size", choices=SIZES, default="10k")
    inspect.add_argument("--seed", type=int, default=DEFAULT_SEED)
    inspect.add_argument("--out", type=Path, required=True)

    profile = commands.add_parser(
        "profile", help="profile requests in-process (pyinstrument) on a kept database"
    )
    profile.add_argument("--size", choices=SIZES, default="10k")
    profile.add_argument("--db", choices=("postgres", "sqlite"), default="postgres")
    profile.add_argument("--path", default="/api/v1/statements/?page_size=50")
    profile.add_argument("--requests", type=int, default=50)
    profile.add_argument("--database", default="", help="default attributed_bench_<size>")
    profile.add_argument(
        "--pg-url",
        default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
    )
    profile.add_argument("--out", type=Path, help="the text profile (default: bench/results/)")

    floor = commands.add_parser("floor-plan", help="record the floor's queries (bench/floor.py)")
    floor.add_argument("--params", type=Path, required=True, help="the cases' parameters")
    floor.add_argument("--out", type=Path, required=True)

    reanchor = commands.add_parser(
        "reanchor", help="time the re-verification of a corrected body's quotes (bench/reanchor.py)"
    )
    reanchor.add_argument(
        "--words",
        type=int,
        default=5200,
        help="of the article before its correction (about 5,000 after)",
    )
    reanchor.add_argument("--quotes", type=int, default=200)
    reanchor.add_argument("--repeat", type=int, default=5, help="runs, the median reported")
    reanchor.add_argument("--seed", type=int, default=2026)
    reanchor.add_argument(
        "--db",
        choices=("none", "sqlite", "postgres"),
        default="none",
        help="also time services.source_update on a scratch database of this engine",
    )
    reanchor.add_argument(
        "--pg-url",
        default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="maintenance database of the PostgreSQL server (env BENCH_PG_URL)",
    )
    admin = commands.add_parser(
        "admin", help="time the admin's pages in-process on a loaded corpus (bench/admin.py)"
    )
    admin.add_argument("--size", choices=SIZES, default="10k")
    admin.add_argument("--db", choices=("postgres", "sqlite"), default="postgres")
    admin.add_argument("--seed", type=int, default=DEFAULT_SEED)
    admin.add_argument("--repeat", type=int, default=5, help="timed requests a page, the median")
    admin.add_argument("--keep", action="store_true", help="keep the database afterwards")
    admin.add_argument(
        "--reuse",
        action="store_true",
        help="reuse the database if it holds this corpus (with --keep before)",
    )
    admin.add_argument(
        "--database",
        default="",
        help="the corpus database's name (default attributed_bench_admin_<size>)",
    )
    admin.add_argument(
        "--pg-url",
        default=os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres"),
        help="maintenance database of the PostgreSQL server (env BENCH_PG_URL)",
    )
    commands.add_parser(
        "anchoring-fixtures", help="write fixtures/anchoring/edited_articles.json (bench/edits.py)"
    )

    args = parser.parse_args(argv)
    if args.command == "anchoring-fixtures":
        from bench.reanchor import FIXTURE, write_fixture

        print(json.dumps({"fixture": str(FIXTURE.name), **write_fixture()}))
        return 0
    if args.command == "reanchor":
        return reanchor_command(args)
    if args.command == "admin":
        from bench import admin as admin_pages

        return admin_pages.run(
            admin_pages.Options(
                size=args.size,
                db=args.db,
                seed=args.seed,
                repeat=max(1, args.repeat),
                keep=args.keep,
                reuse=args.reuse,
                database=args.database,
                pg_url=args.pg_url,
            )
        )
    if args.command == "run":
        from bench.run import Options
        from bench.run import run as run_benchmark

        options = Options(
            size=args.size,
            db=args.db,
            seed=args.seed,
            workers=args.workers,
            threads=args.threads,
            repeat=max(1, args.repeat),
            requests=args.requests,
            seconds=args.seconds,
            cases=tuple(args.case),
            keep=args.keep,
            reuse=args.reuse,
            export=not args.no_export,
            import_=not (args.no_export or args.no_import),
            pg_url=args.pg_url,
            floor=not args.no_floor,
            profile=not args.no_profile,
            search_cache=args.search_cache,
            client=args.client,
            peer=args.peer,
            database=args.database,
            bench_args=bench_args(sys.argv[1:] if argv is None else argv),
        )
        return run_benchmark(options)
    if args.command == "profile":
        from bench.run import RESULTS, Database

        name = args.database or f"attributed_bench_{args.size}"
        database = Database(name, args.db, args.pg_url)
        if not database.exists():
            parser.error(f"no database {database.name}: run `python -m bench run --keep` first")
        os.environ["DATABASE_URL"] = database.url
        os.environ.update(ALLOWED_HOSTS="testserver", SECURE_SSL_REDIRECT="false")
        os.environ.update(THROTTLE_ANON_RATE="100000000/minute")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    if "SECRET_KEY" not in os.environ:
        import secrets

        os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
    from bench import steps

    if args.command == "load":
        steps.load(SIZES[args.size], args.seed)
    elif args.command == "profile":
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = args.out or RESULTS / f"profile-{args.size}-{args.db}.txt"
        steps.profile(args.path, args.requests, out)
    elif args.command == "floor-plan":
        steps.floor_plan(args.params, args.out)
    else:
        steps.inspect(SIZES[args.size], args.seed, args.out)
    return 0


def reanchor_command(args: argparse.Namespace) -> int:
    from bench.reanchor import measure_pure, measure_service

    sizes = {"words": args.words, "quotes": args.quotes, "seed": args.seed}
    result = measure_pure(repeat=max(1, args.repeat), **sizes)
    if args.db != "none":
        from bench.run import Database

        database = Database("attributed_bench_reanchor", args.db, args.pg_url)
        database.create()
        try:
            os.environ["DATABASE_URL"] = database.url
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
            from bench import steps

            steps.setup()
            from django.core.management import call_command

            call_command("migrate", verbosity=0, interactive=False)
            result |= {"db": args.db, **measure_service(repeat=max(1, args.repeat), **sizes)}
            from django.db import connections

            connections.close_all()
        finally:
            database.drop()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
