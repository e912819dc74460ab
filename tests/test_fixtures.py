"""The shipped seed data: the model-case article as a source, its speakers and statements."""

import hashlib

import pytest

from statements.choices import RelationKind, SpeechAct, StatementStatus
from statements.models import Attribution, Relation, Source, Speaker, Statement
from statements.quotes import anchor_quote

pytestmark = pytest.mark.usefixtures("seed")

NAMED_PEOPLE = ["Lloyd Austin", "John Kirby", "Volodymyr Zelenskyy", "Mark Rutte"]
NAMED_GOVERNMENTS = [
    "United States",
    "Russia",
    "North Korea",
    "South Korea",
    "United Kingdom",
    "Germany",
]


def test_fixture_holds_the_article_and_its_statements():
    assert Source.objects.count() == 1
    assert Statement.objects.count() >= 15
    assert not Statement.objects.exclude(status=StatementStatus.PUBLISHED).exists()
    # Every statement is attributed to someone, and every attribution cites the article.
    assert not Statement.objects.filter(attributions__isnull=True).exists()
    source = Source.objects.get()
    assert set(Attribution.objects.values_list("source", flat=True)) == {source.pk}


def test_fixture_names_every_speaker():
    people = set(Speaker.objects.filter(kind="person").values_list("name", flat=True))
    governments = set(Speaker.objects.filter(kind="government").values_list("name", flat=True))
    assert set(NAMED_PEOPLE) <= people
    assert set(NAMED_GOVERNMENTS) <= governments
    assert Speaker.objects.filter(name="NATO", kind="organization").exists()
    assert Speaker.objects.filter(name="Analysts", kind="unnamed").exists()
    assert "Zelensky" in Speaker.objects.get(name="Volodymyr Zelenskyy").aliases


def test_body_digest_matches_body():
    source = Source.objects.get()
    assert source.body
    assert source.body_sha256 == hashlib.sha256(source.body.encode("utf-8")).hexdigest()


def test_every_quote_is_anchored_unambiguously_in_the_body():
    attributions = Attribution.objects.select_related("source").exclude(quote_exact="")
    assert attributions.count() == Attribution.objects.count()
    for attribution in attributions:
        body = attribution.source.body
        assert body[attribution.quote_start : attribution.quote_end] == attribution.quote_exact
        anchor = anchor_quote(
            body=body,
            exact=attribution.quote_exact,
            prefix=attribution.quote_prefix,
            suffix=attribution.quote_suffix,
        )
        assert (anchor.start, anchor.end) == (attribution.quote_start, attribution.quote_end)


def test_austin_next_step_is_a_direct_quote_from_rome_and_kirby_speaks_for_the_us():
    austin = Attribution.objects.filter(speaker__name="Lloyd Austin")
    next_step = austin.get(quote_exact__contains="“next step”")
    assert next_step.mode == "direct_quote"
    assert next_step.on_behalf_of.name == "United States"
    assert austin.filter(occasion="press briefing in Rome").count() == 1
    kirby = Attribution.objects.filter(speaker__name="John Kirby")
    assert kirby.exists()
    assert set(kirby.values_list("on_behalf_of__name", flat=True)) == {"United States"}


def test_every_denial_denies_a_claim():
    denials = Statement.objects.filter(attributions__speech_act=SpeechAct.DENIAL).distinct()
    assert denials.count() >= 2
    deniers = set(
        Attribution.objects.filter(speech_act=SpeechAct.DENIAL).values_list(
            "speaker__name", flat=True
        )
    )
    assert deniers == {"Russia", "North Korea", "United Kingdom"}
    for denial in denials:
        denied = Relation.objects.filter(from_statement=denial, kind=RelationKind.DENIES)
        assert denied.exists(), denial
        for relation in denied:
            claim_acts = set(
                relation.to_statement.attributions.values_list("speech_act", flat=True)
            )
            assert claim_acts == {SpeechAct.ASSERTION}, relation


def test_speakers_pass_their_validators():
    for speaker in Speaker.objects.all():
        speaker.full_clean()


def test_kirby_statements_over_http_carry_the_source_inline(anon):
    kirby = Speaker.objects.get(name="John Kirby")
    expected = set(
        Statement.objects.filter(attributions__speaker=kirby).values_list("id", flat=True)
    )
    response = anon.get("/api/v1/statements/", {"speaker": kirby.pk, "page_size": 100})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == len(expected) >= 1
    assert {statement["id"] for statement in body["results"]} == expected
    title = Source.objects.get().title
    for statement in body["results"]:
        assert statement["attributions"], statement
        for attribution in statement["attributions"]:
            assert isinstance(attribution["source"], dict), attribution
            assert attribution["source"]["title"] == title
    assert any("Vladivostok" in statement["text"] for statement in body["results"])


def test_new_rows_get_fresh_ids_after_loading():
    # loaddata sets explicit ids; the database sequences must have moved past them.
    speaker = Speaker.objects.create(name="A new speaker", kind="person")
    statement = Statement.objects.create(text="A new statement.")
    assert speaker.pk > max(Speaker.objects.exclude(pk=speaker.pk).values_list("pk", flat=True))
    assert statement.pk > Statement.objects.exclude(pk=statement.pk).count()
