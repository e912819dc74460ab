"""Keeping the search documents in step with the data, inside the writer's transaction.

The services call ``index_statements`` after every change that a document reflects (a
statement's text or status, its attributions and their quotes, a speaker's names, a
source's title or publisher); the bulk import writes the documents of the statements it
creates with ``insert_documents``, from the fields it has just written.
Each engine's own index follows the documents by itself: a generated column on
PostgreSQL, triggers on SQLite.
"""

from collections.abc import Callable, Iterable, Iterator

from django.db import connection, transaction

from statements.choices import StatementStatus
from statements.models import Attribution, SearchDocument, Statement
from statements.search.base import MARK_END, MARK_START, unmarked

BATCH_SIZE = 500

# A statement's text is bounded (10,000 characters) but its speakers, sources and quotes
# grow with its attributions. PostgreSQL refuses a tsvector over 1 MB, which the worst text
# (distinct words) reaches at about 130,000 characters: each of those columns is indexed up
# to this many characters, so no statement can make its document unindexable.
INDEXED_CHARS = 30_000


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


def _batches(ids: list[int], size: int = BATCH_SIZE) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# PostgreSQL writes a batch's documents itself, in one statement: what ``_index_batch``
# does in Python, field for field (speakers, sources and quotes in the order of their
# first attribution), at the rate a bulk import needs.
POSTGRESQL_INDEX_BATCH = """
INSERT INTO statements_searchdocument (statement_id, text, speakers, sources, quotes, published)
SELECT
    statement.id,
    replace(replace(statement.text, %(mark_start)s, ' '), %(mark_end)s, ' '),  -- base.unmarked
    left(COALESCE((
        SELECT string_agg(
            concat_ws(E'\\n', VARIADIC ARRAY[speaker.name] || ARRAY(
                SELECT jsonb_array_elements_text(CASE jsonb_typeof(speaker.aliases)
                    WHEN 'array' THEN speaker.aliases ELSE '[]'::jsonb END)
            )),
            E'\\n' ORDER BY first.id
        )
        FROM (
            SELECT speaker_id, min(id) AS id FROM statements_attribution
            WHERE statement_id = statement.id GROUP BY speaker_id
        ) AS first
        JOIN statements_speaker AS speaker ON speaker.id = first.speaker_id
    ), ''), %(indexed_chars)s),
    left(COALESCE((
        SELECT string_agg(
            concat_ws(E'\\n', NULLIF(source.title, ''), NULLIF(source.publisher, '')),
            E'\\n' ORDER BY first.id
        )
        FROM (
            SELECT source_id, min(id) AS id FROM statements_attribution
            WHERE statement_id = statement.id GROUP BY source_id
        ) AS first
        JOIN statements_source AS source ON source.id = first.source_id
    ), ''), %(indexed_chars)s),
    left(COALESCE((
        SELECT string_agg(quote.quote_exact, E'\\n' ORDER BY quote.id)
        FROM (
            SELECT quote_exact, min(id) AS id FROM statements_attribution
            WHERE statement_id = statement.id AND quote_exact <> '' GROUP BY quote_exact
        ) AS quote
    ), ''), %(indexed_chars)s),
    statement.status = %(published)s
FROM statements_statement AS statement
WHERE statement.id = ANY(%(ids)s::bigint[])
ON CONFLICT (statement_id) DO UPDATE SET
    text = EXCLUDED.text,
    speakers = EXCLUDED.speakers,
    sources = EXCLUDED.sources,
    quotes = EXCLUDED.quotes,
    published = EXCLUDED.published
"""


def _index_batch(ids: list[int]) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                POSTGRESQL_INDEX_BATCH,
                {
                    "mark_start": MARK_START,
                    "mark_end": MARK_END,
                    "indexed_chars": INDEXED_CHARS,
                    "published": StatementStatus.PUBLISHED.value,
                    "ids": ids,
                },
            )
        return
    statements = {
        pk: (text, status == StatementStatus.PUBLISHED)
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


def insert_documents(documents: list[tuple[int, bool, dict[str, str]]]) -> None:
    """Write the documents of statements created in the caller's transaction, each given as
    its statement's id, whether it is published, and its ``document_fields``: the import
    knows them from what it has just written, and reading them back would cost it more
    than writing them."""
    if connection.vendor != "postgresql":
        SearchDocument.objects.bulk_create(
            SearchDocument(statement_id=pk, published=published, **fields)
            for pk, published, fields in documents
        )
        return
    with (
        connection.cursor() as cursor,
        cursor.copy(
            "COPY statements_searchdocument "
            "(statement_id, published, text, speakers, sources, quotes) FROM STDIN"
        ) as copy,
    ):
        for pk, published, fields in documents:
            copy.write_row(
                (
                    pk,
                    published,
                    fields["text"],
                    fields["speakers"],
                    fields["sources"],
                    fields["quotes"],
                )
            )


def index_statements(statement_ids: Iterable[int]) -> None:
    """Write the search documents of these statements from what is stored now, in the
    caller's transaction (the services are atomic; so is each batch of ``rebuild``)."""
    for batch in _batches(sorted(set(statement_ids))):
        _index_batch(batch)


def index_speaker(speaker_id: int) -> None:
    """Re-index every statement attributed to the speaker (after a change of name or aliases)."""
    ids = Attribution.objects.filter(speaker_id=speaker_id).values_list("statement_id", flat=True)
    index_statements(ids.distinct())


def index_source(source_id: int) -> None:
    """Re-index every statement that the source reports (after a change of title or publisher)."""
    ids = Attribution.objects.filter(source_id=source_id).values_list("statement_id", flat=True)
    index_statements(ids.distinct())


def rebuild(progress: Callable[[int, int], None] | None = None) -> int:
    """Write the document of every statement, batch by batch, and drop stray documents.

    ``progress(done, total)`` is called after each batch. Returns the number of statements.
    """
    from statements.generation import bump_generation
    from statements.search import get_backend

    ids = list(Statement.objects.order_by("pk").values_list("pk", flat=True))
    total = len(ids)
    SearchDocument.objects.exclude(statement_id__in=Statement.objects.values("pk")).delete()
    done = 0
    for batch in _batches(ids):
        with transaction.atomic():
            _index_batch(batch)
        done += len(batch)
        if progress is not None:
            progress(done, total)
    backend = get_backend()
    backend.rebuild()
    backend.optimize()
    bump_generation()
    return total
