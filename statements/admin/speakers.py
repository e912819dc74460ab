"""The speakers' admin: their statements counted and linked."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import OuterRef
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from statements import merging
from statements.admin.base import (
    SPEAKER_STATEMENTS_PARAM,
    ServiceAdmin,
    ServiceModelForm,
    save_inline_formset,
    statements_count,
    statements_url,
)
from statements.admin.lists import ScaledListsMixin, SubqueryCount
from statements.admin.memberships import MembershipInline
from statements.errors import ConflictError
from statements.models import Attribution, Speaker, Statement
from statements.selectors import redirect_target

# --- Speaker ------------------------------------------------------------------------------------


class SpeakerForm(ServiceModelForm):
    class Meta:
        model = Speaker
        fields = ["name", "kind", "aliases", "country", "wikidata_id", "description"]


@admin.register(Speaker)
class SpeakerAdmin(ScaledListsMixin, ServiceAdmin):
    form = SpeakerForm
    list_display = ["name", "kind", "country", "wikidata_id", "statement_count", "updated_at"]
    list_filter = ["kind", "country"]
    ordering = Speaker._meta.ordering
    search_fields = ["name", "aliases", "wikidata_id", "description"]
    readonly_fields = ["statements", "created_at", "updated_at"]
    inlines = [MembershipInline]
    actions = ["merge", "delete_selected"]
    fields = [
        "name",
        "kind",
        "aliases",
        "country",
        "wikidata_id",
        "description",
        "statements",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                statement_total=SubqueryCount(
                    Attribution.objects.filter(speaker=OuterRef("pk"))
                    .values("statement")
                    .distinct()
                )
            )
        )

    @admin.display(description="statements", ordering="statement_total")
    def statement_count(self, speaker: Speaker) -> str:
        return format_html(
            "<a href='{}'>{}</a>",
            statements_url(**{SPEAKER_STATEMENTS_PARAM: speaker.pk}),
            speaker.statement_total,
        )

    @admin.display(description="statements")
    def statements(self, speaker: Speaker) -> str:
        if speaker.pk is None:
            return "-"
        count = Statement.objects.filter(attributions__speaker=speaker).distinct().count()
        return format_html(
            "<a href='{}'>{} attributed to {}</a>",
            statements_url(**{SPEAKER_STATEMENTS_PARAM: speaker.pk}),
            statements_count(count),
            speaker.name,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # A merged speaker's page is its survivor's (statements.merging).
        pk = self.object_pk(object_id)
        if pk is not None and not Speaker.objects.filter(pk=pk).exists():
            target = redirect_target(pk)
            if target is not None:
                self.message_user(
                    request, f"Speaker #{pk} was merged into #{target}: this is its page."
                )
                return HttpResponseRedirect(
                    reverse("admin:statements_speaker_change", args=[target])
                )
        return super().change_view(request, object_id, form_url, extra_context)

    # Memberships: saved through their services, which refresh the roles at the time.

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            save_inline_formset(request, formset)

    # Merging speakers found to be one (statements.merging).

    def has_merge_permission(self, request) -> bool:
        return request.user.has_perm("statements.merge_speaker")

    @admin.action(permissions=["merge"], description="Merge selected speakers into one…")
    def merge(self, request, queryset):
        speakers = list(queryset.order_by("pk"))
        if len(speakers) < 2:
            self.message_user(request, "Select at least two speakers to merge.", messages.WARNING)
            return None
        form = MergeForm(speakers, request.POST if "apply" in request.POST else None)
        if form.is_valid():
            into = form.cleaned_data["into"]
            for speaker in speakers:
                if speaker.pk == into.pk:
                    continue
                try:
                    into = merging.speaker_merge(speaker=speaker, into=into, user=request.user)
                except (ConflictError, ValidationError) as error:
                    message = " ".join(getattr(error, "messages", [str(error)]))
                    self.message_user(request, f"#{speaker.pk}: {message}", messages.ERROR)
                    continue
                self.log_change(request, into, f"Merged speaker #{speaker.pk} ({speaker.name}).")
                self.message_user(
                    request,
                    f"Merged #{speaker.pk} ({speaker.name}) into #{into.pk} ({into.name}); "
                    f"#{speaker.pk} now redirects to it.",
                    messages.SUCCESS,
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge speakers",
            "opts": self.opts,
            "media": self.media,
            "form": form,
            "field": form["into"],
            "action": "merge",
            "verb": "Merge",
            "selected_ids": [speaker.pk for speaker in speakers],
            "speakers": speakers,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/statements/speaker/merge.html", context)


class MergeForm(forms.Form):
    """Which of the selected speakers survives; the others merge into it."""

    into = forms.ModelChoiceField(
        queryset=Speaker.objects.none(),
        widget=forms.RadioSelect,
        label="Merge into",
        help_text=(
            "The others' statements, memberships, names and aliases move to this speaker, "
            "and their ids redirect to it."
        ),
    )

    def __init__(self, speakers, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Speaker.objects.filter(pk__in=[s.pk for s in speakers])
        self.fields["into"].label_from_instance = lambda s: f"#{s.pk} {s.name} ({s.kind})"
