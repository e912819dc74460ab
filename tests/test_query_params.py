"""Query parameters at their edges, on every endpoint that reads them: dates at the ends of
the calendar, blank ordering terms, repeated parameters, unknown ids, page sizes, and the
export and the detail with ``q``. Over the world of tests/conftest.py (anonymous callers see
the claim and the denial; the draft is the editors')."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.api.pagination import PageNumberPagination
from statements.representations import postgres
from statements.transfer import export
from tests.helpers import error_fields, problem

STATEMENTS = "/api/v1/statements/"
EXPORT = "/api/v1/statements/export/"
SEARCH = "/api/v1/search/"


@pytest.fixture(params=["default", "python"])
def path(request, monkeypatch):
    """Both read paths: the default (on PostgreSQL in UTC, the representations written by
    the database, statements/representations/postgres.py) and the serializers' (everywhere)."""
    if request.param == "python":
        monkeypatch.setattr(postgres, "available", lambda: False)
        monkeypatch.setattr(export, "_lines_in_sql", lambda: False)
    return request.param


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    body = response.json()
    return [hit.get("statement", hit)["id"] for hit in body["results"]]


def exported_ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    body = b"".join(response.streaming_content)
    if response["Content-Type"].startswith("text/csv"):
        rows = body.decode().splitlines()[1:]
        return list(dict.fromkeys(int(row.split(",", 1)[0]) for row in rows))
    return [json.loads(line)["id"] for line in body.splitlines()]


def list_urls(world) -> dict[str, str]:
    """Every list that takes statement or attribution filters, by name."""
    return {
        "statements": STATEMENTS,
        "speaker statements": f"/api/v1/speakers/{world.minister.pk}/statements/",
        "attributions": "/api/v1/attributions/",
        "source attributions": f"/api/v1/sources/{world.article.pk}/attributions/",
    }


# --- 6. Dates at the ends of the calendar ----------------------------------------------------

STATEMENT_DATES = ("stated_after", "stated_before", "published_after", "published_before")
EXTREMES = ("9999-12-31", "0001-01-01")


def _date_requests(world):
    for name, url in list_urls(world).items():
        yield name, url, {}, STATEMENT_DATES
    yield "ranked search in the list", STATEMENTS, {"q": "troops"}, STATEMENT_DATES
    yield "search", SEARCH, {"q": "troops"}, STATEMENT_DATES
    yield "export", EXPORT, {}, STATEMENT_DATES
    yield "export with q", EXPORT, {"q": "troops"}, STATEMENT_DATES
    yield "sources", "/api/v1/sources/", {}, ("published_after", "published_before")


@pytest.mark.parametrize("value", EXTREMES)
def test_every_date_filter_takes_the_ends_of_the_calendar(world, anon, path, value):
    for name, url, params, dates in _date_requests(world):
        for date in dates:
            response = anon.get(url, {**params, date: value})
            assert response.status_code == 200, (name, date, value, response.content)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # The whole calendar: every statement with a date, whichever bound is at its end.
        ({"published_before": "9999-12-31"}, ["claim", "denial"]),
        ({"published_after": "0001-01-01"}, ["claim", "denial"]),
        ({"published_after": "0001-01-01", "published_before": "9999-12-31"}, ["claim", "denial"]),
        ({"stated_before": "9999-12-31"}, ["claim"]),
        ({"stated_after": "0001-01-01", "stated_before": "9999-12-31"}, ["claim"]),
        # Nothing published on the last day, nor before the first.
        ({"published_after": "9999-12-31"}, []),
        ({"published_before": "0001-01-01"}, []),
        ({"stated_after": "9999-12-31"}, []),
    ],
)
def test_the_ends_of_the_calendar_mean_what_they_say(world, anon, path, params, expected):
    expected_ids = [getattr(world, name).pk for name in expected]
    assert ids(anon.get(STATEMENTS, {**params, "ordering": "id"})) == expected_ids
    assert exported_ids(anon.get(EXPORT, params)) == expected_ids
    sources = anon.get("/api/v1/sources/", {k: v for k, v in params.items() if "publ" in k})
    assert sources.status_code == 200


@pytest.mark.parametrize("value", ["10000-01-01", "0000-12-31", "-0001-01-01"])
def test_a_date_past_the_calendar_is_a_400_naming_it(world, anon, value):
    for date in STATEMENT_DATES:
        response = anon.get(STATEMENTS, {date: value})
        problem(response, 400)
        assert error_fields(response) == [date]


# --- 7. Blank ordering terms --------------------------------------------------------------------


def _ordered_lists(world):
    """(name, url, parameters) of every list that takes ``ordering``."""
    yield from ((name, url, {}) for name, url in list_urls(world).items())
    yield "ranked search in the list", STATEMENTS, {"q": "troops"}
    yield "export", EXPORT, {}
    yield "export with q", EXPORT, {"q": "troops"}
    yield "speakers", "/api/v1/speakers/", {}
    yield "sources", "/api/v1/sources/", {}
    yield "relations", "/api/v1/relations/", {}


@pytest.mark.parametrize("ordering", [",", " ", ",,", " , ", ""])
def test_blank_ordering_terms_are_ignored(world, anon, path, ordering):
    for name, url, params in _ordered_lists(world):
        response = anon.get(url, {**params, "ordering": ordering})
        assert response.status_code == 200, (name, response.content)
        if hasattr(response, "streaming_content"):
            assert exported_ids(response) == [world.claim.pk, world.denial.pk]


def test_blank_terms_between_ordering_fields_are_ignored(world, anon, path):
    for name, url, params in _ordered_lists(world):
        response = anon.get(url, {**params, "ordering": "-id,,id"})
        assert response.status_code == 200, (name, response.content)
    assert ids(anon.get(STATEMENTS, {"ordering": " -id , ,"})) == [world.denial.pk, world.claim.pk]
    exported = exported_ids(anon.get(EXPORT, {"ordering": "-id,,"}))
    assert exported == [world.denial.pk, world.claim.pk]


@pytest.mark.parametrize("ordering", ["-", "-,id", "--id"])
def test_a_sign_without_a_field_is_a_400_naming_ordering(world, anon, ordering):
    for name, url, params in _ordered_lists(world):
        response = anon.get(url, {**params, "ordering": ordering})
        problem(response, 400)
        assert error_fields(response) == ["ordering"], name


# --- 9. The export with q; OPTIONS on the export --------------------------------------------


@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
@pytest.mark.parametrize("q", ["troops", "denied", "zebra", "troops -officials"])
def test_the_export_selects_what_the_list_selects_with_q(world, editor, path, fmt, q):
    listed = ids(editor.get(STATEMENTS, {"q": q, "ordering": "id"}))
    response = editor.get(EXPORT, {"q": q, "format": fmt})
    assert exported_ids(response) == listed  # in id order, as documented
    reverse = editor.get(EXPORT, {"q": q, "format": fmt, "ordering": "-id"})
    assert exported_ids(reverse) == listed[::-1]


def test_the_export_with_q_honours_every_other_filter(world, anon, path):
    response = anon.get(EXPORT, {"q": "troops", "speech_act": "denial"})
    assert exported_ids(response) == [world.denial.pk]


@pytest.mark.parametrize("fmt", ["csv", "ndjson", None])
def test_options_on_the_export_answers_its_metadata(world, anon, fmt):
    params = {"format": fmt} if fmt else {}
    response = anon.options(EXPORT, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    metadata = response.json()
    assert metadata["name"]
    assert set(metadata["renders"]) == {"application/x-ndjson", "text/csv", "application/ld+json"}


# --- 10. A detail with q ------------------------------------------------------------------------


def test_a_detail_with_q_is_the_statement_if_it_matches(world, anon, path):
    url = f"{STATEMENTS}{world.claim.pk}/"
    assert anon.get(url, {"q": "troops"}).json()["id"] == world.claim.pk
    assert anon.get(url, {"q": "troops", "ordering": "relevance"}).status_code == 200
    assert anon.get(url, {"q": "troops", "speaker": world.minister.pk}).status_code == 200
    problem(anon.get(url, {"q": "zebra"}), 404)
    problem(anon.get(url, {"q": "troops", "speaker": world.officials.pk}), 404)


def test_a_write_with_q_finds_its_statement_too(world, editor):
    url = f"{STATEMENTS}{world.draft.pk}/?q=draft"
    response = editor.patch(url, {"language": "fr"}, format="json")
    assert response.status_code == 200, response.content


# --- 17. Repeated parameters -------------------------------------------------------------------


def test_repeated_ids_and_choices_match_any_of_them(world, editor, path):
    claim, denial, draft = world.claim.pk, world.denial.pk, world.draft.pk
    minister, officials = world.minister.pk, world.officials.pk
    cases = [
        ({"speaker": [minister, officials]}, [claim, denial]),
        ({"source": [world.article.pk, world.briefing.pk]}, [claim, denial, draft]),
        ({"status": ["draft", "published"]}, [claim, denial, draft]),
        ({"mode": ["direct_quote", "summary"]}, [claim, denial, draft]),
        ({"speech_act": ["denial", "warning"]}, [denial, draft]),
        ({"speaker_kind": ["unnamed", "government"]}, [denial, draft]),
        ({"topic": ["border", "troops"]}, [claim, denial]),  # the claim has both: once
        ({"language": ["en", "fr"]}, [claim, denial, draft]),
        ({"speaker": [minister, officials], "speech_act": "denial"}, [denial]),
        ({"speaker": [minister, minister]}, [claim]),
    ]
    for params, expected in cases:
        assert ids(editor.get(STATEMENTS, {**params, "ordering": "id"})) == expected, params
        assert exported_ids(editor.get(EXPORT, params)) == expected, params
    searched = ids(editor.get(SEARCH, {"q": "troops", "speaker": [minister, officials]}))
    assert sorted(searched) == [claim, denial]
    ranked = ids(editor.get(STATEMENTS, {"q": "troops", "speaker": [minister, officials]}))
    assert sorted(ranked) == [claim, denial]


def test_repeated_filters_of_other_lists_match_any(world, editor):
    attributions = editor.get(
        "/api/v1/attributions/",
        {"statement": [world.claim.pk, world.denial.pk], "mode": ["summary", "direct_quote"]},
    ).json()["results"]
    assert sorted(a["mode"] for a in attributions) == ["direct_quote", "summary"]
    speakers = editor.get("/api/v1/speakers/", {"kind": ["person", "unnamed"]}).json()
    assert sorted(s["name"] for s in speakers["results"]) == ["Jane Roe", "Officials"]
    sources = editor.get("/api/v1/sources/", {"kind": ["news_article", "press_briefing"]}).json()
    assert sources["count"] == 2
    relations = editor.get("/api/v1/relations/", {"kind": ["denies", "updates"]}).json()
    assert relations["count"] == 1


def test_ordering_takes_several_fields_either_way(world, editor, path):
    comma = ids(editor.get(STATEMENTS, {"ordering": "-stated_on,-id"}))
    repeated = ids(editor.get(STATEMENTS, {"ordering": ["-stated_on", "-id"]}))
    assert repeated == comma == [world.claim.pk, world.draft.pk, world.denial.pk]
    assert exported_ids(editor.get(EXPORT, {"ordering": ["-stated_on", "-id"]})) == comma
    speakers = editor.get("/api/v1/speakers/", {"ordering": ["-kind", "name"]})
    problem(speakers, 400)  # kind is not a speaker ordering: the values are still checked
    names = editor.get("/api/v1/speakers/", {"ordering": ["-created_at", "name"]}).json()
    assert [s["name"] for s in names["results"]] == ["Officials", "Ministry of Truth", "Jane Roe"]


@pytest.mark.parametrize(
    ("url", "name", "values"),
    [
        (STATEMENTS, "q", ["troops", "left"]),
        (STATEMENTS, "page", ["1", "1"]),
        (STATEMENTS, "page_size", ["5", "10"]),
        (STATEMENTS, "stated_after", ["2020-01-01", "2021-01-01"]),
        (STATEMENTS, "published_before", ["2024-01-01", "2025-01-01"]),
        (STATEMENTS, "publisher", ["Daily Example", "Gov Example"]),
        (STATEMENTS, "format", ["json", "json"]),
        (f"{STATEMENTS}1/", "q", ["troops", "left"]),
        (EXPORT, "format", ["csv", "ndjson"]),
        (EXPORT, "q", ["troops", "left"]),
        (SEARCH, "q", ["troops", "left"]),
        ("/api/v1/sources/", "url", ["https://a.example", "https://b.example"]),
        ("/api/v1/speakers/", "q", ["roe", "jane"]),
    ],
)
def test_a_parameter_that_takes_one_value_repeated_is_a_400_naming_it(
    world, anon, url, name, values
):
    response = anon.get(url, {name: values})
    problem(response, 400)
    assert error_fields(response) == [name]


def test_the_schema_documents_repeatable_filters_as_exploded_arrays(db, client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/statements/"]["get"]["parameters"]}
    for name in ("speaker", "source", "status", "mode", "speech_act", "speaker_kind", "topic"):
        parameter = parameters[name]
        assert parameter["schema"]["type"] == "array", name
        assert (parameter.get("style"), parameter.get("explode")) == ("form", True), name
    assert parameters["speaker"]["schema"]["items"]["type"] == "integer"
    speech_acts = parameters["speech_act"]["schema"]["items"]  # the component enum
    assert speech_acts == {"$ref": "#/components/schemas/SpeechActEnum"}
    assert "denial" in schema["components"]["schemas"]["SpeechActEnum"]["enum"]
    for name in ("q", "stated_after", "publisher", "page", "page_size"):
        assert parameters[name]["schema"]["type"] != "array", name


# --- 18. Unknown ids ----------------------------------------------------------------------------


def test_an_unknown_speaker_or_source_is_a_400_naming_it(world, anon, path):
    unknown = 999_999_999
    for url, extra in [
        *((url, {}) for url in list_urls(world).values()),
        (SEARCH, {"q": "troops"}),
        (STATEMENTS, {"q": "troops"}),
        (EXPORT, {}),
    ]:
        for name in ("speaker", "source"):
            response = anon.get(url, {**extra, name: unknown})
            body = problem(response, 400)
            assert error_fields(response) == [name], (url, name)
            assert str(unknown) in body["errors"][0]["detail"]
    response = anon.get("/api/v1/attributions/", {"on_behalf_of": unknown})
    assert error_fields(response) == ["on_behalf_of"]


def test_each_unknown_id_among_several_is_named(world, anon):
    response = anon.get(STATEMENTS, {"speaker": [world.minister.pk, 999_998, 999_999]})
    detail = problem(response, 400)["errors"][0]["detail"]
    assert "999998" in detail
    assert "999999" in detail
    assert str(world.minister.pk) not in detail
    response = anon.get(STATEMENTS, {"speaker": 999_999, "source": 999_998})
    assert sorted(error_fields(response)) == ["source", "speaker"]


def test_a_known_speaker_with_no_statements_is_an_empty_page(world, anon):
    # The ministry speaks only in the draft, which anonymous callers do not see.
    assert ids(anon.get(STATEMENTS, {"speaker": world.ministry.pk})) == []
    assert anon.get(SEARCH, {"q": "draft", "speaker": world.ministry.pk}).status_code == 200


def test_statement_ids_do_not_tell_drafts_from_nothing(world, anon, editor):
    def attributions(client, statement):
        response = client.get("/api/v1/attributions/", {"statement": statement})
        assert response.status_code == 200, response.content
        return response.json()["results"]

    assert attributions(anon, world.draft.pk) == attributions(anon, 999_999) == []
    assert len(attributions(editor, world.draft.pk)) == 1
    relations = anon.get("/api/v1/relations/", {"statement": [world.draft.pk, 999_999]})
    assert relations.json()["count"] == 0


def test_checking_a_speaker_that_is_found_costs_no_query(world, anon):
    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            assert anon.get(STATEMENTS, params).status_code == 200
        return len(captured)

    assert queries({"speaker": world.minister.pk}) == queries({})


# --- 19. Page sizes -----------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["101", "1000", "9" * 30])
def test_a_page_size_above_the_cap_is_capped(world, editor, monkeypatch, size):
    assert len(ids(editor.get(STATEMENTS, {"page_size": size}))) == 3
    monkeypatch.setattr(PageNumberPagination, "max_page_size", 2)
    for url, params in [(STATEMENTS, {}), (SEARCH, {"q": "troops OR draft"})]:
        assert len(ids(editor.get(url, {**params, "page_size": size}))) == 2


@pytest.mark.parametrize("size", ["0", "-1", "1.5", "ten", "1e2", "²", " 5"])
def test_a_page_size_that_is_not_a_positive_whole_number_is_a_400(world, anon, size):
    for url, params in [(STATEMENTS, {}), (SEARCH, {"q": "troops"}), ("/api/v1/speakers/", {})]:
        response = anon.get(url, {**params, "page_size": size})
        problem(response, 400)
        assert error_fields(response) == ["page_size"]


@pytest.mark.parametrize("number", ["99999999999999999999", "9" * 5000])
def test_a_huge_page_number_is_past_the_end(world, anon, number):
    problem(anon.get(STATEMENTS, {"page": number}), 404)


def test_the_schema_says_the_page_size_is_capped(db, client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    for path in ("/api/v1/statements/", "/api/v1/search/"):
        parameters = schema["paths"][path]["get"]["parameters"]
        page_size = next(p for p in parameters if p["name"] == "page_size")
        assert "maximum" not in page_size["schema"]
        assert "capped to 100" in page_size["description"]


def test_the_browsable_api_form_offers_the_repeatable_filters(world, anon):
    response = anon.get(
        STATEMENTS, {"speaker": world.minister.pk, "mode": "summary"}, HTTP_ACCEPT="text/html"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'name="speaker" value="{world.minister.pk}"' in html
    assert '<option value="summary" selected>' in html
    # The forms share their fields' widgets (filtersets.FilterSet): nothing of one request's
    # values stays for the next.
    html = anon.get(STATEMENTS, HTTP_ACCEPT="text/html").content.decode()
    assert f'name="speaker" value="{world.minister.pk}"' not in html
    assert "selected>" not in html.split('name="mode"', 1)[1].split("</select>", 1)[0]
