"""The API called by a script on another origin, in a real browser that enforces CORS.

The live server answers on two origins: ``http://localhost:<port>`` serves the page whose
script calls the API, and ``http://127.0.0.1:<port>`` serves the API; the browser treats them
as different origins, as it would a newsroom's app and the product.
"""

import pytest
from rest_framework.authtoken.models import Token

from statements.models import Speaker

pytestmark = pytest.mark.browser

# Runs in the page: create a speaker, read it back, change it with If-Match; every header it
# reads must have been exposed to the script.
CONDITIONAL_WRITE = """
async ([api, token]) => {
  const auth = {"Authorization": `Token ${token}`, "Content-Type": "application/json"};
  const created = await fetch(`${api}/api/v1/speakers/`, {
    method: "POST", headers: auth, body: JSON.stringify({name: "Ada Lovelace", kind: "person"}),
  });
  const location = created.headers.get("Location");
  const read = await fetch(location, {headers: auth});
  const changed = await fetch(location, {
    method: "PATCH",
    headers: {...auth, "If-Match": read.headers.get("ETag")},
    body: JSON.stringify({description: "Mathematician"}),
  });
  const stale = await fetch(location, {
    method: "PATCH",
    headers: {...auth, "If-Match": read.headers.get("ETag")},
    body: JSON.stringify({description: "Poet"}),
  });
  return {
    created: created.status, location, read: read.status, etag: read.headers.get("ETag"),
    changed: changed.status, stale: stale.status, staleType: stale.headers.get("Content-Type"),
  };
}
"""

BLOCKED_READ = """
async (api) => {
  try {
    const response = await fetch(`${api}/api/v1/statements/`);
    return `read ${response.status}`;
  } catch (error) {
    return `blocked: ${error.name}`;
  }
}
"""


def partner_page(site):
    """A page on the other origin (the landing page, served at localhost)."""
    page = site.new_page()
    page.goto(site.url.replace("127.0.0.1", "localhost") + "/")
    return page


def test_an_allowed_origin_writes_conditionally_through_the_api(site, editor_user, settings):
    partner = site.url.replace("127.0.0.1", "localhost")
    settings.CORS_ALLOWED_ORIGINS = [partner]
    token = Token.objects.create(user=editor_user).key
    page = partner_page(site)

    result = page.evaluate(CONDITIONAL_WRITE, [site.url, token])

    assert result["created"] == 201
    assert result["location"].startswith(site.url + "/api/v1/speakers/")
    assert result["read"] == 200
    assert result["etag"]
    assert result["changed"] == 200
    assert result["stale"] == 412  # the problem is readable too
    assert result["staleType"] == "application/problem+json"
    site.problems.remove(f"HTTP 412 for {result['location']}")  # the one error it asked for
    assert Speaker.objects.get(name="Ada Lovelace").description == "Mathematician"


def test_an_origin_not_allowed_cannot_read_the_api(site):
    # CORS_ALLOWED_ORIGINS is empty, as by default.
    page = partner_page(site)

    assert page.evaluate(BLOCKED_READ, site.url) == "blocked: TypeError"
