"""Shared fixtures: clients for each role, and a small world of data built through services."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements.claims import keys as claim_keys
from statements.roles import EDITORS, REVIEWERS
from tests import rig
from tests.factories import UserFactory, World
from tests.helpers import SEED_FIXTURE, login


def _token_client(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    client.user = user
    return client


@pytest.fixture
def anon() -> APIClient:
    return APIClient()


@pytest.fixture
def editor_user(db) -> User:
    return UserFactory(username="edna", group=EDITORS)


@pytest.fixture
def editor(editor_user) -> APIClient:
    return _token_client(editor_user)


@pytest.fixture
def reviewer_user(db) -> User:
    return UserFactory(username="rita", group=REVIEWERS)


@pytest.fixture
def reviewer(reviewer_user) -> APIClient:
    return _token_client(reviewer_user)


@pytest.fixture
def admin_user(db) -> User:
    return UserFactory(username="ada", superuser=True)


@pytest.fixture
def admin(admin_user) -> APIClient:
    return _token_client(admin_user)


@pytest.fixture
def member(db) -> APIClient:
    """Signed in, but in no group: reads like the public, writes nothing."""
    return _token_client(UserFactory(username="mo"))


# --- The admin site, signed in ------------------------------------------------------------------


@pytest.fixture
def superuser(admin_user) -> Client:
    return login(admin_user)


@pytest.fixture
def editor_site(editor_user) -> Client:
    return login(editor_user)


@pytest.fixture
def reviewer_site(reviewer_user) -> Client:
    return login(reviewer_user)


# --- Data ---------------------------------------------------------------------------------------


@pytest.fixture
def seed(db) -> None:
    """The seed article, as `make run` loads it."""
    call_command("loaddata", SEED_FIXTURE, verbosity=0)
    # loaddata saves rows raw, past the services that keep the search index and the claims.
    call_command("rebuild_search_index", verbosity=0)
    claim_keys.rebuild()


@pytest.fixture
def world(db) -> World:
    return World()


# --- The scale-out rig (tests/rig.py): only when DATABASE_REPLICA_URLS is set -------------------


def pytest_collection_modifyitems(items):
    if rig.active():
        rig.allow_replicas(items)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    yield
    if settings.DATABASE_POOLER == "transaction":
        with django_db_blocker.unblock():
            rig.release_pooled_connections()


@pytest.fixture(autouse=True)
def _replicas_replay_before_each_request(request, monkeypatch):
    marker = request.node.get_closest_marker("django_db")
    if (
        not rig.active()
        or marker is None
        or not marker.kwargs.get("transaction")
        or request.node.get_closest_marker("scale_out_rig")
    ):
        return
    send = Client.request

    def request_after_replay(self, **kwargs):
        rig.wait_for_replicas()
        return send(self, **kwargs)

    monkeypatch.setattr(Client, "request", request_after_replay)
