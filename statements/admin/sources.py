"""The sources' admin: their text, and the attributions quoted in it."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import OuterRef
from django.utils.html import format_html, format_html_join

from statements.admin.base import (
    SOURCE_STATEMENTS_PARAM,
    ServiceAdmin,
    ServiceModelForm,
    TextareaField,
    admin_url,
    statements_url,
)
from statements.admin.lists import ScaledListsMixin, SubqueryCount
from statements.admin.quotes import quote_in_source
from statements.admin.reading import reading_link, reading_urls
from statements.admin.suggestions import suggestion_urls
from statements.models import Attribution, Source
from statements.normalize import normalize_url
from statements.services import QuoteCheck

# --- Source -------------------------------------------------------------------------------------


def quote_check_message(check: QuoteCheck) -> str:
    """What a change of the text did to the source's quotes, in words."""
    parts = [
        f"{check.kept} kept where they were",
        f"{check.reanchored} re-anchored to their passage's new words",
        f"{check.orphaned} orphaned (not found again: correct them or the text)",
    ]
    if check.unanchored:
        parts.append(f"{check.unanchored} without a text to stand in")
    return "The text changed; its quotes: " + "; ".join(parts) + "."


def _https_by_default(db_field: models.Field, **kwargs: Any) -> forms.Field:
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class SourceForm(ServiceModelForm):
    body = TextareaField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "class": "vLargeTextField"}),
        help_text=Source._meta.get_field("body").help_text,
    )

    class Meta:
        model = Source
        fields = [
            "title",
            "url",
            "publisher",
            "kind",
            "status",
            "language",
            "published_at",
            "body",
            "archived_url",
        ]
        formfield_callback = _https_by_default

    def clean_url(self) -> str:
        # Normalized before the uniqueness check, so one document cannot be added twice.
        return normalize_url(self.cleaned_data["url"])


@admin.register(Source)
class SourceAdmin(ScaledListsMixin, ServiceAdmin):
    form = SourceForm
    list_display = [
        "title",
        "publisher",
        "kind",
        "status",
        "language",
        "published_at",
        "attribution_count",
        "read",
    ]
    list_filter = [
        "kind",
        "status",
        "publisher",
        "language",
        ("published_at", admin.DateFieldListFilter),
    ]
    ordering = Source._meta.ordering
    search_fields = ["title", "url", "publisher"]
    readonly_fields = ["body_sha256", "attributions_in_source", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "url", "publisher", "kind", "status", "language"]}),
        ("Dates", {"fields": ["published_at", "created_at", "updated_at"]}),
        ("Text", {"fields": ["body", "body_sha256", "archived_url"]}),
        ("Quoted in this source", {"fields": ["attributions_in_source"]}),
    ]

    def service_save(self, request, obj, form, change):
        saved = super().service_save(request, obj, form, change)
        check = getattr(saved, "quote_check", None)
        if check is not None:
            level = messages.WARNING if check.orphaned else messages.INFO
            self.message_user(request, quote_check_message(check), level)
        return saved

    def get_urls(self):
        return reading_urls(self) + suggestion_urls(self) + super().get_urls()

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                attribution_total=SubqueryCount(
                    Attribution.objects.filter(source=OuterRef("pk")).values("pk")
                )
            )
        )

    @admin.display(description="attributions", ordering="attribution_total")
    def attribution_count(self, source: Source) -> str:
        return format_html(
            "<a href='{}'>{}</a>",
            statements_url(**{SOURCE_STATEMENTS_PARAM: source.pk}),
            source.attribution_total,
        )

    @admin.display(description="reading view")
    def read(self, source: Source) -> str:
        return reading_link(source.pk)

    @admin.display(description="attributions")
    def attributions_in_source(self, source: Source) -> str:
        if source.pk is None:
            return "-"
        attributions = source.attributions.select_related("statement", "speaker").order_by(
            "quote_start", "id"
        )
        rows = format_html_join(
            "",
            "<li><a href='{}'>{}</a> ({}, {}) in <a href='{}'>#{}</a> {}{}</li>",
            (
                (
                    admin_url(attribution),
                    attribution.speaker.name,
                    attribution.get_mode_display().lower(),
                    attribution.get_speech_act_display().lower(),
                    admin_url(attribution.statement),
                    attribution.statement_id,
                    attribution.statement,
                    quote_in_source(attribution, source.body, context=80),
                )
                for attribution in attributions
            ),
        )
        if not rows:
            return "No statement is attributed to this source yet."
        return format_html(
            "<ul class='attributions-in-source'>{}</ul><a href='{}'>The statements it reports</a>"
            " · {}",
            rows,
            statements_url(**{SOURCE_STATEMENTS_PARAM: source.pk}),
            reading_link(source.pk, text="Read them highlighted in the text"),
        )
