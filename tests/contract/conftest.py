"""A live server for the contract tests: the real HTTP stack, the seed article, a token.

pytest-django's ``live_server`` runs the app in a thread of the test process, on the test
database (SQLite or PostgreSQL, as ``DATABASE_URL`` says). Each test that asks for
``api_server`` gets the database freshly flushed and seeded, and a superuser's token.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from tests.contract.fuzzing import FUZZ_STATS
from tests.helpers import SEED_FIXTURE


@dataclass(frozen=True)
class LiveAPI:
    url: str  # e.g. http://127.0.0.1:38123, no trailing slash
    token: str  # an admin's (superuser's) API token

    @property
    def auth_header(self) -> dict[str, str]:
        return {"Authorization": f"Token {self.token}"}


@pytest.fixture
def api_server(live_server, django_db_reset_sequences) -> LiveAPI:
    """The app served over HTTP, with the seed article loaded and an admin's token.

    Transactional: the server thread must see what the test writes, so the data is
    committed and the database flushed after the test. The id sequences restart too, so
    that what a test creates gets the same ids whatever ran before it (the fuzzing is
    reproducible).
    """
    call_command("loaddata", SEED_FIXTURE, verbosity=0)
    # loaddata saves rows raw, past the services that keep the search index.
    call_command("rebuild_search_index", verbosity=0)
    admin = User.objects.create_superuser("contract-admin", password=None)
    token = Token.objects.create(user=admin)
    # 127.0.0.1 rather than the fixture's "localhost": no IPv6 detour for the clients.
    return LiveAPI(url=f"http://127.0.0.1:{live_server.thread.port}", token=token.key)


# --- The fuzzing summary, printed at the end of the session -----------------------------------


def pytest_terminal_summary(terminalreporter):
    stats = FUZZ_STATS
    if not stats.operations:
        return
    total = sum(stats.requests.values())
    terminalreporter.section("Schemathesis")
    terminalreporter.write_line(
        f"{len(stats.operations)} operations x {len(stats.requests) or 1} auth modes: "
        f"{total} requests answered as the schema says "
        f"({', '.join(f'{auth} {count}' for auth, count in sorted(stats.requests.items()))})"
    )
    terminalreporter.write_line(
        "status codes: "
        + ", ".join(f"{code}: {count}" for code, count in sorted(stats.statuses.items()))
    )
    terminalreporter.write_line(f"failing operations: {len(stats.failures)}")
    for operation, auth in sorted(stats.failures):
        terminalreporter.write_line(f"  {operation} ({auth})")
