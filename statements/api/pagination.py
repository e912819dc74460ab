"""Page-number pagination with a capped, validated page size, and counts that scale."""

from django.core.paginator import InvalidPage, Page
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError

from statements.counts import cached_count
from statements.filtersets import check_known_ids

PAGE_SIZE_DESCRIPTION = (
    "Results per page: 20 by default; a larger number than 100 is capped to 100 (the "
    "response's `next` link keeps the size asked for). 0, a negative or a fractional "
    "number is a 400."
)


class Paginator(DjangoPaginator):
    """Django's paginator, but a large count is remembered for a short while
    (``cached_count``; statement results count that way too). Pages are always
    read fresh: a page is never cut short by a count that lags behind.
    """

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)

    @cached_property
    def count(self) -> int:
        rows = self.object_list
        return cached_count(rows) if isinstance(rows, QuerySet) else rows.count()


def _positive_int(request, name: str, default: int, maximum: int | None = None) -> int:
    """The parameter as a whole number of at least 1 (else a 400 naming it); above
    ``maximum``, ``maximum`` (as DRF's ``max_page_size``: a page size is capped)."""
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    digits = raw.lstrip("0")
    if not (raw.isascii() and raw.isdigit()) or not digits:
        raise ValidationError({name: [f"Must be a positive whole number, got {raw[:40]!r}."]})
    # Past 18 digits, simply "huge" (int() of thousands of digits would be refused).
    value = int(digits) if len(digits) <= 18 else 10**18
    return value if maximum is None else min(value, maximum)


class PageNumberPagination(pagination.PageNumberPagination):
    django_paginator_class = Paginator
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request) -> int:
        return _positive_int(
            request, self.page_size_query_param, self.page_size, self.max_page_size
        )

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        page_size = self.get_page_size(request)
        number = _positive_int(request, self.page_query_param, 1)
        paginator = self.django_paginator_class(queryset, page_size)
        try:
            self.page = paginator.page(number)
        except InvalidPage as exc:
            raise NotFound(
                f"Page {number} does not exist: there are {paginator.num_pages} page(s)."
            ) from exc
        # Unknown speaker or source ids are a 400: free to tell when something was found.
        check_known_ids(request, found=paginator.count > 0)
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = PAGE_SIZE_DESCRIPTION
        return parameters

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["required"] = ["count", "next", "previous", "results"]
        # The examples of a page (drf-spectacular wraps each list example in them): one page
        # holding everything, rather than DRF's placeholders of another API's URLs.
        properties = response["properties"]
        properties["count"]["example"] = 1
        properties["next"]["example"] = None
        properties["previous"]["example"] = None
        # The page's own description (drf-spectacular also calls this with a placeholder).
        item = schema.get("items", {}).get("$ref", "") if isinstance(schema, dict) else ""
        if item:
            response["description"] = (
                f"A page of {item.rsplit('/', 1)[-1]} objects: `results` holds this page's, "
                "`count` the number in all pages, `next` and `previous` link to the "
                "neighbouring pages (null at either end)."
            )
        return response
