"""Read replicas with read-your-writes.

API reads (GET, HEAD, OPTIONS under /api/) may go to a replica; writes, every read of a
request that writes, reads inside a transaction and the admin go to the primary.

A replica replays the primary's changes a little later, so a client that has just written
must not read from one that has not replayed that write yet. After a client's write
request, the primary's WAL position (``pg_current_wal_lsn()``) is kept in the shared cache
under the client's credential (its ``Authorization`` header, else its session cookie,
hashed). Until that entry expires, the client's reads go to a replica only if the replica
has replayed past that position (``pg_last_wal_replay_lsn()``), else to the primary.

Each process asks a replica for its replay position and lag at most once every
``DATABASE_REPLICA_CHECK_SECONDS``. A replica whose lag exceeds
``DATABASE_REPLICA_MAX_LAG_SECONDS``, or that does not answer, is skipped (one that failed
is asked again after ``REPLICA_RETRY_SECONDS``); a request whose read failed on a replica
(answered 503) is answered again from the primary.

Turned on by DATABASE_REPLICA_URLS (see the settings); with no replica configured every
query goes to "default" and none of this runs.
"""

import contextlib
import hashlib
import random
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections, transaction
from django.http import HttpRequest, HttpResponse
from prometheus_client import Counter, Gauge

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PRIMARY = "default"
# How long a replica that failed is left out before it is asked again.
REPLICA_RETRY_SECONDS = 5.0
CACHE_PREFIX = "replica-reads:"

# Replay position and lag. The lag is 0 while the replica has replayed all it received; else
# the age of the last transaction it replayed (infinite when it has replayed none yet).
PROBE_SQL = """
SELECT pg_last_wal_replay_lsn()::text,
       CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())
                          ::float8, 'Infinity'::float8)
       END
"""

READS = Counter(
    "attributed_db_reads_total",
    "Requests allowed to read from a replica, by the database chosen and why.",
    ["database", "reason"],
)
REPLICA_LAG = Gauge(
    "attributed_db_replica_lag_seconds",
    "A replica's replay lag when it was last asked (-1: it did not answer).",
    ["database"],
    multiprocess_mode="max",
)
REPLICA_UP = Gauge(
    "attributed_db_replica_up",
    "1 when a replica answered when it was last asked, else 0.",
    ["database"],
    multiprocess_mode="min",
)
REPLICA_FAILOVERS = Counter(
    "attributed_db_replica_failovers_total",
    "Requests answered again from the primary after a read failed on a replica.",
    ["database"],
)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def lsn(text: str | None) -> int | None:
    """A PostgreSQL WAL position ("16/B374D848") as a comparable integer."""
    if not text:
        return None
    high, low = text.split("/")
    return (int(high, 16) << 32) + int(low, 16)


# --- Replica state, per process ----------------------------------------------------------------


@dataclass(frozen=True)
class ReplicaState:
    up: bool
    position: int | None  # the replayed WAL position; None if unknown (not in recovery)
    lag: float  # seconds; infinite if unknown
    checked_at: float  # time.monotonic()

    def usable(self, max_lag: float) -> bool:
        return self.up and self.lag <= max_lag

    def has_replayed(self, position: int | None) -> bool:
        return position is None or (self.position is not None and self.position >= position)


_states: dict[str, ReplicaState] = {}


def probe(alias: str) -> ReplicaState:
    """Ask the replica now, remember and return its state."""
    now = time.monotonic()
    # A connection opened before the replica restarted fails once: then a new one is tried.
    for _ in range(2 if connections[alias].connection is not None else 1):
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute(PROBE_SQL)
                position, lag = cursor.fetchone()
        except DatabaseError:
            forget_connection(alias)
            state = ReplicaState(up=False, position=None, lag=float("inf"), checked_at=now)
        else:
            state = ReplicaState(up=True, position=lsn(position), lag=float(lag), checked_at=now)
            break
    _states[alias] = state
    REPLICA_UP.labels(alias).set(1 if state.up else 0)
    REPLICA_LAG.labels(alias).set(state.lag if state.up and state.lag != float("inf") else -1)
    return state


def replica_state(alias: str) -> ReplicaState:
    """The replica's state, asked at most once per DATABASE_REPLICA_CHECK_SECONDS."""
    state = _states.get(alias)
    if state is not None:
        age = time.monotonic() - state.checked_at
        if age < (settings.DATABASE_REPLICA_CHECK_SECONDS if state.up else REPLICA_RETRY_SECONDS):
            return state
    return probe(alias)


def mark_down(alias: str) -> None:
    _states[alias] = ReplicaState(
        up=False, position=None, lag=float("inf"), checked_at=time.monotonic()
    )
    REPLICA_UP.labels(alias).set(0)
    REPLICA_LAG.labels(alias).set(-1)


def forget_connection(alias: str) -> None:
    with contextlib.suppress(DatabaseError):
        connections[alias].close()


def choose_replica(required: int | None) -> tuple[str, str]:
    """The database for a request's reads, and why: a usable replica that has replayed
    ``required``, chosen at random, else the primary."""
    replicas = replica_aliases()
    max_lag = settings.DATABASE_REPLICA_MAX_LAG_SECONDS
    behind = False
    for alias in random.sample(replicas, len(replicas)):
        state = replica_state(alias)
        if not state.usable(max_lag):
            continue
        if state.has_replayed(required):
            return alias, "replica"
        behind = True
    return PRIMARY, "client_write_not_replayed" if behind else "no_replica_usable"


# --- The client's last write ---------------------------------------------------------------------


def _key(credential: str | None) -> str | None:
    if not credential:
        return None
    return CACHE_PREFIX + hashlib.sha256(credential.encode()).hexdigest()[:32]


def client_key(request: HttpRequest) -> str | None:
    """Who the client is, for read-your-writes: its credential, hashed."""
    return _key(
        request.META.get("HTTP_AUTHORIZATION") or request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    )


def client_keys_after(request: HttpRequest, response: HttpResponse) -> set[str]:
    """The client's keys once ``response`` is received: a sign-in gives it a new session."""
    keys = {client_key(request)}
    if (cookie := response.cookies.get(settings.SESSION_COOKIE_NAME)) is not None:
        keys.add(_key(cookie.value))
    return {key for key in keys if key is not None}


def sticky_seconds() -> int:
    """How long a client's write position is kept: past it, every replica within the lag
    bound has replayed the write."""
    return int(2 * settings.DATABASE_REPLICA_MAX_LAG_SECONDS) + 10


def remember_write(keys: set[str]) -> None:
    with connections[PRIMARY].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        (position,) = cursor.fetchone()
    cache.set_many(dict.fromkeys(keys, lsn(position)), timeout=sticky_seconds())


@dataclass
class RequestReads:
    """Where one request reads: decided at its first read, then kept, so that all its
    reads (a page and its count) see the same database."""

    allowed: bool
    key: str | None
    alias: str | None = None

    def database(self) -> str:
        if self.alias is None:
            required = cache.get(self.key) if self.key else None
            self.alias, reason = choose_replica(required)
            READS.labels(self.alias, reason).inc()
        return self.alias


_reads: ContextVar[RequestReads | None] = ContextVar("replica_reads", default=None)


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        reads = _reads.get()
        # Inside a transaction the primary answers: it may hold this request's own writes.
        # (Asked without connecting: a request that reads a replica needs no primary.)
        if reads is None or not reads.allowed or connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return reads.database()

    def db_for_write(self, model, **hints) -> str:
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # replicas hold the same data as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == PRIMARY


def _is_api_read(request: HttpRequest) -> bool:
    return request.method in SAFE_METHODS and request.path.startswith("/api/")


class ReplicaReadsMiddleware:
    """Marks the API's safe requests as free to read from a replica, and remembers where
    each client's writes end. The admin always reads the primary: an editor who just saved
    must see the save."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not replica_aliases():
            return self.get_response(request)
        reads = RequestReads(allowed=_is_api_read(request), key=client_key(request))
        token = _reads.set(reads)
        try:
            response = self.get_response(request)
            if response.status_code == 503 and reads.alias not in (None, PRIMARY):
                response = self._answer_from_primary(request, reads)
        finally:
            _reads.reset(token)
        if (
            request.method not in SAFE_METHODS
            and response.status_code < 400
            and transaction.get_autocommit()  # committed (not inside a test's transaction)
            and (keys := client_keys_after(request, response))
        ):
            remember_write(keys)
        return response

    def _answer_from_primary(self, request: HttpRequest, reads: RequestReads) -> HttpResponse:
        """A read failed on the replica (the API answers 503 when a database is unreachable):
        the replica is asked again (and left out if it does not answer), and the request,
        a safe one, is answered again from the primary."""
        failed = reads.alias
        REPLICA_FAILOVERS.labels(failed).inc()
        forget_connection(failed)
        probe(failed)
        reads.alias = PRIMARY
        return self.get_response(request)
