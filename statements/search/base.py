"""What a database engine's backend does: each engine (postgres.py, sqlite.py) implements it.

A backend holds everything the engines do differently: the full-text search's reads and
its index writes, and the few other places where an engine has a faster way (bulk
copies, representations written by the database, query plans, table estimates). The
defaults here are plain Django, which any engine runs; a third engine is one more module.
"""

import contextlib
import datetime as dt
import html
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator

from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.models import Expression, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from statements.models import Attribution, SearchDocument, Statement
from statements.search.query import ParsedQuery
from statements.visibility import is_public

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


# A statement's text is bounded (10,000 characters) but its speakers, sources and quotes
# grow with its attributions. PostgreSQL refuses a tsvector over 1 MB, which the worst text
# (distinct words) reaches at about 130,000 characters: each of those columns is indexed up
# to this many characters, so no statement can make its document unindexable.
INDEXED_CHARS = 30_000
# The statements whose documents one query writes (``index_documents``).
DOCUMENTS_PER_BATCH = 500


def document_fields(
    text: str,
    speakers: Iterable[tuple[str, list[str]]],
    sources: Iterable[tuple[str, str]],
    quotes: Iterable[str],
) -> dict[str, str]:
    """A document's columns: the text without the highlighters' marks (``base.unmarked``),
    speakers as their names and aliases, sources as their titles and publishers, the
    attributions' quotes each once, one per line, in the order given (that of the
    attributions), each cut at ``INDEXED_CHARS``."""
    return {
        "text": unmarked(text),
        "speakers": "\n".join("\n".join([name, *aliases]) for name, aliases in speakers)[
            :INDEXED_CHARS
        ],
        "sources": "\n".join(
            "\n".join(part for part in (title, publisher) if part) for title, publisher in sources
        )[:INDEXED_CHARS],
        "quotes": "\n".join(dict.fromkeys(quote for quote in quotes if quote))[:INDEXED_CHARS],
    }


def with_defaults(
    model: type[models.Model], columns: tuple[str, ...], now: dt.datetime
) -> tuple[tuple[str, ...], tuple, list[models.Field]]:
    """For rows that give ``columns`` of ``model``: every field's name (``columns`` first),
    the other fields' values (their defaults, ``now`` for the timestamps) and those other
    fields."""
    others = [
        field
        for field in model._meta.concrete_fields
        if field.attname != "id" and field.attname not in columns
    ]
    defaults = tuple(
        now if field.attname in ("created_at", "updated_at") else field.get_default()
        for field in others
    )
    return (*columns, *(field.attname for field in others)), defaults, others


class SearchBackend(ABC):
    """One engine's backend: full-text search over the statements' search documents, the
    writes that keep them in step, and the engine's ways with bulk work and query plans.

    Every search method takes a ``QuerySet[Statement]`` (visibility and filters already
    applied) and a non-empty ``ParsedQuery``; none of them lets user input reach the
    engine's query language unquoted.
    """

    vendor: str
    # What precedes a query to have the engine show its plan (the benchmark prints them).
    explain: str

    def __init__(self, using: str = DEFAULT_DB_ALIAS) -> None:
        self.using = using  # the database, for the work that names it (most go by the router)

    # Whether the database writes the statements' JSON itself (``representations.postgres``).
    writes_representations = False

    # --- search reads ------------------------------------------------------------------------

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

    def facet_rows(self, attributions: QuerySet) -> Iterable[tuple]:
        """(statement id, speaker id, speech act, source's publisher, source's year) of each
        of the ``attributions``: what ``Ranking.facets`` counts."""
        return (
            attributions.annotate(year=self.year("source__published_at"))
            .order_by()
            .values_list("statement_id", "speaker_id", "speech_act", "source__publisher", "year")
        )

    def year(self, field: str) -> Expression:
        """The year (UTC) of the datetime ``field``, as an integer."""
        return ExtractYear(field, tzinfo=dt.UTC)

    def rebuild(self) -> None:  # noqa: B027  (most engines need nothing more)
        """Rebuild what the engine keeps beside the search documents."""

    def optimize(self) -> None:  # noqa: B027  (most engines need nothing more)
        """After many documents were written at once (a rebuild, a large import): leave the
        index as quick to read as a fresh build, and the planner's statistics current."""

    # --- index writes ------------------------------------------------------------------------

    def index_documents(self, ids: list[int]) -> None:
        """Write the search documents of the statements ``ids`` from what is stored now."""
        statements = {
            pk: (text, is_public(status))
            for pk, text, status in Statement.objects.filter(pk__in=ids).values_list(
                "pk", "text", "status"
            )
        }
        speakers: dict[int, dict[int, tuple[str, list[str]]]] = {}
        sources: dict[int, dict[int, tuple[str, str]]] = {}
        quotes: dict[int, list[str]] = {}
        rows = (
            Attribution.objects.filter(statement_id__in=ids)
            .order_by("id")
            .values_list(
                "statement_id",
                "speaker_id",
                "speaker__name",
                "speaker__aliases",
                "source_id",
                "source__title",
                "source__publisher",
                "quote_exact",
            )
        )
        for statement_id, speaker_id, name, aliases, source_id, title, publisher, quote in rows:
            speakers.setdefault(statement_id, {})[speaker_id] = (name, aliases or [])
            sources.setdefault(statement_id, {})[source_id] = (title, publisher)
            quotes.setdefault(statement_id, []).append(quote)
        documents = [
            SearchDocument(
                statement_id=pk,
                published=published,
                **document_fields(
                    text,
                    speakers.get(pk, {}).values(),
                    sources.get(pk, {}).values(),
                    quotes.get(pk, []),
                ),
            )
            for pk, (text, published) in statements.items()
        ]
        SearchDocument.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["statement"],
            update_fields=["text", "speakers", "sources", "quotes", "published"],
        )

    def write_all_documents(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Write the document of every statement from what is stored now (the rebuild);
        ``progress(done, total)`` as it goes. Returns the number of statements. By
        batches of ``DOCUMENTS_PER_BATCH``, each in a transaction of its own."""
        ids = list(Statement.objects.order_by("pk").values_list("pk", flat=True))
        total = len(ids)
        for start in range(0, total, DOCUMENTS_PER_BATCH):
            with transaction.atomic(using=self.using):
                self.index_documents(ids[start : start + DOCUMENTS_PER_BATCH])
            if progress is not None:
                progress(min(start + DOCUMENTS_PER_BATCH, total), total)
        return total

    def insert_documents(self, documents: list[tuple[int, bool, dict[str, str]]]) -> None:
        """Write the documents of statements created in the caller's transaction, each given
        as its statement's id, whether it is published, and its ``document_fields``: the
        import knows them from what it has just written, and reading them back would cost
        it more than writing them."""
        SearchDocument.objects.bulk_create(
            SearchDocument(statement_id=pk, published=published, **fields)
            for pk, published, fields in documents
        )

    # --- other engine-specific work ------------------------------------------------------------

    @contextlib.contextmanager
    def streaming_reads(self) -> Iterator[None]:
        """Around a long read of many rows (the export): what makes the engine stream
        them through a server-side cursor rather than materialize them."""
        yield

    def made_by_attributions(self, matching: QuerySet, *, narrow: bool) -> Q:
        """The condition on statements that one of their attributions is in ``matching``.
        ``narrow``: the attributions are known to be few (a narrow date range).

        The matching ids first (``id IN (SELECT ...)``): an engine that never turns EXISTS
        around, as SQLite, would test every statement in id order."""
        return Q(pk__in=matching.order_by().values("statement_id"))

    # --- bulk writes (the import) --------------------------------------------------------------

    def insert_with_history(
        self, model: type[models.Model], columns: tuple[str, ...], rows: list[tuple], *, user,
        reason: str,
    ) -> list[int]:  # fmt: skip
        """Insert ``rows`` (tuples of the fields named by ``columns``, attribute names, dates
        as ISO 8601 text; the other fields take their defaults) and a "created" history row
        for each, with ``reason``; return the new ids, in order."""
        names, defaults, _ = with_defaults(model, columns, timezone.now())
        objects = [model(**dict(zip(names, (*row, *defaults), strict=True))) for row in rows]
        bulk_create_with_history(objects, model, default_user=user, default_change_reason=reason)
        return [obj.pk for obj in objects]

    def insert_rows(self, model: type[models.Model], columns: tuple[str, ...], rows: list[tuple]):
        """Insert ``rows`` (tuples of the columns named) without history: a join table's."""
        model.objects.bulk_create([model(**dict(zip(columns, row, strict=True))) for row in rows])

    def among_texts(self, field: str, values: Iterable[str]) -> Q:
        """``field`` is one of the texts ``values``: as ``among``, for the import's lookups
        of thousands of URLs, names or Wikidata ids at once."""
        return Q(**{f"{field}__in": list(values)})

    def rows_by_key(
        self, model: type[models.Model], field: str, values: Iterable[str], columns: tuple[str, ...]
    ) -> list[tuple]:
        """The ``columns`` of the rows of ``model`` whose unique text ``field`` is one of
        ``values``: the import's lookup of a batch's thousands of sources by URL."""
        rows = model.objects.filter(**{f"{field}__in": list(values)}).order_by()
        return list(rows.values_list(*columns))

    def attributed_already(self, keys: list[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
        """Of ``keys`` (text, speaker id, source id), those where a statement with that text
        has an attribution by that speaker in that source: the import's "already imported?"
        for a batch of lines at once."""
        texts = {key[0] for key in keys}
        speaker_ids = {key[1] for key in keys}
        # By source only (index on source, statement): a source has few attributions.
        rows = Attribution.objects.filter(source_id__in={key[2] for key in keys})
        return {
            (text, speaker_id, source_id)
            for speaker_id, source_id, text in rows.values_list(
                "speaker_id", "source_id", "statement__text"
            )
            if text in texts and speaker_id in speaker_ids
        } & set(keys)

    def defer_flush(self) -> None:  # noqa: B027  (most engines need nothing more)
        """In a bulk write's transaction: let its commit return before the log reaches the
        disk, where the engine can. A crash may lose the last batches committed (never half
        of one); the import, which skips what is there, then writes them again."""

    def analyze(self, models_read: Iterable[type[models.Model]]) -> None:  # noqa: B027
        """Refresh the planner's statistics of these tables, for an engine whose plans go
        wrong while a bulk write grows them from nearly empty."""

    def estimated_rows(self, model: type[models.Model]) -> int | None:
        """The engine's cheap estimate of the rows of ``model``'s table, or None when it
        keeps none (then only a count tells)."""
        return None
