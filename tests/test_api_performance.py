"""Query budgets: a request costs a fixed number of queries, whatever the page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import services
from statements.choices import AttributionMode, SpeechAct
from tests.factories import AttributionFieldsFactory, RelationFactory, StatementFactory

# Queries for a list: the count, the page (topics folded in), then one each for the
# attributions (with speakers and sources joined), the relations (both directions) and the
# correction notices. Authentication adds the token lookup and the permission checks.
LIST_BUDGET = 5
AUTH_OVERHEAD = 3


@pytest.fixture
def many(world):
    """60 more published statements, each with two attributions, topics and a relation."""
    previous = world.claim
    for number in range(60):
        statement = StatementFactory(
            text=f"Statement number {number}.",
            topics=[f"topic-{number % 7}", "bulk"],
            attributions=[
                AttributionFieldsFactory(
                    speaker=world.minister if number % 2 else world.officials,
                    source=world.briefing,
                ),
                AttributionFieldsFactory(
                    speaker=world.ministry,
                    source=world.briefing,
                    mode=AttributionMode.PARAPHRASE,
                    speech_act=SpeechAct.CONCERN,
                    on_behalf_of=world.minister,
                ),
            ],
            publish=True,
        )
        RelationFactory(from_statement=statement, to_statement=previous, kind="updates")
        previous = statement
    return world


def count_queries(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(queries)


LISTS = [
    ("/api/v1/statements/", {}, LIST_BUDGET),
    # "minister": that speaker's id (an unknown id would be a 400).
    ("/api/v1/statements/", {"speaker": "minister", "ordering": "-stated_on"}, LIST_BUDGET),
    ("/api/v1/statements/", {"q": "statement number", "topic": "bulk"}, LIST_BUDGET),
    ("/api/v1/attributions/", {}, 2),
    ("/api/v1/relations/", {}, 2),
    ("/api/v1/speakers/", {}, 2),
    ("/api/v1/sources/", {}, 2),
]


@pytest.mark.parametrize(("url", "params", "budget"), LISTS)
def test_list_queries_do_not_grow_with_page_size(many, anon, url, params, budget):
    if params.get("speaker") == "minister":
        params = {**params, "speaker": many.minister.pk}
    small = count_queries(anon, url, {**params, "page_size": 1})
    large = count_queries(anon, url, {**params, "page_size": 100})
    assert small == large
    assert large <= budget


@pytest.mark.parametrize("client_name", ["anon", "editor"])
def test_statement_list_budget_per_role(many, request, client_name, django_assert_max_num_queries):
    client = request.getfixturevalue(client_name)
    budget = LIST_BUDGET + (AUTH_OVERHEAD if client_name == "editor" else 0)
    with django_assert_max_num_queries(budget):
        response = client.get("/api/v1/statements/", {"page_size": 100})
    assert len(response.json()["results"]) == 62 if client_name == "anon" else 63


def test_sub_resource_budget(many, anon, django_assert_max_num_queries):
    # The speaker's existence check comes on top of the list's queries.
    with django_assert_max_num_queries(LIST_BUDGET + 1):
        anon.get(f"/api/v1/speakers/{many.minister.pk}/statements/", {"page_size": 100})
    with django_assert_max_num_queries(3):
        anon.get(f"/api/v1/sources/{many.briefing.pk}/attributions/", {"page_size": 100})


def test_detail_budget(many, anon, django_assert_max_num_queries):
    # The statement (topics folded in), its attributions, its relations, its corrections.
    with django_assert_max_num_queries(4):
        response = anon.get(f"/api/v1/statements/{many.claim.pk}/")
    assert response.status_code == 200


def test_create_costs_a_fixed_number_of_queries_per_attribution(world, editor):
    def create(speakers):
        attributions = [
            {
                "speaker": speaker.pk,
                "source": world.briefing.pk,
                "mode": "summary",
                "speech_act": "assertion",
            }
            for speaker in speakers
        ]
        with CaptureQueriesContext(connection) as queries:
            response = editor.post(
                "/api/v1/statements/",
                {"text": "Budget.", "topics": ["a", "b"], "attributions": attributions},
                format="json",
            )
        assert response.status_code == 201, response.content
        return len(queries)

    one = create([world.officials])
    three = create([world.officials, world.minister, world.ministry])
    # Per attribution: the speaker and source lookups, the insert and its history row.
    assert three - one <= 2 * 4
    # With the speakers' memberships (the role at the time), the same-claim candidates and
    # the read-back's correction notices.
    assert one <= 32


# --- Counts of large results ------------------------------------------------------------------


@pytest.fixture
def count_cache(settings):
    from django.core.cache import cache

    cache.clear()
    yield settings
    cache.clear()


def test_a_large_count_is_cached_for_a_while(world, anon, count_cache):
    count_cache.API_COUNT_CACHE_THRESHOLD = 2  # the world's two published statements
    assert anon.get("/api/v1/statements/").json()["count"] == 2
    StatementFactory(
        text="Published after the count was cached.",
        attributions=[AttributionFieldsFactory(speaker=world.officials, source=world.briefing)],
        publish=True,
    )
    with CaptureQueriesContext(connection) as queries:
        body = anon.get("/api/v1/statements/").json()
    assert body["count"] == 2  # remembered: no count query
    assert len(body["results"]) == 3
    assert not any("COUNT(" in query["sql"] for query in queries)
    # A smaller result is counted afresh, every time.
    assert anon.get("/api/v1/statements/", {"speaker": world.officials.pk}).json()["count"] == 2


def test_small_counts_are_never_cached(world, anon, count_cache):
    count_cache.API_COUNT_CACHE_THRESHOLD = 3
    assert anon.get("/api/v1/statements/").json()["count"] == 2
    services.statement_publish(statement=world.draft, user=None)
    assert anon.get("/api/v1/statements/").json()["count"] == 3


def test_workflow_actions_budget(many, reviewer, django_assert_max_num_queries):
    # The lock, the permission checks, the transition with its history row, the search
    # index upkeep, the change feed's row, and the read-back of the representation. The
    # service takes the lock again (every writer passes there) and reads the attributions
    # under it. Each reading of the statement reads its correction notices.
    with django_assert_max_num_queries(25):
        response = reviewer.post(f"/api/v1/statements/{many.draft.pk}/publish/")
    assert response.status_code == 200, response.content
    with django_assert_max_num_queries(25):
        response = reviewer.post(
            f"/api/v1/statements/{many.draft.pk}/retract/", {"reason": "Wrong."}, format="json"
        )
    assert response.status_code == 200, response.content
