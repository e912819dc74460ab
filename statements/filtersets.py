"""Filters of the list endpoints; a value that does not parse is a 400 naming the parameter."""

import copy
import datetime as dt

import django_filters as filters
from django import forms
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import BooleanField, Exists, F, Func, OuterRef, Q, QuerySet, Subquery
from drf_spectacular.utils import extend_schema_field

from statements import search, selectors
from statements.choices import (
    AttributionMode,
    RelationKind,
    SourceKind,
    SourceStatus,
    SpeakerKind,
    SpeechAct,
    StatementStatus,
)
from statements.models import Attribution, Relation, Source, Speaker, Statement
from statements.validators import validate_url_parts


def _copied(filter_: filters.Filter) -> filters.Filter:
    copied = copy.copy(filter_)
    if copied.method is not None:
        copied.method = copied.method  # bound anew, to the copy (and so to its filter set)
    return copied


class _FiltersCopiedOneByOne(dict):
    def __deepcopy__(self, memo):
        return {name: _copied(filter_) for name, filter_ in self.items()}


class FilterSet(filters.FilterSet):
    """django-filter's FilterSet, at less cost per request: each request's filter set copies
    the filters one by one instead of deep-copying them, and uses one form class per filter
    set class instead of building one. Those had cost about a millisecond of a list page's
    eight. It holds because no filter here depends on the request (no querysets of
    choices): the copies differ only in the filter set they belong to."""

    @classmethod
    def get_filters(cls):
        return _FiltersCopiedOneByOne(super().get_filters())

    def get_form_class(self):
        filter_set = type(self)
        if "_form_class" not in filter_set.__dict__:
            filter_set._form_class = super().get_form_class()
        return filter_set._form_class


class OrderingFilter(filters.OrderingFilter):
    """Ordering that reads the same on both engines: unknown values (nulls) last in either
    direction, ties broken by id so that pages never overlap."""

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


def start_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


# Ids are 64-bit: a larger number is a 400, not an overflow in the database driver.
MAX_ID = 2**63 - 1


class IdFilter(filters.NumberFilter):
    """An object id: a positive whole number ("1.5" and "1e3" are a 400, an unknown id
    matches nothing)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)
        # The schema says so too (a bare NumberFilter reads as "number": a float to clients).
        schema = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
        if self.extra.get("help_text"):
            schema["description"] = str(self.extra["help_text"])
        extend_schema_field(schema)(self)


# --- Speaker ----------------------------------------------------------------------------------


class SpeakerFilterSet(FilterSet):
    kind = filters.ChoiceFilter(choices=SpeakerKind.choices, help_text="Speaker kind.")
    country = filters.CharFilter(help_text="ISO 3166-1 alpha-2 country code, e.g. KR.")
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
    kind = filters.ChoiceFilter(choices=SourceKind.choices)
    status = filters.ChoiceFilter(choices=SourceStatus.choices)
    publisher = filters.CharFilter(lookup_expr="iexact", help_text="Publisher, any case.")
    language = filters.CharFilter(help_text="BCP 47 language tag.")
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
        from statements.normalize import normalize_url

        return queryset.filter(url=normalize_url(value))

    def filter_published_after(self, queryset: QuerySet, name: str, value: dt.date) -> QuerySet:
        return queryset.filter(published_at__gte=start_of_day(value))

    def filter_published_before(self, queryset: QuerySet, name: str, value: dt.date) -> QuerySet:
        return queryset.filter(published_at__lt=start_of_day(value + dt.timedelta(days=1)))

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split():
            queryset = queryset.filter(Q(title__icontains=word) | Q(publisher__icontains=word))
        return queryset


# --- Attribution-level conditions, shared by statements and attributions ----------------------


def attribution_conditions(data: dict) -> Q:
    """The conditions on one attribution that the statement and attribution filters share.

    On statements they hold together for one attribution ("Kirby's direct quotes", not
    "a statement Kirby made that someone else quoted directly").
    """
    condition = Q()
    lookups = {
        "speaker": "speaker_id",
        "speaker_kind": "speaker__kind",
        "source": "source_id",
        "publisher": "source__publisher__iexact",
        "mode": "mode",
        "speech_act": "speech_act",
        "stated_after": "stated_on__gte",
        "stated_before": "stated_on__lte",
    }
    for name, lookup in lookups.items():
        if data.get(name) not in (None, ""):
            condition &= Q(**{lookup: data[name]})
    if data.get("published_after"):
        condition &= Q(source__published_at__gte=start_of_day(data["published_after"]))
    if data.get("published_before"):
        next_day = data["published_before"] + dt.timedelta(days=1)
        condition &= Q(source__published_at__lt=start_of_day(next_day))
    return condition


class AttributionConditionsMixin(FilterSet):
    speaker = IdFilter(method="collect", help_text="Speaker id.")
    speaker_kind = filters.ChoiceFilter(
        choices=SpeakerKind.choices, method="collect", help_text="Kind of the speaker."
    )
    source = IdFilter(method="collect", help_text="Source id.")
    publisher = filters.CharFilter(method="collect", help_text="Publisher of the source, any case.")
    mode = filters.ChoiceFilter(choices=AttributionMode.choices, method="collect")
    speech_act = filters.ChoiceFilter(choices=SpeechAct.choices, method="collect")
    stated_after = filters.DateFilter(method="collect", help_text="Stated on or after (date).")
    stated_before = filters.DateFilter(method="collect", help_text="Stated on or before (date).")
    published_after = filters.DateFilter(
        method="collect", help_text="Source published on or after (date, UTC)."
    )
    published_before = filters.DateFilter(
        method="collect", help_text="Source published on or before (date, UTC)."
    )

    def collect(self, queryset: QuerySet, name: str, value) -> QuerySet:
        # Applied together in filter_queryset, so that they hold for one attribution.
        return queryset


# --- Statement --------------------------------------------------------------------------------


class IdInArray(Func):
    """``id = ANY(ARRAY(subquery))``: PostgreSQL evaluates the subquery once, before the
    statements, then reads those statements by primary key."""

    template = '"statements_statement"."id" = ANY(%(expressions)s)'
    output_field = BooleanField()


# A date range this narrow (in days) selects few statements, wherever they stand by id.
NARROW_DAYS = 92


def _earliest(field: str) -> Subquery:
    earliest = Attribution.objects.filter(statement=OuterRef("pk"), **{f"{field}__isnull": False})
    return Subquery(earliest.order_by(field).values(field)[:1])


class StatementOrderingFilter(OrderingFilter):
    """Also orders by date: the earliest date that one of the attributions gives
    (``stated_on``) or the earliest publication of a reporting source (``published_at``)."""

    DATES = {"stated_on": "stated_on", "published_at": "source__published_at"}
    RELEVANCE = "relevance"  # applied by StatementFilterSet, which has the query

    def build_choices(self, fields, labels):
        return [*super().build_choices(fields, labels), (self.RELEVANCE, "Relevance")]

    def filter(self, queryset: QuerySet, value: list[str] | None) -> QuerySet:
        return super().filter(queryset, [param for param in value or () if param != self.RELEVANCE])

    def ordering_expression(self, queryset: QuerySet, name: str) -> tuple[QuerySet, F]:
        if name not in self.DATES:
            return super().ordering_expression(queryset, name)
        alias = f"earliest_{name}"
        return queryset.alias(**{alias: _earliest(self.DATES[name])}), F(alias)


class StatementFilterSet(AttributionConditionsMixin):
    status = filters.ChoiceFilter(choices=StatementStatus.choices)
    topic = filters.CharFilter(field_name="topics__slug", help_text="Topic slug.")
    language = filters.CharFilter(help_text="BCP 47 language tag.")
    q = filters.CharFilter(
        method="filter_q",
        help_text=(
            'Full-text query: words (all must match), "quoted phrases", OR, -exclusion. '
            "Matches the text, the speakers' names and aliases and the source titles."
        ),
    )
    ordering = StatementOrderingFilter(
        fields=("stated_on", "published_at", "id", "created_at", "updated_at"),
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

    def ranked(self) -> bool:
        """Whether results are ranked by relevance: q given and no other ordering asked."""
        ordering = self.form.cleaned_data.get("ordering") or []
        return bool(self.form.cleaned_data.get("q")) and (
            not ordering or ordering[0] == StatementOrderingFilter.RELEVANCE
        )

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if self.ranked():
            return queryset  # ranked in filter_queryset, once every other filter applies
        return search.filter_statements(queryset, value)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        condition = attribution_conditions(self.form.cleaned_data)
        if condition:
            queryset = queryset.filter(self._made_by_attributions(condition))
        if self.ranked():
            # Not a QuerySet but a ranked sequence, which the paginator pages through.
            return search.search_statements(
                queryset,
                self.form.cleaned_data["q"],
                attribution_condition=condition,
                documents=self._same_documents(),
            )
        return queryset

    def _same_documents(self) -> Q | None:
        """The condition on search documents that selects the very statements searched, when
        no filter but the query is given (the views' querysets hold what the user may see)."""
        filtered = any(
            value not in (None, "", [], ())
            for name, value in self.form.cleaned_data.items()
            if name not in ("q", "ordering")
        )
        if filtered or self.request is None:
            return None
        return selectors.searchable_documents(user=self.request.user)

    def _made_by_attributions(self, condition: Q) -> Q:
        """The statements of which an attribution meets ``condition``.

        On PostgreSQL as a rule EXISTS (a semi-join, which the planner turns around when the
        attributions are the smaller side). But for a narrow date range, asked for the first
        page in id order, it walks the statements by id hoping to meet matches early (a
        merge semi-join under the LIMIT) and may read most of the table to find 50: there,
        the matching ids are gathered first (``id = ANY(ARRAY(...))``), a few thousand index
        entries at most. SQLite never turns EXISTS around (it tests every statement in id
        order), so there the matching ids always come first (``id IN (SELECT ...)``).
        See the plans in the README's Performance section.
        """
        matching = Attribution.objects.filter(condition)
        if connection.vendor != "postgresql":
            return Q(pk__in=matching.order_by().values("statement_id"))
        if self._narrow_dates():
            return Q(IdInArray(ArraySubquery(matching.order_by().values("statement_id"))))
        return Q(Exists(matching.filter(statement=OuterRef("pk"))))

    def _narrow_dates(self) -> bool:
        data = self.form.cleaned_data
        for after, before in (
            ("stated_after", "stated_before"),
            ("published_after", "published_before"),
        ):
            if (
                data.get(after)
                and data.get(before)
                and (data[before] - data[after]).days <= NARROW_DAYS
            ):
                return True
        return False


# --- Attribution ------------------------------------------------------------------------------


class AttributionFilterSet(AttributionConditionsMixin):
    statement = IdFilter(field_name="statement_id", help_text="Statement id.")
    on_behalf_of = IdFilter(
        field_name="on_behalf_of_id", help_text="Id of the speaker represented."
    )
    ordering = OrderingFilter(fields=("stated_on", "id", "created_at", "updated_at"))

    class Meta:
        model = Attribution
        fields = []

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        condition = attribution_conditions(self.form.cleaned_data)
        return queryset.filter(condition) if condition else queryset


# --- Relation ---------------------------------------------------------------------------------


class RelationFilterSet(FilterSet):
    kind = filters.ChoiceFilter(choices=RelationKind.choices)
    from_statement = IdFilter(field_name="from_statement_id")
    to_statement = IdFilter(field_name="to_statement_id")
    statement = IdFilter(method="filter_statement", help_text="Statement id, on either side.")
    ordering = OrderingFilter(fields=("id", "created_at", "updated_at"))

    class Meta:
        model = Relation
        fields = ["kind"]

    def filter_statement(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(Q(from_statement_id=value) | Q(to_statement_id=value))
