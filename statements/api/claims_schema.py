"""OpenAPI documentation of the claims' operations (``statements.api.claims``): their
descriptions and examples, from the seed article."""

from drf_spectacular.utils import OpenApiExample

from statements.api.schema import (
    CREATE_STATEMENT_REQUEST,
    CREATED_STATEMENT,
    QUOTE_NOT_FOUND,
    response_example,
)

CLAIM_DESCRIPTION = (
    "The whole claim the statement is part of: every statement that `same_claim` relations "
    "join to it (through any number of them, in either direction), with who made each "
    "(`speaker`, `speaker_role` as the source printed it, `role_at_the_time` from the "
    "speaker's memberships, `on_behalf_of`), where (`source`: "
    "title, publisher, URL, date) and when (`stated_on`, and `first_said`: the earliest "
    "`stated_on`, else the earliest source date), oldest first; and the statements that "
    "deny, contradict, support or update one of them (`responses`: the relation's kind and "
    "note, its target, the answering statement with its attributions), oldest first. A "
    "statement without `same_claim` relations is a claim of its own. At most 200 statements "
    "and 200 responses (the oldest); `statements_count` and `responses_count` count them "
    "all. The public sees published statements; editors, reviewers and admins every one. "
    "404 and 410 as `GET /statements/{id}/`."
)

CLAIMS_DESCRIPTION = (
    "The claims of at least two statements the caller may see, most widely made first: by "
    "the number of distinct speakers, then of distinct sources, then the latest source "
    "date, then the newest claim. Each with the statement that stands for it (its smallest "
    "id the caller may see) and a link to the whole claim (`GET "
    "/statements/{id}/claim/`). Paginated as every list."
)

CANDIDATES_DESCRIPTION = (
    "Statements that may make the same claim as this one, best first (at most 5): the "
    "engine's full-text index picks those that share a content word, then a scorer that is "
    "the same on SQLite and PostgreSQL compares the texts (stemmed words and trigrams; "
    "different figures, a negation or opposite directions lower the score). Only those "
    "scoring at least the threshold (`CLAIM_CANDIDATE_THRESHOLD`, 0.4) are proposed; "
    "statements already in its claim and retracted ones never are. Editors, reviewers and "
    "admins only (403 otherwise)."
)

# --- Examples: the seed article ---------------------------------------------------------------

API = "http://127.0.0.1:8000/api/v1"  # as the other examples write links
SEED_SOURCE = {
    "id": 1,
    "title": "Thousands of North Korean Troops Reportedly Deployed to Russia, US Claims",
    "publisher": "",
    "kind": "news_article",
    "url": "https://example.com/news/north-korean-troops-russia",
    "published_at": "2024-10-24T00:00:00Z",
    "status": "current",
}
US = {"id": 1, "name": "United States", "kind": "government"}
AUSTIN = {"id": 2, "name": "Lloyd Austin", "kind": "person"}
KIRBY = {"id": 3, "name": "John Kirby", "kind": "person"}
RUSSIA = {"id": 7, "name": "Russia", "kind": "government"}
NORTH_KOREA = {"id": 8, "name": "North Korea", "kind": "government"}
US_CLAIM = {
    "id": 1,
    "text": "North Korea has deployed around 3,000 troops to Russia.",
    "status": "published",
}


AUSTIN_AT_THE_TIME = {
    "id": 1,
    "role": "US Secretary of Defense",
    "organization": 1,
    "start": "2021-01-22",
    "end": "2025-01-20",
}
KIRBY_AT_THE_TIME = {
    "id": 2,
    "role": "White House national security spokesman",
    "organization": 15,
    "start": "2022-05",
    "end": "2025-01",
}


def _said(
    speaker,
    verb,
    *,
    role="",
    at_the_time=None,
    on_behalf_of=None,
    mode="paraphrase",
    act="assertion",
):
    return {
        "speaker": speaker,
        "speaker_role": role,
        "role_at_the_time": at_the_time,
        "on_behalf_of": on_behalf_of,
        "verb": verb,
        "mode": mode,
        "speech_act": act,
        "stated_on": None,
        "source": SEED_SOURCE,
    }


def _statement(pk: int, text: str, *attributions) -> dict:
    return {
        "id": pk,
        "url": f"{API}/statements/{pk}/",
        "text": text,
        "language": "en",
        "status": "published",
        "first_said": "2024-10-24",
        "attributions": list(attributions),
    }


def _response(pk: int, kind: str, note: str, statement: dict) -> dict:
    return {"relation": pk, "kind": kind, "note": note, "target": US_CLAIM, "statement": statement}


TROOP_CLAIM = {
    "claim": 1,
    "statement": 1,
    "statements_count": 3,
    "responses_count": 7,
    "speakers": [US, AUSTIN],
    "statements": [
        _statement(1, US_CLAIM["text"], _said(US, "claims")),
        _statement(
            6,
            "There is evidence that North Korean troops have been deployed to Russia.",
            _said(
                AUSTIN,
                "explaining",
                role="US defence secretary",
                at_the_time=AUSTIN_AT_THE_TIME,
                on_behalf_of=US,
            ),
        ),
    ],
    "responses": [
        _response(
            4,
            "supports",
            "Kirby says the soldiers arrived in Vladivostok by ship in October.",
            _statement(
                7,
                "The North Korean soldiers arrived in Vladivostok by ship in October.",
                _said(
                    KIRBY,
                    "stated",
                    role="White House national security spokesman",
                    at_the_time=KIRBY_AT_THE_TIME,
                    on_behalf_of=US,
                ),
            ),
        ),
        _response(
            8,
            "denies",
            "Russia and North Korea deny the troop movements (paragraph 5).",
            _statement(
                16,
                "The reported North Korean troop movements are denied.",
                _said(RUSSIA, "issued denials", mode="summary", act="denial"),
                _said(NORTH_KOREA, "issued denials", mode="summary", act="denial"),
            ),
        ),
    ],
}

CLAIMS_PAGE = {
    "claim": 16,
    "url": f"{API}/statements/16/claim/",
    "statement": {
        "id": 16,
        "text": "The reported North Korean troop movements are denied.",
        "status": "published",
    },
    "statements": 2,
    "speakers": 3,
    "sources": 1,
    "latest": "2024-10-24T00:00:00Z",
}

VLADIVOSTOK_CANDIDATE = {
    "statement": {
        "id": 7,
        "text": "The North Korean soldiers arrived in Vladivostok by ship in October.",
        "status": "published",
    },
    "score": 1.0,
}

EXAMPLES: dict[str, list[OpenApiExample]] = {
    "get_statement_claim": [
        response_example(
            "The troop-deployment claim",
            "GET /api/v1/statements/1/claim/ on the seed (abridged: two of its three "
            "statements, two of its seven responses)",
            TROOP_CLAIM,
            "200",
        )
    ],
    "list_claims": [
        response_example(
            "The seed's claims",
            'The denial, made by three speakers, comes first (in the page\'s "results")',
            CLAIMS_PAGE,
            "200",
        )
    ],
    "find_statement_claim_candidates": [
        response_example(
            "One candidate",
            "A new statement that repeats Kirby's account of the arrival (each item)",
            VLADIVOSTOK_CANDIDATE,
            "200",
        )
    ],
    "create_statement": [
        CREATE_STATEMENT_REQUEST,
        response_example(
            "The statement created",
            "A draft, its topics as slugs, the quote anchored in the source body, and the "
            "statement it may repeat",
            {**CREATED_STATEMENT, "claim_candidates": [VLADIVOSTOK_CANDIDATE]},
            "201",
        ),
        QUOTE_NOT_FOUND,
    ],
}
