"""Liveness (/healthz) and readiness (/readyz) probes."""

from unittest import mock

import pytest
from django.db import connection
from django.db.utils import OperationalError

from tests.helpers import problem


def test_healthz_is_ok_without_touching_the_database(client):
    # No django_db mark: any database access here would fail the test.
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_head(client):
    assert client.head("/healthz").status_code == 200


def test_healthz_rejects_post(client):
    response = client.post("/healthz")

    assert response.status_code == 405
    assert "GET" in response["Allow"]


@pytest.mark.django_db
def test_readyz_reports_the_database(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": connection.vendor}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_503_problem_json_when_the_database_is_down(client):
    with mock.patch(
        "django.db.connection.cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/readyz")

    body = problem(response, 503)
    assert "database" in body["detail"].lower()
    # The error class is named, the driver's message (which may hold host names) is not.
    assert "connection refused" not in body["detail"]


@pytest.mark.django_db
def test_readyz_rejects_post(client):
    assert client.post("/readyz").status_code == 405
