"""Assertions, probes and paths shared by the tests (the data they need is built by
tests/factories.py)."""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
SEED_FIXTURE = ROOT / "fixtures" / "seed_article.json"
COMMITTED_SCHEMA = ROOT / "openapi.yaml"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"  # of the browser tests, git-ignored

# Anything a page would fetch from another host (a CDN, fonts): the browser tests abort it.
NOT_LOCAL = re.compile(r"^(?!(https?://(127\.0\.0\.1|localhost)(:\d+)?/|data:|blob:|about:))")

# --- The API ------------------------------------------------------------------------------------


def problem(response, status: int) -> dict:
    """Assert that ``response`` is a problem document of ``status``; return its body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json"), response["Content-Type"]
    body = response.json()
    assert set(body) >= {"type", "title", "status", "detail", "errors"}, body
    assert body["status"] == status
    return body


def error_fields(response) -> list[str | None]:
    return [error["field"] for error in response.json()["errors"]]


def pending_index_pages() -> int:
    """PostgreSQL: pages of the search index's GIN pending list, which every search reads
    whole. Merges the list: ask once per state."""
    from statements.search.postgres import merge_pending_list

    return merge_pending_list()


def write_form(attribution: dict) -> dict:
    """An attribution as read, in the form a write takes (related objects by id)."""
    quote = attribution["quote"]
    return {
        "speaker": attribution["speaker"]["id"],
        "source": attribution["source"]["id"],
        "mode": attribution["mode"],
        "speech_act": attribution["speech_act"],
        "verb": attribution["verb"],
        "speaker_role": attribution["speaker_role"],
        "on_behalf_of": (attribution["on_behalf_of"] or {}).get("id"),
        "occasion": attribution["occasion"],
        "stated_on": attribution["stated_on"],
        "quote": quote and {key: quote[key] for key in ("exact", "prefix", "suffix")},
    }


# --- The admin ----------------------------------------------------------------------------------

MODELS = ["speaker", "source", "topic", "statement", "attribution", "relation"]


def url(model: str, view: str, *args) -> str:
    return reverse(f"admin:statements_{model}_{view}", args=args)


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def listed(response) -> set:
    assert response.status_code == 200, response.content
    return set(response.context["cl"].result_list)


def queries_for(client, page_url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page_url)
    assert response.status_code == 200
    return len(queries)


class _RenderedForm(HTMLParser):
    """Collects what a browser would submit from the page's main form: the named inputs,
    selects and textareas as rendered, nothing that the page does not show."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None
        self._in_form = False

    def _add(self, name: str, value: str) -> None:
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if tag == "form" and attributes.get("method", "").lower() == "post":
            # The object's form ("speaker_form"), not the header's "logout-form".
            self._in_form = attributes.get("id", "").endswith("_form")
            return
        if not self._in_form:
            return
        name = attributes.get("name")
        if tag == "input" and name and "disabled" not in attributes:
            kind = attributes.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attributes:
                    self._add(name, attributes.get("value", "on"))
            elif kind not in ("submit", "button", "file", "image"):
                self._add(name, attributes.get("value", ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attributes:
            self._add(self._select, attributes.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False

    def handle_data(self, data: str) -> None:
        if self._textarea:
            values = self.data[self._textarea]
            # Browsers drop the one newline that follows <textarea>.
            values[-1] += data.removeprefix("\n") if not values[-1] else data


def form_data(response) -> dict:
    """What a browser submits from the admin form on ``response``, as it was rendered."""
    parser = _RenderedForm()
    parser.feed(response.content.decode())
    return {name: values if len(values) > 1 else values[0] for name, values in parser.data.items()}
