"""Routes of the API under /api/v1/."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from statements.api import search, views

router = DefaultRouter()
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("sources", views.SourceViewSet, basename="source")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("attributions", views.AttributionViewSet, basename="attribution")
router.register("relations", views.RelationViewSet, basename="relation")

app_name = "api"
urlpatterns = [
    path(
        "speakers/<int:speaker_pk>/statements/",
        views.SpeakerStatementViewSet.as_view({"get": "list"}),
        name="speaker-statements",
    ),
    path(
        "sources/<int:source_pk>/attributions/",
        views.SourceAttributionViewSet.as_view({"get": "list"}),
        name="source-attributions",
    ),
    path("search/", search.SearchView.as_view(), name="search"),
    *router.urls,
]
