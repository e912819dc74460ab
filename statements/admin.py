"""Curation in the Django admin: searchable lists, and forms whose saves go through the services."""

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers, widgets
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from simple_history.admin import SimpleHistoryAdmin

from statements import services
from statements.admin_lists import (
    SEARCH_HELP,
    ScaledListsMixin,
    SubqueryCount,
    among,
    autocomplete_filter,
    ids_among,
    matching_statement_ids,
)
from statements.choices import SpeechAct, StatementStatus
from statements.errors import ConflictError
from statements.models import Attribution, Relation, Source, Speaker, Statement, Topic
from statements.normalize import normalize_topic, normalize_url
from statements.search import rank_limit
from statements.selectors import topic_links

# The changelist parameters that list one speaker's or one source's statements.
SPEAKER_STATEMENTS_PARAM = "attributions__speaker__id__exact"
SOURCE_STATEMENTS_PARAM = "attributions__source__id__exact"
QUOTE_CONTEXT = 160  # characters of the source shown around a highlighted quote


def _admin_url(obj: models.Model, view: str = "change") -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


def _statements_url(**params: Any) -> str:
    return f"{reverse('admin:statements_statement_changelist')}?{urlencode(params)}"


def _statements_count(count: int) -> str:
    return "1 statement" if count == 1 else f"{count} statements"


def titled(filter_class: type[admin.FieldListFilter], title: str) -> type[admin.FieldListFilter]:
    """A list filter over a related field, named for what it filters ("speaker kind")."""

    class TitledFilter(filter_class):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.title = title

    return TitledFilter


# --- Services: every save and delete goes through them ------------------------------------------


@dataclass(frozen=True)
class ModelServices:
    """The write services of one model, and the keyword they take an existing instance by."""

    create: Callable[..., models.Model]
    update: Callable[..., models.Model]
    delete: Callable[..., None]
    instance_kwarg: str


SERVICES: dict[type[models.Model], ModelServices] = {
    Speaker: ModelServices(
        services.speaker_create, services.speaker_update, services.speaker_delete, "speaker"
    ),
    Source: ModelServices(
        services.source_create, services.source_update, services.source_delete, "source"
    ),
    Attribution: ModelServices(
        services.attribution_create,
        services.attribution_update,
        services.attribution_delete,
        "attribution",
    ),
    Relation: ModelServices(
        services.relation_create, services.relation_update, services.relation_delete, "relation"
    ),
}


def _service_create(model: type[models.Model], *, user: Any, **fields: Any) -> models.Model:
    return SERVICES[model].create(user=user, **fields)


def _service_update(instance: models.Model, *, user: Any, **fields: Any) -> models.Model:
    # The service gets the stored object and the editor's changes, as it does from the API:
    # the form has already written the new values onto its own instance (so source_update
    # could not see that the body changed), and a history "revert" form starts from an old
    # version of every field.
    model_services = SERVICES[type(instance)]
    stored = type(instance)._default_manager.get(pk=instance.pk)
    return model_services.update(**{model_services.instance_kwarg: stored}, user=user, **fields)


def _service_delete(instance: models.Model, *, user: Any) -> None:
    model_services = SERVICES[type(instance)]
    model_services.delete(**{model_services.instance_kwarg: instance}, user=user)


def _adopt(instance: models.Model, saved: models.Model) -> None:
    """Make the admin's instance the object the service saved: the admin keeps using its own
    (the inline formsets hold it as their parent)."""
    for field in saved._meta.concrete_fields:
        setattr(instance, field.attname, getattr(saved, field.attname))
    instance._state.adding = False
    instance._state.db = saved._state.db


def _model_fields(form: forms.ModelForm, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The cleaned values of the form's fields that are plain model fields (not many-to-many)."""
    model = form._meta.model
    names = {field.name for field in model._meta.concrete_fields if not field.primary_key}
    return {
        name: value
        for name, value in form.cleaned_data.items()
        if name in names and name not in exclude
    }


class ServiceRefused(Exception):
    """A service refused a save that the forms had accepted.

    ``prefix`` names the form (or inline formset) the error belongs to; the admin renders
    the same submission again with the error on that form.
    """

    def __init__(self, error: ValidationError, *, prefix: str | None) -> None:
        super().__init__(error)
        self.error = error
        self.prefix = prefix


@contextmanager
def refused_for(prefix: str | None) -> Iterator[None]:
    try:
        yield
    except ValidationError as error:
        raise ServiceRefused(error, prefix=prefix) from error
    except ConflictError as error:
        raise ServiceRefused(ValidationError(str(error), code="conflict"), prefix=prefix) from error


def add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's error on the fields it names: "quote.exact" is the field quote_exact."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, field_errors in error.error_dict.items():
        field = key.replace(".", "_")
        form.add_error(field if field in form.fields else None, field_errors)


def edit_token(obj: models.Model) -> str:
    """A digest of what an editor sees on the object's change page: the object and, for a
    statement, its inline attributions and relations. It changes whenever any of them is
    saved, so a form opened before that change is known to be stale."""
    parts = [f"{obj.pk}:{obj.updated_at.isoformat()}"]
    if isinstance(obj, Statement):
        for related in (obj.attributions, obj.relations_out):
            parts += [
                f"{pk}:{at.isoformat()}" for pk, at in related.values_list("pk", "updated_at")
            ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


STALE_EDIT = (
    "Someone else saved this {name} after you opened it, so your changes were not saved. "
    "Copy what you typed, reload the page to see their version, and apply your changes again."
)


class ServiceModelForm(forms.ModelForm):
    """A model form that shows what a service refused when this submission was saved, and
    refuses a save based on a stale page (the admin's If-Match)."""

    service_errors: dict[str | None, ValidationError] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.prefix:
            # The version the editor starts from travels with the form. It is read from the
            # database: a history "revert" form's instance is an old version.
            stored = type(self.instance)._default_manager.filter(pk=self.instance.pk).first()
            self.fields["edit_token"] = forms.CharField(
                widget=forms.HiddenInput,
                initial=edit_token(stored) if stored else "",
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        if "edit_token" in self.fields:
            self._refuse_stale_edit(cleaned_data.get("edit_token"))
        error = self.service_errors.get(self.prefix)
        if error is not None:
            add_service_error(self, error)
        return cleaned_data

    def _refuse_stale_edit(self, submitted: str | None) -> None:
        # The admin's change view runs in a transaction: the lock holds until the save ends,
        # so two editors submitting from the same version cannot both pass this check. It is
        # the lock the services take (an attribution's statement first), in the same order.
        model = type(self.instance)
        current = services.lock_for_write(model, self.instance.pk)
        if current is not None and submitted != edit_token(current):
            raise ValidationError(
                STALE_EDIT.format(name=model._meta.verbose_name), code="stale_edit"
            )


class ServiceInlineFormSet(forms.BaseInlineFormSet):
    """Carries a refused deletion (which has no form to show it on) as a formset error."""

    service_errors: dict[str | None, ValidationError] = {}

    def clean(self) -> None:
        super().clean()
        error = self.service_errors.get(self.prefix)
        if error is not None:
            raise ValidationError(error.messages)


def _with_service_errors(form_class: type, request: HttpRequest) -> type:
    errors = getattr(request, "_service_errors", None)
    if not errors:
        return form_class
    return type(form_class.__name__, (form_class,), {"service_errors": errors})


class TextareaField(forms.CharField):
    """Text kept exactly as typed: quotes are anchored by character offsets, so no stripping,
    and the CRLF line breaks that browsers submit become the LF the API stores."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["strip"] = False
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class ServiceAdmin(SimpleHistoryAdmin):
    """An admin whose saves and deletes go through the services, with the change history view."""

    actions = ["delete_selected"]
    formfield_overrides = {
        models.URLField: {"widget": widgets.AdminURLFieldWidget, "assume_scheme": "https"},
    }

    class Media:
        css = {"all": ["statements/admin.css"]}

    # Forms and submissions.

    def get_form(self, request, obj=None, change=False, **kwargs):
        return _with_service_errors(super().get_form(request, obj, change, **kwargs), request)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ServiceRefused as refused:
            # The attempt was rolled back; show the same submission with the error on its form.
            request._service_errors = {refused.prefix: refused.error}
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ServiceRefused as refused:
            self.message_user(request, " ".join(refused.error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        except ServiceRefused as refused:
            self.message_user(request, " ".join(refused.error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        with refused_for(None):
            saved = self.service_save(request, obj, form, change)
        _adopt(obj, saved)

    def service_save(self, request, obj, form, change) -> models.Model:
        fields = _model_fields(form)
        if change:
            return _service_update(obj, user=request.user, **fields)
        return _service_create(self.model, user=request.user, **fields)

    # Deletion.

    undeletable_message = ""

    def undeletable(self, queryset: QuerySet) -> QuerySet:
        """The objects among ``queryset`` that the services would refuse to delete."""
        return queryset.none()

    @admin.action(permissions=["delete"], description="Delete selected %(verbose_name_plural)s")
    def delete_selected(self, request, queryset):
        refused = list(self.undeletable(queryset)[:10])
        if refused:
            self.message_user(
                request,
                format_html(
                    "Nothing was deleted. {} {}",
                    self.undeletable_message,
                    format_html_join(", ", "<a href='{}'>{}</a>", self._links(refused)),
                ),
                messages.ERROR,
            )
            return None
        return django_delete_selected(self, request, queryset)

    @staticmethod
    def _links(objects: list[models.Model]) -> Iterator[tuple[str, str]]:
        return ((_admin_url(obj), f"#{obj.pk}") for obj in objects)

    def delete_model(self, request, obj):
        _service_delete(obj, user=request.user)

    @transaction.atomic
    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


class ServiceInline:
    """Mixed into inlines: the forms show what a service refused (see ServiceAdmin)."""

    formset = ServiceInlineFormSet

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        errors = getattr(request, "_service_errors", None)
        if not errors:
            return formset
        form = _with_service_errors(formset.form, request)
        return type(formset.__name__, (formset,), {"form": form, "service_errors": errors})


def save_inline_formset(request: HttpRequest, formset: forms.BaseInlineFormSet) -> None:
    """Save an inline formset through the services of its model, as formset.save() would."""
    parent_field = formset.fk.name
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for form in formset.deleted_forms:
        if form.instance.pk is None:
            continue
        with refused_for(formset.prefix):
            _service_delete(form.instance, user=request.user)
        formset.deleted_objects.append(form.instance)
    for form in formset.forms:
        if form in formset.deleted_forms or not form.has_changed():
            continue
        fields = _model_fields(form, exclude=(parent_field,))
        with refused_for(form.prefix):
            if form.instance.pk is None:
                fields[parent_field] = formset.instance
                form.instance = _service_create(formset.model, user=request.user, **fields)
                formset.new_objects.append(form.instance)
            else:
                form.instance = _service_update(form.instance, user=request.user, **fields)
                formset.changed_objects.append((form.instance, form.changed_data))


# --- Quotes shown in their source ----------------------------------------------------------------


def quote_position(attribution: Attribution, body: str) -> tuple[int, int] | None:
    """Where the quote stands in ``body``: the stored offsets while they still fit the body,
    else anchored again; None when the body does not hold the quote."""
    start, end = attribution.quote_start, attribution.quote_end
    if start is not None and end is not None and body[start:end] == attribution.quote_exact:
        return start, end
    try:
        start, end = services.attribution_anchor(
            source=Source(body=body),
            quote_exact=attribution.quote_exact,
            quote_prefix=attribution.quote_prefix,
            quote_suffix=attribution.quote_suffix,
        )
    except ValidationError:
        return None
    return None if start is None else (start, end)


def quote_in_source(attribution: Attribution, body: str, *, context: int = QUOTE_CONTEXT) -> str:
    """The quote marked in the source's text, with ``context`` characters around it."""
    if not attribution.quote_exact:
        return "No quote: the source's words were not recorded."
    if not body:
        return format_html(
            "<q>{}</q><br><span class='help'>The source has no text to show it in.</span>",
            attribution.quote_exact,
        )
    position = quote_position(attribution, body)
    if position is None:
        return format_html(
            "<q>{}</q><br><span class='errornote'>Not found in the source's current text.</span>",
            attribution.quote_exact,
        )
    start, end = position
    before, after = max(0, start - context), min(len(body), end + context)
    # Cut the context at word boundaries.
    if before > 0 and (space := body.find(" ", before, start)) != -1:
        before = space + 1
    if after < len(body) and (space := body.rfind(" ", end, after)) != -1:
        after = space
    return format_html(
        '<div class="quote-in-source">{}{}<mark>{}</mark>{}{}</div>',
        "… " if before > 0 else "",
        body[before:start],
        body[start:end],
        body[end:after],
        " …" if after < len(body) else "",
    )


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
            _statements_url(**{SPEAKER_STATEMENTS_PARAM: speaker.pk}),
            speaker.statement_total,
        )

    @admin.display(description="statements")
    def statements(self, speaker: Speaker) -> str:
        if speaker.pk is None:
            return "-"
        count = Statement.objects.filter(attributions__speaker=speaker).distinct().count()
        return format_html(
            "<a href='{}'>{} attributed to {}</a>",
            _statements_url(**{SPEAKER_STATEMENTS_PARAM: speaker.pk}),
            _statements_count(count),
            speaker.name,
        )


# --- Source -------------------------------------------------------------------------------------


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
            _statements_url(**{SOURCE_STATEMENTS_PARAM: source.pk}),
            source.attribution_total,
        )

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
                    _admin_url(attribution),
                    attribution.speaker.name,
                    attribution.get_mode_display().lower(),
                    attribution.get_speech_act_display().lower(),
                    _admin_url(attribution.statement),
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
            "<ul class='attributions-in-source'>{}</ul><a href='{}'>The statements it reports</a>",
            rows,
            _statements_url(**{SOURCE_STATEMENTS_PARAM: source.pk}),
        )


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


# --- Attribution --------------------------------------------------------------------------------


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
            start, end = services.attribution_anchor(source=source, **quote)
        except ValidationError as error:
            add_service_error(self, error)
        else:
            self.instance.quote_start, self.instance.quote_end = start, end
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
        return quote_in_source(attribution, attribution.source.body)


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
        return [
            (None, {"fields": ["statement"]}),
            *ATTRIBUTION_FIELDSETS,
            ("Record", {"fields": ["created_at", "updated_at"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # An attribution stays with its statement, as in the API: make a new one instead.
        return [*readonly, "statement"] if obj is not None else readonly

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.statement.status != StatementStatus.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    undeletable_message = (
        "An attribution of a published or retracted statement cannot be deleted; these are:"
    )

    def undeletable(self, queryset):
        return queryset.exclude(statement__status=StatementStatus.DRAFT)

    @admin.display(description="in the source")
    def quote_highlight(self, attribution: Attribution) -> str:
        if attribution.pk is None:
            return "-"
        return quote_in_source(attribution, attribution.source.body, context=400)


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
    list_display = ["id", "short_text", "status", "speakers", "topic_list", "updated_at"]
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
        "speaker_statements",
        "incoming_relations",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["text", "language", "topics"]}),
        (
            "Workflow",
            {
                "fields": ["status", "retraction_reason", ("created_at", "updated_at")],
                "description": "Reviewers publish and retract, with the buttons above.",
            },
        ),
        ("Context", {"fields": ["speaker_statements", "incoming_relations"]}),
    ]
    history_list_display = ["status"]

    def get_search_results(self, request, queryset, search_term):
        ids = matching_statement_ids(request, queryset, search_term)
        if ids is None:
            return queryset, False
        return queryset.filter(among("pk", ids)), False

    def get_fieldsets(self, request, obj=None):
        # A statement being added has no speakers or relations to show yet.
        return self.fieldsets if obj is not None else self.fieldsets[:2]

    def list_rows(self, queryset: QuerySet) -> QuerySet:
        # What the list's columns show, for the list only: the change page and the
        # autocomplete view do without.
        attributions = (
            Attribution.objects.select_related("speaker")
            .only("statement_id", "speaker__name")
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
                    _admin_url(speaker),
                    speaker.name,
                    _statements_url(**{SPEAKER_STATEMENTS_PARAM: speaker.pk}),
                    _statements_count(speaker.statement_total),
                )
                for speaker in speakers
            ),
        )
        return format_html("<ul class='plain'>{}</ul>", items) if items else "-"

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
                    _admin_url(relation.from_statement),
                    relation.from_statement_id,
                    relation.from_statement,
                    relation.get_kind_display().lower(),
                )
                for relation in relations
            ),
        )
        return format_html("<ul class='plain'>{}</ul>", items) if items else "-"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        statement = self.get_object(request, object_id)
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

    # Saving: the statement through statement_create/update, the inlines through theirs.

    def service_save(self, request, obj, form, change):
        topics = [topic.slug for topic in form.cleaned_data.get("topics", [])]
        fields = _model_fields(form)
        if change:
            stored = Statement.objects.get(pk=obj.pk)
            return services.statement_update(
                statement=stored, user=request.user, topics=topics, **fields
            )
        return services.statement_create(user=request.user, topics=topics, **fields)

    def save_related(self, request, form, formsets, change):
        # The topics were set by the service; form.save_m2m() would set them again.
        for formset in formsets:
            save_inline_formset(request, formset)

    def has_change_permission(self, request, obj=None):
        # statement_update refuses a retracted statement: its page is read-only.
        if obj is not None and obj.status == StatementStatus.RETRACTED:
            return False
        return super().has_change_permission(request, obj)

    def revert_disabled(self, request, obj=None):
        # An old version carries an old status; the workflow moves only through the actions.
        return True

    # Deleting: drafts only (statement_delete refuses the rest).

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.status != StatementStatus.DRAFT:
            return False
        return super().has_delete_permission(request, obj)

    undeletable_message = (
        "Only drafts can be deleted; retract a published statement instead. Not drafts:"
    )

    def undeletable(self, queryset):
        return queryset.exclude(status=StatementStatus.DRAFT)

    def delete_model(self, request, obj):
        services.statement_delete(statement=obj, user=request.user)

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
                request, f"Published {_statements_count(len(published))}.", messages.SUCCESS
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
                    request, f"Retracted {_statements_count(len(retracted))}.", messages.SUCCESS
                )
            return self._back(request, queryset)
        context = {
            **self.admin_site.each_context(request),
            "title": "Retract statements",
            "opts": self.opts,
            "media": self.media,
            "form": form,
            "retractable": retractable,
            "skipped": skipped,
            "queryset": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "from_change": "_from_change" in request.POST,
        }
        return TemplateResponse(request, "admin/statements/statement/retract.html", context)

    def _back(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        """Back to the statement's page when the action was started there, else the list."""
        if "_from_change" in request.POST and len(queryset) == 1:
            return HttpResponseRedirect(_admin_url(queryset[0]))
        return None
