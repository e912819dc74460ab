"""The reading view of a source: its body with every attributed quote highlighted in place,
and selecting a passage to attribute it."""

from django.contrib import admin
from django.urls import URLPattern


def reading_urls(model_admin: admin.ModelAdmin) -> list[URLPattern]:
    """The reading view's routes, added to the sources' admin."""
    return []
