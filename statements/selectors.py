"""Reads: the querysets behind every endpoint, with their joins stated and visibility applied.

The statement lists are planned here too: which conditions the filters' values make, and
how the engine should run them (``statements.search.statement_results`` applies the plan).

Drafts and retracted statements are visible only to users who may view unpublished
statements (editors, reviewers, admins); to everyone else they do not exist, and neither
do the attributions and relations that would reveal them.
"""

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import Exists, JSONField, OuterRef, Prefetch, Q, QuerySet, Subquery

from statements.choices import StatementStatus
from statements.models import Attribution, Relation, Source, Speaker, Statement, Topic

User = AbstractBaseUser | AnonymousUser


# --- Visibility: the one definition, as a condition, on search documents and in SQL ----------

# The status that makes a statement public.
PUBLIC_STATUS = StatementStatus.PUBLISHED


def is_public(status: str) -> bool:
    """Whether a statement of this status is public (the search documents' ``published``)."""
    return status == PUBLIC_STATUS


def public_sql(alias: str) -> str:
    """``is_public`` in SQL, for the statement row ``alias`` (the SQL that PostgreSQL writes
    representations and search documents with)."""
    return f"{alias}.status = '{PUBLIC_STATUS.value}'"


def can_see_unpublished(user: User) -> bool:
    return user.is_authenticated and user.has_perm("statements.view_statement")


def _published(user: User, prefix: str = "") -> Q:
    """The condition that a statement (reached through ``prefix``) is visible to ``user``."""
    if can_see_unpublished(user):
        return Q()
    return Q(**{f"{prefix}status": PUBLIC_STATUS})


# --- Speaker and Source: reference data, visible to all ----------------------------------------


def speaker_queryset(*, user: User) -> QuerySet[Speaker]:
    return Speaker.objects.all()


def source_queryset(*, user: User) -> QuerySet[Source]:
    return Source.objects.all()


# --- Attribution ------------------------------------------------------------------------------


def attribution_queryset(*, user: User) -> QuerySet[Attribution]:
    return Attribution.objects.filter(_published(user, "statement__")).select_related(
        "speaker", "source", "on_behalf_of"
    )


# --- Relation ---------------------------------------------------------------------------------


def relation_queryset(*, user: User) -> QuerySet[Relation]:
    return Relation.objects.filter(
        _published(user, "from_statement__"), _published(user, "to_statement__")
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


SUMMARY_DEFERRED = (
    "source__body",
    "source__body_sha256",
    "source__archived_url",
    "speaker__aliases",
    "speaker__description",
    "on_behalf_of__aliases",
    "on_behalf_of__description",
)


def visible_statements(*, user: User) -> QuerySet[Statement]:
    """The statements ``user`` may see, without the joins of their representation: for
    reads whose representation PostgreSQL writes (``statements.representations.postgres``)."""
    return Statement.objects.filter(_published(user))


def statement_queryset(*, user: User) -> QuerySet[Statement]:
    """Statements with everything their representation shows, in a fixed number of queries:
    the page (with its topics), its attributions (with speakers and sources) and its
    relations (both directions in one query)."""
    # The summaries need none of the long fields: a source's body is kilobytes.
    attributions = Attribution.objects.select_related("speaker", "source", "on_behalf_of").defer(
        *SUMMARY_DEFERRED
    )
    relations = relation_queryset(user=user)
    return (
        visible_statements(user=user)
        .annotate(topic_slugs=topic_slugs())
        .prefetch_related(
            Prefetch("attributions", queryset=attributions.order_by("id")),
            Prefetch(
                "relations", queryset=relations.order_by("id"), to_attr="prefetched_relations"
            ),
        )
    )


def searchable_documents(*, user: User) -> Q:
    """The condition on search documents that selects the statements ``statement_queryset``
    gives ``user`` (their ``published`` column is ``is_public`` of the statement's status):
    a search without other filters ranks the documents alone."""
    return Q() if can_see_unpublished(user) else Q(published=True)


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
}
ATTRIBUTION_FILTERS = (*ATTRIBUTION_LOOKUPS, "published_after", "published_before")


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


# --- Counts -------------------------------------------------------------------------------------


def cached_count(queryset: QuerySet) -> int:
    """The number of rows of ``queryset``; a large count is remembered for a short while.

    Counting a million rows costs PostgreSQL a scan of them (no table keeps its row count),
    more than the rest of a request together. A count of at least
    ``API_COUNT_CACHE_THRESHOLD`` rows is therefore cached for ``API_COUNT_CACHE_SECONDS``
    under the query's SQL: such counts may lag writes by that long; smaller ones are always
    exact and fresh."""
    threshold = settings.API_COUNT_CACHE_THRESHOLD
    if not threshold:
        return queryset.count()
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a query that matches nothing by construction
        return 0
    digest = hashlib.sha256(f"{queryset.db}|{sql}|{params!r}".encode()).hexdigest()
    key = f"api-count:{digest}"
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        if count >= threshold:
            cache.set(key, count, settings.API_COUNT_CACHE_SECONDS)
    return count
