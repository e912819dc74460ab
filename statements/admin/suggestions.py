"""The suggested attributions in the admin: the panel of the reading view (accept,
edit-then-accept, reject) and "paste an article".

The panel is ``{% suggestions_panel source %}`` (statements.templatetags.suggestions_admin);
its buttons post to the routes below, which answer through the same services as the API
(``services.suggestion_accept`` and ``suggestion_reject``) and return to the panel's page.
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.forms.models import fields_for_model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from statements import services
from statements.admin.base import add_service_error, admin_url, model_fields
from statements.admin.quotes import quote_in_source
from statements.choices import AttributionMode, SpeakerKind, SpeechAct
from statements.errors import ConflictError
from statements.models import Attribution, Source, Statement
from statements.suggestions import Suggestion
from statements.suggestions.selectors import open_suggestion, open_suggestions

# What an editor may change before accepting: the overrides suggestion_accept takes (the
# API's SuggestionAcceptSerializer takes the same).
EDITABLE_FIELDS = [
    "speaker",
    "on_behalf_of",
    "mode",
    "speech_act",
    "verb",
    "speaker_role",
    "occasion",
    "stated_on",
]
QUOTE_CONTEXT = 80  # characters of the source shown around a suggested quote
ANCHOR = "#suggestions"  # the panel's element on its page
PANEL_MEDIA = forms.Media(css={"all": ["statements/suggestions.css"]})
NOT_OPEN = (
    "This suggestion is no longer open: it was accepted or rejected meanwhile, or the "
    "source's text changed. Nothing was saved."
)


def can_answer(user: Any) -> bool:
    """Accepting a suggestion writes a statement: the API's rule (CanAddStatements)."""
    return user.has_perm("statements.add_statement")


def panel_url(source_pk: int) -> str:
    """Where an answer returns by default: the source's reading view, which holds the panel."""
    return reverse("admin:statements_source_reading", args=[source_pk])


def speaker_label(suggestion: Suggestion) -> str:
    """The suggested speaker: an existing one by name, else the one it proposes to create."""
    if suggestion.speaker_id is not None:
        return suggestion.speaker_name
    kind = SpeakerKind(suggestion.speaker_kind).label.lower()
    return f"new: {suggestion.speaker_name} ({kind})"


# --- Edit, then accept --------------------------------------------------------------------------


class BlankAutocompleteSelect(AutocompleteSelect):
    """The admin's autocomplete, rendered with its blank choice only, named ``blank``: the
    panel's forms are never shown with a choice made (a refusal is a message, not the form
    again), so there is nothing to look up, and no query per suggestion."""

    def __init__(self, *args: Any, blank: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.blank = blank

    def build_attrs(self, base_attrs, extra_attrs=None):
        return {**super().build_attrs(base_attrs, extra_attrs), "data-placeholder": self.blank}

    def optgroups(self, name, value, attr=None):
        return [(None, [self.create_option(name, "", self.blank, True, 0)], 0)]


def _editable_fields() -> dict[str, forms.Field]:
    """The attribution's own form fields (their choices, lengths and checks), all optional."""
    fields = fields_for_model(
        Attribution,
        fields=EDITABLE_FIELDS,
        widgets={
            name: BlankAutocompleteSelect(Attribution._meta.get_field(name), admin.site)
            for name in ("speaker", "on_behalf_of")
        }
        # Native date input: it works without the admin's calendar script.
        | {"stated_on": forms.DateInput(attrs={"type": "date"})},
        labels={"speaker": "Speaker"},
    )
    for field in fields.values():
        field.required = False
    # The statement's text first: what the draft will say (its own field's checks).
    text = fields_for_model(Statement, fields=["text"], widgets={"text": forms.Textarea})["text"]
    text.widget.attrs.update(rows=3)
    text.required = False
    text.label = "Statement's text"
    return {"text": text, **fields}


class SuggestionEditForm(forms.Form):
    """Edit, then accept. A field sent replaces the suggested value; a field left out keeps
    it (the one-click Accept sends none), and so does a blank speaker."""

    def __init__(self, *args: Any, suggestion: Suggestion | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if suggestion is not None:
            self.fields["speaker"].widget.blank = speaker_label(suggestion)
            self.initial = {
                "text": services.suggestion_text(suggestion),
                **{
                    name: getattr(suggestion, name)
                    for name in ("mode", "speech_act", "verb", "speaker_role", "occasion")
                },
            }

    def overrides(self) -> dict[str, Any]:
        """The replaced values, as suggestion_accept takes them."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in self.data and not (name == "speaker" and value is None)
        }


# Built once, as declared fields are; each form works on its own copy.
SuggestionEditForm.base_fields = _editable_fields()


def error_text(error: ValidationError, labels: dict[str, str] | None = None) -> str:
    """A refusal as one line of an admin message, each error after the field it concerns."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    labels = labels or {}
    return " ".join(
        f"{labels.get(field, field.replace('_', ' ')).capitalize()}: {' '.join(field_messages)}"
        if field != NON_FIELD_ERRORS
        else " ".join(field_messages)
        for field, field_messages in error.message_dict.items()
    )


# --- The panel ----------------------------------------------------------------------------------


@dataclass
class PanelItem:
    """One open suggestion as the panel shows it."""

    suggestion: Suggestion
    speaker: str
    mode: str
    speech_act: str
    quote: str  # HTML: the quote marked in the source's text
    form: SuggestionEditForm | None  # None for those who may not answer

    @property
    def key(self) -> str:
        return self.suggestion.key

    @property
    def is_new_speaker(self) -> bool:
        return self.suggestion.speaker_id is None

    @property
    def confidence(self) -> int:
        return round(self.suggestion.confidence * 100)


def panel_context(request: HttpRequest, source: Source) -> dict:
    """What the panel shows: the source's open suggestions (the engine runs once; two
    queries), each with its edit form for those who may answer them."""
    answering = can_answer(request.user)
    media = PANEL_MEDIA
    if answering:  # the speaker's autocomplete
        media += SuggestionEditForm().media
    body = source.body
    items = [
        PanelItem(
            suggestion=suggestion,
            speaker=speaker_label(suggestion),
            mode=AttributionMode(suggestion.mode).label,
            speech_act=SpeechAct(suggestion.speech_act).label,
            quote=quote_in_source(
                Attribution(
                    quote_exact=suggestion.exact,
                    quote_start=suggestion.start,
                    quote_end=suggestion.end,
                ),
                body,
                context=QUOTE_CONTEXT,
            ),
            form=SuggestionEditForm(
                suggestion=suggestion,
                auto_id=f"id_suggestion_{suggestion.key}_%s",
            )
            if answering
            else None,
        )
        for suggestion in open_suggestions(source)
    ]
    return {
        "source": source,
        "items": items,
        "can_answer": answering,
        # The buttons return to the page they are on, at the panel.
        "back": request.get_full_path(),
        "media": media,
    }


# --- Paste an article ---------------------------------------------------------------------------

PASTE_FIELDS = ["title", "url", "publisher", "published_at", "body"]


def paste_form(model_admin: admin.ModelAdmin, request: HttpRequest) -> forms.ModelForm:
    """The sources' own admin form (its URL normalization and checks), with the fields an
    article needs: a date alone for its publication, and the text to read suggestions in."""
    form_class = model_admin.get_form(
        request,
        fields=PASTE_FIELDS,
        field_classes={"published_at": forms.DateTimeField},
        widgets={"published_at": forms.DateInput(attrs={"type": "date"})},
        labels={"published_at": "Published on"},
    )
    form = form_class(request.POST if request.method == "POST" else None)
    form.fields["body"].required = True
    return form


# --- Views --------------------------------------------------------------------------------------


class SuggestionViews:
    """The suggestions' pages and answers, under the sources' admin."""

    def __init__(self, model_admin: admin.ModelAdmin) -> None:
        self.model_admin = model_admin
        self.admin_site = model_admin.admin_site

    def urls(self) -> list[URLPattern]:
        wrap = self.admin_site.admin_view
        return [
            path("paste/", wrap(self.paste), name="statements_source_paste"),
            path(
                "<str:object_id>/suggestions/",
                wrap(self.suggestions),
                name="statements_source_suggestions",
            ),
            path(
                "<str:object_id>/suggestions/<str:key>/accept/",
                wrap(require_POST(self.accept)),
                name="statements_source_suggestion_accept",
            ),
            path(
                "<str:object_id>/suggestions/<str:key>/reject/",
                wrap(require_POST(self.reject)),
                name="statements_source_suggestion_reject",
            ),
        ]

    # Helpers.

    def _source(self, request: HttpRequest, object_id: str) -> Source:
        pk = self.model_admin.object_pk(object_id)
        source = None if pk is None else Source.objects.filter(pk=pk).first()
        if source is None:
            raise Http404(f"No source has the id {object_id!r}.")
        if not self.model_admin.has_view_permission(request, source):
            raise PermissionDenied
        return source

    def _answerable(self, request: HttpRequest, object_id: str) -> Source:
        if not can_answer(request.user):
            raise PermissionDenied
        return self._source(request, object_id)

    @staticmethod
    def _back(request: HttpRequest, source: Source) -> HttpResponseRedirect:
        """Back to the page the button was on, at the panel."""
        back = request.POST.get("next", "")
        safe = url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return HttpResponseRedirect((back if safe else panel_url(source.pk)) + ANCHOR)

    def _context(self, request: HttpRequest, **context: Any) -> dict:
        return {**self.admin_site.each_context(request), "opts": Source._meta, **context}

    # Pages.

    def suggestions(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The panel on a page of its own (the reading view shows it too)."""
        source = self._source(request, object_id)
        context = self._context(
            request,
            title=f"Suggestions for “{source.title}”",
            subtitle=None,
            original=source,
            source=source,
            media=self.model_admin.media,
        )
        return TemplateResponse(request, "admin/statements/source/suggestions.html", context)

    def paste(self, request: HttpRequest) -> HttpResponse:
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        form = paste_form(self.model_admin, request)
        if form.is_bound and form.is_valid():
            try:
                source = services.source_create(user=request.user, **model_fields(form))
            except ValidationError as error:
                add_service_error(form, error)
            else:
                self.model_admin.log_addition(request, source, [{"added": {}}])
                messages.success(
                    request,
                    format_html(
                        "The source “<a href='{}'>{}</a>” was added. Its suggested "
                        "attributions are below: accept, edit or reject each.",
                        admin_url(source),
                        source.title,
                    ),
                )
                return HttpResponseRedirect(panel_url(source.pk) + ANCHOR)
        context = self._context(
            request,
            title="Paste an article",
            subtitle=None,
            adminform=helpers.AdminForm(
                form, [(None, {"fields": PASTE_FIELDS})], {}, model_admin=self.model_admin
            ),
            errors=helpers.AdminErrorList(form, []),
            media=self.model_admin.media + form.media,
        )
        return TemplateResponse(request, "admin/statements/source/paste.html", context)

    # Answers.

    def accept(self, request: HttpRequest, object_id: str, key: str) -> HttpResponse:
        source = self._answerable(request, object_id)
        suggestion = open_suggestion(source, key)
        if suggestion is None:
            messages.error(request, NOT_OPEN)
            return self._back(request, source)
        form = SuggestionEditForm(request.POST)
        if not form.is_valid():
            labels = {name: field.label for name, field in form.fields.items()}
            error = ValidationError(form.errors.as_data())
            messages.error(request, f"Nothing was saved. {error_text(error, labels)}")
            return self._back(request, source)
        try:
            statement = services.suggestion_accept(
                source=source, suggestion=suggestion, user=request.user, **form.overrides()
            )
        except ValidationError as error:
            messages.error(request, f"Nothing was saved. {error_text(error)}")
        except ConflictError as error:
            messages.error(request, f"Nothing was saved. {error}")
        else:
            self.model_admin.log_addition(
                request, statement, f"Accepted a suggested attribution of source #{source.pk}."
            )
            attribution = statement.attributions.select_related("speaker").get()
            messages.success(
                request,
                format_html(
                    "Accepted: the draft statement <a href='{}'>#{} {}</a>, said by {}.",
                    admin_url(statement),
                    statement.pk,
                    Truncator(statement.text).chars(80),
                    attribution.speaker.name,
                ),
            )
        return self._back(request, source)

    def reject(self, request: HttpRequest, object_id: str, key: str) -> HttpResponse:
        source = self._answerable(request, object_id)
        suggestion = open_suggestion(source, key)
        if suggestion is None:
            messages.error(request, NOT_OPEN)
            return self._back(request, source)
        try:
            services.suggestion_reject(source=source, suggestion=suggestion, user=request.user)
        except ConflictError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                f"Rejected: “{Truncator(suggestion.exact).chars(60)}” by "
                f"{suggestion.speaker_name} will not be suggested again.",
            )
        return self._back(request, source)


def suggestion_urls(model_admin: admin.ModelAdmin) -> list[URLPattern]:
    """The suggestions' routes, added to the sources' admin."""
    return SuggestionViews(model_admin).urls()
