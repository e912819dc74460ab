"""Hand-written helpers for the generated client (``attributed_api_client``): a typed error
for problem documents, and a walk over every page of a list.

They live beside the generated package, not in it, because ``make sdk`` regenerates that
package from scratch.
"""

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from attributed_api_client.models import Problem
from attributed_api_client.types import Response

T = TypeVar("T")
ItemT = TypeVar("ItemT", covariant=True)


class ApiError(Exception):
    """An answer that was not the one expected; ``problem`` is its problem document
    (RFC 9457), when the answer had one."""

    def __init__(self, status_code: int, problem: Problem | None) -> None:
        detail = problem.detail if problem else "no problem document"
        super().__init__(f"{status_code}: {detail}")
        self.status_code = status_code
        self.problem = problem


def expect(response: Response[Any], expected: type[T]) -> T:
    """The parsed body if it is an ``expected``; else ``ApiError`` (with the problem)."""
    parsed = response.parsed
    if isinstance(parsed, expected):
        return parsed
    problem = parsed if isinstance(parsed, Problem) else None
    raise ApiError(response.status_code, problem)


class Page(Protocol[ItemT]):
    """What every list answers (``PaginatedStatementList``, ``PaginatedSpeakerList``, …)."""

    @property
    def results(self) -> Sequence[ItemT]: ...

    @property
    def next_(self) -> str | None: ...


def each_item(fetch_page: Callable[[int], Page[ItemT]]) -> Iterator[ItemT]:
    """Every item of a list, page after page: ``fetch_page(n)`` reads page ``n`` (from 1),
    until a page has no ``next``. Pages are read as the iteration reaches them."""
    number = 1
    while True:
        page = fetch_page(number)
        yield from page.results
        if page.next_ is None:
            return
        number += 1
