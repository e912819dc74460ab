"""The admin's front page as a dashboard: each section lists the right records, for the users
who may see them, in a bounded number of queries; the charts draw the right numbers, escaped."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from statements import dashboard, services
from statements.admin import charts
from statements.choices import AttributionMode, SpeechAct, StatementStatus
from statements.models import Attribution
from tests.factories import (
    AttributionFactory,
    SourceFactory,
    SpeakerFactory,
    StatementFactory,
    UserFactory,
    add_rows,
)
from tests.helpers import login

pytestmark = pytest.mark.django_db

INDEX = "/admin/"


def sections(response) -> dict:
    assert response.status_code == 200, response.content
    return {section.key: section for section in response.context["dashboard_sections"]}


def charts_of(response) -> dict:
    return {chart.key: chart for chart in response.context["dashboard_charts"]}


def urls(section) -> list[str]:
    return [item.url for item in section.items]


def change_url(statement) -> str:
    return f"/admin/statements/statement/{statement.pk}/change/"


def unanchored(**fields) -> Attribution:
    """A quote given for a source without a body: nothing to anchor it in."""
    return AttributionFactory(
        source=SourceFactory(), mode=AttributionMode.DIRECT_QUOTE, quote_exact="Words", **fields
    )


# --- The lists ----------------------------------------------------------------------------------


def test_an_empty_database_renders_every_section_and_chart_empty(superuser):
    response = superuser.get(INDEX)
    found = sections(response)
    assert list(found) == ["drafts", "my-drafts", "published", "retracted", "claims", "unanchored"]
    assert all(not section.items for section in found.values())
    assert list(charts_of(response)) == ["per-week", "speakers", "speech-acts"]
    html = response.content.decode()
    assert "No drafts wait for review." in html
    assert "Every quote is anchored in its source." in html
    # The models stay one click away.
    assert 'href="/admin/statements/statement/"' in html
    assert 'href="/admin/auth/user/"' in html


def test_drafts_awaiting_review_and_my_drafts(superuser, admin_user, editor_user, reviewer_user):
    mine = StatementFactory(text="Mine, a draft.", user=admin_user)
    theirs = StatementFactory(text="An editor's draft.", user=editor_user)
    published = StatementFactory(text="Out already.", user=admin_user)
    AttributionFactory(statement=published)
    services.statement_publish(statement=published, user=reviewer_user)

    found = sections(superuser.get(INDEX))

    assert urls(found["drafts"]) == [change_url(theirs), change_url(mine)]  # the newest first
    assert found["drafts"].count == dashboard.BoundedCount(2, more=False)
    assert found["drafts"].see_all_url == "/admin/statements/statement/?status__exact=draft"
    assert urls(found["my-drafts"]) == [change_url(mine)]
    assert found["my-drafts"].count.value == 1


def test_a_list_shows_ten_and_counts_the_rest(superuser, admin_user):
    drafts = [StatementFactory(user=admin_user) for _ in range(12)]
    found = sections(superuser.get(INDEX))
    assert urls(found["drafts"]) == [change_url(draft) for draft in reversed(drafts[2:])]
    assert found["drafts"].count == dashboard.BoundedCount(12, more=False)
    # My drafts are counted as far as one more than the list shows: "10+".
    assert urls(found["my-drafts"]) == urls(found["drafts"])
    assert found["my-drafts"].count == dashboard.BoundedCount(10, more=True)


def test_counts_stop_at_the_limit():
    StatementFactory.create_batch(3)
    assert dashboard.bounded_count(dashboard.drafts(), limit=2) == dashboard.BoundedCount(2, True)
    assert dashboard.bounded_count(dashboard.drafts(), limit=3) == dashboard.BoundedCount(3, False)


def test_recently_published_lists_publications_not_later_edits(superuser, reviewer_user):
    first, second = StatementFactory(), StatementFactory()
    for statement in (first, second):
        AttributionFactory(statement=statement)
        services.statement_publish(statement=statement, user=reviewer_user)
    # An edit of a published statement is not a publication.
    services.statement_update(
        statement=first, user=reviewer_user, text="Edited after.", correction_note="Edited."
    )

    section = sections(superuser.get(INDEX))["published"]

    assert urls(section) == [change_url(second), change_url(first)]
    assert section.items[0].detail.endswith(f"by {reviewer_user.username}")
    assert section.see_all_url == "/admin/statements/statement/?status__exact=published"


def test_recently_retracted_with_the_reason(superuser, reviewer_user):
    statement = StatementFactory()
    AttributionFactory(statement=statement)
    services.statement_publish(statement=statement, user=reviewer_user)
    services.statement_retract(statement=statement, user=reviewer_user, reason="Misquoted.")

    found = sections(superuser.get(INDEX))

    assert urls(found["retracted"]) == [change_url(statement)]
    assert found["retracted"].items[0].detail.endswith("Misquoted.")
    assert found["retracted"].items[0].status == StatementStatus.RETRACTED
    # It was published, and is listed as such too: the lists are events.
    assert urls(found["published"]) == [change_url(statement)]


def test_quotes_not_anchored(superuser, admin_user):
    lost = unanchored(speaker=SpeakerFactory(name="Ann Lee"))
    found = AttributionFactory(mode=AttributionMode.DIRECT_QUOTE, quote_exact="Anchored words")
    AttributionFactory(source=SourceFactory(), quote_exact="")  # no quote given
    # A correction of the text loses the found quote's words: orphaned.
    services.source_update(source=found.source, user=admin_user, body="Other words entirely.")

    section = sections(superuser.get(INDEX))["unanchored"]

    assert urls(section) == [
        f"/admin/statements/attribution/{pk}/change/" for pk in (found.pk, lost.pk)
    ]
    assert section.items[1].detail.startswith("Ann Lee in ")
    # "See all" opens the attributions' list filtered to the same rows.
    listed = superuser.get(section.see_all_url)
    assert listed.status_code == 200
    assert set(listed.context["cl"].result_list) == {found, lost}


def test_links_of_the_lists_and_charts_open_their_lists(superuser, world):
    response = superuser.get(INDEX)
    html = response.content.decode()
    hrefs = set(re.findall(r'href="(/admin/[^"]+)"', html))
    for href in hrefs - {"/admin/logout/"}:
        href = href.replace("&amp;", "&")
        assert superuser.get(href).status_code == 200, href


# --- Permissions --------------------------------------------------------------------------------


def staff_who_may(*codenames: str):
    user = UserFactory(username="viewer")
    user.is_staff = True
    user.save()
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="statements", codename__in=codenames)
    )
    return login(user)


def test_staff_without_permissions_sees_no_section(world):
    response = staff_who_may().get(INDEX)
    assert sections(response) == {}
    assert charts_of(response) == {}
    assert 'class="chart"' not in response.content.decode()


def test_who_may_view_attributions_only_sees_theirs(world):
    response = staff_who_may("view_attribution").get(INDEX)
    assert list(sections(response)) == ["unanchored"]
    assert list(charts_of(response)) == ["speakers", "speech-acts"]
    # The bars lead to the statements' list, which this user may not open: no links.
    assert "<a " not in str(charts_of(response)["speakers"].svg)


def test_who_may_view_statements_only_sees_theirs(world):
    response = staff_who_may("view_statement").get(INDEX)
    assert list(sections(response)) == ["drafts", "my-drafts", "published", "retracted", "claims"]
    assert list(charts_of(response)) == ["per-week"]


@pytest.mark.parametrize("site", ["editor_site", "reviewer_site"])
def test_the_editorial_roles_see_everything(request, site, world):
    response = request.getfixturevalue(site).get(INDEX)
    assert len(sections(response)) == 6
    assert len(charts_of(response)) == 3


def test_anonymous_is_sent_to_sign_in(client):
    assert client.get(INDEX).status_code == 302


# --- The charts ---------------------------------------------------------------------------------


def test_statements_per_week_by_status(superuser, reviewer_user):
    drafts = StatementFactory.create_batch(2)
    published = StatementFactory()
    AttributionFactory(statement=published)
    services.statement_publish(statement=published, user=reviewer_user)

    weeks = dashboard.statements_per_week(weeks=12, now=timezone.now())

    assert len(weeks) == 12
    today = timezone.localdate()
    assert weeks[-1].week == today - dt.timedelta(days=today.weekday())
    assert weeks[-1].by_status == {"draft": len(drafts), "published": 1, "retracted": 0}
    assert all(week.total == 0 for week in weeks[:-1])
    svg = str(charts_of(superuser.get(INDEX))["per-week"].svg)
    assert svg.count('class="fill-draft"') == 1
    assert svg.count('class="fill-published"') == 1
    assert 'class="fill-retracted"' not in svg  # no empty segment
    assert "<title>Draft: 2, week of" in svg
    assert '<text class="value"' in svg
    assert ">3</text>" in svg  # the week's total


def test_weeks_before_the_window_are_left_out():
    old = StatementFactory()
    old.created_at = timezone.now() - dt.timedelta(weeks=20)
    old.save(update_fields=["created_at"])
    weeks = dashboard.statements_per_week(weeks=12, now=timezone.now())
    assert sum(week.total for week in weeks) == 0


def test_the_window_ends_with_the_newest_statement(superuser, seed):
    # The seed article's statements were all made on 25 October 2024.
    found = charts_of(superuser.get(INDEX))
    assert found["per-week"].title.endswith("12 weeks to 25 Oct 2024")
    assert "<title>Published: 23, week of 21 Oct 2024</title>" in str(found["per-week"].svg)
    assert ">Lloyd Austin</text>" in str(found["speakers"].svg)


def test_most_quoted_speakers(superuser):
    often, seldom = SpeakerFactory(name="Often"), SpeakerFactory(name="Seldom")
    for _ in range(3):
        AttributionFactory(speaker=often)
    AttributionFactory(speaker=seldom)

    found = dashboard.most_quoted_speakers(since=timezone.now() - dt.timedelta(days=1), limit=10)

    assert [(s.name, s.count) for s in found] == [("Often", 3), ("Seldom", 1)]
    svg = str(charts_of(superuser.get(INDEX))["speakers"].svg)
    assert svg.index(">Often</text>") < svg.index(">Seldom</text>")
    assert "<title>Often: 3 attributions</title>" in svg
    assert f"attributions__speaker__id__exact={often.pk}" in svg


def test_speech_act_mix(superuser):
    AttributionFactory.create_batch(3, speech_act=SpeechAct.DENIAL)
    AttributionFactory(speech_act=SpeechAct.WARNING)

    mix = dashboard.speech_act_mix(since=timezone.now() - dt.timedelta(days=1))

    assert list(mix) == SpeechAct.values
    assert mix[SpeechAct.DENIAL] == 3
    assert mix[SpeechAct.WARNING] == 1
    assert mix[SpeechAct.ASSERTION] == 0
    svg = str(charts_of(superuser.get(INDEX))["speech-acts"].svg)
    assert "3 (75%)" in svg
    assert "1 (25%)" in svg
    assert "<title>Denial: 3 of 4 attributions</title>" in svg


def test_names_are_escaped_in_the_charts_and_lists(superuser):
    speaker = SpeakerFactory(name='<script>alert("x")</script>')
    unanchored(speaker=speaker)

    html = superuser.get(INDEX).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("value", "ceiling"), [(0, 1), (1, 1), (3, 5), (7, 10), (10, 10), (11, 20), (499, 500)]
)
def test_nice_ceiling(value, ceiling):
    assert charts.nice_ceiling(value) == ceiling


def test_charts_without_data_draw_an_empty_frame():
    svg = str(charts.horizontal_bars([], chart_id="empty", title="Nothing", description="None."))
    assert svg.startswith("<svg")
    assert "<rect" not in svg
    assert 'aria-labelledby="empty-title empty-desc"' in svg


# --- Cost ---------------------------------------------------------------------------------------

# The index's own (session, user, the admin's log) and the dashboard's one query a list, a
# count and a chart: whatever the data holds.
MAX_QUERIES = 16


def test_the_page_costs_a_bounded_number_of_queries(
    superuser, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(MAX_QUERIES):
        superuser.get(INDEX)
    add_rows(world, 15)
    for _ in range(12):
        unanchored()
    with django_assert_max_num_queries(MAX_QUERIES):
        response = superuser.get(INDEX)
    assert all(len(section.items) <= 10 for section in sections(response).values())


def test_an_editors_page_costs_as_much(editor_site, world, django_assert_max_num_queries):
    add_rows(world, 5)
    with django_assert_max_num_queries(MAX_QUERIES + 2):  # the user's permissions
        editor_site.get(INDEX)
