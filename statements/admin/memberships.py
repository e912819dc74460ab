"""The memberships' admin, and their inline on the speaker's page."""

from django import forms
from django.contrib import admin

from statements.admin.base import ServiceAdmin, ServiceInline, ServiceModelForm
from statements.models import Membership


class MembershipForm(ServiceModelForm):
    class Meta:
        model = Membership
        fields = ["person", "organization", "role", "start", "end", "source"]
        # A partial date is at most ten characters: narrow boxes keep the inline's row
        # within the page.
        widgets = {
            "role": forms.TextInput(attrs={"size": 30}),
            "start": forms.TextInput(attrs={"size": 10}),
            "end": forms.TextInput(attrs={"size": 10}),
        }


class MembershipInline(ServiceInline, admin.TabularInline):
    """A person's memberships, on their page: each role, where and when."""

    model = Membership
    form = MembershipForm
    fk_name = "person"
    fields = ["role", "organization", "start", "end", "source"]
    autocomplete_fields = ["organization", "source"]
    extra = 0
    verbose_name = "membership (role, organization, from, to)"
    verbose_name_plural = "memberships: roles over time"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organization", "source")


@admin.register(Membership)
class MembershipAdmin(ServiceAdmin):
    form = MembershipForm
    list_display = ["person", "role", "organization", "start", "end", "updated_at"]
    list_select_related = ["person", "organization"]
    search_fields = ["role", "person__name", "organization__name"]
    autocomplete_fields = ["person", "organization", "source"]
    fields = ["person", "organization", "role", "start", "end", "source"]
