"""Load a synthetic corpus into an empty, migrated database, fast.

PostgreSQL: the secondary indexes and foreign keys of the corpus tables are dropped, every
table is filled with COPY (psycopg 3), then the indexes are rebuilt and the foreign keys
re-added (validated in one pass each), the identity sequences moved past the ids, and
``VACUUM ANALYZE`` leaves the planner statistics and the visibility map as a live database
would have them. SQLite: batched ``executemany`` in one transaction with foreign-key checks
deferred to one ``foreign_key_check`` at the end, then ``ANALYZE``.

Rows are written as they are generated, so memory stays small at a million statements.
The synthetic rows have no change history: the benchmarked read paths never read it.
"""

import sys
import time
from collections.abc import Callable, Iterable

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction
from tqdm import tqdm

from bench.corpus import COLUMNS, Corpus

SQLITE_BATCH = 5_000
SPARSE = 100_000  # statements between two lines of progress without a bar


def _check_columns() -> None:
    """The generator's column lists must match the models: a schema change shows here."""
    for model in apps.get_app_config("statements").get_models(include_auto_created=True):
        table = model._meta.db_table
        if table in COLUMNS:
            actual = {field.column for field in model._meta.concrete_fields}
            if actual != set(COLUMNS[table]):
                raise RuntimeError(
                    f"{table}: the corpus writes {sorted(COLUMNS[table])} but the model has "
                    f"{sorted(actual)}; update bench/corpus.py"
                )


def _models():
    tables = set(COLUMNS)
    return [
        model
        for model in apps.get_app_config("statements").get_models(include_auto_created=True)
        if model._meta.db_table in tables
    ]


# --- writers ----------------------------------------------------------------------------------


class PostgresWriter:
    def __init__(self) -> None:
        self.cursor = connection.cursor()
        self.dropped_indexes: list[str] = []
        self.dropped_foreign_keys: list[tuple[str, str, str]] = []

    def prepare(self) -> None:
        tables = list(COLUMNS)
        self.cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
            [tables],
        )
        for name, definition in self.cursor.fetchall():
            self.dropped_indexes.append(definition)
            self.cursor.execute(f'DROP INDEX "{name}"')
        self.cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)",
            [tables],
        )
        for table, name, definition in self.cursor.fetchall():
            self.dropped_foreign_keys.append((table, name, definition))
            self.cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')

    def write(self, table: str, rows: Iterable[tuple]) -> None:
        columns = ", ".join(COLUMNS[table])
        with self.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def finish(self, step: Callable[[str], None]) -> None:
        step(f"rebuilding {len(self.dropped_indexes)} indexes")
        for definition in self.dropped_indexes:
            self.cursor.execute(definition)
        step(f"re-adding {len(self.dropped_foreign_keys)} foreign keys")
        for table, name, definition in self.dropped_foreign_keys:
            self.cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        for sql in connection.ops.sequence_reset_sql(no_style(), _models()):
            self.cursor.execute(sql)

    def after_commit(self, step: Callable[[str], None]) -> None:
        step("VACUUM ANALYZE")
        for table in COLUMNS:
            self.cursor.execute(f"VACUUM ANALYZE {table}")


class SQLiteWriter:
    def __init__(self) -> None:
        self.cursor = connection.cursor()

    def prepare(self) -> None:
        self.cursor.execute("PRAGMA defer_foreign_keys = ON")

    @staticmethod
    def _adapt(value):
        # As Django stores them on SQLite: naive UTC text for datetimes, ISO dates.
        if hasattr(value, "tzinfo") and value.tzinfo is not None:
            return str(value.replace(tzinfo=None))
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return value

    def write(self, table: str, rows: Iterable[tuple]) -> None:
        columns = COLUMNS[table]
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('%s' for _ in columns)})"
        )
        adapt = self._adapt
        batch = []
        for row in rows:
            batch.append([adapt(value) for value in row])
            if len(batch) >= SQLITE_BATCH:
                self.cursor.executemany(sql, batch)
                batch = []
        if batch:
            self.cursor.executemany(sql, batch)

    def finish(self, step: Callable[[str], None]) -> None:
        step("checking foreign keys")
        self.cursor.execute("PRAGMA foreign_key_check")
        problems = self.cursor.fetchall()
        if problems:
            raise RuntimeError(f"foreign key violations: {problems[:5]}")

    def after_commit(self, step: Callable[[str], None]) -> None:
        step("ANALYZE")
        self.cursor.execute("ANALYZE")


WRITERS = {"postgresql": PostgresWriter, "sqlite": SQLiteWriter}


# --- the load ---------------------------------------------------------------------------------


def build_search_index(step: Callable[[str], None], *, progress: bool = True) -> None:
    """Build the full-text index when this build has one (the search feature adds it)."""
    from statements import search

    rebuild = getattr(search, "rebuild", None)
    if rebuild is None:
        step("search index: none in this build, skipped")
        return
    with tqdm(desc="search index", unit="statement", leave=False, disable=not progress) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        rebuild(progress)


def _record_quote_digests() -> None:
    """Each anchored quote records its source's body digest (the sources come last)."""
    from django.db.models import OuterRef, Subquery

    from statements.models import Attribution, Source

    digest = Source.objects.filter(pk=OuterRef("source_id")).values("body_sha256")[:1]
    Attribution.objects.filter(quote_status="anchored").update(quote_body_sha256=Subquery(digest))


def load_corpus(corpus: Corpus, *, progress: bool = True, vacuum: bool = True) -> dict[str, float]:
    """Write ``corpus`` into the (empty, migrated) default database. Returns phase timings."""
    from statements.models import Statement

    _check_columns()
    if Statement.objects.exists():
        raise RuntimeError("The database already holds statements: load into an empty one.")
    timings: dict[str, float] = {}
    started = time.perf_counter()

    def step(message: str) -> None:
        tqdm.write(f"  {message}", file=sys.stderr)

    from statements.search.backends import get_backend  # after django.setup()

    writer = WRITERS[get_backend().vendor]()
    counts = corpus.counts
    with transaction.atomic():
        writer.prepare()
        writer.write("statements_topic", corpus.topics())
        writer.write("statements_speaker", corpus.speakers())
        bar = tqdm(
            total=counts.statements, desc="statements", unit="st", disable=not progress,
            unit_scale=True, smoothing=0.1,
        )  # fmt: skip
        with bar:
            done = 0
            for chunk in corpus.statements():
                for table, rows in chunk.items():
                    writer.write(table, rows)
                bar.update(len(chunk["statements_statement"]))
                done += len(chunk["statements_statement"])
                if not progress and done % SPARSE == 0:  # no bar: a line now and then
                    step(f"{done:,} of {counts.statements:,} statements")
        with tqdm(total=counts.sources, desc="sources", unit="src", disable=not progress) as bar:
            for rows in corpus.sources():
                writer.write("statements_source", rows)
                bar.update(len(rows))
        step("recording the digest of the body each quote stands in")
        _record_quote_digests()
        timings["rows"] = time.perf_counter() - started
        writer.finish(step)
    timings["constraints"] = time.perf_counter() - started - timings["rows"]
    if vacuum:  # not inside a transaction (tests)
        writer.after_commit(step)
    build_search_index(step, progress=progress)
    timings["total"] = time.perf_counter() - started
    return timings
