"""The API's views: each states its queryset, serializer and filterset; writes go to the
services of its model (``services.services_for``), statement reads to the selector that
plans them (``selectors.statement_results``)."""

import dataclasses
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.fields import DateTimeField
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from statements import changes, corrections, history, retractions, selectors, services, visibility
from statements.api import schema
from statements.api.cache import cached_response
from statements.api.claims import CREATE_STATEMENT, StatementClaimsMixin
from statements.api.conditional import (
    check_if_match,
    not_modified,
    representation_etag,
    require_if_match,
)
from statements.api.corrections import proposed_response, refuse_proposed_note
from statements.api.exceptions import StatementRetracted
from statements.api.jsonld import JSONLDMixin, request_iris
from statements.api.pagination import ChangeFeedPagination, StatementPagination
from statements.api.permissions import CanViewHistory
from statements.api.renderers import CSVRenderer, JSONLDRenderer, JSONRenderer, NDJSONRenderer
from statements.api.schema_hooks import QUOTE_ANCHORING_HEADER
from statements.api.serializers import (
    AttributionSerializer,
    ChangeSerializer,
    HistoryEntrySerializer,
    RelationSerializer,
    RetractSerializer,
    SourceSerializer,
    SpeakerSerializer,
    StatementSerializer,
)
from statements.choices import StatementStatus
from statements.filtersets import (
    AttributionFilterSet,
    FilterSet,
    RelationFilterSet,
    SourceFilterSet,
    SpeakerFilterSet,
    StatementExportFilterSet,
    StatementFilterSet,
    check_known_ids,
)
from statements.models import Attribution, Change, ChangeObject, Source, Speaker, Statement
from statements.representations import postgres
from statements.representations.fields import (
    ATTRIBUTION_RESOURCE,
    RELATION,
    SOURCE,
    SPEAKER,
    STATEMENT,
    Shape,
    UnknownFields,
    loaded_fields,
    select,
    summaries,
)
from statements.search import StatementResults
from statements.transfer import export


class ResourceViewSet(viewsets.ModelViewSet):
    """CRUD whose writes go through the services of the queryset's model
    (``services.services_for``, as the admin's) and whose responses are read back through
    ``get_queryset``, so a write's response costs the same queries as a read."""

    lookup_value_regex = r"[0-9]+"

    def model_services(self) -> services.ModelServices:
        return services.services_for(self.get_queryset().model)

    # --- reads ---------------------------------------------------------------------------

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        return self.detail_response(self.get_serializer(self.get_object()).data)

    def detail_response(self, data: dict[str, Any]) -> Response:
        """A detail with its ETag, or 304 when the client's is still current."""
        etag = representation_etag(data)
        if not_modified(self.request, etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return Response(data, headers={"ETag": etag})

    @action(
        detail=True,
        methods=["get"],
        permission_classes=[CanViewHistory],
        filterset_class=None,
        serializer_class=HistoryEntrySerializer,
    )
    def history(self, request: Request, pk: str) -> Response:
        """The object's versions, newest first, with the fields each one changed."""
        # Only the object's visibility matters here, not the joins of its representation.
        queryset = self.filter_queryset(self.get_queryset()).prefetch_related(None)
        instance = get_object_or_404(queryset, pk=pk)
        records = self.paginate_queryset(history.history_queryset(instance))
        previous = history.version_before(instance, records[-1]) if records else None
        entries = history.history_entries(records, previous)
        return self.get_paginated_response(HistoryEntrySerializer(entries, many=True).data)

    # --- writes --------------------------------------------------------------------------

    def create(self, request: Request, *args, **kwargs) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        revision = self.propose(None, serializer.validated_data)
        if revision is not None:
            return proposed_response(request, revision)
        instance = self.model_services().create(user=request.user, **serializer.validated_data)
        return self._read_back(instance, status.HTTP_201_CREATED)

    def update(self, request: Request, *args, **kwargs) -> Response:
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            instance = self._get_locked_object()
            serializer = self.get_serializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            revision = self.propose(instance, serializer.validated_data)
            if revision is None:
                instance = self.model_services().update(
                    instance, user=request.user, **serializer.validated_data
                )
        if revision is not None:
            return proposed_response(request, revision)
        return self._read_back(instance, status.HTTP_200_OK)

    def propose(self, instance: Any, fields: dict[str, Any]) -> Any:
        """The revision that this write (of ``instance``, None for a create) becomes instead
        of applying, when it changes a published statement and the user does not decide
        revisions (``statements.corrections``); None when it applies."""
        return None

    def destroy(self, request: Request, *args, **kwargs) -> Response:
        with transaction.atomic():
            self.model_services().delete(self._get_locked_object(), user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    # The writes that overwrite or remove what others read: on published data they need
    # If-Match (428 without it). Creates have nothing to overwrite; workflow actions honour
    # If-Match when sent.
    CONDITIONAL_ACTIONS = ("update", "partial_update", "destroy")

    def published_reason(self, instance: Any) -> str | None:
        """Why the object is published data, whose writes need If-Match; None for drafts
        and for resources outside the publishing workflow."""
        return None

    def _get_locked_object(self) -> Any:
        """The object, read under the lock its writes take (for a statement or an
        attribution, the statement's: ``services.lock_for_write``), after If-Match is
        checked against that reading."""
        # Lock the bare rows: FOR UPDATE cannot cover the outer joins of the read queryset.
        services.lock_for_write(self.get_queryset().model, self.kwargs[self.lookup_field])
        instance = self.get_object()
        if self.request.headers.get("If-Match"):
            check_if_match(self.request, representation_etag(self.get_serializer(instance).data))
        elif self.action in self.CONDITIONAL_ACTIONS:  # no If-Match, or an empty one
            reason = self.published_reason(instance)
            if reason is not None:
                require_if_match(self.request, reason)
        return instance

    def _read_back(self, instance: Any, status_code: int) -> Response:
        instance = self.get_queryset().filter(pk=instance.pk).first() or instance
        data = self.get_serializer(instance).data
        headers = {"ETag": representation_etag(data)}
        if status_code == status.HTTP_201_CREATED:
            headers["Location"] = self.request.build_absolute_uri(f"{instance.pk}/")
        return Response(data, status=status_code, headers=headers)


class SelectedFieldsMixin:
    """``?fields=id,text,attributions.speaker``: the reads of ``selectable`` show only the
    fields named (``fields.select``). The statement writers build only those; the other
    resources' serializers (``SelectedFieldsSerializerMixin``) read only those, from the
    columns ``only_selected`` loads."""

    selectable: Shape | None = None
    SELECTING_ACTIONS = (None, "list", "retrieve")  # None: a view that only reads (search)

    def accepts_fields(self) -> bool:
        return self.selectable is not None and getattr(self, "action", None) in (
            self.SELECTING_ACTIONS
        )

    @cached_property
    def selected_shape(self) -> Shape | None:
        """The shape the request selects, or the declared one without ``fields``."""
        text = self.request.query_params.get("fields") if self.accepts_fields() else None
        if text is None:
            return self.selectable
        try:
            return select(self.selectable, text)
        except UnknownFields as error:
            raise ValidationError({"fields": [str(error)]}) from error

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if self.selected_shape is not None:
            context["shape"] = self.selected_shape
        return context

    def only_selected(self, queryset: QuerySet) -> QuerySet:
        """``queryset`` loading only what the selected fields show (for the reads that
        serializers build), when ``fields`` selects; as it is otherwise."""
        shape = self.selected_shape
        if shape is None or shape.declared is None:
            return queryset
        queryset = queryset.select_related(None)
        if joined := summaries(shape):
            queryset = queryset.select_related(*joined)
        return queryset.only(*loaded_fields(shape))


# --- Speaker ----------------------------------------------------------------------------------


@extend_schema_view(**schema.crud("speaker", "speakers", SpeakerSerializer, selectable=SPEAKER))
class SpeakerViewSet(JSONLDMixin, SelectedFieldsMixin, ResourceViewSet):
    serializer_class = SpeakerSerializer
    filterset_class = SpeakerFilterSet
    selectable = SPEAKER

    def get_queryset(self):
        return self.only_selected(selectors.speaker_queryset(user=self.request.user))


# --- Source -----------------------------------------------------------------------------------


@extend_schema_view(**schema.crud("source", "sources", SourceSerializer, selectable=SOURCE))
class SourceViewSet(JSONLDMixin, SelectedFieldsMixin, ResourceViewSet):
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet
    selectable = SOURCE

    def get_queryset(self):
        return self.only_selected(selectors.source_queryset(user=self.request.user))

    def _read_back(self, instance: Any, status_code: int) -> Response:
        response = super()._read_back(instance, status_code)
        # A changed body re-verified its quotes (services.source_update): say what became
        # of them, beside the representation (whose ETag stays that of a read).
        check = getattr(instance, "quote_check", None)
        if check is not None:
            response[QUOTE_ANCHORING_HEADER] = ", ".join(
                f"{name}={count}" for name, count in dataclasses.asdict(check).items()
            )
        return response


# --- Statement --------------------------------------------------------------------------------


class StatementResultsMixin:
    """Statement reads: the filter set applies the plain filters, the selector
    (``selectors.statement_results``) ``q`` and the conditions on one attribution, ranking
    where the read may rank; what it gives (``StatementResults``) is what the paginator
    pages through, the export streams and a detail is looked up in."""

    def statement_results(self, queryset: QuerySet, *, ranked: bool) -> StatementResults:
        filterset = self.request_filterset(queryset)
        if filterset is None:  # an action without filters (history)
            return StatementResults(queryset)
        return selectors.statement_results(
            filterset.qs,
            filters=filterset.form.cleaned_data,
            ranked=ranked,
            documents=self.searchable_documents(),
        )

    def searchable_documents(self) -> Q | None:
        """The condition on search documents that selects the statements of
        ``get_queryset``: every statement the caller may see."""
        return visibility.searchable_documents(user=self.request.user)

    def request_filterset(self, queryset: QuerySet) -> FilterSet | None:
        """The request's filter set over ``queryset``, after the other filter backends (an
        unknown or repeated parameter is a 400); a value that does not parse is a 400."""
        for backend_class in self.filter_backends:
            backend = backend_class()
            if not isinstance(backend, DjangoFilterBackend):
                queryset = backend.filter_queryset(self.request, queryset, self)
                continue
            filterset = backend.get_filterset(self.request, queryset, self)
            if filterset is not None and not filterset.is_valid():
                raise translate_validation(filterset.errors)
            return filterset
        return None

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # A detail (read or write) is the statement if it matches the filters given: it is
        # never looked up among ranked results, whatever q and ordering say.
        return self.statement_results(queryset, ranked=False).queryset


class StatementReadsMixin(SelectedFieldsMixin, StatementResultsMixin):
    """Statement lists and details. Where PostgreSQL writes the representations
    (``representations.postgres``): the page's ids in one query (plus the count), their
    representations in one more; a detail in one. Elsewhere, and in time zones other than
    UTC, the serializer builds them."""

    selectable = STATEMENT

    def get_visible_queryset(self) -> QuerySet:
        """As ``get_queryset``, without the joins that only the serializer reads."""
        raise NotImplementedError

    def list(self, request: Request, *args, **kwargs) -> Response:
        if postgres.available():
            results = self.statement_results(self.get_visible_queryset(), ranked=True)
            ids = self.paginate_queryset(results.ids())
            data = postgres.statement_representations(
                ids, published_only=self._published_only(), shape=self.selected_shape
            )
        else:
            results = self.statement_results(self.get_queryset(), ranked=True)
            data = self.get_serializer(self.paginate_queryset(results), many=True).data
        return self.get_paginated_response(data)

    def _published_only(self) -> bool:
        return not visibility.can_see_unpublished(self.request.user)


@extend_schema_view(
    **{
        **schema.crud(
            "statement", "statements", StatementSerializer, selectable=STATEMENT, retractable=True
        ),
        "create": CREATE_STATEMENT,
    }
)
class StatementViewSet(StatementClaimsMixin, JSONLDMixin, StatementReadsMixin, ResourceViewSet):
    serializer_class = StatementSerializer
    filterset_class = StatementFilterSet
    pagination_class = StatementPagination

    def get_queryset(self):
        return selectors.statement_queryset(user=self.request.user)

    def list(self, request: Request, *args, **kwargs) -> Response:
        if not request.query_params.get("q"):
            return super().list(request, *args, **kwargs)
        # A search: cached, as search/ is (statements.api.cache).
        return cached_response(request, lambda: super(StatementViewSet, self).list(request))

    def get_visible_queryset(self):
        return selectors.visible_statements(user=self.request.user)

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        data = self._representation()
        self._refuse_retracted(data)
        if data is None:  # as get_object
            raise Http404("No Statement matches the given query.")
        return self.detail_response(data)

    def _representation(self) -> dict[str, Any] | None:
        """The statement as the caller may see it; None when it is not visible to them or
        the filters leave it out."""
        if not postgres.available():
            try:
                return self.get_serializer(self.get_object()).data
            except Http404:
                return None
        # The filters apply to a detail too; without any, the visible statement with that id.
        queryset = None
        if self.request.query_params:
            queryset = self.filter_queryset(self.get_visible_queryset())
        return postgres.statement_representation(
            self.kwargs[self.lookup_field],
            published_only=self._published_only(),
            shape=self.selected_shape,
            queryset=queryset,
        )

    def _may_be_retracted(self, data: dict[str, Any] | None) -> bool:
        """Whether the read may have met a retracted statement: it found nothing (the public
        never finds one), or a retracted one, or one without its status (a selection of
        fields, which only editors may have read retracted)."""
        if data is None:
            return True
        if "status" in data:
            return data["status"] == StatementStatus.RETRACTED
        return not self._published_only()

    def _refuse_retracted(self, data: dict[str, Any] | None) -> None:
        """A retracted statement is gone, for everyone: 410 with its notice (the reason and
        the date). Those who may view unpublished statements also find in it the statement
        as it was retracted (``statement``, with its ETag); the public never reads it. A
        published statement costs no query more."""
        if not self._may_be_retracted(data):
            return
        notice = retractions.retraction_notice(self.kwargs[self.lookup_field])
        if notice is None:
            return
        statement = None if self._published_only() else data
        members = {
            "retraction": {
                "statement": notice.statement_id,
                "reason": notice.reason,
                "retracted_at": DateTimeField().to_representation(notice.retracted_at),
            },
            "statement": statement,
        }
        day = notice.retracted_at.date().isoformat()
        raise StatementRetracted(
            f"Statement #{notice.statement_id} was retracted on {day}: {notice.reason}",
            members,
            # With the representation, its ETag: a conditional write is then told why it
            # is refused (409: a retracted statement is frozen), not that the tag is stale.
            etag=representation_etag(statement) if statement is not None else None,
        )

    def published_reason(self, instance):
        if instance.status == StatementStatus.PUBLISHED:
            return "This statement is published"
        return None

    def propose(self, instance, fields):
        if instance is None or not corrections.needs_review(instance, self.request.user):
            return None
        refuse_proposed_note(fields)
        return corrections.revision_propose(statement=instance, user=self.request.user, **fields)

    def get_permissions(self):
        # The workflow actions have permissions of their own, checked in each action.
        if self.action in ("publish", "retract"):
            return [IsAuthenticated()]
        return super().get_permissions()

    def _require(self, permission: str) -> None:
        if not self.request.user.has_perm(f"statements.{permission}"):
            raise PermissionDenied(f"You need the {permission} permission (reviewers have it).")

    # --- export ---------------------------------------------------------------------------

    EXPORT_RENDERERS = (NDJSONRenderer, CSVRenderer, JSONLDRenderer)

    def perform_content_negotiation(self, request: Request, force: bool = False):
        # OPTIONS answers the metadata as JSON, whatever ``format`` or Accept say: the
        # export's renderers stream statements and cannot render it.
        if request.method == "OPTIONS":
            renderer = JSONRenderer()
            return renderer, renderer.media_type
        # ``format`` is DRF's URL_FORMAT_OVERRIDE: on the export it picks NDJSON or CSV by
        # choosing the renderer, and any other value is a 400 naming the choices (DRF
        # would answer a bare 404).
        if self.action == "export" and not force:
            chosen = request.query_params.get(api_settings.URL_FORMAT_OVERRIDE)
            choices = [renderer.format for renderer in self.EXPORT_RENDERERS]
            if chosen is not None and chosen not in choices:
                raise ValidationError(
                    {"format": [f"Unknown format {chosen!r}: choose {' or '.join(choices)}."]}
                )
        return super().perform_content_negotiation(request, force)

    @extend_schema(**schema.EXPORT)
    @action(
        detail=False,
        methods=["get"],
        renderer_classes=EXPORT_RENDERERS,
        pagination_class=None,
        filterset_class=StatementExportFilterSet,
    )
    def export(self, request: Request) -> StreamingHttpResponse:
        """Every statement the filters select, streamed: NDJSON (default), CSV or JSON-LD."""
        # q selects every match, never ranks.
        queryset = self.statement_results(self.get_queryset(), ranked=False).queryset
        # Before the stream starts, so that an unknown speaker or source is a 400.
        check_known_ids(request, found=False)
        renderer = request.accepted_renderer
        if renderer.format == "csv":
            body = export.csv_rows(export.statement_records(queryset))
        elif renderer.format == "jsonld":
            body = export.jsonld_graph(queryset, request_iris(request))
        else:
            body = export.ndjson_lines(queryset)
        content_type = renderer.media_type
        if renderer.charset:
            content_type += f"; charset={renderer.charset}"
        response = StreamingHttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="statements.{renderer.format}"'
        return response

    @extend_schema(**schema.PUBLISH)
    @action(detail=True, methods=["post"], serializer_class=StatementSerializer)
    def publish(self, request: Request, pk: str) -> Response:
        self._require("publish_statement")
        with transaction.atomic():
            statement = self._get_locked_object()
            statement = services.statement_publish(statement=statement, user=request.user)
        return self._read_back(statement, status.HTTP_200_OK)

    @extend_schema(**schema.RETRACT)
    @action(detail=True, methods=["post"], serializer_class=StatementSerializer)
    def retract(self, request: Request, pk: str) -> Response:
        self._require("retract_statement")
        reason = RetractSerializer(data=request.data)
        reason.is_valid(raise_exception=True)
        with transaction.atomic():
            statement = self._get_locked_object()
            statement = services.statement_retract(
                statement=statement, user=request.user, reason=reason.validated_data["reason"]
            )
        return self._read_back(statement, status.HTTP_200_OK)


@extend_schema_view(list=extend_schema(**schema.SPEAKER_STATEMENTS))
class SpeakerStatementViewSet(
    JSONLDMixin, StatementReadsMixin, mixins.ListModelMixin, viewsets.GenericViewSet
):
    """``speakers/{id}/statements/``: the statements a speaker made, with every statement filter."""

    serializer_class = StatementSerializer
    filterset_class = StatementFilterSet
    pagination_class = StatementPagination

    @cached_property
    def speaker(self) -> Speaker:
        # Cached: the permission check asks for the queryset too.
        speakers = selectors.speaker_queryset(user=self.request.user)
        return get_object_or_404(speakers, pk=self.kwargs["speaker_pk"])

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no URL kwargs
            return Statement.objects.none()
        return selectors.statements_of_speaker(user=self.request.user, speaker=self.speaker)

    def get_visible_queryset(self):
        return selectors.statements_of_speaker(
            user=self.request.user, speaker=self.speaker, joins=False
        )

    def searchable_documents(self):
        return None  # no condition on the documents selects a speaker's statements


# --- Attribution ------------------------------------------------------------------------------


@extend_schema_view(
    **schema.crud(
        "attribution", "attributions", AttributionSerializer, selectable=ATTRIBUTION_RESOURCE
    )
)
class AttributionViewSet(JSONLDMixin, SelectedFieldsMixin, ResourceViewSet):
    serializer_class = AttributionSerializer
    filterset_class = AttributionFilterSet
    selectable = ATTRIBUTION_RESOURCE

    def get_queryset(self):
        return self.only_selected(selectors.attribution_queryset(user=self.request.user))

    def published_reason(self, instance):
        if instance.statement.status == StatementStatus.PUBLISHED:
            return "This attribution's statement is published"
        return None

    def propose(self, instance, fields):
        statement = fields.get("statement") if instance is None else instance.statement
        if statement is None or not corrections.needs_review(statement, self.request.user):
            return None
        refuse_proposed_note(fields)
        fields = dict(fields)
        if fields.pop("statement", statement).pk != statement.pk:
            raise services.field_error(
                "statement",
                "An attribution cannot move to another statement: create a new one.",
                code="immutable",
            )
        change = corrections.with_attribution(statement, fields, instance)
        return corrections.revision_propose(statement=statement, user=self.request.user, **change)


@extend_schema_view(list=extend_schema(**schema.SOURCE_ATTRIBUTIONS))
class SourceAttributionViewSet(
    JSONLDMixin, SelectedFieldsMixin, mixins.ListModelMixin, viewsets.GenericViewSet
):
    """``sources/{id}/attributions/``: every statement a source reports, and how."""

    serializer_class = AttributionSerializer
    filterset_class = AttributionFilterSet
    selectable = ATTRIBUTION_RESOURCE

    @cached_property
    def source(self) -> Source:
        sources = selectors.source_queryset(user=self.request.user)
        return get_object_or_404(sources, pk=self.kwargs["source_pk"])

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no URL kwargs
            return Attribution.objects.none()
        attributions = selectors.attribution_queryset(user=self.request.user)
        return self.only_selected(attributions.filter(source=self.source))


# --- Relation ---------------------------------------------------------------------------------


@extend_schema_view(**schema.crud("relation", "relations", RelationSerializer, selectable=RELATION))
class RelationViewSet(SelectedFieldsMixin, ResourceViewSet):
    serializer_class = RelationSerializer
    filterset_class = RelationFilterSet
    selectable = RELATION

    def get_queryset(self):
        return self.only_selected(selectors.relation_queryset(user=self.request.user))


# --- Change feed ------------------------------------------------------------------------------


@extend_schema_view(list=extend_schema(**schema.CHANGES))
class ChangeViewSet(viewsets.GenericViewSet):
    """``changes/``: every change the caller may see, in the order the transactions
    committed (``statements.changes``), a page after a cursor."""

    serializer_class = ChangeSerializer
    pagination_class = ChangeFeedPagination
    filterset_class = None

    def get_queryset(self):
        return Change.objects.all()  # the strict parameters' check and the schema read it

    def list(self, request: Request) -> Response:
        self.filter_queryset(self.get_queryset())  # an unknown or repeated parameter: 400
        after = self.paginator.after(request)
        limit = self.paginator.get_page_size(request)
        entries, last = changes.change_page(
            public_only=not visibility.can_see_unpublished(request.user), after=after, limit=limit
        )
        urls = {
            kind: request.build_absolute_uri(reverse(f"api:{kind}-list"))
            for kind in ChangeObject.values
        }
        data = ChangeSerializer(entries, many=True, context={"urls": urls}).data
        return self.paginator.get_paginated_response(
            request, data, cursor=last or after, full=len(entries) == limit
        )


__all__ = [
    "AttributionViewSet",
    "ChangeViewSet",
    "RelationViewSet",
    "SourceAttributionViewSet",
    "SourceViewSet",
    "SpeakerStatementViewSet",
    "SpeakerViewSet",
    "StatementViewSet",
]
