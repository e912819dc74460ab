"""Speakers in a real browser: an editor adds a membership inline on John Kirby's page and
his attributions' role at the time follows; a reviewer merges a duplicate "John F. Kirby"
into him with the list's action, and the API redirects the old id.

Fixtures (tests/browser/conftest.py): ``site`` serves the admin live with the seed article;
``shot`` saves a full-page screenshot to artifacts/screenshots/<test>-<step>.png.
"""

import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from statements.models import Attribution, Membership, Speaker, SpeakerRedirect
from tests.browser.test_admin_browser import EDITOR, REVIEWER, choose
from tests.factories import SpeakerFactory

pytestmark = pytest.mark.browser

KIRBY = 3


def test_an_editor_adds_a_membership_inline(site, shot, editor_user):
    page = site.sign_in(*EDITOR)
    page.goto(f"/admin/statements/speaker/{KIRBY}/change/")
    inline = page.locator("#memberships-group")
    expect(inline).to_contain_text("White House national security spokesman")
    shot(page, "inline")
    # The White House role moved after the article's day, a new one that held on it.
    page.fill("#id_memberships-0-start", "2024-11")
    inline.locator(".add-row a").click()
    page.fill("#id_memberships-1-role", "Rear admiral, Pentagon press secretary")
    choose(page, "id_memberships-1-organization", "United", "United States")
    page.fill("#id_memberships-1-start", "2021")
    page.fill("#id_memberships-1-end", "2024-12")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    created = Membership.objects.get(role="Rear admiral, Pentagon press secretary")
    roles = set(
        Attribution.objects.filter(speaker_id=KIRBY).values_list("role_at_the_time", flat=True)
    )
    assert roles == {created.pk}
    # A bad partial date: shown on the inline's row, nothing saved.
    page.goto(f"/admin/statements/speaker/{KIRBY}/change/")
    page.fill("#id_memberships-0-end", "soon")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#memberships-group")).to_contain_text("Enter a year")
    shot(page, "bad-date")
    assert sorted(Membership.objects.filter(person_id=KIRBY).values_list("end", flat=True)) == [
        "2024-12",
        "2025-01",
    ]


def test_a_reviewer_merges_a_duplicate_with_the_action(site, shot, reviewer_user):
    duplicate = SpeakerFactory(name="John F. Kirby", kind="person", aliases=["Admiral Kirby"])
    page = site.sign_in(*REVIEWER)
    page.goto("/admin/statements/speaker/?q=Kirby")
    page.locator(f"input[name=_selected_action][value='{KIRBY}']").check()
    page.locator(f"input[name=_selected_action][value='{duplicate.pk}']").check()
    page.select_option("select[name=action]", "merge")
    page.locator(".actions button[name=index]").click()
    expect(page.locator("h1")).to_contain_text("Merge speakers")
    page.get_by_label(re.compile(rf"#{KIRBY} John Kirby")).check()
    shot(page, "confirm")
    page.get_by_role("button", name="Merge").click()
    expect(page.locator(".messagelist")).to_contain_text("now redirects to it")
    shot(page, "merged")
    assert SpeakerRedirect.objects.get(old_id=duplicate.pk).speaker_id == KIRBY
    assert "Admiral Kirby" in Speaker.objects.get(pk=KIRBY).aliases

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirects)
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(f"{site.url}/api/v1/speakers/{duplicate.pk}/")
    assert answer.value.code == 308
    assert answer.value.headers["Location"] == f"{site.url}/api/v1/speakers/{KIRBY}/"
