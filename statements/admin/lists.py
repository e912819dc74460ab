"""The admin's lists at newsroom scale: pages whose size and cost do not grow with the data.

- ``autocomplete_filter``: a list filter over a related model (speaker, source, topic) that
  is a select2 box fed by the admin's own autocomplete view, instead of one link per row
  of that model in the sidebar;
- ``BoundedCountPaginator``: a page count that costs a bounded amount: the table's
  estimate on PostgreSQL when nothing filters it, else an exact count up to a cap;
- ``statement_search``: the admin's search box runs the product's search (the query of
  ``statements/?q=``), among the newest matches, as the API ranks them.
"""

from collections.abc import Callable
from functools import cached_property
from typing import Any

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.paginator import Paginator
from django.db import models
from django.db.models import IntegerField, Q, QuerySet, Subquery
from django.http import HttpRequest

from statements import search
from statements.search.backends import get_backend

# Exact counts stop here: a list that matches more says "more than" this many. A hundred
# pages of a hundred rows; past them, a filter or a search finds rows faster than paging.
EXACT_COUNT_LIMIT = 10_000


# --- Counting -----------------------------------------------------------------------------------


class BoundedCountPaginator(Paginator):
    """Counts a list at a bounded cost, for the changelists and the autocomplete views.

    A list that nothing filters takes the table's estimate on PostgreSQL when it is above
    ``EXACT_COUNT_LIMIT`` (counting a million rows reads them all, every time the list is
    shown); any other list is counted exactly up to ``EXACT_COUNT_LIMIT`` rows, and said to
    hold "more than" that beyond. ``estimated`` and ``capped`` say which happened."""

    estimated = False
    capped = False

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return super().count
        if not queryset.query.has_filters():
            estimate = get_backend(queryset.db).estimated_rows(queryset.model)
            if estimate is not None and estimate > EXACT_COUNT_LIMIT:
                self.estimated = True
                return estimate
        # The ids alone: the rows' other columns and annotations cost nothing to count.
        bounded = queryset.order_by().values("pk")[: EXACT_COUNT_LIMIT + 1].count()
        if bounded > EXACT_COUNT_LIMIT:
            self.capped = True
            return EXACT_COUNT_LIMIT
        return bounded


class ScaledChangeList(ChangeList):
    """A changelist that knows whether its search kept only the newest matches, and loads
    what its columns show (the model admin's ``list_rows``) for its rows alone."""

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.search_limited = getattr(request, SEARCH_LIMITED, None)

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        list_rows = getattr(self.model_admin, "list_rows", None)
        return list_rows(queryset) if list_rows else queryset


class ScaledListsMixin:
    """Mixed into a ModelAdmin whose tables grow large: bounded counts, no facets (one
    aggregate per option of every filter, over the whole table), no second count of the
    unfiltered table, and the autocomplete filters' scripts."""

    paginator = BoundedCountPaginator
    # Rendering the rows is most of a page's time (Django's templates, a few milliseconds
    # a row on a busy machine): half of Django's 100.
    list_per_page = 50
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER

    def get_changelist(self, request, **kwargs):
        return ScaledChangeList

    def lookup_allowed(self, lookup, value, request=None):
        # Our filters read their parameters themselves (never an ORM lookup), whatever
        # relations their names span: the names of Django's own filters, so links work.
        filters = self.get_list_filter(request) if request is not None else self.list_filter
        if any(_is_simple_filter(spec) and spec.parameter_name == lookup for spec in filters):
            return True
        return super().lookup_allowed(lookup, value, request)

    @property
    def media(self):
        media = super().media
        if any(_is_autocomplete(spec) for spec in self.list_filter):
            media += autocomplete_filter_media()
        return media


# --- Autocomplete filters -----------------------------------------------------------------------


def _is_simple_filter(spec: Any) -> bool:
    return isinstance(spec, type) and issubclass(spec, admin.SimpleListFilter)


def _is_autocomplete(spec: Any) -> bool:
    return isinstance(spec, type) and issubclass(spec, AutocompleteFilter)


class AutocompleteFilter(admin.SimpleListFilter):
    """Filters by one object of a related model, chosen in a select2 box that asks the
    admin's autocomplete view (``admin:autocomplete``) as the user types.

    ``field`` is the (model, field name) of a foreign key or many-to-many field to the
    related model: the autocomplete view offers what that field may hold, searched with
    the related model's admin ``search_fields``. ``condition`` turns the chosen id into
    the condition on the listed rows. The sidebar shows the chosen object alone, however
    many the related model holds."""

    template = "admin/statements/autocomplete_filter.html"
    field: tuple[type[models.Model], str]
    condition: Callable[[int], Q]

    def lookups(self, request, model_admin):
        return ()  # nothing to list: the box asks the server

    def has_output(self) -> bool:
        return True

    def _id(self) -> int | None:
        value = self.value()
        if value in (None, ""):
            return None
        try:
            return int(value)
        except ValueError as error:
            raise IncorrectLookupParameters(f"{self.parameter_name}: not an id") from error

    def queryset(self, request, queryset):
        pk = self._id()
        if pk is None:
            return queryset
        return queryset.filter(type(self).condition(pk))

    def choices(self, changelist):
        model, field_name = self.field
        source_field = model._meta.get_field(field_name)
        widget = FilterBox(
            source_field,
            changelist.model_admin.admin_site,
            attrs={
                "class": "autocomplete-filter",
                "data-filter-url": changelist.get_query_string(remove=[self.parameter_name]),
                "data-placeholder": f"Any {self.title}",
                "style": "width: 100%",
            },
        )
        chooser = forms.ModelChoiceField(
            queryset=source_field.remote_field.model._default_manager.all(),
            required=False,
            widget=widget,
        )
        widget.choices = chooser.choices
        # Renders the chosen object only (one query by primary key), or none.
        html = widget.render(self.parameter_name, self.value(), attrs={"id": self._html_id})
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": "All",
            "widget": html,
            "label_id": self._html_id,
        }

    @property
    def _html_id(self) -> str:
        return f"filter_{self.parameter_name}"


class FilterBox(AutocompleteSelect):
    """Django's autocomplete box, with a placeholder of its own (Django's is empty)."""

    def build_attrs(self, base_attrs, extra_attrs=None):
        placeholder = base_attrs.get("data-placeholder", "")
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-placeholder"] = placeholder
        return attrs


def autocomplete_filter(
    title: str,
    parameter_name: str,
    field: tuple[type[models.Model], str],
    condition: Callable[[int], Q],
) -> type[AutocompleteFilter]:
    """An ``AutocompleteFilter`` named ``title`` over ``field``, reading ``parameter_name``
    (the parameter Django's own related filter would use, so links to it keep working)."""
    return type(
        f"{field[1].title().replace('_', '')}AutocompleteFilter",
        (AutocompleteFilter,),
        {
            "title": title,
            "parameter_name": parameter_name,
            "field": field,
            "condition": staticmethod(condition),
        },
    )


def autocomplete_filter_media() -> forms.Media:
    """The admin's bundled jQuery and select2 (as AutocompleteSelect declares them, for the
    language in use), then the script that turns a choice into the list's address."""
    widget_media = AutocompleteSelect(None, None).media  # reads the language, not the field
    # Listed after what it uses, so that merging the page's media keeps it after them.
    own = [
        "admin/js/jquery.init.js",
        "admin/js/autocomplete.js",
        "statements/autocomplete_filter.js",
    ]
    return widget_media + forms.Media(js=own)


# --- Search -------------------------------------------------------------------------------------

SEARCH_LIMITED = "admin_search_limited"  # the request attribute ScaledChangeList reads

SEARCH_HELP = (
    'Words (all must match), "a phrase", OR, -word to exclude; the text, the speakers\' '
    "names and aliases and the sources' titles, as the API's q searches. "
    "Lists the {limit:,} newest matches at most."
)


def matching_statement_ids(
    request: HttpRequest, queryset: QuerySet, search_term: str
) -> list[int] | None:
    """The ids of the newest statements of ``queryset`` that the product's search finds for
    ``search_term`` (None for an empty term), as ``GET statements/?q=`` finds them.

    When nothing but the search narrows ``queryset``, the engine looks at the search
    documents alone, as the API does. The request remembers when more matched than were
    kept, for the changelist to say so."""
    if not search_term.strip():
        return None
    documents = None if queryset.query.has_filters() else Q()
    results = search.search_statements(queryset, search_term, documents=documents)
    if not results.exhaustive:
        setattr(request, SEARCH_LIMITED, results.limit)
    return sorted(pk for pk, _ in results.hits)


def among(field: str, ids: list[int]) -> Q:
    """``field`` is one of ``ids``, sent as one parameter where the engine allows."""
    return search.get_backend().among(field, ids)


def ids_among(model: type[models.Model], condition: Q) -> Q:
    """The rows of ``model`` that meet ``condition``, by their primary keys, read first.

    Given the condition itself, PostgreSQL pages through the list in id order and tests
    each row (a second and a half to find the attributions of the newest statements at a
    million); given the few ids, it reads those rows by primary key."""
    pks = list(model._default_manager.filter(condition).values_list("pk", flat=True))
    return among("pk", pks)


# --- Counts per row -----------------------------------------------------------------------------


class SubqueryCount(Subquery):
    """The number of rows of a correlated subquery: computed for the rows of the page
    shown, where a join with GROUP BY aggregated every row of both tables first (and
    again in the list's count)."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()

    def __init__(self, queryset: QuerySet) -> None:
        super().__init__(queryset.order_by())
