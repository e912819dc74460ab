"""The reading view of a source: its body with every attributed quote highlighted in place,
and selecting a passage to attribute it.

The body is cut into segments wherever a quote starts or ends and at each line break, so
that overlapping and nested quotes are drawn as nested marks, segment by segment. Each
segment carries its offset in the body (``data-start``): the page's script turns a selection
into offsets of the body itself (W3C TextPositionSelector), whatever the page shows around
the text, and takes the words and their context (TextQuoteSelector) from the body too.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_http_methods

from statements import corrections, services
from statements.admin.base import TextareaField, add_service_error, admin_url
from statements.admin.corrections import PROPOSED_MESSAGE
from statements.choices import AnchorStatus, SpeechAct
from statements.errors import ConflictError
from statements.models import Attribution, Revision, Source, Statement

# Speakers are coloured in the order they are first quoted; past the palette
# (statements/reading.css), colours come round again.
PALETTE_SIZE = 16


def reading_url(source_id: int, attribution_id: int | None = None) -> str:
    """The reading view of a source, scrolled to one of its attributions if given."""
    url = reverse("admin:statements_source_reading", args=[source_id])
    return f"{url}#attribution-{attribution_id}" if attribution_id is not None else url


def reading_link(source_id: int, attribution_id: int | None = None, text: str = "Read") -> str:
    return format_html(
        "<a href='{}' class='reading-link'>{}</a>", reading_url(source_id, attribution_id), text
    )


# --- The body, cut into segments ----------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """An attribution whose quote stands at ``start:end`` in the body."""

    attribution: Attribution
    start: int
    end: int


@dataclass
class Unanchored:
    """An attribution whose quote has no place in the body, and why."""

    attribution: Attribution
    reason: str
    colour: int = 0  # its speaker's, as in the legend


def place_quotes(
    body: str, attributions: Iterable[Attribution]
) -> tuple[list[Quote], list[Unanchored]]:
    """The quotes that stand where their offsets say, and those that do not (their words
    recorded, but no place for them in the body as it is). Attributions without words are
    in neither: there is nothing to show."""
    placed, unanchored = [], []
    for attribution in attributions:
        exact, start, end = attribution.quote_exact, attribution.quote_start, attribution.quote_end
        if not exact:
            continue
        if attribution.quote_status == AnchorStatus.ORPHANED:
            unanchored.append(
                Unanchored(attribution, "Lost when the source's text changed: not found again.")
            )
        elif start is not None and end is not None and body[start:end] == exact:
            placed.append(Quote(attribution, start, end))
        elif not body:
            unanchored.append(Unanchored(attribution, "The source has no text to find it in."))
        elif start is None:
            unanchored.append(Unanchored(attribution, "Not found in the source's text."))
        else:
            unanchored.append(
                Unanchored(attribution, "Its position no longer matches the source's text.")
            )
    placed.sort(key=lambda quote: (quote.start, -quote.end, quote.attribution.pk))
    return placed, unanchored


@dataclass
class Segment:
    """A stretch of one line of the body under the same quotes (outermost first)."""

    start: int
    end: int
    quotes: tuple[Quote, ...]


def segments(body: str, quotes: list[Quote]) -> list[list[Segment]]:
    """The body's lines (paragraphs), each cut where a quote starts or ends: one sweep over
    the quotes sorted by start, so the cost grows with the quotes, not their overlaps'
    product. Empty lines are left out; their line breaks are between the paragraphs."""
    cuts = {0, len(body)}
    for quote in quotes:
        cuts.update((quote.start, quote.end))
    index = body.find("\n")
    while index != -1:
        cuts.update((index, index + 1))
        index = body.find("\n", index + 1)
    ordered = sorted(cuts)
    paragraphs: list[list[Segment]] = []
    line: list[Segment] = []
    active: list[Quote] = []
    waiting = iter(quotes)  # sorted by start
    upcoming = next(waiting, None)
    for start, end in pairwise(ordered):
        if body[start] == "\n":
            if line:
                paragraphs.append(line)
            line = []
            continue
        while upcoming is not None and upcoming.start <= start:
            active.append(upcoming)
            upcoming = next(waiting, None)
        active = [quote for quote in active if quote.end > start]
        line.append(Segment(start, end, tuple(active)))
    if line:
        paragraphs.append(line)
    return paragraphs


# --- Rendering ----------------------------------------------------------------------------------


@dataclass
class SpeakerKey:
    """A speaker in the legend: their colour and how many quotes are theirs."""

    name: str
    colour: int
    count: int = 0


@dataclass
class Reading:
    """What the reading view shows of a source."""

    body_html: SafeString
    speakers: list[SpeakerKey]
    speech_acts: list[tuple[str, str, int]]  # value, label, count
    unanchored: list[Unanchored]
    quote_count: int


def _tooltip(attribution: Attribution) -> str:
    speaker = attribution.speaker.name
    if attribution.on_behalf_of is not None:
        speaker += f" (for {attribution.on_behalf_of.name})"
    statement = attribution.statement
    return (
        f"{speaker}\n"
        f"Verb: {attribution.verb or '-'} · {attribution.get_mode_display()} · "
        f"{attribution.get_speech_act_display()}\n"
        f"Statement #{statement.pk} ({statement.get_status_display().lower()}): {statement.text}"
    )


def _opening_tags(quotes: list[Quote], colours: dict[int, int]) -> dict[int, tuple[str, str]]:
    """Each attribution's opening tag: on the first segment of its quote (which carries
    its anchor and its speech act's badge), and on the others."""
    tags = {}
    for quote in quotes:
        attribution = quote.attribution
        common = (
            f'class="quote speaker-{colours[attribution.speaker_id]} '
            f'act-{escape(attribution.speech_act)}{{first}}" '
            f'data-attribution="{attribution.pk}" data-href="{escape(admin_url(attribution))}" '
            f'title="{escape(_tooltip(attribution))}"'
        )
        first = (
            f'<mark {common.format(first=" quote-start")} id="attribution-{attribution.pk}" '
            f'data-act="{escape(attribution.get_speech_act_display().lower())}" '
            f'tabindex="0" role="link">'
        )
        tags[attribution.pk] = (first, f"<mark {common.format(first='')}>")
    return tags


def render_body(body: str, quotes: list[Quote], colours: dict[int, int]) -> SafeString:
    """The body as paragraphs of segments, each quote a nested ``<mark>`` per segment it
    covers; every piece of the body's text escaped."""
    tags = _opening_tags(quotes, colours)
    started: set[int] = set()
    html = []
    for paragraph in segments(body, quotes):
        html.append(f'<p class="reading-paragraph" data-start="{paragraph[0].start}">')
        for segment in paragraph:
            for quote in segment.quotes:
                pk = quote.attribution.pk
                html.append(tags[pk][1] if pk in started else tags[pk][0])
                started.add(pk)
            html.append(
                f'<span class="segment" data-start="{segment.start}">'
                f"{escape(body[segment.start : segment.end])}</span>"
            )
            html.append("</mark>" * len(segment.quotes))
        html.append("</p>")
    return mark_safe("".join(html))  # noqa: S308 (the text is escaped above, piece by piece)


def reading(source: Source, attributions: list[Attribution]) -> Reading:
    body = source.body
    quotes, unanchored = place_quotes(body, attributions)
    speakers: dict[int, SpeakerKey] = {}
    for attribution in [q.attribution for q in quotes] + [u.attribution for u in unanchored]:
        key = speakers.get(attribution.speaker_id)
        if key is None:
            key = speakers[attribution.speaker_id] = SpeakerKey(
                attribution.speaker.name, len(speakers) % PALETTE_SIZE
            )
        key.count += 1
    colours = {pk: key.colour for pk, key in speakers.items()}
    for item in unanchored:
        item.colour = colours[item.attribution.speaker_id]
    acts = {}
    for quote in quotes:
        acts[quote.attribution.speech_act] = acts.get(quote.attribution.speech_act, 0) + 1
    return Reading(
        body_html=render_body(body, quotes, colours),
        speakers=list(speakers.values()),
        speech_acts=[(act.value, act.label, acts[act]) for act in SpeechAct if act in acts],
        unanchored=unanchored,
        quote_count=len(quotes),
    )


def source_attributions(source: Source) -> list[Attribution]:
    """The source's attributions with what their highlights say, in one query."""
    return list(
        Attribution.objects.filter(source=source)
        .select_related("speaker", "on_behalf_of", "statement")
        .only(
            "speaker_id",
            "speaker__name",
            "on_behalf_of_id",
            "on_behalf_of__name",
            "statement_id",
            "statement__text",
            "statement__status",
            "source_id",
            "mode",
            "speech_act",
            "verb",
            "quote_exact",
            "quote_start",
            "quote_end",
            "quote_status",
        )
        .order_by("quote_start", "id")
    )


# --- Select to quote ----------------------------------------------------------------------------

NEW_STATEMENT, EXISTING_STATEMENT = "new", "existing"
# The attribution's fields the form gives the services, as the API names them.
QUOTED_FIELDS = ("speaker", "mode", "speech_act", "verb", "speaker_role", *services.QUOTE_FIELDS)


def _model_field(model: type, name: str, **kwargs: Any) -> forms.Field:
    return model._meta.get_field(name).formfield(**kwargs)


class SelectToQuoteForm(forms.Form):
    """A new attribution of a passage of the source: the passage as the page selected it
    (its words and context, and its offsets), who said it and how, and the statement it
    reports: an existing one, or a new draft."""

    quote_exact = TextareaField(
        label="Quote",
        max_length=Attribution._meta.get_field("quote_exact").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # Textareas, not text inputs: a browser drops the line breaks of an input's value.
    quote_prefix = TextareaField(
        label="Before it",
        required=False,
        max_length=Attribution._meta.get_field("quote_prefix").max_length,
        widget=forms.Textarea(attrs={"rows": 1}),
    )
    quote_suffix = TextareaField(
        label="After it",
        required=False,
        max_length=Attribution._meta.get_field("quote_suffix").max_length,
        widget=forms.Textarea(attrs={"rows": 1}),
    )
    quote_start = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    quote_end = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    mode = _model_field(Attribution, "mode")
    speech_act = _model_field(Attribution, "speech_act")
    verb = _model_field(Attribution, "verb")
    speaker_role = _model_field(Attribution, "speaker_role")
    statement_choice = forms.ChoiceField(
        label="Statement",
        choices=[(NEW_STATEMENT, "A new draft"), (EXISTING_STATEMENT, "An existing statement")],
        initial=NEW_STATEMENT,
        widget=forms.RadioSelect,
    )
    statement_text = TextareaField(
        label="Text of the new statement",
        required=False,
        max_length=Statement._meta.get_field("text").max_length,
        help_text="Verbatim for a quote, otherwise a neutral paraphrase.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # A published statement's new attribution is a correction (reviewers) or a revision for
    # a reviewer (editors): statements.corrections.
    correction_note = forms.CharField(
        label="Correction note (public)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed to add to a published statement: what was corrected and why, shown "
        "with it. An editor's addition to a published statement goes to a reviewer instead.",
    )

    def __init__(self, *args: Any, source: Source, admin_site: admin.AdminSite, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.source = source

        def autocomplete(name: str, **options: Any) -> forms.Field:
            related = Attribution._meta.get_field(name)
            return _model_field(
                Attribution, name, widget=AutocompleteSelect(related, admin_site), **options
            )

        # The admin's own autocomplete boxes (its autocomplete view, its bundled select2).
        self.fields["speaker"] = autocomplete("speaker")
        self.fields["statement"] = autocomplete(
            "statement", required=False, label="Existing statement"
        )
        self.order_fields(
            [
                "quote_exact",
                "quote_prefix",
                "quote_suffix",
                "speaker",
                "mode",
                "speech_act",
                "verb",
                "speaker_role",
                "statement_choice",
                "statement",
                "statement_text",
                "correction_note",
            ]
        )

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        choice = cleaned_data.get("statement_choice")
        if choice == EXISTING_STATEMENT and not cleaned_data.get("statement"):
            self.add_error("statement", "Choose the statement this passage reports.")
        if choice == NEW_STATEMENT and not (cleaned_data.get("statement_text") or "").strip():
            self.add_error("statement_text", "Give the new statement's text.")
        quote = {name: cleaned_data.get(name) for name in services.QUOTE_FIELDS}
        if any(value is None for value in quote.values()):
            return cleaned_data  # a field error is shown already
        try:
            anchor = services.attribution_anchor(source=self.source, **quote)
        except ValidationError as error:
            add_service_error(self, error)
            return cleaned_data
        selected = (cleaned_data.get("quote_start"), cleaned_data.get("quote_end"))
        if anchor is not None and None not in selected and selected != (anchor.start, anchor.end):
            # The words stand elsewhere than the passage selected (the text changed since
            # the page was opened, or the words were edited): the editor must say which.
            self.add_error(
                "quote_exact",
                ValidationError(
                    "These words stand elsewhere in the source's text than the passage you "
                    "selected: select the passage again.",
                    code="moved",
                ),
            )
        return cleaned_data

    def attribution_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in QUOTED_FIELDS} | {"source": self.source}


def _service_error(error: ValidationError) -> ValidationError:
    """A service's error with the names this form's fields answer to: a new statement's
    ``attributions.0.quote.exact`` is the form's ``quote.exact``, its ``text`` the new
    statement's text."""
    if not hasattr(error, "error_dict"):
        return error
    renamed = {}
    for name, messages_ in error.error_dict.items():
        name = re.sub(r"^attributions\.[0-9]+\.", "", name)
        renamed["statement_text" if name == "text" else name] = messages_
    return ValidationError(renamed)


def save_quote(form: SelectToQuoteForm, *, user: Any) -> Attribution | Revision | None:
    """The attribution, saved through the services as the API saves it (or, an editor's to
    a published statement, proposed: the revision); None, with the services' errors on the
    form, when they refuse it."""
    fields = form.attribution_fields()
    try:
        if form.cleaned_data["statement_choice"] == EXISTING_STATEMENT:
            statement = form.cleaned_data["statement"]
            if corrections.needs_review(statement, user):
                change = corrections.with_attribution(statement, fields)
                return corrections.revision_propose(statement=statement, user=user, **change)
            return services.attribution_create(
                statement=statement,
                user=user,
                correction_note=form.cleaned_data["correction_note"],
                **fields,
            )
        statement = services.statement_create(
            user=user,
            text=form.cleaned_data["statement_text"],
            language=form.source.language or "en",
            attributions=[fields],
        )
    except ValidationError as error:
        add_service_error(form, _service_error(error))
        return None
    except ConflictError as error:
        form.add_error(None, str(error))
        return None
    return statement.attributions.get()


# --- The view -----------------------------------------------------------------------------------


def _may_quote(request: HttpRequest, admin_site: admin.AdminSite) -> bool:
    """Adding an attribution, to an existing statement or to a new draft."""
    return admin_site.get_model_admin(Attribution).has_add_permission(
        request
    ) and admin_site.get_model_admin(Statement).has_add_permission(request)


def _log_additions(
    request: HttpRequest,
    admin_site: admin.AdminSite,
    attribution: Attribution,
    form: SelectToQuoteForm,
) -> None:
    """In the admin's log, as its add pages record what they add."""
    added = [{"added": {}}]
    if form.cleaned_data["statement_choice"] == NEW_STATEMENT:
        statement = attribution.statement
        admin_site.get_model_admin(Statement).log_addition(request, statement, added)
    admin_site.get_model_admin(Attribution).log_addition(request, attribution, added)


@require_http_methods(["GET", "HEAD", "POST"])
def reading_view(request: HttpRequest, object_id: str, *, model_admin: admin.ModelAdmin):
    """GET: the source's text with its quotes; POST: a new attribution of a passage of it."""
    admin_site = model_admin.admin_site
    pk = model_admin.object_pk(object_id)
    source = Source.objects.filter(pk=pk).first() if pk is not None else None
    if source is None:
        raise Http404(f"No source has the id {object_id!r}.")
    if not model_admin.has_view_permission(request, source):
        raise PermissionDenied
    may_quote = _may_quote(request, admin_site)
    form = None
    if may_quote:
        data = request.POST if request.method == "POST" else None
        form = SelectToQuoteForm(data, source=source, admin_site=admin_site)
    if request.method == "POST":
        if not may_quote:
            raise PermissionDenied
        saved = save_quote(form, user=request.user) if form.is_valid() else None
        if isinstance(saved, Revision):
            messages.warning(request, PROPOSED_MESSAGE.format(pk=saved.pk))
            return HttpResponseRedirect(admin_url(saved))
        if (attribution := saved) is not None:
            _log_additions(request, admin_site, attribution, form)
            messages.success(
                request,
                format_html(
                    "Attribution <a href='{}'>#{}</a> added: “{}”, {}.",
                    admin_url(attribution),
                    attribution.pk,
                    attribution.quote_exact,
                    attribution.speaker.name,
                ),
            )
            return HttpResponseRedirect(reading_url(source.pk, attribution.pk))
    return render_reading(request, model_admin, source, form)


def render_reading(
    request: HttpRequest,
    model_admin: admin.ModelAdmin,
    source: Source,
    form: SelectToQuoteForm | None,
) -> HttpResponse:
    shown = reading(source, source_attributions(source))
    media = model_admin.media + forms.Media(
        css={"all": ["statements/reading.css"]}, js=["statements/reading.js"]
    )
    if form is not None:
        media = form.media + media
    context = {
        **model_admin.admin_site.each_context(request),
        "title": source.title,
        "opts": model_admin.opts,
        "source": source,
        "original": source,
        "reading": shown,
        "form": form,
        "form_open": form is not None and form.is_bound,
        "media": media,
        "change_url": admin_url(source),
        "has_change_permission": model_admin.has_change_permission(request, source),
    }
    return TemplateResponse(request, "admin/statements/source/reading.html", context)


def reading_urls(model_admin: admin.ModelAdmin) -> list[URLPattern]:
    """The reading view's routes, added to the sources' admin."""
    info = model_admin.opts.app_label, model_admin.opts.model_name

    def view(request: HttpRequest, object_id: str) -> HttpResponse:
        return reading_view(request, object_id, model_admin=model_admin)

    wrap: Callable = model_admin.admin_site.admin_view
    return [path("<path:object_id>/reading/", wrap(view), name="{}_{}_reading".format(*info))]
