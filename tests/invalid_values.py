"""Values that every way in refuses: the API's tests, the services' and the import's read
this one table.

Each row names a field by its resource and its path inside the resource, as the API names
it ("quote.exact"); the tests place the value where their entry point reads it and expect
the refusal to name that field. The import reads only the fields a line of the export
carries (``in_a_line``).
"""

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from statements import services

# The documented limits (README, "Limits of text").
STATEMENT_TEXT_MAX_LENGTH = 10_000
QUOTE_MAX_LENGTH = 10_000

# The resources a statement line of the export carries, with the fields it carries of each.
STATEMENT, ATTRIBUTION, SPEAKER, SOURCE = "statement", "attribution", "speaker", "source"
NOT_IN_A_LINE = {
    SPEAKER: {"aliases", "description", "country"},
    SOURCE: {"language", "body", "archived_url"},
}


@dataclass(frozen=True)
class Invalid:
    resource: str
    field: str  # its path inside the resource: "text", "quote.exact"
    value: Any
    why: str

    @property
    def named(self) -> str:
        """The path an error names, inside the resource: a list's first item."""
        return f"{self.field}.0" if isinstance(self.value, list) else self.field

    @property
    def in_a_line(self) -> bool:
        """Whether a line of the export carries the field (the import reads it)."""
        return self.field not in NOT_IN_A_LINE.get(self.resource, ())

    @property
    def id(self) -> str:
        return f"{self.resource}.{self.field}-{self.why}"


INVALID_VALUES = [
    Invalid(STATEMENT, "text", "", "blank"),
    Invalid(STATEMENT, "text", 5, "not-a-string"),
    Invalid(STATEMENT, "text", "x" * (STATEMENT_TEXT_MAX_LENGTH + 1), "too-long"),
    # U+0002 and U+0003 are the markers the search highlighter puts around matches.
    Invalid(STATEMENT, "text", "Troops \x02left\x03 the border.", "control-characters"),
    Invalid(STATEMENT, "text", "Troops left.\x00", "nul"),
    Invalid(STATEMENT, "language", "not a tag!!", "not-a-language-tag"),
    Invalid(STATEMENT, "language", "en\x7f", "delete-character"),
    Invalid(STATEMENT, "topics", ["x" * 101], "topic-too-long"),
    Invalid(STATEMENT, "topics", ["border\x1b"], "topic-control-character"),
    Invalid(ATTRIBUTION, "mode", "rumour", "not-a-choice"),
    Invalid(ATTRIBUTION, "speech_act", "shout", "not-a-choice"),
    Invalid(ATTRIBUTION, "verb", "x" * 61, "too-long"),
    Invalid(ATTRIBUTION, "verb", "said\x07", "control-character"),
    Invalid(ATTRIBUTION, "speaker_role", "x" * 201, "too-long"),
    Invalid(ATTRIBUTION, "occasion", "x" * 301, "too-long"),
    Invalid(ATTRIBUTION, "occasion", "\x1b[31mbriefing", "control-character"),
    Invalid(ATTRIBUTION, "stated_on", "23 October", "not-a-date"),
    Invalid(ATTRIBUTION, "quote.exact", "x" * (QUOTE_MAX_LENGTH + 1), "too-long"),
    Invalid(ATTRIBUTION, "quote.exact", "the troops\x7f", "control-character"),
    Invalid(ATTRIBUTION, "quote.prefix", "x" * 501, "too-long"),
    Invalid(ATTRIBUTION, "quote.suffix", "\x0b", "control-character"),
    Invalid(SPEAKER, "name", "", "blank"),
    Invalid(SPEAKER, "name", "x" * 201, "too-long"),
    Invalid(SPEAKER, "name", "John\x03Smith", "control-character"),
    Invalid(SPEAKER, "kind", "alien", "not-a-choice"),
    Invalid(SPEAKER, "wikidata_id", "Q0", "not-a-wikidata-id"),
    Invalid(SPEAKER, "wikidata_id", "Q42\x00", "nul"),
    Invalid(SPEAKER, "description", "x" * 5001, "too-long"),
    Invalid(SPEAKER, "description", "Minister\x1b", "control-character"),
    Invalid(SPEAKER, "country", "Korea", "not-a-country-code"),
    Invalid(SPEAKER, "country", "kr", "lower-case-country-code"),
    Invalid(SOURCE, "url", "http://[::1/x", "broken-ipv6-host"),
    Invalid(SOURCE, "url", "https://example.org:99999/story", "port-out-of-range"),
    Invalid(SOURCE, "url", "https://example.org:0/story", "port-zero"),
    Invalid(SOURCE, "url", "not a url", "not-a-url"),
    Invalid(SOURCE, "url", "https://example.org/\x02story", "control-character"),
    Invalid(SOURCE, "url", "https://example.org/" + "x" * 2000, "too-long"),
    Invalid(SOURCE, "title", "x" * 501, "too-long"),
    Invalid(SOURCE, "title", "\x01Title", "control-character"),
    Invalid(SOURCE, "publisher", "x" * 201, "too-long"),
    Invalid(SOURCE, "kind", "pamphlet", "not-a-choice"),
    Invalid(SOURCE, "status", "gone", "not-a-choice"),
    Invalid(SOURCE, "published_at", "yesterday", "not-a-date-time"),
    Invalid(SOURCE, "language", "not a tag!!", "not-a-language-tag"),
    Invalid(SOURCE, "body", "x" * 100_001, "too-long"),
    Invalid(SOURCE, "body", "Troops \x02left\x03.", "control-characters"),
    Invalid(SOURCE, "archived_url", "https://example.org:99999/story", "port-out-of-range"),
    Invalid(SOURCE, "archived_url", "not a url", "not-a-url"),
]


# --- The services, called directly ---------------------------------------------------------


def call_service(world, case: Invalid) -> None:
    """The service that creates the case's resource, called with the case's value (a field
    "quote.exact" is the keyword quote_exact)."""
    given = {case.field.replace(".", "_"): case.value}
    if case.resource == STATEMENT:
        services.statement_create(user=None, **({"text": "Not said yet."} | given))
    elif case.resource == ATTRIBUTION:
        valid = {"mode": "paraphrase", "speech_act": "assertion"}
        services.attribution_create(
            statement=world.draft,
            user=None,
            speaker=world.officials,
            source=world.briefing,
            **(valid | given),
        )
    elif case.resource == SPEAKER:
        services.speaker_create(user=None, **({"name": "John Smith", "kind": "person"} | given))
    else:
        services.source_create(
            user=None, **({"title": "A new story", "url": "https://example.org/story"} | given)
        )


def service_refusal(world, case: Invalid) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        call_service(world, case)
    return refused.value
