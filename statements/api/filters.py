"""A filter backend that refuses query parameters nobody reads, and repeats nobody reads.

A misspelt filter (``?speakr=3``) would otherwise return every row as if filtered:
a researcher would never know. Unknown names are a 400 that lists the known ones.
Likewise a parameter that takes one value (``q``, ``page``, a date bound…) given twice
would silently keep the last: a 400 naming it. The repeatable ones are the filter sets'
(``FilterSet.repeatable``: filters of ids and choices, and ``ordering``).
"""

from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend

ALWAYS_ALLOWED = frozenset({"format"})


class StrictQueryParamsBackend(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        allowed = set(ALWAYS_ALLOWED)
        repeatable = set()
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is not None:
            allowed.update(filterset_class.base_filters)
            repeatable.update(getattr(filterset_class, "repeatable", set)())
        # ``fields`` (``views.SelectedFieldsMixin``): on the reads that select fields.
        accepts_fields = getattr(view, "accepts_fields", None)
        if accepts_fields is not None and accepts_fields():
            allowed.add("fields")
        paginator = getattr(view, "paginator", None)
        if paginator is not None and getattr(view, "action", None) != "retrieve":
            # A paginator's own parameters (``query_params``), or DRF's two.
            params = getattr(paginator, "query_params", None) or (
                paginator.page_query_param,
                paginator.page_size_query_param,
            )
            allowed.update(params)
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            known = ", ".join(sorted(allowed))
            raise ValidationError(
                {name: [f"Unknown query parameter. Known parameters: {known}."] for name in unknown}
            )
        repeated = sorted(
            name
            for name, values in request.query_params.lists()
            if len(values) > 1 and name not in repeatable
        )
        if repeated:
            raise ValidationError(
                {
                    name: ["Given more than once: this parameter takes one value."]
                    for name in repeated
                }
            )
        return queryset

    def get_schema_operation_parameters(self, view):
        return []
