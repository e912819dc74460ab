"""Authentication: API tokens (issued, rotated, revoked) and brute-force protection of the
admin sign-in."""

import io

import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.helpers import problem


def token_command(*args) -> str:
    out = io.StringIO()
    call_command("api_token", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def client_with(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_tokens_are_issued_rotated_and_revoked(editor_user, world):
    key = token_command("edna")
    assert key == token_command("edna")  # stable until rotated
    draft = f"/api/v1/statements/{world.draft.pk}/"
    assert client_with(key).get(draft).status_code == 200

    rotated = token_command("edna", "--rotate")
    assert rotated != key
    problem(client_with(key).get(draft), 401)
    assert client_with(rotated).get(draft).status_code == 200

    token_command("edna", "--revoke")
    assert not Token.objects.filter(user=editor_user).exists()
    problem(client_with(rotated).get(draft), 401)


def test_the_token_command_names_unknown_users(db):
    with pytest.raises(CommandError, match='No user is named "ghost"'):
        token_command("ghost")


def test_admin_sign_in_is_locked_after_repeated_failures(editor_user, client, settings):
    settings.AXES_FAILURE_LIMIT = 3

    def sign_in(password):
        return client.post(
            "/admin/login/?next=/admin/",
            {"username": "edna", "password": password},
            REMOTE_ADDR="203.0.113.9",
        )

    for _ in range(2):
        assert sign_in("wrong").status_code == 200  # the form again, with an error
    locked = sign_in("wrong")
    assert locked.status_code == 429
    # Locked out: even the right password is refused now.
    assert sign_in("edna-Pa55word!").status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_successful_sign_in_resets_the_count(editor_user, client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    credentials = {"username": "edna"}
    for password in ("wrong", "wrong", "edna-Pa55word!", "wrong", "wrong"):
        response = client.post("/admin/login/", {**credentials, "password": password})
        assert response.status_code in (200, 302)
    assert (
        client.post("/admin/login/", {**credentials, "password": "edna-Pa55word!"}).status_code
        == 302
    )
