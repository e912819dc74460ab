"""The suggestions in a real browser: an editor pastes an article, accepts a suggested
attribution with one click and finds the draft statement; edits one (the speaker chosen by
autocomplete) before accepting it; rejects one.

Fixtures (tests/browser/conftest.py): ``site`` serves the admin live with the seed article
loaded and opens signed-in browser pages; ``shot`` saves a full-page screenshot to
artifacts/screenshots/<test>-<step>.png.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from statements.models import Source, Speaker, Statement, SuggestionDecision
from statements.suggestions.selectors import open_suggestions
from tests.browser.test_admin_browser import EDITOR, SEED_SOURCE_PK, choose
from tests.factories import SourceFactory
from tests.helpers import SCREENSHOTS

pytestmark = pytest.mark.browser

ARTICLE = (
    "Ministers met in Brussels on Monday to settle next year's budget.\n\n"
    "“We will not raise taxes this year,” said Maria Lopez, the finance minister, after "
    "the meeting. The opposition denied that the budget was balanced.\n\n"
    "Analysts warned that the deficit would grow."
)
QUOTE = "We will not raise taxes this year"


def suggestion(source: Source, exact: str) -> str:
    """The key of the source's open suggestion of these words."""
    return next(s.key for s in open_suggestions(source) if s.exact == exact)


def card(page: Page, key: str):
    return page.locator(f"#suggestions #suggestion-{key}")


def card_shot(site, locator, step: str) -> None:
    """A screenshot of one suggestion: the panel of the seed article is too long to read whole."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(SCREENSHOTS / f"{site.test_name}-{step}.png"))


def test_paste_an_article_accept_a_suggestion_find_the_draft(site, shot, editor_user) -> None:
    editor = site.sign_in(*EDITOR)
    editor.get_by_role("link", name="Sources", exact=True).click()
    editor.get_by_role("link", name="Paste an article").click()
    expect(editor).to_have_url(re.compile(r"/admin/statements/source/paste/$"))
    editor.fill("#id_title", "Budget talks in Brussels")
    editor.fill("#id_url", "https://news.example/budget-talks")
    editor.fill("#id_publisher", "Example News")
    editor.fill("#id_published_at", "2024-10-24")
    editor.fill("#id_body", ARTICLE)
    shot(editor, "1-paste-form")
    editor.get_by_role("button", name="Save and suggest attributions").click()

    # The source is saved, and its suggestions open.
    expect(editor.locator(".messagelist .success")).to_contain_text("was added")
    source = Source.objects.get(title="Budget talks in Brussels")
    key = suggestion(source, QUOTE)
    lopez = card(editor, key)
    expect(lopez.locator(".suggestion-speaker")).to_have_text("new: Maria Lopez (person)")
    expect(lopez.locator("mark")).to_have_text(QUOTE)
    shot(editor, "2-suggestions")

    # One click: a draft statement with the anchored attribution.
    lopez.get_by_role("button", name=re.compile(r"^Accept: new: Maria Lopez")).click()
    success = editor.locator(".messagelist .success")
    expect(success).to_contain_text("Accepted: the draft statement")
    expect(card(editor, key)).to_have_count(0)
    shot(editor, "3-accepted")
    statement = Statement.objects.get(attributions__source=source)
    attribution = statement.attributions.get()
    assert attribution.quote_exact == QUOTE
    assert (attribution.quote_start, attribution.quote_end) == (
        ARTICLE.index(QUOTE),
        ARTICLE.index(QUOTE) + len(QUOTE),
    )
    assert attribution.speaker.name == "Maria Lopez"

    # The message links to the draft; the statements' list shows it among the drafts.
    success.get_by_role("link").click()
    expect(editor).to_have_url(re.compile(rf"/admin/statements/statement/{statement.pk}/change/$"))
    expect(editor.locator(".field-status .readonly")).to_have_text("Draft")
    editor.goto("/admin/statements/statement/?status__exact=draft")
    expect(editor.locator("#result_list")).to_contain_text(QUOTE)
    shot(editor, "4-statements-list")


def test_edit_then_accept_and_reject_in_the_reading_view(site, shot, editor_user) -> None:
    # The seed article's text as a new source: the seed's own has every quote attributed.
    seed = Source.objects.get(pk=SEED_SOURCE_PK)
    source = SourceFactory(title=seed.title, body=seed.body)
    by_new_speaker = next(s for s in open_suggestions(source) if s.speaker_id is None)
    to_reject = next(
        s for s in open_suggestions(source) if s.speaker_id and s.key != by_new_speaker.key
    )
    editor = site.sign_in(*EDITOR)
    editor.goto(f"/admin/statements/source/{source.pk}/reading/")

    # Edit: another speaker, by autocomplete, and another speech act; then accept.
    edited = card(editor, by_new_speaker.key)
    edited.locator("summary", has_text="Edit, then accept").click()
    prefix = f"id_suggestion_{by_new_speaker.key}"
    expect(edited.locator(f"#select2-{prefix}_speaker-container")).to_contain_text(
        "new: Unattributed reports (unnamed)"
    )
    card_shot(site, edited, "1-edit-opened")
    choose(editor, f"{prefix}_speaker", "Kirby", "John Kirby")
    editor.select_option(f"#{prefix}_speech_act", "warning")
    editor.fill(f"#{prefix}_verb", "warned")
    card_shot(site, edited, "2-edited")
    edited.get_by_role("button", name="Accept with these changes").click()
    expect(editor.locator(".messagelist .success")).to_contain_text("said by John Kirby")
    attribution = SuggestionDecision.objects.get(key=by_new_speaker.key).statement.attributions
    assert attribution.get().speaker == Speaker.objects.get(name="John Kirby")
    assert (attribution.get().speech_act, attribution.get().verb) == ("warning", "warned")
    # Back in the reading view, the accepted quote is highlighted in the text.
    expect(editor.locator(f"mark#attribution-{attribution.get().pk}")).to_be_visible()

    # Reject: remembered, and gone from the panel.
    card(editor, to_reject.key).get_by_role("button", name=re.compile(r"^Reject:")).click()
    expect(editor.locator(".messagelist .success")).to_contain_text("will not be suggested again")
    expect(card(editor, to_reject.key)).to_have_count(0)
    assert SuggestionDecision.objects.get(key=to_reject.key).decision == "rejected"
    shot(editor, "3-rejected")
