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
    401: "Authentication is required, or the credentials sent are not valid (an unknown or "
    "revoked token): send `Authorization: Token <key>` with a valid key.",
    403: "Authenticated, but without the permission this action needs.",
    404: "No such object, or not visible to you (drafts are hidden from the public).",
    409: "The action conflicts with the object's state (e.g. deleting a published statement).",
    412: "`If-Match` named an ETag that is no longer current: fetch the object again.",
    413: "The request body is larger than the server accepts.",
    415: "The body is not JSON (`Content-Type: application/json`).",
    429: "Too many requests: wait for the number of seconds in `Retry-After`.",
}

# --- Examples ---------------------------------------------------------------------------------
# Exchanges with the seed article loaded (`make run`), abridged where long: the source 1,
# the speakers 1 (the United States) and 3 (John Kirby) are in it.

KIRBY = {"id": 3, "name": "John Kirby", "kind": "person"}
UNITED_STATES = {"id": 1, "name": "United States", "kind": "government"}
SEED_SOURCE = {
    "id": 1,
    "title": "Thousands of North Korean Troops Reportedly Deployed to Russia, US Claims",
    "publisher": "",
    "kind": "news_article",
    "url": "https://example.com/news/north-korean-troops-russia",
    "published_at": "2024-10-24T00:00:00Z",
    "status": "current",
}

CREATE_STATEMENT_REQUEST = OpenApiExample(
    "A statement with its attribution",
    summary="Kirby's account of the troops' arrival, quoted from the source",
    request_only=True,
    value={
        "text": "North Korean soldiers arrived in Vladivostok by ship in October.",
        "language": "en",
        "topics": ["North Korea", "Russia"],
        "attributions": [
            {
                "speaker": 3,
                "source": 1,
                "mode": "paraphrase",
                "speech_act": "assertion",
                "verb": "stated",
                "speaker_role": "White House national security spokesman",
                "on_behalf_of": 1,
                "occasion": "",
                "stated_on": None,
                "quote": {
                    "exact": "these soldiers arrived in Vladivostok by ship in October",
                    "prefix": "",
                    "suffix": "",
                },
            }
        ],
    },
)

CREATE_STATEMENT_RESPONSE = OpenApiExample(
    "The statement created",
    summary="A draft, its topics as slugs, the quote anchored in the source body",
    response_only=True,
    status_codes=["201"],
    value={
        "id": 24,
        "text": "North Korean soldiers arrived in Vladivostok by ship in October.",
        "language": "en",
        "topics": ["north-korea", "russia"],
        "status": "draft",
        "retraction_reason": "",
        "attributions": [
            {
                "id": 27,
                "speaker": KIRBY,
                "source": SEED_SOURCE,
                "mode": "paraphrase",
                "speech_act": "assertion",
                "verb": "stated",
                "speaker_role": "White House national security spokesman",
                "on_behalf_of": UNITED_STATES,
                "occasion": "",
                "stated_on": None,
                "quote": {
                    "exact": "these soldiers arrived in Vladivostok by ship in October",
                    "prefix": "",
                    "suffix": "",
                    "start": 648,
                    "end": 704,
                },
                "created_at": "2024-10-28T09:30:00Z",
                "updated_at": "2024-10-28T09:30:00Z",
            }
        ],
        "relations": [],
        "created_at": "2024-10-28T09:30:00Z",
        "updated_at": "2024-10-28T09:30:00Z",
    },
)

# Statement 7 of the seed article as it reads (its relations abridged to one).
VLADIVOSTOK_STATEMENT = {
    "id": 7,
    "text": "The North Korean soldiers arrived in Vladivostok by ship in October.",
    "language": "en",
    "topics": ["north-korea", "russia", "troop-deployment"],
    "status": "published",
    "retraction_reason": "",
    "attributions": [
        {
            "id": 7,
            "speaker": KIRBY,
            "source": SEED_SOURCE,
            "mode": "paraphrase",
            "speech_act": "assertion",
            "verb": "stated",
            "speaker_role": "White House national security spokesman",
            "on_behalf_of": UNITED_STATES,
            "occasion": "",
            "stated_on": None,
            "quote": {
                "exact": "White House national security spokesman John Kirby stated "
                "that these soldiers arrived in Vladivostok by ship in October",
                "prefix": "",
                "suffix": "",
                "start": 585,
                "end": 704,
            },
            "created_at": "2024-10-25T12:00:00Z",
            "updated_at": "2024-10-25T12:00:00Z",
        }
    ],
    "relations": [
        {
            "id": 4,
            "kind": "supports",
            "from_statement": {
                "id": 7,
                "text": "The North Korean soldiers arrived in Vladivostok by ship in October.",
                "status": "published",
            },
            "to_statement": {
                "id": 1,
                "text": "North Korea has deployed around 3,000 troops to Russia.",
                "status": "published",
            },
            "note": "Kirby says the soldiers arrived in Vladivostok by ship in October.",
        }
    ],
    "created_at": "2024-10-25T12:00:00Z",
    "updated_at": "2024-10-25T12:00:00Z",
}

LIST_STATEMENTS_RESPONSE = OpenApiExample(
    "A page of statements",
    summary='GET /api/v1/statements/?q=Kirby Vladivostok (in the page\'s "results")',
    response_only=True,
    status_codes=["200"],
    # One statement: drf-spectacular wraps it in a page (count, next, previous, results).
    value=VLADIVOSTOK_STATEMENT,
)

QUOTE_NOT_FOUND = OpenApiExample(
    "Quote not found in the source",
    summary="An attribution's quote is not in the source body",
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

UNKNOWN_QUERY_PARAMETER = OpenApiExample(
    "Unknown query parameter",
    summary="A misspelt filter (?speakr=3) is refused, not ignored",
    status_codes=["400"],
    response_only=True,
    media_type=PROBLEM_CONTENT_TYPE,
    value={
        "type": "/problems/invalid-request",
        "title": "The request is not valid.",
        "status": 400,
        "detail": "speakr: Unknown query parameter. Known parameters: format, language, mode, "
        "ordering, page, page_size, published_after, published_before, publisher, q, source, "
        "speaker, speaker_kind, speech_act, stated_after, stated_before, status, topic.",
        "errors": [
            {
                "field": "speakr",
                "detail": "Unknown query parameter. Known parameters: format, language, mode, "
                "ordering, page, page_size, published_after, published_before, publisher, q, "
                "source, speaker, speaker_kind, speech_act, stated_after, stated_before, status, "
                "topic.",
                "code": "invalid",
            }
        ],
    },
)

PRECONDITION_FAILED = OpenApiExample(
    "Changed meanwhile",
    summary="Someone changed the object since you read it; the ETag header has the new tag",
    status_codes=["412"],
    response_only=True,
    media_type=PROBLEM_CONTENT_TYPE,
    value={
        "type": "/problems/precondition-failed",
        "title": "The resource changed since you last read it.",
        "status": 412,
        "detail": 'The resource changed since you read it (its ETag is now "f8dfb3052b221571010d'
        '9721fa39c003a7838474"): fetch it again, reapply your change and retry.',
        "errors": [],
    },
)

# Examples of particular operations, by operation id (on top of the 412 every conditional
# write shows).
EXAMPLES: dict[str, list[OpenApiExample]] = {
    "create_statement": [CREATE_STATEMENT_REQUEST, CREATE_STATEMENT_RESPONSE, QUOTE_NOT_FOUND],
    "list_statements": [LIST_STATEMENTS_RESPONSE, UNKNOWN_QUERY_PARAMETER],
}


def examples(operation_id: str, *shared: OpenApiExample) -> list[OpenApiExample]:
    return [*EXAMPLES.get(operation_id, ()), *shared]


def problems(*codes: int) -> dict[tuple[int, str], OpenApiResponse]:
    return {
        (code, PROBLEM_CONTENT_TYPE): OpenApiResponse(ProblemSerializer, PROBLEM_DESCRIPTIONS[code])
        for code in codes
    }


# 401: reads need no credentials, but invalid ones are refused, not ignored.
READ_ERRORS = (400, 401, 404, 429)
WRITE_ERRORS = (400, 401, 403, 404, 409, 412, 413, 415, 429)

# Reads are public: anyone may call them without credentials (the empty requirement),
# and a token or a session only widens what is visible (drafts, for editors).
PUBLIC_READ = [{"tokenAuth": []}, {"cookieAuth": []}, {}]

# The router matches ids with a regular expression, which reads as a string parameter; an
# id is an integer everywhere else (bodies, filters), so clients get it as one here too.
ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The object's id.")

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
            examples=examples(f"list_{plural}"),
            description=f"A page of {plural}, filtered and ordered by the query parameters.",
            auth=PUBLIC_READ,
            responses={200: serializer(many=True), **problems(*READ_ERRORS)},
        ),
        "create": extend_schema(
            operation_id=f"create_{name}",
            summary=f"Create a {name}",
            examples=examples(f"create_{name}"),
            description=f"Create a {name}. Needs the add permission (editors).",
            responses={201: serializer, **problems(*WRITE_ERRORS)},
        ),
        "retrieve": extend_schema(
            operation_id=f"get_{name}",
            summary=f"Get a {name}",
            description=f"One {name}, with its `ETag`.",
            auth=PUBLIC_READ,
            parameters=[ID, IF_NONE_MATCH],
            responses={
                200: serializer,
                304: OpenApiResponse(description="Not modified."),
                **problems(*READ_ERRORS),
            },
        ),
        "update": extend_schema(
            operation_id=f"replace_{name}",
            summary=f"Replace a {name}",
            examples=examples(f"replace_{name}", PRECONDITION_FAILED),
            description=f"Replace every writable field of the {name}.",
            parameters=[ID, IF_MATCH],
            responses={200: serializer, **problems(*WRITE_ERRORS)},
        ),
        "partial_update": extend_schema(
            operation_id=f"update_{name}",
            summary=f"Update a {name}",
            examples=examples(f"update_{name}", PRECONDITION_FAILED),
            description="Change the fields given, leave the others as they are.",
            parameters=[ID, IF_MATCH],
            responses={200: serializer, **problems(*WRITE_ERRORS)},
        ),
        "history": extend_schema(
            parameters=[ID],
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
            examples=examples(f"delete_{name}", PRECONDITION_FAILED),
            description=(
                f"Delete the {name}. Refused with 409 while other records depend on it; "
                "published statements are retracted, never deleted."
            ),
            parameters=[ID, IF_MATCH],
            responses={204: OpenApiResponse(description="Deleted."), **problems(*WRITE_ERRORS)},
        ),
    }


PUBLISH = {
    "operation_id": "publish_statement",
    "summary": "Publish a statement",
    "description": "Make a draft public. Needs the publish permission (reviewers).",
    "request": None,
    "parameters": [ID, IF_MATCH],
    "examples": [PRECONDITION_FAILED],
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
    "parameters": [ID, IF_MATCH],
    "examples": [PRECONDITION_FAILED],
    "responses": {200: StatementSerializer, **problems(400, 401, 403, 404, 409, 412, 415, 429)},
}

EXPORT = {
    "operation_id": "export_statements",
    "summary": "Export statements",
    "description": (
        "Every statement that the filters select (the list's filters; drafts and retracted "
        "statements only for editors, reviewers and admins), with its attributions, streamed "
        "without pagination, in id order unless `ordering` says otherwise. With `q`, every "
        "statement that matches it, unranked (as the list with another ordering than "
        "relevance).\n\n"
        "- `ndjson` (the default, `application/x-ndjson`): one statement a line, as "
        "`GET /statements/{id}/` shows it but without `relations`. "
        "`manage.py import_statements` reads these lines back.\n"
        "- `csv` (`text/csv`): one row per attribution with the statement's columns repeated "
        "(a statement without attributions has one row); topics joined with `|`.\n\n"
        "Choose with `format` or with the `Accept` header."
    ),
    "filters": True,
    "auth": PUBLIC_READ,
    "parameters": [
        OpenApiParameter(
            "format",
            OpenApiTypes.STR,
            OpenApiParameter.QUERY,
            enum=["ndjson", "csv"],
            description="`ndjson` (default) or `csv`.",
        )
    ],
    "responses": {
        (200, "application/x-ndjson"): OpenApiResponse(
            OpenApiTypes.STR, "Newline-delimited JSON: one statement a line."
        ),
        (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, "CSV with a header row."),
        **problems(400, 401, 429),
    },
}

SPEAKER_STATEMENTS = {
    "operation_id": "list_speaker_statements",
    "summary": "List a speaker's statements",
    "description": "The statements attributed to the speaker, with every statement filter.",
    "auth": PUBLIC_READ,
    "responses": {200: StatementSerializer(many=True), **problems(*READ_ERRORS)},
}

SOURCE_ATTRIBUTIONS = {
    "operation_id": "list_source_attributions",
    "summary": "List a source's attributions",
    "description": "Every statement the source reports, and how it renders it.",
    "auth": PUBLIC_READ,
    "responses": {200: AttributionSerializer(many=True), **problems(*READ_ERRORS)},
}
