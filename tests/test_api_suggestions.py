"""sources/{id}/suggestions/: asking saves nothing; accepting makes one draft; rejecting hides."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import services
from statements.errors import ConflictError
from statements.models import Attribution, Source, Speaker, Statement, SuggestionDecision
from statements.suggestions.selectors import open_suggestion
from tests.factories import SourceFactory
from tests.helpers import error_fields, problem

pytestmark = pytest.mark.django_db

KIRBY = 3
KIRBY_KEY = "a71ce76d89e6e3bdd024"  # "John Kirby stated that these soldiers arrived …"
REPORTS_KEY = "fffb7aac32469efeb044"  # "Unattributed reports": a speaker proposed as new
# Per request, whatever the number of suggestions: the token, the user's permissions (two),
# the source, the speakers, the decisions, the quotes the source already attributes.
SUGGESTIONS_BUDGET = 7
# Accepting, with a new speaker: the suggestions, the speaker, the statement and its
# attribution with their histories, the search document, the change feed's rows of the
# speaker and the statement, the speaker's memberships (its role at the time), and the
# read-back (with the statement's correction notices).
ACCEPT_BUDGET = 35


@pytest.fixture
def article(seed) -> int:
    """The seed article's text as a new source, with none of its quotes attributed yet (the
    seed's own source is fully attributed, so nothing in it is suggested)."""
    seed_source = Source.objects.get(pk=1)
    return SourceFactory(title=seed_source.title, body=seed_source.body).pk


def suggestions_url(source: int) -> str:
    return f"/api/v1/sources/{source}/suggestions/"


def answer_url(key: str, answer: str, source: int) -> str:
    return f"{suggestions_url(source)}{key}/{answer}/"


def suggested(client, source: int) -> dict[str, dict]:
    response = client.post(suggestions_url(source))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["source"] == source
    assert body["count"] == len(body["suggestions"])
    return {s["key"]: s for s in body["suggestions"]}


def counts() -> tuple[int, ...]:
    return (
        Statement.objects.count(),
        Attribution.objects.count(),
        Speaker.objects.count(),
        SuggestionDecision.objects.count(),
    )


# --- permissions and errors -----------------------------------------------------------------


@pytest.mark.parametrize("answer", [None, "accept", "reject"])
def test_anonymous_is_401_and_a_member_403(article, anon, member, answer):
    url = suggestions_url(article) if answer is None else answer_url(KIRBY_KEY, answer, article)
    problem(anon.post(url), 401)
    problem(member.post(url), 403)


@pytest.mark.parametrize("answer", [None, "accept", "reject"])
def test_an_unknown_source_is_404(article, editor, answer):
    url = suggestions_url(999) if answer is None else answer_url(KIRBY_KEY, answer, 999)
    problem(editor.post(url), 404)


@pytest.mark.parametrize("answer", ["accept", "reject"])
def test_an_unknown_key_is_404(article, editor, answer):
    problem(editor.post(answer_url("0123456789abcdef0123", answer, article)), 404)
    problem(editor.post(answer_url("0123456789abcdef0123", answer, article), {"mode": "?"}), 404)


# --- asking -----------------------------------------------------------------------------------


def test_suggestions_name_speakers_and_anchor_quotes_and_save_nothing(article, editor, reviewer):
    before = counts()
    suggestions = suggested(editor, article)
    assert counts() == before
    kirby = suggestions[KIRBY_KEY]
    assert kirby["speaker"] == {"id": KIRBY, "name": "John Kirby", "kind": "person"}
    assert kirby["quote"]["start"] == 585
    assert kirby["quote"]["end"] == 704
    assert kirby["quote"]["exact"].startswith("White House national security spokesman")
    assert kirby["mode"] == "paraphrase"
    assert kirby["speech_act"] == "assertion"
    assert kirby["verb"] == "stated"
    assert 0 < kirby["confidence"] <= 1
    assert suggestions[REPORTS_KEY]["speaker"] == {
        "id": None,
        "name": "Unattributed reports",
        "kind": "unnamed",
    }
    assert suggested(reviewer, article) == suggestions


def test_query_count_is_bounded_whatever_the_number_of_suggestions(article, editor):
    small = SourceFactory(body="“We will not raise taxes this year,” said Maria Lopez.")
    measured = {}
    for source in (small.pk, article):
        with CaptureQueriesContext(connection) as queries:
            count = len(suggested(editor, source))
        measured[count] = len(queries)
    assert len(measured) == 2, measured  # a few suggestions, and many
    assert set(measured.values()) == {SUGGESTIONS_BUDGET}, measured


# --- accepting --------------------------------------------------------------------------------


def test_accept_creates_one_draft_anchored_where_the_suggestion_said(article, editor):
    suggestion = suggested(editor, article)[KIRBY_KEY]
    statements, attributions, speakers, _ = counts()
    response = editor.post(answer_url(KIRBY_KEY, "accept", article))
    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"].endswith(f"/api/v1/statements/{body['id']}/")
    assert counts()[:3] == (statements + 1, attributions + 1, speakers)
    assert body["status"] == "draft"
    assert body["text"] == suggestion["quote"]["exact"]
    (attribution,) = body["attributions"]
    assert attribution["speaker"]["id"] == KIRBY
    assert attribution["source"]["id"] == article
    assert attribution["quote"] == suggestion["quote"] | {
        "status": "anchored",
        "body_sha256": Source.objects.get(pk=article).body_sha256,
    }
    for field in ("mode", "speech_act", "verb", "speaker_role", "occasion"):
        assert attribution[field] == suggestion[field]
    decision = SuggestionDecision.objects.get(source_id=article, key=KIRBY_KEY)
    assert decision.decision == "accepted"
    assert decision.statement_id == body["id"]
    assert decision.decided_by == editor.user
    assert KIRBY_KEY not in suggested(editor, article)
    assert editor.get(response["Location"]).json() == body


def test_accept_creates_the_proposed_speaker_first(article, editor):
    response = editor.post(answer_url(REPORTS_KEY, "accept", article))
    assert response.status_code == 201, response.content
    speaker = response.json()["attributions"][0]["speaker"]
    assert Speaker.objects.get(pk=speaker["id"]).name == "Unattributed reports"
    assert speaker["kind"] == "unnamed"


def test_edit_then_accept(article, editor):
    speakers = Speaker.objects.count()
    response = editor.post(
        answer_url(REPORTS_KEY, "accept", article),
        {"speaker": KIRBY, "speech_act": "warning", "verb": "warned"},
    )
    assert response.status_code == 201, response.content
    (attribution,) = response.json()["attributions"]
    assert attribution["speaker"]["id"] == KIRBY
    assert (attribution["speech_act"], attribution["verb"]) == ("warning", "warned")
    assert Speaker.objects.count() == speakers  # the proposed speaker is not created


def test_edit_the_statements_text_then_accept(article, editor):
    response = editor.post(
        answer_url(KIRBY_KEY, "accept", article),
        {"text": "North Korean soldiers arrived in Vladivostok by ship in October."},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["text"] == "North Korean soldiers arrived in Vladivostok by ship in October."
    # The quote stays the passage the suggestion anchored.
    assert body["attributions"][0]["quote"]["exact"].startswith("White House national security")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"mode": "shouted"}, "mode"),
        ({"speaker": 999999}, "speaker"),
        ({"verb": "x" * 61}, "verb"),
        ({"text": "x" * 10_001}, "text"),
        ({"text": "  "}, "text"),
        ({"speech_act": "??"}, "speech_act"),
        # A rule the service checks, named as sent (not "attributions.0.on_behalf_of").
        ({"on_behalf_of": KIRBY}, "on_behalf_of"),
    ],
)
def test_an_invalid_edit_is_400_naming_the_field_and_saves_nothing(article, editor, body, field):
    before = counts()
    response = editor.post(answer_url(KIRBY_KEY, "accept", article), body)
    problem(response, 400)
    assert field in error_fields(response)
    assert counts() == before
    assert KIRBY_KEY in suggested(editor, article)


def test_a_suggestion_is_answered_once(article, editor):
    assert editor.post(answer_url(KIRBY_KEY, "accept", article)).status_code == 201
    problem(editor.post(answer_url(KIRBY_KEY, "accept", article)), 404)
    problem(editor.post(answer_url(KIRBY_KEY, "reject", article)), 404)


def test_a_suggestion_accepted_with_a_new_speaker_is_not_suggested_again(article, editor):
    # Once the proposed speaker exists, the passage is matched to it under another key.
    assert editor.post(answer_url(REPORTS_KEY, "accept", article)).status_code == 201
    exact = Attribution.objects.get(source_id=article).quote_exact
    assert [s for s in suggested(editor, article).values() if s["quote"]["exact"] == exact] == []


def test_passages_already_attributed_to_their_speaker_are_not_suggested(seed, article, editor):
    """The seed's own source has all its quotes attributed: what remains to suggest there is
    only what its attributions do not cover."""
    attributed = {(a.speaker_id, a.quote_exact) for a in Attribution.objects.filter(source_id=1)}
    on_the_copy = suggested(editor, article)
    left = suggested(editor, 1)
    assert len(left) < len(on_the_copy)
    assert not {(s["speaker"]["id"], s["quote"]["exact"]) for s in left.values()} & attributed


# --- rejecting --------------------------------------------------------------------------------


def test_reject_hides_the_suggestion_from_the_next_run(article, editor, reviewer):
    before = suggested(editor, article)
    statements = Statement.objects.count()
    response = editor.post(answer_url(KIRBY_KEY, "reject", article))
    assert response.status_code == 204, response.content
    assert Statement.objects.count() == statements
    decision = SuggestionDecision.objects.get(source_id=article, key=KIRBY_KEY)
    assert decision.decision == "rejected"
    assert decision.statement is None
    after = suggested(reviewer, article)
    assert set(before) - set(after) == {KIRBY_KEY}


def test_answers_stay_within_a_query_budget(article, editor, django_assert_max_num_queries):
    # The suggestions, then the source's lock, the check for an answer, the answer and the
    # transaction's savepoint.
    with django_assert_max_num_queries(SUGGESTIONS_BUDGET + 5):
        assert editor.post(answer_url(KIRBY_KEY, "reject", article)).status_code == 204
    with django_assert_max_num_queries(ACCEPT_BUDGET):
        assert editor.post(answer_url(REPORTS_KEY, "accept", article)).status_code == 201


def test_a_second_answer_that_raced_the_first_is_a_conflict(article, editor):
    # Both read the suggestion as open; the second to take the source's lock is refused.
    source = Source.objects.get(pk=article)
    suggestion = open_suggestion(source, KIRBY_KEY)
    services.suggestion_reject(source=source, suggestion=suggestion, user=editor.user)
    with pytest.raises(ConflictError):
        services.suggestion_accept(source=source, suggestion=suggestion, user=editor.user)
    assert SuggestionDecision.objects.filter(source=source).count() == 1
