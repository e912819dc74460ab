"""``statements/{id}/revisions/``: the changes editors proposed to a published statement
(``statements.corrections``), and the reviewers' decision on each: approve (with the public
note of the correction) or reject (with a reason)."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from statements import corrections, selectors
from statements.api import schema
from statements.api.serializers import ApproveSerializer, RejectSerializer, RevisionSerializer
from statements.models import Revision, Statement


def revision_url(request: Request, revision: Revision) -> str:
    return request.build_absolute_uri(
        reverse("api:statement-revision-detail", args=[revision.statement_id, revision.pk])
    )


def proposed_response(request: Request, revision: Revision) -> Response:
    """202 Accepted: the change is a pending revision (``Location``), the statement as it
    was (its ETag too)."""
    data = RevisionSerializer(revision, context={"request": request}).data
    headers = {"Location": revision_url(request, revision)}
    return Response(data, status=status.HTTP_202_ACCEPTED, headers=headers)


def refuse_proposed_note(fields: dict[str, Any]) -> None:
    """An editor's proposal carries no correction note: the reviewer who approves it writes
    the public one."""
    if "correction_note" in fields:
        raise ValidationError(
            {
                "correction_note": [
                    "This change is proposed to a reviewer, who writes the public note when "
                    "approving it: leave correction_note out."
                ]
            }
        )


@extend_schema_view(
    list=extend_schema(**schema.LIST_REVISIONS), retrieve=extend_schema(**schema.GET_REVISION)
)
class StatementRevisionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Routed by hand (config.api_router), under a statement. Reviewers read and decide
    every revision; editors read those they proposed; the public none."""

    serializer_class = RevisionSerializer
    permission_classes = [IsAuthenticated]
    filterset_class = None
    lookup_value_regex = r"[0-9]+"

    @cached_property
    def statement(self) -> Statement:
        statements = selectors.visible_statements(user=self.request.user)
        return get_object_or_404(statements, pk=self.kwargs["statement_pk"])

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no URL kwargs
            return Revision.objects.none()
        revisions = corrections.visible_revisions(self.request.user)
        return revisions.filter(statement=self.statement).order_by("id")

    def _decide(self, request: Request, serializer_class, decide) -> Response:
        if not corrections.may_decide(request.user):
            raise PermissionDenied(
                "You need the publish_statement permission (reviewers have it) to decide "
                "a revision."
            )
        revision = self.get_object()
        body = serializer_class(data=request.data)
        body.is_valid(raise_exception=True)
        decide(revision, **body.validated_data)
        revision = self.get_queryset().get(pk=revision.pk)
        return Response(RevisionSerializer(revision, context={"request": request}).data)

    @extend_schema(**schema.APPROVE_REVISION)
    def approve(self, request: Request, statement_pk: int, pk: str) -> Response:
        return self._decide(
            request,
            ApproveSerializer,
            lambda revision, note: corrections.revision_approve(
                revision=revision, user=request.user, note=note
            ),
        )

    @extend_schema(**schema.REJECT_REVISION)
    def reject(self, request: Request, statement_pk: int, pk: str) -> Response:
        return self._decide(
            request,
            RejectSerializer,
            lambda revision, reason: corrections.revision_reject(
                revision=revision, user=request.user, reason=reason
            ),
        )


__all__ = ["StatementRevisionViewSet"]
