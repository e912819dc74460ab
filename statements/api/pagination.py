"""Page-number pagination with a capped, validated page size."""

from django.core.paginator import InvalidPage
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError


def _positive_int(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ValidationError({name: [f"Must be a positive integer, got {raw!r}."]})
    value = int(raw)
    if maximum is not None and value > maximum:
        raise ValidationError({name: [f"Must be at most {maximum}, got {value}."]})
    return value


class PageNumberPagination(pagination.PageNumberPagination):
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
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
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
        return response
