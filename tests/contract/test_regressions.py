"""Regression tests for the defects that schema fuzzing (Schemathesis) found, and for the
schema's documented examples.

Each defect is pinned here in the plain API-test style (no live server), so that it runs
on both databases in every test run.
"""

from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.helpers import problem

SCHEMA = yaml.safe_load(
    (Path(__file__).resolve().parent.parent.parent / "openapi.yaml").read_text()
)
MAX_ID = 2**63 - 1
METHODS = ("get", "put", "post", "patch", "delete")


def operations():
    for path, item in SCHEMA["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def query_parameter(path: str, name: str) -> dict:
    parameters = SCHEMA["paths"][path]["get"]["parameters"]
    return next(p for p in parameters if p["in"] == "query" and p["name"] == name)


# --- An id filter beyond 64 bits was a 500 on SQLite ------------------------------------------
# (OverflowError: Python int too large to convert to SQLite INTEGER.) It is a 400 naming the
# parameter, and the schema says what an id is: a positive 64-bit integer, not a "number".

ID_FILTERS = [
    ("/api/v1/statements/", "speaker"),
    ("/api/v1/statements/", "source"),
    ("/api/v1/attributions/", "statement"),
    ("/api/v1/attributions/", "on_behalf_of"),
    ("/api/v1/attributions/", "speaker"),
    ("/api/v1/relations/", "from_statement"),
    ("/api/v1/relations/", "to_statement"),
    ("/api/v1/relations/", "statement"),
    ("/api/v1/speakers/{speaker_pk}/statements/", "source"),
    ("/api/v1/sources/{source_pk}/attributions/", "speaker"),
]


@pytest.mark.parametrize(("path", "name"), ID_FILTERS)
@pytest.mark.parametrize("value", [MAX_ID + 1, 2**64, 10**30])
def test_an_id_filter_beyond_64_bits_is_a_400(seed, anon, path, name, value):
    url = path.format(speaker_pk=1, source_pk=1)
    body = problem(anon.get(url, {name: value}), 400)
    assert [error["field"] for error in body["errors"]] == [name]


# Speakers and sources are public: an unknown one is a 400 naming it. Statement ids match
# nothing when unknown, as when not visible.
PUBLIC_ID_FILTERS = ("speaker", "source", "on_behalf_of")


@pytest.mark.parametrize(("path", "name"), ID_FILTERS)
def test_the_largest_id_is_a_valid_filter_value(seed, anon, path, name):
    response = anon.get(path.format(speaker_pk=1, source_pk=1), {name: MAX_ID})
    if name in PUBLIC_ID_FILTERS:
        body = problem(response, 400)
        assert [error["field"] for error in body["errors"]] == [name]
        assert str(MAX_ID) in body["errors"][0]["detail"]
        return
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 0


@pytest.mark.parametrize(("path", "name"), ID_FILTERS)
def test_id_filters_are_positive_64_bit_integers_in_the_schema(path, name):
    parameter = query_parameter(path, name)
    # Repeatable (speaker=1&speaker=2): an array of ids, one parameter per id.
    assert parameter["schema"] == {
        "type": "array",
        "items": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    }
    assert (parameter["style"], parameter["explode"]) == ("form", True)


def test_id_filters_keep_their_help_text():
    description = query_parameter("/api/v1/statements/", "speaker")["description"]
    assert description == "Speaker id (an unknown id is a 400)."


def test_path_ids_are_integers_in_the_schema():
    for path, method, operation in operations():
        for parameter in operation.get("parameters", []):
            # A suggestion's key is the one path parameter that is no id.
            if parameter["in"] == "path" and parameter["name"] != "key":
                assert parameter["schema"]["type"] == "integer", (method, path, parameter)


# --- page=0 and page_size=0 were schema-valid but refused ---------------------------------------


def test_pagination_bounds_are_in_the_schema():
    for path, _method, operation in operations():
        names = {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "query"}
        if "page" not in names:
            continue
        assert names["page"]["schema"] == {"type": "integer", "minimum": 1}, path
        # No maximum: a larger page size is capped, not refused (the description says so).
        assert names["page_size"]["schema"] == {"type": "integer", "minimum": 1}, path
        assert "capped to 100" in names["page_size"]["description"], path


@pytest.mark.parametrize("params", [{"page": 0}, {"page_size": 0}, {"page_size": -1}])
def test_pages_outside_the_bounds_are_a_400(seed, anon, params):
    problem(anon.get("/api/v1/statements/", params), 400)


# --- Unknown body fields are refused, so the request schemas say so ---------------------------


def test_request_bodies_admit_no_other_properties():
    requests = {
        name: component
        for name, component in SCHEMA["components"]["schemas"].items()
        if name.endswith("Request")
    }
    assert len(requests) >= 10
    for name, component in requests.items():
        assert component.get("additionalProperties") is False, name


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/v1/statements/", {"text": "A statement.", "speaker": 1}),
        ("/api/v1/speakers/", {"name": "A", "kind": "person", "nickname": "B"}),
    ],
)
def test_an_unknown_body_field_is_a_400(seed, admin, url, body):
    assert problem(admin.post(url, body, format="json"), 400)["errors"][0]["code"] == (
        "unknown_field"
    )


def test_a_malformed_wikidata_id_is_refused_as_the_schema_says(seed, admin):
    component = SCHEMA["components"]["schemas"]["SpeakerRequest"]
    assert component["properties"]["wikidata_id"]["pattern"] == "^Q[1-9][0-9]*$"
    response = admin.post(
        "/api/v1/speakers/", {"name": "A", "kind": "person", "wikidata_id": "0"}, format="json"
    )
    assert problem(response, 400)["errors"][0]["code"] == "invalid_wikidata_id"


# --- Reads are public: the schema declared that they need a token -----------------------------


def test_public_reads_declare_anonymous_access_and_the_rest_do_not():
    for path, method, operation in operations():
        # Editors-only reads: a history, the revisions, the same-claim candidates.
        public = (
            method == "get"
            and not path.endswith(("/history/", "/claim-candidates/"))
            and "/revisions/" not in path
        )
        assert ({} in operation["security"]) is public, (method, path, operation["security"])


def test_every_operation_documents_401_for_bad_credentials(seed, anon):
    for path, method, operation in operations():
        assert "401" in operation["responses"], (method, path)
    anon.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    problem(anon.get("/api/v1/statements/"), 401)


# --- The examples in the schema are valid instances of their schemas --------------------------


def _json_schema(node):
    """OpenAPI 3.0 schema objects as JSON Schema: ``nullable`` becomes a null alternative."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _json_schema(value) for key, value in node.items() if key != "nullable"}
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


def _examples():
    for path, method, operation in operations():
        bodies = [("request", operation.get("requestBody", {}))]
        bodies += [(status, r) for status, r in operation["responses"].items()]
        for where, body in bodies:
            for media_type, content in body.get("content", {}).items():
                for name, example in content.get("examples", {}).items():
                    label = f"{method.upper()} {path} {where} {media_type} {name}"
                    yield pytest.param(content["schema"], example["value"], id=label)


EXAMPLES = list(_examples())


def test_the_main_operations_have_examples():
    labels = {example.id.split(" application/")[0] for example in EXAMPLES}
    assert {
        "POST /api/v1/statements/ request",
        "POST /api/v1/statements/ 201",
        "POST /api/v1/statements/ 400",
        "GET /api/v1/statements/ 200",
        "PATCH /api/v1/statements/{id}/ 412",
    } <= labels


@pytest.mark.parametrize(("schema", "value"), EXAMPLES)
def test_examples_match_their_schemas(schema, value):
    document = {"allOf": [_json_schema(schema)], "components": _json_schema(SCHEMA["components"])}
    validator = jsonschema.Draft202012Validator(
        document, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(value)]
    assert not errors, errors


def test_the_create_example_is_accepted_and_answered_as_documented(seed, admin):
    create = SCHEMA["paths"]["/api/v1/statements/"]["post"]
    request = next(iter(create["requestBody"]["content"]["application/json"]["examples"].values()))
    response = admin.post("/api/v1/statements/", request["value"], format="json")
    assert response.status_code == 201, response.content
    documented = next(iter(create["responses"]["201"]["content"]["application/json"]["examples"]))
    expected = create["responses"]["201"]["content"]["application/json"]["examples"][documented]
    ignore = {"id", "created_at", "updated_at"}

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ignore}
        if isinstance(value, list):
            return [strip(item) for item in value]
        return value

    assert strip(response.json()) == strip(expected["value"])
