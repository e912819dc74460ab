"""Reads of claims: one claim's statements and the responses to them
(``claim_cluster``), and the list of claims ranked by how widely they are made
(``claim_list``). Visibility as everywhere (``statements.visibility``): the public sees the
published statements of a claim, editors, reviewers and admins every one.

A claim is drawn by every ``same_claim`` relation, whoever sees its statements: a draft
that joins two published statements puts them in one claim for the public too (it is not
shown). The keys are materialised (``statements.claims.keys``), so each read is a fixed
number of queries whatever the size of the corpus.
"""

from dataclasses import dataclass, field

from django.db.models import (
    Count,
    DateField,
    F,
    Max,
    Min,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Cast, Coalesce

from statements.choices import RelationKind
from statements.models import Attribution, ClaimMember, Relation, Statement
from statements.visibility import visible_to

# The relations that answer a claim: a statement that denies, contradicts, supports or
# updates one of its statements. (``responds_to`` reacts without taking a side.)
RESPONSE_KINDS = (
    RelationKind.DENIES,
    RelationKind.CONTRADICTS,
    RelationKind.SUPPORTS,
    RelationKind.UPDATES,
)

# At most this many statements, and as many responses, in one claim's answer (the oldest).
CLAIM_MAX_STATEMENTS = 200


@dataclass
class ClaimCluster:
    claim: int  # its key: the smallest statement id in it
    statement: int  # the statement asked about
    statements: list[Statement]  # oldest first, with their attributions
    responses: list[Relation]  # oldest first, with their statements' attributions
    statements_count: int
    responses_count: int
    speakers: list = field(default_factory=list)  # distinct, in order of first appearance


def _attributions() -> Prefetch:
    return Prefetch(
        "attributions",
        queryset=Attribution.objects.select_related(
            "speaker", "source", "on_behalf_of", "role_at_the_time"
        ).order_by("stated_on", "source__published_at", "id"),
    )


def _first_said() -> Min:
    """When the statement was first said: the earliest of its attributions' ``stated_on``,
    or else of its sources' publication dates."""
    return Min(
        Coalesce(
            "attributions__stated_on",
            Cast("attributions__source__published_at", DateField()),
        )
    )


def _oldest_first(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(first_said=_first_said()).order_by(
        F("first_said").asc(nulls_last=True), "pk"
    )


def claim_cluster(*, statement_id: int, public_only: bool) -> ClaimCluster:
    """The claim of a statement: its statements and the responses to them, the public ones
    only or all (``public_only``: ``visibility.can_see_unpublished``), each oldest first
    (the statement's first ``stated_on``, else its first source's date; undated last), at
    most ``CLAIM_MAX_STATEMENTS`` of each."""
    # The key and the ids of the claim's statements, in one indexed read.
    rows = list(
        ClaimMember.objects.filter(
            claim_id__in=ClaimMember.objects.filter(pk=statement_id).values("claim_id")
        ).values_list("statement_id", "claim_id")
    )
    key = rows[0][1] if rows else statement_id
    ids = [member for member, _ in rows] or [statement_id]
    shown = visible_to(public_only=public_only)
    members = Statement.objects.filter(shown, pk__in=ids)
    statements = list(
        _oldest_first(members).prefetch_related(_attributions())[: CLAIM_MAX_STATEMENTS + 1]
    )
    answers = (
        Relation.objects.filter(
            kind__in=RESPONSE_KINDS,
            to_statement__in=members.values("pk"),
        )
        .exclude(from_statement__in=members.values("pk"))
        .filter(visible_to(public_only=public_only, prefix="from_statement__"))
    )
    first_said = Subquery(
        _oldest_first(Statement.objects.filter(pk=OuterRef("from_statement_id"))).values(
            "first_said"
        )[:1]
    )
    responses = list(
        answers.annotate(first_said=first_said)
        .select_related("from_statement", "to_statement")
        .prefetch_related(
            Prefetch(
                "from_statement__attributions",
                queryset=_attributions().queryset,
            )
        )
        .order_by(F("first_said").asc(nulls_last=True), "from_statement_id", "pk")[
            : CLAIM_MAX_STATEMENTS + 1
        ]
    )
    statements_count = len(statements)
    if statements_count > CLAIM_MAX_STATEMENTS:
        statements_count = members.count()
    responses_count = len(responses)
    if responses_count > CLAIM_MAX_STATEMENTS:
        responses_count = answers.count()
    speakers: dict[int, object] = {}
    for statement in statements[:CLAIM_MAX_STATEMENTS]:
        for attribution in statement.attributions.all():
            speakers.setdefault(attribution.speaker_id, attribution.speaker)
    return ClaimCluster(
        claim=key,
        statement=statement_id,
        statements=statements[:CLAIM_MAX_STATEMENTS],
        responses=responses[:CLAIM_MAX_STATEMENTS],
        statements_count=statements_count,
        responses_count=responses_count,
        speakers=list(speakers.values()),
    )


def claim_list(*, public_only: bool) -> QuerySet:
    """The claims of at least two statements shown (``public_only``, as ``claim_cluster``),
    one row each: ``claim_id``; ``representative_id``, its smallest statement id shown;
    ``statements``, ``speakers``, ``sources``, distinct counts; ``latest``, the latest
    publication date of its sources. Most widely made first: by distinct speakers, then
    sources, then the latest date, then the newest key."""
    members = ClaimMember.objects.filter(visible_to(public_only=public_only, prefix="statement__"))
    return (
        members.values("claim_id")
        .annotate(
            representative_id=Min("statement_id"),
            statements=Count("statement_id", distinct=True),
            speakers=Count("statement__attributions__speaker_id", distinct=True),
            sources=Count("statement__attributions__source_id", distinct=True),
            latest=Max("statement__attributions__source__published_at"),
        )
        .filter(statements__gte=2)
        .order_by("-speakers", "-sources", F("latest").desc(nulls_last=True), "-claim_id")
    )


def representatives(ids: list[int]) -> dict[int, Statement]:
    """The representative statements of a page of claims, by id."""
    return {statement.pk: statement for statement in Statement.objects.filter(pk__in=ids)}
