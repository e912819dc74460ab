"""Request ids, structured logs and /metrics (config/observability.py)."""

import io
import json
import logging
import logging.config
import re

import pytest
from django.conf import settings

from tests.helpers import problem

pytestmark = pytest.mark.django_db

GENERATED = re.compile(r"[0-9a-f]{32}")


def test_a_plausible_request_id_is_kept_and_returned(anon, caplog):
    with caplog.at_level(logging.INFO, logger="attributed.requests"):
        response = anon.get("/api/v1/statements/", HTTP_X_REQUEST_ID="edge-7f3a.12:9")
    assert response["X-Request-ID"] == "edge-7f3a.12:9"
    (record,) = [r for r in caplog.records if r.name == "attributed.requests"]
    assert record.request_id == "edge-7f3a.12:9"
    assert (record.method, record.view, record.status) == ("GET", "api:statement-list", 200)
    assert record.duration_ms >= 0


@pytest.mark.parametrize("given", [None, "", "has space", "x" * 129, 'quote"d', "new\nline"])
def test_any_other_request_id_is_replaced_by_a_new_one(anon, given):
    headers = {} if given is None else {"HTTP_X_REQUEST_ID": given}
    first = anon.get("/healthz", **headers)["X-Request-ID"]
    second = anon.get("/healthz", **headers)["X-Request-ID"]
    assert GENERATED.fullmatch(first)
    assert GENERATED.fullmatch(second)
    assert first != second


def test_error_answers_and_djangos_own_records_carry_the_id(anon, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = anon.get("/api/v1/statements/999999/", HTTP_X_REQUEST_ID="lost-1")
    problem(response, 404)
    assert response["X-Request-ID"] == "lost-1"
    assert [r.request_id for r in caplog.records if r.name == "django.request"] == ["lost-1"]


def test_json_logs_are_one_object_a_line_with_the_request_id(anon):
    stream = io.StringIO()
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "filters": settings.LOGGING["filters"],
            "formatters": {"json": settings.LOGGING["formatters"]["json"]},
            "handlers": {
                "test": {
                    "class": "logging.StreamHandler",
                    "stream": stream,
                    "formatter": "json",
                    "filters": ["request_id"],
                }
            },
            "loggers": {"attributed.requests": {"handlers": ["test"], "level": "INFO"}},
        }
    )
    try:
        anon.get("/api/v1/statements/", HTTP_X_REQUEST_ID="json-1")
    finally:
        logging.config.dictConfig(settings.LOGGING)
    (line,) = stream.getvalue().splitlines()
    record = json.loads(line)
    assert record["request_id"] == "json-1"
    assert record["level"] == "INFO"
    assert record["logger"] == "attributed.requests"
    assert record["message"] == "GET /api/v1/statements/ 200"
    assert record["status"] == 200
    assert record["view"] == "api:statement-list"


def metric(text: str, name: str, **labels) -> float:
    """The value of one sample of the exposition ``text``."""
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            sample_labels = dict(re.findall(r'(\w+)="([^"]*)"', line.split("}")[0]))
            if all(sample_labels.get(key) == value for key, value in labels.items()):
                return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_metrics_count_requests_by_route_and_status_and_time_the_database(anon):
    before = anon.get("/metrics").content.decode()
    anon.get("/api/v1/statements/")
    anon.get("/api/v1/statements/999999/")
    response = anon.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    by_route = "django_http_requests_latency_seconds_by_view_method_count"
    view = "api:statement-list"
    assert metric(text, by_route, view=view, method="GET") == (
        metric(before, by_route, view=view, method="GET") + 1
    )
    by_status = "django_http_responses_total_by_status_view_method_total"
    assert metric(text, by_status, status="404", view="api:statement-detail") >= 1
    assert metric(text, "django_db_query_duration_seconds_count", alias="default") > metric(
        before, "django_db_query_duration_seconds_count", alias="default"
    )
    assert "# TYPE attributed_db_reads_total counter" in text
    assert "# TYPE attributed_db_replica_lag_seconds gauge" in text


def test_metrics_can_require_a_token(anon, settings):
    settings.METRICS_TOKEN = "s3cret-token"
    response = anon.get("/metrics")
    problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")
    problem(anon.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong"), 401)
    assert anon.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token").status_code == 200


def test_metrics_are_not_served_unless_enabled(anon, settings):
    settings.METRICS_ENABLED = False
    problem(anon.get("/metrics"), 404)
    settings.METRICS_ENABLED = True
    assert anon.post("/metrics").status_code == 405
