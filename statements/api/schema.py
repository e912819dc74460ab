"""OpenAPI documentation of the operations: ids, summaries, errors, headers and examples."""

import hashlib
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers

from statements.api.exceptions import PROBLEM_CONTENT_TYPE
from statements.api.serializers import (
    ApproveSerializer,
    AttributionSerializer,
    ChangeSerializer,
    HistoryEntrySerializer,
    RejectSerializer,
    RetractSerializer,
    RevisionSerializer,
    SpeakerSerializer,
    StatementSerializer,
    SuggestionAcceptSerializer,
    SuggestionListSerializer,
)
from statements.representations.fields import (
    ATTRIBUTION_RESOURCE,
    MEMBERSHIP,
    RELATION,
    SOURCE,
    SPEAKER,
    STATEMENT,
    Shape,
)

# --- Problem documents ------------------------------------------------------------------------

# The digest of the seed article's body (fixtures/seed_article.json), which the examples'
# quotes were anchored in.
SEED_BODY_SHA256 = "cb197b8553566d594e08e6a38cebc2ca5368902572923ab03e3c0340aa4b8561"


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


class RetractionSerializer(serializers.Serializer):
    """When and why a statement was retracted."""

    statement = serializers.IntegerField(help_text="The retracted statement's id.")
    reason = serializers.CharField(help_text="Why it was retracted.")
    retracted_at = serializers.DateTimeField(help_text="When it was retracted.")


class RetractedProblemSerializer(ProblemSerializer):
    """The problem document of a retracted statement (type `/problems/retracted`)."""

    retraction = RetractionSerializer()
    statement = StatementSerializer(
        allow_null=True,
        help_text="The statement as it was retracted, for editors, reviewers and admins; null "
        "for everyone else.",
    )


PROBLEM_DESCRIPTIONS = {
    400: "Invalid input: malformed JSON, a bad field or an unknown query parameter.",
    401: "Authentication is required, or the credentials sent are not valid (an unknown or "
    "revoked token): send `Authorization: Bearer <key>` (or `Token <key>`) with a valid key.",
    403: "Authenticated, but without the permission this action needs.",
    404: "No such object, or not visible to you (drafts are hidden from the public).",
    409: "The action conflicts with the object's state (e.g. deleting a published statement).",
    410: "The statement was retracted (problem type `/problems/retracted`): `retraction` says "
    "when and why, to everyone; its text stays hidden from the public. A statement that "
    "never existed (or a draft) is a 404 instead.",
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

UPDATED_AT = "2024-10-28T09:30:00Z"
SERVER_FIELDS = {"id", "body_sha256", "role_at_the_time", "created_at", "updated_at"}


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


def request_example(name: str, summary: str, value: Any) -> OpenApiExample:
    return OpenApiExample(name, summary=summary, request_only=True, value=value)


def response_example(name: str, summary: str, value: Any, *status_codes: str) -> OpenApiExample:
    return OpenApiExample(
        name, summary=summary, response_only=True, status_codes=list(status_codes), value=value
    )


# Statement 7 of the seed article as it reads (its relations abridged to one).
KIRBY_ON_THE_ARRIVAL = {
    "id": 7,
    "speaker": KIRBY,
    "source": SEED_SOURCE,
    "mode": "paraphrase",
    "speech_act": "assertion",
    "verb": "stated",
    "speaker_role": "White House national security spokesman",
    "role_at_the_time": {
        "id": 2,
        "role": "White House national security spokesman",
        "organization": 15,
        "start": "2022-05",
        "end": "2025-01",
    },
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
        "status": "anchored",
        "body_sha256": SEED_BODY_SHA256,
    },
    "created_at": "2024-10-25T12:00:00Z",
    "updated_at": "2024-10-25T12:00:00Z",
}
VLADIVOSTOK_STATEMENT = {
    "id": 7,
    "text": "The North Korean soldiers arrived in Vladivostok by ship in October.",
    "language": "en",
    "topics": ["north-korea", "russia", "troop-deployment"],
    "status": "published",
    "retraction_reason": "",
    "attributions": [KIRBY_ON_THE_ARRIVAL],
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
    "corrections": [],
    "created_at": "2024-10-25T12:00:00Z",
    "updated_at": "2024-10-25T12:00:00Z",
}

# A new statement made of the same sentence, quoting fewer of its words.
KIRBY_QUOTED = {
    **KIRBY_ON_THE_ARRIVAL,
    "id": 27,
    "quote": {
        "exact": "these soldiers arrived in Vladivostok by ship in October",
        "prefix": "",
        "suffix": "",
        "start": 648,
        "end": 704,
        "status": "anchored",
        "body_sha256": SEED_BODY_SHA256,
    },
    "created_at": UPDATED_AT,
    "updated_at": UPDATED_AT,
}
CREATED_STATEMENT = {
    "id": 24,
    "text": "North Korean soldiers arrived in Vladivostok by ship in October.",
    "language": "en",
    "topics": ["north-korea", "russia"],
    "status": "draft",
    "retraction_reason": "",
    "attributions": [KIRBY_QUOTED],
    "relations": [],
    "corrections": [],
    "created_at": UPDATED_AT,
    "updated_at": UPDATED_AT,
}

CREATE_STATEMENT_REQUEST = request_example(
    "A statement with its attribution",
    "Kirby's account of the troops' arrival, quoted from the source",
    {
        "text": CREATED_STATEMENT["text"],
        "language": "en",
        "topics": ["North Korea", "Russia"],
        "attributions": [as_sent(KIRBY_QUOTED)],
    },
)

CREATE_STATEMENT_RESPONSE = response_example(
    "The statement created",
    "A draft, its topics as slugs, the quote anchored in the source body",
    CREATED_STATEMENT,
    "201",
)

# One statement: drf-spectacular wraps it in a page (count, next, previous, results).
LIST_STATEMENTS_RESPONSE = response_example(
    "A page of statements",
    'GET /api/v1/statements/?q=Kirby Vladivostok (in the page\'s "results")',
    VLADIVOSTOK_STATEMENT,
    "200",
)


def invalid_request(
    name: str, summary: str, *, field: str, detail: str, code: str
) -> OpenApiExample:
    """The example of a 400 answer that names one field, as the API writes it."""
    return OpenApiExample(
        name,
        summary=summary,
        status_codes=["400"],
        response_only=True,
        media_type=PROBLEM_CONTENT_TYPE,
        value={
            "type": "/problems/invalid-request",
            "title": "The request is not valid.",
            "status": 400,
            "detail": f"{field}: {detail}",
            "errors": [{"field": field, "detail": detail, "code": code}],
        },
    )


QUOTE_NOT_FOUND = invalid_request(
    "Quote not found in the source",
    "An attribution's quote is not in the source body",
    field="attributions.0.quote.exact",
    detail="The quote was not found in the source body.",
    code="not_found",
)

UNKNOWN_QUERY_PARAMETER = invalid_request(
    "Unknown query parameter",
    "A misspelt filter (?speakr=3) is refused, not ignored",
    field="speakr",
    detail="Unknown query parameter. Known parameters: format, language, mode, ordering, page, "
    "page_size, published_after, published_before, publisher, q, source, speaker, "
    "speaker_kind, speech_act, stated_after, stated_before, status, topic.",
    code="invalid",
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

RETRACTED = OpenApiExample(
    "Retracted",
    summary="A retracted statement: when and why, its text withheld from the public",
    status_codes=["410"],
    response_only=True,
    media_type=PROBLEM_CONTENT_TYPE,
    value={
        "type": "/problems/retracted",
        "title": "This statement was retracted.",
        "status": 410,
        "detail": "Statement #7 was retracted on 2024-10-29: The quote was misattributed.",
        "errors": [],
        "retraction": {
            "statement": 7,
            "reason": "The quote was misattributed.",
            "retracted_at": "2024-10-29T08:15:00Z",
        },
        "statement": None,
    },
)

STATEMENT_RESPONSE = response_example(
    "Statement 7",
    "Kirby's account of the troops' arrival, as published",
    VLADIVOSTOK_STATEMENT,
    "200",
)

# --- Speakers, sources, attributions and relations ----------------------------------------------
# Lloyd Austin's remarks at his press briefing in Rome, as the seed article has them: each
# create shows how one of its records was made (hence that record's id), each update adds
# what a fact-checker found out later. A request is the representation without what the
# server sets, so the two cannot disagree.


def resource_examples(
    resource: str,
    value: dict[str, Any],
    changed: dict[str, Any],
    patch: dict[str, Any],
    **titles: tuple[str, str],
) -> dict[str, list[OpenApiExample]]:
    """The examples of a resource's list, get, create, replace and update operations:
    ``value`` as created and read, then ``changed`` by a replace or by the update that sends
    ``patch``. ``titles`` gives each example's name and summary: ``create``, ``read``,
    ``replace``, ``update`` and ``updated`` (the response to either change)."""
    read = response_example(*titles["read"], value, "200", "201")
    updated = response_example(*titles["updated"], changed, "200")
    return {
        f"list_{resource}s": [read],
        f"get_{resource}": [read],
        f"create_{resource}": [request_example(*titles["create"], as_sent(value)), read],
        f"replace_{resource}": [request_example(*titles["replace"], as_sent(changed)), updated],
        f"update_{resource}": [request_example(*titles["update"], patch), updated],
    }


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

SPEAKER_EXAMPLES = resource_examples(
    "speaker",
    AUSTIN,
    AUSTIN_WITH_ALIAS,
    {"aliases": AUSTIN_WITH_ALIAS["aliases"]},
    create=("The US defence secretary", "Lloyd Austin, with the other spellings of his name"),
    read=("Lloyd Austin", "Speaker 2 of the seed article"),
    replace=("Every field", 'Lloyd Austin, with "Secretary Austin" among his aliases'),
    update=("Another alias", 'Add "Secretary Austin": the aliases sent replace the list'),
    updated=("Lloyd Austin with another alias", "The speaker with the new alias"),
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

SOURCE_EXAMPLES = resource_examples(
    "source",
    ARTICLE,
    ARTICLE_ARCHIVED,
    {"archived_url": ARTICLE_ARCHIVED["archived_url"]},
    create=(
        "A news article",
        "The seed article with its text, in which quotes are then found (abridged)",
    ),
    read=("The seed article", "Source 1, with the SHA-256 of its body (abridged)"),
    replace=(
        "Every field",
        "The seed article with the address of its archived copy (body abridged)",
    ),
    update=("Archived copy", "Record where the article is archived"),
    updated=("The seed article archived", "The source with its archived copy (body abridged)"),
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
    "role_at_the_time": {
        "id": 1,
        "role": "US Secretary of Defense",
        "organization": 1,
        "start": "2021-01-22",
        "end": "2025-01-20",
    },
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
        "status": "anchored",
        "body_sha256": SEED_BODY_SHA256,
    },
    "created_at": "2024-10-25T12:00:00Z",
    "updated_at": "2024-10-25T12:00:00Z",
}
# The article does not date the briefing; Austin spoke in Rome on 23 October 2024.
AUSTIN_IN_ROME_DATED = {**AUSTIN_IN_ROME, "stated_on": "2024-10-23", "updated_at": UPDATED_AT}

ATTRIBUTION_EXAMPLES = resource_examples(
    "attribution",
    AUSTIN_IN_ROME,
    AUSTIN_IN_ROME_DATED,
    {"stated_on": AUSTIN_IN_ROME_DATED["stated_on"]},
    create=(
        "Austin at a press briefing",
        "Statement 6 (there is evidence of the deployment), as the article renders Austin",
    ),
    read=(
        "Attribution 6",
        "Attribution 6: speaker and source in summary, the quote found in the body",
    ),
    replace=("Every field", "Attribution 6 with the date of the briefing"),
    update=("The date", "The day Austin spoke, which the article does not give"),
    updated=("Attribution 6 dated", "Attribution 6 with the date of the briefing"),
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

RELATION_EXAMPLES = resource_examples(
    "relation",
    EVIDENCE_SUPPORTS_CLAIM,
    EVIDENCE_SUPPORTS_CLAIM_NOTED,
    {"note": EVIDENCE_SUPPORTS_CLAIM_NOTED["note"]},
    create=(
        "Evidence supports the claim",
        "Statement 6 (there is evidence) supports statement 1 (3,000 troops deployed)",
    ),
    read=("Relation 3", "Relation 3 of the seed article"),
    replace=("Every field", "Relation 3 with a fuller note"),
    update=("The note", "Say where and when Austin spoke"),
    updated=("Relation 3 with a fuller note", "Relation 3 with the fuller note"),
)
# John Kirby's membership of the White House (speaker 15), as the seed has it; the update
# adds the source that says so.
KIRBY_AT_THE_WHITE_HOUSE = {
    "id": 2,
    "person": 3,
    "organization": 15,
    "role": "White House national security spokesman",
    "start": "2022-05",
    "end": "2025-01",
    "source": None,
    "created_at": "2024-10-25T12:00:00Z",
    "updated_at": "2024-10-25T12:00:00Z",
}
KIRBY_AT_THE_WHITE_HOUSE_SOURCED = {
    **KIRBY_AT_THE_WHITE_HOUSE,
    "source": 1,
    "updated_at": UPDATED_AT,
}

MEMBERSHIP_EXAMPLES = resource_examples(
    "membership",
    KIRBY_AT_THE_WHITE_HOUSE,
    KIRBY_AT_THE_WHITE_HOUSE_SOURCED,
    {"source": 1},
    create=("A role at the White House", "John Kirby's role, from May 2022 to January 2025"),
    read=("John Kirby at the White House", "Membership 2 of the seed"),
    replace=("Every field", "The membership with the source that says so"),
    update=("Its source", "Name the source that says so"),
    updated=("The membership, sourced", "The membership with its source"),
)

# Examples of particular operations, by operation id (on top of the 412 every conditional
# write shows).
EXAMPLES: dict[str, list[OpenApiExample]] = {
    "create_statement": [CREATE_STATEMENT_REQUEST, CREATE_STATEMENT_RESPONSE, QUOTE_NOT_FOUND],
    "list_statements": [LIST_STATEMENTS_RESPONSE, UNKNOWN_QUERY_PARAMETER],
    "get_statement": [STATEMENT_RESPONSE],
    **SPEAKER_EXAMPLES,
    **SOURCE_EXAMPLES,
    **ATTRIBUTION_EXAMPLES,
    **RELATION_EXAMPLES,
    **MEMBERSHIP_EXAMPLES,
}


def examples(operation_id: str, *shared: OpenApiExample) -> list[OpenApiExample]:
    return [*EXAMPLES.get(operation_id, ()), *shared]


def problems(*codes: int) -> dict[tuple[int, str], OpenApiResponse]:
    return {
        (code, PROBLEM_CONTENT_TYPE): OpenApiResponse(
            RetractedProblemSerializer if code == 410 else ProblemSerializer,
            PROBLEM_DESCRIPTIONS[code],
        )
        for code in codes
    }


# 401: reads need no credentials, but invalid ones are refused, not ignored.
READ_ERRORS = (400, 401, 404, 429)
WRITE_ERRORS = (400, 401, 403, 404, 409, 412, 413, 415, 429)

# Reads are public: anyone may call them without credentials (the empty requirement),
# and a token or a session only widens what is visible (drafts, for editors).
PUBLIC_READ = [{"tokenAuth": []}, {"bearerAuth": []}, {"cookieAuth": []}, {}]

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


def _field_paths(shape: Shape, prefix: str = "") -> list[str]:
    paths = []
    for field in shape.fields:
        paths.append(f"{prefix}{field.name}")
        if field.shape is not None:
            paths += _field_paths(field.shape, f"{prefix}{field.name}.")
    return paths


# An example or two of ``fields`` for each shape that reads select from.
FIELDS_EXAMPLES = {
    STATEMENT: "`id,text` (ids and texts only) or `id,text,attributions.speaker.name` (who "
    "said it)",
    SPEAKER: "`id,name` (ids and names only) or `id,name,aliases`",
    SOURCE: "`id,title,url` (what it takes to cite it, without the body)",
    ATTRIBUTION_RESOURCE: "`statement,speaker.name` (who made which statement) or "
    "`id,source.title,quote.exact`",
    RELATION: "`from_statement,kind,to_statement` (the links, without their notes)",
    MEMBERSHIP: "`person,organization,role` (who held which role, without the dates)",
}


def fields_parameter(shape: Shape, *, within: str = "", detail: bool = False) -> OpenApiParameter:
    """``fields``: the fields of ``shape`` a read shows (``views.SelectedFieldsMixin``).

    The examples are in the description, not in ``examples``: the response schema is the
    full representation (every field required, as a client that does not select relies
    on), which a selection's response is not."""
    paths = ", ".join(f"`{path}`" for path in _field_paths(shape))
    nested = any(field.shape is not None for field in shape.fields)
    return OpenApiParameter(
        "fields",
        OpenApiTypes.STR,
        description=(
            f"Only these fields{within}, comma-separated"
            + (
                "; a dot reaches into a nested object or list, and naming a nested object "
                "keeps it whole"
                if nested
                else ""
            )
            + f". For example {FIELDS_EXAMPLES[shape]}. The fields keep their usual "
            "order, and only those asked for are read, so a smaller response is also a "
            "quicker one. The response then holds these fields only: the schema below "
            "describes the full representation. "
            + ("The `ETag` is that of the fields sent. " if detail else "")
            + "An unknown field or an empty name is a 400 naming `fields`. "
            f"Without it, every field. The fields: {paths}."
        ),
    )


# The reads of statements select their fields with ``fields``.
STATEMENT_FIELDS = fields_parameter(STATEMENT)
SEARCH_FIELDS = fields_parameter(STATEMENT, within=" of each hit's `statement`")

# Resources whose writes to published data need If-Match (428 without it).
IF_MATCH_REQUIRED_WHEN_PUBLISHED = ("statement", "attribution")


PROPOSED_DESCRIPTION = (
    "Proposed, not applied: an editor's change to a published statement (or to its "
    "attributions) is a pending revision for a reviewer, at `Location`. The statement, its "
    "`ETag` and what readers see stay as published until a reviewer approves it."
)


def crud(
    name: str,
    plural: str,
    serializer: type[serializers.Serializer],
    *,
    selectable: Shape | None = None,
    retractable: bool = False,
) -> dict[str, Any]:
    """The documentation of a resource's six operations, for ``extend_schema_view``;
    ``selectable``: the shape whose fields its reads select (``fields``); ``retractable``:
    whether a read of one may answer 410 (a retracted statement)."""
    gone = (410,) if retractable else ()
    conditional = (428,) if name in IF_MATCH_REQUIRED_WHEN_PUBLISHED else ()
    # An editor's change to a published statement (or to its attributions) is proposed: 202.
    proposed: dict[Any, Any] = {}
    if name in IF_MATCH_REQUIRED_WHEN_PUBLISHED:
        proposed = {202: OpenApiResponse(RevisionSerializer, PROPOSED_DESCRIPTION)}
    selecting, selecting_detail = [], []
    if selectable is not None:
        selecting = [fields_parameter(selectable)]
        selecting_detail = [fields_parameter(selectable, detail=True)]
    return {
        "list": extend_schema(
            operation_id=f"list_{plural}",
            summary=f"List {plural}",
            examples=examples(f"list_{plural}"),
            description=f"A page of {plural}, filtered and ordered by the query parameters.",
            auth=PUBLIC_READ,
            parameters=selecting,
            responses={200: serializer(many=True), **problems(*READ_ERRORS)},
        ),
        "create": extend_schema(
            operation_id=f"create_{name}",
            summary=f"Create a {name}",
            examples=examples(f"create_{name}"),
            description=f"Create a {name}. Needs the add permission (editors).",
            # A new statement is a draft; a new attribution of a published one is proposed.
            responses={
                201: serializer,
                **(proposed if name == "attribution" else {}),
                **problems(*WRITE_ERRORS),
            },
        ),
        "retrieve": extend_schema(
            operation_id=f"get_{name}",
            summary=f"Get a {name}",
            description=f"One {name}, with its `ETag`."
            + (
                " A retracted one is gone: 410 with its retraction's reason and date, to "
                "everyone (its text only for editors, reviewers and admins)."
                if retractable
                else ""
            ),
            examples=examples(f"get_{name}", *([RETRACTED] if retractable else [])),
            auth=PUBLIC_READ,
            parameters=[ID, IF_NONE_MATCH, *selecting_detail],
            responses={
                200: serializer,
                304: OpenApiResponse(description="Not modified."),
                **problems(*READ_ERRORS, *gone),
            },
        ),
        "update": extend_schema(
            operation_id=f"replace_{name}",
            summary=f"Replace a {name}",
            examples=examples(f"replace_{name}", PRECONDITION_FAILED),
            description=f"Replace every writable field of the {name}.",
            parameters=[ID, IF_MATCH],
            responses={200: serializer, **proposed, **problems(*WRITE_ERRORS, *conditional)},
        ),
        "partial_update": extend_schema(
            operation_id=f"update_{name}",
            summary=f"Update a {name}",
            examples=examples(f"update_{name}", PRECONDITION_FAILED),
            description="Change the fields given, leave the others as they are.",
            parameters=[ID, IF_MATCH],
            responses={200: serializer, **proposed, **problems(*WRITE_ERRORS, *conditional)},
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
        "(a statement without attributions has one row); topics joined with `|`.\n"
        "- `jsonld` (`application/ld+json`): one JSON-LD document whose `@graph` holds each "
        "statement as a schema.org `Claim` (as `GET /statements/{id}/` answers "
        "`Accept: application/ld+json`, without relations), streamed.\n\n"
        "Choose with `format` or with the `Accept` header."
    ),
    "filters": True,
    "auth": PUBLIC_READ,
    "parameters": [
        OpenApiParameter(
            "format",
            OpenApiTypes.STR,
            OpenApiParameter.QUERY,
            enum=["ndjson", "csv", "jsonld"],
            description="`ndjson` (default), `csv` or `jsonld`.",
        )
    ],
    "responses": {
        (200, "application/x-ndjson"): OpenApiResponse(
            OpenApiTypes.STR, "Newline-delimited JSON: one statement a line."
        ),
        (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, "CSV with a header row."),
        (200, "application/ld+json"): OpenApiResponse(
            OpenApiTypes.OBJECT, "One JSON-LD document: `@context` and `@graph`."
        ),
        **problems(400, 401, 429),
    },
}

SPEAKER_STATEMENTS = {
    "operation_id": "list_speaker_statements",
    "summary": "List a speaker's statements",
    "description": "The statements attributed to the speaker, with every statement filter.",
    "auth": PUBLIC_READ,
    "parameters": [STATEMENT_FIELDS],
    "responses": {200: StatementSerializer(many=True), **problems(*READ_ERRORS)},
}

SOURCE_ATTRIBUTIONS = {
    "operation_id": "list_source_attributions",
    "summary": "List a source's attributions",
    "description": "Every statement the source reports, and how it renders it.",
    "auth": PUBLIC_READ,
    "parameters": [fields_parameter(ATTRIBUTION_RESOURCE)],
    "responses": {200: AttributionSerializer(many=True), **problems(*READ_ERRORS)},
}

# --- Suggestions ------------------------------------------------------------------------------
# The seed article's suggestions, abridged to two: one of an existing speaker, one of a
# speaker proposed as new.

KIRBY_SUGGESTED = {
    "key": "a71ce76d89e6e3bdd024",
    "speaker": {"id": 3, "name": "John Kirby", "kind": "person"},
    "quote": {
        "exact": "White House national security spokesman John Kirby stated that these "
        "soldiers arrived in Vladivostok by ship in October",
        "prefix": "",
        "suffix": "",
        "start": 585,
        "end": 704,
    },
    "mode": "paraphrase",
    "speech_act": "assertion",
    "verb": "stated",
    "speaker_role": "White House national security spokesman",
    "occasion": "",
    "confidence": 0.8,
}
REPORTS_SUGGESTED = {
    "key": "fffb7aac32469efeb044",
    "speaker": {"id": None, "name": "Unattributed reports", "kind": "unnamed"},
    "quote": {
        "exact": "reports of 1,500 special forces being dispatched for training in Russian "
        "military facilities",
        "prefix": "",
        "suffix": "",
        "start": 1294,
        "end": 1386,
    },
    "mode": "paraphrase",
    "speech_act": "assertion",
    "verb": "reports",
    "speaker_role": "",
    "occasion": "",
    "confidence": 0.29,
}
SUGGESTION_KEY = OpenApiParameter(
    "key",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="The suggestion's `key`, as `POST sources/{id}/suggestions/` answered it.",
)
SOURCE_ID = OpenApiParameter(
    "source_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description="The source's id."
)
EDITORS_ONLY = [{"tokenAuth": []}, {"bearerAuth": []}, {"cookieAuth": []}]

SUGGESTIONS = {
    "operation_id": "suggest_source_attributions",
    "summary": "Suggest a source's attributions",
    "description": (
        "Read the source's body with the suggestion rules and answer the attributions they "
        "find: who (an existing speaker by id, or a new one proposed by name and kind), "
        "where (`quote`, W3C TextQuote and TextPosition selectors, as an attribution's), "
        "and how (mode, speech act, verb, role, occasion), with a confidence. Saves "
        "nothing; suggestions already accepted or rejected are left out. A POST because it "
        "computes, not because it writes. Editors, reviewers and admins only."
    ),
    "request": None,
    "auth": EDITORS_ONLY,
    "parameters": [SOURCE_ID],
    "examples": [
        response_example(
            "Suggestions",
            "The seed article's suggestions (abridged)",
            {"source": 1, "count": 2, "suggestions": [KIRBY_SUGGESTED, REPORTS_SUGGESTED]},
            "200",
        )
    ],
    "responses": {200: SuggestionListSerializer, **problems(401, 403, 404, 429)},
}

ACCEPT_SUGGESTION = {
    "operation_id": "accept_source_suggestion",
    "summary": "Accept a suggested attribution",
    "description": (
        "Create a draft statement from the suggestion, with its one attribution anchored "
        "where the suggestion says (the statement's text is the passage, without its "
        "quotation marks for a direct quote, unless the body gives `text`), creating the "
        "proposed speaker first when the suggestion names a new one. The body may change any "
        "of the fields listed (edit, then accept); they are validated as any write to a "
        "statement's text or an attribution. Answers the "
        "statement as `GET statements/{id}/` does. The suggestion is not proposed again."
    ),
    "request": SuggestionAcceptSerializer,
    "auth": EDITORS_ONLY,
    "parameters": [SOURCE_ID, SUGGESTION_KEY],
    "examples": [
        request_example(
            "Edit, then accept",
            "Accept the suggestion as a warning rather than an assertion",
            {"speech_act": "warning", "verb": "warned"},
        ),
        request_example(
            "Rephrase, then accept",
            "The statement in neutral words; the quote stays the passage found",
            {"text": "North Korean soldiers arrived in Vladivostok by ship in October."},
        ),
    ],
    "responses": {
        201: StatementSerializer,
        **problems(400, 401, 403, 404, 409, 413, 415, 429),
    },
}

# --- Change feed ------------------------------------------------------------------------------

CHANGES = {
    "operation_id": "list_changes",
    "summary": "List changes (the change feed)",
    "description": (
        "Every change you may see, oldest first, in the order the transactions committed: a "
        "partner keeps a copy in step by reading it from its start, then polling with the "
        "last `cursor`. A cursor never skips a committed change and never repeats one, even "
        "when transactions commit out of order (a change appears once every transaction "
        "that began before it has ended).\n\n"
        "- Statements: `created`, `updated` (its text, topics, attributions or relations, "
        "an attribution's role at the time, a speaker merge that moved an attribution), "
        "`published`, `corrected`, `retracted` (`note`: the reason) and `deleted` (drafts "
        "only: nothing published is deleted).\n"
        "- Speakers, sources and memberships: `created`, `updated`, `deleted`; a statement "
        "that shows their names is not listed again when they change. A merged speaker is "
        "`deleted` and its survivor `updated` (`note`: the merge), and its id then "
        "redirects (308) to the survivor.\n\n"
        "The public sees the changes of published statements (the first is `published`), "
        "their retraction (without the text: the statement then answers 410) and every "
        "change of speakers, sources and memberships; editors, reviewers and admins see "
        "drafts' too. "
        "The feed starts with one change for each object that existed when it was "
        "introduced."
    ),
    "auth": PUBLIC_READ,
    "examples": [
        response_example(
            "A retraction",
            'A statement retracted (in the page\'s "results")',
            {
                "kind": "retracted",
                "object": "statement",
                "id": 7,
                "at": "2024-10-29T08:15:00Z",
                "note": "The quote was misattributed.",
                "url": "http://127.0.0.1:8000/api/v1/statements/7/",
            },
            "200",
        )
    ],
    "responses": {200: ChangeSerializer(many=True), **problems(400, 401, 429)},
}

REJECT_SUGGESTION = {
    "operation_id": "reject_source_suggestion",
    "summary": "Reject a suggested attribution",
    "description": "Remember that the suggestion is wrong: it is not proposed again.",
    "request": None,
    "auth": EDITORS_ONLY,
    "parameters": [SOURCE_ID, SUGGESTION_KEY],
    "responses": {204: None, **problems(401, 403, 404, 409, 429)},
}


# --- Corrections: revisions of published statements -------------------------------------------

STATEMENT_PK = OpenApiParameter(
    "statement_pk", OpenApiTypes.INT, OpenApiParameter.PATH, description="The statement's id."
)
REVISION_ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The revision's id."
)

PENDING_REVISION = {
    "id": 3,
    "statement": 7,
    "status": "pending",
    "proposed": {
        "text": "The North Korean soldiers arrived in Vladivostok by ship in late October."
    },
    "base_version": 4821,
    "proposed_by": "editor",
    "proposed_at": UPDATED_AT,
    "decided_by": None,
    "decided_at": None,
    "note": None,
    "rejection_reason": "",
}
APPROVED_REVISION = {
    **PENDING_REVISION,
    "status": "approved",
    "decided_by": "reviewer",
    "decided_at": "2024-10-29T08:15:00Z",
    "note": "Corrected the month: the soldiers arrived in late October.",
}
STALE_REVISION = OpenApiExample(
    "Stale",
    summary="The statement changed after the revision was proposed",
    status_codes=["409"],
    response_only=True,
    media_type=PROBLEM_CONTENT_TYPE,
    value={
        "type": "/problems/conflict",
        "title": "Conflict",
        "status": 409,
        "detail": "Statement #7 changed after revision #3 was proposed: approving it would "
        "undo that change. Reject it, and propose the change again on the statement as it is "
        "now.",
        "errors": [],
    },
)
REVISION_ERRORS = (401, 403, 404, 429)
# Revisions are for editors and reviewers: never anonymous.
SIGNED_IN = [{"tokenAuth": []}, {"bearerAuth": []}, {"cookieAuth": []}]

LIST_REVISIONS = {
    "auth": SIGNED_IN,
    "operation_id": "list_statement_revisions",
    "summary": "List a statement's revisions",
    "description": (
        "The changes proposed to a published statement, oldest first: pending, approved or "
        "rejected. Reviewers see every one; editors the ones they proposed; anonymous "
        "callers none (401)."
    ),
    "parameters": [STATEMENT_PK],
    "examples": [response_example("Pending", "A proposed correction", PENDING_REVISION, "200")],
    "responses": {200: RevisionSerializer(many=True), **problems(*REVISION_ERRORS)},
}

GET_REVISION = {
    "auth": SIGNED_IN,
    "operation_id": "get_statement_revision",
    "summary": "Get a revision",
    "description": "One revision of a statement (reviewers, and the editor who proposed it).",
    "parameters": [STATEMENT_PK, REVISION_ID],
    "examples": [response_example("Pending", "A proposed correction", PENDING_REVISION, "200")],
    "responses": {200: RevisionSerializer, **problems(*REVISION_ERRORS)},
}

APPROVE_REVISION = {
    "operation_id": "approve_statement_revision",
    "summary": "Approve a revision",
    "description": (
        "Apply a pending revision to its published statement, as a correction: `note`, the "
        "public note saying what was corrected, is required and is shown with the statement "
        "from then on (`corrections`); the change feed lists a `corrected` change. 409 when "
        "the revision was decided already, when its statement is no longer published, or "
        "when the statement changed after the revision was proposed (stale: propose it "
        "again). Reviewers only (the publish permission)."
    ),
    "request": ApproveSerializer,
    "parameters": [STATEMENT_PK, REVISION_ID],
    "examples": [
        request_example("Approve", "With the public note", {"note": APPROVED_REVISION["note"]}),
        response_example("Approved", "The revision applied", APPROVED_REVISION, "200"),
        STALE_REVISION,
    ],
    "responses": {200: RevisionSerializer, **problems(400, *REVISION_ERRORS, 409, 415)},
}

REJECT_REVISION = {
    "operation_id": "reject_statement_revision",
    "summary": "Reject a revision",
    "description": (
        "Refuse a pending revision, saying why (`reason`, for its proposer); the statement "
        "stays as it is. 409 when it was decided already. Reviewers only."
    ),
    "request": RejectSerializer,
    "parameters": [STATEMENT_PK, REVISION_ID],
    "examples": [
        request_example("Reject", "With a reason", {"reason": "The source says early October."}),
    ],
    "responses": {200: RevisionSerializer, **problems(400, *REVISION_ERRORS, 409, 415)},
}


# --- Speakers: merges and duplicates ----------------------------------------------------------

KIRBY_SPEAKER = {
    "id": 3,
    "name": "John Kirby",
    "kind": "person",
    "aliases": ["Mr Kirby", "John F. Kirby", "Admiral Kirby"],
    "description": "",
    "country": "",
    "wikidata_id": None,
    "created_at": "2024-10-25T12:00:00Z",
    "updated_at": UPDATED_AT,
}

MERGE_SPEAKER = {
    "operation_id": "merge_speaker",
    "parameters": [ID],
    "summary": "Merge a speaker into another",
    "description": (
        "The speaker is found to be `into`: its attributions (as speaker and as the one "
        "represented), memberships (as person and as organization), name and aliases move to "
        "`into` (its name becomes an alias; a blank description, country or Wikidata id of "
        "`into` takes the merged one's). Its id then redirects: `GET /speakers/{id}/` (and "
        "its other routes, reads and writes) answer 308 to the survivor's, and a list "
        "filtered by it (`statements/?speaker=`, `on_behalf_of`, `member_of`, "
        "`memberships/?person=`, ...) answers 308 to the same list filtered by the "
        "survivor's id, so that a client learns the id to keep. Both speakers' histories "
        "record the merge; the change feed lists "
        "the merged speaker as deleted, the survivor and the moved attributions' statements "
        "as updated. Needs the merge_speaker permission (reviewers). 400 naming `into` when "
        "it is the speaker itself, an unknown id, a speaker of another kind or another "
        "Wikidata item; `into` given as a merged id is followed to its survivor. 409 when a "
        "moved attribution would repeat one of the survivor's (same statement and source) or "
        "make it speak on its own behalf."
    ),
    "examples": [
        request_example(
            "Into John Kirby", "Merge a duplicate John F. Kirby into speaker 3", {"into": 3}
        ),
        response_example(
            "The survivor",
            "John Kirby, with the merged name among his aliases",
            KIRBY_SPEAKER,
            "200",
        ),
    ],
    "responses": {200: SpeakerSerializer, **problems(*WRITE_ERRORS)},
}

SPEAKER_DUPLICATES = {
    "operation_id": "list_speaker_duplicates",
    "summary": "List likely duplicate speakers",
    "description": (
        "Pairs of speakers of one kind that may be one, best first (then by id): `same_name` "
        "when a name or alias of one is a name or alias of the other once case, accents, "
        "punctuation and initials are set aside (score 1); `similar_name` when their names "
        "are spelt alike (trigram similarity from 0.6). At most 1,000 pairs, paginated; "
        "`kind` narrows to one kind. Merge a pair with `POST /speakers/{id}/merge/`."
    ),
    "auth": PUBLIC_READ,
    "examples": [
        response_example(
            "A duplicate of John Kirby",
            'A speaker "John F. Kirby" created beside John Kirby',
            {
                "speaker": KIRBY,
                "duplicate": {"id": 16, "name": "John F. Kirby", "kind": "person"},
                "score": 1.0,
                "reasons": ["same_name", "similar_name"],
            },
            "200",
        )
    ],
    # responses: the view's (``api.speakers``), whose serializer this module cannot import
}
