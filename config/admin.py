"""The admin site, whose front page is a dashboard (``statements.admin.dashboard``) above the
list of models; installed as ``admin.site`` by ``AdminConfig`` (in INSTALLED_APPS)."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AttributedAdminSite(admin.AdminSite):
    def index(self, request, extra_context=None):
        # Imported here, not above: importing the statements' admin registers its models on
        # admin.site, which is this class being made when this module is loaded.
        from statements.admin.dashboard import dashboard_context

        context = {**dashboard_context(request, self), **(extra_context or {})}
        return super().index(request, context)


class AdminConfig(DjangoAdminConfig):
    """Django's admin, with the site above as ``admin.site``."""

    default_site = "config.admin.AttributedAdminSite"
