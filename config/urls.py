"""Top-level routes: the landing page, the API, its schema and docs, the admin and the
health probes."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from config import health, observability
from statements.api.jsonld import JSONLDContextView

urlpatterns = [
    # What this is and where to go; the admin's "View site" leads here.
    path("", TemplateView.as_view(template_name="landing.html"), name="landing"),
    # Before the API's routes: the context that its JSON-LD answers name.
    path("api/v1/context.jsonld", JSONLDContextView.as_view(), name="jsonld-context"),
    path("api/v1/", include("config.api_router")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("admin/", admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", observability.metrics, name="metrics"),
]

handler400 = "statements.api.exceptions.bad_request"
handler403 = "statements.api.exceptions.permission_denied"
handler404 = "statements.api.exceptions.page_not_found"
handler500 = "statements.api.exceptions.server_error"
