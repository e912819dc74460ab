"""Speakers as entities: their dated memberships (``memberships/``), merging a speaker
into another (``speakers/{id}/merge/``), the likely duplicates (``speakers/duplicates/``)
and the redirects that merged ids answer (308)."""

from typing import Any

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from statements import merging, selectors
from statements.api import schema
from statements.api.fields import IdRelatedField
from statements.api.serializers import (
    SelectedFieldsSerializerMixin,
    SpeakerSerializer,
    SpeakerSummarySerializer,
    StrictSerializerMixin,
)
from statements.api.views import (
    ResourceViewSet,
    SelectedFieldsMixin,
    SpeakerStatementViewSet,
    SpeakerViewSet,
)
from statements.errors import PermanentRedirect
from statements.filtersets import MembershipFilterSet, SpeakerDuplicateFilterSet
from statements.models import Membership, Source, Speaker
from statements.representations.fields import MEMBERSHIP, names

# --- Memberships ------------------------------------------------------------------------------


class MembershipSerializer(
    SelectedFieldsSerializerMixin, StrictSerializerMixin, serializers.ModelSerializer
):
    """A person's membership of an organization, a government or a group, in a role, over
    a period (Popolo). `start` and `end` are partial dates: a year (`2021`), a month
    (`2021-01`) or a day (`2021-01-22`); blank when unknown (an end left blank: still a
    member). An attribution's `role_at_the_time` is the membership of its speaker that held
    on its day."""

    person = IdRelatedField(
        queryset=Speaker.objects.all(), help_text="The member: a speaker of kind `person`."
    )
    organization = IdRelatedField(
        queryset=Speaker.objects.all(),
        help_text="A speaker of kind `organization`, `government` or `group`.",
    )
    source = IdRelatedField(
        queryset=Source.objects.all(),
        required=False,
        allow_null=True,
        help_text="The source that says so.",
    )

    shape = MEMBERSHIP

    class Meta:
        model = Membership
        fields = names(MEMBERSHIP)


@extend_schema_view(
    **schema.crud("membership", "memberships", MembershipSerializer, selectable=MEMBERSHIP)
)
class MembershipViewSet(SelectedFieldsMixin, ResourceViewSet):
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilterSet
    selectable = MEMBERSHIP

    def get_queryset(self):
        return self.only_selected(selectors.membership_queryset(user=self.request.user))


# --- Merges and duplicates --------------------------------------------------------------------


class MergeSerializer(StrictSerializerMixin, serializers.Serializer):
    """The speaker to merge into (the survivor). A merged speaker's id is followed to the
    speaker it was merged into."""

    into = serializers.IntegerField(min_value=1, help_text="The surviving speaker's id.")


class DuplicatePairSerializer(serializers.Serializer):
    """Two speakers that may be one: `same_name`, a name or alias of one is (ignoring
    case, accents, punctuation and initials) a name or alias of the other; `similar_name`,
    their names are spelt alike (trigram similarity). `score` from 0 to 1, best first."""

    speaker = SpeakerSummarySerializer()
    duplicate = SpeakerSummarySerializer()
    score = serializers.FloatField()
    reasons = serializers.ListField(
        child=serializers.ChoiceField(choices=["same_name", "similar_name"])
    )


@extend_schema_view(
    merge=extend_schema(**schema.MERGE_SPEAKER),
    duplicates=extend_schema(
        **schema.SPEAKER_DUPLICATES,
        responses={200: DuplicatePairSerializer(many=True), **schema.problems(*schema.READ_ERRORS)},
    ),
)
class MergingSpeakerViewSet(SpeakerViewSet):
    """The speakers, with merges: ``merge``, ``duplicates`` and the 308 of a merged id."""

    @action(detail=True, methods=["post"], serializer_class=MergeSerializer, filterset_class=None)
    def merge(self, request: Request, pk: str) -> Response:
        if not request.user.has_perm("statements.merge_speaker"):
            raise PermissionDenied("You need the merge_speaker permission (reviewers have it).")
        body = MergeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        into_id = merging.check_into(body.validated_data["into"])
        with transaction.atomic():
            speaker = self.get_object()
            into = Speaker.objects.filter(pk=into_id).first()
            if into is None:
                raise serializers.ValidationError(
                    {"into": [f"No speaker has the id {body.validated_data['into']}."]}
                )
            survivor = merging.speaker_merge(speaker=speaker, into=into, user=request.user)
        data = SpeakerSerializer(survivor, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_200_OK)

    @action(
        detail=False,
        methods=["get"],
        serializer_class=DuplicatePairSerializer,
        filterset_class=SpeakerDuplicateFilterSet,
    )
    def duplicates(self, request: Request) -> Response:
        self.filter_queryset(Speaker.objects.none())  # an unknown parameter or kind: 400
        pairs = merging.duplicate_candidates(kind=request.query_params.get("kind"))
        page = self.paginate_queryset(pairs)
        ids = {pk for pair in page for pk in (pair.speaker, pair.duplicate)}
        speakers = Speaker.objects.only("id", "name", "kind").in_bulk(ids)
        data = [
            {
                "speaker": speakers[pair.speaker],
                "duplicate": speakers[pair.duplicate],
                "score": pair.score,
                "reasons": list(pair.reasons),
            }
            for pair in page
        ]
        return self.get_paginated_response(DuplicatePairSerializer(data, many=True).data)

    def get_object(self) -> Any:
        try:
            return super().get_object()
        except Exception as error:
            redirect_if_merged(self.request, self.kwargs.get(self.lookup_field), error)
            raise


def redirect_if_merged(request: Request, old_id: Any, error: Exception) -> None:
    """Raise the 308 to the survivor when ``old_id`` is a merged speaker's id (and the
    look-up failed with a 404); else return, so that ``error`` is raised."""
    if not isinstance(error, Http404 | NotFound) or not str(old_id or "").isdigit():
        return
    target = merging.redirect_target(int(old_id))
    if target is None:
        return
    path = request.get_full_path().replace(f"/speakers/{old_id}/", f"/speakers/{target}/", 1)
    raise PermanentRedirect(request.build_absolute_uri(path))


def speaker_or_redirect(request: Request, speaker_pk: Any) -> Speaker:
    """The speaker of a nested route (``speakers/{id}/statements/``), or the 308 to the
    survivor of a merged id."""
    speakers = selectors.speaker_queryset(user=request.user)
    try:
        return get_object_or_404(speakers, pk=speaker_pk)
    except Exception as error:
        redirect_if_merged(request, speaker_pk, error)
        raise


class RedirectingSpeakerStatementViewSet(SpeakerStatementViewSet):
    """``speakers/{id}/statements/``, where a merged speaker's id answers 308."""

    @cached_property
    def speaker(self) -> Speaker:
        return speaker_or_redirect(self.request, self.kwargs["speaker_pk"])
