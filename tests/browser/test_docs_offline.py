"""The API's documentation pages in a real browser, with every request to another host
blocked: they render whole from this server alone (no CDN, no web fonts, no logo)."""

import re

import pytest
from playwright.sync_api import expect

from tests.helpers import NOT_LOCAL, SCREENSHOTS

pytestmark = pytest.mark.browser


def open_offline(site, path: str):
    """The page at ``path``, every off-host request recorded and aborted; returns both."""
    page = site.new_page()
    attempted: list[str] = []

    def refuse(route) -> None:
        attempted.append(route.request.url)
        route.abort()

    page.route(NOT_LOCAL, refuse)
    page.goto(path)
    return page, attempted


def screenshot(site, page, step: str) -> None:
    """The first screen only: a full page of every operation takes the browser too long."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{site.test_name}-{step}.png"))


def test_redoc_renders_without_reaching_another_host(site):
    page, attempted = open_offline(site, "/api/redoc/")

    expect(page.locator("h1", has_text="Attributed API")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("List statements", exact=False).first).to_be_attached()
    # The sidebar's footer, where Redoc puts a logo from its CDN, is drawn.
    expect(page.get_by_text("API docs by Redocly")).to_be_attached()
    page.wait_for_load_state("networkidle")
    screenshot(site, page, "redoc")

    assert attempted == []
    assert page.locator("img[src^='http']").count() == 0


def test_swagger_ui_renders_without_reaching_another_host(site):
    page, attempted = open_offline(site, "/api/docs/")

    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Attributed API")
    expect(page.locator(".opblock").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    screenshot(site, page, "swagger-ui")

    assert attempted == []
    images = page.locator("img").evaluate_all("images => images.map(image => image.src)")
    assert not [src for src in images if re.match(r"https?://", src) and NOT_LOCAL.match(src)]
