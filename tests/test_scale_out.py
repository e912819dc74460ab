"""Scale-out settings: which database a request reads from when replicas are configured."""

import time

import pytest
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from config import db_router
from config.db_router import ReplicaReadsMiddleware, ReplicaRouter
from statements.models import Statement

# Autocommit, as in a request outside a transaction.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def states(monkeypatch):
    """As if DATABASE_REPLICA_URLS named two replicas, in the states this dict holds (no
    query is made here; tests/test_scale_out_rig.py asks real ones)."""
    now = time.monotonic()
    known = {
        alias: db_router.ReplicaState(up=True, position=100, lag=0.0, checked_at=now)
        for alias in ("replica1", "replica2")
    }
    monkeypatch.setattr(db_router, "replica_aliases", lambda: list(known))
    monkeypatch.setattr(db_router, "replica_state", lambda alias: known[alias])
    return known


@pytest.fixture
def replicas(states):
    return list(states)


def read_alias(method: str, path: str, **headers) -> str:
    """The database the router picks for a read made while serving this request."""
    seen = []

    def view(request):
        seen.append(ReplicaRouter().db_for_read(Statement))
        return HttpResponse(status=400)  # no write to remember

    ReplicaReadsMiddleware(view)(getattr(RequestFactory(), method.lower())(path, headers=headers))
    return seen[0]


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "/api/v1/statements/", "replica"),
        ("HEAD", "/api/v1/statements/1/", "replica"),
        ("POST", "/api/v1/statements/", "default"),
        ("PATCH", "/api/v1/statements/1/", "default"),
        ("GET", "/admin/statements/statement/", "default"),
    ],
)
def test_api_reads_go_to_replicas_and_the_rest_to_the_primary(replicas, method, path, expected):
    assert read_alias(method, path).startswith(expected)


def test_without_replicas_everything_reads_the_primary(monkeypatch):
    monkeypatch.setattr(db_router, "replica_aliases", list)
    assert read_alias("GET", "/api/v1/statements/") == "default"


def test_reads_inside_a_transaction_stay_on_the_primary(replicas):
    def view(request):
        with transaction.atomic():
            view.alias = ReplicaRouter().db_for_read(Statement)
        return HttpResponse()

    ReplicaReadsMiddleware(view)(RequestFactory().get("/api/v1/statements/"))
    assert view.alias == "default"


def test_writes_and_migrations_stay_on_the_primary(replicas):
    router = ReplicaRouter()
    assert router.db_for_write(Statement) == "default"
    assert router.allow_migrate("default", "statements")
    assert not router.allow_migrate("replica1", "statements")


def test_a_replica_that_lags_too_far_or_is_down_is_skipped(states, settings):
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 5
    states["replica1"] = db_router.ReplicaState(up=True, position=100, lag=6.0, checked_at=0)
    states["replica2"] = db_router.ReplicaState(up=False, position=None, lag=0, checked_at=0)
    assert read_alias("GET", "/api/v1/statements/") == "default"
    states["replica2"] = db_router.ReplicaState(up=True, position=100, lag=4.0, checked_at=0)
    assert {read_alias("GET", "/api/v1/statements/") for _ in range(20)} == {"replica2"}


def test_a_client_reads_the_primary_until_a_replica_has_replayed_its_write(states):
    key = db_router.client_key(RequestFactory().get("/", headers={"Authorization": "Token a"}))
    cache.set(key, 150)
    try:
        assert read_alias("GET", "/api/v1/statements/", Authorization="Token a") == "default"
        # Another client is not held back by this one's write.
        assert read_alias("GET", "/api/v1/statements/", Authorization="Token b") != "default"
        states["replica2"] = db_router.ReplicaState(up=True, position=150, lag=0, checked_at=0)
        assert read_alias("GET", "/api/v1/statements/", Authorization="Token a") == "replica2"
    finally:
        cache.delete(key)


def test_a_request_keeps_the_database_of_its_first_read(replicas):
    def view(request):
        view.seen = {ReplicaRouter().db_for_read(Statement) for _ in range(20)}
        return HttpResponse()

    ReplicaReadsMiddleware(view)(RequestFactory().get("/api/v1/statements/"))
    assert len(view.seen) == 1


def test_lsn_orders_wal_positions():
    assert db_router.lsn("0/16B3748") < db_router.lsn("0/FFFFFFFF") < db_router.lsn("1/0")
    assert db_router.lsn(None) is None
