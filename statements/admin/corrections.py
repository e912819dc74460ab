"""Corrections in the admin (``statements.corrections``): a change to a published statement
saved from its page is a correction (a reviewer's, with a public note) or a revision (an
editor's, for a reviewer); the revisions' pages show what each would change and let a
reviewer approve or reject it, through the same services as the API."""

import difflib
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from statements import corrections, services
from statements.admin.base import (
    ServiceRefused,
    _with_service_errors,
    add_service_error,
    admin_url,
    model_fields,
    refused_for,
    save_inline_formset,
)
from statements.choices import RevisionStatus
from statements.errors import ConflictError
from statements.models import Attribution, Revision, Statement

CORRECTION_NOTE_HELP = (
    "This statement is published: your change is a correction. Say what was corrected and "
    "why; the note is shown with the statement from now on."
)
PROPOSED_MESSAGE = (
    "Your change to this published statement was not applied: it is revision #{pk}, waiting "
    "for a reviewer. Readers see the published version until it is approved."
)


def with_correction_note(form_class: type[forms.ModelForm], help_text: str = "") -> type:
    """``form_class`` with the public note of a correction (``correction_note``), which the
    services require of a change to a published statement."""
    field = forms.CharField(
        label="Correction note (public)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        help_text=CORRECTION_NOTE_HELP + help_text,
    )
    return type(form_class.__name__, (form_class,), {"correction_note": field})


def is_published(statement: Statement | None) -> bool:
    return statement is not None and statement.pk is not None and statement.status == "published"


def _attribution_items(formset) -> tuple[list[dict[str, Any]], list]:
    """The statement's attributions as the inline formset leaves them (a removed one is left
    out, which the services refuse), with the form of each."""
    stored = {a.pk: a for a in Attribution.objects.filter(statement=formset.instance)}
    items, forms_of = [], []
    for form in formset.forms:
        if form in formset.deleted_forms:
            continue
        pk = form.instance.pk
        if pk is None and not form.has_changed():
            continue  # an empty extra form
        item = corrections.attribution_fields(stored[pk]) if pk in stored else {}
        if form.has_changed() or pk is None:
            item.update(model_fields(form, exclude=(formset.fk.name,)))
        items.append(item)
        forms_of.append(form)
    return items, forms_of


def _refused(error: ValidationError, forms_of: list) -> ServiceRefused:
    """A service's error, on the inline form of the attribution it names
    ("attributions.1.quote.exact"), else on the statement's form."""
    if hasattr(error, "error_dict"):
        indexes = {key.split(".")[1] for key in error.error_dict if key.startswith("attributions.")}
        if len(indexes) == 1 and len(error.error_dict) == 1:
            (key, messages_), index = next(iter(error.error_dict.items())), int(indexes.pop())
            if index < len(forms_of):
                field = key.split(".", 2)[2]
                return ServiceRefused(
                    ValidationError({field: messages_}), prefix=forms_of[index].prefix
                )
    return ServiceRefused(error, prefix=None)


def save_published(
    model_admin: admin.ModelAdmin, request: HttpRequest, form, formsets
) -> Revision | None:
    """Save a published statement's page: its relations as usual; its own fields and its
    attributions in one write, a correction (reviewers, with the note) or a revision
    (editors, returned). Nothing else when they did not change."""
    attribution_formsets = [f for f in formsets if f.model is Attribution]
    for formset in attribution_formsets:  # what the change message reads
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for formset in formsets:
        if formset not in attribution_formsets:
            save_inline_formset(request, formset)
    changed = set(form.changed_data) - {"correction_note", "edit_token"}
    inline_changed = any(
        f.has_changed() or f in formset.deleted_forms
        for formset in attribution_formsets
        for f in formset.forms
    )
    if not changed and not inline_changed:
        return None
    fields = model_admin.service_fields(form)
    forms_of: list = []
    if attribution_formsets:
        fields["attributions"], forms_of = _attribution_items(attribution_formsets[0])
    statement = Statement.objects.get(pk=form.instance.pk)
    try:
        if corrections.needs_review(statement, request.user):
            return corrections.revision_propose(statement=statement, user=request.user, **fields)
        services.statement_update(
            statement=statement,
            user=request.user,
            correction_note=form.cleaned_data.get("correction_note"),
            **fields,
        )
    except ValidationError as error:
        raise _refused(error, forms_of) from error
    except ConflictError as error:
        raise ServiceRefused(ValidationError(str(error), code="conflict"), prefix=None) from error
    return None


def proposed_message(request: HttpRequest, model_admin: admin.ModelAdmin, revision: Revision):
    model_admin.message_user(request, PROPOSED_MESSAGE.format(pk=revision.pk), messages.WARNING)
    return HttpResponseRedirect(admin_url(revision))


def correction_notices(statement: Statement) -> str:
    """A statement's correction notices (when, and the public note), oldest first, with a
    link to its revisions when it has any."""
    notices = format_html_join(
        "",
        "<li>{}: {}</li>",
        ((f"{c.at:%Y-%m-%d %H:%M}", c.note) for c in statement.corrections.order_by("id")),
    )
    revisions = statement.revisions.count()
    link = ""
    if revisions:
        url = (
            reverse("admin:statements_revision_changelist")
            + f"?statement__id__exact={statement.pk}"
        )
        link = format_html(
            "<a href='{}'>{} revision{}</a>", url, revisions, "s" if revisions > 1 else ""
        )
    if not notices and not link:
        return "-"
    return format_html("<ul class='plain'>{}</ul>{}", notices, link)


# --- Revisions ----------------------------------------------------------------------------------


def word_diff(old: str, new: str) -> str:
    """``old`` and ``new`` as one text, words removed struck through and words added
    underlined."""
    before, after = old.split(), new.split()
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after).get_opcodes():
        if tag == "equal":
            parts.append(("{}", " ".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("<del>{}</del>", " ".join(before[i1:i2])))
        if j2 > j1:
            parts.append(("<ins>{}</ins>", " ".join(after[j1:j2])))
    return format_html_join(" ", "{}", ((format_html(template, text),) for template, text in parts))


class DecisionForm(forms.ModelForm):
    """A reviewer's decision on a pending revision: approve it with the public note of the
    correction, or reject it with a reason."""

    decision = forms.ChoiceField(
        choices=[("approve", "Approve: apply it as a correction"), ("reject", "Reject it")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        required=False,
        label="Correction note (public)",
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        help_text="Required to approve: what was corrected and why, shown with the statement.",
    )
    reason = forms.CharField(
        required=False,
        label="Reason for rejecting",
        widget=forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}),
        help_text="Required to reject: shown to the editor who proposed it.",
    )
    service_errors: dict[str | None, ValidationError] = {}

    class Meta:
        model = Revision
        fields: list[str] = []

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        error = self.service_errors.get(None)
        if error is not None:
            add_service_error(self, error)
        return cleaned_data


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    form = DecisionForm
    list_display = [
        "id",
        "statement_link",
        "coloured_status",
        "proposed_by",
        "proposed_at",
        "decided_by",
    ]
    list_display_links = ["id"]
    list_filter = ["status"]
    list_select_related = ["statement", "proposed_by", "decided_by"]
    ordering = ["-id"]
    readonly_fields = [
        "statement_link",
        "coloured_status",
        "changes",
        "proposed_by",
        "proposed_at",
        "decided_by",
        "decided_at",
        "correction_note",
        "rejection_reason",
    ]

    def get_queryset(self, request):
        return corrections.visible_revisions(request.user).select_related("statement")

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (None, {"fields": ["statement_link", "coloured_status", "proposed_by", "proposed_at"]}),
            ("What it changes (now → proposed)", {"fields": ["changes"]}),
        ]
        if obj is not None and obj.status == RevisionStatus.PENDING:
            if self.has_change_permission(request, obj):
                fieldsets.append(("Decision", {"fields": ["decision", "note", "reason"]}))
        else:
            decided = ["decided_by", "decided_at", "correction_note", "rejection_reason"]
            fieldsets.append(("Decision", {"fields": decided}))
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        return _with_service_errors(super().get_form(request, obj, change, **kwargs), request)

    def has_add_permission(self, request):
        return False  # proposed by saving a published statement

    def has_delete_permission(self, request, obj=None):
        return False  # a record of the decision

    def has_change_permission(self, request, obj=None):
        if not corrections.may_decide(request.user):
            return False
        return obj is None or obj.status == RevisionStatus.PENDING

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.has_perm("statements.view_revision")

    @admin.display(description="statement")
    def statement_link(self, revision: Revision) -> str:
        return format_html(
            "<a href='{}'>#{} {}</a>",
            admin_url(revision.statement),
            revision.statement_id,
            revision.statement,
        )

    @admin.display(description="status", ordering="status")
    def coloured_status(self, revision: Revision) -> str:
        return format_html(
            '<span class="status status-{}">{}</span>',
            revision.status,
            revision.get_status_display(),
        )

    @admin.display(description="changes")
    def changes(self, revision: Revision) -> str:
        rows = []
        for change in corrections.revision_changes(revision):
            if change.current is not None and change.proposed is not None:
                shown = word_diff(change.current, change.proposed)
            elif change.proposed is None:
                shown = format_html("<del>{}</del>", change.current)
            else:
                shown = format_html("<ins>{}</ins>", change.proposed)
            rows.append((change.field, shown))
        if not rows:
            return "Nothing: the statement already reads as proposed."
        body = format_html_join("", "<tr><th>{}</th><td class='revision-diff'>{}</td></tr>", rows)
        return format_html("<table class='revision-changes'>{}</table>", body)

    @admin.display(description="correction note")
    def correction_note(self, revision: Revision) -> str:
        correction = getattr(revision, "correction", None)
        return correction.note if correction is not None else "-"

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ServiceRefused as refused:
            # Rolled back: the same submission again, with the error on its field.
            request._service_errors = {None: refused.error}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        decision = form.cleaned_data["decision"]
        with refused_for(None):
            if decision == "approve":
                decided = corrections.revision_approve(
                    revision=obj, user=request.user, note=form.cleaned_data["note"]
                )
            else:
                decided = corrections.revision_reject(
                    revision=obj, user=request.user, reason=form.cleaned_data["reason"]
                )
        for field in ("status", "decided_by_id", "decided_at", "rejection_reason"):
            setattr(obj, field, getattr(decided, field))

    def save_related(self, request, form, formsets, change):
        pass  # nothing related is edited here

    def construct_change_message(self, request, form, formsets, add=False):
        return f"{form.cleaned_data['decision'].capitalize()}d."
