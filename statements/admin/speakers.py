"""The speakers' admin: their statements counted and linked."""

from django.contrib import admin
from django.db.models import OuterRef
from django.utils.html import format_html

from statements.admin.base import (
    SPEAKER_STATEMENTS_PARAM,
    ServiceAdmin,
    ServiceModelForm,
    statements_count,
    statements_url,
)
from statements.admin.lists import ScaledListsMixin, SubqueryCount
from statements.models import Attribution, Speaker, Statement

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
