"""The fast read paths give exactly what DRF's generic machinery gives.

Statements are read through ``representations.statement`` and rendered by orjson; both are
held here to the output of the serializers' declared fields and of DRF's JSONRenderer.
"""

import datetime as dt
import json
from decimal import Decimal

import orjson
import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework import renderers, serializers
from rest_framework.utils.serializer_helpers import ReturnDict

from statements import selectors
from statements.api import renderers as api_renderers
from statements.api.renderers import JSONRenderer
from statements.api.serializers import (
    QuoteSerializer,
    StatementRelationSerializer,
    StatementSerializer,
)
from statements.models import Statement
from statements.representations import python as representations
from statements.representations.fields import QUOTE, STATEMENT, parse_selection, select


def generic_representation(statement: Statement) -> dict:
    """What DRF's ModelSerializer makes of the declared fields, relations read the slow way."""
    serializer = StatementSerializer()
    data = serializers.ModelSerializer.to_representation(serializer, statement)
    relations = sorted(
        [*statement.relations_out.all(), *statement.relations_in.all()], key=lambda r: r.pk
    )
    data["relations"] = StatementRelationSerializer(relations, many=True).data
    return json.loads(json.dumps(data))


@pytest.mark.parametrize("role", ["anonymous", "editor_user"])
def test_representation_matches_the_serializers(world, request, role):
    user = AnonymousUser() if role == "anonymous" else request.getfixturevalue(role)
    statements = list(selectors.statement_queryset(user=user).order_by("id"))
    assert statements
    for statement in statements:
        fast = json.loads(json.dumps(representations.statement(statement)))
        slow = generic_representation(Statement.objects.get(pk=statement.pk))
        if role == "anonymous":  # the public sees only relations between published statements
            slow["relations"] = [
                relation
                for relation in slow["relations"]
                if relation["from_statement"]["status"] == "published"
                and relation["to_statement"]["status"] == "published"
            ]
        assert fast == slow


def _trimmed(data, selection):
    """``data`` (an object, or a list of them) with only the fields of ``selection``."""
    if isinstance(data, list):
        return [_trimmed(item, selection) for item in data]
    if data is None:
        return None
    return {
        name: value if selection[name] is None else _trimmed(value, selection[name])
        for name, value in data.items()
        if name in selection
    }


SELECTIONS = [
    "id,text",
    "topics,relations",
    "attributions.speaker.name,attributions.on_behalf_of,attributions.quote.prefix",
    "attributions.source,attributions.stated_on,relations.to_statement.status,updated_at",
]


@pytest.mark.parametrize("fields", SELECTIONS)
def test_a_selection_is_the_serializers_output_trimmed(world, editor_user, fields):
    """Built for the selected shape (not trimmed after), and equal to the full one trimmed."""
    shape = select(STATEMENT, fields)
    statements = list(selectors.statement_queryset(user=editor_user).order_by("id"))
    writer = representations.Writer()
    for statement in statements:
        fast = orjson.loads(orjson.dumps(writer.statement(statement, shape)))
        slow = generic_representation(Statement.objects.get(pk=statement.pk))
        assert fast == _trimmed(slow, parse_selection(fields))
        assert list(fast) == [name for name in STATEMENT.names() if name in fast]


def test_a_relation_between_two_statements_of_one_page_is_listed_on_both(world, anon):
    page = anon.get("/api/v1/statements/").json()["results"]
    relations = {statement["id"]: [r["id"] for r in statement["relations"]] for statement in page}
    assert relations[world.claim.pk] == [world.relation.pk]
    assert relations[world.denial.pk] == [world.relation.pk]


def test_topics_are_sorted_slugs(world, anon):
    body = anon.get(f"/api/v1/statements/{world.claim.pk}/").json()
    assert body["topics"] == ["border", "troops"]


SAMPLES = [
    {"text": "plain", "n": 3, "none": None, "list": [1, 2.5, True]},
    {"controls": "".join(chr(i) for i in range(32)) + "\x7f", "quotes": '"\\/'},
    {"unicode": "é — 北 \u2028 \u2029 😀"},
    {"floats": [0.1, 1e-05, 2.5e-07, 1e16, 1e22, -0.0, 123.456]},
    {"text that looks like a float": "1e-5"},
    {"datetime": dt.datetime(2024, 10, 24, 9, 0, 0, 123456, tzinfo=dt.UTC)},
    {"date": dt.date(2024, 10, 24), "decimal": Decimal("1.10")},
    {1: "int key"},
    ReturnDict({"returned": [1]}, serializer=None),
    [],
]


@pytest.mark.parametrize("data", SAMPLES)
def test_renderer_is_byte_identical_to_drf(data):
    assert JSONRenderer().render(data) == renderers.JSONRenderer().render(data)


def test_renderer_indents_as_drf():
    data = {"a": [1, {"b": None}]}
    media_type = "application/json; indent=2"
    assert JSONRenderer().render(data, media_type) == renderers.JSONRenderer().render(
        data, media_type
    )


class _DRFRenderer(renderers.JSONRenderer):
    # DRF's renderer, whose encoder also reads the statements written as JSON text
    encoder_class = api_renderers.JSONEncoder


def test_list_response_is_what_drf_would_render(world, anon):
    response = anon.get("/api/v1/statements/", {"page_size": 100})
    assert response.status_code == 200
    assert response.content == _DRFRenderer().render(response.data)


def test_the_quote_serializer_declares_the_quote_fields():
    """The quote is a plain serializer (its fields are declared one by one, with their
    validation): it reads the same keys, from the same columns, as ``fields.QUOTE``."""
    declared = [(name, field.source) for name, field in QuoteSerializer().fields.items()]
    assert declared == [(field.name, field.source) for field in QUOTE.fields]
