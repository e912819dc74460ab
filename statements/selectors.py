"""Reads: the querysets behind every endpoint, with their joins stated and visibility applied.

Drafts and retracted statements are visible only to users who may view unpublished
statements (editors, reviewers, admins); to everyone else they do not exist, and neither
do the attributions and relations that would reveal them.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from statements.choices import StatementStatus
from statements.models import Attribution, Relation, Source, Speaker, Statement

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


def statement_queryset(*, user: User) -> QuerySet[Statement]:
    """Statements with everything their representation shows, in a fixed number of queries:
    the page, its attributions (with speakers and sources), topics and relations."""
    attributions = Attribution.objects.select_related("speaker", "source", "on_behalf_of")
    relations = relation_queryset(user=user)
    return Statement.objects.filter(_published(user)).prefetch_related(
        Prefetch("attributions", queryset=attributions.order_by("id")),
        "topics",
        Prefetch("relations_out", queryset=relations.order_by("id")),
        Prefetch("relations_in", queryset=relations.order_by("id")),
    )


def statements_of_speaker(*, user: User, speaker: Speaker) -> QuerySet[Statement]:
    made = Attribution.objects.filter(statement=OuterRef("pk"), speaker=speaker)
    return statement_queryset(user=user).filter(Exists(made))
