"""The schema reads well in generated clients (statements/api/schema_hooks.py): filters of
choices share the component enums, ordering values have names, public reads accept an
anonymous caller, and both token keywords are documented."""

import yaml

from tests.helpers import COMMITTED_SCHEMA

SCHEMA = yaml.safe_load(COMMITTED_SCHEMA.read_text())
OPERATIONS = [
    (method, path, operation)
    for path, item in SCHEMA["paths"].items()
    for method, operation in item.items()
]


def _query_values(operation):
    """Each query parameter and the schema of its values (an array's items)."""
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "query":
            schema = parameter["schema"]
            yield (
                parameter,
                schema.get("items", schema) if schema.get("type") == "array" else schema,
            )


def test_filters_of_choices_refer_to_the_component_enums():
    components = SCHEMA["components"]["schemas"]
    enums = {frozenset(c["enum"]) for c in components.values() if "enum" in c}
    referred = set()
    for _method, _path, operation in OPERATIONS:
        for parameter, values in _query_values(operation):
            assert frozenset(values.get("enum", ())) not in enums, (
                operation["operationId"],
                parameter,
            )
            if "$ref" in values:
                referred.add((parameter["name"], values["$ref"].rsplit("/", 1)[1]))
    assert ("speech_act", "SpeechActEnum") in referred
    assert ("mode", "AttributionModeEnum") in referred
    assert ("speaker_kind", "SpeakerKindEnum") in referred
    assert ("kind", "RelationKindEnum") in referred
    assert ("kind", "SourceKindEnum") in referred


def test_ordering_values_have_names():
    orderings = [
        values
        for _method, _path, operation in OPERATIONS
        for parameter, values in _query_values(operation)
        if parameter["name"] == "ordering"
    ]
    assert orderings
    for values in orderings:
        names = dict(zip(values["enum"], values["x-enum-varnames"], strict=True))
        assert names["-id"] == "ID_DESC"
        assert names["id"] == "ID"
    statements = SCHEMA["paths"]["/api/v1/statements/"]["get"]
    (ordering,) = [v for p, v in _query_values(statements) if p["name"] == "ordering"]
    assert dict(zip(ordering["enum"], ordering["x-enum-varnames"], strict=True))["-stated_on"] == (
        "STATED_ON_DESC"
    )


def test_both_token_keywords_everywhere_and_anonymous_reads():
    schemes = SCHEMA["components"]["securitySchemes"]
    assert schemes["tokenAuth"]["type"] == "apiKey"
    assert (schemes["bearerAuth"]["type"], schemes["bearerAuth"]["scheme"]) == ("http", "bearer")
    for method, path, operation in OPERATIONS:
        security = operation["security"]
        assert {"tokenAuth": []} in security, (method, path)
        assert {"bearerAuth": []} in security, (method, path)
        signed_in = ("history", "revisions")  # editors' reads
        if operation["operationId"].startswith(("list_", "get_")) and not any(
            word in path for word in signed_in
        ):
            assert {} in security, (method, path)
        if method in ("post", "put", "patch", "delete"):
            assert {} not in security, (method, path)
