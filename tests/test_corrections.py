"""Corrections: an editor's change to a published statement is a pending revision that a
reviewer approves (with a public note) or rejects; readers keep the published version
until then; a published statement shows its correction notices; a reviewer's own change
to a published statement needs a note too."""

import pytest
from django.db import connection

from statements import corrections
from statements.models import Change, Correction, Revision
from statements.roles import EDITORS
from tests.factories import UserFactory
from tests.helpers import error_fields, problem
from tests.test_concurrency import race, send, status_of, token_client

pytestmark = pytest.mark.django_db

STATEMENTS = "/api/v1/statements/"
ATTRIBUTIONS = "/api/v1/attributions/"
CHANGES = "/api/v1/changes/"
NOTE = "Corrected the tense: the troops have left."


def statement_url(statement) -> str:
    return f"{STATEMENTS}{statement.pk}/"


def revisions_url(statement, revision=None, action: str = "") -> str:
    url = f"{STATEMENTS}{statement.pk}/revisions/"
    if revision is not None:
        url += f"{revision if isinstance(revision, int) else revision.pk}/"
    return url + (f"{action}/" if action else "")


def read(client, statement):
    response = client.get(statement_url(statement))
    assert response.status_code == 200, response.content
    return response


def propose(client, statement, change: dict, method: str = "patch"):
    etag = read(client, statement)["ETag"]
    return getattr(client, method)(
        statement_url(statement), change, format="json", HTTP_IF_MATCH=etag
    )


def written(item: dict, **changes) -> dict:
    """An attribution as read, as a statement's write sends it back."""
    quote = item["quote"] and {key: item["quote"][key] for key in ("exact", "prefix", "suffix")}
    fields = {
        "speaker": item["speaker"]["id"],
        "source": item["source"]["id"],
        "mode": item["mode"],
        "speech_act": item["speech_act"],
        "verb": item["verb"],
        "quote": quote,
    }
    return {**fields, **changes}


@pytest.fixture
def proposed(world, editor):
    """An editor's pending change to the published claim's text."""
    response = propose(editor, world.claim, {"text": "The troops have left."})
    assert response.status_code == 202, response.content
    return Revision.objects.get(pk=response.json()["id"])


def last_change(client, statement):
    """The statement's latest entry in the change feed (on SQLite, as the feed serves it;
    on PostgreSQL the feed holds back the test's own open transaction: as recorded)."""
    if connection.vendor == "postgresql":
        change = Change.objects.filter(object_type="statement", object_id=statement.pk)
        change = change.latest("id")
        return {"kind": change.kind, "note": change.note, "public": change.public}
    entries = client.get(CHANGES, {"page_size": 1000}).json()["results"]
    return [entry for entry in entries if entry["id"] == statement.pk][-1]


# --- An editor proposes ---------------------------------------------------------------------


def test_an_editors_change_to_a_published_statement_is_proposed(world, editor, anon):
    before = read(anon, world.claim)
    changes_before = Change.objects.count()
    response = propose(editor, world.claim, {"text": "The troops have left."})
    assert response.status_code == 202, response.content
    body = response.json()
    revision = Revision.objects.get()
    assert response["Location"] == f"http://testserver{revisions_url(world.claim, revision)}"
    assert body == {
        "id": revision.pk,
        "statement": world.claim.pk,
        "status": "pending",
        "proposed": {"text": "The troops have left."},
        "base_version": corrections.latest_version(world.claim.pk),
        "proposed_by": "edna",
        "proposed_at": body["proposed_at"],
        "decided_by": None,
        "decided_at": None,
        "note": None,
        "rejection_reason": "",
    }
    # Readers, and the editor, keep the published version and its ETag; nothing is fed.
    for client in (anon, editor):
        after = read(client, world.claim)
        assert after.json()["text"] == "The troops had left."
        assert after["ETag"] == read(anon, world.claim)["ETag"]
    assert read(anon, world.claim)["ETag"] == before["ETag"]
    assert Change.objects.count() == changes_before


def test_a_put_is_proposed_whole(world, editor, anon):
    current = read(editor, world.claim).json()
    change = {
        "text": "The troops have left.",
        "language": "en",
        "topics": ["troops"],
        "attributions": [written(item, verb="stated") for item in current["attributions"]],
    }
    response = propose(editor, world.claim, change, method="put")
    assert response.status_code == 202, response.content
    proposed = response.json()["proposed"]
    assert [item["verb"] for item in proposed["attributions"]] == ["stated", "stated"]
    assert proposed["attributions"][0]["quote"] == written(current["attributions"][0])["quote"]
    assert read(anon, world.claim).json() == current


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"text": ""}, "text"),
        ({"topics": "not a list"}, "topics"),
        ({"correction_note": "Editors do not write it."}, "correction_note"),
    ],
)
def test_a_bad_proposal_is_refused_and_nothing_is_stored(world, editor, change, field):
    response = propose(editor, world.claim, change)
    assert field in error_fields(response) or problem(response, 400) is None
    assert response.status_code == 400
    assert not Revision.objects.exists()


def test_a_proposal_is_checked_as_if_it_applied(world, editor):
    """The services' rules run at proposal time: a quote absent from the body is a 400."""
    first, second = read(editor, world.claim).json()["attributions"]
    absent = {"exact": "words the article never printed"}
    change = {"attributions": [written(first, quote=absent), written(second)]}
    response = propose(editor, world.claim, change)
    assert problem(response, 400)
    assert error_fields(response) == ["attributions.0.quote.exact"]
    assert not Revision.objects.exists()


def test_an_editors_change_to_a_draft_applies_at_once(world, editor):
    response = editor.patch(statement_url(world.draft), {"text": "Draft, edited."}, format="json")
    assert response.status_code == 200
    assert response.json()["text"] == "Draft, edited."
    assert not Revision.objects.exists()


def test_an_editors_change_to_a_published_attribution_is_proposed(world, editor, reviewer, anon):
    attribution = world.claim.attributions.get(source=world.article)
    url = f"{ATTRIBUTIONS}{attribution.pk}/"
    etag = editor.get(url)["ETag"]
    response = editor.patch(url, {"verb": "claimed"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 202, response.content
    revision = Revision.objects.get()
    verbs = [item["verb"] for item in revision.proposed["attributions"]]
    assert verbs == ["claimed", "said"]  # the statement's attributions, that one changed
    assert anon.get(url).json()["verb"] == "said"
    approved = reviewer.post(revisions_url(world.claim, revision, "approve"), {"note": NOTE})
    assert approved.status_code == 200, approved.content
    assert anon.get(url).json()["verb"] == "claimed"
    assert anon.get(url).json()["quote"]["exact"] == attribution.quote_exact  # kept


def test_an_editors_new_attribution_of_a_published_statement_is_proposed(world, editor, anon):
    response = editor.post(
        ATTRIBUTIONS,
        {
            "statement": world.claim.pk,
            "speaker": world.officials.pk,
            "source": world.briefing.pk,
            "mode": "summary",
            "speech_act": "assertion",
        },
        format="json",
    )
    assert response.status_code == 202, response.content
    assert len(Revision.objects.get().proposed["attributions"]) == 3
    assert len(read(anon, world.claim).json()["attributions"]) == 2


# --- Who reads revisions --------------------------------------------------------------------


def test_who_reads_revisions(world, proposed, anon, member, editor, reviewer, admin_user):
    other_editor = token_client(UserFactory(username="otto", group=EDITORS))()
    url, detail = revisions_url(world.claim), revisions_url(world.claim, proposed)
    assert anon.get(url).status_code == 401
    assert anon.get(detail).status_code == 401
    assert member.get(url).json()["results"] == []
    assert member.get(detail).status_code == 404
    assert other_editor.get(url).json()["results"] == []
    assert other_editor.get(detail).status_code == 404
    for client in (editor, reviewer):
        assert [item["id"] for item in client.get(url).json()["results"]] == [proposed.pk]
        assert client.get(detail).json()["status"] == "pending"
    # A draft's revisions are no more visible to the public than the draft.
    assert anon.get(revisions_url(world.draft)).status_code == 401
    assert member.get(revisions_url(world.draft)).status_code == 404


def test_only_reviewers_decide(world, proposed, editor, member, anon):
    for client in (editor, member):
        response = client.post(revisions_url(world.claim, proposed, "approve"), {"note": NOTE})
        assert problem(response, 403)
    assert (
        anon.post(revisions_url(world.claim, proposed, "approve"), {"note": NOTE}).status_code
        == 401
    )
    proposed.refresh_from_db()
    assert proposed.status == "pending"


# --- A reviewer decides ---------------------------------------------------------------------


def test_approving_needs_a_public_note(world, proposed, reviewer):
    for body in ({}, {"note": "  "}):
        response = reviewer.post(revisions_url(world.claim, proposed, "approve"), body)
        assert problem(response, 400)
        assert error_fields(response) == ["note"]
    proposed.refresh_from_db()
    assert proposed.status == "pending"
    assert not Correction.objects.exists()


def test_approving_applies_the_revision_as_a_correction(world, proposed, reviewer, anon):
    response = reviewer.post(revisions_url(world.claim, proposed, "approve"), {"note": NOTE})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["decided_by"], body["note"]) == ("approved", "rita", NOTE)
    statement = read(anon, world.claim).json()
    assert statement["text"] == "The troops have left."
    correction = Correction.objects.get()
    assert correction.revision == proposed
    assert statement["corrections"] == [
        {"at": correction.at.isoformat().replace("+00:00", "Z"), "note": NOTE}
    ]
    change = last_change(anon, world.claim)
    assert (change["kind"], change["note"]) == ("corrected", NOTE)
    # Decided once only.
    for action, body in (("approve", {"note": NOTE}), ("reject", {"reason": "No."})):
        response = reviewer.post(revisions_url(world.claim, proposed, action), body)
        assert "already approved" in problem(response, 409)["detail"]


def test_rejecting_keeps_the_statement(world, proposed, reviewer, anon):
    before = read(anon, world.claim)
    response = reviewer.post(revisions_url(world.claim, proposed, "reject"), {})
    assert error_fields(response) == ["reason"]
    response = reviewer.post(
        revisions_url(world.claim, proposed, "reject"), {"reason": "The source says had."}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "rejected"
    assert response.json()["rejection_reason"] == "The source says had."
    assert read(anon, world.claim)["ETag"] == before["ETag"]
    assert not Correction.objects.exists()
    response = reviewer.post(revisions_url(world.claim, proposed, "approve"), {"note": NOTE})
    assert "already rejected" in problem(response, 409)["detail"]


def test_a_stale_revision_cannot_be_approved(world, proposed, reviewer, anon):
    """The statement changed after the revision was proposed: approving it would undo that
    change silently."""
    response = propose(reviewer, world.claim, {"topics": ["troops"], "correction_note": NOTE})
    assert response.status_code == 200, response.content
    response = reviewer.post(revisions_url(world.claim, proposed, "approve"), {"note": NOTE})
    body = problem(response, 409)
    assert f"changed after revision #{proposed.pk} was proposed" in body["detail"]
    proposed.refresh_from_db()
    assert proposed.status == "pending"
    assert read(anon, world.claim).json()["text"] == "The troops had left."
    assert Correction.objects.count() == 1  # the reviewer's own


def test_a_revision_of_a_retracted_statement_cannot_be_approved(world, proposed, reviewer):
    reviewer.post(f"{statement_url(world.claim)}retract/", {"reason": "Misquoted."})
    response = reviewer.post(revisions_url(world.claim, proposed, "approve"), {"note": NOTE})
    assert "retracted" in problem(response, 409)["detail"]


# --- A reviewer's own change ----------------------------------------------------------------


def test_a_reviewers_change_to_a_published_statement_needs_a_note(world, reviewer, anon):
    before = read(anon, world.claim)
    response = propose(reviewer, world.claim, {"text": "The troops have left."})
    assert problem(response, 400)
    assert error_fields(response) == ["correction_note"]
    assert read(anon, world.claim)["ETag"] == before["ETag"]
    response = propose(
        reviewer, world.claim, {"text": "The troops have left.", "correction_note": NOTE}
    )
    assert response.status_code == 200, response.content
    assert response.json()["text"] == "The troops have left."
    assert [item["note"] for item in response.json()["corrections"]] == [NOTE]
    assert Correction.objects.get().revision is None
    assert last_change(anon, world.claim)["kind"] == "corrected"
    assert not Revision.objects.exists()


def test_a_reviewers_change_to_a_published_attribution_needs_a_note(world, reviewer, anon):
    attribution = world.claim.attributions.get(source=world.article)
    url = f"{ATTRIBUTIONS}{attribution.pk}/"
    etag = reviewer.get(url)["ETag"]
    response = reviewer.patch(url, {"verb": "claimed"}, format="json", HTTP_IF_MATCH=etag)
    assert error_fields(response) == ["correction_note"]
    response = reviewer.patch(
        url, {"verb": "claimed", "correction_note": NOTE}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 200, response.content
    assert [c["note"] for c in read(anon, world.claim).json()["corrections"]] == [NOTE]
    assert last_change(anon, world.claim)["kind"] == "corrected"


def test_a_drafts_change_needs_no_note(world, reviewer):
    response = reviewer.patch(statement_url(world.draft), {"text": "Edited."}, format="json")
    assert response.status_code == 200
    assert response.json()["corrections"] == []


# --- The representation -----------------------------------------------------------------------


def test_corrections_are_listed_oldest_first_everywhere(world, reviewer, anon):
    for number in range(3):
        response = propose(
            reviewer,
            world.claim,
            {"text": f"Version {number}.", "correction_note": f"Fix {number}."},
        )
        assert response.status_code == 200, response.content
    notes = ["Fix 0.", "Fix 1.", "Fix 2."]
    detail = read(anon, world.claim).json()
    assert [item["note"] for item in detail["corrections"]] == notes
    listed = anon.get(STATEMENTS, {"ordering": "id"}).json()["results"]
    assert [item["note"] for item in listed[0]["corrections"]] == notes
    assert listed[1]["corrections"] == []
    selected = anon.get(statement_url(world.claim), {"fields": "id,corrections.note"}).json()
    assert selected == {"id": world.claim.pk, "corrections": [{"note": n} for n in notes]}
    jsonld = anon.get(statement_url(world.claim), HTTP_ACCEPT="application/ld+json").json()
    assert [item["text"] for item in jsonld["correction"]] == notes
    assert jsonld["correction"][0]["@type"] == "CorrectionComment"


def test_reading_corrections_costs_a_bounded_number_of_queries(
    world, reviewer, anon, django_assert_max_num_queries
):
    for statement in (world.claim, world.denial):
        for number in range(5):
            change = {"text": f"{statement.text} ({number})", "correction_note": f"Fix {number}."}
            assert propose(reviewer, statement, change).status_code == 200
    with django_assert_max_num_queries(5):
        assert len(anon.get(STATEMENTS).json()["results"]) == 2
    with django_assert_max_num_queries(4):
        anon.get(statement_url(world.claim))


def test_deciding_costs_a_bounded_number_of_queries(
    world, editor, reviewer, django_assert_max_num_queries
):
    revisions = []
    for number in range(5):
        response = propose(editor, world.claim, {"text": f"Proposal {number}."})
        revisions.append(response.json()["id"])
    with django_assert_max_num_queries(8):
        assert len(reviewer.get(revisions_url(world.claim)).json()["results"]) == 5
    with django_assert_max_num_queries(40):
        reviewer.post(revisions_url(world.claim, revisions[0], "approve"), {"note": NOTE})
    with django_assert_max_num_queries(12):
        reviewer.post(revisions_url(world.claim, revisions[1], "reject"), {"reason": "Stale."})


# --- Approving and editing at once (PostgreSQL) -----------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite admits one writer at a time")
@pytest.mark.django_db(transaction=True)
def test_approving_and_editing_at_once_lose_nothing(world, editor_user, reviewer_user):
    """A reviewer approves a revision while another edits the statement directly, released
    together: one wins, the other is told (409 stale, or 412 changed since read), and the
    statement holds what the winner wrote, with its one correction notice."""
    make_editor, make_reviewer = token_client(editor_user), token_client(reviewer_user)
    editor, reviewer = make_editor(), make_reviewer()
    for trial in range(10):
        proposal = propose(editor, world.claim, {"text": f"Proposed {trial}."}).json()
        approve = revisions_url(world.claim, proposal["id"], "approve")
        edit = {"text": f"Edited {trial}.", "correction_note": f"Edited {trial}."}
        etag = read(reviewer, world.claim)["ETag"]
        approved, edited = map(
            status_of,
            race(
                send(make_reviewer, "post", approve, data={"note": f"Approved {trial}."}),
                send(
                    make_reviewer,
                    "patch",
                    statement_url(world.claim),
                    data=edit,
                    format="json",
                    HTTP_IF_MATCH=etag,
                ),
            ),
        )
        assert sorted([approved, edited]) in ([200, 409], [200, 412]), (approved, edited)
        statement = read(reviewer, world.claim).json()
        if approved == 200:
            assert (statement["text"], edited) == (f"Proposed {trial}.", 412)
            assert statement["corrections"][-1]["note"] == f"Approved {trial}."
        else:
            assert (statement["text"], approved) == (f"Edited {trial}.", 409)
            assert statement["corrections"][-1]["note"] == f"Edited {trial}."
        assert len(statement["corrections"]) == trial + 1  # one for each trial: none lost
        status = Revision.objects.get(pk=proposal["id"]).status
        assert status == ("approved" if approved == 200 else "pending")


def test_a_proposal_never_reaches_search(world, editor, reviewer, anon):
    """It was checked by applying it and undoing that: the search documents are as before."""
    response = propose(editor, world.claim, {"text": "The zeppelins had left."})
    assert response.status_code == 202
    assert anon.get("/api/v1/search/", {"q": "zeppelins"}).json()["results"] == []
    reviewer.post(revisions_url(world.claim, response.json()["id"], "approve"), {"note": NOTE})
    hits = anon.get("/api/v1/search/", {"q": "zeppelins"}).json()["results"]
    assert [hit["statement"]["id"] for hit in hits] == [world.claim.pk]
    assert [c["note"] for c in hits[0]["statement"]["corrections"]] == [NOTE]


def test_a_new_statement_takes_no_correction_note(world, editor):
    response = editor.post(
        STATEMENTS, {"text": "New.", "correction_note": "Nothing to correct."}, format="json"
    )
    assert problem(response, 400)
    assert error_fields(response) == ["correction_note"]
