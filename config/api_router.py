"""Routes of the API under /api/v1/."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from statements.api import claims, corrections, search, speakers, suggestions, views

router = DefaultRouter()
router.register("speakers", speakers.MergingSpeakerViewSet, basename="speaker")
router.register("sources", views.SourceViewSet, basename="source")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("attributions", views.AttributionViewSet, basename="attribution")
router.register("relations", views.RelationViewSet, basename="relation")
router.register("memberships", speakers.MembershipViewSet, basename="membership")
router.register("changes", views.ChangeViewSet, basename="change")
router.register("claims", claims.ClaimViewSet, basename="claim")

app_name = "api"
urlpatterns = [
    path(
        "speakers/<int:speaker_pk>/statements/",
        speakers.RedirectingSpeakerStatementViewSet.as_view({"get": "list"}),
        name="speaker-statements",
    ),
    path(
        "sources/<int:source_pk>/attributions/",
        views.SourceAttributionViewSet.as_view({"get": "list"}),
        name="source-attributions",
    ),
    path(
        "sources/<int:source_pk>/suggestions/",
        suggestions.SourceSuggestionViewSet.as_view({"post": "create"}),
        name="source-suggestions",
    ),
    path(
        "sources/<int:source_pk>/suggestions/<str:key>/accept/",
        suggestions.SourceSuggestionViewSet.as_view({"post": "accept"}),
        name="source-suggestion-accept",
    ),
    path(
        "sources/<int:source_pk>/suggestions/<str:key>/reject/",
        suggestions.SourceSuggestionViewSet.as_view({"post": "reject"}),
        name="source-suggestion-reject",
    ),
    path(
        "statements/<int:statement_pk>/revisions/",
        corrections.StatementRevisionViewSet.as_view({"get": "list"}),
        name="statement-revisions",
    ),
    path(
        "statements/<int:statement_pk>/revisions/<int:pk>/",
        corrections.StatementRevisionViewSet.as_view({"get": "retrieve"}),
        name="statement-revision-detail",
    ),
    path(
        "statements/<int:statement_pk>/revisions/<int:pk>/approve/",
        corrections.StatementRevisionViewSet.as_view({"post": "approve"}),
        name="statement-revision-approve",
    ),
    path(
        "statements/<int:statement_pk>/revisions/<int:pk>/reject/",
        corrections.StatementRevisionViewSet.as_view({"post": "reject"}),
        name="statement-revision-reject",
    ),
    path("search/", search.SearchView.as_view(), name="search"),
    *router.urls,
]
