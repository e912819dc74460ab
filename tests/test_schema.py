"""The OpenAPI schema and its documentation pages: generated, valid, committed, offline."""

import re
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

COMMITTED_SCHEMA = Path(__file__).resolve().parent.parent / "openapi.yaml"
EXTERNAL_URL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)


def test_the_committed_schema_is_the_generated_one(db, tmp_path):
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(generated))
    assert generated.read_text() == COMMITTED_SCHEMA.read_text(), (
        "openapi.yaml is stale: run `make schema` and commit it."
    )


@pytest.mark.parametrize(
    ("params", "content_type"),
    [({}, "application/vnd.oai.openapi"), ({"format": "json"}, "application/vnd.oai.openapi+json")],
)
def test_the_schema_is_served(db, client, params, content_type):
    response = client.get("/api/schema/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)


def test_operations_are_documented_with_stable_ids(db):
    schema = yaml.safe_load(COMMITTED_SCHEMA.read_text())
    operation_ids = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert operation.get("summary"), f"{method.upper()} {path} has no summary"
            assert operation.get("description"), f"{method.upper()} {path} has no description"
            operation_ids.append(operation["operationId"])
            assert re.fullmatch(r"[a-z]+(_[a-z]+)*", operation["operationId"])
    assert len(operation_ids) == len(set(operation_ids))
    enums = [name for name in schema["components"]["schemas"] if name.endswith("Enum")]
    assert not [name for name in enums if re.search(r"[0-9a-f]{3}Enum$", name)], enums


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_docs_pages_load_nothing_from_outside(db, client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert not EXTERNAL_URL.search(html), EXTERNAL_URL.findall(html)
    assets = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert assets
    for asset in assets:
        assert asset.startswith("/static/"), asset
