"""``?fields=``: a read shows only the fields named, comma-separated, dots into nested objects:
statements (list, detail, a speaker's, search), speakers, sources, attributions (and a
source's) and relations."""

import orjson
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Attribution
from statements.representations.fields import (
    ATTRIBUTION,
    ATTRIBUTION_RESOURCE,
    RELATION,
    SOURCE,
    SPEAKER,
    STATEMENT,
    UnknownFields,
    loaded_fields,
    parse_selection,
    select,
    summaries,
)
from tests.helpers import error_fields, problem

STATEMENT_READS = ["/api/v1/statements/", "/api/v1/statements/{claim}/"]


def _statements(response) -> list[dict]:
    body = response.json()
    if "results" not in body:
        return [body]
    return [hit.get("statement", hit) for hit in body["results"]]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/statements/",
        "/api/v1/statements/{claim}/",
        "/api/v1/speakers/{minister}/statements/",
        "/api/v1/search/?q=troops",
    ],
)
def test_a_read_shows_only_the_fields_named(world, anon, url):
    url = url.format(claim=world.claim.pk, minister=world.minister.pk)
    joiner = "&" if "?" in url else "?"
    response = anon.get(f"{url}{joiner}fields=text,id,attributions.speaker,attributions.quote.end")
    assert response.status_code == 200, response.content
    statements = _statements(response)
    assert statements
    for statement in statements:
        # In the declared order, whatever the order asked.
        assert list(statement) == ["id", "text", "attributions"]
        for attribution in statement["attributions"]:
            assert list(attribution) == ["speaker", "quote"]
            assert list(attribution["speaker"]) == ["id", "name", "kind"]  # kept whole
            assert attribution["quote"] is None or list(attribution["quote"]) == ["end"]


def test_the_selection_is_the_full_representation_trimmed(world, anon):
    full = anon.get("/api/v1/statements/").json()["results"]
    fields = "id,topics,attributions.source.title,attributions.quote,relations.from_statement.id"
    trimmed = anon.get("/api/v1/statements/", {"fields": fields}).json()["results"]
    expected = [
        {
            "id": statement["id"],
            "topics": statement["topics"],
            "attributions": [
                {"source": {"title": a["source"]["title"]}, "quote": a["quote"]}
                for a in statement["attributions"]
            ],
            "relations": [
                {"from_statement": {"id": r["from_statement"]["id"]}}
                for r in statement["relations"]
            ],
        }
        for statement in full
    ]
    assert trimmed == expected


def test_a_quote_without_its_exact_text_is_still_null_when_blank(world, anon):
    Attribution.objects.filter(pk=world.claim.attributions.first().pk).update(quote_exact="")
    full = anon.get("/api/v1/statements/").json()["results"]
    trimmed = anon.get("/api/v1/statements/", {"fields": "attributions.quote.start"}).json()
    quotes = [a["quote"] for s in trimmed["results"] for a in s["attributions"]]
    expected = [
        a["quote"] and {"start": a["quote"]["start"]} for s in full for a in s["attributions"]
    ]
    assert quotes == expected
    assert None in quotes


def test_search_keeps_its_scores_and_snippets(world, anon):
    full = anon.get("/api/v1/search/", {"q": "troops"}).json()
    trimmed = anon.get("/api/v1/search/", {"q": "troops", "fields": "id"}).json()
    assert [hit["statement"] for hit in trimmed["results"]] == [
        {"id": hit["statement"]["id"]} for hit in full["results"]
    ]
    assert [(h["score"], h["snippet"]) for h in trimmed["results"]] == [
        (h["score"], h["snippet"]) for h in full["results"]
    ]
    assert trimmed["facets"] == full["facets"]


def test_a_detail_with_fields_has_its_own_etag(world, anon):
    url = f"/api/v1/statements/{world.claim.pk}/"
    full = anon.get(url)
    trimmed = anon.get(url, {"fields": "id,text"})
    assert trimmed.content == orjson.dumps({"id": world.claim.pk, "text": world.claim.text})
    assert trimmed["ETag"] != full["ETag"]
    assert (
        anon.get(url, {"fields": "id,text"}, HTTP_IF_NONE_MATCH=trimmed["ETag"]).status_code == 304
    )
    assert anon.get(url, {"fields": "id"}, HTTP_IF_NONE_MATCH=trimmed["ETag"]).status_code == 200
    assert anon.get(url, HTTP_IF_NONE_MATCH=trimmed["ETag"]).status_code == 200


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ("id,nope", "nope"),
        ("attributions.nope", "attributions.nope"),
        ("id.more", "id.more"),
        ("attributions.speaker.id.more", "attributions.speaker.id.more"),
        ("Text", "Text"),
    ],
)
@pytest.mark.parametrize("url", STATEMENT_READS)
def test_an_unknown_field_is_a_400_naming_it(world, anon, url, fields, named):
    response = anon.get(url.format(claim=world.claim.pk), {"fields": fields})
    body = problem(response, 400)
    assert error_fields(response) == ["fields"]
    assert named in body["errors"][0]["detail"]


@pytest.mark.parametrize("fields", ["", " ", "id,", ",id", "id,,text", "attributions.", "."])
def test_an_empty_name_is_a_400(world, anon, fields):
    response = anon.get("/api/v1/statements/", {"fields": fields})
    problem(response, 400)
    assert error_fields(response) == ["fields"]


def test_fields_given_twice_is_a_400(world, anon):
    response = anon.get("/api/v1/statements/?fields=id&fields=text")
    problem(response, 400)
    assert error_fields(response) == ["fields"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/statements/export/",
        "/api/v1/statements/{claim}/history/",
        "/api/v1/speakers/{minister}/history/",
        "/api/v1/sources/{article}/history/",
    ],
)
def test_fields_is_unknown_where_it_is_not_supported(world, editor, url):
    url = url.format(claim=world.claim.pk, minister=world.minister.pk, article=world.article.pk)
    response = editor.get(url, {"fields": "id"})
    problem(response, 400)
    assert error_fields(response) == ["fields"]


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/v1/statements/{draft}/", {"text": "Changed."}),
        ("/api/v1/speakers/{minister}/", {"description": "Changed."}),
        ("/api/v1/sources/{briefing}/", {"title": "Changed."}),
        ("/api/v1/attributions/{draft_attribution}/", {"verb": "changed"}),
        ("/api/v1/relations/{relation}/", {"note": "Changed."}),
    ],
)
def test_a_write_does_not_select(world, editor, url, body):
    url = url.format(
        draft=world.draft.pk,
        minister=world.minister.pk,
        briefing=world.briefing.pk,
        draft_attribution=world.named("draft_attribution").pk,
        relation=world.relation.pk,
    )
    response = editor.patch(f"{url}?fields=id", body, format="json")
    problem(response, 400)
    assert error_fields(response) == ["fields"]


def test_queries_are_no_more_with_fields(world, anon, django_assert_max_num_queries):
    for url in ("/api/v1/statements/", f"/api/v1/statements/{world.claim.pk}/"):
        with CaptureQueriesContext(connection) as full:
            anon.get(url)
        with django_assert_max_num_queries(len(full.captured_queries)):
            anon.get(url, {"fields": "id,attributions.speaker.name"})


# --- the other resources: speakers, sources, attributions, relations -------------------------

# Each read, the shape it selects from and a selection of it.
RESOURCE_READS = [
    ("/api/v1/speakers/", SPEAKER, "aliases,name"),
    ("/api/v1/speakers/{minister}/", SPEAKER, "id,country"),
    ("/api/v1/sources/", SOURCE, "title,id,published_at"),
    ("/api/v1/sources/{article}/", SOURCE, "body_sha256,url"),
    ("/api/v1/sources/{article}/attributions/", ATTRIBUTION_RESOURCE, "statement,speaker.name"),
    ("/api/v1/attributions/", ATTRIBUTION_RESOURCE, "id,source.title,quote.start,stated_on"),
    ("/api/v1/attributions/{attribution}/", ATTRIBUTION_RESOURCE, "on_behalf_of,quote"),
    ("/api/v1/relations/", RELATION, "kind,from_statement"),
    ("/api/v1/relations/{relation}/", RELATION, "note"),
]


def _url(world, url: str) -> str:
    return url.format(
        minister=world.minister.pk,
        article=world.article.pk,
        attribution=world.named("claim_in_article").pk,
        relation=world.relation.pk,
    )


def _items(response) -> list[dict]:
    body = response.json()
    return body.get("results", [body])


@pytest.mark.parametrize(("url", "shape", "fields"), RESOURCE_READS)
def test_without_fields_a_read_is_unchanged(world, editor, url, shape, fields):
    """The default representation is every declared field, in order, byte for byte what
    the selection of every field writes (the serializer's own output, not the trimmed)."""
    url = _url(world, url)
    default = editor.get(url)
    assert default.status_code == 200, default.content
    assert all(list(item) == list(shape.names()) for item in _items(default))
    everything = editor.get(url, {"fields": ",".join(reversed(shape.names()))})
    assert everything.content == default.content
    assert everything.get("ETag") == default.get("ETag")


# What each selection keeps of the full representation, written out.
TRIMMED = {
    "aliases,name": lambda s: {"name": s["name"], "aliases": s["aliases"]},
    "id,country": lambda s: {"id": s["id"], "country": s["country"]},
    "title,id,published_at": lambda s: {
        "id": s["id"],
        "title": s["title"],
        "published_at": s["published_at"],
    },
    "body_sha256,url": lambda s: {"url": s["url"], "body_sha256": s["body_sha256"]},
    "statement,speaker.name": lambda a: {
        "statement": a["statement"],
        "speaker": {"name": a["speaker"]["name"]},
    },
    "id,source.title,quote.start,stated_on": lambda a: {
        "id": a["id"],
        "source": {"title": a["source"]["title"]},
        "stated_on": a["stated_on"],
        "quote": a["quote"] and {"start": a["quote"]["start"]},
    },
    "on_behalf_of,quote": lambda a: {"on_behalf_of": a["on_behalf_of"], "quote": a["quote"]},
    "kind,from_statement": lambda r: {"from_statement": r["from_statement"], "kind": r["kind"]},
    "note": lambda r: {"note": r["note"]},
}


@pytest.mark.parametrize(("url", "shape", "fields"), RESOURCE_READS)
def test_a_resource_read_is_its_full_representation_trimmed(world, editor, url, shape, fields):
    url = _url(world, url)
    full = _items(editor.get(url))
    trimmed = editor.get(url, {"fields": fields})
    assert trimmed.status_code == 200, trimmed.content
    assert _items(trimmed) == [TRIMMED[fields](item) for item in full]
    assert full


def test_an_attribution_s_quote_without_its_exact_text_is_still_null_when_blank(world, anon):
    Attribution.objects.filter(pk=world.named("claim_in_article").pk).update(quote_exact="")
    full = anon.get("/api/v1/attributions/").json()["results"]
    trimmed = anon.get("/api/v1/attributions/", {"fields": "quote.end"}).json()["results"]
    assert trimmed == [{"quote": a["quote"] and {"end": a["quote"]["end"]}} for a in full]
    assert {"quote": None} in trimmed


@pytest.mark.parametrize(
    ("url", "fields"),
    [(url, fields) for url, _, fields in RESOURCE_READS if not url.endswith("s/")],
)
def test_a_resource_detail_with_fields_has_its_own_etag(world, anon, url, fields):
    url = _url(world, url)
    full = anon.get(url)
    trimmed = anon.get(url, {"fields": fields})
    assert trimmed.content == orjson.dumps(TRIMMED[fields](full.json()))
    assert trimmed["ETag"] not in (None, full["ETag"])
    assert anon.get(url, {"fields": fields}, HTTP_IF_NONE_MATCH=trimmed["ETag"]).status_code == 304
    assert anon.get(url, HTTP_IF_NONE_MATCH=trimmed["ETag"]).status_code == 200
    assert anon.get(url, {"fields": "id"}, HTTP_IF_NONE_MATCH=full["ETag"]).status_code == 200


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ("id,nope", "nope"),
        ("id.more", "id.more"),
        ("speaker.nope", "speaker"),  # speaker.nope, or speaker where there is none
        ("statement.id", "statement"),
        ("", "empty names"),
        ("id,,kind", "empty names"),
    ],
)
@pytest.mark.parametrize("url", [url for url, _, _ in RESOURCE_READS])
def test_an_unknown_field_of_a_resource_is_a_400_naming_it(world, anon, url, fields, named):
    response = anon.get(_url(world, url), {"fields": fields})
    body = problem(response, 400)
    assert error_fields(response) == ["fields"]
    assert named in body["errors"][0]["detail"]


@pytest.mark.parametrize(("url", "shape", "fields"), RESOURCE_READS)
def test_a_resource_read_costs_no_more_queries_with_fields(
    world, editor, django_assert_max_num_queries, url, shape, fields
):
    url = _url(world, url)
    with CaptureQueriesContext(connection) as full:
        editor.get(url)
    with django_assert_max_num_queries(len(full.captured_queries)):
        assert editor.get(url, {"fields": fields}).status_code == 200


def test_only_the_columns_selected_are_read(world, anon):
    with CaptureQueriesContext(connection) as queries:
        anon.get("/api/v1/sources/", {"fields": "id,title"})
        anon.get("/api/v1/attributions/", {"fields": "id,speaker.name"})
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert '"body"' not in sql  # a source's body is kilobytes
    assert '"statements_source"."title"' in sql
    assert "speech_act" not in sql


# --- the selection itself --------------------------------------------------------------------


def test_the_same_selection_however_spelt_is_one_shape():
    assert select(STATEMENT, "id,text") is select(STATEMENT, "text,id,id")
    assert select(STATEMENT, "attributions,attributions.speaker") is select(
        STATEMENT, "attributions"
    )


def test_naming_a_nested_object_keeps_it_whole():
    shape = select(STATEMENT, "attributions.speaker,attributions")
    assert shape.names() == ("attributions",)
    assert shape["attributions"].shape.names() == ATTRIBUTION.names()
    assert parse_selection("a.b,a") == {"a": None}
    assert parse_selection("a.b.c,a.d") == {"a": {"b": {"c": None}, "d": None}}


def test_a_selection_loads_its_columns_and_its_nested_objects_whole():
    shape = select(ATTRIBUTION_RESOURCE, "statement,speaker.name,quote.end")
    assert summaries(shape) == ("speaker",)
    assert loaded_fields(shape) == (
        "statement_id",
        "speaker__id",
        "speaker__name",
        "speaker__kind",
        "quote_exact",
        "quote_prefix",
        "quote_suffix",
        "quote_start",
        "quote_end",
        "quote_status",
        "quote_body_sha256",
    )
    assert loaded_fields(select(SOURCE, "id,title")) == ("id", "title")


def test_every_unknown_name_is_named():
    with pytest.raises(UnknownFields) as error:
        select(STATEMENT, "nope,attributions.nada,text.x")
    assert error.value.names == ["attributions.nada", "nope", "text.x"]
