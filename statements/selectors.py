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


def can_see_unpublished(user: User) -> bool:
    return user.is_authenticated and user.has_perm("statements.view_statement")


def _published(user: User, prefix: str = "") -> Q:
    """The condition that a statement (reached through ``prefix``) is visible to ``user``."""
    if can_see_unpublished(user):
        return Q()
    return Q(**{f"{prefix}status": StatementStatus.PUBLISHED})


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


class TopicSlugs(Subquery):
    """The slugs of a statement's topics as one JSON array, computed in the statement's own
    query, so that topics cost no query of their own. Each slug is read by primary key from
    the statement's rows in the join table (the planner would otherwise scan the topics for
    every statement of the page). Unordered: readers sort them."""

    output_field = JSONField()

    def __init__(self, outer_ref: str = "pk") -> None:
        slug = Topic.objects.filter(pk=OuterRef("topic_id")).order_by().values("slug")
        links = Statement.topics.through.objects.filter(statement_id=OuterRef(outer_ref))
        super().__init__(links.order_by().values(slug=Subquery(slug)))

    def as_postgresql(self, compiler, connection, **extra):
        template = "(SELECT COALESCE(jsonb_agg(slug), '[]'::jsonb) FROM (%(subquery)s) AS topic)"
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        template = "(SELECT json_group_array(slug) FROM (%(subquery)s))"
        return self.as_sql(compiler, connection, template=template, **extra)


def statement_queryset(*, user: User) -> QuerySet[Statement]:
    """Statements with everything their representation shows, in a fixed number of queries:
    the page (with its topics), its attributions (with speakers and sources) and its
    relations (both directions in one query)."""
    attributions = Attribution.objects.select_related("speaker", "source", "on_behalf_of")
    relations = relation_queryset(user=user)
    return (
        Statement.objects.filter(_published(user))
        .annotate(topic_slugs=TopicSlugs())
        .prefetch_related(
            Prefetch("attributions", queryset=attributions.order_by("id")),
            Prefetch(
                "relations", queryset=relations.order_by("id"), to_attr="prefetched_relations"
            ),
        )
    )


def statements_of_speaker(*, user: User, speaker: Speaker) -> QuerySet[Statement]:
    made = Attribution.objects.filter(statement=OuterRef("pk"), speaker=speaker)
    return statement_queryset(user=user).filter(Exists(made))
