"""Who sees which statements: the one definition, as a condition on statements, on their
search documents and in SQL.

Drafts and retracted statements are visible only to users who may view unpublished
statements (editors, reviewers, admins); to everyone else they do not exist, and neither
do the attributions and relations that would reveal them.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from statements.choices import StatementStatus

User = AbstractBaseUser | AnonymousUser

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


def visible(user: User, prefix: str = "") -> Q:
    """The condition that a statement (reached through ``prefix``) is visible to ``user``."""
    return visible_to(public_only=not can_see_unpublished(user), prefix=prefix)


def visible_to(*, public_only: bool, prefix: str = "") -> Q:
    """``visible`` for a user who sees public statements only, or everything."""
    return Q(**{f"{prefix}status": PUBLIC_STATUS}) if public_only else Q()


def searchable_documents(*, user: User) -> Q:
    """The condition on search documents that selects the statements ``statement_queryset``
    gives ``user`` (their ``published`` column is ``is_public`` of the statement's status):
    a search without other filters ranks the documents alone."""
    return Q() if can_see_unpublished(user) else Q(published=True)
