"""Corrections in the admin: an editor's save of a published statement's page is a revision;
a reviewer's needs a public note; a reviewer approves or rejects a revision on its page,
which shows what it would change."""

import pytest

from statements.models import Change, Correction, Revision
from tests.helpers import form_data, url

pytestmark = pytest.mark.django_db

NOTE = "Corrected the tense: the troops have left."


def edit_claim(client, world, **changes):
    page = client.get(url("statement", "change", world.claim.pk))
    assert page.status_code == 200
    return page, client.post(
        url("statement", "change", world.claim.pk), {**form_data(page), **changes}
    )


def test_an_editors_save_of_a_published_statement_is_a_revision(world, editor_site):
    page, response = edit_claim(editor_site, world, text="The troops have left.")
    assert "proposed to a reviewer" in page.content.decode()
    assert "correction_note" not in form_data(page)
    revision = Revision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("revision", "change", revision.pk)
    assert revision.proposed["text"] == "The troops have left."
    assert len(revision.proposed["attributions"]) == 2
    world.refresh()
    assert world.claim.text == "The troops had left."
    followed = editor_site.get(response["Location"])
    assert f"revision #{revision.pk}, waiting for a reviewer" in followed.content.decode()
    # The editor reads it, without the decision.
    assert "decision" not in form_data(followed)


def test_an_editors_unchanged_save_proposes_nothing(world, editor_site):
    edit_claim(editor_site, world)
    assert not Revision.objects.exists()


def test_an_editors_bad_change_is_shown_on_its_field_and_not_proposed(world, editor_site):
    page = editor_site.get(url("statement", "change", world.claim.pk))
    data = form_data(page)
    exact = next(k for k in data if k.startswith("attributions-0-quote_exact"))
    response = editor_site.post(
        url("statement", "change", world.claim.pk), {**data, exact: "never printed anywhere"}
    )
    assert response.status_code == 200
    assert "not found in the source body" in response.content.decode()
    assert not Revision.objects.exists()


def test_a_reviewers_save_of_a_published_statement_needs_a_note(world, reviewer_site):
    page, response = edit_claim(reviewer_site, world, text="The troops have left.")
    assert "correction_note" in form_data(page)
    assert response.status_code == 200
    assert "needs a public note" in response.content.decode()
    world.refresh()
    assert world.claim.text == "The troops had left."
    _, response = edit_claim(
        reviewer_site, world, text="The troops have left.", correction_note=NOTE
    )
    assert response.status_code == 302
    world.refresh()
    assert world.claim.text == "The troops have left."
    assert Correction.objects.get().note == NOTE
    kinds = Change.objects.filter(object_type="statement", object_id=world.claim.pk)
    assert kinds.latest("id").kind == "corrected"
    assert kinds.filter(kind="corrected").count() == 1  # one change for the whole page


def test_an_editors_change_of_a_published_attribution_is_a_revision(world, editor_site):
    attribution = world.claim.attributions.get(source=world.article)
    page = editor_site.get(url("attribution", "change", attribution.pk))
    response = editor_site.post(
        url("attribution", "change", attribution.pk), {**form_data(page), "verb": "claimed"}
    )
    revision = Revision.objects.get()
    assert response["Location"] == url("revision", "change", revision.pk)
    attribution.refresh_from_db()
    assert attribution.verb == "said"
    assert [item["verb"] for item in revision.proposed["attributions"]] == ["claimed", "said"]


def test_a_reviewers_change_of_a_published_attribution_needs_a_note(world, reviewer_site):
    attribution = world.claim.attributions.get(source=world.article)
    page = reviewer_site.get(url("attribution", "change", attribution.pk))
    data = {**form_data(page), "verb": "claimed"}
    response = reviewer_site.post(url("attribution", "change", attribution.pk), data)
    assert response.status_code == 200
    attribution.refresh_from_db()
    assert attribution.verb == "said"
    data["correction_note"] = NOTE
    response = reviewer_site.post(url("attribution", "change", attribution.pk), data)
    assert response.status_code == 302
    attribution.refresh_from_db()
    assert attribution.verb == "claimed"
    assert Correction.objects.get().note == NOTE


@pytest.fixture
def revision(world, editor_site):
    edit_claim(editor_site, world, text="The troops have now left.")
    return Revision.objects.get()


def test_the_revision_page_shows_what_it_changes(revision, reviewer_site):
    page = reviewer_site.get(url("revision", "change", revision.pk))
    html = page.content.decode()
    assert "<del>had</del>" in html
    assert "<ins>have now</ins>" in html
    assert form_data(page).get("decision") is None  # nothing chosen yet
    listing = reviewer_site.get(url("revision", "changelist"), {"status__exact": "pending"})
    assert list(listing.context["cl"].result_list) == [revision]
    listing = reviewer_site.get(url("revision", "changelist"), {"status__exact": "approved"})
    assert list(listing.context["cl"].result_list) == []


def test_a_reviewer_approves_a_revision_with_a_note(world, revision, reviewer_site):
    page = reviewer_site.get(url("revision", "change", revision.pk))
    decision = {**form_data(page), "decision": "approve"}
    response = reviewer_site.post(url("revision", "change", revision.pk), decision)
    assert response.status_code == 200
    assert "needs a public note" in response.content.decode()
    revision.refresh_from_db()
    assert revision.status == "pending"
    response = reviewer_site.post(
        url("revision", "change", revision.pk), {**decision, "note": NOTE}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    revision.refresh_from_db()
    world.refresh()
    assert (revision.status, world.claim.text) == ("approved", "The troops have now left.")
    assert Correction.objects.get().revision == revision
    # Decided: its page reads, it no longer decides.
    page = reviewer_site.get(url("revision", "change", revision.pk))
    assert "decision" not in form_data(page)
    assert NOTE in page.content.decode()


def test_a_reviewer_rejects_a_revision_with_a_reason(world, revision, reviewer_site):
    page = reviewer_site.get(url("revision", "change", revision.pk))
    decision = {**form_data(page), "decision": "reject"}
    response = reviewer_site.post(url("revision", "change", revision.pk), decision)
    assert "Say why" in response.content.decode()
    response = reviewer_site.post(
        url("revision", "change", revision.pk), {**decision, "reason": "Not in the source."}
    )
    assert response.status_code == 302
    revision.refresh_from_db()
    world.refresh()
    assert (revision.status, revision.rejection_reason) == ("rejected", "Not in the source.")
    assert world.claim.text == "The troops had left."


def test_a_stale_revision_is_refused_on_its_page(world, revision, reviewer_site):
    edit_claim(reviewer_site, world, topics=[], correction_note="Topics tidied.")
    page = reviewer_site.get(url("revision", "change", revision.pk))
    response = reviewer_site.post(
        url("revision", "change", revision.pk),
        {**form_data(page), "decision": "approve", "note": NOTE},
    )
    assert response.status_code == 200
    assert "changed after revision" in response.content.decode()
    revision.refresh_from_db()
    assert revision.status == "pending"


def test_editors_cannot_decide(revision, editor_site):
    page = editor_site.get(url("revision", "change", revision.pk))
    assert page.status_code == 200
    response = editor_site.post(
        url("revision", "change", revision.pk), {"decision": "approve", "note": NOTE}
    )
    assert response.status_code == 403
    revision.refresh_from_db()
    assert revision.status == "pending"


def test_the_revision_pages_cost_a_bounded_number_of_queries(
    world, revision, reviewer_site, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        assert reviewer_site.get(url("revision", "changelist")).status_code == 200
    with django_assert_max_num_queries(25):
        assert reviewer_site.get(url("revision", "change", revision.pk)).status_code == 200


def test_the_statement_page_lists_its_corrections(world, revision, reviewer_site):
    page = reviewer_site.get(url("revision", "change", revision.pk))
    reviewer_site.post(
        url("revision", "change", revision.pk),
        {**form_data(page), "decision": "approve", "note": NOTE},
    )
    html = reviewer_site.get(url("statement", "change", world.claim.pk)).content.decode()
    assert NOTE in html
    listed = f"{url('revision', 'changelist')}?statement__id__exact={world.claim.pk}"
    assert listed in html
    assert list(reviewer_site.get(listed).context["cl"].result_list) == [revision]
