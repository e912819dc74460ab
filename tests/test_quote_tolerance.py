"""Quotes typed with other typography than the source's: anchored all the same, and stored
in the source's own characters."""

import io
import json
import time

import pytest
from django.core.management import call_command

from statements.models import Attribution, Statement
from statements.quotes import QuoteAnchorError, anchor_quote, nearest_passage
from tests.factories import SourceFactory
from tests.helpers import error_fields, problem, url

CURLY = (
    "The mayor said: “We\u2019re not leaving — not now, not ever.”\n"
    "Her deputy\u00a0added that the 2019\u20132024 plan was \u2018finished\u2019. "
    'A "straight" sign read: Don\'t - enter.'
)


# --- anchor_quote ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("We're not leaving", "We\u2019re not leaving"),  # straight apostrophe for a curly one
        ("Don\u2019t", "Don't"),  # curly apostrophe for a straight one
        ("'finished'", "\u2018finished\u2019"),  # straight single quotes for curly ones
        ('"We\u2019re not', "“We\u2019re not"),  # straight double quote for a curly one
        ("“straight”", '"straight"'),  # curly double quotes for straight ones
        ("leaving - not now", "leaving — not now"),  # hyphen for an em dash
        ("2019-2024", "2019\u20132024"),  # hyphen for an en dash
        ("Don't — enter", "Don't - enter"),  # em dash for a hyphen
        ("ever.” Her", "ever.”\nHer"),  # a space for a newline
        ("Her deputy added", "Her deputy\u00a0added"),  # a space for a non-breaking space
        ("said:    “We\u2019re", "said: “We\u2019re"),  # a run of spaces for one
        ("said: \"We're not leaving -\nnot now", "said: “We\u2019re not leaving — not now"),
    ],
)
def test_a_quote_in_other_typography_is_anchored_in_the_body_s_characters(typed, stored):
    anchor = anchor_quote(body=CURLY, exact=typed)
    assert anchor.exact == stored
    assert CURLY[anchor.start : anchor.end] == anchor.exact
    assert anchor.start == CURLY.index(stored)


def test_an_exact_match_comes_first_and_is_kept_as_typed():
    anchor = anchor_quote(body=CURLY, exact="We\u2019re not leaving")
    assert (anchor.exact, anchor.start) == ("We\u2019re not leaving", CURLY.index("We\u2019re"))


def test_prefix_and_suffix_are_the_body_s_characters_too():
    anchor = anchor_quote(body=CURLY, exact="not leaving", prefix="We're ", suffix=" - not")
    assert anchor.exact == "not leaving"
    assert anchor.prefix == "We\u2019re "
    assert anchor.suffix == " — not"
    assert CURLY[anchor.start - len(anchor.prefix) : anchor.start] == anchor.prefix
    assert CURLY[anchor.end : anchor.end + len(anchor.suffix)] == anchor.suffix


REPEATED = "She said “it\u2019s over”. Later she said “it\u2019s over” again."


def test_a_repeat_found_tolerantly_is_ambiguous_without_context():
    with pytest.raises(QuoteAnchorError) as error:
        anchor_quote(body=REPEATED, exact='"it\'s over"')
    assert (error.value.field, error.value.code) == ("exact", "ambiguous")
    assert "2 times" in error.value.message


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ({"prefix": "Later she said "}, REPEATED.rindex("“it\u2019s")),
        ({"suffix": " again"}, REPEATED.rindex("“it\u2019s")),
        ({"suffix": "."}, REPEATED.index("“it\u2019s")),
    ],
)
def test_prefix_or_suffix_picks_one_tolerant_repeat(context, expected):
    anchor = anchor_quote(body=REPEATED, exact='"it\'s over"', **context)
    assert anchor.start == expected
    assert REPEATED[anchor.start : anchor.end] == anchor.exact == "“it\u2019s over”"


def test_a_tolerant_repeat_with_a_context_that_fits_none_names_the_context():
    with pytest.raises(QuoteAnchorError) as error:
        anchor_quote(body=REPEATED, exact='"it\'s over"', suffix=" forever")
    assert (error.value.field, error.value.code) == ("suffix", "context_mismatch")


def test_a_near_miss_names_the_nearest_passage():
    with pytest.raises(QuoteAnchorError) as error:
        anchor_quote(body=CURLY, exact="We are not leaving - not now, not ever")
    start = CURLY.index("We\u2019re")
    assert error.value.code == "not_found"
    assert error.value.message.startswith("The quote was not found in the source body.")
    nearest = "The nearest passage is “We\u2019re not leaving — not now, not ever"
    assert nearest in error.value.message
    assert f"(at {start})." in error.value.message


def test_a_clearly_different_quote_is_neither_anchored_nor_given_a_passage():
    with pytest.raises(QuoteAnchorError) as error:
        anchor_quote(body=CURLY, exact="The budget was approved unanimously")
    assert error.value.message == "The quote was not found in the source body."
    assert nearest_passage(CURLY, "The budget was approved unanimously") is None


def test_typography_is_no_licence_for_other_letters():
    for typed in ("We're not leaving now", "Were not leaving", "2019 2024", "Dont - enter"):
        with pytest.raises(QuoteAnchorError):
            anchor_quote(body=CURLY, exact=typed)


def test_the_nearest_passage_of_a_long_body_is_found_quickly():
    words = [f"w{number:05d}" for number in range(20_000)]
    body = " ".join(words)[:100_000]  # 100 kB, the longest body a source may have
    passage = body[60_000:60_400]
    typed = passage[:200] + "x" + passage[201:]
    began = time.perf_counter()
    with pytest.raises(QuoteAnchorError) as error:
        anchor_quote(body=body, exact=typed)
    assert time.perf_counter() - began < 2
    at = int(error.value.message.rsplit("(at ", 1)[1].rstrip(")."))
    assert 59_990 <= at <= 60_000  # the passage, widened to whole words


# --- Through the API, the import and a corrected body ----------------------------------------


@pytest.fixture
def curly_source(db):
    return SourceFactory(title="The mayor's speech", body=CURLY)


def statement_payload(world, source, **quote):
    return {
        "text": "The mayor will not leave.",
        "attributions": [
            {
                "speaker": world.officials.pk,
                "source": source.pk,
                "mode": "direct_quote",
                "speech_act": "assertion",
                "quote": quote,
            }
        ],
    }


def test_a_statement_whose_quote_is_typed_straight_stores_the_source_s_curly_one(
    world, editor, curly_source, django_assert_max_num_queries
):
    payload = statement_payload(
        world, curly_source, exact="We're not leaving - not now", prefix='said: "'
    )
    with django_assert_max_num_queries(60):
        response = editor.post("/api/v1/statements/", payload, format="json")
    assert response.status_code == 201, response.content
    quote = response.json()["attributions"][0]["quote"]
    assert quote["exact"] == "We\u2019re not leaving — not now"
    assert quote["prefix"] == "said: “"
    assert CURLY[quote["start"] : quote["end"]] == quote["exact"]
    stored = Attribution.objects.get(source=curly_source)
    assert stored.quote_exact == "We\u2019re not leaving — not now"
    assert stored.quote_prefix == "said: “"
    assert (stored.quote_start, stored.quote_end) == (quote["start"], quote["end"])


def test_an_attribution_whose_quote_is_typed_straight_stores_the_source_s_curly_one(
    world, editor, curly_source
):
    response = editor.post(
        "/api/v1/attributions/",
        {
            "statement": world.draft.pk,
            "speaker": world.officials.pk,
            "source": curly_source.pk,
            "mode": "direct_quote",
            "speech_act": "assertion",
            "quote": {"exact": "the 2019-2024 plan was 'finished'"},
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["quote"]["exact"] == "the 2019\u20132024 plan was \u2018finished\u2019"


def test_a_near_miss_through_the_api_names_the_nearest_passage_on_the_quote(
    world, editor, curly_source
):
    payload = statement_payload(world, curly_source, exact="We are not leaving, not now")
    response = editor.post("/api/v1/statements/", payload, format="json")
    body = problem(response, 400)
    assert error_fields(response) == ["attributions.0.quote.exact"]
    assert "The nearest passage is “We\u2019re not leaving — not now" in body["detail"]
    assert body["errors"][0]["code"] == "not_found"
    assert not Statement.objects.filter(text="The mayor will not leave.").exists()


def test_a_corrected_body_stores_the_quotes_in_its_new_characters(world, editor):
    new_body = world.article.body.replace("Officials denied it.", "Officials\u00a0denied\nit.")
    response = editor.patch(
        f"/api/v1/sources/{world.article.pk}/", {"body": new_body}, format="json"
    )
    assert response.status_code == 200, response.content
    moved = Attribution.objects.get(statement=world.denial)
    assert moved.quote_exact == "Officials\u00a0denied\nit."
    assert new_body[moved.quote_start : moved.quote_end] == moved.quote_exact


def test_an_imported_quote_is_stored_in_the_source_s_characters(world, editor, tmp_path):
    lines = [
        json.loads(line)
        for line in b"".join(editor.get("/api/v1/statements/export/").streaming_content)
        .decode()
        .splitlines()
    ]
    line = next(line for line in lines if line["text"] == world.denial.text)
    line["text"] = "Officials denied it, once more."
    line["attributions"][0]["quote"] = {"exact": "Officials  denied\nit."}
    path = tmp_path / "statements.ndjson"
    path.write_text(json.dumps(line) + "\n")
    call_command("import_statements", str(path), "--no-progress", stdout=io.StringIO())
    imported = Attribution.objects.get(statement__text="Officials denied it, once more.")
    assert imported.quote_exact == "Officials denied it."
    assert world.article.body[imported.quote_start : imported.quote_end] == "Officials denied it."


def admin_attribution(world, source, **quote) -> dict:
    return {
        "statement": world.draft.pk,
        "speaker": world.officials.pk,
        "source": source.pk,
        "mode": "direct_quote",
        "speech_act": "assertion",
        "quote_exact": "",
        "quote_prefix": "",
        "quote_suffix": "",
        **quote,
    }


def test_the_admin_stores_the_source_s_characters(world, superuser, curly_source):
    data = admin_attribution(
        world, curly_source, quote_exact="We're not leaving", quote_suffix=" -"
    )
    response = superuser.post(url("attribution", "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    stored = Attribution.objects.get(source=curly_source)
    assert (stored.quote_exact, stored.quote_suffix) == ("We\u2019re not leaving", " —")
    assert CURLY[stored.quote_start : stored.quote_end] == stored.quote_exact


def test_the_admin_shows_the_nearest_passage(world, superuser, curly_source):
    data = admin_attribution(world, curly_source, quote_exact="We are not leaving, not now")
    response = superuser.post(url("attribution", "add"), data)
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["quote_exact"])
    assert "The nearest passage is “We\u2019re not leaving — not now" in errors
    assert not Attribution.objects.filter(source=curly_source).exists()
