"""The rebuild writes the documents that the services' indexing writes, on every engine:
PostgreSQL's set-wise rebuild included, whichever share of the documents it rewrites."""

import pytest
from django.core.management import call_command
from django.db import connection

from statements import search
from statements.models import SearchDocument, Speaker, Statement
from statements.search.backends import get_backend
from statements.search.base import MARK_START, SearchBackend
from tests.factories import (
    AttributionFieldsFactory,
    SourceFactory,
    SpeakerFactory,
    StatementFactory,
)

COLUMNS = ("statement_id", "text", "speakers", "sources", "quotes", "published")


def documents() -> list[tuple]:
    return list(SearchDocument.objects.order_by("statement_id").values_list(*COLUMNS))


@pytest.fixture
def varied(seed):
    """The seed article, with what a document joins oddly: aliases, a speaker and a source
    twice, a repeated quote, marks in a text, a source without publisher, no attribution."""
    Speaker.objects.filter(pk__in=Speaker.objects.order_by("pk").values("pk")[:1]).update(
        aliases=["The Alias", "Another"]
    )
    speaker = SpeakerFactory(name="Twice Named", aliases=["Twice"])
    source = SourceFactory(title="A plain title", publisher="", body="Ferries sail today.")
    other = SourceFactory(title="Another title", publisher="Wire")
    marked = StatementFactory(
        text="Marked text with ferries.",
        attributions=[
            AttributionFieldsFactory(speaker=speaker, source=source),
            AttributionFieldsFactory(speaker=SpeakerFactory(), source=other),
            AttributionFieldsFactory(speaker=speaker, source=other),
        ],
        publish=True,
    )
    # Written past the services, which refuse the marks.
    Statement.objects.filter(pk=marked.pk).update(text=f"Marked {MARK_START}text with ferries.")
    Statement.objects.create(text="Nobody said this.")


def test_the_rebuild_writes_what_the_indexing_writes(varied):
    ids = list(Statement.objects.values_list("pk", flat=True))
    SearchDocument.objects.all().delete()
    search.index_statements(ids)  # as the services write them
    incremental = documents()
    assert len(incremental) == len(ids)
    SearchDocument.objects.all().delete()
    SearchBackend.index_documents(get_backend(), ids)  # the plain Django way
    assert documents() == incremental

    SearchDocument.objects.all().delete()  # every document to write
    call_command("rebuild_search_index", verbosity=0)
    assert documents() == incremental

    SearchDocument.objects.update(text="stale")  # every document to rewrite, none missing
    call_command("rebuild_search_index", verbosity=0)
    assert documents() == incremental

    # A document stale, one missing: only those written.
    first, second = ids[:2]
    SearchDocument.objects.filter(statement_id=first).update(text="stale", published=False)
    SearchDocument.objects.filter(statement_id=second).delete()
    call_command("rebuild_search_index", verbosity=0)
    assert documents() == incremental
    call_command("rebuild_search_index", verbosity=0)  # nothing changed: nothing written
    assert documents() == incremental


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
def test_the_index_rebuilt_is_the_index_migrated(varied):
    def index() -> list:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef, reloptions FROM pg_indexes JOIN pg_class ON relname = indexname "
                "WHERE tablename = 'statements_searchdocument' ORDER BY indexname"
            )
            return cursor.fetchall()

    before = index()
    SearchDocument.objects.all().delete()  # the index dropped and built anew
    call_command("rebuild_search_index", verbosity=0)
    assert index() == before
    assert search.filter_statements(Statement.objects.all(), "ferries").exists()
