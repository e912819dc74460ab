"""The relations' admin, and their inline on the statement's page."""

from django import forms
from django.contrib import admin

from statements.admin.base import ServiceAdmin, ServiceInline, ServiceModelForm, titled
from statements.admin.lists import (
    SEARCH_HELP,
    ScaledListsMixin,
    among,
    ids_among,
    matching_statement_ids,
)
from statements.models import Relation, Statement
from statements.search import rank_limit

# --- Relation -----------------------------------------------------------------------------------


class RelationForm(ServiceModelForm):
    class Meta:
        model = Relation
        fields = ["from_statement", "kind", "to_statement", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class RelationInline(ServiceInline, admin.TabularInline):
    model = Relation
    form = RelationForm
    fk_name = "from_statement"
    fields = ["kind", "to_statement", "note"]
    autocomplete_fields = ["to_statement"]
    extra = 0
    verbose_name = "relation to another statement"
    verbose_name_plural = "relations to other statements"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("to_statement")


@admin.register(Relation)
class RelationAdmin(ScaledListsMixin, ServiceAdmin):
    form = RelationForm
    list_display = ["id", "from_statement", "kind", "to_statement", "created_at"]
    list_display_links = ["id"]
    list_select_related = ["from_statement", "to_statement"]
    list_filter = [
        "kind",
        ("from_statement__status", titled(admin.ChoicesFieldListFilter, "status (from)")),
        ("created_at", admin.DateFieldListFilter),
    ]
    # The relations from or to the statements that the product's search finds.
    search_fields = ["from_statement__text"]
    search_help_text = "The relations from or to the statements found: " + SEARCH_HELP.format(
        limit=rank_limit()
    )
    autocomplete_fields = ["from_statement", "to_statement"]
    fields = ["from_statement", "kind", "to_statement", "note"]

    def get_search_results(self, request, queryset, search_term):
        ids = matching_statement_ids(request, Statement.objects.all(), search_term)
        if ids is None:
            return queryset, False
        related = among("from_statement_id", ids) | among("to_statement_id", ids)
        return queryset.filter(ids_among(Relation, related)), False
