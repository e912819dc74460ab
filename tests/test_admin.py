"""The curation admin: every page renders, lists search and filter, saves go through services."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.urls import reverse

from statements import services
from statements.choices import AttributionMode, SpeechAct, StatementStatus
from statements.models import Attribution, Relation, Source, Speaker, Statement, Topic
from tests.factories import BODY, AttributionFactory, SourceFactory, StatementFactory, add_rows
from tests.helpers import MODELS, form_data, listed, login, queries_for, url

HISTORY_MODELS = [model for model in MODELS if model != "topic"]  # topics keep no history


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Every page renders -------------------------------------------------------------------------

PAGES = [(model, view) for model in MODELS for view in ("changelist", "add", "change")] + [
    (model, "history") for model in HISTORY_MODELS
]


@pytest.mark.parametrize("user", ["admin_user", "editor_user", "reviewer_user"])
@pytest.mark.parametrize(("model", "view"), PAGES)
def test_page_renders(request, world, user, model, view):
    client = login(request.getfixturevalue(user))
    args = () if view in ("changelist", "add") else (world.sample(model).pk,)
    response = client.get(url(model, view, *args))
    assert response.status_code == 200, response.content


def test_history_page_lists_the_changes_with_their_user(world, editor_user, editor_site):
    page = editor_site.get(url("speaker", "change", world.minister.pk))
    data = {**form_data(page), "description": "Defence minister since 2022."}
    response = editor_site.post(url("speaker", "change", world.minister.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    record = world.minister.history.first()
    assert record.history_user == editor_user
    assert record.description == "Defence minister since 2022."
    history = editor_site.get(url("speaker", "history", world.minister.pk))
    assert history.status_code == 200
    assert editor_user.username in history.content.decode()


def test_retracted_statement_page_is_read_only(world, superuser):
    services.statement_retract(statement=world.denial, user=None, reason="Misreported.")
    response = superuser.get(url("statement", "change", world.denial.pk))
    assert response.status_code == 200
    assert response.context["title"] == "View statement"
    assert superuser.post(url("statement", "change", world.denial.pk), {}).status_code == 403


# --- Search and filters -------------------------------------------------------------------------

SEARCHES = [
    ("statement", "troops", ["claim", "denial"]),  # text, and quotes through attributions
    ("statement", "Roe", ["claim"]),  # the speaker's name
    ("statement", "nobody", ["draft"]),
    ("speaker", "Roe", ["minister"]),
    ("speaker", '"J. Roe"', ["minister"]),  # an alias only
    ("source", "Daily", ["article"]),
    ("source", "gov.example", ["briefing"]),  # the URL
    ("attribution", "denied", ["denial_attribution"]),  # the statement's text
    ("relation", "Officials denied", ["relation"]),
    ("topic", "bord", ["border"]),
]


@pytest.mark.parametrize(("model", "term", "expected"), SEARCHES)
def test_search(world, superuser, model, term, expected):
    response = superuser.get(url(model, "changelist"), {"q": term})
    assert listed(response) == {world.named(name) for name in expected}


FILTERS = [
    ("statement", {"status__exact": "draft"}, ["draft"]),
    ("statement", {"attributions__speaker__id__exact": "minister"}, ["claim"]),
    ("statement", {"attributions__source__id__exact": "article"}, ["claim", "denial"]),
    ("statement", {"attributions__speech_act__exact": "denial"}, ["denial"]),
    ("statement", {"topics__id__exact": "border"}, ["claim"]),
    ("attribution", {"mode__exact": "summary"}, ["denial_attribution", "draft_attribution"]),
    ("attribution", {"speech_act__exact": "warning"}, ["draft_attribution"]),
    ("attribution", {"speaker__kind__exact": "unnamed"}, ["denial_attribution"]),
    ("attribution", {"source__id__exact": "briefing"}, ["claim_in_briefing", "draft_attribution"]),
    ("attribution", {"statement__status__exact": "draft"}, ["draft_attribution"]),
    ("source", {"kind__exact": "press_briefing"}, ["briefing"]),
    ("source", {"status__exact": "current"}, ["article", "briefing"]),
    ("source", {"publisher": "Daily Example"}, ["article"]),
    ("source", {"language": "en"}, ["article", "briefing"]),
    ("speaker", {"kind__exact": "government"}, ["ministry"]),
    ("speaker", {"country": "GB"}, ["minister", "ministry"]),
    ("relation", {"kind__exact": "denies"}, ["relation"]),
    ("relation", {"kind__exact": "supports"}, []),
    ("topic", {"used": "yes"}, ["border", "troops"]),
    ("topic", {"used": "no"}, []),
]


@pytest.mark.parametrize(("model", "params", "expected"), FILTERS)
def test_list_filter(world, superuser, model, params, expected):
    # Ids are given by name in the table: "minister" stands for world.minister.pk.
    query = {
        key: world.named(value).pk if key.endswith("id__exact") else value
        for key, value in params.items()
    }
    response = superuser.get(url(model, "changelist"), query)
    assert listed(response) == {world.named(name) for name in expected}


@pytest.mark.parametrize("model", MODELS)
def test_every_list_filter_is_offered(world, superuser, model):
    response = superuser.get(url(model, "changelist"))
    model_admin = response.context["cl"].model_admin
    assert len(response.context["cl"].filter_specs) == len(model_admin.list_filter)
    assert model_admin.search_fields


# --- Autocomplete -------------------------------------------------------------------------------

AUTOCOMPLETES = [
    ("attribution", "speaker", "roe", "Jane Roe"),
    ("attribution", "on_behalf_of", "truth", "Ministry of Truth"),
    ("attribution", "source", "border", "Troops leave the border (Daily Example)"),
    ("attribution", "statement", "nobody", "A draft nobody outside may read."),
    ("relation", "to_statement", "denied", "Officials denied that the troops had left."),
    ("statement", "topics", "bord", "border"),
]


@pytest.mark.parametrize("user", ["admin_user", "editor_user"])
@pytest.mark.parametrize(("model", "field", "term", "expected"), AUTOCOMPLETES)
def test_autocomplete(request, world, user, model, field, term, expected):
    client = login(request.getfixturevalue(user))
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "statements", "model_name": model, "field_name": field, "term": term},
    )
    assert response.status_code == 200, response.content
    assert [result["text"] for result in response.json()["results"]] == [expected]


# --- Quotes -------------------------------------------------------------------------------------


def test_attribution_page_highlights_the_quote_in_its_source(world, superuser):
    attribution = world.claim.attributions.get(source=world.article)
    response = superuser.get(url("attribution", "change", attribution.pk))
    page = response.content.decode()
    assert "<mark>The minister said the troops had left</mark>. Officials denied it." in page


def test_highlight_escapes_the_source_text(world, superuser):
    source = SourceFactory(
        title="Markup",
        url="https://news.example/markup",
        body='Before <script>alert("x")</script> the <b>quoted</b> words & after.',
    )
    attribution = AttributionFactory(
        statement=world.draft,
        speaker=world.officials,
        source=source,
        mode=AttributionMode.DIRECT_QUOTE,
        quote_exact="the <b>quoted</b> words",
    )
    for page_url in (
        url("attribution", "change", attribution.pk),
        url("source", "change", source.pk),
        url("statement", "change", world.draft.pk),
    ):
        page = superuser.get(page_url).content.decode()
        assert "<mark>the &lt;b&gt;quoted&lt;/b&gt; words</mark> &amp; after." in page
        assert "<script>alert" not in page


def test_source_page_lists_its_quotes_highlighted(world, superuser):
    page = superuser.get(url("source", "change", world.article.pk)).content.decode()
    assert "<mark>The minister said the troops had left</mark>" in page
    assert "<mark>Officials denied it.</mark>" in page


def test_statement_page_highlights_quotes_and_links_speakers_statements(world, superuser):
    page = superuser.get(url("statement", "change", world.claim.pk)).content.decode()
    assert "<mark>The minister said the troops had left</mark>" in page
    speaker_statements = (
        f"{url('statement', 'changelist')}?attributions__speaker__id__exact={world.minister.pk}"
    )
    assert speaker_statements in page
    assert f"#{world.denial.pk} Officials denied that the troops had left.</a> denies" in page


def attribution_data(world, **overrides) -> dict:
    return {
        "statement": world.draft.pk,
        "speaker": world.officials.pk,
        "source": world.article.pk,
        "mode": AttributionMode.PARAPHRASE,
        "speech_act": SpeechAct.ASSERTION,
        "quote_exact": "words nobody wrote",
        "quote_prefix": "",
        "quote_suffix": "",
        **overrides,
    }


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"quote_exact": "words nobody wrote"}, "quote_exact", "not found"),
        ({"quote_exact": "The minister said the troops had left"}, "quote_exact", "ambiguous"),
        (
            {"quote_exact": "Officials denied it", "quote_suffix": "!"},
            "quote_suffix",
            "never with this prefix and suffix",
        ),
        # Rules only the service checks come back on the form too.
        ({"mode": "direct_quote", "quote_exact": ""}, "quote_exact", "needs its exact words"),
        (
            {"on_behalf_of": "officials", "quote_exact": ""},
            "on_behalf_of",
            "does not speak on their own behalf",
        ),
    ],
)
def test_adding_an_attribution_the_services_refuse_saves_nothing(
    world, superuser, overrides, field, message
):
    if overrides.get("on_behalf_of") == "officials":
        overrides = {**overrides, "on_behalf_of": world.officials.pk}
    before = Attribution.objects.count()
    response = superuser.post(url("attribution", "add"), attribution_data(world, **overrides))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors[field]), errors
    assert Attribution.objects.count() == before


def test_adding_an_attribution_anchors_its_quote(world, superuser, admin_user):
    data = attribution_data(
        world, quote_exact="The minister said the troops had left", quote_suffix=", again"
    )
    response = superuser.post(url("attribution", "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    attribution = Attribution.objects.get(statement=world.draft, source=world.article)
    start = BODY.index("The minister said the troops had left, again")
    assert (attribution.quote_start, attribution.quote_end) == (start, start + 37)
    assert attribution.history.get().history_user == admin_user


def test_inline_attribution_with_an_absent_quote_saves_nothing(world, superuser):
    page = superuser.get(url("statement", "change", world.draft.pk))
    data = form_data(page)
    data["text"] = "An edited draft."
    prefix = "attributions"
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    new = attribution_data(world)
    del new["statement"]
    data.update({f"{prefix}-{index}-{name}": value for name, value in new.items()})
    response = superuser.post(url("statement", "change", world.draft.pk), data)
    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert "not found" in " ".join(formset.forms[index].errors["quote_exact"])
    world.refresh()
    assert world.draft.text == "A draft nobody outside may read."
    assert world.draft.attributions.count() == 1


def test_adding_a_statement_with_an_attribution_inline(world, superuser, admin_user):
    page = superuser.get(url("statement", "add"))
    data = form_data(page)
    data.update(
        {
            "text": "Officials denied it.",
            "language": "en",
            "topics": [Topic.objects.get(slug="troops").pk],
            **{
                f"attributions-0-{name}": value
                for name, value in attribution_data(world, quote_exact="Officials denied").items()
                if name != "statement"
            },
            "relations_out-TOTAL_FORMS": "1",
            "relations_out-0-kind": "same_claim",
            "relations_out-0-to_statement": world.denial.pk,
        }
    )
    response = superuser.post(url("statement", "add"), data)
    assert response.status_code == 302, response.context["errors"]
    statement = Statement.objects.get(text="Officials denied it.")
    attribution = statement.attributions.get()
    assert attribution.quote_start == BODY.index("Officials denied")
    assert list(statement.topics.values_list("slug", flat=True)) == ["troops"]
    assert statement.relations_out.get().to_statement == world.denial
    assert {record.history_user for record in statement.history.all()} == {admin_user}
    assert attribution.history.get().history_user == admin_user


def test_a_body_that_loses_a_quote_orphans_it(world, superuser):
    page = superuser.get(url("source", "change", world.article.pk))
    data = {**form_data(page), "body": "A different text altogether."}
    response = superuser.post(url("source", "change", world.article.pk), data)
    assert response.status_code == 302
    world.article.refresh_from_db()
    assert world.article.body == "A different text altogether."
    statuses = set(world.article.attributions.exclude(quote_exact="").values_list("quote_status"))
    assert statuses == {("orphaned",)}
    lost = len(world.article.attributions.exclude(quote_exact=""))
    warnings = [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert f"0 re-anchored to their passage's new words; {lost} orphaned" in warnings[0]


def test_a_corrected_body_moves_the_quotes(world, superuser):
    page = superuser.get(url("source", "change", world.article.pk))
    body = "Correction appended.\r\n" + BODY.replace("\n", "\r\n")
    response = superuser.post(
        url("source", "change", world.article.pk), {**form_data(page), "body": body}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    world.article.refresh_from_db()
    assert world.article.body == "Correction appended.\n" + BODY  # the browser's CRLF undone
    attribution = world.denial.attributions.get()
    assert attribution.quote_start == world.article.body.index("Officials denied it.")


def test_source_url_is_normalized(db, superuser):
    response = superuser.post(
        url("source", "add"),
        {
            "title": "Tracked",
            "url": "HTTPS://News.Example:443/story?utm_source=feed&id=7#top",
            "kind": "news_article",
            "status": "current",
            "language": "en",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Source.objects.get(title="Tracked").url == "https://news.example/story?id=7"


# --- Workflow: publish, retract, delete ---------------------------------------------------------


def action(client, name: str, *statements, **extra):
    data = {"action": name, "_selected_action": [s.pk for s in statements], "index": 0}
    return client.post(url("statement", "changelist"), {**data, **extra})


def action_names(client) -> set[str]:
    response = client.get(url("statement", "changelist"))
    return {name for name, _ in response.context["action_form"].fields["action"].choices}


def test_actions_offered_by_role(world, superuser, editor_site, reviewer_site):
    assert {"publish", "retract", "delete_selected"} <= action_names(reviewer_site)
    assert {"publish", "retract"} <= action_names(superuser)
    assert action_names(editor_site) == {"", "delete_selected"}


def test_reviewer_publishes(world, reviewer_site, reviewer_user):
    response = action(reviewer_site, "publish", world.draft)
    assert response.status_code == 302
    world.refresh()
    assert world.draft.status == StatementStatus.PUBLISHED
    assert world.draft.history.first().history_user == reviewer_user
    assert LogEntry.objects.filter(object_id=str(world.draft.pk), user=reviewer_user).exists()


def test_editor_cannot_publish(world, editor_site):
    action(editor_site, "publish", world.draft)
    world.refresh()
    assert world.draft.status == StatementStatus.DRAFT
    page = editor_site.get(url("statement", "change", world.draft.pk)).content.decode()
    assert 'value="publish"' not in page


def test_publish_button_on_the_draft_page_returns_there(world, reviewer_site):
    page = reviewer_site.get(url("statement", "change", world.draft.pk)).content.decode()
    assert 'value="publish"' in page
    response = action(reviewer_site, "publish", world.draft, _from_change="1")
    assert response.status_code == 302
    assert response["Location"] == url("statement", "change", world.draft.pk)


def test_publishing_what_the_workflow_forbids_says_why(world, reviewer_site):
    lonely = StatementFactory(text="No one said this.")
    response = action(reviewer_site, "publish", lonely, world.claim)
    assert response.status_code == 302
    text = " ".join(messages_of(response))
    assert "at least one attribution" in text
    assert "Only a draft can be published" in text
    lonely.refresh_from_db()
    assert lonely.status == StatementStatus.DRAFT


def test_reviewer_retracts_with_a_reason(world, reviewer_site, reviewer_user):
    confirm = action(reviewer_site, "retract", world.claim, world.draft)
    assert confirm.status_code == 200
    assert "admin/statements/statement/retract.html" in [t.name for t in confirm.templates]
    assert [s.pk for s in confirm.context["retractable"]] == [world.claim.pk]
    assert [s.pk for s in confirm.context["skipped"]] == [world.draft.pk]

    data = {
        "action": "retract",
        "_selected_action": [world.claim.pk, world.draft.pk],
        "reason": "The ministry corrected the record.",
        "apply": "Retract",
    }
    response = reviewer_site.post(url("statement", "changelist"), data)
    assert response.status_code == 302
    world.refresh()
    assert world.claim.status == StatementStatus.RETRACTED
    assert world.claim.retraction_reason == "The ministry corrected the record."
    assert world.claim.history.first().history_user == reviewer_user
    assert world.draft.status == StatementStatus.DRAFT


def test_retract_button_on_the_statement_page(world, reviewer_site):
    page = reviewer_site.get(url("statement", "change", world.claim.pk)).content.decode()
    assert 'value="retract"' in page
    confirm = action(reviewer_site, "retract", world.claim, _from_change="1")
    assert confirm.status_code == 200
    assert 'name="_from_change"' in confirm.content.decode()
    data = {
        "action": "retract",
        "_selected_action": [world.claim.pk],
        "reason": "Misattributed.",
        "apply": "Retract",
        "_from_change": "1",
    }
    response = reviewer_site.post(url("statement", "changelist"), data)
    assert response.status_code == 302
    assert response["Location"] == url("statement", "change", world.claim.pk)
    world.refresh()
    assert world.claim.status == StatementStatus.RETRACTED


def test_retracting_needs_a_reason(world, reviewer_site):
    data = {"action": "retract", "_selected_action": [world.claim.pk], "reason": " ", "apply": "1"}
    response = reviewer_site.post(url("statement", "changelist"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    world.refresh()
    assert world.claim.status == StatementStatus.PUBLISHED


def test_editor_cannot_retract(world, editor_site):
    data = {"action": "retract", "_selected_action": [world.claim.pk], "reason": "x", "apply": "1"}
    editor_site.post(url("statement", "changelist"), data)
    world.refresh()
    assert world.claim.status == StatementStatus.PUBLISHED


def test_deleting_a_published_statement_is_refused(world, superuser):
    assert superuser.get(url("statement", "delete", world.claim.pk)).status_code == 403
    assert superuser.post(url("statement", "delete", world.claim.pk), {"post": "yes"}).status_code
    assert Statement.objects.filter(pk=world.claim.pk).exists()


def test_bulk_delete_refuses_when_anything_is_published(world, superuser):
    response = action(superuser, "delete_selected", world.claim, world.draft, post="yes")
    assert response.status_code == 302
    assert "Only drafts can be deleted" in " ".join(messages_of(response))
    assert Statement.objects.filter(pk__in=[world.claim.pk, world.draft.pk]).count() == 2


def test_drafts_can_be_deleted(world, editor_site, editor_user):
    response = editor_site.post(url("statement", "delete", world.draft.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Statement.objects.filter(pk=world.draft.pk).exists()
    assert Statement.history.filter(id=world.draft.pk, history_type="-").get().history_user == (
        editor_user
    )


def test_bulk_delete_of_drafts(world, superuser):
    other = StatementFactory(text="Another draft.")
    response = action(superuser, "delete_selected", world.draft, other, post="yes")
    assert response.status_code == 302
    assert not Statement.objects.filter(pk__in=[world.draft.pk, other.pk]).exists()


def test_attributions_of_published_statements_cannot_be_deleted(world, superuser):
    page = superuser.get(url("statement", "change", world.claim.pk))
    assert not page.context["inline_admin_formsets"][0].has_delete_permission
    attribution = world.claim.attributions.first()
    assert superuser.get(url("attribution", "delete", attribution.pk)).status_code == 403
    draft_page = superuser.get(url("statement", "change", world.draft.pk))
    assert draft_page.context["inline_admin_formsets"][0].has_delete_permission


def test_a_speaker_with_statements_cannot_be_deleted(world, superuser):
    response = superuser.post(url("speaker", "delete", world.minister.pk), {"post": "yes"})
    assert response.status_code == 200  # the page explaining what protects it
    assert Speaker.objects.filter(pk=world.minister.pk).exists()


# --- Query counts -------------------------------------------------------------------------------

# Queries for a superuser's list: session and user, the count, the page, one per prefetched
# relation and one per list filter or date drill-down that lists choices from the database.
CHANGELIST_BUDGETS = {
    "speaker": 6,
    "source": 9,
    "topic": 5,
    "statement": 12,
    "attribution": 8,
    "relation": 7,
}
EDITOR_OVERHEAD = 2  # the permission checks of a user who is not a superuser


@pytest.mark.parametrize("model", MODELS)
def test_changelist_queries_do_not_grow_with_rows(
    world, superuser, model, django_assert_max_num_queries
):
    page_url = url(model, "changelist")
    few = queries_for(superuser, page_url)
    add_rows(world, 12)
    many = queries_for(superuser, page_url)
    assert many == few
    with django_assert_max_num_queries(CHANGELIST_BUDGETS[model]):
        superuser.get(page_url)


@pytest.mark.parametrize("model", MODELS)
def test_filtered_changelist_queries_are_bounded(
    world, editor_site, model, django_assert_max_num_queries
):
    add_rows(world, 12)
    with django_assert_max_num_queries(CHANGELIST_BUDGETS[model] + EDITOR_OVERHEAD + 1):
        # + 1: a filtered list also counts the unfiltered total
        response = editor_site.get(url(model, "changelist"), {"q": "number"})
    assert response.status_code == 200


# --- Other rules that hold in the admin as in the API -----------------------------------------


def test_a_statement_cannot_relate_to_itself(world, superuser):
    data = {"from_statement": world.claim.pk, "to_statement": world.claim.pk, "kind": "supports"}
    response = superuser.post(url("relation", "add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert Relation.objects.count() == 1


def test_an_attribution_stays_with_its_statement(world, superuser):
    attribution = world.draft.attributions.get()
    page = superuser.get(url("attribution", "change", attribution.pk))
    data = {**form_data(page), "statement": world.claim.pk, "verb": "warned"}
    response = superuser.post(url("attribution", "change", attribution.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    attribution.refresh_from_db()
    assert (attribution.statement_id, attribution.verb) == (world.draft.pk, "warned")


# --- Two editors, one object --------------------------------------------------------------------


def test_a_stale_admin_save_is_refused(world, editor_user, reviewer_user):
    first, second = login(editor_user), login(reviewer_user)
    page = url("statement", "change", world.draft.pk)
    first_form, second_form = form_data(first.get(page)), form_data(second.get(page))

    saved = first.post(page, {**first_form, "text": "The first editor's text."})
    assert saved.status_code == 302
    refused = second.post(page, {**second_form, "text": "The second editor's text."})
    assert refused.status_code == 200
    assert "Someone else saved this statement after you opened it" in refused.content.decode()
    world.draft.refresh_from_db()
    assert world.draft.text == "The first editor's text."

    # Reloading gives the current version, which saves.
    again = second.post(page, {**form_data(second.get(page)), "text": "Second, after reload."})
    assert again.status_code == 302
    world.draft.refresh_from_db()
    assert world.draft.text == "Second, after reload."


def test_an_inline_change_elsewhere_makes_the_statement_page_stale(world, editor_user, editor):
    client = login(editor_user)
    page = url("statement", "change", world.draft.pk)
    data = form_data(client.get(page))
    attribution = world.draft.attributions.get()
    editor.patch(f"/api/v1/attributions/{attribution.pk}/", {"verb": "warned"}, format="json")
    refused = client.post(page, {**data, "text": "Based on the old page."})
    assert refused.status_code == 200
    assert "Someone else saved" in refused.content.decode()


def test_history_revert_is_not_mistaken_for_a_stale_edit(world, superuser):
    page = url("speaker", "change", world.officials.pk)
    superuser.post(page, {**form_data(superuser.get(page)), "description": "Changed."})
    first_version = world.officials.history.order_by("history_date").first()
    revert = reverse(
        "admin:statements_speaker_simple_history",
        args=[world.officials.pk, first_version.history_id],
    )
    response = superuser.post(revert, form_data(superuser.get(revert)))
    assert response.status_code == 302, response.content.decode()[:2000]
    world.officials.refresh_from_db()
    assert world.officials.description == ""


def test_the_statements_list_shows_sources_stated_date_and_a_coloured_status(world, superuser):
    html = superuser.get(url("statement", "changelist")).content.decode()
    row = html.split(f'href="/admin/statements/statement/{world.claim.pk}/change/', 1)[1]
    row = row.split("</tr>", 1)[0]
    assert world.article.publisher in row
    assert world.briefing.publisher in row
    assert "2023-05-01" in row  # the earliest of its attributions' dates
    assert '<span class="status status-published">Published</span>' in row
    draft = html.split(f'href="/admin/statements/statement/{world.draft.pk}/change/', 1)[1]
    draft = draft.split("</tr>", 1)[0]
    assert '<span class="status status-draft">Draft</span>' in draft
    # No date stated: its sources' earliest publication, marked as such.
    published = min(a.source.published_at for a in world.draft.attributions.all())
    assert f"<i title='published'>{published.date().isoformat()}</i>" in draft


def test_a_statements_history_shows_its_attributions_changes(
    world, superuser, editor_user, django_assert_max_num_queries
):
    attribution = world.claim.attributions.get(source=world.briefing)
    services.attribution_update(
        attribution=attribution,
        user=editor_user,
        verb="stated",
        speech_act=SpeechAct.WARNING,
        correction_note="A warning, not an assertion.",
    )
    with django_assert_max_num_queries(20):
        response = superuser.get(url("statement", "history", world.claim.pk))
    assert response.status_code == 200
    section = response.content.decode().split("Its attributions' changes", 1)[1]
    assert f"#{attribution.pk} {world.minister.name}, in {world.briefing.title}" in section
    assert "verb: said → stated" in section
    assert "speech_act: assertion → warning" in section
    assert editor_user.username in section
    # Its creation is there too, the speaker and source by name.
    assert f"speaker: - → {world.minister.name}" in section
    # Another statement's attributions are not.
    denial = world.denial.attributions.first()
    assert f"#{denial.pk} " not in section


@pytest.mark.parametrize("object_id", ["1/change", "x", "9" * 30])
def test_a_history_page_of_no_object_is_not_found(world, superuser, object_id):
    path = f"/admin/statements/statement/{object_id}/history/"
    assert superuser.get(path).status_code == 404
