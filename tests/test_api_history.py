"""Change history through the API: who changed what and when, as field-level differences."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import problem


def test_statement_history_records_who_and_what(world, editor, reviewer):
    url = f"/api/v1/statements/{world.draft.pk}/"
    editor.patch(url, {"text": "Edited by the editor.", "topics": ["Warnings"]}, format="json")
    reviewer.post(f"{url}publish/")

    response = editor.get(f"{url}history/")
    assert response.status_code == 200, response.content
    entries = response.json()["results"]
    newest, edit = entries[0], entries[1]
    assert newest["action"] == "changed"
    assert newest["user"] == {"id": reviewer.user.pk, "username": "rita"}
    assert newest["changes"] == [{"field": "status", "old": "draft", "new": "published"}]

    # The text and the topics changed in one request (the topics in a version of their own
    # or the same one, as the history library records them); both are there, by the editor.
    changes = {
        change["field"]: change
        for entry in entries
        if entry["user"] and entry["user"]["username"] == "edna"
        for change in entry["changes"]
    }
    assert changes["text"] == {
        "field": "text",
        "old": "A draft nobody outside may read.",
        "new": "Edited by the editor.",
    }
    assert changes["topics"]["new"] == ["warnings"]
    assert edit["user"]["username"] == "edna"

    created = entries[-1]
    assert created["action"] == "created"
    assert {"field": "text", "old": None, "new": "A draft nobody outside may read."} in created[
        "changes"
    ]


@pytest.mark.parametrize(
    ("resource", "obj"),
    [
        ("speakers", "minister"),
        ("sources", "article"),
        ("relations", "relation"),
    ],
)
def test_every_resource_has_a_history(world, editor, resource, obj):
    url = f"/api/v1/{resource}/{getattr(world, obj).pk}/history/"
    entries = editor.get(url).json()["results"]
    assert entries[-1]["action"] == "created"


def test_token_users_are_recorded_as_the_author(world, reviewer):
    attribution = world.claim.attributions.first()
    url = f"/api/v1/attributions/{attribution.pk}/"
    etag = reviewer.get(url)["ETag"]  # its statement is published: writes need If-Match
    change = {"verb": "insisted", "correction_note": "The minister insisted."}
    reviewer.patch(url, change, format="json", HTTP_IF_MATCH=etag)
    newest = reviewer.get(f"/api/v1/attributions/{attribution.pk}/history/").json()["results"][0]
    assert newest["user"]["username"] == "rita"
    assert newest["changes"] == [{"field": "verb", "old": "said", "new": "insisted"}]


@pytest.mark.parametrize(("client_name", "status"), [("anon", 401), ("member", 403)])
def test_history_is_for_editors_only(world, request, client_name, status):
    client = request.getfixturevalue(client_name)
    problem(client.get(f"/api/v1/statements/{world.claim.pk}/history/"), status)


def test_history_of_a_hidden_or_missing_object_is_404(world, editor):
    problem(editor.get("/api/v1/statements/999999/history/"), 404)


def test_history_pages_cost_a_fixed_number_of_queries(world, editor):
    url = f"/api/v1/statements/{world.draft.pk}/"
    for number in range(12):
        editor.patch(url, {"text": f"Version {number}", "topics": [f"t{number}"]}, format="json")

    def queries(page_size):
        with CaptureQueriesContext(connection) as captured:
            response = editor.get(f"{url}history/", {"page_size": page_size})
        assert response.status_code == 200
        return len(captured)

    assert queries(2) == queries(20)
