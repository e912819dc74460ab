"""OpenAPI documentation of the claims' operations (``statements.api.claims``): their
descriptions and examples, from the seed article."""

from drf_spectacular.utils import OpenApiExample

CLAIM_DESCRIPTION = (
    "The whole claim the statement is part of: every statement that `same_claim` relations "
    "join to it (through any number of them, in either direction), with who made each "
    "(`speaker`, `speaker_role` as the source printed it, `on_behalf_of`), where (`source`: "
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

EXAMPLES: dict[str, list[OpenApiExample]] = {}
