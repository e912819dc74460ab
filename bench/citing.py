"""The import of lines that cite the corpus's sources at random, into a copy of the corpus.

``python -m bench.citing --size 1m --lines 100000`` (after ``python -m bench run --keep``):
writes ``--lines`` new statements whose attributions cite the corpus's sources uniformly at
random (``corpus.citing_lines``), copies the corpus database (PostgreSQL: ``CREATE DATABASE
... TEMPLATE``, which needs no one connected to the corpus; SQLite: the file), imports the
lines into the copy with ``import_statements``, prints the rate as JSON and drops the copy.
Every line's sources are found there, each with its attributions: the import's check of
what is already imported runs against existing rows on every line, as it does when a
newsroom imports into a live database.
"""

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import DEFAULT_SEED, SIZES, citing_lines
from bench.run import PG_ADMIN_URL, Database, _env, _python


def measure(corpus: Database, statements: int, lines: int, seed: int = DEFAULT_SEED) -> dict:
    """Import ``lines`` citing lines into a copy of ``corpus``; the figures."""
    workdir = Path(tempfile.mkdtemp(prefix="attributed-bench-citing-"))
    copy = Database(f"{corpus.name}_citing", corpus.db, corpus.pg_url)
    try:
        started = time.perf_counter()
        path = workdir / "citing.ndjson"
        with path.open("wb") as out:
            out.writelines(citing_lines(statements, lines, seed))
        written = time.perf_counter() - started
        copy.drop()
        if corpus.db == "sqlite":
            shutil.copyfile(corpus.path, copy.path)
        else:
            copy._admin(f'CREATE DATABASE "{copy.name}" TEMPLATE "{corpus.name}"')
        copy.created = True
        env = _env(copy, workdir / "static")
        started = time.perf_counter()
        _python("manage.py", "import_statements", "--no-progress", str(path), env=env)
        elapsed = time.perf_counter() - started
        return {
            "statements": lines,
            "seconds": round(elapsed, 1),
            "statements_per_s": round(lines / elapsed),
            "file_seconds": round(written, 1),
        }
    finally:
        if copy.created:
            copy.drop()
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.citing", description=__doc__)
    parser.add_argument("--size", choices=SIZES, default="10k")
    parser.add_argument("--db", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--lines", type=int, default=100_000, help="lines to import")
    parser.add_argument(
        "--corpus-db",
        help="the corpus database's name (default attributed_bench_<size>)",
    )
    parser.add_argument("--pg-url", default=PG_ADMIN_URL)
    args = parser.parse_args(argv)
    corpus = Database(args.corpus_db or f"attributed_bench_{args.size}", args.db, args.pg_url)
    if not corpus.exists():
        parser.error(f"no database {corpus.name}: run `python -m bench run --keep` first")
    print(json.dumps(measure(corpus, SIZES[args.size], args.lines, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
