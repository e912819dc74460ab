"""The admin's service-backed machinery, shared by every model's admin: saves and deletes go
through the services, a refusal shows on the form it concerns, and a form opened before
someone else's save is refused; with the links the models' pages share."""

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from operator import attrgetter
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from simple_history.admin import SimpleHistoryAdmin

from statements import services
from statements.choices import StatementStatus
from statements.errors import ConflictError
from statements.models import Statement

# The changelist parameters that list one speaker's or one source's statements.
SPEAKER_STATEMENTS_PARAM = "attributions__speaker__id__exact"
SOURCE_STATEMENTS_PARAM = "attributions__source__id__exact"


def admin_url(obj: models.Model, view: str = "change") -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk])


def statements_url(**params: Any) -> str:
    return f"{reverse('admin:statements_statement_changelist')}?{urlencode(params)}"


def statements_count(count: int) -> str:
    return "1 statement" if count == 1 else f"{count} statements"


def titled(filter_class: type[admin.FieldListFilter], title: str) -> type[admin.FieldListFilter]:
    """A list filter over a related field, named for what it filters ("speaker kind")."""

    class TitledFilter(filter_class):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.title = title

    return TitledFilter


# --- Services: every save and delete goes through them (services.services_for) -----------------


def _service_create(model: type[models.Model], *, user: Any, **fields: Any) -> models.Model:
    return services.services_for(model).create(user=user, **fields)


def _service_update(instance: models.Model, *, user: Any, **fields: Any) -> models.Model:
    # The service gets the stored object and the editor's changes, as it does from the API:
    # the form has already written the new values onto its own instance (so source_update
    # could not see that the body changed), and a history "revert" form starts from an old
    # version of every field.
    stored = type(instance)._default_manager.get(pk=instance.pk)
    return services.services_for(type(instance)).update(stored, user=user, **fields)


def _service_delete(instance: models.Model, *, user: Any) -> None:
    services.services_for(type(instance)).delete(instance, user=user)


def _adopt(instance: models.Model, saved: models.Model) -> None:
    """Make the admin's instance the object the service saved: the admin keeps using its own
    (the inline formsets hold it as their parent)."""
    for field in saved._meta.concrete_fields:
        setattr(instance, field.attname, getattr(saved, field.attname))
    instance._state.adding = False
    instance._state.db = saved._state.db


def model_fields(form: forms.ModelForm, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
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

    def history_view(self, request, object_id, extra_context=None):
        # The history library looks the id up as given: one that is not an id (a path such
        # as "23/change", a number past 64 bits) would be a 500, not the 404 the other admin
        # pages answer.
        if self.object_pk(object_id) is None:
            raise Http404(f"No {self.model._meta.verbose_name} has the id {object_id!r}.")
        return super().history_view(request, object_id, extra_context)

    def object_pk(self, object_id: str) -> int | None:
        """The id in a URL, or None if it cannot be one."""
        try:
            pk = self.model._meta.pk.to_python(object_id)
        except ValidationError:
            return None
        return pk if isinstance(pk, int) and 0 < pk < 2**63 else None

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

    def service_fields(self, form: forms.ModelForm) -> dict[str, Any]:
        """What the services are given: the form's model fields."""
        return model_fields(form)

    def service_save(self, request, obj, form, change) -> models.Model:
        fields = self.service_fields(form)
        if change:
            return _service_update(obj, user=request.user, **fields)
        return _service_create(self.model, user=request.user, **fields)

    # Deletion.

    undeletable_message = ""
    # For the objects the services delete only while their statement is a draft: the path
    # from the object to the statement's status ("status", "statement__status").
    draft_status_path: str | None = None

    def undeletable(self, queryset: QuerySet) -> QuerySet:
        """The objects among ``queryset`` that the services would refuse to delete."""
        if self.draft_status_path is None:
            return queryset.none()
        return queryset.exclude(**{self.draft_status_path: StatementStatus.DRAFT})

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.draft_status_path is not None:
            status = attrgetter(self.draft_status_path.replace("__", "."))(obj)
            if status != StatementStatus.DRAFT:
                return False
        return super().has_delete_permission(request, obj)

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
        return ((admin_url(obj), f"#{obj.pk}") for obj in objects)

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
        fields = model_fields(form, exclude=(parent_field,))
        with refused_for(form.prefix):
            if form.instance.pk is None:
                fields[parent_field] = formset.instance
                form.instance = _service_create(formset.model, user=request.user, **fields)
                formset.new_objects.append(form.instance)
            else:
                form.instance = _service_update(form.instance, user=request.user, **fields)
                formset.changed_objects.append((form.instance, form.changed_data))
