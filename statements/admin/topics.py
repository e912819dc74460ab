"""The topics' admin: tags without a history, written without a service."""

from django import forms
from django.contrib import admin
from django.db.models import OuterRef
from django.urls import reverse
from django.utils.html import format_html

from statements.admin.lists import SubqueryCount
from statements.models import Statement, Topic
from statements.normalize import normalize_topic

# --- Topic --------------------------------------------------------------------------------------


class TopicUseFilter(admin.SimpleListFilter):
    title = "use"
    parameter_name = "used"

    def lookups(self, request, model_admin):
        return [("yes", "On some statement"), ("no", "Unused")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(statement_total__gt=0)
        if self.value() == "no":
            return queryset.filter(statement_total=0)
        return queryset


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["slug"]

    def clean_slug(self) -> str:
        return normalize_topic(self.cleaned_data["slug"])


# A plain ModelAdmin: topics are tags without a history, and no service writes them.
@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    form = TopicForm
    list_display = ["slug", "statement_count"]
    list_filter = [TopicUseFilter]
    ordering = Topic._meta.ordering
    search_fields = ["slug"]

    def get_queryset(self, request):
        links = Statement.topics.through.objects.filter(topic=OuterRef("pk")).values("pk")
        return super().get_queryset(request).annotate(statement_total=SubqueryCount(links))

    @admin.display(description="statements", ordering="statement_total")
    def statement_count(self, topic: Topic) -> str:
        url = f"{reverse('admin:statements_statement_changelist')}?topics__id__exact={topic.pk}"
        return format_html("<a href='{}'>{}</a>", url, topic.statement_total)
