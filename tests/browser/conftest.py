"""Real-browser tests of the admin: headless Chromium, driven by Playwright, against a live server.

The browser is Debian's ``chromium`` package (``scripts/install-browser.sh`` installs it);
Playwright only drives it through ``executable_path`` and never downloads a browser. Without
Chromium the tests skip, saying how to install it; under ``CI=true`` they fail instead, so CI
cannot pass while silently skipping them.

Each test gets a freshly flushed database holding the seed article and the editorial groups,
served by pytest-django's ``live_server`` (a thread of this process). Screenshots of the key
pages go to ``artifacts/screenshots/`` (git-ignored), named ``<test>-<step>.png``.
"""

import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command

from statements.roles import EDITORS, GROUP_PERMISSIONS
from tests.factories import UserFactory
from tests.helpers import NOT_LOCAL, SCREENSHOTS, SEED_FIXTURE

# The same words as scripts/install-browser.sh prints.
INSTALL_HINT = (
    "Chromium is not installed, so the browser tests cannot run. Install it with: "
    "sudo bash scripts/install-browser.sh (or: sudo apt-get install chromium)"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
TIMEOUT_MS = 10_000  # per browser step: a healthy step takes well under a second


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def chromium_path() -> str | None:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    return path if os.access(path, os.X_OK) else None


# Module-scoped: Playwright stops (and its event loop with it) once this module's tests are
# done, so the tests that run after them see a thread without an event loop again.
@pytest.fixture(scope="module")
def browser():
    """Headless Chromium for this module's tests; each test opens its own contexts."""
    executable = chromium_path()
    if executable is None:
        if in_ci():
            pytest.fail(f"CI=true and {INSTALL_HINT}", pytrace=False)
        pytest.skip(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an asyncio event loop in this (the main) thread from its
    # start to its stop, and the loop counts as running even while the test's own code runs.
    # Django's ORM refuses to run in a thread with a running event loop (`async_unsafe`
    # raises SynchronousOnlyOperation), so every ORM call of the tests and fixtures would be
    # refused. Nothing here is really async: the ORM calls are made between browser steps,
    # never concurrently with them, and the live server answers the browser from its own
    # thread with its own connections. So the check is turned off for as long as Playwright
    # runs (Django reads the variable at each call), and restored after.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@dataclass
class Site:
    """The live admin, and what its pages did wrong while the test ran."""

    url: str  # http://127.0.0.1:<port>, no trailing slash
    test_name: str
    browser: object
    problems: list[str] = field(default_factory=list)
    contexts: list = field(default_factory=list)

    def new_page(self):
        """A page in a new browser context: its own cookies, so its own signed-in user."""
        context = self.browser.new_context(
            base_url=self.url, viewport={"width": 1280, "height": 900}, locale="en-GB"
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.route(NOT_LOCAL, self._refuse_external)
        self.contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: self.problems.append(f"JavaScript error: {error}"))
        page.on("response", self._check_response)
        return page

    def sign_in(self, username: str, password: str):
        page = self.new_page()
        page.goto("/admin/login/?next=/admin/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_url(re.compile(r"/admin/$"))
        return page

    def screenshot(self, page, step: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.test_name}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    def _refuse_external(self, route) -> None:
        self.problems.append(f"request to another host: {route.request.url}")
        route.abort()

    def _check_response(self, response) -> None:
        # Every page and asset the admin loads must exist (a 404 on a script breaks it). The
        # favicon is the browser's own guess: the admin declares none.
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            self.problems.append(f"HTTP {response.status} for {response.url}")

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def ensure_editorial_groups() -> None:
    """The editors and reviewers groups, as migration 0002_roles creates them.

    The flush that ends each transactional test removes them (the permissions come back:
    the flush recreates them). Django's serialized rollback would restore them, but not
    here: while Playwright runs, the ORM in this thread gets a connection object of its own
    (asgiref's Local keeps connections per context when an event loop is running), and that
    object lacks the serialized copy of the database made when it was set up.
    """
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="statements", codename__in=codenames)
        )


@pytest.fixture(scope="module")
def leave_groups_as_migrated(django_db_blocker) -> Iterator[dict[str, bool]]:
    """After this module's tests, the groups again, for the tests that run next.

    Transactional tests run after the others, and a transactional test that signs up an
    editor (tests/test_api_conditional.py) expects the database as the migrations left it.
    This runs after the last test's flush (a module's fixtures outlive its tests' ones), and
    only when a test of the module used the test database.
    """
    state = {"flushed": False}
    yield state
    if state["flushed"]:
        with django_db_blocker.unblock():
            ensure_editorial_groups()


@pytest.fixture
def site(
    request, leave_groups_as_migrated, browser, live_server, transactional_db
) -> Iterator[Site]:
    """The admin served live, with the seed article and the editorial groups; fails the test
    if a page of it raised a JavaScript error, failed to load something, or reached for
    another host.

    Transactional: the server thread must see what the test writes, so the data is committed
    and the database flushed after the test.
    """
    leave_groups_as_migrated["flushed"] = True
    ensure_editorial_groups()
    call_command("loaddata", SEED_FIXTURE, verbosity=0)
    # 127.0.0.1 rather than the fixture's "localhost": no IPv6 detour.
    site = Site(
        url=f"http://127.0.0.1:{live_server.thread.port}",
        test_name=request.node.name,
        browser=browser,
    )
    try:
        yield site
    finally:
        site.close()
    assert not site.problems, "\n".join(site.problems)


# The users of tests/conftest.py, once the site (and so the groups they join) is ready.
@pytest.fixture
def editor_user(site, editor_user) -> User:
    return editor_user


@pytest.fixture
def reviewer_user(site, reviewer_user) -> User:
    return reviewer_user


@pytest.fixture
def second_editor_user(site) -> User:
    """Another editor ("eddie", password "eddie-Pa55word!")."""
    return UserFactory(username="eddie", group=EDITORS)


@pytest.fixture
def shot(site) -> Callable[..., Path]:
    return site.screenshot
