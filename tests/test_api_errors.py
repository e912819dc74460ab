"""Every error class answers RFC 9457 problem+json, never HTML or a 500, and changes nothing."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from statements.models import Speaker, Statement
from tests.helpers import error_fields, problem

SPEAKERS = "/api/v1/speakers/"


def post_raw(client, body: bytes | str, content_type: str = "application/json", url=SPEAKERS):
    return client.generic("POST", url, body, content_type=content_type)


# --- 400 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b'{"name": "x", ', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid utf-8"),
        (b'{"name": NaN, "kind": "person"}', "not valid JSON"),
        (b"[" * 50_000 + b"]" * 50_000, "nested too deeply"),
        (b'{"a":' * 20_000 + b"1" + b"}" * 20_000, "nested too deeply"),
    ],
    ids=["truncated", "not-utf8", "nan", "deep-array", "deep-object"],
)
def test_malformed_json_is_a_400(db, editor, body, expected):
    response = post_raw(editor, body)
    result = problem(response, 400)
    assert expected in result["detail"]
    assert result["type"] == "/problems/invalid-request"
    assert not Speaker.objects.exists()


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        ([1, 2], [None]),
        ("a string", [None]),
        ({"name": ["list"], "kind": "person"}, ["name"]),
        ({"name": "x", "kind": 7}, ["kind"]),
        ({"name": "x", "kind": "person", "aliases": {"a": 1}}, ["aliases"]),
        ({"kind": "person"}, ["name"]),
        ({"name": "x", "kind": "person", "nickname": "y"}, ["nickname"]),
        ({"name": 0, "kind": "person"}, ["name"]),
        ({"name": True, "kind": "person"}, ["name"]),
        ({"name": "x", "kind": "person", "aliases": [1]}, ["aliases.0"]),
        ({"name": "x", "kind": "person", "description": 1.5}, ["description"]),
    ],
)
def test_wrong_shapes_and_types_name_the_field(db, editor, payload, fields):
    response = editor.post(SPEAKERS, payload, format="json")
    problem(response, 400)
    assert error_fields(response) == fields
    assert not Speaker.objects.exists()


def test_errors_list_names_each_bad_field(db, editor):
    response = editor.post(SPEAKERS, {"kind": "alien", "country": "XX"}, format="json")
    body = problem(response, 400)
    assert sorted(error_fields(response)) == ["country", "kind", "name"]
    assert body["detail"] == "3 problems with: country, kind, name."
    assert {error["code"] for error in body["errors"]} >= {"required", "invalid_choice"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"speakr": "3"}, "speakr"),
        ({"speaker": "abc"}, "speaker"),
        ({"speaker": "-1"}, "speaker"),
        ({"speaker": "1.5"}, "speaker"),
        ({"source": "1e3"}, "source"),
        ({"mode": "rumour"}, "mode"),
        ({"status": "secret"}, "status"),
        ({"stated_after": "last week"}, "stated_after"),
        ({"published_before": "2024-13-01"}, "published_before"),
        ({"ordering": "text"}, "ordering"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "1.5"}, "page_size"),  # above the cap is capped (test_query_params)
        ({"page_size": "ten"}, "page_size"),
        ({"page": "first"}, "page"),
    ],
)
def test_bad_query_parameters_are_a_400_naming_them(world, anon, params, field):
    response = anon.get("/api/v1/statements/", params)
    problem(response, 400)
    assert error_fields(response) == [field]


def test_a_page_past_the_end_is_a_404(world, anon):
    body = problem(anon.get("/api/v1/statements/", {"page": 9}), 404)
    assert "there are 1 page(s)" in body["detail"]


# --- 401, 403 ---------------------------------------------------------------------------------


def test_anonymous_write_is_401_with_a_challenge(db, anon):
    response = anon.post(SPEAKERS, {"name": "x", "kind": "person"}, format="json")
    problem(response, 401)
    assert response["WWW-Authenticate"] == "Token"


def test_a_bad_token_is_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    body = problem(client.get(SPEAKERS), 401)
    assert "Invalid token" in body["detail"]


def test_no_permission_is_403(db, member):
    body = problem(member.post(SPEAKERS, {"name": "x", "kind": "person"}, format="json"), 403)
    assert body["type"] == "/problems/permission-denied"


def test_session_writes_need_the_csrf_token(db, editor_user):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor_user)
    body = problem(client.post(SPEAKERS, {"name": "x", "kind": "person"}, format="json"), 403)
    assert "CSRF" in body["detail"]
    assert not Speaker.objects.exists()


# --- 404, 405, 406, 413, 415 ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/api/v1/speakers/999999/", "/api/v1/speakers/abc/", "/api/v1/nothing-here/", "/nowhere"],
)
def test_unknown_urls_are_a_problem_404(db, anon, url):
    problem(anon.get(url), 404)


def test_method_not_allowed(world, editor):
    problem(editor.put("/api/v1/statements/", {}, format="json"), 405)
    problem(editor.delete(f"/api/v1/speakers/{world.minister.pk}/statements/"), 405)


def test_not_acceptable(db, anon):
    problem(anon.get(SPEAKERS, HTTP_ACCEPT="application/xml"), 406)


def test_oversized_bodies_are_a_413(db, editor, settings):
    settings.API_MAX_BODY_BYTES = 1024
    payload = {"name": "x", "kind": "person", "description": "d" * 2000}
    body = problem(editor.post(SPEAKERS, payload, format="json"), 413)
    assert "1024 bytes" in body["detail"]
    assert not Speaker.objects.exists()


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"]
)
def test_unsupported_media_type(db, editor, content_type):
    problem(post_raw(editor, "name=x&kind=person", content_type), 415)
    assert not Speaker.objects.exists()


# --- 429 --------------------------------------------------------------------------------------


def test_throttling_answers_429_with_retry_after(db, anon, monkeypatch):
    cache.clear()
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": None})
    assert anon.get(SPEAKERS).status_code == 200
    assert anon.get(SPEAKERS).status_code == 200
    response = anon.get(SPEAKERS)
    body = problem(response, 429)
    assert int(response["Retry-After"]) > 0
    assert f"Retry in {response['Retry-After']} seconds" in body["detail"]
    cache.clear()


# --- Health and consistency -------------------------------------------------------------------


def test_errors_are_never_rendered_by_the_browsable_api(db, anon):
    response = anon.get("/api/v1/speakers/999999/", HTTP_ACCEPT="text/html")
    problem(response, 404)


def test_nothing_is_half_written_when_a_service_fails(world, editor):
    before = Statement.objects.count()
    payload = {
        "text": "Half?",
        "attributions": [
            {
                "speaker": world.minister.pk,
                "source": world.article.pk,
                "mode": "direct_quote",
                "speech_act": "assertion",
                "quote": {"exact": "The minister said"},  # ambiguous: occurs twice
            }
        ],
    }
    problem(editor.post("/api/v1/statements/", payload, format="json"), 400)
    assert Statement.objects.count() == before


def test_a_busy_database_is_a_503_with_retry_after(world, editor, monkeypatch):
    from django.db import OperationalError

    from statements import services

    def busy(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(services, "speaker_update", busy)
    response = editor.patch(f"/api/v1/speakers/{world.minister.pk}/", {"name": "X"}, format="json")
    body = problem(response, 503)
    assert response["Retry-After"] == "1"
    assert "retry" in body["detail"]


@pytest.mark.parametrize(
    ("url", "payload", "field"),
    [
        ("/api/v1/sources/", {"title": "T", "url": "https://example.org/n", "body": 0}, "body"),
        ("/api/v1/statements/", {"text": "T", "topics": [0]}, "topics.0"),
        ("/api/v1/statements/", {"text": ["T"]}, "text"),
    ],
)
def test_numbers_are_not_text(db, editor, url, payload, field):
    response = editor.post(url, payload, format="json")
    body = problem(response, 400)
    assert error_fields(response) == [field]
    assert "Must be a string" in body["detail"] or "Not a valid string" in body["detail"]
