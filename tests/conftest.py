"""Shared fixtures: clients for each role, and a small world of data built through services."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements.claims import keys as claim_keys
from statements.roles import EDITORS, REVIEWERS
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
