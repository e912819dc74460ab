"""Claims in the admin: a statement's claim on its change page (the statements that make it
and those that answer them, as links), and the front page's most widely made claims.

The reads are ``statements.claims.selectors``'; the API answers the same
(``statements/{id}/claim/``, ``claims/``)."""

from django.db.models import OuterRef, Subquery
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from statements.admin.base import admin_url
from statements.claims.selectors import claim_cluster, claim_list
from statements.models import Statement

TOP_CLAIMS = 10


def _speakers(statement: Statement) -> str:
    return ", ".join(attribution.speaker.name for attribution in statement.attributions.all())


def _line(statement: Statement, current: Statement) -> tuple:
    when = statement.first_said.isoformat() if statement.first_said else "undated"
    text = Truncator(statement.text).chars(90)
    marker = " (this statement)" if statement.pk == current.pk else ""
    return (admin_url(statement), statement.pk, text, _speakers(statement) or "-", when, marker)


# Whoever may open a statement's change page or the front page's statement lists may view
# every statement (the view permission): the admin shows drafts and retracted ones too.
PUBLIC_ONLY = False


def claim_html(statement: Statement) -> str:
    """The statement's claim as two link lists: who made it, oldest first; who answered."""
    if statement.pk is None:
        return "-"
    cluster = claim_cluster(statement_id=statement.pk, public_only=PUBLIC_ONLY)
    made = format_html_join(
        "",
        "<li><a href='{}'>#{} {}</a> <span class='quiet'>{}, {}</span>{}</li>",
        (_line(member, statement) for member in cluster.statements),
    )
    answered = format_html_join(
        "",
        "<li><a href='{}'>#{} {}</a> <span class='quiet'>{}, {}</span>{} "
        "{} <a href='{}'>#{}</a></li>",
        (
            (
                *_line(_dated(response), statement),
                response.get_kind_display().lower(),
                admin_url(response.to_statement),
                response.to_statement_id,
            )
            for response in cluster.responses
        ),
    )
    return format_html(
        "<p>Claim #{}: {} statement(s) by {} speaker(s).</p>"
        "<ul class='plain claim-statements'>{}</ul>"
        "<p>Answered by {} statement(s):</p><ul class='plain claim-responses'>{}</ul>",
        cluster.claim,
        cluster.statements_count,
        len(cluster.speakers),
        made,
        cluster.responses_count,
        answered or format_html("<li>{}</li>", "none"),
    )


def _dated(relation) -> Statement:
    statement = relation.from_statement
    statement.first_said = relation.first_said
    return statement


def top_claims() -> list[dict]:
    """The most widely made claims, each with its representative's text (one query). Every
    statement is shown here: the representative is the claim's key statement."""
    text = Statement.objects.filter(pk=OuterRef("claim_id")).values("text")[:1]
    return list(claim_list(public_only=PUBLIC_ONLY).annotate(text=Subquery(text))[:TOP_CLAIMS])
