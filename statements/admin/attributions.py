"""The attributions' admin, and their inline on the statement's page: the quote anchored in
the source's text, and shown in it."""

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.html import format_html

from statements import corrections, services
from statements.admin import corrections as corrections_admin
from statements.admin.base import (
    ServiceAdmin,
    ServiceInline,
    ServiceModelForm,
    TextareaField,
    add_service_error,
    model_fields,
    titled,
)
from statements.admin.lists import (
    SEARCH_HELP,
    ScaledListsMixin,
    among,
    autocomplete_filter,
    ids_among,
    matching_statement_ids,
)
from statements.admin.quotes import quote_in_source
from statements.admin.reading import reading_link
from statements.choices import StatementStatus
from statements.models import Attribution, Statement
from statements.search import rank_limit

# --- Attribution --------------------------------------------------------------------------------


def quote_in_reading(attribution: Attribution, shown: str) -> str:
    """The quote as shown in its source, with a link to it in the source's reading view."""
    anchor = attribution.pk if attribution.quote_exact else None
    link = reading_link(attribution.source_id, anchor, text="Show in the reading view")
    return format_html("{}<div class='reading-link-row'>{}</div>", shown, link)


class AttributionForm(ServiceModelForm):
    class Meta:
        model = Attribution
        # Not quote_start and quote_end: they are found by anchoring the quote.
        fields = [
            "statement",
            "speaker",
            "on_behalf_of",
            "source",
            "stated_on",
            "mode",
            "speech_act",
            "verb",
            "speaker_role",
            "occasion",
            *services.QUOTE_FIELDS,
        ]
        field_classes = {
            "quote_exact": TextareaField,
            "quote_prefix": TextareaField,
            "quote_suffix": TextareaField,
        }
        widgets = {
            "quote_exact": forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
            # Textareas, not text inputs: a browser drops the line breaks of an input's value.
            "quote_prefix": forms.Textarea(attrs={"rows": 2}),
            "quote_suffix": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        source = cleaned_data.get("source")
        quote = {name: cleaned_data.get(name) for name in services.QUOTE_FIELDS}
        if source is None or any(value is None for value in quote.values()):
            return cleaned_data  # a field error is shown already
        try:
            anchor = services.attribution_anchor(source=source, **quote)
        except ValidationError as error:
            add_service_error(self, error)
            return cleaned_data
        if anchor is None:
            self.instance.quote_start = self.instance.quote_end = None
        else:
            # The source's own characters are stored, whatever quotes and dashes were typed.
            cleaned_data.update(
                quote_exact=anchor.exact, quote_prefix=anchor.prefix, quote_suffix=anchor.suffix
            )
            self.instance.quote_start, self.instance.quote_end = anchor.start, anchor.end
        return cleaned_data


ATTRIBUTION_FIELDSETS = [
    (
        None,
        {
            "fields": [
                ("speaker", "on_behalf_of"),
                ("source", "stated_on"),
                ("mode", "speech_act"),
                ("verb", "speaker_role"),
                "occasion",
            ]
        },
    ),
    (
        "Quote",
        {
            "fields": ["quote_exact", ("quote_prefix", "quote_suffix"), "quote_highlight"],
            "description": (
                "The exact words as they stand in the source's text. When they occur more "
                "than once, give a few characters just before (prefix) or after (suffix)."
            ),
        },
    ),
]


class AttributionInline(ServiceInline, admin.StackedInline):
    model = Attribution
    form = AttributionForm
    fieldsets = ATTRIBUTION_FIELDSETS
    autocomplete_fields = ["speaker", "source", "on_behalf_of"]
    readonly_fields = ["quote_highlight"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "source", "on_behalf_of")

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is None else 0

    def has_delete_permission(self, request, obj=None):
        # What has been published keeps its attributions (attribution_delete refuses).
        if obj is not None and obj.status != StatementStatus.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description="in the source")
    def quote_highlight(self, attribution: Attribution) -> str:
        if attribution.pk is None:
            return "-"
        return quote_in_reading(attribution, quote_in_source(attribution, attribution.source.body))


@admin.register(Attribution)
class AttributionAdmin(ScaledListsMixin, ServiceAdmin):
    form = AttributionForm
    list_display = [
        "id",
        "statement",
        "speaker",
        "source",
        "mode",
        "speech_act",
        "verb",
        "stated_on",
        "quote_status",
        "read",
    ]
    list_display_links = ["id", "statement"]
    list_select_related = ["statement", "speaker", "source"]
    list_filter = [
        "mode",
        "speech_act",
        autocomplete_filter(
            "speaker", "speaker__id__exact", (Attribution, "speaker"), lambda pk: Q(speaker=pk)
        ),
        ("speaker__kind", titled(admin.ChoicesFieldListFilter, "speaker kind")),
        autocomplete_filter(
            "source", "source__id__exact", (Attribution, "source"), lambda pk: Q(source=pk)
        ),
        ("statement__status", titled(admin.ChoicesFieldListFilter, "statement status")),
        ("quote_status", titled(admin.ChoicesFieldListFilter, "quote")),
        ("stated_on", admin.DateFieldListFilter),
    ]
    # The attributions of the statements that the product's search finds (their text,
    # speakers and sources): see get_search_results.
    search_fields = ["statement__text"]
    search_help_text = "The attributions of the statements found: " + SEARCH_HELP.format(
        limit=rank_limit()
    )
    autocomplete_fields = ["statement", "speaker", "source", "on_behalf_of"]
    readonly_fields = ["quote_highlight", "created_at", "updated_at"]

    def get_search_results(self, request, queryset, search_term):
        ids = matching_statement_ids(request, Statement.objects.all(), search_term)
        if ids is None:
            return queryset, False
        return queryset.filter(ids_among(Attribution, among("statement_id", ids))), False

    def get_fieldsets(self, request, obj=None):
        correction = [("Correction", {"fields": ["correction_note"]})]
        return [
            (None, {"fields": ["statement"]}),
            *ATTRIBUTION_FIELDSETS,
            *(correction if self._corrects(request, obj) else []),
            ("Record", {"fields": ["created_at", "updated_at"]}),
        ]

    # Of a published statement: a reviewer's change is a correction, with a public note; an
    # editor's is a revision for a reviewer (statements.corrections).

    def _corrects(self, request, obj) -> bool:
        published = obj is None or corrections_admin.is_published(obj.statement)
        return published and corrections.may_decide(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._corrects(request, obj):
            help_text = " Needed only when the statement is published."
            kwargs["form"] = corrections_admin.with_correction_note(self.form, help_text)
        return super().get_form(request, obj, change, **kwargs)

    def service_fields(self, form):
        fields = super().service_fields(form)
        if "correction_note" in form.cleaned_data:
            fields["correction_note"] = form.cleaned_data["correction_note"]
        return fields

    def service_save(self, request, obj, form, change):
        stored = Attribution.objects.select_related("statement").get(pk=obj.pk) if change else None
        statement = stored.statement if change else form.cleaned_data["statement"]
        if not corrections.needs_review(statement, request.user):
            return super().service_save(request, obj, form, change)
        fields = model_fields(form, exclude=("statement",))
        change_ = corrections.with_attribution(statement, fields, stored)
        request._revision = corrections.revision_propose(
            statement=statement, user=request.user, **change_
        )
        return stored or obj

    def response_add(self, request, obj, post_url_continue=None):
        revision = getattr(request, "_revision", None)
        if revision is not None:
            return corrections_admin.proposed_message(request, self, revision)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        revision = getattr(request, "_revision", None)
        if revision is not None:
            return corrections_admin.proposed_message(request, self, revision)
        return super().response_change(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # An attribution stays with its statement, as in the API: make a new one instead.
        return [*readonly, "statement"] if obj is not None else readonly

    draft_status_path = "statement__status"  # as attribution_delete
    undeletable_message = (
        "An attribution of a published or retracted statement cannot be deleted; these are:"
    )

    @admin.display(description="in the source")
    def quote_highlight(self, attribution: Attribution) -> str:
        if attribution.pk is None:
            return "-"
        shown = quote_in_source(attribution, attribution.source.body, context=400)
        return quote_in_reading(attribution, shown)

    @admin.display(description="in the source")
    def read(self, attribution: Attribution) -> str:
        return reading_link(attribution.source_id, attribution.pk)
