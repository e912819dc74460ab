"""Full-text search, as a client sees it, on whichever engine the suite runs on (CI runs it on
SQLite and on PostgreSQL): what each query ranks first, facets, freshness, visibility, cost."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from statements import search, services
from statements.choices import AttributionMode, SpeechAct
from statements.models import Attribution, SearchDocument, Statement
from statements.search.base import SearchBackend, document_fields
from statements.search.postgres import INDEX as POSTGRES_INDEX
from statements.search.postgres import MAX_WINDOWS
from tests.factories import StatementFactory
from tests.helpers import pending_index_pages, problem

SEARCH = "/api/v1/search/"
STATEMENTS = "/api/v1/statements/"

# Seed statements (fixtures/seed_article.json) by id.
VLADIVOSTOK = 7  # John Kirby: the soldiers arrived in Vladivostok
KIRBY = {7, 8, 9, 10}
DENIALS = {16, 18}  # Russia and North Korea (and the UK) deny
SPECIAL_FORCES = 14
ZELENSKYY = 15
ASSESSED = 5
AUSTIN = {3, 4, 6, 11, 12}
AUSTIN_ON_UKRAINE = {11, 12}
MISSILES = 17
RUTTE = {21, 22}


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    # Search hits hold the statement; list results are statements.
    return [hit.get("statement", hit)["id"] for hit in response.json()["results"]]


def texts(response) -> list[str]:
    return [hit["statement"]["text"] for hit in response.json()["results"]]


# --- Queries and what they rank first -----------------------------------------------------------

# (query, ids allowed in first place, the exact set of results or None for "not checked")
QUERIES = [
    pytest.param("Kirby Vladivostok", {VLADIVOSTOK}, {VLADIVOSTOK}, id="speaker-and-place"),
    pytest.param("soldiers Vladivostok", {VLADIVOSTOK}, {VLADIVOSTOK}, id="words-all-match"),
    pytest.param("denied troops", DENIALS, DENIALS, id="stems-denied-troops"),
    pytest.param("Zelensky", {ZELENSKYY}, {ZELENSKYY}, id="alias"),
    pytest.param("DPRK denied", DENIALS, DENIALS, id="alias-and-stem"),
    pytest.param('"special forces"', {SPECIAL_FORCES}, {SPECIAL_FORCES}, id="phrase"),
    pytest.param('"forces special"', set(), set(), id="phrase-in-order"),
    pytest.param("Rutte OR Zelenskyy", {ZELENSKYY, *RUTTE}, {ZELENSKYY, *RUTTE}, id="or"),
    pytest.param("Austin", AUSTIN, AUSTIN, id="speaker"),
    pytest.param(
        "Austin -Ukraine", AUSTIN - AUSTIN_ON_UKRAINE, AUSTIN - AUSTIN_ON_UKRAINE, id="not"
    ),
    pytest.param('Austin -"in Ukraine"', AUSTIN - AUSTIN_ON_UKRAINE, None, id="not-phrase"),
    pytest.param("assessing", {ASSESSED}, {ASSESSED}, id="stem-assessing-assessed"),
    pytest.param("missiles nuclear", {MISSILES}, {MISSILES}, id="stem-plural"),
    pytest.param("Kirbey", KIRBY, KIRBY, id="misspelt-speaker"),
    pytest.param("Kirbey Vladivostok", {VLADIVOSTOK}, {VLADIVOSTOK}, id="misspelt-and-word"),
    pytest.param("?!… -- ((", set(), set(), id="punctuation-only"),
    pytest.param('"unbalanced OR -', set(), set(), id="stray-operators"),
    pytest.param("Austin -Austin", set(), set(), id="excludes-all-it-requires"),
    pytest.param("Vladivostok " * 200, {VLADIVOSTOK}, {VLADIVOSTOK}, id="2000-characters"),
    pytest.param('"(-OR' * 500, set(), set(), id="2500-characters-of-syntax"),
]


@pytest.mark.parametrize(("query", "first", "expected"), QUERIES)
def test_search_ranks_first(seed, anon, query, first, expected):
    response = anon.get(SEARCH, {"q": query})
    found = ids(response)
    if expected is not None:
        assert set(found) == expected
    if first:
        assert found[0] in first, found
    else:
        assert found == []
    assert response.json()["count"] == len(found)


@pytest.mark.parametrize(("query", "first", "expected"), QUERIES)
def test_statement_list_q_matches_search(seed, anon, query, first, expected):
    """statements/?q= ranks the same statements in the same order; any other ordering
    lists the same set."""
    ranked = ids(anon.get(SEARCH, {"q": query}))
    assert ids(anon.get(STATEMENTS, {"q": query})) == ranked
    assert ids(anon.get(STATEMENTS, {"q": query, "ordering": "relevance"})) == ranked
    assert ids(anon.get(STATEMENTS, {"q": query, "ordering": "-id"})) == sorted(
        ranked, reverse=True
    )


def test_stemming_finds_other_forms(seed, anon):
    # "deploys" is in no statement; "deployed" and "deployment" are.
    found = texts(anon.get(SEARCH, {"q": "deploys"}))
    assert found
    assert "deploy" in found[0].lower()


def test_exact_name_is_not_corrected(seed, anon):
    assert set(ids(anon.get(SEARCH, {"q": "Kirby"}))) == KIRBY


def test_kirby_vladivostok_has_a_highlighted_snippet_and_facets(seed, anon):
    body = anon.get(SEARCH, {"q": "Kirby Vladivostok"}).json()
    hit = body["results"][0]
    assert "<mark>Vladivostok</mark>" in hit["snippet"]
    assert hit["score"] > 0
    speakers = [a["speaker"]["name"] for a in hit["statement"]["attributions"]]
    assert speakers == ["John Kirby"]
    assert body["facets"]["speakers"] == [{"id": 3, "name": "John Kirby", "count": 1}]
    assert body["exhaustive"] is True


def test_denied_troops_finds_the_denials_with_facets(seed, anon):
    body = anon.get(SEARCH, {"q": "denied troops"}).json()
    assert {hit["statement"]["id"] for hit in body["results"]} == DENIALS
    facets = body["facets"]
    assert facets["speech_acts"] == [{"value": "denial", "count": 2}]
    assert {f["name"]: f["count"] for f in facets["speakers"]} == {
        "North Korea": 2,
        "Russia": 2,
        "United Kingdom": 1,
    }
    assert facets["years"] == [{"value": 2024, "count": 2}]
    assert facets["publishers"] == []  # the seed article names no publisher
    for hit in body["results"]:
        assert "<mark>" in hit["snippet"]


# --- Query parameter rules ----------------------------------------------------------------------


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}])
def test_search_needs_a_query(seed, anon, params):
    body = problem(anon.get(SEARCH, params), 400)
    assert [error["field"] for error in body["errors"]] == ["q"]


def test_an_empty_q_does_not_filter_the_list(seed, anon):
    assert anon.get(STATEMENTS, {"q": ""}).json()["count"] == Statement.objects.count()


def test_search_refuses_an_ordering(seed, anon):
    problem(anon.get(SEARCH, {"q": "troops", "ordering": "id"}), 400)


def test_relevance_cannot_be_reversed(seed, anon):
    problem(anon.get(STATEMENTS, {"q": "troops", "ordering": "-relevance"}), 400)


def test_snippets_are_escaped_html(world, editor):
    StatementFactory(text='Tanks & <b>trucks</b> "rolled" in.')
    body = editor.get(SEARCH, {"q": "trucks"}).json()
    snippet = body["results"][0]["snippet"]
    assert "<mark>trucks</mark>" in snippet
    bare = snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in bare
    assert ">" not in bare
    assert "&amp;" in bare


def test_every_statement_filter_combines_with_q(seed, anon):
    found = ids(anon.get(SEARCH, {"q": "troops", "speech_act": "denial"}))
    assert set(found) == DENIALS
    found = ids(anon.get(SEARCH, {"q": "troops", "speaker": 3}))
    assert set(found) <= KIRBY
    assert found
    assert ids(anon.get(SEARCH, {"q": "troops", "published_before": "2024-10-23"})) == []
    assert ids(anon.get(SEARCH, {"q": "troops", "topic": "no-such-topic"})) == []
    problem(anon.get(SEARCH, {"q": "troops", "speakr": 3}), 400)


def test_pages_of_ranked_results(seed, anon):
    everything = ids(anon.get(SEARCH, {"q": "troops", "page_size": 100}))
    first = anon.get(SEARCH, {"q": "troops", "page_size": 5}).json()
    second = anon.get(SEARCH, {"q": "troops", "page_size": 5, "page": 2}).json()
    assert first["count"] == len(everything)
    assert [h["statement"]["id"] for h in first["results"] + second["results"]] == everything[:10]
    assert first["next"] is not None


def test_rank_limit_bounds_count_facets_and_pages(seed, anon, settings):
    settings.SEARCH_RANK_LIMIT = 5
    body = anon.get(SEARCH, {"q": "troops", "page_size": 100}).json()
    assert body["count"] == 5
    assert body["exhaustive"] is False
    assert sum(f["count"] for f in body["facets"]["speech_acts"]) >= 5
    assert all(f["count"] <= 5 for f in body["facets"]["speakers"])
    assert anon.get(STATEMENTS, {"q": "troops", "ordering": "id"}).json()["count"] > 5


@pytest.mark.parametrize(
    "spread",
    [
        pytest.param([5, 40_000, 200_000, 300_000, 1_000_000], id="newest-far-apart"),
        pytest.param([3, 9, 17, 2_000_000], id="one-new-many-old"),
        pytest.param([10, 20, 30, 40], id="none-new"),
        pytest.param([999_990, 999_995, 1_000_000, 1_000_001], id="all-new"),
    ],
)
@pytest.mark.parametrize(
    "index_pages_per_block",
    [pytest.param(0, id="more-windows"), pytest.param(10**6, id="older-matches-at-once")],
)
@pytest.mark.parametrize("q", ["zephyrine", '"zephyrine winds"'], ids=["word", "phrase"])
def test_the_newest_matches_are_ranked_however_their_ids_spread(
    db, anon, settings, monkeypatch, spread, index_pages_per_block, q
):
    # PostgreSQL looks for them in windows of blocks of ids, newest first, until reading
    # every older match costs less than the next window (search.postgres): both ways.
    monkeypatch.setattr("statements.search.postgres.INDEX_PAGES_PER_BLOCK", index_pages_per_block)
    settings.SEARCH_RANK_LIMIT = 3
    Statement.objects.bulk_create(
        Statement(id=pk, text=f"Zephyrine winds, report {pk}.", status="published") for pk in spread
    )
    Statement.objects.create(id=1_000_002, text="Calm seas.", status="published")
    search.index_statements([*spread, 1_000_002])
    with CaptureQueriesContext(connection) as queries:
        body = anon.get(SEARCH, {"q": q, "page_size": 10}).json()
    # However many windows: at most MAX_WINDOWS and the older matches beyond one window.
    assert len(queries) <= SEARCH_BUDGET + MAX_WINDOWS
    newest = sorted(spread, reverse=True)[:3]
    assert sorted(ids_of(body), reverse=True) == newest
    assert body["count"] == 3
    assert body["exhaustive"] is (len(spread) <= 3)


def ids_of(body) -> list[int]:
    return [hit["statement"]["id"] for hit in body["results"]]


# --- Facets equal plain filtered counts ---------------------------------------------------------


def _filtered_count(client, q, **filters) -> int:
    ranked = client.get(SEARCH, {"q": q, **filters}).json()["count"]
    listed = client.get(STATEMENTS, {"q": q, "ordering": "id", **filters}).json()["count"]
    assert ranked == listed
    return ranked


@pytest.mark.parametrize(
    ("q", "filters"),
    [("troops", {}), ("North Korea", {}), ("troops", {"speech_act": "denial"}), ("Russia", {})],
)
def test_facet_counts_equal_filtered_counts(seed, anon, q, filters):
    facets = anon.get(SEARCH, {"q": q, **filters}).json()["facets"]
    assert facets["speakers"]
    for facet in facets["speakers"]:
        assert facet["count"] == _filtered_count(anon, q, **{**filters, "speaker": facet["id"]})
    for facet in facets["speech_acts"]:
        count = _filtered_count(anon, q, **{**filters, "speech_act": facet["value"]})
        assert facet["count"] == count
    for facet in facets["years"]:
        year = facet["value"]
        count = _filtered_count(
            anon,
            q,
            **filters,
            published_after=f"{year}-01-01",
            published_before=f"{year}-12-31",
        )
        assert facet["count"] == count


def test_publisher_facets_equal_filtered_counts(world, anon):
    facets = anon.get(SEARCH, {"q": "troops"}).json()["facets"]
    assert {f["value"]: f["count"] for f in facets["publishers"]} == {
        "Daily Example": 2,
        "Gov Example": 1,
    }
    for facet in facets["publishers"]:
        assert facet["count"] == _filtered_count(anon, "troops", publisher=facet["value"])


@pytest.mark.parametrize("condition", [Q(), Q(speech_act=SpeechAct.DENIAL)])
def test_facet_rows_are_those_of_the_attributions_joined_to_their_sources(world, condition):
    # Each engine may plan them its own way (PostgreSQL looks each source up by its id):
    # the rows are those of the plain join, the year an integer.
    backend = search.get_backend()
    attributions = Attribution.objects.filter(condition)
    rows = sorted(backend.facet_rows(attributions))
    assert rows == sorted(SearchBackend.facet_rows(backend, attributions))
    assert rows
    assert all(isinstance(year, int) for *_, year in rows if year is not None)


# --- Visibility ---------------------------------------------------------------------------------


def test_drafts_are_invisible_to_anonymous_search(world, anon, editor):
    assert ids(anon.get(SEARCH, {"q": "draft nobody"})) == []
    assert ids(anon.get(STATEMENTS, {"q": "draft nobody"})) == []
    assert ids(editor.get(SEARCH, {"q": "draft nobody"})) == [world.draft.pk]
    body = anon.get(SEARCH, {"q": "Ministry"}).json()
    # The ministry speaks in the draft and on behalf of the minister: no facet reveals it.
    assert world.draft.pk not in {h["statement"]["id"] for h in body["results"]}
    assert all(f["count"] <= body["count"] for f in body["facets"]["speakers"])


def test_retracted_statements_are_invisible_to_anonymous_search(world, anon, editor):
    services.statement_retract(statement=world.denial, user=None, reason="Wrong.")
    assert world.denial.pk not in ids(anon.get(SEARCH, {"q": "officials denied"}))
    assert world.denial.pk in ids(editor.get(SEARCH, {"q": "officials denied"}))


@pytest.mark.parametrize("path", [SEARCH, STATEMENTS])
def test_publishing_and_retracting_reach_anonymous_search_at_once(world, anon, reviewer, path):
    # Without filters an anonymous search ranks the search documents alone, which carry
    # the statement's visibility: publishing and retracting must update them.
    assert ids(anon.get(path, {"q": "draft nobody"})) == []
    assert reviewer.post(f"{STATEMENTS}{world.draft.pk}/publish/").status_code == 200
    assert ids(anon.get(path, {"q": "draft nobody"})) == [world.draft.pk]
    retracted = reviewer.post(
        f"{STATEMENTS}{world.draft.pk}/retract/", {"reason": "Misquoted."}, format="json"
    )
    assert retracted.status_code == 200, retracted.content
    assert ids(anon.get(path, {"q": "draft nobody"})) == []
    # With a filter the statements themselves are joined: the same answer.
    assert ids(anon.get(path, {"q": "draft nobody", "language": "en"})) == []


# --- The index is fresh in the writer's transaction, without a rebuild --------------------------


def found(query: str) -> set[int]:
    return set(
        search.filter_statements(Statement.objects.all(), query).values_list("pk", flat=True)
    )


def ranked(query: str) -> set[int]:
    return {pk for pk, _ in search.search_statements(Statement.objects.all(), query).hits}


def test_created_statement_is_searchable_at_once(world):
    with transaction.atomic():
        statement = services.statement_create(
            user=None,
            text="Barges crossed the estuary.",
            attributions=[
                {
                    "speaker": world.officials,
                    "source": world.briefing,
                    "mode": AttributionMode.SUMMARY,
                    "speech_act": SpeechAct.ASSERTION,
                }
            ],
        )
        assert found("barge estuary") == {statement.pk}
        assert found("barges Officials") == {statement.pk}
        assert ranked("barges briefing") == {statement.pk}


def test_edited_text_is_searchable_at_once(world):
    with transaction.atomic():
        # The denial: "left" is in none of its quotes, speakers or sources.
        services.statement_update(
            statement=world.denial, user=None, text="The tanks had gone.", correction_note="Tanks."
        )
        assert world.denial.pk in found("tanks")
        assert world.denial.pk not in found("left")


def test_attributions_added_changed_and_removed_are_searchable_at_once(world):
    newcomer = services.speaker_create(user=None, name="Ada Quill", kind="person")
    with transaction.atomic():
        attribution = services.attribution_create(
            statement=world.draft,
            user=None,
            speaker=newcomer,
            source=world.article,
            mode=AttributionMode.SUMMARY,
            speech_act=SpeechAct.WARNING,
        )
        assert found("Quill") == {world.draft.pk}
        other = services.speaker_create(user=None, name="Bo Vantage", kind="person")
        services.attribution_update(attribution=attribution, user=None, speaker=other)
        assert found("Quill") == set()
        assert found("Vantage") == {world.draft.pk}
        services.attribution_delete(attribution=attribution, user=None)
        assert found("Vantage") == set()


def test_statement_attributions_replaced_are_searchable_at_once(world):
    newcomer = services.speaker_create(user=None, name="Cy Quorum", kind="person")
    with transaction.atomic():
        services.statement_update(
            statement=world.draft,
            user=None,
            attributions=[
                {
                    "speaker": newcomer,
                    "source": world.article,
                    "mode": AttributionMode.SUMMARY,
                    "speech_act": SpeechAct.WARNING,
                }
            ],
        )
        assert found("Quorum") == {world.draft.pk}
        assert world.draft.pk not in found('"Ministry of Truth"')


def test_renamed_speaker_and_new_aliases_are_searchable_at_once(world):
    with transaction.atomic():
        services.speaker_update(speaker=world.officials, user=None, name="Border guards")
        assert found("guards") == {world.denial.pk}
        assert found("Officials") == {world.denial.pk}  # still in the statement's text
        services.speaker_update(speaker=world.minister, user=None, aliases=["Madam Roe"])
        assert found("Madam") == {world.claim.pk}
        assert found('"J. Roe"') == set()


def test_retitled_source_and_new_publisher_are_searchable_at_once(world):
    with transaction.atomic():
        services.source_update(source=world.briefing, user=None, title="Quarterly colloquy")
        assert found("colloquy") == {world.claim.pk, world.draft.pk}
        services.source_update(source=world.article, user=None, publisher="Morning Herald")
        assert found("Herald") == {world.claim.pk, world.denial.pk}
        assert found('"Daily Example"') == set()


def test_deleted_draft_leaves_the_index(world):
    pk = world.draft.pk
    with transaction.atomic():
        services.statement_delete(statement=world.draft, user=None)
        assert not SearchDocument.objects.filter(statement_id=pk).exists()
        assert found("draft nobody") == set()


def test_a_failed_write_leaves_the_index_as_it_was(world):
    before = found("troops")
    with pytest.raises(Exception):  # noqa: B017, PT011 (the service's validation error)
        services.statement_update(
            statement=world.claim,
            user=None,
            text="Gliders landed.",
            attributions=[
                {
                    "speaker": world.minister,
                    "source": world.article,
                    "mode": AttributionMode.DIRECT_QUOTE,
                    "speech_act": SpeechAct.ASSERTION,
                    "quote_exact": "words that are not in the body",
                }
            ],
        )
    assert found("gliders") == set()
    assert found("troops") == before


def test_writes_through_the_api_are_searchable(world, editor):
    response = editor.patch(
        f"/api/v1/speakers/{world.officials.pk}/", {"name": "Coastguard"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert ids(editor.get(SEARCH, {"q": "Coastguard"})) == [world.denial.pk]


# --- Rebuilding ---------------------------------------------------------------------------------


def test_rebuild_command_restores_a_lost_index(seed, anon):
    SearchDocument.objects.all().delete()
    assert ids(anon.get(SEARCH, {"q": "Vladivostok"})) == []
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "23/23 statements (100%)" in out.getvalue()
    assert "Search index rebuilt: 23 statements" in out.getvalue()
    assert ids(anon.get(SEARCH, {"q": "Vladivostok"})) == [VLADIVOSTOK]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN's pending list")
def test_writes_leave_a_short_pending_list_and_a_rebuild_none(seed):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = %s", [POSTGRES_INDEX])
        assert cursor.fetchone()[0] == ["gin_pending_list_limit=256"]  # migration 0008
    ids = list(Statement.objects.values_list("pk", flat=True))
    SearchDocument.objects.all().delete()
    search.index_statements(ids)  # as the services write: entries wait in the list
    assert pending_index_pages() > 0
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", stdout=StringIO())
    assert pending_index_pages() == 0


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite keeps FTS5 by triggers")
def test_sqlite_triggers_survive_the_migrations(db):
    # A later migration that rebuilds statements_searchdocument or statements_speaker on
    # SQLite drops their triggers: it must create them again.
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {name for (name,) in cursor.fetchall()}
    assert {
        f"statements_searchdocument_fts_{event}" for event in ("insert", "update", "delete")
    } | {f"statements_speaker_trigrams_{event}" for event in ("insert", "update", "delete")} <= (
        triggers
    )


# --- Cost ---------------------------------------------------------------------------------------

# The ranking, the page and its four prefetches (attributions, topics, relations both ways),
# the snippets, the facets (attributions, then their speakers and sources).
SEARCH_BUDGET = 10
# When nothing is found: the speakers spelt alike, a check per such word (at most three) and
# the ranking again.
CORRECTION_BUDGET = 5


@pytest.mark.parametrize(
    ("query", "budget"),
    [("troops", SEARCH_BUDGET), ("Kirbey troops", SEARCH_BUDGET + CORRECTION_BUDGET)],
)
def test_search_costs_a_bounded_number_of_queries(seed, anon, query, budget):
    def count(page_size):
        with CaptureQueriesContext(connection) as queries:
            response = anon.get(SEARCH, {"q": query, "page_size": page_size})
        assert response.status_code == 200
        assert response.json()["results"]
        return len(queries)

    small, large = count(1), count(100)
    assert small == large
    assert large <= budget


def test_each_document_holds_its_statement_speakers_and_sources(seed, world):
    """The documents, however written (in SQL on PostgreSQL), hold what ``document_fields``
    gives: speakers and sources in the order of their first attribution, names with their
    aliases, titles with their publishers, and whether the statement is published."""
    services.speaker_update(speaker=world.minister, user=None, aliases=["J. Roe", "Madam R."])
    documents = {document.pk: document for document in SearchDocument.objects.all()}
    statements = Statement.objects.prefetch_related("attributions__speaker", "attributions__source")
    assert len(documents) == statements.count()
    for statement in statements:
        attributions = sorted(statement.attributions.all(), key=lambda a: a.pk)
        speakers = {a.speaker_id: (a.speaker.name, a.speaker.aliases) for a in attributions}
        sources = {a.source_id: (a.source.title, a.source.publisher) for a in attributions}
        quotes = [a.quote_exact for a in attributions]
        expected = document_fields(statement.text, speakers.values(), sources.values(), quotes)
        document = documents[statement.pk]
        assert {
            "text": document.text,
            "speakers": document.speakers,
            "sources": document.sources,
            "quotes": document.quotes,
        } == expected
        assert document.published == (statement.status == "published")
