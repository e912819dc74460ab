"""JSON-LD in the API: ``Accept: application/ld+json`` (or ``?format=jsonld``) on the
lists and details of statements, speakers, sources and attributions, and the context
document those answers name (``/api/v1/context.jsonld``).

The views build their usual representation; ``ResourceJSONLDRenderer`` writes it as the
JSON-LD of ``statements.jsonld``, so both say the same and cost the same queries. The reads
that offer it (``JSONLDMixin``) answer ``Vary: Accept``: their ETag is the digest of the
representation, shared by its JSON and its JSON-LD, so a conditional request works the
same whichever was read, and caches keep the two apart.
"""

from typing import Any

import orjson
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.settings import spectacular_settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from statements import jsonld
from statements.api import schema
from statements.api.conditional import not_modified, representation_etag
from statements.api.renderers import JSONLDRenderer, JSONRenderer
from statements.api.serializers import (
    AttributionSerializer,
    SourceSerializer,
    SpeakerSerializer,
    StatementSerializer,
)

# The node each resource's representation becomes, by the serializer that writes it.
NODE_KINDS = {
    StatementSerializer: "statement",
    SpeakerSerializer: "speaker",
    SourceSerializer: "source",
    AttributionSerializer: "attribution",
}


def request_iris(request: Request) -> jsonld.IRIs:
    """The ``@id``s of the request's documents: the API's absolute URLs, as it was called."""
    return jsonld.IRIs(api_root=request.build_absolute_uri(reverse("api:api-root")))


def _plain(data: Any) -> Any:
    """``data`` with the JSON text it may hold (statements PostgreSQL wrote, a cached
    page: ``orjson.Fragment``) read back into dicts and lists."""
    return orjson.loads(JSONRenderer().render(data))


class ResourceJSONLDRenderer(JSONLDRenderer):
    """A resource's representation, or a page of them, as JSON-LD (``statements.jsonld``):
    the node its serializer's kind (``NODE_KINDS``) maps to, or a page as an ItemList."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:  # 204, 304
            return b""
        context = renderer_context or {}
        view, request = context["view"], context["request"]
        iris = request_iris(request)
        node = jsonld.NODES[NODE_KINDS[view.get_serializer_class()]]
        data = _plain(data)
        if getattr(view, "action", None) == "list":
            document = jsonld.page(
                [node(item, iris) for item in data["results"]],
                iris,
                iri=request.build_absolute_uri(),
                count=data.get("count"),
                next_page=data.get("next"),
                previous_page=data.get("previous"),
            )
        else:
            document = jsonld.document(node(data, iris), iris)
        return super().render(document, accepted_media_type, renderer_context)


class JSONLDMixin:
    """Offers JSON-LD (``ResourceJSONLDRenderer``) on the reads of the view's resource, its
    lists and details. Writes answer JSON (406 to a client that accepts only JSON-LD,
    before anything is written)."""

    JSONLD_ACTIONS = frozenset({"list", "retrieve"})

    def offers_jsonld(self) -> bool:
        return getattr(self, "action", None) in self.JSONLD_ACTIONS

    def get_renderers(self):
        renderers = super().get_renderers()
        if self.offers_jsonld():
            renderers.append(ResourceJSONLDRenderer())
        return renderers

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if self.offers_jsonld():
            patch_vary_headers(response, ("Accept",))
        return response


# --- The context document ---------------------------------------------------------------------

CONTEXT_SECONDS = 24 * 60 * 60


class JSONLDContextView(APIView):
    """``context.jsonld``: the terms of every JSON-LD document the API writes."""

    permission_classes = [AllowAny]
    renderer_classes = [JSONLDRenderer]

    @extend_schema(
        operation_id="get_jsonld_context",
        tags=["json-ld"],
        summary="Get the JSON-LD context",
        description=(
            "The context that every JSON-LD answer names (`Accept: application/ld+json`): "
            "schema.org's terms, the W3C Web Annotation terms and this API's own, each "
            "mapped to its full IRI, so that a JSON-LD processor needs nothing else."
        ),
        auth=schema.PUBLIC_READ,
        parameters=[schema.IF_NONE_MATCH],
        responses={
            (200, jsonld.MEDIA_TYPE): OpenApiResponse(OpenApiTypes.OBJECT, "The context."),
            304: OpenApiResponse(description="Not modified."),
            **schema.problems(401, 429),
        },
    )
    def get(self, request: Request) -> Response:
        document = jsonld.context(request_iris(request).vocabulary())
        headers = {
            "ETag": representation_etag(document),
            "Cache-Control": f"public, max-age={CONTEXT_SECONDS}",
        }
        if not_modified(request, headers["ETag"]):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers=headers)
        return Response(document, headers=headers)


# --- The schema -------------------------------------------------------------------------------

JSONLD_DOCUMENT = {
    "type": "object",
    "description": (
        "The resource as JSON-LD, in the terms of the context document it names "
        "(`@context`: `GET /api/v1/context.jsonld`): a statement is a schema.org `Claim`, a "
        "speaker a `Person` or an `Organization`, a source a `CreativeWork`, an attribution "
        "an `Attribution` (also a `Quotation` when a direct quote) whose quote is a W3C Web "
        "Annotation; a page is an `ItemList`. Each node's `@id` is its API URL and its `@type` "
        "its class (unless `fields` leaves out the `id` or the `kind` they come from). The "
        "README's JSON-LD section shows one."
    ),
    "properties": {"@context": {"type": "string", "format": "uri"}},
    "required": ["@context"],
    "additionalProperties": True,
}

_SEED_SOURCE = {
    "@id": "http://127.0.0.1:8000/api/v1/sources/1/",
    "@type": "NewsArticle",
    "name": "Thousands of North Korean Troops Reportedly Deployed to Russia, US Claims",
    "url": "https://example.com/news/north-korean-troops-russia",
    "datePublished": "2024-10-24T00:00:00Z",
}
_US = {
    "@id": "http://127.0.0.1:8000/api/v1/speakers/1/",
    "@type": "GovernmentOrganization",
    "name": "United States",
    "kind": "government",
}
# The seed's US claim, as ``get_statement`` answers it (abridged: no relations).
JSONLD_CLAIM_EXAMPLE = {
    "@context": "http://127.0.0.1:8000/api/v1/context.jsonld",
    "@id": "http://127.0.0.1:8000/api/v1/statements/1/",
    "@type": "Claim",
    "text": "North Korea has deployed around 3,000 troops to Russia.",
    "inLanguage": "en",
    "author": [_US],
    "appearance": [_SEED_SOURCE],
    "firstAppearance": _SEED_SOURCE,
    "creativeWorkStatus": "published",
    "attribution": [
        {
            "@id": "http://127.0.0.1:8000/api/v1/attributions/1/",
            "@type": "Attribution",
            "speaker": _US,
            "reportedIn": _SEED_SOURCE,
            "mode": "paraphrase",
            "speechAct": "assertion",
            "verb": "claims",
            "quote": {
                "@id": "http://127.0.0.1:8000/api/v1/attributions/1/#quote",
                "@type": "Annotation",
                "motivation": "identifying",
                "body": "http://127.0.0.1:8000/api/v1/attributions/1/",
                "target": {
                    "@type": "SpecificResource",
                    "source": "https://example.com/news/north-korean-troops-russia",
                    "selector": [
                        {
                            "@type": "TextQuoteSelector",
                            "exact": "The US claims that North Korea has deployed around 3,000 "
                            "troops to Russia",
                        },
                        {"@type": "TextPositionSelector", "start": 74, "end": 147},
                    ],
                },
            },
        }
    ],
}
JSONLD_EXAMPLES = {
    "get_statement": {
        "claim": {"summary": "The seed's US claim (abridged)", "value": JSONLD_CLAIM_EXAMPLE}
    }
}
# The operations that declare their JSON-LD themselves.
JSONLD_DECLARED = frozenset({"get_jsonld_context", "export_statements"})


RESPONSE_FORMATS = ["json", "jsonld"]
RESPONSE_FORMAT = {
    "type": "string",
    "enum": RESPONSE_FORMATS,
    "description": (
        "The answer's format, as the `Accept` header would choose it: `json` (the default; "
        "`application/json`) or `jsonld` (`application/ld+json`)."
    ),
}


def _component(name: str, schema: dict[str, Any]) -> ResolvedComponent:
    return ResolvedComponent(name=name, type=ResolvedComponent.SCHEMA, schema=schema, object=name)


def _is_response_format(parameter: dict[str, Any]) -> bool:
    """Whether ``parameter`` is the ``format`` drf-spectacular adds (not the export's own)."""
    named = (parameter["name"], parameter["in"]) == ("format", "query")
    return named and parameter["schema"].get("enum") == RESPONSE_FORMATS


def describe_jsonld_responses(result: dict[str, Any], generator, **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular gives every media type of a response the JSON's schema, and writes
    the ``format`` parameter it adds out in each operation: the JSON-LD answers get the
    schema of a JSON-LD document instead, and ``format`` one named enum (components,
    registered as drf-spectacular's own hooks register theirs)."""
    document = _component("JSONLDDocument", JSONLD_DOCUMENT)
    response_format = _component("ResponseFormatEnum", RESPONSE_FORMAT)
    used = set()
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if operation.get("operationId") in JSONLD_DECLARED:
                continue
            for response in operation.get("responses", {}).values():
                content = response.get("content", {}).get(jsonld.MEDIA_TYPE)
                if content is not None and "schema" in content:
                    content["schema"] = document.ref
                    content.pop("examples", None)
                    if examples := JSONLD_EXAMPLES.get(operation.get("operationId")):
                        content["examples"] = examples
                    used.add(document)
            for parameter in operation.get("parameters", ()):
                if _is_response_format(parameter):
                    parameter["schema"] = response_format.ref
                    used.add(response_format)
    for component in used:
        generator.registry.register_on_missing(component)
    if used:
        result["components"] = generator.registry.build(spectacular_settings.APPEND_COMPONENTS)
    return result
