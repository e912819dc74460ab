"""Reads: the querysets behind every endpoint, with their joins stated and visibility applied.

Drafts and retracted statements are visible only to users who may view unpublished
statements (editors, reviewers, admins); to everyone else they do not exist, and neither
do the attributions and relations that would reveal them.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
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
