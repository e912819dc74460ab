"""Retraction notices: a retracted statement answers 410 Gone to everyone, with when and why
it was retracted; its text stays hidden from the public; lists and search leave it out for
the public as before."""

import pytest

from statements import services
from statements.models import Statement
from statements.retractions import retraction_notice
from tests.helpers import problem

pytestmark = pytest.mark.django_db

STATEMENTS = "/api/v1/statements/"


@pytest.fixture
def retracted(world, reviewer):
    response = reviewer.post(
        f"{STATEMENTS}{world.denial.pk}/retract/", {"reason": "Misquoted."}, format="json"
    )
    assert response.status_code == 200, response.content
    world.refresh()
    return world.denial


def test_the_public_learns_when_and_why_but_not_what(retracted, anon):
    body = problem(anon.get(f"{STATEMENTS}{retracted.pk}/"), 410)
    retracted_at = Statement.history.filter(id=retracted.pk, status="retracted").get().history_date
    assert body["type"] == "/problems/retracted"
    assert body["title"] == "This statement was retracted."
    assert body["retraction"] == {
        "statement": retracted.pk,
        "reason": "Misquoted.",
        "retracted_at": retracted_at.isoformat().replace("+00:00", "Z"),
    }
    assert body["statement"] is None
    assert retracted.text not in str(body)
    assert body["detail"] == (
        f"Statement #{retracted.pk} was retracted on {retracted_at.date()}: Misquoted."
    )


@pytest.mark.parametrize("client_name", ["editor", "reviewer", "admin"])
def test_editors_get_the_notice_too_with_the_statement(retracted, request, client_name):
    client = request.getfixturevalue(client_name)
    body = problem(client.get(f"{STATEMENTS}{retracted.pk}/"), 410)
    assert body["retraction"]["reason"] == "Misquoted."
    assert body["statement"]["text"] == retracted.text
    assert body["statement"]["status"] == "retracted"


def test_a_selection_of_fields_without_the_status_is_gone_too(retracted, editor, anon):
    for client in (editor, anon):
        url = f"{STATEMENTS}{retracted.pk}/?fields=id,text"
        assert problem(client.get(url), 410)["retraction"]["statement"] == retracted.pk


def test_head_answers_gone(retracted, anon):
    assert anon.head(f"{STATEMENTS}{retracted.pk}/").status_code == 410


@pytest.mark.parametrize("client_name", ["anon", "editor"])
def test_never_existed_stays_not_found(world, request, client_name):
    client = request.getfixturevalue(client_name)
    problem(client.get(f"{STATEMENTS}999999/"), 404)


def test_a_draft_is_still_not_found_by_the_public(world, anon, editor):
    problem(anon.get(f"{STATEMENTS}{world.draft.pk}/"), 404)
    assert editor.get(f"{STATEMENTS}{world.draft.pk}/").status_code == 200


def test_published_statements_are_unchanged(world, anon):
    response = anon.get(f"{STATEMENTS}{world.claim.pk}/")
    assert response.status_code == 200
    assert response["ETag"]


@pytest.mark.parametrize("client_name", ["anon", "editor"])
def test_the_notice_costs_a_bounded_number_of_queries(
    retracted, request, client_name, django_assert_max_num_queries
):
    client = request.getfixturevalue(client_name)
    client.get(f"{STATEMENTS}{retracted.pk}/")  # the token's first read is cached
    with django_assert_max_num_queries(8):
        assert client.get(f"{STATEMENTS}{retracted.pk}/").status_code == 410


def test_lists_and_search_leave_it_out_for_the_public_as_before(retracted, anon, editor):
    listed = {s["id"] for s in anon.get(STATEMENTS).json()["results"]}
    assert retracted.pk not in listed
    found = anon.get(f"{STATEMENTS}?q=officials").json()["results"]
    assert retracted.pk not in {s["id"] for s in found}
    # Editors keep seeing it in their lists, as before.
    listed = {s["id"] for s in editor.get(f"{STATEMENTS}?status=retracted").json()["results"]}
    assert listed == {retracted.pk}


def test_editors_keep_reading_its_history(retracted, editor, anon):
    assert editor.get(f"{STATEMENTS}{retracted.pk}/history/").status_code == 200
    problem(anon.get(f"{STATEMENTS}{retracted.pk}/history/"), 401)


def test_writes_to_it_stay_conflicts(retracted, editor):
    response = editor.patch(f"{STATEMENTS}{retracted.pk}/", {"text": "New."}, format="json")
    assert response.status_code in (409, 428), response.content


def test_a_statement_retracted_without_history_is_dated_by_its_last_change(world):
    services.statement_retract(statement=world.claim, user=None, reason="Wrong.")
    Statement.history.filter(id=world.claim.pk).delete()  # as a fixture loaded raw
    notice = retraction_notice(world.claim.pk)
    assert notice.retracted_at == Statement.objects.get(pk=world.claim.pk).updated_at
    assert notice.reason == "Wrong."
