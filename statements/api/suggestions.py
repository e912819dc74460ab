"""``sources/{id}/suggestions/``: the attributions the rules suggest for a source's body
(``statements.suggestions``), and the editor's answer to each: accept (a draft statement)
or reject. Asking saves nothing; each answer is remembered, so it is not proposed again."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from statements import selectors, services
from statements.api import schema
from statements.api.conditional import representation_etag
from statements.api.permissions import CanAddStatements
from statements.api.serializers import (
    StatementSerializer,
    SuggestionAcceptSerializer,
    SuggestionListSerializer,
)
from statements.models import Source
from statements.suggestions import Suggestion
from statements.suggestions.selectors import open_suggestion, open_suggestions


class SourceSuggestionViewSet(viewsets.GenericViewSet):
    """Routed by hand (config.api_router): POST only, under a source."""

    permission_classes = [CanAddStatements]
    serializer_class = SuggestionListSerializer
    pagination_class = None
    filter_backends = []

    @cached_property
    def source(self) -> Source:
        sources = selectors.source_queryset(user=self.request.user)
        return get_object_or_404(sources, pk=self.kwargs["source_pk"])

    def suggestion(self) -> Suggestion:
        suggestion = open_suggestion(self.source, self.kwargs["key"])
        if suggestion is None:
            raise Http404("No open suggestion of this source has this key.")
        return suggestion

    @extend_schema(**schema.SUGGESTIONS)
    def create(self, request: Request, source_pk: int) -> Response:
        suggestions = open_suggestions(self.source)
        data = {"source": self.source.pk, "count": len(suggestions), "suggestions": suggestions}
        return Response(SuggestionListSerializer(data).data)

    @extend_schema(**schema.ACCEPT_SUGGESTION)
    def accept(self, request: Request, source_pk: int, key: str) -> Response:
        suggestion = self.suggestion()  # an unknown one is a 404 whatever the body says
        overrides = SuggestionAcceptSerializer(data=request.data)
        overrides.is_valid(raise_exception=True)
        statement = services.suggestion_accept(
            source=self.source,
            suggestion=suggestion,
            user=request.user,
            **overrides.validated_data,
        )
        # Read back as GET statements/{id}/ reads it.
        statement = selectors.statement_queryset(user=request.user).get(pk=statement.pk)
        data = StatementSerializer(statement, context=self.get_serializer_context()).data
        location = request.build_absolute_uri(reverse("api:statement-detail", args=[statement.pk]))
        headers = {"ETag": representation_etag(data), "Location": location}
        return Response(data, status=status.HTTP_201_CREATED, headers=headers)

    @extend_schema(**schema.REJECT_SUGGESTION)
    def reject(self, request: Request, source_pk: int, key: str) -> Response:
        services.suggestion_reject(
            source=self.source, suggestion=self.suggestion(), user=request.user
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


__all__ = ["SourceSuggestionViewSet"]
