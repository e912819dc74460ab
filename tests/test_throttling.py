"""Rate limits (``statements.api.throttling``): one counter per client, atomic, one scope."""

import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory
from rest_framework.throttling import SimpleRateThrottle

from statements.api.throttling import ClientRateThrottle
from tests.factories import UserFactory

SPEAKERS = "/api/v1/speakers/"


@pytest.fixture
def rates(monkeypatch):
    cache.clear()
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "5/minute"}
    )
    yield
    cache.clear()


def _statuses(client: APIClient, count: int) -> list[int]:
    return [client.get(SPEAKERS).status_code for _ in range(count)]


def test_an_anonymous_client_gets_the_anon_rate(db, rates):
    assert _statuses(APIClient(), 5) == [200, 200, 200, 429, 429]


def test_a_signed_in_client_gets_the_user_rate_counted_by_user_not_address(db, rates):
    first, second = APIClient(), APIClient()
    first.force_authenticate(UserFactory(username="first"))
    second.force_authenticate(UserFactory(username="second"))
    assert _statuses(first, 6) == [200] * 5 + [429]
    # Same address, another user: a counter of its own; and the anonymous one is untouched.
    assert _statuses(second, 1) == [200]
    assert _statuses(APIClient(), 1) == [200]


def test_the_answer_says_when_to_retry(db, rates):
    client = APIClient()
    _statuses(client, 3)
    response = client.get(SPEAKERS)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60


def test_no_request_is_lost_when_clients_race(rates):
    """Every request counts: of 40 requests sent at once by one client at 3 a minute,
    exactly 3 pass (a read-modify-write of a list of times lets more through)."""
    factory = APIRequestFactory()
    barrier = threading.Barrier(8)

    def attempt(_: int) -> bool:
        request = Request(factory.get(SPEAKERS, REMOTE_ADDR="203.0.113.9"))
        request.user = AnonymousUser()
        throttle = ClientRateThrottle()
        if _ < 8:
            barrier.wait()
        return throttle.allow_request(request, view=None)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch often, as on a busy server
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            allowed = list(pool.map(attempt, range(40)))
    finally:
        sys.setswitchinterval(interval)
    assert allowed.count(True) == 3


def test_a_scope_without_a_rate_is_not_limited(db, monkeypatch):
    cache.clear()
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "user": None})
    assert set(_statuses(APIClient(), 5)) == {200}
