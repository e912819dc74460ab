"""What search finds, the same on every engine (CI runs this on SQLite and on PostgreSQL).

One table of tricky queries (acronyms, names that are stop words in English, hyphens,
accents, apostrophes, numbers) over one small world, asserted as a whole: each query finds
exactly the statements listed, through the search endpoint and the list's ``q``. Then the
attributions' quoted words, which find their statement, and the highlighter's marks, which
nothing in a statement's text can forge.
"""

import pytest
from django.core.management import call_command

from statements import search
from statements.choices import AttributionMode, SourceKind
from statements.models import Statement
from tests.factories import (
    AttributionFieldsFactory,
    SourceFactory,
    SpeakerFactory,
    StatementFactory,
)

SEARCH = "/api/v1/search/"
APOSTROPHE = "\u2019"  # the typographic one
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
    "dont": ("Ministry", f"We don{APOSTROPHE}t accept those terms."),
    "zelenskyy": ("Volodymyr Zelenskyy", "Zelenskyy thanked allies."),
    "growth": ("Statistics office", "Growth slowed to 3.5 percent."),
    "site": ("Editor", "Details are at example.org/report today."),
    "att": ("Telecom desk", "AT&T raised prices."),
    "address": ("Press desk", "Write to press@mission.example for details."),
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
    f"O{APOSTROPHE}Brien": {"obrien"},
    "Brien": {"obrien"},
    f"don{APOSTROPHE}t": {"dont"},
    "don't": {"dont"},
    "Zelenskyy": {"zelenskyy"},
    "Zelensky": {"zelenskyy"},
    "3.5": {"growth"},
    "example.org": {"site"},
    "example.org/report": {"site"},
    "AT&T": {"att"},
    "press@mission.example": {"address"},
    "mission": {"address"},
}


@pytest.fixture
def tricky(db) -> dict[str, int]:
    source = SourceFactory(
        title="Wire digest", url="https://wire.example/digest", kind=SourceKind.NEWS_ARTICLE
    )
    ids = {}
    for key, (name, text) in TRICKY.items():
        speaker = SpeakerFactory(name=name, aliases=ALIASES.get(name, []))
        statement = StatementFactory(
            text=text,
            attributions=[AttributionFieldsFactory(speaker=speaker, source=source)],
            publish=True,
        )
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


@pytest.mark.parametrize("query", ["U.S.", "3.5", "example.org", "WHO", "café", "e-mail", "AT&T"])
def test_the_snippets_mark_the_tricky_words(tricky, anon, query):
    # PostgreSQL's highlighter parses the text as it is ("U.S." one word): it must still
    # mark what the vector matched.
    hits = anon.get(SEARCH, {"q": query}).json()["results"]
    assert hits
    assert all("<mark>" in hit["snippet"] for hit in hits), hits


# --- Quotes -------------------------------------------------------------------------------------

QUOTE_BODY = (
    "The envoy spoke at the quay. She called the blockade a quagmire of sorts, "
    "and later a stalemate of sorts."
)


def test_an_attributions_quoted_words_find_its_statement(world, editor):
    """Written, changed and removed through the API: the quote's words find the statement
    on both search paths; words only in the quote, not in the statement's text."""
    source = editor.post(
        "/api/v1/sources/",
        {
            "title": "Envoy at the quay",
            "url": "https://news.example/envoy",
            "kind": "news_article",
            "body": QUOTE_BODY,
        },
        format="json",
    )
    assert source.status_code == 201, source.content
    statement = editor.post(
        STATEMENTS,
        {
            "text": "The envoy criticised the blockade.",
            "attributions": [
                {
                    "speaker": world.minister.pk,
                    "source": source.json()["id"],
                    "mode": "direct_quote",
                    "speech_act": "assertion",
                    "quote": {"exact": "a quagmire of sorts"},
                }
            ],
        },
        format="json",
    )
    assert statement.status_code == 201, statement.content
    pk, attribution = statement.json()["id"], statement.json()["attributions"][0]["id"]

    def finds(word: str) -> bool:
        ranked = found_ids(editor.get(SEARCH, {"q": word}))
        listed = found_ids(editor.get(STATEMENTS, {"q": word}))
        assert ranked == listed
        return pk in ranked

    assert finds("quagmire")
    assert finds('"quagmire of sorts" envoy')
    changed = editor.patch(
        f"/api/v1/attributions/{attribution}/",
        {"quote": {"exact": "a stalemate of sorts"}},
        format="json",
    )
    assert changed.status_code == 200, changed.content
    assert finds("stalemate")
    assert not finds("quagmire")
    call_command("rebuild_search_index", verbosity=0)
    assert finds("stalemate")
    deleted = editor.delete(f"/api/v1/attributions/{attribution}/")
    assert deleted.status_code == 204, deleted.content
    assert not finds("stalemate")


def test_a_quote_weighs_less_than_the_text_and_more_than_a_speaker(db, anon):
    """ "Zanzibar" in one statement's text, in another's quote, in a third's speaker's
    name, each of the same length as its kind elsewhere: ranked in that order."""
    body = "Zanzibar ferries sail. Ferries sail today. Ferries sail now."
    source = SourceFactory(title="Harbour notes", url="https://port.example/notes", body=body)
    cases = [
        ("Amina Said", "Zanzibar ferries resumed.", "Ferries sail today"),
        ("Omar Juma", "Harbour ferries resumed.", "Zanzibar ferries sail"),
        ("Zanzibar Port", "Island ferries resumed.", "Ferries sail now"),
    ]
    expected = []
    for name, text, quote in cases:
        statement = StatementFactory(
            text=text,
            attributions=[
                AttributionFieldsFactory(
                    speaker=SpeakerFactory(name=name),
                    source=source,
                    mode=AttributionMode.DIRECT_QUOTE,
                    quote_exact=quote,
                )
            ],
            publish=True,
        )
        expected.append(statement.pk)
    response = anon.get(SEARCH, {"q": "zanzibar"})
    assert [hit["statement"]["id"] for hit in response.json()["results"]] == expected


# --- Snippets -----------------------------------------------------------------------------------

FORGED = "Alpha \x02beta\x03 gamma \x03 <b>delta</b> \x02epsilon"


@pytest.mark.parametrize("query", ["delta", "gamma", "beta"])
def test_a_statements_text_cannot_forge_the_highlighters_marks(world, editor, query):
    """Texts stored before the API refused control characters, or written past it (the
    ORM, a raw load), are indexed by the rebuild and by the services' indexing alike:
    the snippet marks the query's word and nothing else."""
    loaded = Statement.objects.create(text=FORGED)
    call_command("rebuild_search_index", verbosity=0)
    edited = world.draft
    Statement.objects.filter(pk=edited.pk).update(text=FORGED + " zeta")
    search.index_statements([edited.pk])
    hits = editor.get(SEARCH, {"q": query}).json()["results"]
    snippets = {hit["statement"]["id"]: hit["snippet"] for hit in hits}
    assert set(snippets) == {loaded.pk, edited.pk}
    for snippet in snippets.values():
        assert snippet.count("<mark>") == snippet.count("</mark>") == 1, snippet
        assert f"<mark>{query}</mark>" in snippet
        bare = snippet.replace(f"<mark>{query}</mark>", query)
        # The tags escaped (or dropped), the control characters gone.
        assert not set(bare) & {"<", ">", "\x02", "\x03"}, snippet
