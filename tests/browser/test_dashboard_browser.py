"""The admin's front page in a real browser: the dashboard's charts and lists over the seed
article and a few drafts, its bars leading to the lists they count, and the models still
listed below.

Fixtures (tests/browser/conftest.py): ``site`` serves the admin live with the seed article;
``shot`` saves a full-page screenshot to artifacts/screenshots/<test>-<step>.png.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from statements import services
from statements.choices import AttributionMode, SpeechAct
from statements.models import Attribution, Speaker, Statement
from tests.factories import AttributionFieldsFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.browser

EDITOR = ("edna", "edna-Pa55word!")
REVIEWER = ("rita", "rita-Pa55word!")


def some_work(editor_user, reviewer_user) -> None:
    """Drafts by the editor (one quoting a source without a body, so not anchored), and a
    seed statement retracted by the reviewer."""
    austin = Speaker.objects.get(name="Lloyd Austin")
    for number, act in enumerate([SpeechAct.WARNING, SpeechAct.DENIAL, SpeechAct.PROJECTION]):
        StatementFactory(
            user=editor_user,
            text=f"A draft the editor is writing, number {number + 1}.",
            attributions=[AttributionFieldsFactory(speaker=austin, speech_act=act)],
        )
    StatementFactory(
        user=editor_user,
        text="A quote from a source whose text is not in yet.",
        attributions=[
            AttributionFieldsFactory(
                speaker=austin,
                source=SourceFactory(title="Briefing, text to come"),
                mode=AttributionMode.DIRECT_QUOTE,
                quote_exact="We will respond.",
            )
        ],
    )
    services.statement_retract(
        statement=Statement.objects.order_by("id").first(),
        user=reviewer_user,
        reason="The source corrected its report.",
    )


def weeks_of_work(reviewer_user) -> None:
    """Statements made over the last weeks, most of them published: the charts' columns."""
    speakers = list(Speaker.objects.order_by("id")[:6])
    acts = [SpeechAct.ASSERTION, SpeechAct.ASSERTION, SpeechAct.WARNING, SpeechAct.DENIAL]
    now = timezone.now()
    for week in range(1, 12):
        for number in range(week % 4 + 2):
            statement = StatementFactory(
                attributions=[
                    AttributionFieldsFactory(
                        speaker=speakers[(week + number) % len(speakers)],
                        speech_act=acts[(week * number) % len(acts)],
                    )
                ]
            )
            if number:
                services.statement_publish(statement=statement, user=reviewer_user)
            # Back-dated as though made that week (the services stamp the time of the call).
            made = now - dt.timedelta(weeks=week)
            Statement.objects.filter(pk=statement.pk).update(created_at=made)
            Attribution.objects.filter(statement=statement).update(created_at=made)


def test_the_dashboard_shows_the_work_and_leads_to_it(
    site, shot, editor_user, reviewer_user
) -> None:
    some_work(editor_user, reviewer_user)
    weeks_of_work(reviewer_user)
    page = site.sign_in(*EDITOR)

    for heading in [
        "Drafts awaiting review 15",
        "My drafts 4",
        "Recently published",
        "Recently retracted",
        "Quotes not found in their source 1",
    ]:
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.locator("#dashboard-unanchored li")).to_contain_text("We will respond.")
    expect(page.locator("#dashboard-retracted li")).to_contain_text("corrected its report")
    expect(page.locator("svg.chart")).to_have_count(3)
    expect(page.locator("#dashboard-speakers svg text", has_text="Lloyd Austin")).to_be_visible()
    # The models are still listed.
    expect(page.get_by_role("link", name="Statements", exact=True)).to_be_visible()
    shot(page, "1-dashboard")

    # A speaker's bar opens their statements.
    austin = Speaker.objects.get(name="Lloyd Austin")
    page.locator("#dashboard-speakers a").first.click()
    expect(page).to_have_url(re.compile(rf"attributions__speaker__id__exact={austin.pk}$"))
    # A week's segment opens that week's statements of that status.
    page.go_back()
    page.locator("#dashboard-per-week a[aria-label^='Published']").first.click()
    expect(page).to_have_url(re.compile(r"status__exact=published&created_at__gte="))
    expect(page.locator("#result_list tbody tr")).not_to_have_count(0)

    # The dark theme draws the same charts, legible.
    dark = site.sign_in(*REVIEWER)
    dark.emulate_media(color_scheme="dark")
    dark.reload()
    expect(dark.locator("svg.chart")).to_have_count(3)
    shot(dark, "2-dashboard-dark")
