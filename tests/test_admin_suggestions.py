"""The suggestions in the admin: the panel (accept, edit-then-accept, reject) and "paste an
article", through the services the API answers with."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.template import RequestContext, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from statements.admin.suggestions import NOT_OPEN, SuggestionEditForm, panel_url
from statements.models import Attribution, Source, Speaker, Statement, SuggestionDecision
from statements.roles import GROUP_PERMISSIONS
from statements.suggestions.selectors import open_suggestions
from statements.templatetags.suggestions_admin import not_yet_loaded
from tests.factories import SourceFactory, UserFactory
from tests.helpers import login, url

pytestmark = pytest.mark.django_db

KIRBY = 3
KIRBY_KEY = "a71ce76d89e6e3bdd024"  # "John Kirby stated that these soldiers arrived …"
REPORTS_KEY = "fffb7aac32469efeb044"  # "Unattributed reports": a speaker proposed as new
ARTICLE = (
    "Ministers met in Brussels on Monday. “We will not raise taxes this year,” said Maria "
    "Lopez, the finance minister. The opposition denied that the budget was balanced."
)
# A page of the panel, whatever the number of suggestions: the session, the user, their
# permissions (two), the source, the decisions, the quotes it attributes, the speakers.
PANEL_BUDGET = 8
# Accepting, with a new speaker: the suggestions, the lock and the check, the speaker, the
# statement and its attribution with their histories, the search document, the change
# feed's rows of the speaker and the statement, the decision, the log entry, and the
# attribution read back for the message.
ACCEPT_BUDGET = 34


@pytest.fixture
def article(seed) -> int:
    """The seed article's text as a new source, none of its quotes attributed yet (the
    seed's own source is attributed in full, so little in it is suggested)."""
    seed_source = Source.objects.get(pk=1)
    return SourceFactory(title=seed_source.title, body=seed_source.body).pk


def suggestions_page(source: int) -> str:
    return reverse("admin:statements_source_suggestions", args=[source])


def answer_url(key: str, answer: str, source: int) -> str:
    return reverse(f"admin:statements_source_suggestion_{answer}", args=[source, key])


def paste_url() -> str:
    return reverse("admin:statements_source_paste")


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def listed_keys(page: str) -> list[str]:
    return re.findall(r'<li class="suggestion" id="suggestion-(\w+)">', page)


def card(page: str, key: str) -> str:
    """The panel's item of one suggestion."""
    start = page.index(f'<li class="suggestion" id="suggestion-{key}">')
    ends = (page.find('<li class="suggestion"', start + 1), page.index("</ol>", start))
    return page[start : min(end for end in ends if end != -1)]


def counts() -> tuple[int, ...]:
    return (
        Statement.objects.count(),
        Attribution.objects.count(),
        Speaker.objects.count(),
        SuggestionDecision.objects.count(),
    )


@pytest.fixture
def viewer_user(db):
    """Staff who may only look: the view permissions of the editorial models."""
    user = UserFactory(username="vera")
    user.is_staff = True
    user.save()
    views = [codename for codename in GROUP_PERMISSIONS["editors"] if codename.startswith("view_")]
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="statements", codename__in=views)
    )
    return user


@pytest.fixture
def viewer_site(viewer_user):
    return login(viewer_user)


# --- The panel ----------------------------------------------------------------------------------


def test_panel_lists_the_open_suggestions_with_their_answers(article, editor_site):
    response = editor_site.get(suggestions_page(article))
    assert response.status_code == 200
    page = response.content.decode()
    suggestions = {s.key: s for s in open_suggestions(Source.objects.get(pk=article))}
    assert len(suggestions) > 10
    assert listed_keys(page) == list(suggestions)
    sure = f"{round(suggestions[KIRBY_KEY].confidence * 100)}% sure"
    kirby = card(page, KIRBY_KEY)
    assert '<span class="suggestion-speaker">John Kirby</span>' in kirby
    for shown in ("Paraphrase", "Assertion", "stated</li>", sure):
        assert shown in kirby
    assert "<mark>White House national security spokesman John Kirby stated" in kirby
    assert kirby.count('type="submit"') == 3  # Accept, Reject, and Accept with these changes
    # The edit form starts from the suggestion.
    assert re.search(rf'name="verb" value="stated"[^>]*id="id_suggestion_{KIRBY_KEY}_verb"', kirby)
    assert re.search(r'<option value="paraphrase" selected>', kirby)
    assert 'data-placeholder="John Kirby"' in kirby
    assert "new: Unattributed reports (unnamed)" in page
    # The autocomplete's scripts, for the speaker field, served locally.
    assert "admin/js/autocomplete.js" in page
    assert "statements/suggestions.css" in page


def test_the_panel_tag_renders_where_it_is_placed(article, editor_user, viewer_user):
    source = Source.objects.get(pk=article)
    template = Template("{% load suggestions_admin %}{% suggestions_panel source %}")

    def render(user) -> str:
        request = RequestFactory().get("/admin/statements/source/1/reading/")
        request.user = user
        return template.render(RequestContext(request, {"source": source}))

    page = render(editor_user)
    assert 'id="suggestions"' in page
    assert 'name="next" value="/admin/statements/source/1/reading/"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert KIRBY_KEY in listed_keys(page)
    # Read-only for those who may not write statements: no buttons, no scripts.
    read_only = render(viewer_user)
    assert listed_keys(read_only) == listed_keys(page)
    assert 'type="submit"' not in read_only
    assert "autocomplete.js" not in read_only


def test_the_panel_leaves_out_the_scripts_the_page_loads_already():
    panel = SuggestionEditForm().media
    assert "autocomplete.js" in not_yet_loaded(panel, None)
    assert "autocomplete.js" not in not_yet_loaded(panel, panel)


def test_a_source_without_open_suggestions_says_so(editor_site):
    source = SourceFactory(body="Nothing was said here.")
    page = editor_site.get(suggestions_page(source.pk)).content.decode()
    assert "No open suggestions" in page
    empty = SourceFactory()
    assert (
        "no text to read suggestions from"
        in editor_site.get(suggestions_page(empty.pk)).content.decode()
    )


def test_an_unknown_source_is_404(article, editor_site):
    assert editor_site.get(suggestions_page(999)).status_code == 404
    assert editor_site.get("/admin/statements/source/x/suggestions/").status_code == 404
    assert editor_site.post(answer_url(KIRBY_KEY, "accept", 999)).status_code == 404
    assert editor_site.get(f"/admin/statements/source/{2**70}/suggestions/").status_code == 404


def test_panel_query_count_is_bounded_whatever_the_number_of_suggestions(
    article, editor_site, django_assert_max_num_queries
):
    small = SourceFactory(body=ARTICLE)
    for source in (small.pk, article):
        with django_assert_max_num_queries(PANEL_BUDGET):
            assert editor_site.get(suggestions_page(source)).status_code == 200


# --- Accepting ----------------------------------------------------------------------------------


def test_accept_creates_one_draft_anchored_and_returns_to_the_panel(article, editor_site):
    statements, attributions, speakers, _ = counts()
    back = suggestions_page(article)
    response = editor_site.post(answer_url(KIRBY_KEY, "accept", article), {"next": back})
    assert response.status_code == 302
    assert response["Location"] == f"{back}#suggestions"
    assert counts()[:3] == (statements + 1, attributions + 1, speakers)
    statement = Statement.objects.latest("pk")
    assert statement.status == "draft"
    attribution = statement.attributions.get()
    assert (attribution.speaker_id, attribution.source_id) == (KIRBY, article)
    assert (attribution.quote_start, attribution.quote_end) == (585, 704)
    assert attribution.quote_exact.startswith("White House national security spokesman")
    assert (attribution.mode, attribution.speech_act, attribution.verb) == (
        "paraphrase",
        "assertion",
        "stated",
    )
    (message,) = messages_of(response)
    assert message.startswith("Accepted: the draft statement <a href=")
    assert url("statement", "change", statement.pk) in message
    assert SuggestionDecision.objects.get(key=KIRBY_KEY).statement == statement
    assert KIRBY_KEY not in listed_keys(editor_site.get(back).content.decode())


def test_accept_creates_the_proposed_speaker(article, editor_site):
    response = editor_site.post(answer_url(REPORTS_KEY, "accept", article))
    assert response.status_code == 302
    speaker = Statement.objects.latest("pk").attributions.get().speaker
    assert (speaker.name, speaker.kind) == ("Unattributed reports", "unnamed")


def test_edit_then_accept_applies_the_edits(article, editor_site):
    speakers = Speaker.objects.count()
    edits = {
        "text": "Reports say the troops are training in Russia.",
        "speaker": KIRBY,
        "mode": "summary",
        "speech_act": "warning",
        "verb": "warned",
        "speaker_role": "White House spokesman",
        "occasion": "press briefing",
        "stated_on": "2024-10-23",
    }
    response = editor_site.post(answer_url(REPORTS_KEY, "accept", article), edits)
    assert response.status_code == 302, messages_of(response)
    statement = Statement.objects.latest("pk")
    assert statement.text == "Reports say the troops are training in Russia."
    attribution = statement.attributions.get()
    assert attribution.speaker_id == KIRBY
    assert Speaker.objects.count() == speakers  # the proposed speaker is not created
    assert (attribution.mode, attribution.speech_act, attribution.verb) == (
        "summary",
        "warning",
        "warned",
    )
    assert attribution.speaker_role == "White House spokesman"
    assert attribution.occasion == "press briefing"
    assert attribution.stated_on.isoformat() == "2024-10-23"


def test_an_empty_speaker_keeps_the_suggested_one(article, editor_site):
    response = editor_site.post(
        answer_url(KIRBY_KEY, "accept", article), {"speaker": "", "verb": "said"}
    )
    assert response.status_code == 302
    attribution = Statement.objects.latest("pk").attributions.get()
    assert (attribution.speaker_id, attribution.verb) == (KIRBY, "said")


@pytest.mark.parametrize(
    ("edits", "words"),
    [
        ({"mode": "shouted"}, "Mode: Select a valid choice"),
        ({"speaker": 999999}, "Speaker: Select a valid choice"),
        ({"verb": "x" * 61}, "Verb: Ensure this value has at most 60 characters"),
        ({"stated_on": "yesterday"}, "Stated on: Enter a valid date"),
        # A rule the service checks: one does not speak on one's own behalf.
        ({"on_behalf_of": KIRBY}, "On behalf of:"),
    ],
)
def test_a_refused_edit_is_an_error_message_and_saves_nothing(article, editor_site, edits, words):
    before = counts()
    response = editor_site.post(answer_url(KIRBY_KEY, "accept", article), edits)
    assert response.status_code == 302
    (message,) = messages_of(response)
    assert message.startswith("Nothing was saved.")
    assert words in message, message
    assert counts() == before
    assert KIRBY_KEY in listed_keys(editor_site.get(suggestions_page(article)).content.decode())


def test_a_second_accept_is_an_error_and_one_statement(article, editor_site):
    statements = Statement.objects.count()
    editor_site.post(answer_url(KIRBY_KEY, "accept", article), follow=True)  # its message read
    response = editor_site.post(answer_url(KIRBY_KEY, "accept", article))
    assert messages_of(response) == [NOT_OPEN]
    assert Statement.objects.count() == statements + 1
    response = editor_site.post(answer_url(KIRBY_KEY, "reject", article))
    assert messages_of(response)[-1] == NOT_OPEN
    assert SuggestionDecision.objects.get(key=KIRBY_KEY).decision == "accepted"


def test_answers_return_only_to_a_page_of_this_site(article, editor_site):
    response = editor_site.post(
        answer_url(KIRBY_KEY, "reject", article), {"next": "https://evil.example/"}
    )
    assert response["Location"] == f"{panel_url(article)}#suggestions"


def test_answers_are_posts(article, editor_site):
    assert editor_site.get(answer_url(KIRBY_KEY, "accept", article)).status_code == 405
    assert editor_site.get(answer_url(KIRBY_KEY, "reject", article)).status_code == 405
    assert not SuggestionDecision.objects.exists()


def test_answers_need_the_pages_csrf_token(article, editor_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_user)
    for answer in ("accept", "reject"):
        assert client.post(answer_url(KIRBY_KEY, answer, article)).status_code == 403
    assert client.post(paste_url(), paste_data()).status_code == 403
    assert not SuggestionDecision.objects.exists()


def test_answers_stay_within_a_query_budget(article, editor_site, django_assert_max_num_queries):
    # The source's lock, the check for an answer, the answer and the savepoint.
    with django_assert_max_num_queries(PANEL_BUDGET + 5):
        editor_site.post(answer_url(KIRBY_KEY, "reject", article))
    with django_assert_max_num_queries(ACCEPT_BUDGET):
        editor_site.post(answer_url(REPORTS_KEY, "accept", article))
    assert SuggestionDecision.objects.count() == 2


# --- Rejecting ----------------------------------------------------------------------------------


def test_reject_is_remembered_and_saves_no_statement(article, editor_site, reviewer_site):
    before = counts()
    response = editor_site.post(
        answer_url(KIRBY_KEY, "reject", article), {"next": suggestions_page(article)}
    )
    assert response["Location"] == f"{suggestions_page(article)}#suggestions"
    (message,) = messages_of(response)
    assert message.startswith("Rejected: “White House national security spokesman")
    assert counts()[:3] == before[:3]
    decision = SuggestionDecision.objects.get(key=KIRBY_KEY)
    assert (decision.decision, decision.statement) == ("rejected", None)
    assert KIRBY_KEY not in listed_keys(
        reviewer_site.get(suggestions_page(article)).content.decode()
    )


# --- Who may answer -----------------------------------------------------------------------------


def test_staff_who_may_only_view_see_the_list_and_cannot_answer(article, viewer_site):
    page = viewer_site.get(suggestions_page(article)).content.decode()
    assert KIRBY_KEY in listed_keys(page)
    assert 'type="submit"' not in page.split('id="suggestions"')[1]
    for answer in ("accept", "reject"):
        assert viewer_site.post(answer_url(KIRBY_KEY, answer, article)).status_code == 403
    assert viewer_site.get(paste_url()).status_code == 403
    assert viewer_site.post(paste_url(), paste_data()).status_code == 403
    assert "Paste an article" not in viewer_site.get(url("source", "changelist")).content.decode()
    assert not SuggestionDecision.objects.exists()
    assert not Source.objects.filter(title="Budget talks").exists()


def test_the_public_is_sent_to_sign_in(article, client):
    for response in (
        client.get(suggestions_page(article)),
        client.post(answer_url(KIRBY_KEY, "accept", article)),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    assert not SuggestionDecision.objects.exists()


# --- Paste an article ---------------------------------------------------------------------------


def paste_data(**fields) -> dict:
    return {
        "title": "Budget talks",
        "url": "HTTPS://News.Example/budget?utm_source=x",
        "publisher": "Example News",
        "published_at": "2024-10-24",
        "body": ARTICLE.replace("\n", "\r\n"),
        **fields,
    }


def test_the_sources_list_offers_paste_an_article(editor_site):
    page = editor_site.get(url("source", "changelist")).content.decode()
    assert f'<a href="{paste_url()}" class="addlink">Paste an article</a>' in page


def test_paste_form_renders(editor_site):
    response = editor_site.get(paste_url())
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("title", "url", "publisher", "published_at", "body"):
        assert f'name="{name}"' in page
    assert 'name="kind"' not in page


def test_paste_creates_the_source_and_opens_its_suggestions(editor_site, editor_user):
    response = editor_site.post(paste_url(), paste_data())
    source = Source.objects.get(title="Budget talks")
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert response["Location"] == f"{panel_url(source.pk)}#suggestions"
    assert source.url == "https://news.example/budget"  # as the source form normalizes it
    assert source.body == ARTICLE
    assert source.published_at.date().isoformat() == "2024-10-24"
    assert source.history.get().history_user == editor_user
    page = editor_site.get(response["Location"]).content.decode()
    assert "was added" in page
    assert "new: Maria Lopez (person)" in page
    assert "“<mark>We will not raise taxes this year</mark>,” said Maria Lopez" in page


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        # The same document as a source already saved, once normalized.
        ({"url": "HTTPS://NEWS.example/earlier?utm_source=feed"}, "url", "already exists"),
        ({"title": ""}, "title", "This field is required"),
        ({"body": ""}, "body", "This field is required"),
        ({"url": "not a url"}, "url", "Enter a valid URL"),
        ({"published_at": "24th of October"}, "published_at", "Enter a valid date"),
    ],
)
def test_an_invalid_paste_shows_the_form_again_and_saves_nothing(editor_site, fields, field, words):
    SourceFactory(url="https://news.example/earlier")
    sources = Source.objects.count()
    response = editor_site.post(paste_url(), paste_data(**fields))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert words in " ".join(errors[field]), errors
    page = response.content.decode()
    assert "Please correct the error below." in page
    assert "Example News" in page  # what was typed is kept
    assert Source.objects.count() == sources


def test_paste_stays_within_a_query_budget(editor_site, django_assert_max_num_queries):
    # The uniqueness check, the source and its history, the log entry.
    with django_assert_max_num_queries(12):
        assert editor_site.post(paste_url(), paste_data()).status_code == 302


def test_a_suggestion_accepted_with_a_new_speaker_is_not_suggested_again(editor_site):
    source = SourceFactory(body=ARTICLE)
    (lopez,) = [s for s in open_suggestions(source) if s.speaker_name == "Maria Lopez"]
    assert lopez.speaker_id is None
    editor_site.post(answer_url(lopez.key, "accept", source.pk))
    assert Statement.objects.filter(attributions__source=source).count() == 1
    assert [s.exact for s in open_suggestions(source) if s.exact == lopez.exact] == []
