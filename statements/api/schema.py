"""OpenAPI documentation of the operations: ids, summaries, errors, headers and examples."""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers

from statements.api.exceptions import PROBLEM_CONTENT_TYPE
from statements.api.serializers import (
    AttributionSerializer,
    HistoryEntrySerializer,
    RetractSerializer,
    StatementSerializer,
)

# --- Problem documents ------------------------------------------------------------------------


class ProblemFieldErrorSerializer(serializers.Serializer):
    field = serializers.CharField(
        allow_null=True,
        help_text='Path of the bad field ("text", "attributions.0.quote.exact") or '
        "query parameter; null when the request as a whole is at fault.",
    )
    detail = serializers.CharField(help_text="What is wrong, in a sentence.")
    code = serializers.CharField(help_text='Machine-readable reason: "required", "not_found", …')


class ProblemSerializer(serializers.Serializer):
    """An RFC 9457 problem details document."""

    type = serializers.CharField(help_text="URI reference naming the kind of problem.")
    title = serializers.CharField(help_text="Short summary of the kind of problem.")
    status = serializers.IntegerField(help_text="The HTTP status code.")
    detail = serializers.CharField(help_text="What went wrong with this request.")
    errors = ProblemFieldErrorSerializer(many=True, help_text="One entry per bad field.")


PROBLEM_DESCRIPTIONS = {
    400: "Invalid input: malformed JSON, a bad field or an unknown query parameter.",
    401: "Authentication is required: send `Authorization: Token <key>`.",
    403: "Authenticated, but without the permission this action needs.",
    404: "No such object, or not visible to you (drafts are hidden from the public).",
    409: "The action conflicts with the object's state (e.g. deleting a published statement).",
    412: "`If-Match` named an ETag that is no longer current: fetch the object again.",
    413: "The request body is larger than the server accepts.",
    415: "The body is not JSON (`Content-Type: application/json`).",
    429: "Too many requests: wait for the number of seconds in `Retry-After`.",
}

VALIDATION_EXAMPLE = OpenApiExample(
    "Quote not found in the source",
    status_codes=["400"],
    response_only=True,
    media_type=PROBLEM_CONTENT_TYPE,
    value={
        "type": "/problems/invalid-request",
        "title": "The request is not valid.",
        "status": 400,
        "detail": "attributions.0.quote.exact: The quote was not found in the source body.",
        "errors": [
            {
                "field": "attributions.0.quote.exact",
                "detail": "The quote was not found in the source body.",
                "code": "not_found",
            }
        ],
    },
)


def problems(*codes: int) -> dict[tuple[int, str], OpenApiResponse]:
    return {
        (code, PROBLEM_CONTENT_TYPE): OpenApiResponse(ProblemSerializer, PROBLEM_DESCRIPTIONS[code])
        for code in codes
    }


READ_ERRORS = (400, 404, 429)
WRITE_ERRORS = (400, 401, 403, 404, 409, 412, 413, 415, 429)

IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="An ETag from an earlier read: 304 Not Modified when it is still current.",
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=(
        "The ETag you read: the write happens only if the object is unchanged since, "
        "else 412. Send it so that two editors never overwrite each other."
    ),
)


def crud(name: str, plural: str, serializer: type[serializers.Serializer]) -> dict[str, Any]:
    """The documentation of a resource's six operations, for ``extend_schema_view``."""
    return {
        "list": extend_schema(
            operation_id=f"list_{plural}",
            summary=f"List {plural}",
            description=f"A page of {plural}, filtered and ordered by the query parameters.",
            responses={200: serializer(many=True), **problems(*READ_ERRORS)},
        ),
        "create": extend_schema(
            operation_id=f"create_{name}",
            summary=f"Create a {name}",
            description=f"Create a {name}. Needs the add permission (editors).",
            responses={201: serializer, **problems(*WRITE_ERRORS)},
        ),
        "retrieve": extend_schema(
            operation_id=f"get_{name}",
            summary=f"Get a {name}",
            description=f"One {name}, with its `ETag`.",
            parameters=[IF_NONE_MATCH],
            responses={
                200: serializer,
                304: OpenApiResponse(description="Not modified."),
                **problems(*READ_ERRORS),
            },
        ),
        "update": extend_schema(
            operation_id=f"replace_{name}",
            summary=f"Replace a {name}",
            description=f"Replace every writable field of the {name}.",
            parameters=[IF_MATCH],
            responses={200: serializer, **problems(*WRITE_ERRORS)},
        ),
        "partial_update": extend_schema(
            operation_id=f"update_{name}",
            summary=f"Update a {name}",
            description="Change the fields given, leave the others as they are.",
            parameters=[IF_MATCH],
            responses={200: serializer, **problems(*WRITE_ERRORS)},
        ),
        "history": extend_schema(
            operation_id=f"list_{name}_history",
            summary=f"List a {name}'s versions",
            description=(
                f"The change history of the {name}, newest first: who made each version, "
                "when, and the fields it changed (old and new values). Editors, reviewers "
                "and admins only: past versions may hold text never published."
            ),
            responses={200: HistoryEntrySerializer(many=True), **problems(401, 403, 404, 429)},
        ),
        "destroy": extend_schema(
            operation_id=f"delete_{name}",
            summary=f"Delete a {name}",
            description=(
                f"Delete the {name}. Refused with 409 while other records depend on it; "
                "published statements are retracted, never deleted."
            ),
            parameters=[IF_MATCH],
            responses={204: OpenApiResponse(description="Deleted."), **problems(*WRITE_ERRORS)},
        ),
    }


PUBLISH = {
    "operation_id": "publish_statement",
    "summary": "Publish a statement",
    "description": "Make a draft public. Needs the publish permission (reviewers).",
    "request": None,
    "parameters": [IF_MATCH],
    "responses": {200: StatementSerializer, **problems(401, 403, 404, 409, 412, 429)},
}

RETRACT = {
    "operation_id": "retract_statement",
    "summary": "Retract a statement",
    "description": (
        "Withdraw a published statement, saying why. Its text stays for editors; the public "
        "no longer sees it. Needs the retract permission (reviewers)."
    ),
    "request": RetractSerializer,
    "parameters": [IF_MATCH],
    "responses": {200: StatementSerializer, **problems(400, 401, 403, 404, 409, 412, 415, 429)},
}

SPEAKER_STATEMENTS = {
    "operation_id": "list_speaker_statements",
    "summary": "List a speaker's statements",
    "description": "The statements attributed to the speaker, with every statement filter.",
    "responses": {200: StatementSerializer(many=True), **problems(*READ_ERRORS)},
}

SOURCE_ATTRIBUTIONS = {
    "operation_id": "list_source_attributions",
    "summary": "List a source's attributions",
    "description": "Every statement the source reports, and how it renders it.",
    "responses": {200: AttributionSerializer(many=True), **problems(*READ_ERRORS)},
}
