"""The reading view of a source in a real browser: every quote of the seed article
highlighted, a passage selected with the mouse becomes an attribution anchored exactly there,
and a quote typed with a straight apostrophe is stored with the body's curly one.

Fixtures (tests/browser/conftest.py): ``site`` serves the admin live with the seed article
loaded; ``shot`` saves a full-page screenshot to artifacts/screenshots/<test>-<step>.png.
"""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from statements import services
from statements.choices import SpeakerKind, StatementStatus
from statements.models import Attribution, Source, Speaker
from tests.browser.test_admin_browser import (
    EDITOR,
    SEED_SOURCE_PK,
    add_statement,
    save_and_continue,
)

pytestmark = pytest.mark.browser

READING = f"/admin/statements/source/{SEED_SOURCE_PK}/reading/"
# Words of the seed article that no attribution quotes yet (Austin's remark in Rome).
PASSAGE = "there is evidence of this deployment"


def select_with_the_mouse(page: Page, words: str, *, among: str | None = None) -> None:
    """Drag the mouse across ``words`` in the text (the first time they stand in the piece
    of text that holds ``among``), as an editor selects them."""
    segment = page.locator("#reading-text .segment", has_text=among or words).first
    # The words' box on the screen, measured with a Range over the segment's text.
    box = segment.evaluate(
        """(segment, [words, among]) => {
            const node = segment.firstChild;
            const at = node.data.indexOf(words, node.data.indexOf(among));
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
            const rects = range.getClientRects();
            const first = rects[0];
            const last = rects[rects.length - 1];
            return {x1: first.left + 1, y1: first.top + first.height / 2,
                    x2: last.right - 1, y2: last.top + last.height / 2};
        }""",
        [words, among or words],
    )
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=8)
    page.mouse.up()
    expect(page.locator("#quote-button")).to_be_visible()


def test_the_seed_article_reads_with_every_quote_highlighted(site, shot, editor_user) -> None:
    page = site.sign_in(*EDITOR)
    page.get_by_role("link", name="Sources").first.click()
    page.get_by_role("link", name="Read").first.click()
    expect(page).to_have_url(re.compile(rf"{READING}$"))
    attributions = Attribution.objects.filter(source_id=SEED_SOURCE_PK)
    expect(page.locator("mark.quote-start")).to_have_count(attributions.count())
    assert attributions.count() == 26
    expect(page.locator(".reading-summary")).to_contain_text("26 quotes highlighted")
    expect(page.locator(".reading-legend li").first).to_be_visible()
    shot(page, "1-reading-view")

    # Hovering shows who said it, how, and the statement.
    kirby = attributions.filter(speaker__name="John Kirby").order_by("quote_start").first()
    page.locator(f"#attribution-{kirby.pk}").hover()
    tooltip = page.locator("#reading-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("John Kirby")
    expect(tooltip).to_contain_text(kirby.statement.text[:40])
    shot(page, "2-hover")

    # Clicking a quote that others overlap offers each of them.
    denials = attributions.filter(quote_exact__startswith="Denials from Russia").order_by("pk")
    assert denials.count() == 2
    page.locator(f"#attribution-{denials[1].pk} .segment").click()
    menu = page.locator("#reading-choices")
    expect(menu.get_by_role("link")).to_have_count(2)
    shot(page, "3-overlapping-quotes")
    menu.get_by_role("link", name=denials[1].speaker.name).click()
    expect(page).to_have_url(re.compile(rf"/admin/statements/attribution/{denials[1].pk}/change/$"))

    # Clicking a quote of its own opens its attribution.
    page.go_back()
    page.locator(f"#attribution-{kirby.pk}").click()
    expect(page).to_have_url(re.compile(rf"/admin/statements/attribution/{kirby.pk}/change/$"))


def test_a_selected_passage_becomes_an_attribution_anchored_there(site, shot, editor_user) -> None:
    body = Source.objects.get(pk=SEED_SOURCE_PK).body
    assert body.count(PASSAGE) == 1
    page = site.sign_in(*EDITOR)
    page.goto(READING)
    select_with_the_mouse(page, PASSAGE)
    shot(page, "1-selected")
    page.locator("#quote-button").click()

    panel = page.locator("#quote-panel")
    expect(panel).to_be_visible()
    expect(page.locator("#id_quote_exact")).to_have_value(PASSAGE)
    start = body.index(PASSAGE)
    expect(page.locator("#id_quote_start")).to_have_value(str(start))
    expect(page.locator("#id_quote_prefix")).to_have_value(body[start - 32 : start])
    # The speaker's autocomplete is open, fed by the admin's own view.
    page.locator(".select2-container--open .select2-search__field").press_sequentially("Austin")
    page.locator(
        ".select2-container--open .select2-results__option", has_text="Lloyd Austin"
    ).click()
    page.select_option("#id_speech_act", "assertion")
    page.fill("#id_verb", "explaining")
    page.fill("#id_statement_text", "There is evidence of the deployment.")
    shot(page, "2-form")
    page.get_by_role("button", name="Save attribution").click()

    # Back on the reading view, the new quote highlighted where it was selected.
    attribution = Attribution.objects.get(statement__text="There is evidence of the deployment.")
    expect(page).to_have_url(re.compile(rf"{READING}#attribution-{attribution.pk}$"))
    expect(page.locator(".messagelist .success")).to_contain_text("added")
    new = page.locator(f"mark.quote[data-attribution='{attribution.pk}']")
    expect(new).to_have_text(PASSAGE)
    shot(page, "3-saved")
    assert (attribution.quote_start, attribution.quote_end) == (start, start + len(PASSAGE))
    assert attribution.quote_exact == PASSAGE
    assert attribution.speaker == Speaker.objects.get(name="Lloyd Austin")
    assert attribution.statement.status == StatementStatus.DRAFT
    assert attribution.statement.history.first().history_user == editor_user


def test_a_straight_apostrophe_is_anchored_on_the_curly_one(site, shot, editor_user) -> None:
    body = Source.objects.get(pk=SEED_SOURCE_PK).body
    typed = "North Korea's previous arms support"
    curly = typed.replace("'", "\u2019")
    assert typed not in body
    assert body.count(curly) == 1
    page = site.sign_in(*EDITOR)
    # A statement drafted with its attribution inline, the quote typed on a keyboard.
    add_statement(page, text="North Korea has supported Russia with arms.", quote=typed)
    save_and_continue(page)
    expect(page.locator(".messagelist .success")).to_contain_text("was added successfully")
    expect(page.locator(".field-quote_highlight mark")).to_have_text(curly)
    shot(page, "1-anchored")

    attribution = Attribution.objects.filter(quote_exact=curly).get()
    start = body.index(curly)
    assert (attribution.quote_start, attribution.quote_end) == (start, start + len(curly))
    # And it is highlighted in the reading view, which the attribution's page links to.
    page.get_by_role("link", name="Show in the reading view").click()
    expect(page.locator(f"mark.quote[data-attribution='{attribution.pk}']")).to_have_text(curly)


def test_a_refused_passage_keeps_the_panel_open_with_the_error(site, shot, editor_user) -> None:
    attributions = Attribution.objects.count()
    page = site.sign_in(*EDITOR)
    page.goto(READING)
    select_with_the_mouse(page, PASSAGE)
    page.locator("#quote-button").click()
    page.keyboard.press("Escape")  # closes the speaker's box, not the panel
    page.locator("#quote-panel input[name=statement_choice][value=existing]").check()
    expect(page.locator("#id_statement_text")).to_be_hidden()
    page.get_by_role("button", name="Save attribution").click()

    panel = page.locator("#quote-panel")
    expect(panel).to_be_visible()
    expect(panel.locator(".errornote")).to_be_visible()
    expect(panel.locator(".field-speaker .errorlist")).to_contain_text("required")
    expect(panel.locator(".field-statement .errorlist")).to_contain_text("Choose the statement")
    expect(page.locator("#id_quote_exact")).to_have_value(PASSAGE)
    shot(page, "1-refused")
    assert Attribution.objects.count() == attributions


def test_offsets_count_characters_as_the_body_does(site, shot, editor_user: User) -> None:
    """Characters outside the Basic Multilingual Plane are two units in the browser's
    strings and one in the body's offsets; a repeated passage is told apart by its context."""
    body = "Emoji 😀 one: it is done.\n\nEmoji 🎉 two: it is done, again."
    source = services.source_create(
        user=editor_user, title="Twice", url="https://news.example/twice", body=body
    )
    services.speaker_create(user=editor_user, name="Ada Lovelace", kind=SpeakerKind.PERSON)
    page = site.sign_in(*EDITOR)
    page.goto(f"/admin/statements/source/{source.pk}/reading/")
    select_with_the_mouse(page, "it is done", among="two:")
    page.locator("#quote-button").click()
    start = body.index("it is done", body.index("two:"))
    expect(page.locator("#id_quote_start")).to_have_value(str(start))
    page.locator(".select2-container--open .select2-search__field").press_sequentially("Ada")
    page.locator(
        ".select2-container--open .select2-results__option", has_text="Ada Lovelace"
    ).click()
    page.select_option("#id_speech_act", "assertion")
    page.get_by_role("button", name="Save attribution").click()
    expect(page.locator(".messagelist .success")).to_contain_text("added")
    shot(page, "1-saved")

    attribution = Attribution.objects.get(source=source)
    assert (attribution.quote_start, attribution.quote_end) == (start, start + len("it is done"))
    assert attribution.quote_prefix == body[start - 32 : start]
    expect(page.locator(f"mark.quote[data-attribution='{attribution.pk}']")).to_have_text(
        "it is done"
    )
