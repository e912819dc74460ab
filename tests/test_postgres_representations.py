"""Statement representations written by PostgreSQL are the Python ones, byte for byte."""

import orjson
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Attribution, Source, Speaker, Topic
from statements.representations import postgres
from statements.representations.fields import STATEMENT, select
from tests.factories import RelationFactory, more_statements, tricky_world

pytestmark = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL writes them; SQLite has one path"
)


@pytest.fixture
def awkward(world):
    """The world with awkward values, more statements, and relations to a draft (which
    anonymous clients must not see) and between statements of one page."""
    tricky_world(world)
    more_statements(world, 5)
    RelationFactory(from_statement=world.claim, to_statement=world.draft, kind="contradicts")
    RelationFactory(
        from_statement=world.claim, to_statement=world.denial, kind="same_claim",
        note='A "note"\n\u2028',
    )  # fmt: skip
    return world


def _both_paths(client, url, params, monkeypatch):
    assert postgres.available()
    in_sql = client.get(url, params)
    monkeypatch.setattr(postgres, "available", lambda: False)
    in_python = client.get(url, params)
    monkeypatch.undo()
    return in_sql, in_python


def _urls(world):
    return [
        ("/api/v1/statements/", {"page_size": 100}),
        ("/api/v1/statements/", {"page_size": 3, "page": 2, "ordering": "-id"}),
        ("/api/v1/statements/", {"speaker": world.minister.pk, "ordering": "-stated_on"}),
        ("/api/v1/statements/", {"status": "draft"}),
        (f"/api/v1/speakers/{world.minister.pk}/statements/", {}),
        *[(f"/api/v1/statements/{pk}/", {}) for pk in (world.claim.pk, world.denial.pk)],
        (f"/api/v1/statements/{world.draft.pk}/", {}),
        (f"/api/v1/statements/{world.claim.pk}/", {"speaker": world.officials.pk}),  # 404
        ("/api/v1/statements/999999/", {}),
        # Searches: the ranked page's representations, and search/'s hits with snippets.
        ("/api/v1/statements/", {"q": "troops"}),
        ("/api/v1/statements/", {"q": "troops", "page_size": 1, "page": 2}),
        ("/api/v1/statements/", {"q": "troops", "ordering": "-id"}),
        ("/api/v1/statements/", {"q": "draft OR troops", "speaker": world.minister.pk}),
        ("/api/v1/search/", {"q": "troops"}),
        ("/api/v1/search/", {"q": "draft OR tanks", "page_size": 1}),
        ("/api/v1/search/", {"q": "Roe", "speech_act": "assertion"}),
        # Selections (?fields=): each writer builds only the fields named.
        *[
            (url, {**params, "fields": fields})
            for fields in SELECTIONS
            for url, params in [
                ("/api/v1/statements/", {"page_size": 100}),
                (f"/api/v1/statements/{world.claim.pk}/", {}),
                (f"/api/v1/speakers/{world.minister.pk}/statements/", {}),
                ("/api/v1/search/", {"q": "troops"}),
                ("/api/v1/statements/", {"q": "troops"}),
            ]
        ],
        ("/api/v1/statements/", {"fields": "id,nope"}),  # 400
        ("/api/v1/statements/", {"fields": ""}),  # 400
    ]


SELECTIONS = [
    "id,text",
    "text",
    "topics,status",
    "attributions",
    "attributions.speaker",
    "attributions.speaker.name,attributions.on_behalf_of.kind",
    "attributions.quote.start,attributions.quote.suffix,attributions.stated_on",
    "attributions.source.published_at,attributions.created_at,updated_at",
    "relations",
    "relations.to_statement.text,relations.note,id",
    "relations.kind,relations,attributions.mode",
    "retraction_reason,language,created_at",
    ",".join(STATEMENT.names()),
]


@pytest.mark.parametrize("role", ["anon", "editor"])
def test_api_reads_are_the_serializers_output(awkward, request, role, monkeypatch):
    client = request.getfixturevalue(role)
    for url, params in _urls(awkward):
        in_sql, in_python = _both_paths(client, url, params, monkeypatch)
        assert in_sql.status_code == in_python.status_code, (url, params)
        assert in_sql.content == in_python.content, (url, params)
        assert in_sql.get("ETag") == in_python.get("ETag"), (url, params)


def test_relations_to_unseen_statements_stay_hidden(awkward, anon, editor):
    url = f"/api/v1/statements/{awkward.claim.pk}/"
    kinds = {relation["kind"] for relation in anon.get(url).json()["relations"]}
    assert kinds == {"denies", "same_claim"}
    kinds = {relation["kind"] for relation in editor.get(url).json()["relations"]}
    assert kinds == {"denies", "same_claim", "contradicts"}


def test_a_detail_costs_one_query_and_a_page_three(awkward, anon, django_assert_num_queries):
    with django_assert_num_queries(1):
        anon.get(f"/api/v1/statements/{awkward.claim.pk}/")
    with django_assert_num_queries(3):  # the count, the page's ids, their representations
        anon.get("/api/v1/statements/", {"page_size": 50})
    assert connection.vendor == "postgresql"


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements ORDER BY statement")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.parametrize("prepared", [True, False])
def test_the_representations_are_read_by_prepared_statements(awkward, anon, settings, prepared):
    """Prepared once per connection, one statement for any detail and one for any page;
    off behind a transaction-mode pooler (``PREPARED_STATEMENTS``). Other queries never."""
    settings.PREPARED_STATEMENTS = prepared
    with CaptureQueriesContext(connection) as queries:
        for statement in (awkward.claim, awkward.denial):
            assert anon.get(f"/api/v1/statements/{statement.pk}/").status_code == 200
        for page_size in (2, 3):
            assert anon.get("/api/v1/statements/", {"page_size": page_size}).status_code == 200
    statements = _prepared_statements()
    if prepared:
        assert len(statements) == 2, statements
        assert all("unnest($" in statement for statement in statements)
    else:
        assert statements == []
    # The query log shows them as any other query: with their values, ready to EXPLAIN.
    for query in queries.captured_queries:
        assert "$1" not in query["sql"]
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {query['sql']}")


def test_a_detail_by_an_id_out_of_range_is_not_found(db, anon):
    for pk in ("0", str(2**63), "9" * 30):
        assert anon.get(f"/api/v1/statements/{pk}/").status_code == 404


def test_a_selection_reads_only_what_it_shows(db):
    """The SQL of ``?fields=id,text`` joins nothing and aggregates nothing; attributions
    with only their speaker join the speakers alone."""
    bare = postgres.statement_json(published_only=True, shape=select(STATEMENT, "id,text")).sql
    for model in (Attribution, Source, Speaker, Topic):
        assert model._meta.db_table not in bare
    assert "string_agg" not in bare
    speakers = postgres.statement_json(
        published_only=True, shape=select(STATEMENT, "attributions.speaker.name")
    ).sql
    assert Speaker._meta.db_table in speakers
    assert Source._meta.db_table not in speakers
    assert Topic._meta.db_table not in speakers


FLOATS = [0.0, -0.0, 1.0, -2.5, 0.5, 0.85, 0.1 + 0.2, 1 / 3, 123.456, 123456789.125, 1e-5,
          9.99e-6, 1e-7, 1e15, 1e16, 1.2345678901234568e17, 1e21, 1e22, 5e-324,
          1.7976931348623157e308, float("nan"), float("inf"), float("-inf")]  # fmt: skip


def test_floats_are_written_as_orjson_writes_them(db):
    """A float field (none is declared yet) would be written as the Python path writes it."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {postgres._float('v')} FROM unnest(%s::float8[]) WITH ORDINALITY t(v, n) "  # noqa: S608
            "ORDER BY n",
            [FLOATS],
        )
        written = [text for (text,) in cursor.fetchall()]
    assert written == [orjson.dumps(value).decode() for value in FLOATS]
