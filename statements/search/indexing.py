"""Keeping the search documents in step with the data, inside the writer's transaction.

The services call ``index_statements`` after every change that a document reflects (a
statement's text or status, its attributions and their quotes, a speaker's names, a
source's title or publisher); the bulk import writes the documents of the statements it
creates with the backend's ``insert_documents``, from the fields it has just written.
Each engine's own index follows the documents by itself: a generated column on
PostgreSQL, triggers on SQLite.
"""

from collections.abc import Callable, Iterable, Iterator

from django.db.models import Exists, OuterRef

from statements.generation import bump_generation
from statements.models import Attribution, SearchDocument, Statement
from statements.search.backends import get_backend
from statements.search.base import DOCUMENTS_PER_BATCH


def _batches(ids: list[int], size: int = DOCUMENTS_PER_BATCH) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def index_statements(statement_ids: Iterable[int]) -> None:
    """Write the search documents of these statements from what is stored now, in the
    caller's transaction (the services are atomic; so is each batch of ``rebuild``)."""
    for batch in _batches(sorted(set(statement_ids))):
        get_backend().index_documents(batch)


def index_speaker(speaker_id: int) -> None:
    """Re-index every statement attributed to the speaker (after a change of name or aliases)."""
    ids = Attribution.objects.filter(speaker_id=speaker_id).values_list("statement_id", flat=True)
    index_statements(ids.distinct())


def index_source(source_id: int) -> None:
    """Re-index every statement that the source reports (after a change of title or publisher)."""
    ids = Attribution.objects.filter(source_id=source_id).values_list("statement_id", flat=True)
    index_statements(ids.distinct())


def rebuild(progress: Callable[[int, int], None] | None = None) -> int:
    """Write the document of every statement (the engine's set-wise way, or batch by
    batch) and drop stray documents.

    ``progress(done, total)`` is called as the documents are written. Returns the number of
    statements.
    """
    backend = get_backend()
    # An anti-join: ``NOT IN (subquery)`` is a hash only while the ids fit in work_mem, and
    # past that PostgreSQL scans the ids once per document.
    SearchDocument.objects.filter(
        ~Exists(Statement.objects.filter(pk=OuterRef("statement_id")))
    ).delete()
    total = backend.write_all_documents(progress)
    backend.rebuild()
    backend.optimize()
    bump_generation()
    return total
