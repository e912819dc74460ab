"""Suggested attributions: the rules on hard cases, the commands, and the targets on gold data."""

import json
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from statements.choices import AttributionMode, SpeakerKind, SpeechAct
from statements.models import Source
from statements.quotes import anchor_quote
from statements.suggestions import CandidateSpeaker, Suggestion, suggest_attributions
from statements.suggestions.evaluation import (
    evaluate,
    load_gold,
    markdown_table,
    overlap_share,
    score_article,
)

GOLD = Path(settings.BASE_DIR) / "fixtures" / "gold"
SEED_GOLD = GOLD / "seed_article.json"
WRITTEN_GOLD = sorted(p for p in GOLD.glob("*.json") if p != SEED_GOLD)
# Held out: scored in the README, never used to tune the rules, so held to no target.
HELD_OUT_GOLD = sorted((GOLD / "heldout").glob("*.json"))

AUSTIN = CandidateSpeaker(id=2, name="Lloyd Austin", aliases=("Mr Austin",), kind="person")
RUSSIA = CandidateSpeaker(id=7, name="Russia", aliases=("Kremlin",), kind="government")
NORTH_KOREA = CandidateSpeaker(id=8, name="North Korea", aliases=("DPRK",), kind="government")
ZELENSKYY = CandidateSpeaker(id=6, name="Volodymyr Zelenskyy", aliases=("Zelensky",), kind="person")


def only(suggestions: list[Suggestion], speaker: str) -> list[Suggestion]:
    return [s for s in suggestions if s.speaker_name == speaker]


def assert_anchored(body: str, suggestions: list[Suggestion]) -> None:
    """Every suggestion's selector places it where its offsets say."""
    for s in suggestions:
        assert body[s.start : s.end] == s.exact
        anchor = anchor_quote(body=body, exact=s.exact, prefix=s.prefix, suffix=s.suffix)
        assert (anchor.start, anchor.end) == (s.start, s.end)
        assert 0 <= s.confidence <= 1


# --- hard cases ---------------------------------------------------------------------------


def test_split_quote_is_one_direct_quote_of_the_speaker_named_between_its_halves():
    body = (
        "Maria Lopez runs the bakery on Bridge Road.\n"
        "“I am not going to promise a date I cannot keep,” she said, “but I will promise "
        "that residents see the paperwork.”"
    )
    suggestions = suggest_attributions(body)
    (quote,) = suggestions
    assert quote.speaker_name == "Maria Lopez"
    assert quote.speaker_kind == SpeakerKind.PERSON
    assert quote.speaker_id is None  # proposed as a new speaker
    assert quote.mode == AttributionMode.DIRECT_QUOTE
    assert quote.exact.startswith("I am not going")
    assert quote.exact.endswith("see the paperwork.")
    assert_anchored(body, suggestions)


def test_straight_quote_with_the_speaker_after_the_verb():
    body = '"We will not be rushed," said Sarah Lindqvist, the company\'s planning director.'
    (quote,) = suggest_attributions(body)
    assert (quote.speaker_name, quote.exact) == ("Sarah Lindqvist", "We will not be rushed")
    assert quote.mode == AttributionMode.DIRECT_QUOTE
    assert quote.speaker_role == "company's planning director"


def test_curly_quotes_and_apostrophes_keep_their_offsets():
    body = (
        "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv.\n"
        "“We won\u2019t accept a \u2018frozen\u2019 conflict,” Zelensky said on Monday."
    )
    suggestions = suggest_attributions(body, [ZELENSKYY])
    (quote,) = suggestions
    assert quote.speaker_id == ZELENSKYY.id  # matched by alias
    assert quote.exact == "We won\u2019t accept a \u2018frozen\u2019 conflict"
    assert_anchored(body, suggestions)


def test_pronoun_and_title_point_back_to_the_nearest_named_speaker():
    body = (
        "US defence secretary Lloyd Austin said there was evidence of the deployment. "
        "Mr Austin also warned of broader impacts in the Indo-Pacific region.\n"
        "“This is a very, very serious issue,” he said."
    )
    suggestions = suggest_attributions(body, [AUSTIN])
    assert [s.speaker_name for s in suggestions] == ["Lloyd Austin"] * 3
    said, warned, quoted = suggestions
    assert said.speaker_role == "US defence secretary"
    assert warned.speech_act == SpeechAct.WARNING
    assert warned.verb == "warned"
    assert quoted.mode == AttributionMode.DIRECT_QUOTE
    assert quoted.exact == "This is a very, very serious issue"


def test_speakers_reported_together_get_one_suggestion_each():
    body = "Russia and North Korea denied that any troops had crossed the border."
    suggestions = suggest_attributions(body, [RUSSIA, NORTH_KOREA])
    assert sorted(s.speaker_name for s in suggestions) == ["North Korea", "Russia"]
    assert {(s.start, s.end) for s in suggestions} == {(0, len(body) - 1)}
    assert {s.speech_act for s in suggestions} == {SpeechAct.DENIAL}
    assert {s.mode for s in suggestions} == {AttributionMode.PARAPHRASE}


def test_along_with_joins_speakers_too():
    body = "The UK government, along with North Korea and Russia, have all denied these claims."
    uk = CandidateSpeaker(
        id=9, name="United Kingdom", aliases=("UK government",), kind="government"
    )
    names = {s.speaker_name for s in suggest_attributions(body, [uk, RUSSIA, NORTH_KOREA])}
    assert names == {"United Kingdom", "North Korea", "Russia"}


@pytest.mark.parametrize(
    "body",
    [
        "According to the interior ministry, 40 people were detained overnight.",
        "Forty people were detained overnight, according to the interior ministry.",
    ],
)
def test_according_to_either_side_of_the_content(body):
    (suggestion,) = suggest_attributions(body)
    assert suggestion.speaker_name == "interior ministry"
    assert suggestion.speaker_kind == SpeakerKind.ORGANIZATION
    assert suggestion.verb == "according to"
    assert "40 people were detained" in suggestion.exact or "Forty people" in suggestion.exact


def test_collective_and_unnamed_speakers_are_proposed_with_their_kind():
    body = (
        "South Korea\u2019s intelligence officials have projected that North Korea may send "
        "10,000 soldiers by December. Analysts expect the deployment to grow. "
        "Residents of the border towns say they have seen convoys at night."
    )
    suggestions = suggest_attributions(body)
    kinds = {s.speaker_name: (s.speaker_kind, s.speech_act) for s in suggestions}
    assert kinds == {
        "South Korea\u2019s intelligence officials": (SpeakerKind.UNNAMED, SpeechAct.PROJECTION),
        "Analysts": (SpeakerKind.UNNAMED, SpeechAct.PROJECTION),
        "Residents of the border towns": (SpeakerKind.GROUP, SpeechAct.ASSERTION),
    }


def test_existing_speaker_found_by_misspelling():
    body = "Lloyd Austen said the troops were already in training."
    (suggestion,) = suggest_attributions(body, [AUSTIN])
    assert (suggestion.speaker_id, suggestion.speaker_name) == (AUSTIN.id, "Lloyd Austin")


@pytest.mark.parametrize(
    ("sentence", "speech_act", "verb"),
    [
        ("The Kremlin denied the report.", SpeechAct.DENIAL, "denied"),
        ("The Kremlin warned of consequences.", SpeechAct.WARNING, "warned"),
        ("The Kremlin projected growth of 2 percent.", SpeechAct.PROJECTION, "projected"),
        ("The Kremlin expects talks to resume.", SpeechAct.PROJECTION, "expects"),
        ("The Kremlin expressed concern over the strikes.", SpeechAct.CONCERN, "expressed concern"),
        ("The Kremlin urged restraint.", SpeechAct.REQUEST, "urged"),
        ("The Kremlin said the talks had ended.", SpeechAct.ASSERTION, "said"),
    ],
)
def test_the_reporting_verb_gives_the_speech_act(sentence, speech_act, verb):
    (suggestion,) = suggest_attributions(sentence, [RUSSIA])
    assert (suggestion.speech_act, suggestion.verb) == (speech_act, verb)


def test_role_and_occasion_when_the_sentence_gives_them():
    body = (
        "White House national security spokesman John Kirby said during a press briefing "
        "in Washington that the soldiers had arrived by ship."
    )
    (suggestion,) = suggest_attributions(body)
    assert suggestion.speaker_name == "John Kirby"
    assert suggestion.speaker_role == "White House national security spokesman"
    assert suggestion.occasion == "press briefing in Washington"


def test_a_repeated_quote_gets_the_context_that_makes_it_unique():
    body = "“No comment,” said Anna Berg.\n“No comment,” said Anna Berg."
    suggestions = suggest_attributions(body)
    assert len(suggestions) == 2
    assert_anchored(body, suggestions)
    assert any(s.prefix or s.suffix for s in suggestions)


def test_scare_quotes_and_narration_are_not_suggested():
    body = "The “next generation” of drones was shown at the fair. Prices rose in March."
    assert suggest_attributions(body) == []


def test_suggestions_are_json_ready_with_a_key_that_survives_edits_elsewhere():
    (suggestion,) = suggest_attributions("Analysts said the rally would fade.")
    data = json.loads(json.dumps(suggestion.as_dict()))
    assert set(data) >= {"speaker_name", "exact", "prefix", "suffix", "start", "end", "key"}
    (moved,) = suggest_attributions("Stocks fell.\nAnalysts said the rally would fade.")
    assert moved.start != suggestion.start
    assert moved.key == suggestion.key
    (other,) = suggest_attributions("Economists said the rally would fade.")
    assert other.key != suggestion.key


def test_described_as_is_a_reporting_clause_and_a_quote_inside_makes_it_direct():
    body = "Lloyd Austin described the deployment as a “next step” in the alliance."
    (suggestion,) = suggest_attributions(body, [AUSTIN])
    assert (suggestion.speaker_id, suggestion.verb) == (AUSTIN.id, "described")
    assert suggestion.mode == AttributionMode.DIRECT_QUOTE
    assert suggestion.exact == body[:-1]


def test_offsets_are_exact_on_every_gold_article():
    for path in [SEED_GOLD, *WRITTEN_GOLD, *HELD_OUT_GOLD]:
        gold = load_gold(path)
        assert_anchored(gold.body, suggest_attributions(gold.body, gold.candidates))


# --- evaluation ----------------------------------------------------------------------------


def test_overlap_is_a_share_of_the_shorter_span():
    assert overlap_share((0, 10), (5, 30)) == 0.5
    assert overlap_share((0, 10), (2, 6)) == 1.0
    assert overlap_share((0, 10), (10, 20)) == 0.0
    assert overlap_share((0, 0), (0, 5)) == 0.0


def test_a_pair_needs_the_same_speaker_and_half_the_shorter_span():
    gold = load_gold(SEED_GOLD)
    rows = gold.attributions
    right = [_suggestion(rows[0].speaker, rows[0].start, rows[0].end)]
    wrong_speaker = [_suggestion("Somebody Else", rows[0].start, rows[0].end)]
    too_little = [_suggestion(rows[0].speaker, rows[0].end - 5, rows[0].end + 50)]
    assert score_article(gold, right).matched == 1
    assert score_article(gold, wrong_speaker).matched == 0
    assert score_article(gold, too_little).matched == 0
    # Each gold attribution is matched once, however many suggestions overlap it.
    assert score_article(gold, right * 2).matched == 1


def test_seed_article_meets_its_targets():
    score = evaluate(load_gold(SEED_GOLD))
    assert score.gold == 26
    assert score.f1 >= 0.85
    assert score.speech_act_accuracy >= 0.9


@pytest.mark.parametrize("path", WRITTEN_GOLD, ids=lambda p: p.stem)
def test_written_articles_meet_their_target(path):
    gold = load_gold(path)
    assert 400 <= len(gold.body.split()) <= 1500
    assert evaluate(gold).f1 >= 0.75


def test_at_least_three_written_articles():
    assert len(WRITTEN_GOLD) >= 3


def test_a_1500_word_article_is_answered_in_under_a_second():
    bodies = [load_gold(p).body for p in WRITTEN_GOLD]
    words = "\n".join(bodies).split("\n")
    body, count = [], 0
    while count < 1500:
        for paragraph in words:
            body.append(paragraph)
            count += len(paragraph.split())
    text = "\n".join(body)
    candidates = load_gold(SEED_GOLD).candidates * 50  # a database with more speakers
    started = time.perf_counter()
    suggest_attributions(text, candidates)
    assert time.perf_counter() - started < 1.0


def test_markdown_table_has_a_row_per_article_and_a_total():
    scores = [evaluate(load_gold(p)) for p in [SEED_GOLD, *WRITTEN_GOLD[:1]]]
    lines = markdown_table(scores).splitlines()
    assert lines[0].startswith("| Article |")
    assert len(lines) == 2 + len(scores) + 1


# --- commands -------------------------------------------------------------------------------


def test_evaluate_command_prints_the_table_and_enforces_the_minimums(capsys):
    call_command("evaluate_suggestions", str(SEED_GOLD), "--min-f1", "0.85")
    assert "| seed_article |" in capsys.readouterr().out
    with pytest.raises(CommandError, match="Below target"):
        call_command("evaluate_suggestions", str(SEED_GOLD), "--min-f1", "1.01")
    with pytest.raises(CommandError, match="speech-act"):
        call_command("evaluate_suggestions", str(SEED_GOLD), "--min-speech-act", "1.01")
    with pytest.raises(CommandError, match="No such file"):
        call_command("evaluate_suggestions", "missing.json")


@pytest.mark.usefixtures("seed")
def test_suggest_command_prints_a_table_and_json_using_existing_speakers(capsys):
    source = Source.objects.get()
    call_command("suggest_attributions", str(source.pk))
    table = capsys.readouterr().out
    assert "Lloyd Austin" in table
    call_command("suggest_attributions", str(source.pk), "--json")
    data = json.loads(capsys.readouterr().out)
    austin = [row for row in data if row["speaker_name"] == "Lloyd Austin"]
    assert austin
    assert all(row["speaker_id"] is not None for row in austin)
    assert all(source.body[r["start"] : r["end"]] == r["exact"] for r in data)
    with pytest.raises(CommandError, match="No source"):
        call_command("suggest_attributions", "999999")


def _suggestion(speaker: str, start: int, end: int) -> Suggestion:
    return Suggestion(
        speaker_name=speaker,
        speaker_kind="person",
        speaker_id=None,
        exact="",
        prefix="",
        suffix="",
        start=start,
        end=end,
        mode=AttributionMode.PARAPHRASE,
        speech_act=SpeechAct.ASSERTION,
        verb="",
    )
