"""The suggested attributions in the admin: the panel of the reading view (accept,
edit-then-accept, reject) and "paste an article"."""

from django.contrib import admin
from django.urls import URLPattern


def suggestion_urls(model_admin: admin.ModelAdmin) -> list[URLPattern]:
    """The suggestions' routes, added to the sources' admin."""
    return []
