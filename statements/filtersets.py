"""Filters of the list endpoints; a value that does not parse is a 400 naming the parameter.

Query parameters, one convention for every list (``statements.api.filters`` refuses the rest):

- Filters of ids and of choices repeat, as in NetBox: ``?speaker=1&speaker=2`` is either
  speaker (``MultipleValueFilter``; the schema says ``style: form, explode: true``).
- ``ordering`` takes several fields, comma-separated or repeated; empty terms are ignored.
- Every other parameter is given once (repeated, it is a 400 naming it).
- A speaker or source id that does not exist is a 400 naming it (they are public). A
  statement id that does not exist or that the caller may not see matches nothing: the
  answer is the same for both, so it tells nothing about drafts.
- Date bounds hold to the whole day, UTC, at the ends of the calendar too (``9999-12-31``).

The filter sets declare the parameters and apply the plain filters. The statement filters
that need a plan (``q``, which ranks or selects, and the conditions on one attribution) are
declared here and applied by ``selectors.statement_results`` from the cleaned values.
"""

import copy
import datetime as dt

import django_filters as filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django_filters.widgets import BaseCSVWidget
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from statements.choices import (
    AnchorStatus,
    AttributionMode,
    RelationKind,
    SourceKind,
    SourceStatus,
    SpeakerKind,
    SpeechAct,
    StatementStatus,
)
from statements.errors import PermanentRedirect
from statements.memberships import holding_on
from statements.models import (
    Attribution,
    Membership,
    Relation,
    Source,
    Speaker,
    SpeakerRedirect,
    Statement,
)
from statements.normalize import normalize_url
from statements.selectors import (
    RELEVANCE,
    attribution_condition,
    on_or_after_day,
    on_or_before_day,
    one_of,
)
from statements.validators import validate_url_parts


def _copied(filter_: filters.Filter) -> filters.Filter:
    copied = copy.copy(filter_)
    if copied.method is not None:
        copied.method = copied.method  # bound anew, to the copy (and so to its filter set)
    return copied


class _FiltersCopiedOneByOne(dict):
    def __deepcopy__(self, memo):
        return {name: _copied(filter_) for name, filter_ in self.items()}


class _FieldsCopiedOneByOne(dict):
    """A form's fields, which each form copies (``BaseForm.__init__``) one by one, sharing
    their widgets: no form here changes a field or a widget once declared."""

    def __deepcopy__(self, memo):
        return {name: copy.copy(field) for name, field in self.items()}


# --- Repeatable parameters ---------------------------------------------------------------------


class RepeatableTextInput(forms.TextInput):
    """A text box whose parameter may repeat: every value is read (QueryDict.getlist)."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def format_value(self, value):
        if isinstance(value, list | tuple):  # the browsable API's form shows the first
            value = value[0] if value else None
        return super().format_value(value)


class MultipleValueField(forms.Field):
    """The values of a repeatable query parameter (``?speaker=1&speaker=2``), each cleaned by
    ``base_field``: blanks dropped, then duplicates, in the order given."""

    widget = RepeatableTextInput

    def __init__(self, *, base_field: forms.Field, choices=None, **kwargs) -> None:
        self.base_field = base_field
        if choices is not None:  # a list to pick from (reads every value too)
            kwargs.setdefault("widget", forms.SelectMultiple(choices=choices))
        super().__init__(**kwargs)

    def clean(self, value) -> list:
        if not isinstance(value, list | tuple):  # one value, from data without getlist
            value = [value]
        values = [item for item in value if item not in self.empty_values]
        if not values:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        cleaned, errors = [], []
        for item in values:
            try:
                cleaned.append(self.base_field.clean(item))
            except forms.ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise forms.ValidationError(errors)
        return list(dict.fromkeys(cleaned))


class MultipleValueFilter(filters.MultipleChoiceFilter):
    """A filter whose parameter may repeat: any of the values matches. A MultipleChoiceFilter
    for drf-spectacular, which documents it as an array (``style: form, explode: true``);
    one value is an equality, several an ``IN``, on ``field_name`` or through ``method``."""

    field_class = MultipleValueField

    def __init__(self, *args, base_field: forms.Field, **kwargs) -> None:
        kwargs.setdefault("distinct", False)
        super().__init__(*args, base_field=base_field, **kwargs)

    def filter(self, queryset: QuerySet, value: list) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(one_of(self.field_name, value))


def ChoicesFilter(choices, **kwargs) -> MultipleValueFilter:
    """Any of these choices (repeatable)."""
    return MultipleValueFilter(
        base_field=forms.ChoiceField(choices=choices), choices=choices, **kwargs
    )


def TextsFilter(**kwargs) -> MultipleValueFilter:
    """Any of these exact values (repeatable)."""
    filter_ = MultipleValueFilter(base_field=forms.CharField(), **kwargs)
    return _with_schema(filter_, {"type": "string"})


# Ids are 64-bit: a larger number is a 400, not an overflow in the database driver.
MAX_ID = 2**63 - 1


def IdFilter(*, known=None, **kwargs) -> MultipleValueFilter:
    """Object ids (repeatable), each a positive whole number ("1.5" and "1e3" are a 400).

    With ``known`` (a model), an id that names no such object is a 400 naming it
    (``check_known_ids``); without, it matches nothing."""
    filter_ = MultipleValueFilter(
        base_field=forms.IntegerField(min_value=1, max_value=MAX_ID), **kwargs
    )
    filter_.known_model = known
    # The schema says so too (integers, not strings).
    return _with_schema(filter_, {"type": "integer", "minimum": 1, "maximum": MAX_ID})


def _with_schema(filter_: filters.Filter, schema: dict) -> filters.Filter:
    """The schema of each of the filter's values (drf-spectacular makes it an array), with
    the filter's help text, which a schema given this way would otherwise lose."""
    if filter_.extra.get("help_text"):
        schema = {**schema, "description": str(filter_.extra["help_text"])}
    return extend_schema_field(schema)(filter_)


# --- Unknown ids ---------------------------------------------------------------------------------

# The id filters of a request whose ids are still to be checked: (parameter, model, ids).
_PENDING_IDS = "_ids_to_check"


def check_known_ids(request, *, found: bool) -> None:
    """A 400 naming each id filter of ``request`` with an id that names nothing; a 308 to
    the same request with the survivors' ids when the unknown ids are merged speakers'
    (``SpeakerRedirect``: their statements, memberships and all moved to the survivor).

    Called once the results are known (``found``: whether anything matched). A filter
    given one id costs no query when something was found: every row found has that id,
    so it exists (and a merged speaker's id finds nothing). Otherwise, one query per
    filter, by primary key, and one for the redirects of unknown speakers' ids."""
    errors, moved = {}, {}
    for name, model, ids in getattr(request, _PENDING_IDS, ()):
        if found and len(ids) == 1:
            continue
        known = set(model.objects.filter(pk__in=ids).values_list("pk", flat=True))
        unknown = [pk for pk in ids if pk not in known]
        if unknown and model is Speaker:
            redirects = SpeakerRedirect.objects.filter(old_id__in=unknown)
            targets = dict(redirects.values_list("old_id", "speaker_id"))
            if targets:
                moved[name] = targets
            unknown = [pk for pk in unknown if pk not in targets]
        if unknown:
            noun = model._meta.verbose_name
            listed = ", ".join(str(pk) for pk in unknown)
            errors[name] = [f"No {noun} has the id {listed}." if len(unknown) == 1
                            else f"No {noun} has these ids: {listed}."]  # fmt: skip
    if request is not None:
        setattr(request, _PENDING_IDS, ())
    if errors:
        raise ValidationError(errors)
    if moved:
        raise PermanentRedirect(_with_survivors(request, moved))


def _with_survivors(request, moved: dict[str, dict[int, int]]) -> str:
    """The request's URL with each merged speaker's id replaced by its survivor's."""
    params = request.query_params.copy()
    for name, targets in moved.items():
        values = []
        for value in params.getlist(name):
            # A blank value, which the filter ignored, stays as it is.
            values.append(str(targets.get(int(value), value)) if value.isdigit() else value)
        params.setlist(name, list(dict.fromkeys(values)))
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


UPDATED_AFTER_HELP = (
    "Only what changed at or after this moment (ISO 8601: `2024-10-28T09:30:00Z`; a date "
    "alone is its start, UTC), by `updated_at`: a partner's sync asks for what changed "
    "since its last one. Deletions are not listed: the change feed (`changes/`) has every "
    "change, deletions included. A value that does not parse is a 400 naming it."
)


class FilterSet(filters.FilterSet):
    """django-filter's FilterSet, at less cost per request: each request's filter set copies
    the filters one by one instead of deep-copying them, and uses one form class per filter
    set class instead of building one, whose forms copy the fields one by one. It holds
    because no filter here depends on the request (no querysets of choices): the copies
    differ only in the filter set they belong to.

    Every list takes ``updated_after``."""

    updated_after = filters.IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", help_text=UPDATED_AFTER_HELP
    )

    @classmethod
    def get_filters(cls):
        return _FiltersCopiedOneByOne(super().get_filters())

    def get_form_class(self):
        filter_set = type(self)
        if "_form_class" not in filter_set.__dict__:
            form_class = super().get_form_class()
            form_class.base_fields = _FieldsCopiedOneByOne(form_class.base_fields)
            filter_set._form_class = form_class
        return filter_set._form_class

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # The ids of public objects (speakers, sources) are checked once the results are
        # known, when that can cost nothing (check_known_ids).
        if self.request is not None:
            setattr(
                self.request,
                _PENDING_IDS,
                [
                    (name, filter_.known_model, self.form.cleaned_data[name])
                    for name, filter_ in self.filters.items()
                    if getattr(filter_, "known_model", None) and self.form.cleaned_data.get(name)
                ],
            )
        return super().filter_queryset(queryset)

    @classmethod
    def repeatable(cls) -> set[str]:
        """The parameters that may be given more than once."""
        return {
            name
            for name, filter_ in cls.base_filters.items()
            if isinstance(filter_, (MultipleValueFilter, filters.OrderingFilter))
        }


class OrderingWidget(BaseCSVWidget, forms.TextInput):
    """``ordering=a,b`` or ``ordering=a&ordering=b`` (as generated clients send arrays), or
    both; blank terms (``ordering=,``, ``id,,name``) are ignored."""

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        values = [value for value in values if value is not None]
        if not values:
            return None
        return [term.strip() for value in values for term in value.split(",") if term.strip()]


class OrderingFilter(filters.OrderingFilter):
    """Ordering that reads the same on both engines: unknown values (nulls) last in either
    direction, ties broken by id so that pages never overlap."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", OrderingWidget)
        super().__init__(*args, **kwargs)

    def ordering_expression(self, queryset: QuerySet, name: str) -> tuple[QuerySet, F]:
        return queryset, F(name)

    def filter(self, queryset: QuerySet, value: list[str] | None) -> QuerySet:
        if not value:
            return queryset
        order = []
        for param in value:
            queryset, expression = self.ordering_expression(queryset, param.lstrip("-"))
            descending = param.startswith("-")
            order.append(
                expression.desc(nulls_last=True) if descending else expression.asc(nulls_last=True)
            )
        return queryset.order_by(*order, "id")


# A statement that does not exist and one the caller may not see match nothing alike.
STATEMENT_ID_HELP = "Statement id (one that does not exist or is not visible matches nothing)."


# --- Speaker ----------------------------------------------------------------------------------


class SpeakerFilterSet(FilterSet):
    kind = ChoicesFilter(SpeakerKind.choices, help_text="Speaker kind.")
    country = TextsFilter(help_text="ISO 3166-1 alpha-2 country code, e.g. KR.")
    wikidata_id = filters.CharFilter(help_text='Wikidata item id, e.g. "Q6279".')
    q = filters.CharFilter(method="filter_q", help_text="Words in the name or the aliases.")
    ordering = OrderingFilter(fields=("name", "id", "created_at", "updated_at"))

    class Meta:
        model = Speaker
        fields = ["kind", "country", "wikidata_id"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split():
            queryset = queryset.filter(Q(name__icontains=word) | Q(aliases__icontains=word))
        return queryset


# --- Source -----------------------------------------------------------------------------------


class SourceFilterSet(FilterSet):
    kind = ChoicesFilter(SourceKind.choices)
    status = ChoicesFilter(SourceStatus.choices)
    publisher = filters.CharFilter(lookup_expr="iexact", help_text="Publisher, any case.")
    language = TextsFilter(help_text="BCP 47 language tag.")
    url = filters.CharFilter(
        method="filter_url",
        validators=[validate_url_parts],  # what normalize_url cannot split is a 400
        help_text="Exact URL (normalized first).",
    )
    published_after = filters.DateFilter(method="filter_published_after")
    published_before = filters.DateFilter(method="filter_published_before")
    q = filters.CharFilter(method="filter_q", help_text="Words in the title or the publisher.")
    ordering = OrderingFilter(fields=("published_at", "title", "id", "created_at", "updated_at"))

    class Meta:
        model = Source
        fields = ["kind", "status", "publisher", "language"]

    def filter_url(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(url=normalize_url(value))

    def filter_published_after(self, queryset: QuerySet, name: str, value: dt.date) -> QuerySet:
        return queryset.filter(on_or_after_day("published_at", value))

    def filter_published_before(self, queryset: QuerySet, name: str, value: dt.date) -> QuerySet:
        return queryset.filter(on_or_before_day("published_at", value))

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(publisher__icontains=word))
        return queryset


# --- Attribution-level conditions, shared by statements and attributions ----------------------


class AttributionConditionsMixin(FilterSet):
    speaker = IdFilter(
        known=Speaker, method="applied_together", help_text="Speaker id (an unknown id is a 400)."
    )
    speaker_kind = ChoicesFilter(
        SpeakerKind.choices, method="applied_together", help_text="Kind of the speaker."
    )
    source = IdFilter(
        known=Source, method="applied_together", help_text="Source id (an unknown id is a 400)."
    )
    publisher = filters.CharFilter(
        method="applied_together", help_text="Publisher of the source, any case."
    )
    mode = ChoicesFilter(AttributionMode.choices, method="applied_together")
    speech_act = ChoicesFilter(SpeechAct.choices, method="applied_together")
    anchor_status = ChoicesFilter(
        AnchorStatus.choices,
        method="applied_together",
        help_text=(
            "Status of the quote's anchor in its source's body: orphaned quotes were lost "
            "when the body changed, reanchored ones found again by an approximate match."
        ),
    )
    stated_after = filters.DateFilter(
        method="applied_together", help_text="Stated on or after (date)."
    )
    stated_before = filters.DateFilter(
        method="applied_together", help_text="Stated on or before (date)."
    )
    published_after = filters.DateFilter(
        method="applied_together", help_text="Source published on or after (date, UTC)."
    )
    published_before = filters.DateFilter(
        method="applied_together", help_text="Source published on or before (date, UTC)."
    )

    member_of = IdFilter(
        known=Speaker,
        method="applied_together",
        help_text=(
            "Organization id: statements by people who were members of it when they spoke "
            "(a membership that held on the attribution's `stated_on`, else on its source's "
            "publication date; an unknown id is a 400)."
        ),
    )

    def applied_together(self, queryset: QuerySet, name: str, value) -> QuerySet:
        # Applied together (selectors.attribution_condition), so that they hold for one
        # attribution: on statements by the selector, on attributions in filter_queryset.
        return queryset


# --- Statement --------------------------------------------------------------------------------


def _earliest(field: str) -> Subquery:
    earliest = Attribution.objects.filter(statement=OuterRef("pk"), **{f"{field}__isnull": False})
    return Subquery(earliest.order_by(field).values(field)[:1])


class StatementOrderingFilter(OrderingFilter):
    """Also orders by date: the earliest date that one of the attributions gives
    (``stated_on``) or the earliest publication of a reporting source (``published_at``)."""

    DATES = {"stated_on": "stated_on", "published_at": "source__published_at"}
    RELEVANCE = RELEVANCE  # applied by the selector, which ranks by q

    def __init__(self, *args, relevance: bool = True, **kwargs):
        self.relevance = relevance  # whether "relevance" is a choice (where q ranks)
        super().__init__(*args, **kwargs)

    def build_choices(self, fields, labels):
        choices = super().build_choices(fields, labels)
        return [*choices, (self.RELEVANCE, "Relevance")] if self.relevance else choices

    def filter(self, queryset: QuerySet, value: list[str] | None) -> QuerySet:
        return super().filter(queryset, [param for param in value or () if param != self.RELEVANCE])

    def ordering_expression(self, queryset: QuerySet, name: str) -> tuple[QuerySet, F]:
        if name not in self.DATES:
            return super().ordering_expression(queryset, name)
        alias = f"earliest_{name}"
        return queryset.alias(**{alias: _earliest(self.DATES[name])}), F(alias)


STATEMENT_ORDERING_FIELDS = ("stated_on", "published_at", "id", "created_at", "updated_at")


class StatementFilterSet(AttributionConditionsMixin):
    updated_after = filters.IsoDateTimeFilter(
        method="filter_updated_after",
        help_text=f"{UPDATED_AFTER_HELP} A statement changes with its attributions.",
    )
    status = ChoicesFilter(StatementStatus.choices)
    topic = TextsFilter(method="filter_topic", help_text="Topic slug.")
    language = TextsFilter(help_text="BCP 47 language tag.")
    q = filters.CharFilter(
        method="by_the_selector",
        help_text=(
            'Full-text query: words (all must match), "quoted phrases", OR, -exclusion. '
            "Matches the text, the speakers' names and aliases and the source titles."
        ),
    )
    ordering = StatementOrderingFilter(
        fields=STATEMENT_ORDERING_FIELDS,
        help_text=(
            "Sort by stated_on (the earliest date an attribution gives), published_at (the "
            "earliest reporting source), id, created_at or updated_at; - for descending. "
            "With q, relevance (the default) gives the best matches first, ranked among the "
            "1,000 newest matches; any other ordering lists every match."
        ),
    )

    class Meta:
        model = Statement
        fields = ["status", "language"]

    def filter_updated_after(self, queryset: QuerySet, name: str, value: dt.datetime) -> QuerySet:
        # Its attributions are part of it: a statement whose quote was corrected changed.
        changed = Attribution.objects.filter(statement=OuterRef("pk"), updated_at__gte=value)
        return queryset.filter(Q(updated_at__gte=value) | Exists(changed))

    def filter_topic(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if len(value) == 1:
            return queryset.filter(topics__slug=value[0])
        # Several: through the join table, so that a statement comes once however many match.
        links = Statement.topics.through.objects.filter(topic__slug__in=value)
        return queryset.filter(pk__in=links.values("statement_id"))

    def by_the_selector(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # q ranks or selects as the list asks (selectors.statement_results), after every
        # other filter.
        return queryset


class StatementExportFilterSet(StatementFilterSet):
    """The statement filters of the export, where q selects and never ranks: every match,
    in the order asked (id by default). ``ordering=relevance`` is a 400 here."""

    ordering = StatementOrderingFilter(
        fields=STATEMENT_ORDERING_FIELDS,
        relevance=False,
        help_text=(
            "Sort by stated_on (the earliest date an attribution gives), published_at (the "
            "earliest reporting source), id, created_at or updated_at; - for descending. "
            "In id order by default; with q, every match, unranked."
        ),
    )


# --- Attribution ------------------------------------------------------------------------------


class AttributionFilterSet(AttributionConditionsMixin):
    statement = IdFilter(field_name="statement_id", help_text=STATEMENT_ID_HELP)
    on_behalf_of = IdFilter(
        known=Speaker,
        field_name="on_behalf_of_id",
        help_text="Id of the speaker represented (an unknown id is a 400).",
    )
    ordering = OrderingFilter(fields=("stated_on", "id", "created_at", "updated_at"))

    class Meta:
        model = Attribution
        fields = []

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        condition = attribution_condition(self.form.cleaned_data)
        return queryset.filter(condition) if condition else queryset


class SpeakerDuplicateFilterSet(filters.FilterSet):
    """``speakers/duplicates/``: the pairs of one kind only."""

    kind = filters.ChoiceFilter(
        choices=SpeakerKind.choices, method="by_the_view", help_text="Only speakers of this kind."
    )

    class Meta:
        model = Speaker
        fields = []

    def by_the_view(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset  # the pairs are computed by statements.merging


# --- Membership -------------------------------------------------------------------------------


class MembershipFilterSet(FilterSet):
    person = IdFilter(
        known=Speaker, field_name="person_id", help_text="Person id (an unknown id is a 400)."
    )
    organization = IdFilter(
        known=Speaker,
        field_name="organization_id",
        help_text="Organization id (an unknown id is a 400).",
    )
    date = filters.DateFilter(
        method="filter_date",
        help_text=(
            "Only the memberships that held on this day: begun on or before it (a partial "
            "start counts from its first day) and not ended before it (a partial end counts "
            "to its last day); unknown ends and starts hold."
        ),
    )
    ordering = OrderingFilter(fields=("id", "created_at", "updated_at"))

    class Meta:
        model = Membership
        fields = []

    def filter_date(self, queryset: QuerySet, name: str, value: dt.date) -> QuerySet:
        return queryset.filter(holding_on(value))


# --- Relation ---------------------------------------------------------------------------------


class RelationFilterSet(FilterSet):
    kind = ChoicesFilter(RelationKind.choices)
    from_statement = IdFilter(field_name="from_statement_id", help_text=STATEMENT_ID_HELP)
    to_statement = IdFilter(field_name="to_statement_id", help_text=STATEMENT_ID_HELP)
    statement = IdFilter(
        method="filter_statement", help_text=f"On either side. {STATEMENT_ID_HELP}"
    )
    ordering = OrderingFilter(fields=("id", "created_at", "updated_at"))

    class Meta:
        model = Relation
        fields = ["kind"]

    def filter_statement(self, queryset: QuerySet, name: str, value: list[int]) -> QuerySet:
        return queryset.filter(
            one_of("from_statement_id", value) | one_of("to_statement_id", value)
        )
