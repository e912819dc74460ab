"""The change feed: every committed change, in the order the transactions committed.

The services record each change (``record``) in the transaction that makes it; the feed
(``GET /api/v1/changes/``) reads them with ``change_page``, a page at a time after a
cursor, the last change a partner saw.

Why a cursor never skips nor repeats a change, even when transactions commit out of order:

- On PostgreSQL each change stores its transaction's id (``pg_current_xact_id()``), and a
  page lists only the changes whose transaction id is below a horizon: the oldest
  transaction of this database still running when the page is read (``horizon``). Every
  transaction of this database below it has ended, so every change below it that will
  ever be visible is visible already, and a later page cannot find a new one before the
  cursor. Pages are in (xid, id) order, and the cursor is the last (xid, id) served. A
  write transaction held open holds the feed back (never past it) until it ends.
- On SQLite one writer at a time holds the database's write lock from its first write to
  its commit: ids are given in commit order, and the xid is 0.

Who sees what: a statement's change is public when the statement is published after it
(its publication, its updates while published) or when it retracts it; drafts' changes
(and a draft's deletion) are for those who may view unpublished statements. Speakers and
sources are public, and so are their changes. An attribution's or a relation's change is
an ``updated`` change of its statement(s).
"""

import base64
import binascii
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import BooleanField, Func, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from statements.choices import StatementStatus
from statements.models import Change, ChangeKind, ChangeObject, Source, Speaker, Statement
from statements.visibility import is_public


class TransactionId(Func):
    """The writing transaction's id (PostgreSQL's xid8, as a bigint); 0 on SQLite."""

    output_field = models.BigIntegerField()

    def as_sql(self, compiler, connection, **extra):
        return "0", []

    def as_postgresql(self, compiler, connection, **extra):
        return "pg_current_xact_id()::text::bigint", []


# The feed reads the primary, never a replica (``config.db_router``): the horizon is read
# from the primary's sessions, and a replica replays commits later.
FEED_DATABASE = DEFAULT_DB_ALIAS

# The oldest transaction of this database still running, read before the page (``horizon``).
# A snapshot's xmin is the oldest running transaction of the whole cluster: a transaction
# left open in another database would hold the feed back for nothing. pg_stat_activity
# tells which of the snapshot's running transactions belong to this database (by their
# 32-bit ids); where it hides another role's sessions of this database, the snapshot's
# xmin is the safe answer. A transaction that ends between the snapshot and the reading
# of pg_stat_activity is committed (or aborted) before the page's own, later, snapshot.
HORIZON_SQL = """
WITH activity AS (
    SELECT backend_xid, query FROM pg_stat_activity WHERE datname = current_database()
)
SELECT CASE
    WHEN EXISTS (SELECT 1 FROM activity WHERE query = '<insufficient privilege>')
    THEN pg_snapshot_xmin(snapshot)::text::bigint
    ELSE LEAST(
        pg_snapshot_xmax(snapshot)::text::bigint,
        (
            SELECT min(xid::text::bigint) FROM pg_snapshot_xip(snapshot) AS xid
            WHERE xid::text::bigint % 4294967296 IN (
                SELECT backend_xid::text::bigint FROM activity WHERE backend_xid IS NOT NULL
            )
        )
    )
END
FROM pg_current_snapshot() AS snapshot
"""


def horizon() -> int | None:
    """On PostgreSQL, outside a transaction: the transaction id below which every change
    that will ever commit is visible to the queries that follow (see ``HORIZON_SQL``).
    None where the page's own snapshot must say it (``SnapshotXmin``): on SQLite, and in a
    transaction, whose later queries may share its snapshot and its activity's reading."""
    connection = connections[FEED_DATABASE]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return None
    with connection.cursor() as cursor:
        cursor.execute(HORIZON_SQL)
        return cursor.fetchone()[0]


class IsoDateTime(Func):
    """A date-time column as ISO 8601 text in UTC with "Z", microseconds only when there are
    some (as ``datetime.isoformat`` and DRF write it), written by the database: a page's
    thousand dates are read as text, not parsed into datetimes and formatted again."""

    output_field = models.CharField()

    def as_sqlite(self, compiler, connection, **extra):
        # Stored as UTC text, "2024-10-28 09:30:00[.123456]".
        return self.as_sql(
            compiler, connection, template="replace(%(expressions)s, ' ', 'T') || 'Z'"
        )

    def as_postgresql(self, compiler, connection, **extra):
        template = (
            "replace(to_char(%(expressions)s AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), '.000000Z', 'Z')"
        )
        return self.as_sql(compiler, connection, template=template)


class SnapshotXmin(Func):
    """The reading snapshot's xmin: every transaction below it has ended. On SQLite, one
    more than any xid (all 0)."""

    output_field = models.BigIntegerField()

    def as_sql(self, compiler, connection, **extra):
        return "1", []

    def as_postgresql(self, compiler, connection, **extra):
        return "pg_snapshot_xmin(pg_current_snapshot())::text::bigint", []


# --- Recording --------------------------------------------------------------------------------


def _object_type(instance: models.Model) -> ChangeObject:
    return ChangeObject(instance._meta.model_name)


def record(instance: models.Model, kind: ChangeKind, *, note: str = "") -> None:
    """Record that ``instance`` (a statement, a speaker or a source) changed so, in the
    current transaction. A statement's change is public when the statement is published
    after it, or when it retracts it (what it withdraws was public)."""
    public = True  # speakers and sources: reference data, visible to all
    if isinstance(instance, Statement):
        public = is_public(instance.status) or kind == ChangeKind.RETRACTED
    Change.objects.create(
        xid=TransactionId(),
        at=timezone.now(),
        kind=kind,
        object_type=_object_type(instance),
        object_id=instance.pk,
        public=public,
        note=note,
    )


def record_statements_updated(ids: Iterable[int]) -> None:
    """Record an ``updated`` change of each statement (by id): their attributions or
    relations changed."""
    now = timezone.now()
    statuses = Statement.objects.filter(pk__in=set(ids)).order_by("pk").values_list("pk", "status")
    Change.objects.bulk_create(
        Change(
            xid=TransactionId(),
            at=now,
            kind=ChangeKind.UPDATED,
            object_type=ChangeObject.STATEMENT,
            object_id=pk,
            public=is_public(status),
        )
        for pk, status in statuses
    )


def record_inserted(
    model: type[models.Model], columns: tuple[str, ...], rows: list[tuple], ids: list[int]
) -> None:
    """Record the objects a bulk insert wrote (the import): ``rows`` of the fields named by
    ``columns``, with their ``ids``. A statement's change says how it arrives (created as
    a draft, or published, or retracted with its reason); an attribution's is its new
    statement's."""
    if model not in (Statement, Speaker, Source):
        return
    now = timezone.now()
    entries = []
    for pk, row in zip(ids, rows, strict=True):
        fields = dict(zip(columns, row, strict=True)) if model is Statement else {}
        status = fields.get("status", StatementStatus.PUBLISHED)  # else reference data
        entries.append(
            Change(
                xid=TransactionId(),
                at=now,
                kind=_arrival(fields.get("status")),
                object_type=model._meta.model_name,
                object_id=pk,
                public=status != StatementStatus.DRAFT,
                note=fields.get("retraction_reason") or "",
            )
        )
    Change.objects.bulk_create(entries)


def record_unrecorded() -> None:
    """Record the speakers, sources and statements that have no change yet, as a bulk
    insert would (``record_inserted``): rows written past the services (a fixture that
    loaddata saved raw)."""
    for model in (Speaker, Source, Statement):
        recorded = Change.objects.filter(object_type=model._meta.model_name).values("object_id")
        unrecorded = model._default_manager.exclude(pk__in=recorded).order_by("pk")
        columns = ("status", "retraction_reason") if model is Statement else ()
        rows = list(unrecorded.values_list("pk", *columns))
        record_inserted(model, columns, [row[1:] for row in rows], [row[0] for row in rows])


def _arrival(status: str | None) -> ChangeKind:
    """The kind of change by which an object of this status (None: a speaker, a source)
    arrives."""
    if status in (StatementStatus.PUBLISHED, StatementStatus.RETRACTED):
        return ChangeKind(status)
    return ChangeKind.CREATED


# --- Reading ----------------------------------------------------------------------------------


class InvalidCursor(ValueError):
    """A cursor that no page of the feed ever gave."""


@dataclass(frozen=True, order=True)
class Cursor:
    """A position in the feed: after the change ``id`` of the transaction ``xid``."""

    xid: int
    id: int

    def encode(self) -> str:
        """Opaque to partners: they send back what they were given."""
        return base64.urlsafe_b64encode(f"{self.xid}.{self.id}".encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> "Cursor":
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("ascii")
            xid, id_ = (int(part) for part in raw.split("."))
        except (ValueError, binascii.Error, UnicodeDecodeError):
            xid = id_ = -1
        if not (0 <= xid < 2**63 and 0 <= id_ < 2**63):
            raise InvalidCursor("Not a cursor of this feed: send back a `cursor` it gave.")
        return cls(xid, id_)


def _after(cursor: Cursor) -> Q | RawSQL:
    """The changes after ``cursor``, as a condition whose index range starts there."""
    if connections[FEED_DATABASE].vendor == "postgresql":
        # A row comparison (an OR of the two columns would scan from the start).
        return RawSQL('("xid", "id") > (%s, %s)', (cursor.xid, cursor.id), BooleanField())
    # SQLite ranges an index on a row comparison's first column only; its xids are all 0,
    # so what follows the cursor has the cursor's xid.
    return Q(xid=cursor.xid, id__gt=cursor.id)


class ChangeEntry(NamedTuple):
    kind: str
    object_type: str
    object_id: int
    at: str  # ISO 8601, UTC
    note: str


def change_page(
    *, public_only: bool, after: Cursor | None, limit: int
) -> tuple[list[ChangeEntry], Cursor | None]:
    """Up to ``limit`` changes after ``after`` (from the first without it), oldest first,
    and the cursor after the last of them (None when there is none); one range of the
    feed's index (and, on PostgreSQL, a query for the horizon first)."""
    bound = horizon()
    changes = Change.objects.using(FEED_DATABASE)
    changes = changes.filter(xid__lt=SnapshotXmin() if bound is None else bound)
    if public_only:
        changes = changes.filter(public=True)
    if after is not None:
        changes = changes.filter(_after(after))
    rows = list(
        changes.order_by("xid", "id")
        .annotate(at_text=IsoDateTime("at"))
        .values_list("xid", "id", "kind", "object_type", "object_id", "at_text", "note")[:limit]
    )
    if not rows:
        return [], None
    entries = [ChangeEntry._make(row[2:]) for row in rows]
    return entries, Cursor(rows[-1][0], rows[-1][1])
