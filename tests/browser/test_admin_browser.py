"""The admin in a real browser: an editor drafts a statement whose quote is anchored in the
seed article, a reviewer publishes it, the public API shows it, and a stale save is refused.

Fixtures (tests/browser/conftest.py): ``site`` serves the admin live with the seed article
loaded and opens signed-in browser pages; ``shot`` saves a full-page screenshot to
artifacts/screenshots/<test>-<step>.png.
"""

import json
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from statements import services
from statements.choices import AttributionMode, SpeechAct, StatementStatus
from statements.models import Attribution, Source, Speaker, Statement

pytestmark = pytest.mark.browser

EDITOR = ("edna", "edna-Pa55word!")
SECOND_EDITOR = ("eddie", "eddie-Pa55word!")
REVIEWER = ("rita", "rita-Pa55word!")

SEED_SOURCE_PK = 1
SEED_SOURCE_TITLE = "Thousands of North Korean Troops Reportedly Deployed to Russia"
# Words that stand exactly once in the seed article's body (Austin on the deployment), with
# its typographic quotes and apostrophe: the quote must match the body character for character.
QUOTE = "described this deployment as a “next step” following North Korea’s previous arms support"  # noqa: RUF001
NEW_TEXT = "North Korea’s deployment of troops to Russia is a next step after its arms support."  # noqa: RUF001


def choose(page: Page, select_id: str, term: str, option: str) -> None:
    """Pick ``option`` in an autocomplete (select2) field as a user does: open it, type,
    click the suggestion the server returns."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").press_sequentially(term)
    page.locator(".select2-container--open .select2-results__option", has_text=option).click()
    expect(page.locator(f"#select2-{select_id}-container")).to_contain_text(option)


def add_statement(page: Page, *, text: str, quote: str) -> None:
    """From the admin index to a filled "Add statement" form with one attribution."""
    page.get_by_role("link", name="Statements", exact=True).click()
    page.get_by_role("link", name="Add statement").click()
    expect(page).to_have_url(re.compile(r"/admin/statements/statement/add/$"))
    page.fill("#id_text", text)
    prefix = "id_attributions-0"
    choose(page, f"{prefix}-speaker", "Austin", "Lloyd Austin")
    choose(page, f"{prefix}-source", "Thousands", SEED_SOURCE_TITLE)
    page.select_option(f"#{prefix}-mode", AttributionMode.DIRECT_QUOTE.value)
    page.select_option(f"#{prefix}-speech_act", SpeechAct.ASSERTION.value)
    page.fill(f"#{prefix}-verb", "described")
    page.fill(f"#{prefix}-speaker_role", "US defence secretary")
    page.fill(f"#{prefix}-occasion", "press briefing in Rome")
    page.fill(f"#{prefix}-quote_exact", quote)


def save_and_continue(page: Page) -> None:
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()


def api_get(site, path: str) -> tuple[int, dict]:
    """An anonymous request to the live API: no cookie, no token."""
    try:
        with urllib.request.urlopen(f"{site.url}{path}", timeout=10) as response:  # noqa: S310
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def statement_id(page: Page) -> int:
    match = re.search(r"/admin/statements/statement/(\d+)/change/$", page.url)
    assert match, page.url
    return int(match.group(1))


def test_editor_drafts_reviewer_publishes_public_reads(
    site, shot, editor_user, reviewer_user
) -> None:
    # The editor signs in and drafts a statement with its attribution inline.
    editor = site.sign_in(*EDITOR)
    add_statement(editor, text=NEW_TEXT, quote=QUOTE)
    shot(editor, "1-editor-add-form")
    save_and_continue(editor)

    # Saved as a draft, with the quote anchored and highlighted in the source's text.
    pk = statement_id(editor)
    expect(editor.locator(".messagelist .success")).to_contain_text("was added successfully")
    expect(editor.locator(".field-status .readonly")).to_have_text("Draft")
    expect(editor.locator(".field-quote_highlight mark")).to_have_text(QUOTE)
    shot(editor, "2-editor-saved-draft")
    editor.goto(f"/admin/statements/statement/{pk}/change/")
    expect(editor.get_by_role("button", name="Publish")).to_have_count(0)  # not an editor's

    statement = Statement.objects.get(pk=pk)
    assert (statement.text, statement.status) == (NEW_TEXT, StatementStatus.DRAFT)
    attribution = statement.attributions.get()
    body = Source.objects.get(pk=SEED_SOURCE_PK).body
    assert body.count(QUOTE) == 1
    assert (attribution.quote_start, attribution.quote_end) == (
        body.index(QUOTE),
        body.index(QUOTE) + len(QUOTE),
    )
    assert attribution.speaker == Speaker.objects.get(name="Lloyd Austin")
    assert statement.history.first().history_user == editor_user

    # The public does not see a draft.
    assert api_get(site, f"/api/v1/statements/{pk}/")[0] == 404

    # The reviewer, in a browser of their own, publishes it from the list.
    reviewer = site.sign_in(*REVIEWER)
    reviewer.goto("/admin/statements/statement/?status__exact=draft")
    reviewer.locator(f"input.action-select[value='{pk}']").check()
    reviewer.select_option("select[name=action]", "publish")
    shot(reviewer, "3-reviewer-publish-selected")
    reviewer.locator("button[name=index]").click()
    expect(reviewer.locator(".messagelist .success")).to_have_text("Published 1 statement.")
    shot(reviewer, "4-reviewer-published")

    reviewer.goto(f"/admin/statements/statement/{pk}/change/")
    expect(reviewer.locator(".field-status .readonly")).to_have_text("Published")
    shot(reviewer, "5-reviewer-statement-page")

    statement.refresh_from_db()
    assert statement.status == StatementStatus.PUBLISHED
    assert statement.history.first().history_user == reviewer_user

    # Now the public reads it, with its attribution.
    status, data = api_get(site, f"/api/v1/statements/{pk}/")
    assert status == 200, data
    assert (data["status"], data["text"]) == ("published", NEW_TEXT)
    assert [a["speaker"]["name"] for a in data["attributions"]] == ["Lloyd Austin"]


def test_a_quote_absent_from_the_source_is_refused_and_nothing_saved(
    site, shot, editor_user
) -> None:
    statements, attributions = Statement.objects.count(), Attribution.objects.count()
    editor = site.sign_in(*EDITOR)
    add_statement(editor, text="A statement whose quote nobody wrote.", quote="a million troops")
    save_and_continue(editor)

    expect(editor).to_have_url(re.compile(r"/admin/statements/statement/add/$"))
    expect(editor.locator(".errornote")).to_be_visible()
    expect(editor.locator(".field-quote_exact .errorlist")).to_contain_text("not found")
    # What the editor typed is still there to correct.
    expect(editor.locator("#id_attributions-0-quote_exact")).to_have_value("a million troops")
    expect(editor.locator("#select2-id_attributions-0-speaker-container")).to_contain_text(
        "Lloyd Austin"
    )
    shot(editor, "1-quote-not-found")

    assert (Statement.objects.count(), Attribution.objects.count()) == (statements, attributions)
    assert not Statement.objects.filter(text__startswith="A statement whose quote").exists()


@pytest.fixture
def draft(editor_user) -> Statement:
    return services.statement_create(
        user=editor_user,
        text="North Korea has sent troops to Russia.",
        attributions=[
            {
                "speaker": Speaker.objects.get(name="John Kirby"),
                "source": Source.objects.get(pk=SEED_SOURCE_PK),
                "mode": AttributionMode.PARAPHRASE,
                "speech_act": SpeechAct.ASSERTION,
                "verb": "stated",
                "quote_exact": "these soldiers arrived in Vladivostok by ship in October",
            }
        ],
    )


def test_a_stale_save_is_refused(site, shot, draft, editor_user, second_editor_user) -> None:
    page_url = f"/admin/statements/statement/{draft.pk}/change/"
    first, second = site.sign_in(*EDITOR), site.sign_in(*SECOND_EDITOR)
    first.goto(page_url)
    second.goto(page_url)

    first.fill("#id_text", "The first editor's text.")
    save_and_continue(first)
    expect(first.locator(".messagelist .success")).to_contain_text("was changed successfully")
    shot(first, "1-first-editor-saved")

    second.fill("#id_text", "The second editor's text.")
    save_and_continue(second)
    expect(second.locator(".errornote")).to_be_visible()
    expect(second.locator(".errorlist.nonfield")).to_contain_text(
        "Someone else saved this statement after you opened it"
    )
    expect(second.locator("#id_text")).to_have_value("The second editor's text.")
    shot(second, "2-second-editor-refused")
    draft.refresh_from_db()
    assert draft.text == "The first editor's text."

    # Reloaded, the page shows the first editor's version, and a save from it goes through.
    second.goto(page_url)
    expect(second.locator("#id_text")).to_have_value("The first editor's text.")
    second.fill("#id_text", "The second editor's text, after reloading.")
    save_and_continue(second)
    expect(second.locator(".messagelist .success")).to_contain_text("was changed successfully")
    draft.refresh_from_db()
    assert draft.text == "The second editor's text, after reloading."
    assert draft.history.first().history_user == second_editor_user


def test_reviewer_publishes_with_the_button_on_the_statement_page(
    site, shot, draft, reviewer_user
) -> None:
    reviewer = site.sign_in(*REVIEWER)
    reviewer.goto(f"/admin/statements/statement/{draft.pk}/change/")
    expect(reviewer.locator(".field-status .readonly")).to_have_text("Draft")
    reviewer.get_by_role("button", name="Publish").click()

    expect(reviewer).to_have_url(re.compile(rf"/admin/statements/statement/{draft.pk}/change/$"))
    expect(reviewer.locator(".messagelist .success")).to_have_text("Published 1 statement.")
    expect(reviewer.locator(".field-status .readonly")).to_have_text("Published")
    expect(reviewer.get_by_role("button", name="Publish")).to_have_count(0)
    expect(reviewer.get_by_role("button", name="Retract…")).to_be_visible()
    shot(reviewer, "1-published-from-its-page")
    draft.refresh_from_db()
    assert draft.status == StatementStatus.PUBLISHED
    assert api_get(site, f"/api/v1/statements/{draft.pk}/")[0] == 200


def test_the_speaker_filter_is_an_autocomplete_box(site, shot, editor_user):
    """The statements' list filters by a speaker chosen in the sidebar's select2 box, which
    asks the admin's autocomplete view as the user types (the admin's own scripts, nothing
    from another host): the list then holds that speaker's statements only."""
    editor = site.sign_in(*EDITOR)
    editor.goto("/admin/statements/statement/")
    box = "filter_attributions__speaker__id__exact"
    # The sidebar lists no speaker: the box asks for them.
    expect(editor.locator("#changelist-filter")).not_to_contain_text("Lloyd Austin")
    editor.locator(f"#{box} + .select2 .select2-selection").click()
    editor.locator(".select2-container--open .select2-search__field").press_sequentially("Kirb")
    editor.locator(
        ".select2-container--open .select2-results__option", has_text="John Kirby"
    ).click()
    kirby = Speaker.objects.get(name="John Kirby")
    editor.wait_for_url(re.compile(rf"attributions__speaker__id__exact={kirby.pk}"))
    shot(editor, "1-filtered-by-speaker")
    expect(editor.locator(f"#select2-{box}-container")).to_contain_text("John Kirby")
    made = Statement.objects.filter(attributions__speaker=kirby).distinct()
    rows = editor.locator("#result_list tbody tr")
    expect(rows).to_have_count(made.count())
    # A second filter keeps the first; "All" clears the speaker and keeps the other.
    editor.get_by_role("link", name="Published").click()
    expect(editor).to_have_url(re.compile(r"status__exact=published"))
    expect(editor).to_have_url(re.compile(rf"attributions__speaker__id__exact={kirby.pk}"))
    editor.locator("details[data-filter-title='speaker']").get_by_role("link", name="All").click()
    expect(editor).not_to_have_url(re.compile(r"attributions__speaker"))
    expect(editor).to_have_url(re.compile(r"status__exact=published"))
    expect(rows).to_have_count(Statement.objects.filter(status=StatementStatus.PUBLISHED).count())
