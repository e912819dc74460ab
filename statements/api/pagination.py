"""Page-number pagination with a capped, validated page size, and counts that scale; the
statement lists' cursor mode, and the change feed's pages."""

import base64
import binascii

from django.core.paginator import InvalidPage, Page
from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from statements.changes import Cursor, InvalidCursor
from statements.counts import cached_count
from statements.filtersets import check_known_ids
from statements.search import StatementResults

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
        if isinstance(rows, list):  # pairs computed in Python (speakers' duplicates)
            return len(rows)
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


# --- Cursor mode of the statement lists -------------------------------------------------------

CURSOR_DESCRIPTION = (
    "Cursor mode, for walking every statement (a full sync): the statements in id order, "
    "a page at a time after the position the cursor names, without counting pages or "
    "skipping rows, so the last page costs what the first does. Start with an empty "
    "`cursor=`, then follow `next` (null after the last page); `previous` is null. Not "
    "with `page`, with an `ordering` other than `id`, nor with `q` ranked by relevance "
    "(add `ordering=id` to walk every match). A cursor this list did not give is a 400."
)


def _encoded(value: str) -> str:
    return base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")


def _decoded(text: str) -> str:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode("ascii")


class StatementPagination(PageNumberPagination):
    """Page numbers by default; with ``cursor``, keyset pages in id order
    (``CURSOR_DESCRIPTION``). ``count`` stays: the statements the list selects in all, a
    count that is cached when large (``cached_count``), the same for every page."""

    cursor_query_param = "cursor"
    query_params = ("page", "page_size", "cursor")

    def paginate_queryset(self, queryset, request, view=None):
        self.after = None
        if self.cursor_query_param not in request.query_params:
            return super().paginate_queryset(queryset, request, view)
        if not isinstance(queryset, StatementResults):  # a statement's history
            raise ValidationError({self.cursor_query_param: ["Only statement lists take it."]})
        self.request = request
        self.after = self._position(request, queryset)
        page_size = self.get_page_size(request)
        results = StatementResults(
            queryset.queryset.filter(pk__gt=self.after).order_by("pk"),
            ids_only=queryset.ids_only,
        )
        rows = results[: page_size + 1]
        self.count, self.has_next = queryset.count(), len(rows) > page_size
        rows = rows[:page_size]
        last = rows[-1] if rows else None
        self.last_id = last if isinstance(last, int) else getattr(last, "pk", None)
        check_known_ids(request, found=self.count > 0)
        return rows

    def _position(self, request, results: StatementResults) -> int:
        params = request.query_params
        if self.page_query_param in params:
            raise ValidationError({self.page_query_param: ["Not with `cursor`: choose one."]})
        ordering = [term for value in params.getlist("ordering") for term in value.split(",")]
        ordering = [term for term in ordering if term]
        if ordering not in ([], ["id"]):
            raise ValidationError({"ordering": ["With `cursor`, statements come in id order."]})
        if results.ranked:
            raise ValidationError(
                {self.cursor_query_param: ["Not with q ranked by relevance: add ordering=id."]}
            )
        text = params[self.cursor_query_param]
        if not text:
            return 0
        try:
            kind, value = _decoded(text).split(":")
            position = int(value)
        except (ValueError, binascii.Error, UnicodeDecodeError):
            kind, position = "", -1
        if kind != "id" or not 0 <= position < 2**63:
            raise ValidationError({self.cursor_query_param: ["Not a cursor this list gave."]})
        return position

    def get_paginated_response(self, data):
        if self.after is None:
            return super().get_paginated_response(data)
        next_link = None
        if self.has_next:
            url = self.request.build_absolute_uri()
            next_link = replace_query_param(
                url, self.cursor_query_param, _encoded(f"id:{self.last_id}")
            )
        return Response({"count": self.count, "next": next_link, "previous": None, "results": data})

    def get_schema_operation_parameters(self, view):
        cursor = {
            "name": self.cursor_query_param,
            "required": False,
            "in": "query",
            "description": CURSOR_DESCRIPTION,
            "schema": {"type": "string"},
        }
        return [*super().get_schema_operation_parameters(view), cursor]


# --- The change feed --------------------------------------------------------------------------

FEED_PAGE_SIZE_DESCRIPTION = (
    "Changes per page: 100 by default; a larger number than 1000 is capped to 1000. 0, a "
    "negative or a fractional number is a 400."
)
AFTER_DESCRIPTION = (
    "The `cursor` of the last page read: the changes after it. Without it, from the "
    "feed's start. A cursor the feed did not give is a 400 naming `after`."
)


class ChangeFeedPagination:
    """The change feed's pages (``statements.changes``): ``after`` a cursor, up to
    ``page_size`` changes. The response's ``cursor`` is where the next read starts; ``next``
    links there while the page was full, and is null once the reader has caught up (poll
    with ``cursor`` later)."""

    page_size = 100
    max_page_size = 1000
    after_query_param = "after"
    page_size_query_param = "page_size"
    query_params = (after_query_param, page_size_query_param)

    def after(self, request) -> Cursor | None:
        text = request.query_params.get(self.after_query_param)
        if text is None:
            return None
        try:
            return Cursor.decode(text)
        except InvalidCursor as error:
            raise ValidationError({self.after_query_param: [str(error)]}) from None

    def get_page_size(self, request) -> int:
        return _positive_int(
            request, self.page_size_query_param, self.page_size, self.max_page_size
        )

    def get_paginated_response(
        self, request, data: list, *, cursor: Cursor | None, full: bool
    ) -> Response:
        token = cursor.encode() if cursor is not None else None
        next_link = None
        if full and token is not None:
            url = request.build_absolute_uri()
            next_link = replace_query_param(url, self.after_query_param, token)
        return Response({"cursor": token, "next": next_link, "results": data})

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.after_query_param,
                "required": False,
                "in": "query",
                "description": AFTER_DESCRIPTION,
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": FEED_PAGE_SIZE_DESCRIPTION,
                "schema": {"type": "integer", "minimum": 1},
            },
        ]

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "description": "A page of the change feed, oldest change first.",
            "required": ["cursor", "next", "results"],
            "properties": {
                "cursor": {
                    "type": "string",
                    "nullable": True,
                    "example": "MTIzNDU2Ljk4",
                    "description": (
                        "Where the next read starts: send it back as `after`. Opaque: keep "
                        "it as given. Null only while the feed has nothing for you."
                    ),
                },
                "next": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "example": None,
                    "description": (
                        "The next page while this one was full; null once you have caught up."
                    ),
                },
                "results": schema,
            },
        }
