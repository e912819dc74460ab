"""What everyone may know of a retracted statement: that it was retracted, when and why
(its notice; the API answers it with 410 Gone). Its text stays for those who may view
unpublished statements."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from statements.choices import StatementStatus
from statements.models import Statement


@dataclass(frozen=True)
class RetractionNotice:
    statement_id: int
    reason: str
    retracted_at: dt.datetime


def retraction_notice(pk: int | str) -> RetractionNotice | None:
    """The notice of the statement ``pk`` if it is retracted (None otherwise); one query.

    A retracted statement is frozen, so its retraction is the first version of it that is
    retracted; a statement written without history (a fixture) was last changed then."""
    retracted_versions = Statement.history.filter(
        id=OuterRef("pk"), status=StatementStatus.RETRACTED
    ).order_by("history_date")
    row = (
        Statement.objects.filter(pk=pk, status=StatementStatus.RETRACTED)
        .annotate(retracted_at=Subquery(retracted_versions.values("history_date")[:1]))
        .values_list("pk", "retraction_reason", "retracted_at", "updated_at")
        .first()
    )
    if row is None:
        return None
    pk, reason, retracted_at, updated_at = row
    return RetractionNotice(pk, reason, retracted_at or updated_at)
