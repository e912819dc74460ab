"""What a search engine backend does: each engine (postgres.py, sqlite.py) implements it."""

import datetime as dt
import html
from abc import ABC, abstractmethod
from collections.abc import Iterable

from django.db.models import Expression, Q, QuerySet
from django.db.models.functions import ExtractYear

from statements.search.query import ParsedQuery

# Engines mark the matched words with these; ``marked_to_html`` escapes the text around them
# and turns them into <mark>…</mark>. A text stored before the API refused control
# characters, or written past it, may hold them: every text that an engine highlights is
# ``unmarked`` first (the search documents, ``indexing.document_fields``; the statement's
# own text where the engine gives no snippet), so every mark in a snippet is the engine's.
MARK_START = "\x02"
MARK_END = "\x03"
_UNMARKED = str.maketrans({MARK_START: " ", MARK_END: " "})


def unmarked(text: str) -> str:
    """``text`` with each mark character read as a space (a separator to every engine)."""
    return text.translate(_UNMARKED)


def marked_to_html(marked: str) -> str:
    """HTML of a snippet: the text escaped, the engine's marks as <mark> elements."""
    escaped = html.escape(marked, quote=True)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


class SearchBackend(ABC):
    """One engine's full-text search over the statements' search documents.

    Every method takes a ``QuerySet[Statement]`` (visibility and filters already applied)
    and a non-empty ``ParsedQuery``; none of them lets user input reach the engine's query
    language unquoted.
    """

    vendor: str

    @abstractmethod
    def filter(self, queryset: QuerySet, query: ParsedQuery) -> QuerySet:
        """The statements of ``queryset`` that match ``query``, every one of them."""

    @abstractmethod
    def ranked(
        self, queryset: QuerySet, query: ParsedQuery, limit: int, *, documents: Q | None = None
    ) -> list[tuple[int, float]]:
        """(statement id, score) of the best matches, best first, at most ``limit``.

        Only the ``limit`` newest matches are ranked, so that a word that matches a third of
        the corpus costs the same as a rare one. ``documents``: see ``search_statements``."""

    @abstractmethod
    def snippets(self, ids: Iterable[int], query: ParsedQuery) -> dict[int, str]:
        """The statements' texts, shortened around the matches, marked with MARK_START and
        MARK_END (not yet escaped)."""

    @abstractmethod
    def speaker_names_near(self, words: list[str]) -> list[tuple[str, list[str]]]:
        """(name, aliases) of speakers whose name or an alias is spelt like one of
        ``words``: the candidates that ``names.expand_misspelt_names`` picks from."""

    def among(self, field: str, ids: list[int]) -> Q:
        """``field`` is one of ``ids``: a condition for a long list of ids, which engines
        that take an array or JSON as one parameter send more cheaply than ``IN (...)``."""
        return Q(**{f"{field}__in": ids})

    def year(self, field: str) -> Expression:
        """The year (UTC) of the datetime ``field``, as an integer."""
        return ExtractYear(field, tzinfo=dt.UTC)

    def rebuild(self) -> None:  # noqa: B027  (most engines need nothing more)
        """Rebuild what the engine keeps beside the search documents."""

    def optimize(self) -> None:  # noqa: B027  (most engines need nothing more)
        """After many documents were written at once (a rebuild, a large import): leave the
        index as quick to read as a fresh build, and the planner's statistics current."""
