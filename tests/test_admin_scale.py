"""The admin at newsroom scale: pages whose size and queries do not grow with the data.

The speaker, source and topic filters are autocomplete boxes (no option per row in the
sidebar), "Show counts" is off where it would aggregate per option, the search box runs
the product's search, and the lists count at a bounded cost.
"""

import re

import pytest
from django.contrib.admin import site
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils.http import urlencode

from statements.admin import lists as admin_lists
from statements.choices import SpeakerKind
from statements.models import Attribution, Source, Speaker, Statement
from tests.factories import AttributionFactory, add_rows
from tests.helpers import MODELS, listed, queries_for, url


def many_speakers_and_sources(count: int) -> None:
    """``count`` speakers and sources that no statement cites (the filters used to list
    every row of the model, cited or not)."""
    Speaker.objects.bulk_create(
        Speaker(name=f"Bulk speaker {number}", kind=SpeakerKind.PERSON) for number in range(count)
    )
    Source.objects.bulk_create(
        Source(title=f"Bulk source {number}", url=f"https://bulk.example/{number}")
        for number in range(count)
    )


def sidebar(response) -> str:
    content = response.content.decode()
    match = re.search(r'<nav id="changelist-filter".*?</nav>', content, re.S)
    assert match, "no filter sidebar"
    return match.group(0)


# --- The page does not grow with the speakers and sources ---------------------------------------


@pytest.mark.parametrize("model", ["statement", "attribution"])
def test_changelist_size_does_not_grow_with_speakers_and_sources(world, superuser, model):
    before = superuser.get(url(model, "changelist"))
    assert before.status_code == 200
    many_speakers_and_sources(300)
    after = superuser.get(url(model, "changelist"))
    assert after.status_code == 200
    assert "Bulk speaker" not in after.content.decode()
    assert "Bulk source" not in after.content.decode()
    # The same page, byte for byte but for the CSRF token (same length).
    assert len(after.content) == len(before.content)


@pytest.mark.parametrize(
    ("model", "parameter", "field"),
    [
        ("statement", "attributions__speaker__id__exact", "speaker"),
        ("statement", "attributions__source__id__exact", "source"),
        ("statement", "topics__id__exact", "topics"),
        ("attribution", "speaker__id__exact", "speaker"),
        ("attribution", "source__id__exact", "source"),
    ],
)
def test_related_filters_are_autocomplete_boxes(world, superuser, model, parameter, field):
    html = sidebar(superuser.get(url(model, "changelist")))
    box = re.search(rf'<select name="{parameter}"[^>]*>', html)
    assert box, html
    # The admin's own autocomplete view feeds it: the field it asks about.
    source_model = "statement" if field == "topics" else "attribution"
    assert "autocomplete-filter admin-autocomplete" in box.group(0)
    assert f'data-model-name="{source_model}"' in box.group(0)
    assert f'data-field-name="{field}"' in box.group(0)
    assert f'data-ajax--url="{reverse("admin:autocomplete")}"' in box.group(0)


def test_the_box_shows_the_chosen_speaker_alone(world, superuser):
    many_speakers_and_sources(50)
    response = superuser.get(
        url("statement", "changelist"), {"attributions__speaker__id__exact": world.minister.pk}
    )
    assert listed(response) == {world.claim}
    box = re.search(
        r'<select name="attributions__speaker__id__exact".*?</select>', sidebar(response), re.S
    ).group(0)
    assert re.findall(r"<option[^>]*>([^<]*)</option>", box) == ["", "Jane Roe"]
    assert f'<option value="{world.minister.pk}" selected>' in box


def test_the_filter_page_loads_the_admin_scripts_once(world, superuser):
    content = superuser.get(url("statement", "changelist")).content.decode()
    scripts = re.findall(r'<script src="([^"]*)"', content)
    names = [path.rsplit("/", 1)[-1] for path in scripts]
    order = ["jquery.min.js", "select2.full.min.js", "jquery.init.js", "autocomplete.js"]
    order.append("autocomplete_filter.js")
    assert [name for name in names if name in order] == order
    # The admin's own copies, served from this site: nothing from elsewhere.
    assert all(path.startswith("/") and not path.startswith("//") for path in scripts)


def test_autocomplete_filters_keep_the_other_filters(world, superuser):
    response = superuser.get(
        url("attribution", "changelist"),
        {"speaker__id__exact": world.minister.pk, "source__id__exact": world.briefing.pk},
    )
    assert listed(response) == {world.claim.attributions.get(source=world.briefing)}
    # Clearing one box leads to the list filtered by the other.
    box = re.search(r'<select name="speaker__id__exact"[^>]*>', sidebar(response)).group(0)
    assert f'data-filter-url="?source__id__exact={world.briefing.pk}"' in box


@pytest.mark.parametrize("value", ["x", "1.5"])
def test_a_filter_value_that_is_not_an_id_is_not_an_error_page(world, superuser, value):
    response = superuser.get(url("statement", "changelist"), {"topics__id__exact": value})
    # The admin's answer to a wrong lookup: back to the list with ?e=1, not a 500.
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


# --- "Show counts" ------------------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS)
def test_show_counts_is_never_an_error(world, superuser, model):
    # Over 2,000 options, one aggregate each, passed what both engines take in one query.
    Speaker.objects.bulk_create(
        Speaker(name=f"Bulk speaker {number}", kind=SpeakerKind.PERSON) for number in range(2100)
    )
    response = superuser.get(url(model, "changelist"), {"_facets": "True"})
    assert response.status_code == 200


@pytest.mark.parametrize("model", ["statement", "attribution", "speaker", "source"])
def test_large_lists_offer_no_facets(world, superuser, model):
    response = superuser.get(url(model, "changelist"), {"_facets": "True"})
    assert response.status_code == 200
    assert not response.context["cl"].add_facets
    assert "Show counts" not in response.content.decode()


# --- The search box runs the product's search ---------------------------------------------------

ENGINE_SEARCHES = [
    # A source's title: the statements it reports (no field of theirs says "border").
    ("statement", "border", ["claim", "denial"]),
    # An exclusion, and a stemmed word.
    ("statement", "troops -denied", ["claim"]),
    ("statement", "denying", ["denial"]),
    # A misspelt speaker's name, corrected as the API corrects it.
    ("statement", "Officals", ["denial"]),
    ("attribution", "border", ["claim_in_article", "claim_in_briefing", "denial_attribution"]),
    ("relation", "border", ["relation"]),
    ("relation", "nobody", []),
]


@pytest.mark.parametrize(("model", "term", "expected"), ENGINE_SEARCHES)
def test_search_box_uses_the_search_engine(world, superuser, model, term, expected):
    response = superuser.get(url(model, "changelist"), {"q": term})
    assert listed(response) == {world.named(name) for name in expected}


def test_search_finds_what_the_api_finds(world, superuser, admin):
    for term in ("troops", "Roe", "nobody", "border", '"had left"'):
        api = admin.get("/api/v1/statements/", {"q": term, "page_size": 100})
        found = {item["id"] for item in api.json()["results"]}
        response = superuser.get(url("statement", "changelist"), {"q": term})
        assert {statement.pk for statement in listed(response)} == found, term


def test_search_with_filters(world, superuser):
    response = superuser.get(
        url("statement", "changelist"),
        {"q": "troops", "attributions__speaker__id__exact": world.officials.pk},
    )
    assert listed(response) == {world.denial}


@override_settings(SEARCH_RANK_LIMIT=1)
def test_search_lists_the_newest_matches_and_says_so(world, superuser):
    response = superuser.get(url("statement", "changelist"), {"q": "troops"})
    assert listed(response) == {world.denial}  # the newer of the two
    assert "the 1 newest matches" in response.content.decode()


def test_statement_autocomplete_searches_with_the_engine(world, superuser):
    response = superuser.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "statements",
            "model_name": "relation",
            "field_name": "to_statement",
            "term": "border -denied",
        },
    )
    assert response.status_code == 200, response.content
    assert [result["id"] for result in response.json()["results"]] == [str(world.claim.pk)]


# --- Counting -----------------------------------------------------------------------------------


def test_counts_stop_at_a_limit(world, superuser, monkeypatch):
    add_rows(world, 4)
    monkeypatch.setattr(admin_lists, "EXACT_COUNT_LIMIT", 3)
    response = superuser.get(url("statement", "changelist"), {"status__exact": "draft"})
    assert response.status_code == 200
    assert response.context["cl"].paginator.capped
    assert "more than 3 statements" in response.content.decode()
    assert "more than 3 results" in response.content.decode()  # beside the search box
    response = superuser.get(url("statement", "changelist"), {"status__exact": "published"})
    assert "2 statements" in response.content.decode()
    assert not response.context["cl"].paginator.capped


def test_an_unfiltered_list_takes_the_tables_estimate_on_postgresql(world, superuser, monkeypatch):
    add_rows(world, 4)
    monkeypatch.setattr(admin_lists, "EXACT_COUNT_LIMIT", 3)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE statements_statement")
    response = superuser.get(url("statement", "changelist"))
    paginator = response.context["cl"].paginator
    content = response.content.decode()
    if connection.vendor == "postgresql":
        assert paginator.estimated
        assert not paginator.capped
        assert "about 7 statements" in content
    else:
        assert paginator.capped
        assert "more than 3 statements" in content
    # The rows themselves are there, newest first.
    assert response.context["cl"].result_list[0] == Statement.objects.order_by("-id")[0]


def test_no_second_count_of_the_whole_table(world, superuser):
    response = superuser.get(url("statement", "changelist"), {"q": "troops"})
    assert response.context["cl"].full_result_count is None


# --- Queries do not grow with the rows ----------------------------------------------------------


SCALED_PAGES = {
    # name: (model, query, budget for a superuser: session, user, then the page's own)
    "statement list": ("statement", {}, 6),
    "statement list, page 2": ("statement", {"p": "2"}, 6),
    "statements of a speaker": ("statement", {"speaker": True}, 7),  # the ministry's draft
    "statement search": ("statement", {"q": "number"}, 7),
    "attribution list": ("attribution", {}, 4),
    "attribution search": ("attribution", {"q": "number"}, 6),
    "relation search": ("relation", {"q": "number"}, 6),
    "speaker list": ("speaker", {}, 5),
    "source list": ("source", {}, 8),
    "topic list": ("topic", {}, 5),
}


@pytest.fixture
def short_pages(monkeypatch):
    """Pages of 10 rows, so that a second page exists with a few dozen statements."""
    for model_admin in site._registry.values():
        monkeypatch.setattr(model_admin, "list_per_page", 10)


@pytest.mark.parametrize("page", list(SCALED_PAGES))
def test_queries_do_not_grow_with_rows(
    world, superuser, short_pages, page, django_assert_max_num_queries
):
    model, query, budget = SCALED_PAGES[page]
    if query.get("speaker"):
        query = {"attributions__speaker__id__exact": world.ministry.pk}
    page_url = f"{url(model, 'changelist')}?{urlencode(query)}"
    add_rows(world, 12)
    superuser.get(page_url)  # a session's first request also records the sign-in
    few = queries_for(superuser, page_url)
    add_rows(world, 30, start=12)
    # PostgreSQL asks one more: the table's estimate (an unfiltered list) or the newest
    # document (a search looks in the newest blocks of ids first).
    extra = 1 if connection.vendor == "postgresql" else 0
    with django_assert_max_num_queries(budget + extra):
        response = superuser.get(page_url)
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == (1 if "of a speaker" in page else 10)
    assert queries_for(superuser, page_url) == few


def test_statement_page_queries_do_not_grow_with_the_table(
    world, superuser, django_assert_max_num_queries
):
    page_url = url("statement", "change", world.claim.pk)
    superuser.get(page_url)
    few = queries_for(superuser, page_url)
    add_rows(world, 30)  # each relates to the claim: its page lists them
    # Per attribution on the page, one query for each of its three autocomplete boxes'
    # chosen object (Django's widget); per relation, one for its box. The table's size
    # adds none.
    with django_assert_max_num_queries(few + 30):
        response = superuser.get(page_url)
    assert response.status_code == 200
    # The page, its inlines, its correction notices and revisions, and its claim.
    assert queries_for(superuser, url("statement", "change", world.draft.pk)) <= 21


@pytest.mark.parametrize("model", MODELS)
def test_change_pages_render_with_many_rows(world, superuser, model):
    add_rows(world, 30)
    many_speakers_and_sources(100)
    response = superuser.get(url(model, "change", world.sample(model).pk))
    assert response.status_code == 200
    assert "Bulk speaker" not in response.content.decode()


def test_speaker_counts_are_the_statements_they_made(world, superuser):
    # Two attributions of one statement to the same speaker count once.
    AttributionFactory(statement=world.draft, speaker=world.minister, source=world.article)
    response = superuser.get(url("speaker", "changelist"))
    counts = {
        speaker.name: speaker.statement_total for speaker in response.context["cl"].result_list
    }
    assert counts == {"Jane Roe": 2, "Ministry of Truth": 1, "Officials": 1}
    response = superuser.get(url("source", "changelist"))
    counts = {
        source.title: source.attribution_total for source in response.context["cl"].result_list
    }
    assert counts == {"Troops leave the border": 3, "Press briefing transcript": 2}
    assert Attribution.objects.filter(source=world.article).count() == 3
