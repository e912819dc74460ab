"""Claims over HTTP: ``statements/{id}/claim/`` (one claim: its statements, who made them,
where and when, and the responses to them), ``claims/`` (the claims, most widely made
first), ``statements/{id}/claim-candidates/`` and the ``claim_candidates`` of a created
statement (the statements it may repeat). Reads and shapes here; the rules are in
``statements.claims``."""

from typing import Any

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from statements import selectors
from statements.api import claims_schema as docs
from statements.api.cache import cached_response
from statements.api.pagination import PageNumberPagination
from statements.api.permissions import CanAddStatements
from statements.api.schema import ID, PUBLIC_READ, READ_ERRORS, WRITE_ERRORS, problems
from statements.api.serializers import (
    MembershipSummarySerializer,
    SourceSummarySerializer,
    SpeakerSummarySerializer,
    StatementSerializer,
    StatementSummarySerializer,
)
from statements.choices import RelationKind, StatementStatus
from statements.claims.selectors import claim_cluster, claim_list, representatives
from statements.claims.similarity import Candidate, claim_candidates
from statements.visibility import can_see_unpublished

# --- Shapes -----------------------------------------------------------------------------------


class ClaimAttributionSerializer(serializers.Serializer):
    """Who made the statement, in which role, where and when."""

    speaker = SpeakerSummarySerializer()
    speaker_role = serializers.CharField(help_text="The speaker's role as the source printed it.")
    role_at_the_time = MembershipSummarySerializer(
        allow_null=True,
        help_text="The speaker's membership that held when it was said (as on an attribution).",
    )
    on_behalf_of = SpeakerSummarySerializer(allow_null=True)
    verb = serializers.CharField()
    mode = serializers.CharField()
    speech_act = serializers.CharField()
    stated_on = serializers.DateField(allow_null=True, help_text="When it was said, if known.")
    source = SourceSummarySerializer(help_text="Where: title, publisher, URL and date.")


class ClaimStatementSerializer(serializers.Serializer):
    """A statement of the claim (or a response to it), with its attributions."""

    id = serializers.IntegerField()
    url = serializers.SerializerMethodField(help_text="The statement itself.")
    text = serializers.CharField()
    language = serializers.CharField()
    status = serializers.CharField()
    first_said = serializers.DateField(
        allow_null=True,
        help_text="Its earliest `stated_on`, else its earliest source's date; null if "
        "neither is known.",
    )
    attributions = ClaimAttributionSerializer(many=True, source="attributions.all")

    def get_url(self, statement) -> str:
        return _absolute(self.context, "api:statement-detail", statement.pk)


class ClaimResponseSerializer(serializers.Serializer):
    """A statement that denies, contradicts, supports or updates one of the claim's."""

    relation = serializers.IntegerField(source="pk", help_text="The relation's id.")
    kind = serializers.ChoiceField(choices=RelationKind.choices)
    note = serializers.CharField()
    target = StatementSummarySerializer(
        source="to_statement", help_text="The statement of the claim it answers."
    )
    statement = serializers.SerializerMethodField()

    @extend_schema_field(ClaimStatementSerializer)
    def get_statement(self, relation) -> dict[str, Any]:
        statement = relation.from_statement
        statement.first_said = relation.first_said
        return ClaimStatementSerializer(statement, context=self.context).data


class ClaimSerializer(serializers.Serializer):
    """One claim followed across speakers and sources: the statements that `same_claim`
    relations join (oldest first) and the statements that deny, contradict, support or
    update them (oldest first)."""

    claim = serializers.IntegerField(help_text="The claim's key: its smallest statement id.")
    statement = serializers.IntegerField(help_text="The statement asked about.")
    statements_count = serializers.IntegerField()
    responses_count = serializers.IntegerField()
    speakers = SpeakerSummarySerializer(
        many=True, help_text="Who made the claim, in order of first appearance."
    )
    statements = ClaimStatementSerializer(many=True)
    responses = ClaimResponseSerializer(many=True)


class ClaimSummarySerializer(serializers.Serializer):
    """A claim in the list: how widely it is made, and one statement that stands for it."""

    claim = serializers.IntegerField(source="claim_id")
    url = serializers.SerializerMethodField(help_text="The whole claim.")
    statement = StatementSummarySerializer(
        source="representative", help_text="Its smallest statement id the caller may see."
    )
    statements = serializers.IntegerField(help_text="Its statements the caller may see.")
    speakers = serializers.IntegerField(help_text="Distinct speakers of those statements.")
    sources = serializers.IntegerField(help_text="Distinct sources of those statements.")
    latest = serializers.DateTimeField(
        allow_null=True, help_text="The latest publication date of those sources."
    )

    def get_url(self, row) -> str:
        return _absolute(self.context, "api:statement-claim", row["representative_id"])


class ClaimCandidateSerializer(serializers.Serializer):
    """A statement that may make the same claim, and how alike the two texts are."""

    statement = StatementSummarySerializer()
    score = serializers.FloatField(help_text="From 0 to 1; proposed from the threshold up.")


class StatementCreatedSerializer(StatementSerializer):
    """The statement created, with the statements it may repeat (`claim_candidates`)."""

    claim_candidates = ClaimCandidateSerializer(
        many=True,
        read_only=True,
        help_text="Statements that may make the same claim, best first: link one with a "
        "`same_claim` relation.",
    )

    class Meta(StatementSerializer.Meta):
        fields = [*StatementSerializer.Meta.fields, "claim_candidates"]


def _absolute(context: dict[str, Any], name: str, pk: int) -> str:
    path = reverse(name, args=[pk])
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


def candidates_data(candidates: list[Candidate]) -> list[dict[str, Any]]:
    return [
        {"statement": StatementSummarySerializer(c.statement).data, "score": c.score}
        for c in candidates
    ]


# --- Documentation ----------------------------------------------------------------------------

CLAIM = {
    "operation_id": "get_statement_claim",
    "summary": "Get a statement's claim",
    "description": docs.CLAIM_DESCRIPTION,
    "parameters": [ID],
    "auth": PUBLIC_READ,
    "examples": docs.EXAMPLES.get("get_statement_claim", []),
    "responses": {200: ClaimSerializer, **problems(*READ_ERRORS, 410)},
}
CLAIM_CANDIDATES = {
    "operation_id": "find_statement_claim_candidates",
    "summary": "List a statement's same-claim candidates",
    "description": docs.CANDIDATES_DESCRIPTION,
    "parameters": [ID],
    "examples": docs.EXAMPLES.get("find_statement_claim_candidates", []),
    "responses": {200: ClaimCandidateSerializer(many=True), **problems(401, 403, 404, 410, 429)},
}
CLAIMS = {
    "operation_id": "list_claims",
    "summary": "List claims",
    "description": docs.CLAIMS_DESCRIPTION,
    "auth": PUBLIC_READ,
    "examples": docs.EXAMPLES.get("list_claims", []),
    "responses": {200: ClaimSummarySerializer(many=True), **problems(*READ_ERRORS)},
}

# The create of a statement, as ``schema.crud`` documents it, answering the candidates too.
CREATE_STATEMENT = extend_schema(
    operation_id="create_statement",
    summary="Create a statement",
    examples=docs.EXAMPLES["create_statement"],
    description="Create a statement. Needs the add permission (editors). The response is "
    "the statement with `claim_candidates`: the statements it may repeat, as "
    "`GET /statements/{id}/claim-candidates/` lists them.",
    responses={201: StatementCreatedSerializer, **problems(*WRITE_ERRORS)},
)


# --- Views ------------------------------------------------------------------------------------


class StatementClaimsMixin:
    """The claim of a statement and its candidates, on ``statements/{id}/``; the candidates
    in the response of a create."""

    def create(self, request: Request, *args, **kwargs) -> Response:
        response = super().create(request, *args, **kwargs)
        # After the statement is committed: the candidates are advice, not part of it.
        # A new statement is in no claim yet: only itself to leave out.
        visible = selectors.visible_statements(user=request.user)
        candidates = claim_candidates(
            text=response.data["text"], queryset=visible.exclude(pk=response.data["id"])
        )
        response.data["claim_candidates"] = candidates_data(candidates)
        return response

    def _visible_statement(self) -> int:
        """The statement's id, as ``statements/{id}/`` finds it: 404 when the caller may
        not see it, 410 with the notice when it is retracted."""
        pk = int(self.kwargs["pk"])
        # Through the filter backends: an unknown query parameter is a 400.
        visible = self.filter_queryset(selectors.visible_statements(user=self.request.user))
        found = visible.filter(pk=pk).values_list("status", flat=True).first()
        if found is None or found == StatementStatus.RETRACTED:
            data = None
            if found is not None and not self._published_only():
                statement = selectors.statement_queryset(user=self.request.user).get(pk=pk)
                context = {"request": self.request}
                data = StatementSerializer(statement, context=context).data
            self._refuse_retracted(data)
            raise Http404("No Statement matches the given query.")
        return pk

    @extend_schema(**CLAIM)
    @action(
        detail=True,
        methods=["get"],
        filterset_class=None,
        pagination_class=None,
        serializer_class=ClaimSerializer,
    )
    def claim(self, request: Request, pk: str) -> Response:
        cluster = claim_cluster(
            statement_id=self._visible_statement(), public_only=self._published_only()
        )
        data = ClaimSerializer(cluster, context=self.get_serializer_context()).data
        return self.detail_response(data)

    @extend_schema(**CLAIM_CANDIDATES)
    @action(
        detail=True,
        methods=["get"],
        url_path="claim-candidates",
        filterset_class=None,
        pagination_class=None,
        serializer_class=ClaimCandidateSerializer,
        permission_classes=[CanAddStatements],
    )
    def claim_candidates(self, request: Request, pk: str) -> Response:
        statement_id = self._visible_statement()
        text = selectors.visible_statements(user=request.user).get(pk=statement_id).text
        candidates = claim_candidates(
            text=text,
            queryset=selectors.visible_statements(user=request.user),
            exclude=statement_id,
        )
        return Response(candidates_data(candidates))


@extend_schema_view(list=extend_schema(**CLAIMS))
class ClaimViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """``claims/``: the claims of at least two statements, most widely made first."""

    serializer_class = ClaimSummarySerializer
    pagination_class = PageNumberPagination
    permission_classes = [AllowAny]

    def get_queryset(self):
        return claim_list(public_only=not can_see_unpublished(self.request.user))

    def list(self, request: Request, *args, **kwargs) -> Response:
        # Ranking every claim reads all their statements' attributions: cached as searches
        # are, until the next committed change (statements.api.cache).
        return cached_response(request, self._page)

    def _page(self) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        shown = representatives([row["representative_id"] for row in page])
        for row in page:
            row["representative"] = shown[row["representative_id"]]
        data = self.get_serializer(page, many=True).data
        return self.get_paginated_response(data)
