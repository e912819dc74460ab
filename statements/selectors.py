"""Reads: the querysets behind every endpoint, with their joins stated and visibility
(``statements.visibility``) applied.

The statement lists are planned here too (``statement_results``): which conditions the
filters' values make, whether ``q`` ranks or selects, and how the engine should run them.
"""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import Exists, JSONField, OuterRef, Prefetch, Q, QuerySet, Subquery

from statements import memberships, search
from statements.models import (
    Attribution,
    Correction,
    Membership,
    Relation,
    Source,
    Speaker,
    SpeakerRedirect,
    Statement,
    Topic,
)
from statements.representations.fields import (
    MEMBERSHIP_SUMMARY,
    SOURCE_SUMMARY,
    SPEAKER_SUMMARY,
    Shape,
)
from statements.visibility import User, visible

# --- Speaker and Source: reference data, visible to all ----------------------------------------


def speaker_queryset(*, user: User) -> QuerySet[Speaker]:
    return Speaker.objects.all()


def source_queryset(*, user: User) -> QuerySet[Source]:
    return Source.objects.all()


def redirect_target(old_id: int) -> int | None:
    """The id of the speaker that ``old_id`` was merged into (the last of a chain), or None
    when no speaker was merged under that id."""
    redirects = SpeakerRedirect.objects.filter(old_id=old_id)
    return redirects.values_list("speaker_id", flat=True).first()


def membership_queryset(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.order_by("id")


# --- Attribution ------------------------------------------------------------------------------


def attribution_queryset(*, user: User) -> QuerySet[Attribution]:
    return Attribution.objects.filter(visible(user, "statement__")).select_related(
        "speaker", "source", "on_behalf_of", "role_at_the_time"
    )


# --- Relation ---------------------------------------------------------------------------------


def relation_queryset(*, user: User) -> QuerySet[Relation]:
    return Relation.objects.filter(
        visible(user, "from_statement__"), visible(user, "to_statement__")
    ).select_related("from_statement", "to_statement")


# --- Statement --------------------------------------------------------------------------------


class JSONArraySubquery(Subquery):
    """A one-column subquery as a single JSON array value, so that a to-many relation costs
    no query of its own: jsonb_agg on PostgreSQL, json_group_array on SQLite. Unordered."""

    output_field = JSONField()

    def __init__(self, queryset: QuerySet, column: str) -> None:
        self.column = column
        super().__init__(queryset.order_by().values(column))

    def as_postgresql(self, compiler, connection, **extra):
        column = connection.ops.quote_name(self.column)  # a field name from our code
        template = f"(SELECT COALESCE(jsonb_agg({column}), '[]'::jsonb) FROM (%(subquery)s) s)"  # noqa: S608
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        column = connection.ops.quote_name(self.column)  # a field name from our code
        template = f"(SELECT json_group_array({column}) FROM (%(subquery)s))"  # noqa: S608
        return self.as_sql(compiler, connection, template=template, **extra)


def topic_links(outer_ref: str = "pk") -> QuerySet:
    """The statement's rows in the topics' join table."""
    return Statement.topics.through.objects.filter(statement_id=OuterRef(outer_ref))


def topic_slugs() -> JSONArraySubquery:
    """The slugs of the statement's topics, each read by primary key from the statement's
    rows in the join table (joined, the planner would scan the topics for every row)."""
    slug = Topic.objects.filter(pk=OuterRef("topic_id")).order_by().values("slug")
    return JSONArraySubquery(topic_links().annotate(slug=Subquery(slug)), "slug")


def _not_summarized(relation: str, shape: Shape) -> list[str]:
    """The fields of ``relation`` that its summary (``shape``) does not show."""
    shown = set(shape.columns())
    return [
        f"{relation}__{field.attname}"
        for field in shape.model._meta.concrete_fields
        if field.attname not in shown
    ]


# The summaries need none of the other fields: a source's body is kilobytes.
SUMMARY_DEFERRED = (
    *_not_summarized("speaker", SPEAKER_SUMMARY),
    *_not_summarized("source", SOURCE_SUMMARY),
    *_not_summarized("on_behalf_of", SPEAKER_SUMMARY),
    *_not_summarized("role_at_the_time", MEMBERSHIP_SUMMARY),
)


def visible_statements(*, user: User) -> QuerySet[Statement]:
    """The statements ``user`` may see, without the joins of their representation: for
    reads whose representation PostgreSQL writes (``statements.representations.postgres``)."""
    return Statement.objects.filter(visible(user))


def statement_queryset(*, user: User) -> QuerySet[Statement]:
    """Statements with everything their representation shows, in a fixed number of queries:
    the page (with its topics), its attributions (with speakers and sources), its
    relations (both directions in one query) and its correction notices."""
    attributions = Attribution.objects.select_related(
        "speaker", "source", "on_behalf_of", "role_at_the_time"
    ).defer(*SUMMARY_DEFERRED)
    relations = relation_queryset(user=user)
    return (
        visible_statements(user=user)
        .annotate(topic_slugs=topic_slugs())
        .prefetch_related(
            Prefetch("attributions", queryset=attributions.order_by("id")),
            Prefetch(
                "relations", queryset=relations.order_by("id"), to_attr="prefetched_relations"
            ),
            Prefetch(
                "corrections",
                queryset=Correction.objects.only("statement_id", "at", "note").order_by("id"),
                to_attr="prefetched_corrections",
            ),
        )
    )


def statements_of_speaker(
    *, user: User, speaker: Speaker, joins: bool = True
) -> QuerySet[Statement]:
    """As ``statement_queryset`` (``joins``) or ``visible_statements``, made by ``speaker``."""
    made = Attribution.objects.filter(statement=OuterRef("pk"), speaker=speaker)
    statements = statement_queryset(user=user) if joins else visible_statements(user=user)
    return statements.filter(Exists(made))


# --- Statement lists: the conditions the filters' values make ---------------------------------


def start_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def on_or_after_day(field: str, day: dt.date) -> Q:
    """``field`` (a datetime) on ``day`` (UTC) or later."""
    return Q(**{f"{field}__gte": start_of_day(day)})


def on_or_before_day(field: str, day: dt.date) -> Q:
    """``field`` (a datetime) on ``day`` (UTC) or earlier: before the next day starts, or,
    on the calendar's last day (which has no next), any date at all."""
    if day == dt.date.max:
        return Q(**{f"{field}__isnull": False})
    return Q(**{f"{field}__lt": start_of_day(day + dt.timedelta(days=1))})


def one_of(lookup: str, values: list) -> Q:
    """``lookup`` equal to one of ``values`` (the plain equality when there is one)."""
    if len(values) == 1:
        return Q(**{lookup: values[0]})
    return Q(**{f"{lookup}__in": values})


# The filters' values that are conditions on one attribution, and the lookup of each.
ATTRIBUTION_LOOKUPS = {
    "speaker": "speaker_id",
    "speaker_kind": "speaker__kind",
    "source": "source_id",
    "publisher": "source__publisher__iexact",
    "mode": "mode",
    "speech_act": "speech_act",
    "stated_after": "stated_on__gte",
    "stated_before": "stated_on__lte",
    "anchor_status": "quote_status",
}
ATTRIBUTION_FILTERS = (*ATTRIBUTION_LOOKUPS, "published_after", "published_before", "member_of")


def attribution_condition(filters: Mapping[str, Any]) -> Q:
    """The condition on one attribution that the filters' values make (statement and
    attribution lists share it).

    On statements they hold together for one attribution ("Kirby's direct quotes", not
    "a statement Kirby made that someone else quoted directly").
    """
    condition = Q()
    for name, lookup in ATTRIBUTION_LOOKUPS.items():
        value = filters.get(name)
        if isinstance(value, list):  # a repeatable filter: any of its values
            if value:
                condition &= one_of(lookup, value)
        elif value not in (None, ""):
            condition &= Q(**{lookup: value})
    if filters.get("published_after"):
        condition &= on_or_after_day("source__published_at", filters["published_after"])
    if filters.get("published_before"):
        condition &= on_or_before_day("source__published_at", filters["published_before"])
    if filters.get("member_of"):
        condition &= memberships.member_when_speaking(filters["member_of"])
    return condition


# A date range this narrow (in days) selects few statements, wherever they stand by id.
NARROW_DAYS = 92


def narrow_dates(filters: Mapping[str, Any]) -> bool:
    """Whether the filters bound a date to a narrow range (the attributions are few)."""
    for after, before in (
        ("stated_after", "stated_before"),
        ("published_after", "published_before"),
    ):
        if (
            filters.get(after)
            and filters.get(before)
            and (filters[before] - filters[after]).days <= NARROW_DAYS
        ):
            return True
    return False


# The ordering that ranks by relevance to ``q`` (the default where ``q`` ranks).
RELEVANCE = "relevance"


def ranks_by_relevance(filters: Mapping[str, Any]) -> bool:
    """Whether the filters ask for the matches of ``q`` ranked: ``q`` given and no other
    ordering first."""
    ordering = filters.get("ordering") or []
    return bool(filters.get("q")) and (not ordering or ordering[0] == RELEVANCE)


def narrows(filters: Mapping[str, Any]) -> bool:
    """Whether a filter other than the query and the ordering is given."""
    return any(
        value not in (None, "", [], ())
        for name, value in filters.items()
        if name not in ("q", "ordering")
    )


def statement_results(
    queryset: QuerySet,
    *,
    filters: Mapping[str, Any],
    ranked: bool,
    documents: Q | None = None,
) -> search.StatementResults:
    """The statements of ``queryset`` that ``filters`` select (a filter set's cleaned values,
    its plain filters already applied to ``queryset``): ``q`` and the conditions on one
    attribution apply here.

    ``ranked``: whether ``q`` may rank (a list; not a detail nor the export). Then, unless
    another ordering comes first, the best matches come best first; otherwise ``q`` selects
    every match, in the order of ``queryset``. ``documents``: the condition on the search
    documents that selects the statements of ``queryset`` before any filter, where one does
    (``visibility.searchable_documents``): with no filter but ``q``, the engine may rank the
    documents alone."""
    query = filters.get("q")
    rank = ranked and ranks_by_relevance(filters)
    if query and not rank:
        queryset = search.filter_statements(queryset, query)
    condition = attribution_condition(filters)
    if condition:
        matching = Attribution.objects.filter(condition)
        made = search.get_backend().made_by_attributions(matching, narrow=narrow_dates(filters))
        queryset = queryset.filter(made)
    if not rank:
        return search.StatementResults(queryset)
    return search.search_statements(
        queryset,
        query,
        attribution_condition=condition,
        documents=None if narrows(filters) else documents,
    )
