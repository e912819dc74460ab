"""What search finds, the same on every engine (CI runs this on SQLite and on PostgreSQL).

One table of tricky queries (acronyms, names that are stop words in English, hyphens,
accents, apostrophes, numbers) over one small world, asserted as a whole: each query finds
exactly the statements listed, through the search endpoint and the list's ``q``. Then the
attributions' quoted words, which find their statement, and the highlighter's marks, which
nothing in a statement's text can forge.
"""

import pytest
from django.core.management import call_command

from statements import search, services
from statements.choices import AttributionMode, SourceKind, SpeakerKind, SpeechAct
from statements.models import Statement

SEARCH = "/api/v1/search/"
STATEMENTS = "/api/v1/statements/"

# Statements by key: (speaker, text).
TRICKY = {
    "who": ("World Health Organization", "WHO officials declared an emergency."),
    "the_who": ("Roger Daltrey", "The Who played their last concert."),
    "us": ("Antony Blinken", "The U.S. will send more aid."),
    "un": ("Antonio Guterres", "A U.N. council met on Friday."),
    "nato": ("Jens Stoltenberg", "NATO allies agreed to raise spending."),
    "it": ("Helpdesk", "Our IT department restored the servers."),
    "hurd": ("Will Hurd", "Hurd voted against a bill."),
    "email": ("Press office", "An e-mail was leaked to reporters."),
    "kim": ("KCNA", "Kim Jong-un inspected a launch."),
    "cafe_accented": ("Kyiv Independent", "He spoke at a café in Kyiv."),
    "cafe_plain": ("Local paper", "That cafe was closed."),
    "putin": ("Dmitry Peskov", "Putin's spokesman dismissed a report."),
    "obrien": ("Reuters", "O'Brien said talks would resume."),
    "dont": ("Ministry", "We don’t accept those terms."),
    "zelenskyy": ("Volodymyr Zelenskyy", "Zelenskyy thanked allies."),
    "growth": ("Statistics office", "Growth slowed to 3.5 percent."),
    "site": ("Editor", "Details are at example.org/report today."),
}
ALIASES = {"World Health Organization": ["WHO"], "Volodymyr Zelenskyy": ["Zelensky"]}

# query -> keys of the statements it finds, exactly.
EXPECTED = {
    "WHO": {"who", "the_who"},
    "who": {"who", "the_who"},
    '"The Who"': {"the_who"},
    "The Who": {"the_who"},
    "World Health Organization": {"who"},
    "IT": {"it"},
    "Will": {"us", "hurd"},
    "Will Hurd": {"hurd"},
    "U.S.": {"us"},
    "u.s.": {"us"},
    "U.S": {"us"},
    "U.N.": {"un"},
    "NATO": {"nato"},
    "e-mail": {"email"},
    "mail": {"email"},
    "Jong-un": {"kim"},
    "Kim Jong-un": {"kim"},
    '"Kim Jong un"': {"kim"},
    "café": {"cafe_accented", "cafe_plain"},
    "cafe": {"cafe_accented", "cafe_plain"},
    "CAFÉ Kyiv": {"cafe_accented"},
    "Putin's": {"putin"},
    "Putin": {"putin"},
    "O'Brien": {"obrien"},
    "O’Brien": {"obrien"},
    "Brien": {"obrien"},
    "don’t": {"dont"},
    "don't": {"dont"},
    "Zelenskyy": {"zelenskyy"},
    "Zelensky": {"zelenskyy"},
    "3.5": {"growth"},
    "example.org": {"site"},
    "example.org/report": {"site"},
}


@pytest.fixture
def tricky(db) -> dict[str, int]:
    source = services.source_create(
        user=None,
        title="Wire digest",
        url="https://wire.example/digest",
        kind=SourceKind.NEWS_ARTICLE,
    )
    ids = {}
    for key, (name, text) in TRICKY.items():
        speaker = services.speaker_create(
            user=None, name=name, kind=SpeakerKind.PERSON, aliases=ALIASES.get(name, [])
        )
        statement = services.statement_create(
            user=None,
            text=text,
            attributions=[
                {
                    "speaker": speaker,
                    "source": source,
                    "mode": AttributionMode.SUMMARY,
                    "speech_act": SpeechAct.ASSERTION,
                }
            ],
        )
        services.statement_publish(statement=statement, user=None)
        ids[key] = statement.pk
    return ids


def found_ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {hit.get("statement", hit)["id"] for hit in response.json()["results"]}


@pytest.mark.parametrize("path", [SEARCH, STATEMENTS])
def test_every_engine_finds_the_same_statements_for_tricky_queries(tricky, anon, path):
    keys = {pk: key for key, pk in tricky.items()}
    found = {
        query: {keys[pk] for pk in found_ids(anon.get(path, {"q": query, "page_size": 100}))}
        for query in EXPECTED
    }
    assert found == EXPECTED
