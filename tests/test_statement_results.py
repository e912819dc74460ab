"""Every statement read goes through one selector (``selectors.statement_results``) and reads one
result type (``StatementResults``): the list, a speaker's list, the search, the export and a
detail select the same statements for the same filters, on either engine."""

import json

import pytest

from statements import selectors, visibility
from statements.filtersets import StatementFilterSet
from statements.search import StatementResults
from tests.helpers import problem

SEARCH = "/api/v1/search/"
STATEMENTS = "/api/v1/statements/"
EXPORT = "/api/v1/statements/export/"
KIRBY_SPEAKER = 3
KIRBY_STATEMENTS = f"/api/v1/speakers/{KIRBY_SPEAKER}/statements/"
VLADIVOSTOK = 7  # John Kirby: the soldiers arrived in Vladivostok


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [hit.get("statement", hit)["id"] for hit in response.json()["results"]]


def exported_ids(response) -> list[int]:
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).splitlines()
    return [json.loads(line)["id"] for line in lines]


# --- The export: every match, in the order asked ----------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"q": "troops"},
        {"q": "troops", "ordering": "-id"},
        {"q": "troops", "ordering": "stated_on"},
        {"q": "troops", "speech_act": "denial", "ordering": "-published_at"},
        {"q": "Kirbey"},  # a misspelt speaker's name, corrected as in the list
    ],
)
def test_the_export_holds_what_the_list_lists_unranked(seed, anon, params):
    listed = ids(anon.get(STATEMENTS, {"ordering": "id", **params, "page_size": 100}))
    assert listed
    assert exported_ids(anon.get(EXPORT, params)) == listed


def test_the_export_never_ranks(seed, anon):
    problem(anon.get(EXPORT, {"q": "troops", "ordering": "relevance"}), 400)


def test_the_export_refuses_an_unknown_speaker_with_q(seed, anon):
    body = problem(anon.get(EXPORT, {"q": "troops", "speaker": 999}), 400)
    assert [error["field"] for error in body["errors"]] == ["speaker"]


# --- A detail: the statement, if it matches the filters -----------------------------------------


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"q": "Vladivostok"}, True),
        ({"q": "Kirbey"}, True),  # the same correction as the list's
        ({"q": "Vladivostok", "ordering": "relevance"}, True),  # accepted, to no effect
        ({"q": "Rutte"}, False),
        ({"q": "Vladivostok", "speaker": KIRBY_SPEAKER}, True),
        ({"q": "Vladivostok", "speech_act": "denial"}, False),
    ],
)
def test_a_detail_with_q_is_the_statement_if_it_matches(seed, anon, params, found):
    plain = anon.get(f"{STATEMENTS}{VLADIVOSTOK}/")
    response = anon.get(f"{STATEMENTS}{VLADIVOSTOK}/", params)
    if found:
        assert response.status_code == 200, response.content
        assert response.content == plain.content
    else:
        problem(response, 404)


# --- A speaker's statements: q ranks as on every list -------------------------------------------


@pytest.mark.parametrize("query", ["troops", "Vladivostok", "Kirbey", "Russia -troops"])
def test_a_speakers_statements_with_q_rank_as_the_search(seed, anon, query):
    ranked = ids(anon.get(SEARCH, {"q": query, "speaker": KIRBY_SPEAKER}))
    assert ids(anon.get(KIRBY_STATEMENTS, {"q": query})) == ranked
    assert ids(anon.get(KIRBY_STATEMENTS, {"q": query, "ordering": "-id"})) == sorted(
        ranked, reverse=True
    )
    count = anon.get(KIRBY_STATEMENTS, {"q": query}).json()["count"]
    assert count == len(ranked)


def test_a_speakers_statements_with_q_refuse_an_unknown_source(seed, anon):
    body = problem(anon.get(KIRBY_STATEMENTS, {"q": "troops", "source": 999}), 400)
    assert [error["field"] for error in body["errors"]] == ["source"]


# --- One result type, on either engine ----------------------------------------------------------


def _results(user, params: dict, *, ranked: bool) -> StatementResults:
    filterset = StatementFilterSet(params, queryset=selectors.statement_queryset(user=user))
    assert filterset.is_valid(), filterset.errors
    return selectors.statement_results(
        filterset.qs,
        filters=filterset.form.cleaned_data,
        ranked=ranked,
        documents=visibility.searchable_documents(user=user),
    )


@pytest.mark.parametrize(
    ("params", "ranked"),
    [
        ({"q": "troops"}, True),
        ({"q": "troops", "speaker": str(KIRBY_SPEAKER)}, True),
        ({"q": "troops", "ordering": "-id"}, False),
        ({"speaker": str(KIRBY_SPEAKER)}, False),
        ({}, False),
    ],
)
def test_statement_results_give_statements_or_ids_alike(seed, editor_user, params, ranked):
    results = _results(editor_user, params, ranked=True)
    assert isinstance(results, StatementResults)
    assert results.ranked is ranked
    count = results.count()
    statements = results[0:count]
    ids_ = results.ids()[0:count]
    assert [statement.pk for statement in statements] == ids_
    assert len(ids_) == count > 0
    assert all(hasattr(statement, "search_score") for statement in statements) is ranked
    assert results.exhaustive


def test_unranked_results_select_every_match(seed, editor_user):
    ranked = _results(editor_user, {"q": "troops"}, ranked=True)
    unranked = _results(editor_user, {"q": "troops"}, ranked=False)
    assert not unranked.ranked
    assert sorted(unranked.ids()[0:100]) == sorted(pk for pk, _ in ranked.hits)
    with pytest.raises(TypeError):
        unranked.facets()
