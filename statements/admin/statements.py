"""The statements' admin: their attributions and relations inline, and the workflow's
publish and retract actions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from statements import corrections, history, services
from statements.admin import corrections as corrections_admin
from statements.admin.attributions import AttributionInline
from statements.admin.base import (
    SOURCE_STATEMENTS_PARAM,
    SPEAKER_STATEMENTS_PARAM,
    ServiceAdmin,
    ServiceModelForm,
    admin_url,
    model_fields,
    save_inline_formset,
    statements_count,
    statements_url,
)
from statements.admin.claims import claim_html
from statements.admin.lists import (
    SEARCH_HELP,
    ScaledListsMixin,
    among,
    autocomplete_filter,
    matching_statement_ids,
)
from statements.admin.relations import RelationInline
from statements.choices import SpeechAct, StatementStatus
from statements.errors import ConflictError
from statements.models import Attribution, Source, Speaker, Statement
from statements.search import rank_limit
from statements.selectors import topic_links

# --- Statement ----------------------------------------------------------------------------------


class MadeWithSpeechActFilter(admin.SimpleListFilter):
    """Statements of which an attribution has the speech act: a semi-join (EXISTS), where
    Django's filter over the relation joins every attribution and removes duplicates."""

    title = "speech act"
    parameter_name = "attributions__speech_act__exact"

    def lookups(self, request, model_admin):
        return SpeechAct.choices

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        made = Attribution.objects.filter(statement=OuterRef("pk"), speech_act=self.value())
        return queryset.filter(Exists(made))


class StatementForm(ServiceModelForm):
    class Meta:
        model = Statement
        fields = ["text", "language", "topics"]


class RetractForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "class": "vLargeTextField"}),
        help_text="Shown with the statement from now on: say what was wrong with it.",
    )


@admin.register(Statement)
class StatementAdmin(ScaledListsMixin, ServiceAdmin):
    form = StatementForm
    inlines = [AttributionInline, RelationInline]
    actions = ["publish", "retract", "delete_selected"]
    ordering = ["-id"]
    list_display = [
        "id",
        "short_text",
        "coloured_status",
        "speakers",
        "sources",
        "stated",
        "topic_list",
        "updated_at",
    ]
    list_display_links = ["id", "short_text"]
    list_filter = [
        "status",
        autocomplete_filter(
            "speaker",
            SPEAKER_STATEMENTS_PARAM,
            (Attribution, "speaker"),
            lambda pk: Q(Exists(Attribution.objects.filter(statement=OuterRef("pk"), speaker=pk))),
        ),
        autocomplete_filter(
            "source",
            SOURCE_STATEMENTS_PARAM,
            (Attribution, "source"),
            lambda pk: Q(Exists(Attribution.objects.filter(statement=OuterRef("pk"), source=pk))),
        ),
        MadeWithSpeechActFilter,
        autocomplete_filter(
            "topic",
            "topics__id__exact",
            (Statement, "topics"),
            lambda pk: Q(Exists(topic_links().filter(topic=pk))),
        ),
        # Not a date_hierarchy: its drill-down reads the distinct years of every row (over a
        # second at a million statements); these ranges are index-backed.
        ("created_at", admin.DateFieldListFilter),
    ]
    # Searched by the product's search engine (get_search_results), not by these fields.
    search_fields = ["text"]
    search_help_text = SEARCH_HELP.format(limit=rank_limit())
    autocomplete_fields = ["topics"]
    readonly_fields = [
        "status",
        "retraction_reason",
        "correction_notices",
        "speaker_statements",
        "incoming_relations",
        "claim",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["text", "language", "topics"]}),
        (
            "Workflow",
            {
                "fields": [
                    "status",
                    "retraction_reason",
                    "correction_notices",
                    ("created_at", "updated_at"),
                ],
                "description": "Reviewers publish and retract, with the buttons above.",
            },
        ),
        ("Context", {"fields": ["speaker_statements", "incoming_relations", "claim"]}),
    ]
    history_list_display = ["status"]
    object_history_template = "admin/statements/statement/object_history.html"

    def history_view(self, request, object_id, extra_context=None):
        # Below its own versions, its attributions' (statements.history).
        pk = self.object_pk(object_id)
        changes = _attribution_changes(pk) if pk is not None else []
        extra_context = {**(extra_context or {}), "attribution_changes": changes}
        return super().history_view(request, object_id, extra_context)

    def get_search_results(self, request, queryset, search_term):
        ids = matching_statement_ids(request, queryset, search_term)
        if ids is None:
            return queryset, False
        return queryset.filter(among("pk", ids)), False

    def get_fieldsets(self, request, obj=None):
        # A statement being added has no speakers or relations to show yet.
        fieldsets = self.fieldsets if obj is not None else self.fieldsets[:2]
        if self._corrects(request, obj):  # a reviewer's change to it is a correction
            fieldsets = [
                *fieldsets[:1],
                ("Correction", {"fields": ["correction_note"]}),
                *fieldsets[1:],
            ]
        return fieldsets

    def _corrects(self, request, obj) -> bool:
        """Whether the user's change to ``obj`` applies as a correction (with a note)."""
        return corrections_admin.is_published(obj) and corrections.may_decide(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._corrects(request, obj):
            kwargs["form"] = corrections_admin.with_correction_note(self.form)
        return super().get_form(request, obj, change, **kwargs)

    def list_rows(self, queryset: QuerySet) -> QuerySet:
        # What the list's columns show, for the list only: the change page and the
        # autocomplete view do without.
        attributions = (
            Attribution.objects.select_related("speaker", "source")
            .only(
                "statement_id",
                "stated_on",
                "speaker__name",
                "source__title",
                "source__publisher",
                "source__published_at",
            )
            .order_by("id")
        )
        return queryset.prefetch_related(Prefetch("attributions", queryset=attributions), "topics")

    # Lists.

    @admin.display(description="text", ordering="text")
    def short_text(self, statement: Statement) -> str:
        return str(statement)

    @admin.display(description="speakers")
    def speakers(self, statement: Statement) -> str:
        names = dict.fromkeys(a.speaker.name for a in statement.attributions.all())
        return ", ".join(names)

    @admin.display(description="status", ordering="status")
    def coloured_status(self, statement: Statement) -> str:
        return format_html(
            '<span class="status status-{}">{}</span>',
            statement.status,
            statement.get_status_display(),
        )

    @admin.display(description="sources")
    def sources(self, statement: Statement) -> str:
        """Its sources by publisher, or by title (shortened) where none is given."""
        names = dict.fromkeys(
            a.source.publisher or Truncator(a.source.title).chars(40)
            for a in statement.attributions.all()
        )
        return ", ".join(names)

    @admin.display(description="stated")
    def stated(self, statement: Statement) -> str:
        """The earliest date its attributions say it was stated on; else, in italics, the
        earliest publication of its sources."""
        attributions = statement.attributions.all()
        stated = [a.stated_on for a in attributions if a.stated_on]
        if stated:
            return min(stated).isoformat()
        published = [a.source.published_at for a in attributions if a.source.published_at]
        if published:
            return format_html("<i title='published'>{}</i>", min(published).date().isoformat())
        return "-"

    @admin.display(description="topics")
    def topic_list(self, statement: Statement) -> str:
        return ", ".join(topic.slug for topic in statement.topics.all())

    # The change page.

    @admin.display(description="speakers")
    def speaker_statements(self, statement: Statement) -> str:
        if statement.pk is None:
            return "-"
        speakers = Speaker.objects.filter(pk__in=statement.attributions.values("speaker")).annotate(
            statement_total=Count("attributions__statement", distinct=True)
        )
        items = format_html_join(
            "",
            "<li><a href='{}'>{}</a>: <a href='{}'>{}</a></li>",
            (
                (
                    admin_url(speaker),
                    speaker.name,
                    statements_url(**{SPEAKER_STATEMENTS_PARAM: speaker.pk}),
                    statements_count(speaker.statement_total),
                )
                for speaker in speakers
            ),
        )
        return format_html("<ul class='plain'>{}</ul>", items) if items else "-"

    @admin.display(description="corrections")
    def correction_notices(self, statement: Statement) -> str:
        """Its public correction notices, oldest first, and a link to its revisions."""
        if statement.pk is None:
            return "-"
        return corrections_admin.correction_notices(statement)

    @admin.display(description="related from other statements")
    def incoming_relations(self, statement: Statement) -> str:
        if statement.pk is None:
            return "-"
        relations = statement.relations_in.select_related("from_statement").order_by("id")
        items = format_html_join(
            "",
            "<li><a href='{}'>#{} {}</a> {} this statement</li>",
            (
                (
                    admin_url(relation.from_statement),
                    relation.from_statement_id,
                    relation.from_statement,
                    relation.get_kind_display().lower(),
                )
                for relation in relations
            ),
        )
        return format_html("<ul class='plain'>{}</ul>", items) if items else "-"

    @admin.display(description="claim")
    def claim(self, statement: Statement) -> str:
        return claim_html(statement)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        statement = self.get_object(request, object_id)
        reviewed = statement is not None and corrections.needs_review(statement, request.user)
        if request.method == "GET" and reviewed:
            self.message_user(
                request,
                "This statement is published: a change you save here is proposed to a "
                "reviewer as a revision, and goes live when they approve it.",
                messages.INFO,
            )
        extra_context = {
            **(extra_context or {}),
            "can_publish": statement is not None
            and statement.status == StatementStatus.DRAFT
            and self.has_publish_permission(request),
            "can_retract": statement is not None
            and statement.status == StatementStatus.PUBLISHED
            and self.has_retract_permission(request),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    # Saving: the statement through its services (with its topics), the inlines through theirs.

    def service_fields(self, form):
        topics = [topic.slug for topic in form.cleaned_data.get("topics", [])]
        return {**model_fields(form), "topics": topics}

    def save_model(self, request, obj, form, change):
        if change and corrections_admin.is_published(obj):
            return  # with its attributions, in one write (save_related)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if change and corrections_admin.is_published(form.instance):
            # A correction, or an editor's revision (statements.corrections).
            request._revision = corrections_admin.save_published(self, request, form, formsets)
            return
        # The topics were set by the service; form.save_m2m() would set them again.
        for formset in formsets:
            save_inline_formset(request, formset)

    def response_change(self, request, obj):
        revision = getattr(request, "_revision", None)
        if revision is not None:
            return corrections_admin.proposed_message(request, self, revision)
        return super().response_change(request, obj)

    def has_change_permission(self, request, obj=None):
        # statement_update refuses a retracted statement: its page is read-only.
        if obj is not None and obj.status == StatementStatus.RETRACTED:
            return False
        return super().has_change_permission(request, obj)

    def revert_disabled(self, request, obj=None):
        # An old version carries an old status; the workflow moves only through the actions.
        return True

    # Deleting: drafts only (statement_delete refuses the rest).
    draft_status_path = "status"
    undeletable_message = (
        "Only drafts can be deleted; retract a published statement instead. Not drafts:"
    )

    # The workflow actions.

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("statements.publish_statement")

    def has_retract_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("statements.retract_statement")

    @admin.action(permissions=["publish"], description="Publish selected statements")
    def publish(self, request, queryset):
        published = []
        for statement in queryset:
            try:
                services.statement_publish(statement=statement, user=request.user)
            except ConflictError as error:
                self.message_user(request, f"#{statement.pk}: {error}", messages.ERROR)
                continue
            self.log_change(request, statement, "Published.")
            published.append(statement)
        if published:
            self.message_user(
                request, f"Published {statements_count(len(published))}.", messages.SUCCESS
            )
        return self._back(request, queryset)

    @admin.action(permissions=["retract"], description="Retract selected statements…")
    def retract(self, request, queryset):
        retractable = [s for s in queryset if s.status == StatementStatus.PUBLISHED]
        skipped = [s for s in queryset if s.status != StatementStatus.PUBLISHED]
        if not retractable:
            self.message_user(
                request, "Only published statements can be retracted.", messages.WARNING
            )
            return self._back(request, queryset)
        form = RetractForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            retracted = []
            for statement in retractable:
                try:
                    services.statement_retract(
                        statement=statement, user=request.user, reason=reason
                    )
                except (ConflictError, ValidationError) as error:
                    message = " ".join(getattr(error, "messages", [str(error)]))
                    self.message_user(request, f"#{statement.pk}: {message}", messages.ERROR)
                    continue
                self.log_change(request, statement, f"Retracted: {reason}")
                retracted.append(statement)
            if retracted:
                self.message_user(
                    request, f"Retracted {statements_count(len(retracted))}.", messages.SUCCESS
                )
            return self._back(request, queryset)
        context = {
            **self.admin_site.each_context(request),
            "title": "Retract statements",
            "opts": self.opts,
            "media": self.media,
            "form": form,
            "field": form["reason"],
            "action": "retract",
            "verb": "Retract",
            "selected_ids": [statement.pk for statement in queryset],
            "retractable": retractable,
            "skipped": skipped,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "from_change": "_from_change" in request.POST,
        }
        return TemplateResponse(request, "admin/statements/statement/retract.html", context)

    def _back(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        """Back to the statement's page when the action was started there, else the list."""
        if "_from_change" in request.POST and len(queryset) == 1:
            return HttpResponseRedirect(admin_url(queryset[0]))
        return None


_SPEAKER_FIELDS = ("speaker", "on_behalf_of")
# What the row says already (the attribution and its statement), left out of its changes.
_SAID_BY_THE_ROW = ("id", "statement")


def _attribution_changes(statement_id: int) -> list[dict]:
    """A statement's attributions' changes as its history page lists them: speakers and
    sources by name (two queries for the page), not by id."""
    changes = history.attribution_history(statement_id)
    speaker_ids, source_ids = set(), set()
    for record, entry in changes:
        speaker_ids |= {record.speaker_id, record.on_behalf_of_id}
        source_ids.add(record.source_id)
        for change in entry.changes:
            if change.field in _SPEAKER_FIELDS:
                speaker_ids |= {change.old, change.new}
            elif change.field == "source":
                source_ids |= {change.old, change.new}
    speakers = dict(Speaker.objects.filter(pk__in=speaker_ids - {None}).values_list("pk", "name"))
    sources = dict(Source.objects.filter(pk__in=source_ids - {None}).values_list("pk", "title"))

    def shown(field: str, value) -> str:
        if value is None or value == "":
            return "-"
        names = speakers if field in _SPEAKER_FIELDS else sources if field == "source" else None
        return names.get(value, f"#{value}") if names is not None else str(value)

    return [
        {
            "date": entry.date,
            "user": entry.user,
            "action": entry.action,
            "attribution": f"#{record.id} {shown('speaker', record.speaker_id)}, "
            f"in {shown('source', record.source_id)}",
            "changes": [
                (change.field, old, new)
                for change in entry.changes
                if change.field not in _SAID_BY_THE_ROW
                and (old := shown(change.field, change.old))
                != (new := shown(change.field, change.new))
            ],
        }
        for record, entry in changes
    ]
