"""Cross-origin requests (django-cors-headers): which origins may call the API from a
browser, what a preflight answers, and which headers a script may read."""

import pytest
from django.core import checks

pytestmark = pytest.mark.django_db

PARTNER = "https://newsroom.example"
STATEMENTS = "/api/v1/statements/"


@pytest.fixture
def partner_allowed(settings) -> None:
    settings.CORS_ALLOWED_ORIGINS = [PARTNER]


def preflight(client, path: str, *, method: str, headers: str, origin: str = PARTNER):
    return client.options(
        path,
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS=headers,
    )


def test_no_origin_is_allowed_by_default(anon, world):
    response = anon.get(STATEMENTS, HTTP_ORIGIN=PARTNER)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_an_allowed_origin_may_read_the_answer_and_its_headers(anon, world, partner_allowed):
    response = anon.get(f"{STATEMENTS}{world.claim.pk}/", HTTP_ORIGIN=PARTNER)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == PARTNER
    exposed = {
        name.strip().lower() for name in response["Access-Control-Expose-Headers"].split(",")
    }
    assert {"etag", "location", "retry-after", "content-disposition"} <= exposed
    assert "origin" in response["Vary"].lower()  # caches keep one answer per origin
    # Token authentication only: no cookies across origins.
    assert "Access-Control-Allow-Credentials" not in response


def test_another_origin_gets_no_permission(anon, world, partner_allowed):
    response = anon.get(STATEMENTS, HTTP_ORIGIN="https://elsewhere.example")

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_a_preflight_allows_a_conditional_token_write(anon, world, partner_allowed):
    response = preflight(
        anon,
        f"{STATEMENTS}{world.claim.pk}/",
        method="PATCH",
        headers="authorization, content-type, if-match",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == PARTNER
    assert "PATCH" in response["Access-Control-Allow-Methods"]
    allowed = {name.strip() for name in response["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "content-type", "if-match", "if-none-match"} <= allowed
    assert response["Access-Control-Max-Age"] == "86400"


def test_a_preflight_runs_no_query(anon, partner_allowed, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = preflight(anon, STATEMENTS, method="POST", headers="authorization")

    assert response.status_code == 200


def test_errors_are_readable_across_origins(anon, partner_allowed):
    """A script must be able to read a problem, or it cannot tell the user what went wrong."""
    missing = anon.get(f"{STATEMENTS}999999/", HTTP_ORIGIN=PARTNER)
    refused = anon.post(STATEMENTS, {}, format="json", HTTP_ORIGIN=PARTNER)

    assert missing.status_code == 404
    assert refused.status_code == 401
    for response in (missing, refused):
        assert response["Content-Type"] == "application/problem+json"
        assert response["Access-Control-Allow-Origin"] == PARTNER


def test_a_write_across_origins_answers_the_version_and_place(editor, world, partner_allowed):
    created = editor.post(
        "/api/v1/speakers/",
        {"name": "Ada Lovelace", "kind": "person"},
        format="json",
        HTTP_ORIGIN=PARTNER,
    )

    assert created.status_code == 201
    assert created["Access-Control-Allow-Origin"] == PARTNER
    assert created["Location"]
    assert created["ETag"]


def test_the_admin_is_never_cross_origin(superuser, partner_allowed):
    response = superuser.get("/admin/", HTTP_ORIGIN=PARTNER)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_an_origin_without_scheme_fails_the_system_checks(settings):
    settings.CORS_ALLOWED_ORIGINS = ["newsroom.example"]

    errors = [message.id for message in checks.run_checks() if message.id.startswith("corsheaders")]

    assert errors == ["corsheaders.E013"]
