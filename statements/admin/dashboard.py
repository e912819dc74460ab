"""The admin's front page: what waits for the editors and reviewers, what changed lately, and
charts of the last weeks' work (``templates/admin/index.html`` lays them out).

The reads are ``statements.dashboard``'s, the drawings ``statements.admin.charts``'; this
module picks the sections the user may see (those of the models they may view), and turns
rows into links, and counts into bars that lead to the lists they count.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.timesince import timesince

from statements import dashboard
from statements.admin.base import SPEAKER_STATEMENTS_PARAM, admin_url, statements_url
from statements.admin.charts import Bar, Column, Segment, horizontal_bars, stacked_columns
from statements.admin.claims import top_claims
from statements.choices import SpeechAct, StatementStatus
from statements.models import Attribution, Statement

LIST_LENGTH = 10  # rows in each list; "see all" leads to the rest
WEEKS = 12  # the charts' window
TOP_SPEAKERS = 10
# The weekly columns stack the statuses in this order, from the bottom up.
STACKED_STATUSES = (StatementStatus.PUBLISHED, StatementStatus.DRAFT, StatementStatus.RETRACTED)


@dataclass(frozen=True)
class Item:
    url: str
    text: str
    detail: str = ""  # under the text: who, when, where
    status: str = ""  # a statement's status, shown as the lists' coloured badge

    @property
    def status_label(self) -> str:
        return StatementStatus(self.status).label if self.status else ""


@dataclass(frozen=True)
class Section:
    key: str  # its HTML id
    title: str
    items: list[Item]
    empty: str  # said when there are no items
    see_all_url: str = ""
    count: dashboard.BoundedCount | None = None


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    svg: SafeString
    legend: list[tuple[str, str]]  # (status, text) badges under the chart; may be empty


@dataclass(frozen=True)
class Window:
    """The weeks the charts count."""

    since: dt.datetime
    end: dt.datetime
    name: str  # "12 weeks to 7 Dec 2026"


def dashboard_context(request: HttpRequest, site: admin.AdminSite) -> dict:
    """The front page's sections and charts, for the models the user may view."""
    may_view = {
        model: site.is_registered(model)
        and site.get_model_admin(model).has_view_permission(request)
        for model in (Statement, Attribution)
    }
    sections: list[Section] = []
    charts: list[Chart] = []
    if may_view[Statement]:
        sections += [
            _drafts_section(),
            _my_drafts_section(request.user),
            _publications_section(),
            _retractions_section(),
            _claims_section(),
        ]
    if may_view[Attribution]:
        sections.append(_unanchored_section())
    if may_view[Statement] or may_view[Attribution]:
        end = dashboard.window_end()
        window = Window(
            since=dashboard.window_start(weeks=WEEKS, now=end),
            end=end,
            name=f"{WEEKS} weeks to {date_format(timezone.localtime(end), 'j M Y')}",
        )
        if may_view[Statement]:
            charts.append(_weekly_chart(window))
        if may_view[Attribution]:
            charts += [
                _speakers_chart(window, link=may_view[Statement]),
                _speech_acts_chart(window, link=may_view[Statement]),
            ]
    return {"dashboard_sections": sections, "dashboard_charts": charts}


# --- Lists --------------------------------------------------------------------------------------


def _ago(moment: dt.datetime) -> str:
    if timezone.now() - moment < dt.timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment, depth=1)} ago"


def _short(text: str) -> str:
    return Truncator(text).chars(90)


def _statement_items(statements: Iterable[Statement], detail) -> list[Item]:
    return [
        Item(
            url=admin_url(statement),
            text=_short(statement.text),
            detail=detail(statement),
            status=statement.status,
        )
        for statement in statements
    ]


def _drafts_section() -> Section:
    drafts = dashboard.drafts()
    return Section(
        key="drafts",
        title="Drafts awaiting review",
        items=_statement_items(
            drafts[:LIST_LENGTH], lambda statement: f"created {_ago(statement.created_at)}"
        ),
        empty="No drafts wait for review.",
        see_all_url=statements_url(status__exact=StatementStatus.DRAFT),
        count=dashboard.bounded_count(drafts),
    )


def _my_drafts_section(user) -> Section:
    # Counted from the list itself, up to one more than it shows: an exact count would read
    # every statement the user ever created in the history (a hash of all of them).
    mine = list(dashboard.drafts_created_by(user)[: LIST_LENGTH + 1])
    return Section(
        key="my-drafts",
        title="My drafts",
        items=_statement_items(
            mine[:LIST_LENGTH], lambda statement: f"updated {_ago(statement.updated_at)}"
        ),
        empty="You have no drafts.",
        count=dashboard.BoundedCount(min(len(mine), LIST_LENGTH), more=len(mine) > LIST_LENGTH),
    )


def _publications_section() -> Section:
    versions = dashboard.recent_publications(LIST_LENGTH)
    return Section(
        key="published",
        title="Recently published",
        items=[
            Item(
                url=reverse("admin:statements_statement_change", args=[version.id]),
                text=_short(version.text),
                detail=f"published {_ago(version.history_date)}"
                + (f" by {version.history_user}" if version.history_user else ""),
                status=StatementStatus.PUBLISHED,
            )
            for version in versions
        ],
        empty="No publication is recorded in the statements' history yet.",
        see_all_url=statements_url(status__exact=StatementStatus.PUBLISHED),
    )


def _retractions_section() -> Section:
    return Section(
        key="retracted",
        title="Recently retracted",
        items=_statement_items(
            dashboard.recent_retractions()[:LIST_LENGTH],
            lambda statement: (
                f"retracted {_ago(statement.updated_at)}: "
                f"{Truncator(statement.retraction_reason).chars(80)}"
            ),
        ),
        empty="Nothing has been retracted.",
        see_all_url=statements_url(status__exact=StatementStatus.RETRACTED),
    )


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _claims_section() -> Section:
    """The claims made by the most speakers and sources (``statements.admin.claims``)."""
    return Section(
        key="claims",
        title="Most widely made claims",
        items=[
            Item(
                url=reverse("admin:statements_statement_change", args=[row["representative_id"]]),
                text=_short(row["text"]),
                detail=f"{_counted(row['statements'], 'statement')} by "
                f"{_counted(row['speakers'], 'speaker')} in {_counted(row['sources'], 'source')}",
            )
            for row in top_claims()
        ],
        empty="No statements are linked as the same claim yet.",
    )


def _unanchored_section() -> Section:
    quotes = dashboard.unanchored_quotes()
    changelist = reverse("admin:statements_attribution_changelist")
    # quote_exact__gt="": a quote is given (the list's own lookups, as the list filters use).
    statuses = ",".join(dashboard.NOT_IN_THE_TEXT)
    see_all = f"{changelist}?{urlencode({'quote_status__in': statuses, 'quote_exact__gt': ''})}"
    return Section(
        key="unanchored",
        title="Quotes not found in their source",
        items=[
            Item(
                url=admin_url(attribution),
                text=f"“{_short(attribution.quote_exact)}”",
                detail=f"{attribution.speaker.name} in {Truncator(attribution.source).chars(60)}",
            )
            for attribution in quotes[:LIST_LENGTH]
        ],
        empty="Every quote is anchored in its source.",
        see_all_url=see_all,
        count=dashboard.bounded_count(quotes),
    )


# --- Charts -------------------------------------------------------------------------------------


def _status_label(status: str) -> str:
    return StatementStatus(status).label


def _weekly_chart(window: Window) -> Chart:
    weeks = dashboard.statements_per_week(weeks=WEEKS, now=window.end)
    columns = []
    for week in weeks:
        start = timezone.make_aware(dt.datetime.combine(week.week, dt.time()))
        end = start + dt.timedelta(weeks=1)
        name = f"week of {date_format(week.week, 'j M Y')}"
        columns.append(
            Column(
                label=date_format(week.week, "j M"),
                segments=[
                    Segment(
                        value=week.by_status[status],
                        css_class=f"fill-{status}",
                        tooltip=f"{_status_label(status)}: {week.by_status[status]:,}, {name}",
                        url=statements_url(
                            status__exact=status, created_at__gte=start, created_at__lt=end
                        ),
                    )
                    for status in STACKED_STATUSES
                ],
            )
        )
    total = sum(week.total for week in weeks)
    title = f"Statements created per week, by status, {window.name}"
    return Chart(
        key="per-week",
        title=title,
        svg=stacked_columns(
            columns,
            chart_id="chart-per-week",
            title=title,
            description=f"{total:,} statements in all; "
            + ", ".join(
                f"{sum(week.by_status[status] for week in weeks):,} {_status_label(status).lower()}"
                for status in STACKED_STATUSES
            )
            + ". Each column is a week (its Monday), stacked by status.",
        ),
        legend=[
            (status, f"{_status_label(status)} {sum(week.by_status[status] for week in weeks):,}")
            for status in STACKED_STATUSES
        ],
    )


def _speakers_chart(window: Window, *, link: bool) -> Chart:
    speakers = dashboard.most_quoted_speakers(since=window.since, limit=TOP_SPEAKERS)
    title = f"Most-quoted speakers, {window.name}"
    bars = [
        Bar(
            label=speaker.name,
            segment=Segment(
                value=speaker.count,
                css_class="fill-speaker",
                tooltip=f"{speaker.name}: {speaker.count:,} "
                f"attribution{'s' if speaker.count != 1 else ''}",
                url=statements_url(**{SPEAKER_STATEMENTS_PARAM: speaker.speaker_id})
                if link
                else "",
            ),
        )
        for speaker in speakers
    ]
    return Chart(
        key="speakers",
        title=title,
        svg=horizontal_bars(
            bars,
            chart_id="chart-speakers",
            title=title,
            description="Attributions made in the window, by speaker: "
            + ("; ".join(f"{s.name} {s.count:,}" for s in speakers) or "none")
            + ".",
        ),
        legend=[],
    )


def _speech_acts_chart(window: Window, *, link: bool) -> Chart:
    counts = dashboard.speech_act_mix(since=window.since)
    total = sum(counts.values())
    title = f"Speech acts, {window.name}"
    bars = [
        Bar(
            label=SpeechAct(act).label,
            segment=Segment(
                value=count,
                css_class=f"fill-act-{act}",
                tooltip=f"{SpeechAct(act).label}: {count:,} of {total:,} attributions",
                url=statements_url(attributions__speech_act__exact=act) if link else "",
            ),
            note=f"({round(100 * count / total)}%)" if total else "",
        )
        for act, count in counts.items()
    ]
    return Chart(
        key="speech-acts",
        title=title,
        svg=horizontal_bars(
            bars,
            chart_id="chart-speech-acts",
            title=title,
            description=f"{total:,} attributions made in the window, by speech act: "
            + ", ".join(
                f"{SpeechAct(act).label.lower()} {count:,}" for act, count in counts.items()
            )
            + ".",
            label_width=90,
        ),
        legend=[],
    )
