"""The write rules of published and retracted data, whichever route a write takes.

- A published (or retracted) statement keeps every attribution it has: neither
  ``DELETE attributions/{id}/`` nor a statement PUT/PATCH whose ``attributions`` leave some
  out removes one (409, the same answer). Its attributions may still be edited and added.
- A retracted statement is frozen: no write to it or to its attributions (409).
- Published data is overwritten only knowingly: PUT, PATCH and DELETE of a published
  statement or of one of its attributions need If-Match (428 without it). Drafts stay
  last-write-wins; creates and the workflow actions need none.
"""

import pytest

from statements.models import Attribution, Statement
from tests.helpers import problem, write_form

STATEMENTS = "/api/v1/statements/"
ATTRIBUTIONS = "/api/v1/attributions/"

REMOVAL_REFUSED = (
    "An attribution of a published or retracted statement cannot be deleted: "
    "retract the statement instead."
)
FROZEN = "A retracted statement is frozen"


def statement_put(read: dict) -> dict:
    """A statement as read, in the form a PUT takes."""
    return {
        "text": read["text"],
        "language": read["language"],
        "topics": read["topics"],
        "attributions": [write_form(item) for item in read["attributions"]],
    }


def new_attribution(world, statement) -> dict:
    return {
        "statement": statement.pk,
        "speaker": world.officials.pk,
        "source": world.briefing.pk,
        "mode": "summary",
        "speech_act": "denial",
    }


def attribution_pairs(statement) -> set[tuple[int, int]]:
    return set(
        Attribution.objects.filter(statement=statement).values_list("speaker_id", "source_id")
    )


@pytest.fixture
def retracted(world, reviewer):
    url = f"{STATEMENTS}{world.denial.pk}/retract/"
    assert reviewer.post(url, {"reason": "Misheard."}, format="json").status_code == 200
    world.refresh()
    return world.denial


# --- Item 3: removing attributions of published data, by any route --------------------------


@pytest.mark.parametrize(
    "keep",
    [
        pytest.param(lambda attributions: [], id="none"),
        pytest.param(lambda attributions: attributions[:1], id="some"),
    ],
)
@pytest.mark.parametrize("method", ["put", "patch"])
def test_a_statement_write_cannot_remove_published_attributions(world, editor, method, keep):
    url = f"{STATEMENTS}{world.claim.pk}/"
    read = editor.get(url)
    payload = statement_put(read.json())
    payload["attributions"] = keep(payload["attributions"])
    before = attribution_pairs(world.claim)

    response = getattr(editor, method)(url, payload, format="json", HTTP_IF_MATCH=read["ETag"])

    body = problem(response, 409)
    one = f"{ATTRIBUTIONS}{world.claim.attributions.first().pk}/"
    deleted = problem(editor.delete(one, HTTP_IF_MATCH=editor.get(one)["ETag"]), 409)
    assert body["detail"] == deleted["detail"] == REMOVAL_REFUSED  # one rule, one answer
    assert attribution_pairs(world.claim) == before
    assert editor.get(url)["ETag"] == read["ETag"]  # nothing changed, not even the text


def test_a_published_statement_s_attributions_may_be_edited_and_added(world, reviewer):
    # As a correction, with its note (tests/test_corrections.py).
    url = f"{STATEMENTS}{world.claim.pk}/"
    new = new_attribution(world, world.claim)
    read = reviewer.get(url)
    attributions = [write_form(item) for item in read.json()["attributions"]]
    attributions[0]["verb"] = "claimed"
    attributions.append({key: value for key, value in new.items() if key != "statement"})

    response = reviewer.patch(
        url,
        {"attributions": attributions, "correction_note": "Added the officials' account."},
        format="json",
        HTTP_IF_MATCH=read["ETag"],
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["attributions"][0]["verb"] == "claimed"
    assert len(body["attributions"]) == 3
    added = reviewer.post(
        ATTRIBUTIONS,
        {**new_attribution(world, world.denial), "correction_note": "Added a source."},
        format="json",
    )
    assert added.status_code == 201, added.content


def test_a_draft_s_attributions_may_be_removed(world, editor):
    url = f"{STATEMENTS}{world.draft.pk}/"
    response = editor.patch(url, {"attributions": []}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["attributions"] == []
    assert not Attribution.objects.filter(statement=world.draft).exists()


# --- Item 4: a retracted statement is frozen -----------------------------------------------------


def _retracted_writes(world, statement):
    attribution = statement.attributions.get()
    statement_url = f"{STATEMENTS}{statement.pk}/"
    attribution_url = f"{ATTRIBUTIONS}{attribution.pk}/"
    return {
        "create attribution": ("post", ATTRIBUTIONS, new_attribution(world, statement)),
        "patch attribution": ("patch", attribution_url, {"verb": "claimed"}),
        "delete attribution": ("delete", attribution_url, None),
        "patch statement": ("patch", statement_url, {"text": "Reworded."}),
        "patch statement attributions": ("patch", statement_url, {"attributions": []}),
        "delete statement": ("delete", statement_url, None),
    }


@pytest.mark.parametrize(
    "write",
    [
        "create attribution",
        "patch attribution",
        "delete attribution",
        "patch statement",
        "patch statement attributions",
        "delete statement",
    ],
)
@pytest.mark.parametrize("if_match", [True, False], ids=["if-match", "no-if-match"])
def test_a_retracted_statement_accepts_no_write(world, retracted, editor, write, if_match):
    method, url, payload = _retracted_writes(world, retracted)[write]
    headers = {"HTTP_IF_MATCH": editor.get(url)["ETag"]} if if_match and method != "post" else {}
    before = (
        Statement.objects.filter(pk=retracted.pk).values().get(),
        sorted(Attribution.objects.filter(statement=retracted).values_list("pk", "verb")),
    )

    response = getattr(editor, method)(url, payload, format="json", **headers)

    body = problem(response, 409)
    assert body["detail"].startswith(FROZEN), body["detail"]
    after = (
        Statement.objects.filter(pk=retracted.pk).values().get(),
        sorted(Attribution.objects.filter(statement=retracted).values_list("pk", "verb")),
    )
    assert after == before


# --- Item 5: writes to published data need If-Match -------------------------------------------


def _published_targets(world):
    attribution = world.claim.attributions.order_by("pk").first()
    return {
        "statement": (f"{STATEMENTS}{world.claim.pk}/", {"text": "Reworded."}),
        "attribution": (f"{ATTRIBUTIONS}{attribution.pk}/", {"verb": "claimed"}),
    }


def _full(editor, url: str, resource: str) -> dict:
    read = editor.get(url).json()
    if resource == "statement":
        return statement_put(read)
    return {**write_form(read), "statement": read["statement"]}


@pytest.mark.parametrize("header", [None, ""], ids=["absent", "empty"])
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
@pytest.mark.parametrize("resource", ["statement", "attribution"])
def test_writes_to_published_data_without_if_match_are_refused(
    world, editor, resource, method, header
):
    url, change = _published_targets(world)[resource]
    payload = {"put": _full(editor, url, resource), "patch": change, "delete": None}[method]
    etag = editor.get(url)["ETag"]
    headers = {} if header is None else {"HTTP_IF_MATCH": header}

    response = getattr(editor, method)(url, payload, format="json", **headers)

    body = problem(response, 428)
    assert body["type"] == "/problems/precondition-required"
    assert "If-Match" in body["detail"]
    assert f"GET {url}" in body["detail"]
    assert editor.get(url)["ETag"] == etag  # nothing changed


@pytest.mark.parametrize(
    ("resource", "method", "status"),
    [
        ("statement", "put", 202),  # an editor's change is proposed (tests/test_corrections.py)
        ("statement", "patch", 202),
        ("statement", "delete", 409),  # never deleted: retracted
        ("attribution", "put", 202),
        ("attribution", "patch", 202),
        ("attribution", "delete", 409),  # kept while its statement is published
    ],
)
def test_writes_to_published_data_with_if_match_proceed(world, editor, resource, method, status):
    url, change = _published_targets(world)[resource]
    payload = {"put": _full(editor, url, resource), "patch": change, "delete": None}[method]
    etag = editor.get(url)["ETag"]
    response = getattr(editor, method)(url, payload, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == status, response.content


def test_drafts_stay_last_write_wins_without_if_match(world, editor):
    attribution = world.draft.attributions.get()
    url = f"{ATTRIBUTIONS}{attribution.pk}/"
    assert editor.patch(url, {"verb": "warned"}, format="json").status_code == 200
    statement_url = f"{STATEMENTS}{world.draft.pk}/"
    assert editor.patch(statement_url, {"text": "First."}, format="json").status_code == 200
    assert editor.patch(statement_url, {"text": "Second."}, format="json").status_code == 200
    assert Statement.objects.get(pk=world.draft.pk).text == "Second."


def test_creates_and_the_workflow_need_no_if_match(world, editor, reviewer):
    created = editor.post(ATTRIBUTIONS, new_attribution(world, world.draft), format="json")
    assert created.status_code == 201, created.content
    proposed = editor.post(ATTRIBUTIONS, new_attribution(world, world.claim), format="json")
    assert proposed.status_code == 202, proposed.content  # to a published statement
    published = reviewer.post(f"{STATEMENTS}{world.draft.pk}/publish/")
    assert published.status_code == 200, published.content
    retracted = reviewer.post(
        f"{STATEMENTS}{world.draft.pk}/retract/", {"reason": "Misheard."}, format="json"
    )
    assert retracted.status_code == 200, retracted.content


def test_other_resources_need_no_if_match(world, editor):
    url = f"/api/v1/speakers/{world.minister.pk}/"
    assert editor.patch(url, {"description": "Minister."}, format="json").status_code == 200


def test_a_stale_if_match_on_published_data_is_still_412(world, reviewer):
    url, change = _published_targets(world)["attribution"]
    stale = reviewer.get(url)["ETag"]
    change = {**change, "correction_note": "Corrected the verb."}
    assert reviewer.patch(url, change, format="json", HTTP_IF_MATCH=stale).status_code == 200
    problem(reviewer.patch(url, {"verb": "said"}, format="json", HTTP_IF_MATCH=stale), 412)
