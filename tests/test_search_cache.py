"""Cached search responses (statements.generation): a repeated search costs one query,
and no committed change is ever hidden by the cache, whoever makes it and however.

These tests commit for real (transactional_db): the counter that retires cached responses
moves after a commit, which the rolled-back transactions of the other tests never reach."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from statements import services
from statements.models import Statement

SEARCH = "/api/v1/search/"
STATEMENTS = "/api/v1/statements/"

pytestmark = pytest.mark.usefixtures("transactional_db")


@pytest.fixture(autouse=True)
def search_cache(settings):
    settings.SEARCH_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def found(client, q: str, path: str = SEARCH) -> list[int]:
    response = client.get(path, {"q": q})
    assert response.status_code == 200, response.content
    return [hit.get("statement", hit)["id"] for hit in response.json()["results"]]


@pytest.mark.parametrize("path", [SEARCH, STATEMENTS])
def test_a_repeated_search_costs_one_query_and_answers_the_same(
    seed, anon, path, django_assert_num_queries
):
    first = anon.get(path, {"q": "Kirby Vladivostok"})
    with django_assert_num_queries(1):  # the generation
        again = anon.get(path, {"q": "Kirby Vladivostok"})
    assert again.status_code == 200
    assert again.content == first.content


def test_an_edit_through_the_api_shows_in_the_next_search(world, anon, reviewer):
    # The denial: "left" is in its text alone (the claim's quotes hold it too).
    assert world.denial.pk in found(anon, "left")
    url = f"{STATEMENTS}{world.denial.pk}/"
    etag = reviewer.get(url)["ETag"]  # published: the write must be conditional
    change = {"text": "The lorries had gone.", "correction_note": "Lorries, not troops."}
    response = reviewer.patch(url, change, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.content
    assert world.denial.pk not in found(anon, "left")
    assert found(anon, "lorries") == [world.denial.pk]


def test_a_rename_shows_in_the_next_search(world, anon):
    before = found(anon, "Roe")
    assert before
    services.speaker_update(speaker=world.minister, user=None, name="Jane Doe", aliases=[])
    assert found(anon, "Roe") == []
    assert sorted(found(anon, "Doe")) == sorted(before)


def test_publishing_shows_the_statement_to_anonymous_searches_at_once(world, anon, reviewer):
    text_word = "nobody"
    assert world.draft.pk not in found(anon, text_word)
    response = reviewer.post(f"{STATEMENTS}{world.draft.pk}/publish/")
    assert response.status_code == 200, response.content
    assert world.draft.pk in found(anon, text_word)


def test_an_editors_cached_search_is_never_shown_to_anonymous_callers(world, anon, editor):
    text_word = "nobody"
    assert world.draft.pk in found(editor, text_word)
    assert world.draft.pk not in found(anon, text_word)


def test_a_rolled_back_write_does_not_stop_later_changes_from_showing(world, anon, editor):
    assert world.denial.pk in found(anon, "left")
    refused = editor.post(
        STATEMENTS,
        {"text": "Left again.", "attributions": [{"speaker": 999_999, "source": 1}]},
        format="json",
    )
    assert refused.status_code == 400
    assert world.denial.pk in found(anon, "left")  # nothing was written
    services.statement_update(
        statement=world.denial, user=None, text="The lorries had gone.", correction_note="Lorries."
    )
    assert world.denial.pk not in found(anon, "left")


def test_a_bulk_import_shows_in_the_next_search(world, anon, tmp_path):
    assert found(anon, "zeppelins") == []
    line = (
        '{"text": "Zeppelins were sighted.", "language": "en", "status": "published", '
        '"topics": [], "attributions": []}'
    )
    path = tmp_path / "statements.ndjson"
    path.write_text(line + "\n")
    call_command("import_statements", str(path), verbosity=0)
    [imported] = Statement.objects.filter(text="Zeppelins were sighted.")
    assert found(anon, "zeppelins") == [imported.pk]
