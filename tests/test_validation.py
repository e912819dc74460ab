"""What the API and the admin refuse, and how: one rule per field, read from the models.

The table of invalid values is shared with the import's tests (tests/invalid_values.py).
"""

import copy
import itertools
import json

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from statements.models import Attribution, Relation, Source, Speaker, Statement
from tests.factories import SpeakerFactory
from tests.helpers import error_fields, form_data, problem
from tests.invalid_values import (
    ATTRIBUTION,
    INVALID_VALUES,
    QUOTE_MAX_LENGTH,
    SOURCE,
    SPEAKER,
    STATEMENT,
    STATEMENT_TEXT_MAX_LENGTH,
    Invalid,
)

SOURCE_BODY_MAX_LENGTH = 100_000
# PostgreSQL's limit on the text of one tsvector (its lexemes and positions).
TSVECTOR_MAX_BYTES = (1 << 20) - 1

ENDPOINTS = {
    STATEMENT: "/api/v1/statements/",
    ATTRIBUTION: "/api/v1/statements/",  # inside a statement: the nested path is the harder one
    SPEAKER: "/api/v1/speakers/",
    SOURCE: "/api/v1/sources/",
}


def valid_payload(world, resource: str) -> dict:
    if resource in (STATEMENT, ATTRIBUTION):
        return {
            "text": "A statement no one has made yet.",
            "language": "en",
            "topics": ["border"],
            "attributions": [
                {
                    "speaker": world.officials.pk,
                    "source": world.briefing.pk,  # without a body: any quote stands
                    "mode": "paraphrase",
                    "speech_act": "assertion",
                    "verb": "said",
                    "speaker_role": "spokesperson",
                    "occasion": "briefing",
                    "stated_on": "2024-10-23",
                    "quote": {"exact": "no one", "prefix": "", "suffix": ""},
                }
            ],
        }
    if resource == SPEAKER:
        return {"name": "John Smith", "kind": "person", "wikidata_id": "Q42"}
    return {
        "title": "A new story",
        "url": "https://example.org/story",
        "publisher": "Example",
        "kind": "news_article",
        "status": "current",
        "published_at": "2024-10-24T09:00:00Z",
    }


def _place(target: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    for name in parents:
        target = target[name]
    target[last] = value


def with_invalid(world, case: Invalid) -> tuple[dict, str]:
    """The resource's valid payload with the case's value, and the field the API must name."""
    payload = copy.deepcopy(valid_payload(world, case.resource))
    if case.resource == ATTRIBUTION:
        _place(payload["attributions"][0], case.field, case.value)
        return payload, f"attributions.0.{case.named}"
    _place(payload, case.field, case.value)
    return payload, case.named


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count() for model in (Statement, Attribution, Speaker, Source, Relation)
    )


@pytest.mark.parametrize("resource", [STATEMENT, SPEAKER, SOURCE])
def test_the_valid_payloads_are_accepted(world, editor, resource):
    response = editor.post(ENDPOINTS[resource], valid_payload(world, resource), format="json")
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("case", INVALID_VALUES, ids=lambda case: case.id)
def test_the_api_refuses_each_invalid_value_naming_the_field(world, editor, case):
    payload, field = with_invalid(world, case)
    before = _counts()
    response = editor.post(ENDPOINTS[case.resource], payload, format="json")
    problem(response, 400)
    assert field in error_fields(response)
    assert _counts() == before


# --- 8: URLs that urllib cannot split -----------------------------------------------------------

UNSPLITTABLE_URLS = [
    "http://[::1/x",
    "https://example.org:99999/story",
    "https://example.org:0/story",
    "https://example.org:port/story",
    "https://\uff03example.org/story",  # a "#" under NFKC normalization
]


@pytest.mark.parametrize("url", UNSPLITTABLE_URLS)
@pytest.mark.parametrize("method", ["post", "put", "patch"])
def test_a_url_urllib_cannot_split_is_a_400_naming_it(world, editor, method, url):
    if method == "post":
        path, payload = "/api/v1/sources/", {"title": "New", "url": url}
    else:
        path = f"/api/v1/sources/{world.briefing.pk}/"
        payload = {"url": url} if method == "patch" else {"title": "Briefing", "url": url}
    response = getattr(editor, method)(path, payload, format="json")
    problem(response, 400)
    assert error_fields(response) == ["url"]
    world.briefing.refresh_from_db()
    assert world.briefing.url == "https://gov.example/briefing"


@pytest.mark.parametrize("url", UNSPLITTABLE_URLS)
def test_filtering_sources_by_a_url_urllib_cannot_split_is_a_400(world, anon, url):
    response = anon.get("/api/v1/sources/", {"url": url})
    problem(response, 400)
    assert error_fields(response) == ["url"]


def test_an_archived_url_with_a_port_out_of_range_is_a_400(world, editor):
    response = editor.patch(
        f"/api/v1/sources/{world.briefing.pk}/",
        {"archived_url": "https://archive.example:70000/briefing"},
        format="json",
    )
    problem(response, 400)
    assert error_fields(response) == ["archived_url"]


def test_an_ipv6_host_keeps_its_brackets(world, editor, anon):
    response = editor.post(
        "/api/v1/sources/",
        {"title": "On a v6 host", "url": "HTTP://[2001:DB8::1]:8080/story#top"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["url"] == "http://[2001:db8::1]:8080/story"
    found = anon.get("/api/v1/sources/", {"url": "http://[2001:db8::1]:8080/story"}).json()
    assert [source["title"] for source in found["results"]] == ["On a v6 host"]


@pytest.mark.parametrize("url", UNSPLITTABLE_URLS)
def test_the_admin_add_source_form_shows_a_url_error(db, admin_user, url):
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:statements_source_add"),
        {
            "title": "New",
            "url": url,
            "kind": "news_article",
            "status": "current",
            "language": "en",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["url"]
    assert not Source.objects.exists()


# --- 11: bounded texts --------------------------------------------------------------------------


def distinct_words(length: int) -> str:
    """``length`` characters of words that are all different ("ba bb bc …")."""
    letters = "bcdfghjklmnpqrstvwxz"
    words, number = [], 0
    while sum(map(len, words)) + len(words) < length:
        digits, rest = "", number
        while True:
            digits = letters[rest % len(letters)] + digits
            rest //= len(letters)
            if not rest:
                break
        words.append("q" + digits)
        number += 1
    text = " ".join(words)[:length]
    return text + "x" * (length - len(text))


def heaviest_text(length: int) -> str:
    """``length`` characters whose tsvector is the largest known per character: pairs of
    distinct four-byte letters joined by a hyphen, which PostgreSQL's parser indexes as the
    pair and as each of its parts."""
    letters = [chr(code) for code in range(0x20000, 0x2A6DF)]
    # Each letter once, then two-letter words: every part a different word.
    words = itertools.chain(letters, (a + b for a in letters for b in letters))
    pairs = []
    while len(pairs) * 4 < length:
        pairs.append(f"{next(words)}-{next(words)}")
    return " ".join(pairs)[:length]


def _tsvector_bytes(text: str) -> int:
    """Bytes of the lexemes and positions of ``text``'s tsvector, as the search vector
    builds it (PostgreSQL refuses more than TSVECTOR_MAX_BYTES)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_size(v) - 8 - 4 * length(v) "
            "FROM (SELECT to_tsvector('english'::regconfig, %s) AS v) AS t",
            [text],
        )
        return cursor.fetchone()[0]


def test_a_statement_text_at_the_limit_is_accepted_and_searchable(world, editor):
    text = distinct_words(STATEMENT_TEXT_MAX_LENGTH)
    assert len(text) == STATEMENT_TEXT_MAX_LENGTH
    response = editor.post("/api/v1/statements/", {"text": text}, format="json")
    assert response.status_code == 201, response.content[:500]
    last_word = text.split()[-2]
    found = editor.get("/api/v1/search/", {"q": last_word}).json()
    assert [result["statement"]["id"] for result in found["results"]] == [response.json()["id"]]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's tsvector limit")
def test_the_longest_texts_fit_a_tsvector_however_they_are_written(world, editor):
    assert _tsvector_bytes(heaviest_text(SOURCE_BODY_MAX_LENGTH)) < TSVECTOR_MAX_BYTES
    # A statement's text leaves nine tenths of the vector to its names, titles and quotes.
    assert _tsvector_bytes(heaviest_text(STATEMENT_TEXT_MAX_LENGTH)) < TSVECTOR_MAX_BYTES // 10
    heaviest = heaviest_text(STATEMENT_TEXT_MAX_LENGTH)
    response = editor.post("/api/v1/statements/", {"text": heaviest}, format="json")
    assert response.status_code == 201, response.content[:500]


def _quote_of_distinct_words(length: int, offset: int) -> str:
    """``length`` characters of two-letter words no other call with another offset holds."""
    letters = [chr(code) for code in range(0x20000, 0x2A6DF)]
    first = letters[offset % len(letters)]
    return " ".join(first + letter for letter in letters)[:length]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's tsvector limit")
def test_many_long_quotes_never_make_a_statement_unindexable(world, editor):
    """Each quote is bounded, their number too, but not their sum: the search document
    indexes a bounded part of them, so the vector stays under PostgreSQL's limit."""
    statement = editor.post("/api/v1/statements/", {"text": "Many voices."}, format="json")
    assert statement.status_code == 201, statement.content[:500]
    for index in range(30):
        speaker = SpeakerFactory(name=f"Voice {index}")
        response = editor.post(
            "/api/v1/attributions/",
            {
                "statement": statement.json()["id"],
                "speaker": speaker.pk,
                "source": world.briefing.pk,  # no body: any quote is accepted
                "mode": "direct_quote",
                "speech_act": "assertion",
                "quote": {"exact": _quote_of_distinct_words(QUOTE_MAX_LENGTH, index)},
            },
            format="json",
        )
        assert response.status_code == 201, (index, response.content[:500])
    first_word = _quote_of_distinct_words(10, 0).split()[0]
    found = editor.get("/api/v1/statements/", {"q": first_word}).json()
    assert [hit["id"] for hit in found["results"]] == [statement.json()["id"]]


@pytest.mark.parametrize(
    ("path", "field", "limit"),
    [
        ("/api/v1/statements/", "text", STATEMENT_TEXT_MAX_LENGTH),
        ("/api/v1/sources/", "body", SOURCE_BODY_MAX_LENGTH),
    ],
)
def test_a_text_over_its_limit_is_a_400_naming_the_field_and_the_limit(
    world, editor, path, field, limit
):
    base = valid_payload(world, STATEMENT if field == "text" else SOURCE)
    base.pop("attributions", None)
    at_limit = editor.post(path, {**base, field: distinct_words(limit)}, format="json")
    assert at_limit.status_code == 201, at_limit.content[:500]
    if field == "body":
        base["url"] += "/2"
    before = _counts()
    body = problem(
        editor.post(path, {**base, field: distinct_words(limit + 1)}, format="json"), 400
    )
    assert body["errors"][0]["field"] == field
    assert f"{limit}" in body["errors"][0]["detail"]
    assert _counts() == before


def test_the_schema_states_the_limits(db, client):
    schema = client.get("/api/schema/", {"format": "json"}).json()["components"]["schemas"]
    assert schema["StatementRequest"]["properties"]["text"]["maxLength"] == 10_000
    assert schema["SourceRequest"]["properties"]["body"]["maxLength"] == SOURCE_BODY_MAX_LENGTH
    quote = schema["QuoteRequest"]["properties"]["exact"]
    assert quote["maxLength"] == QUOTE_MAX_LENGTH
    assert schema["RetractRequest"]["properties"]["reason"]["maxLength"] == 2000


def _failing_update(monkeypatch, error: Exception) -> None:
    from statements import services

    def fail(**kwargs):
        raise error

    monkeypatch.setattr(services, "speaker_update", fail)


def _database_error(cause: Exception):
    """The OperationalError that Django raises for the driver's ``cause``."""
    from django.db import OperationalError

    try:
        raise OperationalError(*cause.args) from cause
    except OperationalError as error:
        return error


def _psycopg_errors():
    errors = pytest.importorskip("psycopg.errors")
    return errors


@pytest.mark.parametrize(
    "name",
    ["SerializationFailure", "DeadlockDetected", "AdminShutdown", "CannotConnectNow", None],
)
def test_real_unavailability_is_a_503_with_retry_after(world, editor, monkeypatch, name):
    errors = _psycopg_errors()
    import psycopg

    cause = getattr(errors, name)("gone") if name else psycopg.OperationalError("connection lost")
    _failing_update(monkeypatch, _database_error(cause))
    response = editor.patch(f"/api/v1/speakers/{world.minister.pk}/", {"name": "X"}, format="json")
    problem(response, 503)
    assert response["Retry-After"] == "1"


@pytest.mark.parametrize("name", ["ProgramLimitExceeded", "QueryCanceled", "DiskFull"])
def test_a_database_refusal_is_not_retry_shortly(world, editor_user, monkeypatch, name):
    errors = _psycopg_errors()
    cause = getattr(errors, name)("string is too long for tsvector (1048577 bytes)")
    _failing_update(monkeypatch, _database_error(cause))
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(editor_user)
    response = client.patch(f"/api/v1/speakers/{world.minister.pk}/", {"name": "X"}, format="json")
    problem(response, 500)
    assert "Retry-After" not in response


def test_sqlite_too_big_is_not_retry_shortly(world, editor_user, monkeypatch):
    import sqlite3

    cause = sqlite3.OperationalError("string or blob too big")
    cause.sqlite_errorname = "SQLITE_TOOBIG"
    _failing_update(monkeypatch, _database_error(cause))
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(editor_user)
    response = client.patch(f"/api/v1/speakers/{world.minister.pk}/", {"name": "X"}, format="json")
    problem(response, 500)
    assert "Retry-After" not in response


# --- 14: ids are integers -----------------------------------------------------------------------


# (endpoint, payload builder, the id field's path): every related id a write takes.
def _attribution(world, **fields) -> dict:
    return {
        "speaker": world.officials.pk,
        "source": world.briefing.pk,
        "mode": "summary",
        "speech_act": "assertion",
        **fields,
    }


ID_FIELDS = {
    "attribution.statement": (
        "/api/v1/attributions/",
        lambda world, ref: {**_attribution(world), "statement": ref(world.draft)},
        "statement",
    ),
    "attribution.speaker": (
        "/api/v1/attributions/",
        lambda world, ref: {
            **_attribution(world, speaker=ref(world.officials)),
            "statement": world.draft.pk,
        },
        "speaker",
    ),
    "attribution.source": (
        "/api/v1/attributions/",
        lambda world, ref: {
            **_attribution(world, source=ref(world.article)),
            "statement": world.draft.pk,
        },
        "source",
    ),
    "attribution.on_behalf_of": (
        "/api/v1/attributions/",
        lambda world, ref: {
            **_attribution(world, on_behalf_of=ref(world.ministry)),
            "statement": world.draft.pk,
        },
        "on_behalf_of",
    ),
    "statement.attributions.speaker": (
        "/api/v1/statements/",
        lambda world, ref: {
            "text": "New.",
            "attributions": [_attribution(world, speaker=ref(world.minister))],
        },
        "attributions.0.speaker",
    ),
    "statement.attributions.source": (
        "/api/v1/statements/",
        lambda world, ref: {
            "text": "New.",
            "attributions": [_attribution(world, source=ref(world.briefing))],
        },
        "attributions.0.source",
    ),
    "statement.attributions.on_behalf_of": (
        "/api/v1/statements/",
        lambda world, ref: {
            "text": "New.",
            "attributions": [_attribution(world, on_behalf_of=ref(world.ministry))],
        },
        "attributions.0.on_behalf_of",
    ),
    "relation.from_statement": (
        "/api/v1/relations/",
        lambda world, ref: {
            "from_statement": ref(world.draft),
            "to_statement": world.claim.pk,
            "kind": "same_claim",
        },
        "from_statement",
    ),
    "relation.to_statement": (
        "/api/v1/relations/",
        lambda world, ref: {
            "from_statement": world.draft.pk,
            "to_statement": ref(world.claim),
            "kind": "same_claim",
        },
        "to_statement",
    ),
}

# How an id may be mistyped: each is given the pk of the object meant. A numeric string
# stays accepted (as DRF reads it); anything that is not an integer is a 400.
NOT_IDS = {
    "fraction": lambda pk: pk + 0.5,
    "float": lambda pk: float(pk),
    "exponent": lambda pk: float(f"{pk}e0"),
    "true": lambda pk: True,
    "false": lambda pk: False,
    "fraction-string": lambda pk: f"{pk}.5",
    "float-string": lambda pk: f"{pk}.0",
    "exponent-string": lambda pk: f"{pk}e0",
    "padded-string": lambda pk: f" {pk}",
    "signed-string": lambda pk: f"+{pk}",
    "arabic-digits": lambda pk: str(pk).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
    "list": lambda pk: [pk],
    "object": lambda pk: {"id": pk},
    "huge": lambda pk: 2**70,
    "negative": lambda pk: -pk,
}


@pytest.mark.parametrize("how", list(NOT_IDS))
@pytest.mark.parametrize("where", list(ID_FIELDS))
def test_an_id_that_is_not_an_integer_is_a_400_naming_the_field(world, editor, where, how):
    path, build, field = ID_FIELDS[where]
    payload = build(world, lambda obj: NOT_IDS[how](obj.pk))
    before = _counts()
    response = editor.post(path, payload, format="json")
    problem(response, 400)
    assert field in error_fields(response)
    assert _counts() == before


@pytest.mark.parametrize("where", list(ID_FIELDS))
def test_an_id_as_an_integer_or_a_numeric_string_is_accepted(world, editor, where):
    path, build, _ = ID_FIELDS[where]
    for ref in (lambda obj: obj.pk, lambda obj: str(obj.pk)):
        response = editor.post(path, build(world, ref), format="json")
        assert response.status_code == 201, response.content
        created = response.json()["id"]
        model = {"attributions": Attribution, "statements": Statement, "relations": Relation}[
            path.strip("/").split("/")[-1]
        ]
        model.objects.filter(pk=created).delete()


def test_an_id_in_a_json_exponent_is_a_400(world, editor):
    body = json.dumps({**_attribution(world), "statement": 0}).replace(
        '"statement": 0', f'"statement": {world.draft.pk}e0'
    )
    response = editor.generic(
        "POST", "/api/v1/attributions/", body, content_type="application/json"
    )
    problem(response, 400)
    assert error_fields(response) == ["statement"]


def test_the_schema_states_ids_are_integers(db, client):
    schema = client.get("/api/schema/", {"format": "json"}).json()["components"]["schemas"]
    for component, field in [
        ("AttributionRequest", "statement"),
        ("AttributionRequest", "speaker"),
        ("RelationRequest", "from_statement"),
    ]:
        assert schema[component]["properties"][field]["type"] == "integer"


# --- 15: control characters ---------------------------------------------------------------------


def test_tab_newline_and_carriage_return_are_text(world, editor):
    response = editor.post(
        "/api/v1/statements/", {"text": "Line one,\tcolumn.\nLine two.\r\n"}, format="json"
    )
    assert response.status_code == 201, response.content


def test_control_characters_cannot_forge_search_highlights(world, editor):
    response = editor.post(
        "/api/v1/statements/",
        {"text": "Troops \x02<script>\x03 left the border."},
        format="json",
    )
    body = problem(response, 400)
    assert error_fields(response) == ["text"]
    assert "U+0002" in body["detail"]


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        ("speaker", {"name": "John\x03Smith", "kind": "person", "aliases": "[]"}, "name"),
        (
            "speaker",
            {"name": "John Smith", "kind": "person", "aliases": '["J\\u0002S"]'},
            "aliases",
        ),
        (
            "source",
            {
                "title": "Title\x02",
                "url": "https://example.org/a",
                "kind": "news_article",
                "status": "current",
                "language": "en",
            },
            "title",
        ),
        (
            "source",
            {
                "title": "Title",
                "url": "https://example.org/a",
                "kind": "news_article",
                "status": "current",
                "language": "en",
                "body": "Body\x1b text",
            },
            "body",
        ),
    ],
)
def test_the_admin_refuses_control_characters(db, admin_user, model, data, field):
    client = Client()
    client.force_login(admin_user)
    response = client.post(reverse(f"admin:statements_{model}_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field]
    assert not Speaker.objects.exists()
    assert not Source.objects.exists()


def test_the_admin_refuses_control_characters_in_a_statement(world, admin_user):
    client = Client()
    client.force_login(admin_user)
    data = form_data(client.get(reverse("admin:statements_statement_add")))
    data.update({"text": "Troops \x02left\x03.", "language": "en"})
    before = _counts()
    response = client.post(reverse("admin:statements_statement_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["text"]
    assert _counts() == before


def test_speaker_aliases_refuse_control_characters(world, editor):
    response = editor.post(
        "/api/v1/speakers/",
        {"name": "New", "kind": "person", "aliases": ["fine", "bad\x02"]},
        format="json",
    )
    problem(response, 400)
    assert error_fields(response) == ["aliases.1"]


@pytest.mark.parametrize("reason", ["Misattributed\x02.", "x" * 2001])
def test_the_admin_retract_action_refuses_what_the_api_refuses(world, reviewer_user, reason):
    client = Client()
    client.force_login(reviewer_user)
    data = {
        "action": "retract",
        "_selected_action": [world.claim.pk],
        "reason": reason,
        "apply": "Retract",
    }
    client.post(reverse("admin:statements_statement_changelist"), data)
    world.refresh()
    assert world.claim.status == "published"
    assert world.claim.retraction_reason == ""
