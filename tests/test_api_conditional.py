"""Conditional requests: ETags, 304 Not Modified, and 412 when an editor's copy is stale."""

import pytest

from statements.models import Speaker, Statement
from tests.factories import World
from tests.helpers import problem

RESOURCES = ["speakers", "sources", "statements", "attributions", "relations"]


def detail_url(world, resource):
    objects = {
        "speakers": world.minister,
        "sources": world.article,
        "statements": world.draft,
        "attributions": world.claim.attributions.first(),
        "relations": world.relation,
    }
    return f"/api/v1/{resource}/{objects[resource].pk}/"


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_object_has_an_etag_and_answers_304(world, editor, resource):
    url = detail_url(world, resource)
    first = editor.get(url)
    etag = first["ETag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    assert editor.get(url)["ETag"] == etag  # stable while nothing changes
    not_modified = editor.get(url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == etag
    assert not not_modified.content
    assert editor.get(url, HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304
    assert editor.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_the_etag_changes_with_anything_the_client_sees(world, editor):
    url = f"/api/v1/statements/{world.claim.pk}/"
    before = editor.get(url)["ETag"]
    # Renaming a speaker changes the statement's representation, hence its ETag.
    editor.patch(
        f"/api/v1/speakers/{world.minister.pk}/", {"name": "Jane Roe-Smith"}, format="json"
    )
    assert editor.get(url)["ETag"] != before


def test_writes_answer_the_new_etag(world, editor):
    url = f"/api/v1/statements/{world.draft.pk}/"
    response = editor.patch(url, {"text": "New text."}, format="json")
    assert response["ETag"] == editor.get(url)["ETag"]
    created = editor.post("/api/v1/speakers/", {"name": "N", "kind": "group"}, format="json")
    assert created["ETag"] == editor.get(created["Location"])["ETag"]


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_stale_if_match_is_refused_with_the_current_etag(world, editor, method):
    url = f"/api/v1/speakers/{world.officials.pk}/"
    stale = editor.get(url)["ETag"]
    editor.patch(url, {"description": "Changed meanwhile."}, format="json")
    current = editor.get(url)["ETag"]

    payload = {"name": "Officials", "kind": "unnamed", "description": "Mine."}
    response = getattr(editor, method)(url, payload, format="json", HTTP_IF_MATCH=stale)
    body = problem(response, 412)
    assert response["ETag"] == current
    assert current in body["detail"]
    assert Speaker.objects.get(pk=world.officials.pk).description == "Changed meanwhile."


def test_two_editors_from_the_same_etag_exactly_one_wins(world, editor, reviewer):
    url = f"/api/v1/statements/{world.draft.pk}/"
    etag = editor.get(url)["ETag"]
    first = editor.patch(url, {"text": "First editor."}, format="json", HTTP_IF_MATCH=etag)
    second = reviewer.patch(url, {"text": "Second editor."}, format="json", HTTP_IF_MATCH=etag)
    assert first.status_code == 200
    problem(second, 412)
    assert Statement.objects.get(pk=world.draft.pk).text == "First editor."
    # The loser re-reads, reapplies, and wins with the fresh ETag.
    fresh = reviewer.get(url)["ETag"]
    again = reviewer.patch(url, {"text": "Second editor."}, format="json", HTTP_IF_MATCH=fresh)
    assert again.status_code == 200


@pytest.mark.parametrize(
    ("header", "status"), [("*", 200), ('"a", CURRENT', 200), ("W/CURRENT", 412)]
)
def test_if_match_forms(world, editor, header, status):
    url = f"/api/v1/speakers/{world.officials.pk}/"
    current = editor.get(url)["ETag"]
    header = header.replace("CURRENT", current)
    response = editor.patch(url, {"description": "x"}, format="json", HTTP_IF_MATCH=header)
    assert response.status_code == status


def test_delete_with_a_current_if_match(world, editor):
    url = f"/api/v1/statements/{world.draft.pk}/"
    etag = editor.get(url)["ETag"]
    assert editor.delete(url, HTTP_IF_MATCH=etag).status_code == 204


def test_publish_honours_if_match(world, reviewer, editor):
    url = f"/api/v1/statements/{world.draft.pk}/"
    stale = reviewer.get(url)["ETag"]
    editor.patch(url, {"text": "Edited before review."}, format="json")
    problem(reviewer.post(f"{url}publish/", HTTP_IF_MATCH=stale), 412)
    assert Statement.objects.get(pk=world.draft.pk).status == "draft"


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_writers_from_one_etag_one_wins_and_nothing_is_lost(editor_user):
    """Two clients send their PATCH at the same instant with the same If-Match."""
    import threading

    from django.db import connection
    from rest_framework.test import APIClient

    world = World()
    url = f"/api/v1/statements/{world.draft.pk}/"
    reader = APIClient()
    reader.force_authenticate(editor_user)
    etag = reader.get(url)["ETag"]
    barrier = threading.Barrier(2)
    results: dict[str, int] = {}

    def write(text: str) -> None:
        client = APIClient()
        client.force_authenticate(editor_user)
        barrier.wait()
        try:
            response = client.patch(url, {"text": text}, format="json", HTTP_IF_MATCH=etag)
            results[text] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(text,)) for text in ("Alpha.", "Beta.")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(results.values()) == [200, 412], results
    winner = next(text for text, status in results.items() if status == 200)
    assert Statement.objects.get(pk=world.draft.pk).text == winner
    history = Statement.history.filter(id=world.draft.pk, text__in=["Alpha.", "Beta."])
    assert list(history.values_list("text", flat=True)) == [winner]
