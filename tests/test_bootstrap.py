"""`manage.py bootstrap`: the first-run setup behind `make run`."""

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import Client, RequestFactory

from statements.management.commands import bootstrap
from statements.models import Source, Speaker, Statement

PASSWORD_LINE = re.compile(r"^\s*Password: (\S+)\s*$", re.MULTILINE)


def run(*args: str) -> str:
    out = StringIO()
    call_command("bootstrap", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def no_fixture(tmp_path, monkeypatch):
    """Pretend the seed file is not there."""
    monkeypatch.setattr(bootstrap, "SEED_FIXTURE", tmp_path / "absent.json")


@pytest.mark.django_db
def test_creates_the_admin_with_a_working_password_printed_once(no_fixture):
    User = get_user_model()
    assert not User.objects.filter(is_superuser=True).exists()

    output = run()

    passwords = PASSWORD_LINE.findall(output)
    assert len(passwords) == 1, output
    password = passwords[0]
    assert len(password) >= 16
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    assert admin.is_staff
    request = RequestFactory().post("/admin/login/")
    assert authenticate(request, username="admin", password=password) == admin
    assert "/api/v1/" in output
    assert "/admin/" in output


@pytest.mark.django_db
def test_passwords_are_generated_not_fixed(no_fixture):
    first = PASSWORD_LINE.findall(run())
    get_user_model().objects.all().delete()
    second = PASSWORD_LINE.findall(run())
    assert first
    assert second
    assert first != second


@pytest.mark.django_db
def test_second_run_creates_nothing_and_prints_no_password():
    first = run()
    users = list(get_user_model().objects.values_list("pk", "password"))
    statements = Statement.objects.count()

    second = run()

    assert PASSWORD_LINE.search(first)
    assert not PASSWORD_LINE.search(second), second
    assert list(get_user_model().objects.values_list("pk", "password")) == users
    assert Statement.objects.count() == statements
    assert "changepassword admin" in second


@pytest.mark.django_db
def test_an_existing_superuser_is_kept(no_fixture):
    get_user_model().objects.create_superuser("owner", "", "Owner-Pa55word!")

    output = run()

    assert not PASSWORD_LINE.search(output)
    assert not get_user_model().objects.filter(username="admin").exists()
    assert "'owner'" in output


@pytest.mark.django_db
def test_missing_fixture_is_reported_and_setup_continues(no_fixture):
    output = run()

    assert "does not exist" in output
    assert Statement.objects.count() == 0
    assert get_user_model().objects.filter(username="admin", is_superuser=True).exists()


@pytest.mark.django_db
def test_host_and_port_appear_in_the_urls(no_fixture):
    output = run("--host", "0.0.0.0", "--port", "9001")  # noqa: S104 (only printed)

    assert "http://0.0.0.0:9001/api/v1/" in output
    assert "http://0.0.0.0:9001/api/docs/" in output
    assert "http://0.0.0.0:9001/api/redoc/" in output
    assert "http://0.0.0.0:9001/api/schema/" in output
    assert "http://0.0.0.0:9001/admin/" in output


@pytest.mark.django_db
def test_no_seed_loads_nothing():
    run("--no-seed")

    assert Statement.objects.count() == 0


@pytest.mark.django_db
def test_seed_is_loaded_with_history():
    if not bootstrap.SEED_FIXTURE.is_file():
        pytest.skip(f"{bootstrap.SEED_FIXTURE.name} is not written yet")

    output = run()

    assert "Seed: loaded" in output, output
    assert Statement.objects.exists()
    assert Speaker.objects.exists()
    assert Source.objects.exists()
    # Seeded rows get their initial history entry.
    for model in (Statement, Speaker, Source):
        assert model.history.count() >= model.objects.count()

    again = run()
    assert "nothing loaded" in again


@pytest.mark.django_db
def test_the_seeded_statements_are_searchable():
    if not bootstrap.SEED_FIXTURE.exists():
        pytest.skip("fixtures/seed_article.json is absent")
    run()
    response = Client().get("/api/v1/search/", {"q": "Kirby Vladivostok"})
    assert response.status_code == 200, response.content
    assert "<mark>Vladivostok</mark>" in response.json()["results"][0]["snippet"]
