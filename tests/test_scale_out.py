"""Scale-out settings: which database a request reads from when replicas are configured."""

import pytest
from django.db import transaction
from django.test import RequestFactory

from config import db_router
from config.db_router import ReplicaReadsMiddleware, ReplicaRouter
from statements.models import Statement

# Autocommit, as in a request outside a transaction.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def replicas(monkeypatch):
    # As if DATABASE_REPLICA_URLS named two replicas (no query is made here).
    monkeypatch.setattr(db_router, "replica_aliases", lambda: ["replica1", "replica2"])


def read_alias(method: str, path: str) -> str:
    """The database the router picks for a read made while serving this request."""
    seen = []

    def view(request):
        seen.append(ReplicaRouter().db_for_read(Statement))
        return None

    ReplicaReadsMiddleware(view)(getattr(RequestFactory(), method.lower())(path))
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


def test_without_replicas_everything_reads_the_primary():
    assert read_alias("GET", "/api/v1/statements/") == "default"


def test_reads_inside_a_transaction_stay_on_the_primary(replicas):
    def view(request):
        with transaction.atomic():
            view.alias = ReplicaRouter().db_for_read(Statement)

    ReplicaReadsMiddleware(view)(RequestFactory().get("/api/v1/statements/"))
    assert view.alias == "default"


def test_writes_and_migrations_stay_on_the_primary(replicas):
    router = ReplicaRouter()
    assert router.db_for_write(Statement) == "default"
    assert router.allow_migrate("default", "statements")
    assert not router.allow_migrate("replica1", "statements")
