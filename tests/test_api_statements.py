"""Statements through HTTP: the nested atomic create, reads with attributions and relations,
updates, the workflow actions and deletion rules."""

import pytest

from statements.models import Attribution, Statement
from tests.helpers import error_fields, problem

URL = "/api/v1/statements/"


def attribution(world, **overrides):
    return {
        "speaker": world.minister.pk,
        "source": world.article.pk,
        "mode": "paraphrase",
        "speech_act": "assertion",
        "verb": "said",
        "quote": {"exact": "Officials denied it."},
        **overrides,
    }


# --- Create -----------------------------------------------------------------------------------


def test_create_with_attributions_in_one_request(world, editor):
    payload = {
        "text": "Officials denied it.",
        "topics": ["Troop deployment", "troop-deployment", "Border"],
        "attributions": [
            attribution(world),
            attribution(
                world,
                speaker=world.ministry.pk,
                source=world.briefing.pk,
                mode="summary",
                quote=None,
                on_behalf_of=None,
            ),
        ],
    }
    response = editor.post(URL, payload, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"].endswith(f"{URL}{body['id']}/")
    assert response["ETag"]
    assert body["status"] == "draft"
    assert body["topics"] == ["border", "troop-deployment"]
    first, second = body["attributions"]
    assert first["speaker"] == {"id": world.minister.pk, "name": "Jane Roe", "kind": "person"}
    assert first["source"]["title"] == "Troops leave the border"
    start = world.article.body.index("Officials denied it.")
    assert first["quote"] == {
        "exact": "Officials denied it.",
        "prefix": "",
        "suffix": "",
        "start": start,
        "end": start + len("Officials denied it."),
        "status": "anchored",
        "body_sha256": world.article.body_sha256,
    }
    assert second["quote"] is None
    assert second["source"]["id"] == world.briefing.pk


def test_a_bad_attribution_rolls_the_whole_statement_back(world, editor):
    statements, attributions = Statement.objects.count(), Attribution.objects.count()
    payload = {
        "text": "Never saved.",
        "topics": ["never-created"],
        "attributions": [
            attribution(world),
            attribution(world, speaker=world.officials.pk, quote={"exact": "not in the body"}),
        ],
    }
    response = editor.post(URL, payload, format="json")
    body = problem(response, 400)
    assert error_fields(response) == ["attributions.1.quote.exact"]
    assert "not found" in body["detail"]
    assert (Statement.objects.count(), Attribution.objects.count()) == (statements, attributions)
    assert not Statement.objects.filter(topics__slug="never-created").exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"speaker": 999999}, "attributions.0.speaker"),
        ({"source": "x"}, "attributions.0.source"),
        ({"mode": "rumour"}, "attributions.0.mode"),
        ({"speech_act": None}, "attributions.0.speech_act"),
        ({"stated_on": "23 October"}, "attributions.0.stated_on"),
        ({"quote": {"exact": "Officials denied it.", "offset": 3}}, "attributions.0.quote.offset"),
        ({"colour": "red"}, "attributions.0.colour"),
        ({"mode": "direct_quote", "quote": None}, "attributions.0.quote.exact"),
        ({"on_behalf_of": "minister"}, "attributions.0.on_behalf_of"),
    ],
)
def test_invalid_attribution_fields_are_named(world, editor, change, field):
    payload = {"text": "Bad.", "attributions": [attribution(world, **change)]}
    response = editor.post(URL, payload, format="json")
    problem(response, 400)
    assert field in error_fields(response)
    assert not Statement.objects.filter(text="Bad.").exists()


def test_the_same_speaker_and_source_twice_is_refused(world, editor):
    payload = {"text": "Twice.", "attributions": [attribution(world), attribution(world)]}
    response = editor.post(URL, payload, format="json")
    problem(response, 400)
    assert error_fields(response) == ["attributions.1.speaker"]


# --- Read -------------------------------------------------------------------------------------


def test_detail_shows_attributions_inline_and_relations_both_ways(world, anon):
    claim = anon.get(f"{URL}{world.claim.pk}/").json()
    assert [a["source"]["id"] for a in claim["attributions"]] == [
        world.article.pk,
        world.briefing.pk,
    ]
    assert claim["attributions"][0]["on_behalf_of"]["name"] == "Ministry of Truth"
    assert claim["relations"] == [
        {
            "id": world.relation.pk,
            "kind": "denies",
            "from_statement": {
                "id": world.denial.pk,
                "text": world.denial.text,
                "status": "published",
            },
            "to_statement": {"id": world.claim.pk, "text": world.claim.text, "status": "published"},
            "note": "",
        }
    ]
    denial = anon.get(f"{URL}{world.denial.pk}/").json()
    assert [r["id"] for r in denial["relations"]] == [world.relation.pk]


def test_list_is_paginated_with_count_and_links(world, editor):
    page = editor.get(URL, {"page_size": 2}).json()
    assert page["count"] == 3
    assert len(page["results"]) == 2
    assert page["previous"] is None
    assert "page=2" in page["next"]
    last = editor.get(page["next"]).json()
    assert last["next"] is None
    assert len(last["results"]) == 1


def test_drafts_are_invisible_to_the_public(world, anon, member, editor):
    for client in (anon, member):
        assert client.get(URL).json()["count"] == 2
        problem(client.get(f"{URL}{world.draft.pk}/"), 404)
    assert editor.get(f"{URL}{world.draft.pk}/").status_code == 200


# --- Update -----------------------------------------------------------------------------------


def test_patch_changes_only_the_fields_given(world, editor):
    response = editor.patch(f"{URL}{world.draft.pk}/", {"text": "Reworded."}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["text"] == "Reworded."
    assert len(body["attributions"]) == 1


def test_put_replaces_the_attributions_matched_on_speaker_and_source(world, reviewer):
    read = reviewer.get(f"{URL}{world.claim.pk}/")
    current = read.json()
    kept, other = current["attributions"]
    payload = {
        "text": current["text"],
        "correction_note": "Replaced the attributions.",  # published: a correction
        "language": "en",
        "topics": ["troops"],
        "attributions": [
            {
                "speaker": kept["speaker"]["id"],
                "source": kept["source"]["id"],
                "mode": "summary",
                "speech_act": "assertion",
                "quote": {"exact": "troops had left, again", "prefix": "", "suffix": ""},
            },
            # A published statement keeps its attributions (tests/test_write_rules.py).
            {
                "speaker": other["speaker"]["id"],
                "source": other["source"]["id"],
                "mode": other["mode"],
                "speech_act": other["speech_act"],
                "quote": {"exact": other["quote"]["exact"]},
            },
            attribution(world, speaker=world.officials.pk, source=world.briefing.pk, quote=None),
        ],
    }
    # The statement is published: the write must be conditional.
    response = reviewer.put(
        f"{URL}{world.claim.pk}/", payload, format="json", HTTP_IF_MATCH=read["ETag"]
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["topics"] == ["troops"]
    assert [(a["speaker"]["id"], a["source"]["id"]) for a in body["attributions"]] == [
        (world.minister.pk, world.article.pk),
        (world.minister.pk, world.briefing.pk),
        (world.officials.pk, world.briefing.pk),
    ]
    assert [a["id"] for a in body["attributions"][:2]] == [kept["id"], other["id"]]
    assert body["attributions"][0]["mode"] == "summary"  # updated in place, not recreated
    assert body["attributions"][0]["quote"]["start"] == world.article.body.index(
        "troops had left, again"
    )


def test_read_only_fields_sent_back_are_ignored_but_unknown_ones_refused(world, editor):
    current = editor.get(f"{URL}{world.draft.pk}/").json()
    current.pop("attributions")
    response = editor.put(
        f"{URL}{world.draft.pk}/", {**current, "status": "published"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "draft"
    response = editor.patch(f"{URL}{world.draft.pk}/", {"txt": "typo"}, format="json")
    problem(response, 400)
    assert error_fields(response) == ["txt"]


# --- Workflow ---------------------------------------------------------------------------------


def test_reviewer_publishes_and_retracts(world, reviewer, anon):
    response = reviewer.post(f"{URL}{world.draft.pk}/publish/")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published"
    assert anon.get(f"{URL}{world.draft.pk}/").status_code == 200

    problem(reviewer.post(f"{URL}{world.draft.pk}/retract/", {}, format="json"), 400)
    response = reviewer.post(
        f"{URL}{world.draft.pk}/retract/", {"reason": "Misheard."}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["retraction_reason"] == "Misheard."
    # Gone, not unknown: the public learns why (tests/test_api_retraction.py).
    assert problem(anon.get(f"{URL}{world.draft.pk}/"), 410)["retraction"]["reason"] == "Misheard."


@pytest.mark.parametrize(
    ("client_name", "status"), [("anon", 401), ("member", 403), ("editor", 403), ("reviewer", 200)]
)
def test_who_may_publish(world, request, client_name, status):
    client = request.getfixturevalue(client_name)
    response = client.post(f"{URL}{world.draft.pk}/publish/")
    assert response.status_code == status, response.content


def test_publishing_twice_is_a_conflict(world, reviewer):
    body = problem(reviewer.post(f"{URL}{world.claim.pk}/publish/"), 409)
    assert "Only a draft" in body["detail"]


# --- Delete -----------------------------------------------------------------------------------


def test_a_draft_can_be_deleted(world, editor):
    assert editor.delete(f"{URL}{world.draft.pk}/").status_code == 204
    assert not Statement.objects.filter(pk=world.draft.pk).exists()
    assert not Attribution.objects.filter(statement_id=world.draft.pk).exists()


def test_a_published_statement_is_never_deleted(world, editor, admin):
    for client in (editor, admin):
        etag = client.get(f"{URL}{world.claim.pk}/")["ETag"]
        body = problem(client.delete(f"{URL}{world.claim.pk}/", HTTP_IF_MATCH=etag), 409)
        assert "Retract it instead" in body["detail"]
    assert Statement.objects.filter(pk=world.claim.pk).exists()


@pytest.mark.parametrize(("client_name", "status"), [("anon", 401), ("member", 403)])
def test_writes_need_permissions(world, request, client_name, status):
    client = request.getfixturevalue(client_name)
    problem(client.post(URL, {"text": "x"}, format="json"), status)
    problem(client.patch(f"{URL}{world.claim.pk}/", {"text": "x"}, format="json"), status)
    problem(client.delete(f"{URL}{world.claim.pk}/"), status)
