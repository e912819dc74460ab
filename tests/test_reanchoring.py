"""Issue 15, items 1 and 2: every quote's anchor status, and its re-verification whenever its
source's body changes, in the transaction of the change: kept, re-anchored by an approximate
match, or orphaned, never moved to a lookalike."""

import io
import json
import statistics
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from bench.edits import Outcome as EditOutcome
from bench.edits import cases, reanchor_all
from statements import services
from statements.choices import AttributionMode, SpeakerKind, SpeechAct
from statements.models import Attribution, Source
from statements.quotes import ChangedBody, Context
from tests.factories import BODY, SourceFactory, SpeakerFactory, StatementFactory
from tests.helpers import error_fields, problem

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "anchoring"


def _fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text())


def _found(old_body: str, new_body: str, quote: dict, start: int, end: int):
    """Where the quote is found in the new body (start, end), or None when orphaned."""
    found = ChangedBody(new_body).reanchor(
        exact=quote["exact"],
        prefix=quote["prefix"],
        suffix=quote["suffix"],
        context=Context.around(old_body, start, end),
    )
    return None if found is None else (found.anchor.start, found.anchor.end)


def _moved(found, expected) -> bool:
    """Placed somewhere it should not be: anywhere for a lost quote, else off its passage."""
    if found is None:
        return False
    return expected is None or not (found[0] < expected[1] and expected[0] < found[1])


# --- The fixtures: the algorithm alone ---------------------------------------------------------

NEAR_DUPLICATES = _fixture("near_duplicates.json")["cases"]


def _near_duplicate(case: dict) -> tuple:
    old, new, quote = case["old_body"], case["new_body"], case["quote"]
    start = old.index(quote["prefix"] + quote["exact"]) + len(quote["prefix"])
    found = _found(old, new, quote, start, start + len(quote["exact"]))
    expected = case["expected"]
    if expected is not None:
        at = new.index(expected)
        expected = (at, at + len(expected))
    return found, expected


@pytest.mark.parametrize("case", NEAR_DUPLICATES, ids=lambda case: case["name"])
def test_a_quote_is_found_in_its_own_passage_or_orphaned_never_moved_to_a_lookalike(case):
    found, expected = _near_duplicate(case)
    assert found == expected, case["why"]


def test_the_near_duplicates_make_no_silent_move():
    outcomes = [_near_duplicate(case) for case in NEAR_DUPLICATES]
    assert sum(_moved(found, expected) for found, expected in outcomes) == 0
    # Most of them are lookalikes that must orphan the quote.
    assert sum(expected is None for _, expected in outcomes) >= 6


def test_edited_articles_reanchor_at_least_99_percent_of_their_quotes_where_expected():
    articles = _fixture("edited_articles.json")["articles"]
    quotes = correct = moved = 0
    edits = set()
    for article in articles:
        old, new = article["old_body"], article["new_body"]
        for quote in article["quotes"]:
            expected = tuple(quote["expected"]) if quote["expected"] else None
            found = _found(old, new, quote, quote["start"], quote["end"])
            quotes += 1
            correct += found == expected
            moved += _moved(found, expected)
            edits.add(quote["edit"])
    assert quotes >= 400
    assert correct / quotes >= 0.99, f"{correct} of {quotes}"
    assert moved == 0
    # Typo fixes, whitespace, words inserted, removed or replaced in the quote, reworded
    # surroundings and cut sentences, besides the paragraphs every correction inserts.
    assert edits >= {
        "typo_fixed",
        "whitespace",
        "word_inserted",
        "word_removed",
        "word_replaced",
        "context_reworded",
        "sentence_cut",
        "unchanged",
    }


def test_the_fixture_of_edited_articles_is_what_the_generator_builds():
    articles = _fixture("edited_articles.json")["articles"]
    old, new, found = cases(15 * 1000, words=300, quotes=10)
    assert (articles[0]["old_body"], articles[0]["new_body"]) == (old, new)
    assert [q["expected"] for q in articles[0]["quotes"]] == [
        list(case.expected) if case.expected else None for case in found
    ]


def test_reverifying_a_5000_word_body_with_200_quotes_is_quick():
    """The README's figure comes from ``python -m bench reanchor``; this guards against a
    regression by an order of magnitude, on a machine that may be busy."""
    old, new, found = cases(2026, words=5200, quotes=200)
    assert len(new.split()) >= 5000
    assert len(found) == 200
    timings = []
    for _ in range(3):
        outcome = EditOutcome()
        started = time.perf_counter()
        reanchor_all(old, new, found, outcome)
        timings.append(time.perf_counter() - started)
    assert outcome.correct / outcome.quotes >= 0.99
    assert statistics.median(timings) < 1.0


# --- Status and digest of every attribution ----------------------------------------------------


def test_every_attribution_records_its_anchor_status_and_the_body_it_was_anchored_in(world):
    anchored = world.claim.attributions.get(source=world.article)
    assert anchored.quote_status == "anchored"
    assert anchored.quote_body_sha256 == world.article.body_sha256 != ""
    no_body = world.claim.attributions.get(source=world.briefing)
    assert (no_body.quote_status, no_body.quote_body_sha256) == ("unanchored", "")
    no_quote = world.draft.attributions.get()
    assert (no_quote.quote_status, no_quote.quote_body_sha256) == ("unanchored", "")


def test_the_quote_shows_its_status_and_digest(world, anon):
    statement = anon.get(f"/api/v1/statements/{world.denial.pk}/").json()
    quote = statement["attributions"][0]["quote"]
    assert quote["status"] == "anchored"
    assert quote["body_sha256"] == world.article.body_sha256
    attribution = world.denial.attributions.get()
    assert anon.get(f"/api/v1/attributions/{attribution.pk}/").json()["quote"] == quote


def test_the_import_anchors_with_a_status_and_a_digest(world, editor, tmp_path):
    lines = b"".join(editor.get("/api/v1/statements/export/").streaming_content).splitlines()
    line = next(json.loads(raw) for raw in lines if json.loads(raw)["text"] == world.denial.text)
    line["text"] = "Officials denied it, again."
    # What the export says of the anchor is the server's: the import anchors anew.
    line["attributions"][0]["quote"] |= {"status": "orphaned", "body_sha256": "x"}
    path = tmp_path / "statements.ndjson"
    path.write_text(json.dumps(line) + "\n")
    call_command("import_statements", str(path), "--no-progress", stdout=io.StringIO())
    imported = Attribution.objects.get(statement__text="Officials denied it, again.")
    assert imported.quote_status == "anchored"
    assert imported.quote_body_sha256 == world.article.body_sha256


# --- A body change through the API -------------------------------------------------------------


def patch_body(client, source: Source, body: str):
    return client.patch(f"/api/v1/sources/{source.pk}/", {"body": body}, format="json")


def test_a_corrected_body_keeps_and_reanchors_quotes_and_says_how_many(world, editor):
    denial = world.denial.attributions.get()
    before = (denial.quote_start, denial.quote_end)
    corrected = "Update: corrected.\n\n" + BODY.replace(
        "Officials denied it.", "Officals denied it!"
    )
    response = patch_body(editor, world.article, corrected)
    assert response.status_code == 200, response.content
    assert response["Quote-Anchoring"] == "kept=1, reanchored=1, orphaned=0, unanchored=0"
    assert response.json()["body"] == corrected
    denial.refresh_from_db()
    assert denial.quote_status == "reanchored"
    assert denial.quote_exact == "Officals denied it!"
    assert corrected[denial.quote_start : denial.quote_end] == denial.quote_exact
    assert denial.quote_body_sha256 == Source.objects.get(pk=world.article.pk).body_sha256
    kept = world.claim.attributions.get(source=world.article)
    assert kept.quote_status == "anchored"
    assert corrected[kept.quote_start : kept.quote_end] == kept.quote_exact
    # The history keeps the old and the new offsets, and says why they changed.
    history = editor.get(f"/api/v1/attributions/{denial.pk}/history/").json()["results"][0]
    now = (denial.quote_start, denial.quote_end)
    assert history["reason"] == (
        f"Source body changed: quote re-anchored from {before[0]}-{before[1]} to {now[0]}-{now[1]}."
    )
    changes = {change["field"]: (change["old"], change["new"]) for change in history["changes"]}
    assert changes["quote_start"] == (before[0], now[0])
    assert changes["quote_status"] == ("anchored", "reanchored")
    # The search documents hold the quote's new words.
    found = editor.get("/api/v1/statements/", {"q": "Officals"}).json()["results"]
    assert [statement["id"] for statement in found] == [world.denial.pk]


def test_a_source_written_without_a_body_change_says_nothing_of_quotes(world, editor):
    response = editor.patch(
        f"/api/v1/sources/{world.article.pk}/", {"title": "Retitled"}, format="json"
    )
    assert response.status_code == 200
    assert "Quote-Anchoring" not in response


@pytest.fixture
def lookalike(world):
    """A quote in a body where a near-identical sentence stands elsewhere."""
    case = next(c for c in NEAR_DUPLICATES if c["name"] == "edited_quote_lookalike_remains")
    source = SourceFactory(title="Talks", url="https://news.example/talks", body=case["old_body"])
    statement = StatementFactory(
        text="The minister ruled out sending troops.",
        attributions=[
            {
                "speaker": world.minister,
                "source": source,
                "mode": AttributionMode.DIRECT_QUOTE,
                "speech_act": SpeechAct.DENIAL,
                "quote_exact": case["quote"]["exact"],
            }
        ],
    )
    return case, source, statement


def test_a_quote_whose_sentence_is_edited_beside_a_lookalike_is_orphaned(lookalike, editor, anon):
    case, source, statement = lookalike
    before = statement.attributions.get()
    response = patch_body(editor, source, case["new_body"])
    assert response.status_code == 200, response.content
    assert response["Quote-Anchoring"] == "kept=0, reanchored=0, orphaned=1, unanchored=0"
    orphan = statement.attributions.get()
    assert orphan.quote_status == "orphaned"
    # Its offsets and digest stay those of the body it was anchored in.
    assert (orphan.quote_start, orphan.quote_end, orphan.quote_exact) == (
        before.quote_start,
        before.quote_end,
        before.quote_exact,
    )
    assert orphan.quote_body_sha256 == before.quote_body_sha256
    assert orphan.quote_body_sha256 != Source.objects.get(pk=source.pk).body_sha256
    quote = editor.get(f"/api/v1/attributions/{orphan.pk}/").json()["quote"]
    assert (quote["status"], quote["start"]) == ("orphaned", before.quote_start)


def test_anchor_status_filters_attributions_and_statements(lookalike, world, editor):
    case, source, statement = lookalike
    patch_body(editor, source, case["new_body"])
    orphan = statement.attributions.get()
    listed = editor.get("/api/v1/attributions/", {"anchor_status": "orphaned"}).json()
    assert [a["id"] for a in listed["results"]] == [orphan.pk]
    statements = editor.get("/api/v1/statements/", {"anchor_status": "orphaned"}).json()
    assert [s["id"] for s in statements["results"]] == [statement.pk]
    either = editor.get("/api/v1/statements/", {"anchor_status": ["orphaned", "reanchored"]}).json()
    assert [s["id"] for s in either["results"]] == [statement.pk]
    # Held together with the other attribution conditions: one attribution meets them all.
    none = editor.get(
        "/api/v1/statements/", {"anchor_status": "orphaned", "speaker": world.officials.pk}
    ).json()
    assert none["results"] == []
    anchored = editor.get("/api/v1/statements/", {"anchor_status": "anchored"}).json()
    assert statement.pk not in {s["id"] for s in anchored["results"]}
    assert world.denial.pk in {s["id"] for s in anchored["results"]}
    unanchored = editor.get("/api/v1/attributions/", {"anchor_status": "unanchored"}).json()
    assert world.draft.attributions.get().pk in {a["id"] for a in unanchored["results"]}


def test_an_unknown_anchor_status_is_a_400_naming_it(world, anon):
    for path in ("/api/v1/attributions/", "/api/v1/statements/"):
        response = anon.get(path, {"anchor_status": "lost"})
        problem(response, 400)
        assert error_fields(response) == ["anchor_status"]


def test_an_orphan_is_anchored_again_when_its_passage_returns(lookalike, editor):
    case, source, statement = lookalike
    patch_body(editor, source, case["new_body"])
    response = patch_body(editor, source, case["old_body"])
    assert response["Quote-Anchoring"] == "kept=1, reanchored=0, orphaned=0, unanchored=0"
    again = statement.attributions.get()
    assert again.quote_status == "anchored"
    assert again.quote_body_sha256 == Source.objects.get(pk=source.pk).body_sha256


def test_a_body_removed_leaves_its_quotes_unanchored(world, editor):
    response = patch_body(editor, world.article, "")
    assert response["Quote-Anchoring"] == "kept=0, reanchored=0, orphaned=0, unanchored=2"
    for attribution in Attribution.objects.filter(source=world.article).exclude(quote_exact=""):
        assert attribution.quote_status == "unanchored"
        assert (attribution.quote_start, attribution.quote_body_sha256) == (None, "")


def test_a_quote_edited_in_an_attribution_is_anchored_anew(lookalike, editor):
    case, source, statement = lookalike
    patch_body(editor, source, case["new_body"])
    orphan = statement.attributions.get()
    response = editor.patch(
        f"/api/v1/attributions/{orphan.pk}/",
        {"quote": {"exact": "We will not send soldiers to the front line"}},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["quote"]["status"] == "anchored"


def test_a_body_change_rewrites_many_quotes_in_a_fixed_number_of_queries(
    world, editor, django_assert_max_num_queries
):
    old, new, found = cases(7, words=1500, quotes=40)
    source = SourceFactory(title="Long read", url="https://news.example/long", body=old)
    speaker = SpeakerFactory(name="A source", kind=SpeakerKind.PERSON)
    for number, case in enumerate(found):
        StatementFactory(
            text=f"Statement {number}",
            attributions=[
                {
                    "speaker": speaker,
                    "source": source,
                    "mode": AttributionMode.DIRECT_QUOTE,
                    "speech_act": SpeechAct.ASSERTION,
                    "quote_exact": case.exact,
                    "quote_prefix": case.prefix,
                    "quote_suffix": case.suffix,
                }
            ],
        )
    with django_assert_max_num_queries(30):
        response = patch_body(editor, source, new)
    assert response.status_code == 200, response.content
    counts = dict(pair.split("=") for pair in response["Quote-Anchoring"].split(", "))
    assert sum(map(int, counts.values())) == 40
    statuses = Attribution.objects.filter(source=source).values_list("quote_status", flat=True)
    assert set(statuses) <= {"anchored", "reanchored", "orphaned"}
    for attribution in Attribution.objects.filter(source=source, quote_status="reanchored"):
        assert new[attribution.quote_start : attribution.quote_end] == attribution.quote_exact


def test_the_service_reports_what_the_body_change_did(world):
    source = Source.objects.get(pk=world.article.pk)
    updated = services.source_update(source=source, user=None, body=BODY + " More.")
    assert updated.quote_check == services.QuoteCheck(kept=2)
