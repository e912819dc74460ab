"""OpenAPI documentation of the operations: ids, summaries, errors, headers and examples."""

import hashlib
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
    """One bad field of the body, or one bad query parameter, and what is wrong with it."""

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
    428: "No `If-Match`, on a write to a published statement or to an attribution of one: GET "
    "the object and send its `ETag` in `If-Match`.",
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

STATEMENT_RESPONSE = OpenApiExample(
    "Statement 7",
    summary="Kirby's account of the troops' arrival, as published",
    response_only=True,
    status_codes=["200"],
    value=VLADIVOSTOK_STATEMENT,
)

# --- Speakers, sources, attributions and relations ----------------------------------------------
# Lloyd Austin's remarks at his press briefing in Rome, as the seed article has them: each
# create shows how one of its records was made (hence that record's id), each update adds
# what a fact-checker found out later. A request is the representation without what the
# server sets, so the two cannot disagree.

UPDATED_AT = "2024-10-28T09:30:00Z"
SERVER_FIELDS = {"id", "body_sha256", "created_at", "updated_at"}


def as_sent(representation: dict[str, Any]) -> dict[str, Any]:
    """The request body that writes ``representation``: without the fields the server
    sets, related objects by id, a quote without the offsets the server finds."""
    body = {}
    for name, value in representation.items():
        if name in SERVER_FIELDS:
            continue
        if name == "quote" and value:
            value = {key: value[key] for key in ("exact", "prefix", "suffix")}
        elif isinstance(value, dict):
            value = value["id"]
        body[name] = value
    return body


AUSTIN = {
    "id": 2,
    "name": "Lloyd Austin",
    "kind": "person",
    "aliases": ["Mr Austin", "Lloyd J. Austin III", "Lloyd J. Austin"],
    "description": "United States Secretary of Defense (2021-2025).",
    "country": "US",
    "wikidata_id": None,
    "created_at": "2024-10-25T12:00:00Z",
    "updated_at": "2024-10-25T12:00:00Z",
}
AUSTIN_WITH_ALIAS = {
    **AUSTIN,
    "aliases": [*AUSTIN["aliases"], "Secretary Austin"],
    "updated_at": UPDATED_AT,
}

CREATE_SPEAKER_REQUEST = OpenApiExample(
    "The US defence secretary",
    summary="Lloyd Austin, with the other spellings of his name",
    request_only=True,
    value=as_sent(AUSTIN),
)
SPEAKER_RESPONSE = OpenApiExample(
    "Lloyd Austin",
    summary="Speaker 2 of the seed article",
    response_only=True,
    status_codes=["200", "201"],
    value=AUSTIN,
)
REPLACE_SPEAKER_REQUEST = OpenApiExample(
    "Every field",
    summary='Lloyd Austin, with "Secretary Austin" among his aliases',
    request_only=True,
    value=as_sent(AUSTIN_WITH_ALIAS),
)
UPDATE_SPEAKER_REQUEST = OpenApiExample(
    "Another alias",
    summary='Add "Secretary Austin": the aliases sent replace the list',
    request_only=True,
    value={"aliases": AUSTIN_WITH_ALIAS["aliases"]},
)
SPEAKER_UPDATED_RESPONSE = OpenApiExample(
    "Lloyd Austin with another alias",
    summary="The speaker with the new alias",
    response_only=True,
    status_codes=["200"],
    value=AUSTIN_WITH_ALIAS,
)

# The seed article, its body abridged to the first two paragraphs.
ARTICLE_BODY = (
    "Thousands of North Korean Troops Reportedly Deployed to Russia, US Claims\n"
    "The US claims that North Korea has deployed around 3,000 troops to Russia, raising "
    "concerns that they may become involved in the conflict in Ukraine. US defence secretary "
    "Lloyd Austin described this deployment as a \u201cnext step\u201d following North "
    "Korea\u2019s previous arms support to Russia, suggesting potential consequences for "
    "aiding Moscow directly.\n"
    "Details are currently being assessed by analysts, with Mr Austin explaining during a "
    "press briefing in Rome that there is evidence of this deployment. Additionally, White "
    "House national security spokesman John Kirby stated that these soldiers arrived in "
    "Vladivostok by ship in October and are now undergoing training in various Russian "
    "military sites in the east."
)
ARTICLE = {
    "id": SEED_SOURCE["id"],
    "title": SEED_SOURCE["title"],
    "url": SEED_SOURCE["url"],
    "publisher": SEED_SOURCE["publisher"],
    "kind": SEED_SOURCE["kind"],
    "published_at": SEED_SOURCE["published_at"],
    "language": "en",
    "body": ARTICLE_BODY,
    "body_sha256": hashlib.sha256(ARTICLE_BODY.encode()).hexdigest(),
    "archived_url": "",
    "status": SEED_SOURCE["status"],
    "created_at": "2024-10-25T12:00:00Z",
    "updated_at": "2024-10-25T12:00:00Z",
}
ARTICLE_ARCHIVED = {
    **ARTICLE,
    "archived_url": "https://web.archive.org/web/20241025120000/"
    "https://example.com/news/north-korean-troops-russia",
    "updated_at": UPDATED_AT,
}

CREATE_SOURCE_REQUEST = OpenApiExample(
    "A news article",
    summary="The seed article with its text, in which quotes are then found (abridged)",
    request_only=True,
    value=as_sent(ARTICLE),
)
SOURCE_RESPONSE = OpenApiExample(
    "The seed article",
    summary="Source 1, with the SHA-256 of its body (abridged)",
    response_only=True,
    status_codes=["200", "201"],
    value=ARTICLE,
)
REPLACE_SOURCE_REQUEST = OpenApiExample(
    "Every field",
    summary="The seed article with the address of its archived copy (body abridged)",
    request_only=True,
    value=as_sent(ARTICLE_ARCHIVED),
)
UPDATE_SOURCE_REQUEST = OpenApiExample(
    "Archived copy",
    summary="Record where the article is archived",
    request_only=True,
    value={"archived_url": ARTICLE_ARCHIVED["archived_url"]},
)
SOURCE_UPDATED_RESPONSE = OpenApiExample(
    "The seed article archived",
    summary="The source with its archived copy (body abridged)",
    response_only=True,
    status_codes=["200"],
    value=ARTICLE_ARCHIVED,
)

AUSTIN_IN_ROME = {
    "id": 6,
    "statement": 6,
    "speaker": {key: AUSTIN[key] for key in ("id", "name", "kind")},
    "source": SEED_SOURCE,
    "mode": "paraphrase",
    "speech_act": "assertion",
    "verb": "explaining",
    "speaker_role": "US defence secretary",
    "on_behalf_of": UNITED_STATES,
    "occasion": "press briefing in Rome",
    "stated_on": None,
    "quote": {
        "exact": "Mr Austin explaining during a press briefing in Rome that there is evidence "
        "of this deployment",
        "prefix": "",
        "suffix": "",
        "start": 475,
        "end": 569,
    },
    "created_at": "2024-10-25T12:00:00Z",
    "updated_at": "2024-10-25T12:00:00Z",
}
# The article does not date the briefing; Austin spoke in Rome on 23 October 2024.
AUSTIN_IN_ROME_DATED = {**AUSTIN_IN_ROME, "stated_on": "2024-10-23", "updated_at": UPDATED_AT}

CREATE_ATTRIBUTION_REQUEST = OpenApiExample(
    "Austin at a press briefing",
    summary="Statement 6 (there is evidence of the deployment), as the article renders Austin",
    request_only=True,
    value=as_sent(AUSTIN_IN_ROME),
)
ATTRIBUTION_RESPONSE = OpenApiExample(
    "Attribution 6",
    summary="Attribution 6: speaker and source in summary, the quote found in the body",
    response_only=True,
    status_codes=["200", "201"],
    value=AUSTIN_IN_ROME,
)
REPLACE_ATTRIBUTION_REQUEST = OpenApiExample(
    "Every field",
    summary="Attribution 6 with the date of the briefing",
    request_only=True,
    value=as_sent(AUSTIN_IN_ROME_DATED),
)
UPDATE_ATTRIBUTION_REQUEST = OpenApiExample(
    "The date",
    summary="The day Austin spoke, which the article does not give",
    request_only=True,
    value={"stated_on": AUSTIN_IN_ROME_DATED["stated_on"]},
)
ATTRIBUTION_UPDATED_RESPONSE = OpenApiExample(
    "Attribution 6 dated",
    summary="Attribution 6 with the date of the briefing",
    response_only=True,
    status_codes=["200"],
    value=AUSTIN_IN_ROME_DATED,
)

EVIDENCE_SUPPORTS_CLAIM = {
    "id": 3,
    "from_statement": 6,
    "to_statement": 1,
    "kind": "supports",
    "note": "Austin says there is evidence of the deployment.",
    "created_at": "2024-10-25T12:00:00Z",
    "updated_at": "2024-10-25T12:00:00Z",
}
EVIDENCE_SUPPORTS_CLAIM_NOTED = {
    **EVIDENCE_SUPPORTS_CLAIM,
    "note": "Austin says there is evidence of the deployment (press briefing in Rome, "
    "23 October 2024).",
    "updated_at": UPDATED_AT,
}

CREATE_RELATION_REQUEST = OpenApiExample(
    "Evidence supports the claim",
    summary="Statement 6 (there is evidence) supports statement 1 (3,000 troops deployed)",
    request_only=True,
    value=as_sent(EVIDENCE_SUPPORTS_CLAIM),
)
RELATION_RESPONSE = OpenApiExample(
    "Relation 3",
    summary="Relation 3 of the seed article",
    response_only=True,
    status_codes=["200", "201"],
    value=EVIDENCE_SUPPORTS_CLAIM,
)
REPLACE_RELATION_REQUEST = OpenApiExample(
    "Every field",
    summary="Relation 3 with a fuller note",
    request_only=True,
    value=as_sent(EVIDENCE_SUPPORTS_CLAIM_NOTED),
)
UPDATE_RELATION_REQUEST = OpenApiExample(
    "The note",
    summary="Say where and when Austin spoke",
    request_only=True,
    value={"note": EVIDENCE_SUPPORTS_CLAIM_NOTED["note"]},
)
RELATION_UPDATED_RESPONSE = OpenApiExample(
    "Relation 3 with a fuller note",
    summary="Relation 3 with the fuller note",
    response_only=True,
    status_codes=["200"],
    value=EVIDENCE_SUPPORTS_CLAIM_NOTED,
)

# Examples of particular operations, by operation id (on top of the 412 every conditional
# write shows).
EXAMPLES: dict[str, list[OpenApiExample]] = {
    "create_statement": [CREATE_STATEMENT_REQUEST, CREATE_STATEMENT_RESPONSE, QUOTE_NOT_FOUND],
    "list_statements": [LIST_STATEMENTS_RESPONSE, UNKNOWN_QUERY_PARAMETER],
    "get_statement": [STATEMENT_RESPONSE],
    "list_speakers": [SPEAKER_RESPONSE],
    "get_speaker": [SPEAKER_RESPONSE],
    "create_speaker": [CREATE_SPEAKER_REQUEST, SPEAKER_RESPONSE],
    "replace_speaker": [REPLACE_SPEAKER_REQUEST, SPEAKER_UPDATED_RESPONSE],
    "update_speaker": [UPDATE_SPEAKER_REQUEST, SPEAKER_UPDATED_RESPONSE],
    "list_sources": [SOURCE_RESPONSE],
    "get_source": [SOURCE_RESPONSE],
    "create_source": [CREATE_SOURCE_REQUEST, SOURCE_RESPONSE],
    "replace_source": [REPLACE_SOURCE_REQUEST, SOURCE_UPDATED_RESPONSE],
    "update_source": [UPDATE_SOURCE_REQUEST, SOURCE_UPDATED_RESPONSE],
    "list_attributions": [ATTRIBUTION_RESPONSE],
    "get_attribution": [ATTRIBUTION_RESPONSE],
    "create_attribution": [CREATE_ATTRIBUTION_REQUEST, ATTRIBUTION_RESPONSE],
    "replace_attribution": [REPLACE_ATTRIBUTION_REQUEST, ATTRIBUTION_UPDATED_RESPONSE],
    "update_attribution": [UPDATE_ATTRIBUTION_REQUEST, ATTRIBUTION_UPDATED_RESPONSE],
    "list_relations": [RELATION_RESPONSE],
    "get_relation": [RELATION_RESPONSE],
    "create_relation": [CREATE_RELATION_REQUEST, RELATION_RESPONSE],
    "replace_relation": [REPLACE_RELATION_REQUEST, RELATION_UPDATED_RESPONSE],
    "update_relation": [UPDATE_RELATION_REQUEST, RELATION_UPDATED_RESPONSE],
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
        "else 412. Send it so that two editors never overwrite each other. Required (428 "
        "without it) to change or delete a published statement or an attribution of one; "
        "without it, a write to a draft is last-write-wins."
    ),
)


# Resources whose writes to published data need If-Match (428 without it).
IF_MATCH_REQUIRED_WHEN_PUBLISHED = ("statement", "attribution")


def crud(name: str, plural: str, serializer: type[serializers.Serializer]) -> dict[str, Any]:
    """The documentation of a resource's six operations, for ``extend_schema_view``."""
    conditional = (428,) if name in IF_MATCH_REQUIRED_WHEN_PUBLISHED else ()
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
            examples=examples(f"get_{name}"),
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
            responses={200: serializer, **problems(*WRITE_ERRORS, *conditional)},
        ),
        "partial_update": extend_schema(
            operation_id=f"update_{name}",
            summary=f"Update a {name}",
            examples=examples(f"update_{name}", PRECONDITION_FAILED),
            description="Change the fields given, leave the others as they are.",
            parameters=[ID, IF_MATCH],
            responses={200: serializer, **problems(*WRITE_ERRORS, *conditional)},
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
            responses={
                204: OpenApiResponse(description="Deleted."),
                **problems(*WRITE_ERRORS, *conditional),
            },
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
