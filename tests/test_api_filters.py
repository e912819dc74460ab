"""Every list filter and ordering, as tables of (query parameters, expected rows) over the world:

    claim   published  Jane Roe  in the article  (paraphrase, assertion, stated 2024-10-23,
                                                  on behalf of the Ministry of Truth)
                       Jane Roe  in the briefing (direct quote, assertion, stated 2023-05-01)
    denial  published  Officials in the article  (summary, denial, undated)
    draft   draft      Ministry  in the briefing (summary, warning, undated)

The article was published 2024-10-24 by Daily Example, the briefing 2023-05-02 by Gov Example.
"""

import pytest

NAMES = ("claim", "denial", "draft")


def ids(world, *names):
    return [getattr(world, name).pk for name in names]


def resolve(world, params):
    """Replace the world's object names in parameter values by their ids."""
    objects = {
        "minister": world.minister,
        "ministry": world.ministry,
        "officials": world.officials,
        "article": world.article,
        "briefing": world.briefing,
        "claim": world.claim,
        "denial": world.denial,
        "draft": world.draft,
    }
    id_params = {"speaker", "source", "statement", "on_behalf_of", "s", "p", "o"}
    return {
        key: objects[value].pk if key in id_params and value in objects else value
        for key, value in params.items()
    }


STATEMENT_FILTERS = [
    ({"speaker": "minister"}, ["claim"]),
    ({"speaker": "officials"}, ["denial"]),
    ({"speaker_kind": "government"}, ["draft"]),
    ({"speaker_kind": "unnamed"}, ["denial"]),
    ({"source": "briefing"}, ["claim", "draft"]),
    ({"publisher": "daily EXAMPLE"}, ["claim", "denial"]),
    ({"mode": "direct_quote"}, ["claim"]),
    ({"mode": "summary"}, ["denial", "draft"]),
    ({"speech_act": "denial"}, ["denial"]),
    ({"speech_act": "warning"}, ["draft"]),
    ({"topic": "troops"}, ["claim", "denial"]),
    ({"topic": "border"}, ["claim"]),
    ({"status": "draft"}, ["draft"]),
    ({"status": "published"}, ["claim", "denial"]),
    ({"language": "en"}, ["claim", "denial", "draft"]),
    ({"stated_after": "2024-01-01"}, ["claim"]),
    ({"stated_before": "2023-12-31"}, ["claim"]),
    ({"stated_after": "2025-01-01"}, []),
    ({"stated_after": "2023-05-01", "stated_before": "2023-05-01"}, ["claim"]),
    ({"published_after": "2024-10-24"}, ["claim", "denial"]),
    ({"published_before": "2023-05-02"}, ["claim", "draft"]),
    ({"published_before": "2023-05-01"}, []),
    # Attribution conditions hold together, for one attribution:
    ({"speaker": "minister", "source": "briefing"}, ["claim"]),
    ({"speaker": "minister", "mode": "summary"}, []),
    ({"speaker": "minister", "mode": "direct_quote", "source": "article"}, []),
    ({"speaker": "minister", "stated_after": "2024-01-01", "source": "briefing"}, []),
    ({"q": "troops"}, ["claim", "denial"]),
    ({"q": "troops", "speech_act": "denial"}, ["denial"]),
]


@pytest.mark.parametrize(("params", "expected"), STATEMENT_FILTERS)
def test_statement_filters(world, editor, params, expected):
    response = editor.get("/api/v1/statements/", resolve(world, {**params, "ordering": "id"}))
    assert response.status_code == 200, response.content
    assert [s["id"] for s in response.json()["results"]] == ids(world, *expected)


STATEMENT_ORDERINGS = [
    ("id", ["claim", "denial", "draft"]),
    ("-id", ["draft", "denial", "claim"]),
    ("created_at", ["claim", "denial", "draft"]),
    ("-created_at", ["draft", "denial", "claim"]),
    ("-updated_at", ["denial", "claim", "draft"]),  # publishing touched them after the draft
    ("stated_on", ["claim", "denial", "draft"]),  # undated last, then by id
    ("-stated_on", ["claim", "denial", "draft"]),
    ("published_at", ["claim", "draft", "denial"]),
    ("-published_at", ["denial", "claim", "draft"]),
    ("-published_at,-id", ["denial", "draft", "claim"]),
]


@pytest.mark.parametrize(("ordering", "expected"), STATEMENT_ORDERINGS)
def test_statement_ordering(world, editor, ordering, expected):
    response = editor.get("/api/v1/statements/", {"ordering": ordering})
    assert response.status_code == 200, response.content
    assert [s["id"] for s in response.json()["results"]] == ids(world, *expected)


def test_sub_resource_lists_take_the_same_filters(world, editor):
    url = f"/api/v1/speakers/{world.minister.pk}/statements/"
    assert editor.get(url, {"source": world.article.pk}).json()["count"] == 1
    assert editor.get(url, {"speech_act": "denial"}).json()["count"] == 0


# --- Attributions -----------------------------------------------------------------------------


ATTRIBUTION_FILTERS = [
    ({"statement": "claim"}, [("claim", "minister", "article"), ("claim", "minister", "briefing")]),
    ({"on_behalf_of": "ministry"}, [("claim", "minister", "article")]),
    ({"speaker": "officials"}, [("denial", "officials", "article")]),
    ({"source": "briefing", "mode": "summary"}, [("draft", "ministry", "briefing")]),
    ({"speech_act": "warning"}, [("draft", "ministry", "briefing")]),
    (
        {"speaker_kind": "person"},
        [("claim", "minister", "article"), ("claim", "minister", "briefing")],
    ),
    ({"stated_before": "2024-01-01"}, [("claim", "minister", "briefing")]),
    ({"published_after": "2024-01-01", "mode": "summary"}, [("denial", "officials", "article")]),
    (
        {"publisher": "gov example"},
        [("claim", "minister", "briefing"), ("draft", "ministry", "briefing")],
    ),
]


@pytest.mark.parametrize(("params", "expected"), ATTRIBUTION_FILTERS)
def test_attribution_filters(world, editor, params, expected):
    response = editor.get("/api/v1/attributions/", resolve(world, {**params, "ordering": "id"}))
    assert response.status_code == 200, response.content
    found = [
        (a["statement"], a["speaker"]["id"], a["source"]["id"]) for a in response.json()["results"]
    ]
    assert found == [
        tuple(resolve(world, {"s": s, "p": p, "o": o}).values()) for s, p, o in expected
    ]


def test_attribution_ordering_by_date(world, editor):
    response = editor.get("/api/v1/attributions/", {"ordering": "-stated_on"})
    dates = [a["stated_on"] for a in response.json()["results"]]
    assert dates[:2] == ["2024-10-23", "2023-05-01"]


# --- Speakers, sources, relations -------------------------------------------------------------


SPEAKER_FILTERS = [
    ({"kind": "person"}, ["Jane Roe"]),
    ({"country": "GB", "ordering": "name"}, ["Jane Roe", "Ministry of Truth"]),
    ({"q": "roe"}, ["Jane Roe"]),
    ({"q": "J. Roe"}, ["Jane Roe"]),
    ({"q": "truth ministry"}, ["Ministry of Truth"]),
    ({"ordering": "-name"}, ["Officials", "Ministry of Truth", "Jane Roe"]),
]


@pytest.mark.parametrize(("params", "expected"), SPEAKER_FILTERS)
def test_speaker_filters(world, anon, params, expected):
    response = anon.get("/api/v1/speakers/", params)
    assert response.status_code == 200, response.content
    assert [s["name"] for s in response.json()["results"]] == expected


SOURCE_FILTERS = [
    ({"kind": "press_briefing"}, ["briefing"]),
    ({"status": "current", "ordering": "published_at"}, ["briefing", "article"]),
    ({"publisher": "DAILY example"}, ["article"]),
    ({"language": "en", "ordering": "-published_at"}, ["article", "briefing"]),
    ({"url": "HTTPS://NEWS.example/troops?utm_medium=x#top"}, ["article"]),
    ({"published_after": "2024-01-01"}, ["article"]),
    ({"published_before": "2023-05-02"}, ["briefing"]),
    ({"q": "transcript"}, ["briefing"]),
    ({"ordering": "title"}, ["briefing", "article"]),
]


@pytest.mark.parametrize(("params", "expected"), SOURCE_FILTERS)
def test_source_filters(world, anon, params, expected):
    response = anon.get("/api/v1/sources/", params)
    assert response.status_code == 200, response.content
    assert [s["id"] for s in response.json()["results"]] == [getattr(world, n).pk for n in expected]


def test_relation_filters(world, anon, editor):
    extra = editor.post(
        "/api/v1/relations/",
        {"from_statement": world.claim.pk, "to_statement": world.draft.pk, "kind": "supports"},
        format="json",
    ).json()
    cases = [
        ({"kind": "denies"}, [world.relation.pk]),
        ({"statement": world.claim.pk, "ordering": "id"}, [world.relation.pk, extra["id"]]),
        ({"from_statement": world.claim.pk}, [extra["id"]]),
        ({"to_statement": world.claim.pk}, [world.relation.pk]),
    ]
    for params, expected in cases:
        assert [
            r["id"] for r in editor.get("/api/v1/relations/", params).json()["results"]
        ] == expected
    # The public does not see the relation that would reveal the draft.
    assert [r["id"] for r in anon.get("/api/v1/relations/").json()["results"]] == [
        world.relation.pk
    ]
