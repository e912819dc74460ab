"""The schema documents every shape to an API user: each component has a description of its
own (never a base class's docstring), and the resources' operations carry examples that are
valid instances of the shapes they illustrate."""

import inspect
from datetime import datetime

import jsonschema
import pytest
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework.serializers import BaseSerializer

RESOURCES = ("speaker", "source", "attribution", "relation")
JSON_MEDIA_TYPES = ("application/json", "application/problem+json")


@pytest.fixture(scope="module")
def generated(django_db_blocker):
    generator = SchemaGenerator()
    with django_db_blocker.unblock():
        schema = generator.get_schema(request=None, public=True)
    # The registry says which serializer each component was made from.
    sources = {
        component.name: component.object
        for component in generator.registry._components.values()
        if component.type == ResolvedComponent.SCHEMA
    }
    return schema, sources


def _serializer_class(obj) -> type | None:
    cls = obj if inspect.isclass(obj) else type(obj)
    return cls if issubclass(cls, BaseSerializer) else None


def _own_doc(cls: type) -> str:
    """The class's own docstring: ``cls.__doc__`` is None when the class has none, even
    when a base class has one (``inspect.getdoc`` would return the base's)."""
    return inspect.cleandoc(cls.__dict__.get("__doc__") or "")


def _project_serializer_classes() -> set[type]:
    found, pending = set(), [BaseSerializer]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("statements."):
                found.add(subclass)
    return found


def _base_class_docstrings() -> dict[str, type]:
    """The docstrings of the project's classes that serializers inherit from (mixins and
    base serializers): each is a candidate for leaking into a subclass's description."""
    bases = {}
    for cls in _project_serializer_classes():
        for base in cls.__mro__[1:]:
            if base.__module__.startswith("statements.") and _own_doc(base):
                bases[_own_doc(base)] = base
    return bases


def test_no_component_is_described_by_a_base_class_docstring(generated):
    schema, sources = generated
    base_docs = _base_class_docstrings()
    assert base_docs, "the serializers have base classes with docstrings to check against"
    leaks = {}
    for name, component in schema["components"]["schemas"].items():
        description = component.get("description", "")
        own_class = _serializer_class(sources[name]) if name in sources else None
        for doc, base in base_docs.items():
            if base is not own_class and doc in description:
                leaks[name] = base.__name__
    assert not leaks, f"components described by a base class's docstring: {leaks}"


def test_every_serializer_component_has_its_own_docstring(generated):
    schema, sources = generated
    missing = []
    for name in schema["components"]["schemas"]:
        cls = _serializer_class(sources[name])
        if cls is None or name.startswith("Paginated"):
            continue
        own = _own_doc(cls)
        description = schema["components"]["schemas"][name].get("description", "")
        if not own or not description.startswith(own):
            missing.append(f"{name} ({cls.__name__})")
    assert not missing, f"components not described by their own serializer's docstring: {missing}"


def test_every_component_has_a_description_of_its_own(generated):
    schema, _ = generated
    components = schema["components"]["schemas"]
    undescribed = [name for name, c in components.items() if not c.get("description", "").strip()]
    assert not undescribed, f"components without a description: {undescribed}"
    by_description = {}
    for name, component in components.items():
        by_description.setdefault(component["description"], []).append(name)
    shared = [names for names in by_description.values() if len(names) > 1]
    assert not shared, f"components sharing one description: {shared}"


def test_enums_describe_every_value(generated):
    # drf-spectacular describes an enum by listing its values with their labels.
    schema, _ = generated
    for name, component in schema["components"]["schemas"].items():
        for value in component.get("enum", ()):
            if value not in (None, ""):
                assert f"`{value}`" in component["description"], (name, value)


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation


def _examples(content: dict, media_type: str = "application/json") -> dict:
    return content.get(media_type, {}).get("examples", {})


@pytest.mark.parametrize("resource", RESOURCES)
def test_resource_operations_have_examples(generated, resource):
    schema, _ = generated
    by_id = {operation["operationId"]: operation for _, operation in _operations(schema)}
    expected = {
        f"create_{resource}": "201",
        f"replace_{resource}": "200",
        f"update_{resource}": "200",
        f"list_{resource}s": "200",
        f"get_{resource}": "200",
    }
    for operation_id, status in expected.items():
        operation = by_id[operation_id]
        if operation_id.startswith(("create_", "replace_", "update_")):
            request = operation["requestBody"]["content"]
            assert _examples(request), f"{operation_id}: no request example"
        response = operation["responses"][status].get("content", {})
        assert _examples(response), f"{operation_id}: no example of the {status} response"


def _json_schema(node):
    """OpenAPI 3.0 schema objects as JSON Schema: ``nullable`` becomes a null alternative,
    and objects admit no properties they do not declare (so a misspelt field in an example
    fails too)."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {
        key: (
            {name: _json_schema(value) for name, value in node[key].items()}
            if key == "properties"
            else _json_schema(value)
        )
        for key, value in node.items()
    }
    if "properties" in converted:
        converted.setdefault("additionalProperties", False)
    if converted.pop("nullable", False):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


# Formats checked with what the server uses (jsonschema checks "uri" and "date-time" only
# with optional packages): a blank URL must not pass for a URL.
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("uri", raises=ValidationError)
def _is_url(value) -> bool:
    if isinstance(value, str):
        URLValidator()(value)
    return True


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    return not isinstance(value, str) or datetime.fromisoformat(value).tzinfo is not None


def test_every_example_is_valid_for_its_schema(generated):
    schema, _ = generated
    components = {"schemas": _json_schema(schema["components"]["schemas"])}
    checked, invalid = 0, []
    for where, operation in _operations(schema):
        contents = [("request", operation.get("requestBody", {}).get("content", {}))]
        contents += [
            (status, response.get("content", {}))
            for status, response in operation["responses"].items()
        ]
        for part, content in contents:
            for media_type in JSON_MEDIA_TYPES:
                if media_type not in content:
                    continue
                document = {**_json_schema(content[media_type]["schema"]), "components": components}
                # With formats asserted, and without, as most clients' validators do.
                validators = [
                    jsonschema.Draft202012Validator(document, format_checker=FORMATS),
                    jsonschema.Draft202012Validator(document),
                ]
                for name, example in _examples(content, media_type).items():
                    checked += 1
                    for validator in validators:
                        for error in validator.iter_errors(example["value"]):
                            path = "/".join(map(str, error.absolute_path))
                            invalid.append(f"{where} {part} {name} at {path!r}: {error.message}")
    assert checked
    assert not invalid, "\n".join(invalid)
