"""The import runs the API's rules (read from the models), and tells namesakes apart."""

import copy
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Attribution, Source, Speaker, Statement
from statements.transfer.imports import import_lines
from tests.factories import AttributionFieldsFactory, SpeakerFactory, StatementFactory
from tests.invalid_values import ATTRIBUTION, INVALID_VALUES, SOURCE, SPEAKER, Invalid

EXPORT = "/api/v1/statements/export/"


def valid_line(text: str = "A statement no one has made yet.") -> dict:
    return {
        "text": text,
        "language": "en",
        "topics": ["border"],
        "status": "draft",
        "retraction_reason": "",
        "attributions": [
            {
                "speaker": {"name": "New Speaker", "kind": "person"},
                "source": {
                    "title": "A new story",
                    "url": "https://example.org/story",
                    "publisher": "Example",
                    "kind": "news_article",
                    "status": "current",
                    "published_at": "2024-10-24T09:00:00Z",
                },
                "mode": "paraphrase",
                "speech_act": "assertion",
                "verb": "said",
                "speaker_role": "spokesperson",
                "occasion": "briefing",
                "on_behalf_of": None,
                "stated_on": "2024-10-23",
                "quote": {"exact": "no one", "prefix": "", "suffix": ""},
            }
        ],
    }


def _place(target: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    for name in parents:
        target = target[name]
    target[last] = value


def with_invalid(case: Invalid) -> tuple[dict, str]:
    """A valid line with the case's value where the export puts it, and the path the import
    must name."""
    line = copy.deepcopy(valid_line())
    attribution = line["attributions"][0]
    target, prefix = {
        ATTRIBUTION: (attribution, "attributions.0."),
        SPEAKER: (attribution["speaker"], "attributions.0.speaker."),
        SOURCE: (attribution["source"], "attributions.0.source."),
    }.get(case.resource, (line, ""))
    _place(target, case.field, case.value)
    return line, prefix + case.named


def run_import(tmp_path, lines: list[dict], **options) -> str:
    path = tmp_path / "statements.ndjson"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = io.StringIO()
    call_command("import_statements", str(path), "--no-progress", stdout=out, **options)
    return out.getvalue()


def _counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Statement, Attribution, Speaker, Source))


def test_the_valid_line_is_imported(db, tmp_path):
    assert "Imported 1 statement(s)" in run_import(tmp_path, [valid_line()])


@pytest.mark.parametrize("case", INVALID_VALUES, ids=lambda case: case.id)
def test_the_import_refuses_what_the_api_refuses(db, tmp_path, case):
    line, field = with_invalid(case)
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, [valid_line("Another statement."), line])
    assert f"line 2: {field}: " in str(error.value)
    assert _counts() == (0, 0, 0, 0)


def test_the_import_refuses_more_attributions_than_the_api(db, tmp_path):
    line = valid_line()
    template = line["attributions"][0]
    line["attributions"] = [
        {**template, "speaker": {"name": f"Speaker {number}", "kind": "person"}}
        for number in range(101)
    ]
    with pytest.raises(CommandError, match="line 1: attributions: "):
        run_import(tmp_path, [line])


# --- 30: namesakes ------------------------------------------------------------------------------


def _attributed(world, speaker: Speaker, text: str) -> Statement:
    return StatementFactory(
        text=text, attributions=[AttributionFieldsFactory(speaker=speaker, source=world.briefing)]
    )


@pytest.fixture
def namesakes(world):
    """Two different people called John Smith, each with a statement."""
    smiths = [SpeakerFactory(name="John Smith") for _ in range(2)]
    for number, smith in enumerate(smiths, 1):
        _attributed(world, smith, f"What John Smith number {number} said.")
    return smiths


def _speaker_of(text: str) -> Speaker:
    return Attribution.objects.get(statement__text=text).speaker


def _exported(editor, tmp_path) -> list[dict]:
    body = b"".join(editor.get(EXPORT, {"format": "ndjson"}).streaming_content)
    return [json.loads(line) for line in body.splitlines()]


def _forget_statements() -> None:
    Attribution.objects.all().delete()
    Statement.objects.all().delete()


def test_an_export_reimported_keeps_namesakes_apart(namesakes, editor, tmp_path):
    lines = _exported(editor, tmp_path)
    _forget_statements()
    run_import(tmp_path, lines)
    assert _speaker_of("What John Smith number 1 said.") == namesakes[0]
    assert _speaker_of("What John Smith number 2 said.") == namesakes[1]
    assert Speaker.objects.filter(name="John Smith").count() == 2


def test_an_export_imported_elsewhere_creates_each_namesake(namesakes, editor, tmp_path):
    lines = _exported(editor, tmp_path)
    _forget_statements()
    Speaker.objects.filter(name="John Smith").delete()
    output = run_import(tmp_path, lines, batch_size=1)  # the namesakes in different batches
    smiths = Speaker.objects.filter(name="John Smith")
    assert smiths.count() == 2
    first, second = (_speaker_of(f"What John Smith number {number} said.") for number in (1, 2))
    assert first != second
    assert "Imported 5 statement(s)" in output  # the world's three and the Smiths' two


def test_namesakes_from_another_database_are_created_apart(world, tmp_path):
    lines = []
    for key in (9001, 9002):
        line = valid_line(f"Said by the Smith known there as {key}.")
        line["attributions"][0]["speaker"] = {"id": key, "name": "John Smith", "kind": "person"}
        lines.append(line)
    lines.append(copy.deepcopy(lines[0]) | {"text": "The first Smith again."})
    run_import(tmp_path, lines)
    first = _speaker_of("Said by the Smith known there as 9001.")
    assert _speaker_of("The first Smith again.") == first
    assert _speaker_of("Said by the Smith known there as 9002.") != first
    assert Speaker.objects.filter(name="John Smith").count() == 2


def test_a_name_matches_an_existing_speaker_when_it_is_the_only_one(world, tmp_path):
    line = valid_line()
    line["attributions"][0]["speaker"] = {"name": "Jane Roe", "kind": "person"}
    before = Speaker.objects.count()
    run_import(tmp_path, [line])
    assert _speaker_of(line["text"]) == world.minister
    assert Speaker.objects.count() == before


@pytest.mark.parametrize("key", [None, 999_999], ids=["no-key", "unknown-id"])
def test_an_ambiguous_name_is_a_line_error_naming_the_candidates(namesakes, tmp_path, key):
    line = valid_line()
    speaker = {"name": "John Smith", "kind": "person"}
    if key is not None:
        speaker["id"] = key
    line["attributions"][0]["speaker"] = speaker
    before = _counts()
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, [valid_line("Fine."), line])
    message = str(error.value)
    assert "line 2: attributions.0.speaker: " in message
    assert all(f"#{smith.pk}" in message for smith in namesakes)
    assert _counts() == before


def test_two_namesakes_in_a_file_and_one_in_the_database_is_ambiguous(world, tmp_path):
    smith = SpeakerFactory(name="John Smith")
    lines = []
    for key in (9001, 9002):
        line = valid_line(f"Said by {key}.")
        line["attributions"][0]["speaker"] = {"id": key, "name": "John Smith", "kind": "person"}
        lines.append(line)
    with pytest.raises(CommandError) as error:
        run_import(tmp_path, lines)
    assert "line 1: attributions.0.speaker: " in str(error.value)
    assert f"#{smith.pk}" in str(error.value)


def test_a_wikidata_id_identifies_the_speaker(namesakes, tmp_path):
    namesakes[1].wikidata_id = "Q4242"
    namesakes[1].save()
    known = valid_line("Said by the Smith of Q4242.")
    known["attributions"][0]["speaker"] = {
        "id": 999_999,
        "name": "John Smith",
        "kind": "person",
        "wikidata_id": "Q4242",
    }
    new = valid_line("Said by the Smith of Q777.")
    new["attributions"][0]["speaker"] = {
        "name": "John Smith",
        "kind": "person",
        "wikidata_id": "Q777",
    }
    run_import(tmp_path, [known, new])
    assert _speaker_of(known["text"]) == namesakes[1]
    created = _speaker_of(new["text"])
    assert created not in namesakes
    assert created.wikidata_id == "Q777"


def test_an_id_with_another_name_is_not_that_speaker(world, tmp_path):
    line = valid_line()
    line["attributions"][0]["speaker"] = {
        "id": world.minister.pk,
        "name": "Someone Else",
        "kind": "person",
    }
    run_import(tmp_path, [line])
    speaker = _speaker_of(line["text"])
    assert speaker != world.minister
    assert speaker.name == "Someone Else"


def test_namesakes_cost_no_query_per_line(world):
    def lines(count: int) -> list[bytes]:
        made = []
        for number in range(count):
            line = valid_line(f"Statement {count}-{number}.")
            line["attributions"][0]["speaker"] = {
                "id": 50_000 + number % 7,
                "name": f"Namesake {count}-{number % 3}",
                "kind": "person",
            }
            line["attributions"][0]["source"]["url"] = f"https://example.org/{count}/{number}"
            made.append(json.dumps(line).encode())
        return made

    counts = []
    for count in (3, 30):
        with CaptureQueriesContext(connection) as queries:
            import_lines(lines(count))
        counts.append(len(queries))
    assert counts[0] == counts[1]
