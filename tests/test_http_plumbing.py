"""The HTTP plumbing around the API: body limits, chunked bodies, errors whatever DEBUG says,
the landing page, readiness and a failing cache, client addresses behind proxies, token
keywords, and the first-run setup's history and banner."""

import http.client
import json
import logging
import os
import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

import config.cache
from config.cache import cache_from_url
from statements.api import views
from statements.management.commands.bootstrap import manage_command
from statements.models import Attribution, Source, Speaker, Statement
from statements.roles import EDITORS, GROUP_PERMISSIONS
from tests.factories import SpeakerFactory, UserFactory
from tests.helpers import problem

ROOT = Path(__file__).resolve().parent.parent
SPEAKERS = "/api/v1/speakers/"
DEFAULT_BODY_LIMIT = 1_048_576  # API_MAX_BODY_BYTES's documented default
UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def speaker_body(size: int) -> bytes:
    """A valid speaker as JSON of exactly ``size`` bytes: whitespace, which JSON allows
    anywhere between tokens, pads it (every text field is bounded far below a MiB)."""
    body = json.dumps({"name": "Big", "kind": "person"}).encode()
    return body[:-1] + b" " * (size - len(body)) + b"}"


# --- 12: the body limit, at its real default ----------------------------------------------------


def test_the_body_limit_is_the_documented_default():
    assert settings.API_MAX_BODY_BYTES == DEFAULT_BODY_LIMIT
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == DEFAULT_BODY_LIMIT


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH"])
def test_a_body_just_over_the_default_limit_is_a_413(world, editor, method):
    url = SPEAKERS if method == "POST" else f"{SPEAKERS}{world.minister.pk}/"
    body = speaker_body(DEFAULT_BODY_LIMIT + 1)

    result = problem(editor.generic(method, url, body, content_type="application/json"), 413)

    assert result["type"] == "/problems/payload-too-large"
    assert f"{DEFAULT_BODY_LIMIT} bytes" in result["detail"]
    assert not Speaker.objects.filter(name="Big").exists()


def test_a_body_at_the_default_limit_passes_the_size_check(db, editor):
    body = speaker_body(DEFAULT_BODY_LIMIT)

    response = editor.generic("POST", SPEAKERS, body, content_type="application/json")

    assert response.status_code == 201, response.content[:300]
    assert Speaker.objects.filter(name="Big").exists()


def test_django_s_own_bound_answers_413_too(db, editor, settings):
    # Were Django's bound ever lower than the API's, it would trip when DRF reads the body.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    result = problem(editor.generic("POST", SPEAKERS, speaker_body(2000), "application/json"), 413)

    assert "bytes" in result["detail"]


# --- 13: bodies without a Content-Length ---------------------------------------------------------


def chunked(client, method: str, url: str, body: bytes, **extra):
    """What a WSGI server hands Django for a chunked body: no CONTENT_LENGTH."""
    return client.generic(
        method,
        url,
        body,
        content_type="application/json",
        CONTENT_LENGTH="",
        HTTP_TRANSFER_ENCODING="chunked",
        **extra,
    )


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH"])
def test_a_chunked_body_is_refused_with_411_in_process(world, editor, method):
    url = SPEAKERS if method == "POST" else f"{SPEAKERS}{world.minister.pk}/"
    body = json.dumps({"name": "Chunky", "kind": "person", "description": "changed"}).encode()

    result = problem(chunked(editor, method, url, body), 411)

    assert result["type"] == "/problems/length-required"
    assert "Content-Length" in result["detail"]
    assert not Speaker.objects.filter(name="Chunky").exists()
    world.minister.refresh_from_db()
    assert world.minister.description != "changed"


@dataclass
class LiveGunicorn:
    port: int

    def request(self, method: str, path: str, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url() -> str:
    """The test database (which the test's writes are committed to), as DATABASE_URL."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{db['USER']}{password}@{host}/{db['NAME']}"


def _restore_groups() -> None:
    """The flush after a transactional test removes the migration's groups."""
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="statements", codename__in=codenames)
        )


@pytest.fixture
def gunicorn(transactional_db) -> Iterator[LiveGunicorn]:
    """The app under gunicorn (a real WSGI server, as in production) on a free local port,
    on the test database."""
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "SECRET_KEY": settings.SECRET_KEY,
    }
    env.pop("CACHE_URL", None)
    command = [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--log-level", "warning"]
    process = subprocess.Popen(  # noqa: S603
        command,
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    server = LiveGunicorn(port)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, "gunicorn exited at start"
            assert time.monotonic() < deadline, "gunicorn did not start in 60 s"
            try:
                if server.request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        _restore_groups()


def test_under_gunicorn_a_chunked_patch_is_a_411_and_changes_nothing(gunicorn):
    editor = UserFactory(username="chunk-editor", group=EDITORS)
    token = Token.objects.create(user=editor).key
    speaker = SpeakerFactory(name="Jane Roe", description="before")
    url = f"{SPEAKERS}{speaker.pk}/"
    status, headers, _ = gunicorn.request("GET", url, headers={"Authorization": f"Token {token}"})
    assert status == 200
    sent = {
        "Authorization": f"Token {token}",
        "Content-Type": "application/json",
        "If-Match": headers["ETag"],
    }
    body = json.dumps({"description": "after"}).encode()

    # An iterable body: http.client sends it chunked, with no Content-Length.
    status, headers, content = gunicorn.request("PATCH", url, body=iter([body]), headers=sent)

    assert status == 411, content
    assert headers["Content-Type"].startswith("application/problem+json")
    assert "Content-Length" in json.loads(content)["detail"]
    speaker.refresh_from_db()
    assert speaker.description == "before"

    # The same body with its length is read and applied.
    status, _, content = gunicorn.request("PATCH", url, body=body, headers=sent)
    assert status == 200, content
    speaker.refresh_from_db()
    assert speaker.description == "after"

    # And one over the limit is a 413 before it is read.
    status, _, content = gunicorn.request(
        "POST", SPEAKERS, body=speaker_body(DEFAULT_BODY_LIMIT + 1), headers=sent
    )
    assert status == 413, content


# --- 16: problem+json whatever DEBUG says; a landing page at / ---------------------------------


@pytest.fixture(params=[False, True], ids=["debug-off", "debug-on"])
def debug(request, settings):
    settings.DEBUG = request.param
    return request.param


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/no-such-resource/",
        "/api/v1/statements/not-an-id/",
        "/api/v1/speakers/999999/",
        "/api/",
        "/api/v1/statements/1/no-such-action/",
    ],
)
def test_unknown_api_urls_are_problem_404s_whatever_debug_says(db, debug, url):
    problem(Client().get(url, headers={"Accept": "text/html"}), 404)


def test_wrong_methods_are_problem_405s_whatever_debug_says(db, debug, editor):
    response = Client().post("/readyz")
    problem(response, 405)
    assert "GET" in response["Allow"]
    response = editor.put("/api/v1/statements/", {}, format="json")
    problem(response, 405)


def test_server_errors_are_problem_500s_whatever_debug_says(db, debug, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(views.SpeakerViewSet, "list", fail)
    client = Client(raise_request_exception=False)

    body = problem(client.get(SPEAKERS, headers={"Accept": "text/html"}), 500)

    assert "a bug" not in json.dumps(body)


def test_the_admin_keeps_its_own_pages(db, debug, admin_user):
    client = Client()
    client.force_login(admin_user)
    response = client.get("/admin/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_the_landing_page_says_what_this_is_and_links_everything(db, debug):
    response = Client().get("/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Attributed" in html
    for link in ("/api/v1/", "/api/docs/", "/api/redoc/", "/api/schema/", "/admin/"):
        assert f'href="{link}"' in html, link
    assert "http://" not in html
    assert "https://" not in html


def test_the_admin_view_site_link_leads_to_the_landing_page(db, admin_user):
    client = Client()
    client.force_login(admin_user)
    html = client.get("/admin/").content.decode()
    assert '<a href="/">View site</a>' in html
    assert client.get("/").status_code == 200


# --- 23: readiness checks the cache; a cache outage degrades --------------------------------------


@pytest.fixture
def redis_down(monkeypatch) -> Iterator[None]:
    monkeypatch.setattr(config.cache, "_down_until", {})  # as if the process just started
    with override_settings(CACHES={"default": cache_from_url(UNREACHABLE_REDIS)}):
        yield


def test_readyz_names_an_unreachable_cache(db, redis_down):
    body = problem(Client().get("/readyz"), 503)
    assert "cache" in body["detail"].lower()
    assert "127.0.0.1" not in body["detail"]


def test_api_calls_keep_answering_while_the_cache_is_down(
    world, redis_down, anon, editor, caplog, monkeypatch
):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": None})
    caplog.set_level(logging.WARNING, logger="config.cache")
    with override_settings(SEARCH_CACHE_SECONDS=300, API_COUNT_CACHE_THRESHOLD=1):
        # Throttling fails open: more requests than the rate allows are all answered.
        for _ in range(4):
            assert anon.get(SPEAKERS).status_code == 200
        # Search responses and counts are cached: without the cache they are computed.
        response = anon.get("/api/v1/search/", {"q": "troops"})
        assert response.status_code == 200, response.content
        assert anon.get("/api/v1/statements/", {"q": "troops"}).status_code == 200
        response = editor.post(SPEAKERS, {"name": "Cacheless", "kind": "person"}, format="json")
        assert response.status_code == 201, response.content
    assert "The cache is unreachable" in caplog.text


def test_readyz_is_ok_with_the_default_cache(db):
    assert Client().get("/readyz").status_code == 200


# --- 24: the client address behind proxies --------------------------------------------------------


@pytest.fixture
def two_per_minute(monkeypatch):
    cache.clear()
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": None})
    yield
    cache.clear()


def test_without_a_trusted_proxy_a_spoofed_forwarded_for_does_not_escape_the_rate_limit(
    db, two_per_minute
):
    client = APIClient()
    statuses = [
        client.get(SPEAKERS, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(1, 6)
    ]
    assert statuses[:2] == [200, 200]
    assert statuses[2:] == [429, 429, 429]


def test_behind_one_proxy_the_client_is_the_address_it_appended(db, two_per_minute, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    client = APIClient()

    def status(forwarded_for: str) -> int:
        return client.get(SPEAKERS, HTTP_X_FORWARDED_FOR=forwarded_for).status_code

    # What the client wrote first varies; what the proxy appended is the client.
    assert [status(f"10.9.9.{n}, 203.0.113.7") for n in range(1, 4)] == [200, 200, 429]
    assert status("10.9.9.1, 203.0.113.8") == 200


def test_trusted_proxy_count_sets_the_rate_limits_client_address():
    code = (
        "import django; django.setup();"
        "from rest_framework.settings import api_settings;"
        "print(api_settings.NUM_PROXIES)"
    )
    for count in ("0", "1"):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "TRUSTED_PROXY_COUNT": count,
        }
        output = subprocess.run(  # noqa: S603
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert output.stdout.strip() == count, output.stderr


def sign_in(client, password: str, forwarded_for: str):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "edna", "password": password},
        REMOTE_ADDR="192.0.2.1",  # the proxy
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_without_a_trusted_proxy_a_spoofed_forwarded_for_does_not_escape_the_lockout(
    editor_user, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    for n in range(1, 4):
        sign_in(client, "wrong", f"198.51.100.{n}")
    assert sign_in(client, "edna-Pa55word!", "198.51.100.9").status_code == 429


def test_behind_one_proxy_the_lockout_counts_the_address_it_appended(editor_user, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(1, 4):
        sign_in(Client(), "wrong", f"10.9.9.{n}, 203.0.113.7")
    assert sign_in(Client(), "edna-Pa55word!", "10.9.9.9, 203.0.113.7").status_code == 429
    # Another client behind the same proxy is not locked out by the first one's failures.
    assert sign_in(Client(), "edna-Pa55word!", "203.0.113.8").status_code == 302


# --- 25: Token and Bearer -------------------------------------------------------------------------


@pytest.mark.parametrize("keyword", ["Token", "Bearer", "bearer"])
def test_a_token_is_accepted_with_either_keyword(db, editor_user, keyword):
    client = APIClient()
    key = Token.objects.create(user=editor_user).key
    client.credentials(HTTP_AUTHORIZATION=f"{keyword} {key}")

    response = client.post(SPEAKERS, {"name": "Bearer", "kind": "person"}, format="json")

    assert response.status_code == 201, response.content


@pytest.mark.parametrize("keyword", ["Token", "Bearer"])
@pytest.mark.parametrize("credentials", ["not-a-real-token", "", "two words"])
def test_a_bad_token_is_a_401_with_either_keyword(db, keyword, credentials):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"{keyword} {credentials}".strip())

    body = problem(client.get(SPEAKERS), 401)

    assert "token" in body["detail"].lower()


def test_the_schema_describes_both_keywords(db):
    schema = Client().get("/api/schema/", {"format": "json"}).json()

    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"]["type"] == "apiKey"
    assert "Token <key>" in schemes["tokenAuth"]["description"]
    assert schemes["bearerAuth"]["type"] == "http"
    assert schemes["bearerAuth"]["scheme"] == "bearer"
    security = schema["paths"]["/api/v1/speakers/"]["post"]["security"]
    assert {"tokenAuth": []} in security
    assert {"bearerAuth": []} in security


# --- 28, 29: the first-run setup ------------------------------------------------------------------


def bootstrap() -> str:
    out = StringIO()
    call_command("bootstrap", stdout=out, stderr=StringIO())
    return out.getvalue()


HISTORY = [
    (Statement, "statements"),
    (Speaker, "speakers"),
    (Source, "sources"),
    (Attribution, "attributions"),
]


@pytest.mark.parametrize(("model", "resource"), HISTORY, ids=[name for _, name in HISTORY])
def test_every_seeded_object_s_history_starts_with_created(db, admin, model, resource):
    bootstrap()
    assert model.objects.exists()

    for pk in model.objects.values_list("pk", flat=True):
        response = admin.get(f"/api/v1/{resource}/{pk}/history/")
        assert response.status_code == 200, response.content
        entries = response.json()["results"]
        assert [entry["action"] for entry in entries] == ["created"], entries
        assert all(change["old"] is None for change in entries[0]["changes"])


def test_a_seeded_statement_s_created_entry_holds_its_topics(db, admin):
    bootstrap()
    statement = Statement.objects.filter(topics__isnull=False).distinct().first()
    topics = sorted(statement.topics.values_list("slug", flat=True))

    (entry,) = admin.get(f"/api/v1/statements/{statement.pk}/history/").json()["results"]

    changes = {change["field"]: change for change in entry["changes"]}
    assert changes["topics"] == {"field": "topics", "old": None, "new": topics}


def test_the_banner_s_password_command_works_outside_the_virtual_environment(db):
    output = bootstrap()
    (line,) = [line for line in output.splitlines() if "changepassword admin" in line]
    command = shlex.split(line.split("`")[1])
    assert command[-2:] == ["changepassword", "admin"]

    # A shell that has not activated any virtual environment: only the system's programs.
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }
    result = subprocess.run(  # noqa: S603
        [*command[:-1], "--help"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Change a user's password" in result.stdout


def test_the_readme_shows_the_banner_as_printed(db):
    readme = (ROOT / "README.md").read_text()
    # The README shows the command as `make run` prints it (with .venv's interpreter).
    output = bootstrap().replace(
        manage_command("changepassword", "admin"),
        ".venv/bin/python manage.py changepassword admin",
    )
    banner = output[output.index("=" * 72) :].strip().splitlines()
    sample = readme[readme.index("=" * 72, readme.index("### What `make run` prints")) :]
    sample = sample[: sample.index("```")].strip().splitlines()
    password = next(line for line in banner if line.strip().startswith("Password: "))
    assert sample == [line if line != password else "  Password: <generated>" for line in banner]
