"""Post-processing of the generated OpenAPI document: what drf-spectacular cannot declare
per operation (response headers), and exact ``required`` lists for generated clients."""

from typing import Any

ETAG = {
    "description": "Entity tag of the representation: send it back in `If-None-Match` "
    "(reads) or `If-Match` (writes).",
    "schema": {"type": "string"},
}
LOCATION = {"description": "URL of the created object.", "schema": {"type": "string"}}
RETRY_AFTER = {
    "description": "Seconds to wait before the next request.",
    "schema": {"type": "integer"},
}

# A source's PUT or PATCH that changes its body re-verifies the quotes anchored in it.
QUOTE_ANCHORING_HEADER = "Quote-Anchoring"
QUOTE_ANCHORING = {
    "description": "Sent when the write changed the source's body: how many of its quotes "
    "were found again by their words (`kept`), found by an approximate match (`reanchored`), "
    "lost (`orphaned`: their `quote.status` says so) or left without a body "
    "(`unanchored`), as a structured-field dictionary: "
    "`kept=12, reanchored=1, orphaned=0, unanchored=0`.",
    "schema": {"type": "string"},
}
SOURCE_WRITES = ("replace_source", "update_source")

# Operations whose 200 or 201 answer one object, hence carry its ETag.
OBJECT_OPERATIONS = (
    "get_",
    "create_",
    "replace_",
    "update_",
    "publish_",
    "retract_",
    "accept_",
)


def _add_header(response: dict[str, Any], name: str, header: dict[str, Any]) -> None:
    response.setdefault("headers", {})[name] = header


def add_response_headers(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.get("responses", {})
            if operation.get("operationId", "").startswith(OBJECT_OPERATIONS):
                for status in ("200", "201", "304"):
                    if status in responses:
                        _add_header(responses[status], "ETag", ETAG)
            if operation.get("operationId") in SOURCE_WRITES and "200" in responses:
                _add_header(responses["200"], QUOTE_ANCHORING_HEADER, QUOTE_ANCHORING)
            if "201" in responses:
                _add_header(responses["201"], "Location", LOCATION)
            if "412" in responses:
                _add_header(responses["412"], "ETag", {**ETAG, "description": "The current ETag."})
            if "429" in responses:
                _add_header(responses["429"], "Retry-After", RETRY_AFTER)
    return result


def require_response_fields(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Every field of a response is always present (null when empty), so response
    components list them all as required: generated clients then need no "unset" checks.
    Request components (``…Request``) keep the serializers' own required lists."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request") or "properties" not in component:
            continue
        component["required"] = sorted(component["properties"])
    return result


# --- Enums that generated clients name well ---------------------------------------------------


def _query_parameters(result: dict[str, Any]):
    """Each query parameter with the schema of its values (an array's items)."""
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") != "query":
                    continue
                schema = parameter.get("schema", {})
                values = schema.get("items", schema) if schema.get("type") == "array" else schema
                yield parameter, values


def _without_choice_list(description: str) -> str:
    """The description without drf-spectacular's ``* `value` - Label`` lines."""
    kept = [line for line in description.splitlines() if not line.startswith("* `")]
    return "\n".join(kept).strip()


def reuse_component_enums(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """A filter of choices refers to the component enum of the same values: one
    ``SpeechActEnum`` in a generated client, not a copy per operation and parameter.
    Runs after ``postprocess_schema_enums``, which makes the components (from the
    bodies' fields only)."""
    by_values: dict[frozenset, str | None] = {}
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if "enum" in component and "properties" not in component:
            values = frozenset(component["enum"])
            by_values[values] = None if values in by_values else name  # ambiguous: keep inline
    for parameter, values in _query_parameters(result):
        name = by_values.get(frozenset(values.get("enum", ())))
        if name is None:
            continue
        values.clear()  # OpenAPI 3.0 ignores whatever stands beside a $ref
        values["$ref"] = f"#/components/schemas/{name}"
        description = _without_choice_list(parameter.get("description", ""))
        if description:
            parameter["description"] = description
        else:
            parameter.pop("description", None)
    return result


def name_ordering_values(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """``x-enum-varnames`` for the ``ordering`` values, which start with a ``-`` that no
    identifier can: ``-stated_on`` is ``STATED_ON_DESC`` in a generated client, not
    ``VALUE_0``."""
    for parameter, values in _query_parameters(result):
        if parameter["name"] == "ordering" and "enum" in values:
            values["x-enum-varnames"] = [
                value.removeprefix("-").upper() + ("_DESC" if value.startswith("-") else "")
                for value in values["enum"]
            ]
    return result
