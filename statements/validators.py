"""Field validators shared by the models, the API and the admin."""

import calendar
import datetime as dt
import re
from urllib.parse import SplitResult, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.deconstruct import deconstructible
from django_countries import countries

WIKIDATA_ID_PATTERN = r"^Q[1-9][0-9]*$"
# RFC 5646 (BCP 47) language tag, well-formed part: language, script, region, variants,
# extensions and private use ("en", "pt-BR", "zh-Hant-TW", "sr-Latn").
BCP47_PATTERN = (
    r"^[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?"
    r"(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[A-WY-Za-wy-z0-9](-[A-Za-z0-9]{2,8})+)*"
    r"(-x(-[A-Za-z0-9]{1,8})+)?$"
)

validate_wikidata_id = RegexValidator(
    WIKIDATA_ID_PATTERN,
    message='Enter a Wikidata item id: "Q" followed by digits, e.g. "Q6279".',
    code="invalid_wikidata_id",
)

validate_language_tag = RegexValidator(
    BCP47_PATTERN,
    message='Enter a BCP 47 language tag, e.g. "en", "ko" or "pt-BR".',
    code="invalid_language",
)


@deconstructible
class CountryCodeValidator:
    """Accepts an assigned ISO 3166-1 alpha-2 code in upper case ("KR", "US")."""

    message = 'Enter an ISO 3166-1 alpha-2 country code in capitals, e.g. "KR" or "US".'
    code = "invalid_country"

    def __call__(self, value: str) -> None:
        if not re.fullmatch(r"[A-Z]{2}", value) or value not in countries:
            raise ValidationError(self.message, code=self.code, params={"value": value})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CountryCodeValidator)

    def __hash__(self) -> int:
        return hash(self.code)


validate_country_code = CountryCodeValidator()


# --- Text ---------------------------------------------------------------------------------------

# C0 control characters and DEL, but tab, line feed and carriage return: nothing a writer
# types, and what the search highlighter's markers would be made of.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@deconstructible
class NoControlCharactersValidator:
    """Refuses C0 control characters (U+0000 to U+001F but tab, newline and carriage return)
    and DEL (U+007F), naming the first one found."""

    code = "control_characters"

    def __call__(self, value: str) -> None:
        found = CONTROL_CHARACTERS.search(value) if isinstance(value, str) else None
        if found:
            raise ValidationError(
                "Control characters are not allowed: U+%(code)04X at position %(position)d.",
                code=self.code,
                params={"code": ord(found.group()), "position": found.start()},
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NoControlCharactersValidator)

    def __hash__(self) -> int:
        return hash(self.code)


validate_no_control_characters = NoControlCharactersValidator()


@deconstructible
class TextListValidator:
    """A JSON list of at most ``max_items`` strings, each at most ``max_length`` characters
    and without control characters (a speaker's aliases)."""

    code = "invalid_list"

    def __init__(self, *, max_items: int, max_length: int) -> None:
        self.max_items, self.max_length = max_items, max_length

    def __call__(self, value: object) -> None:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError("Enter a list of strings.", code=self.code)
        if len(value) > self.max_items:
            raise ValidationError(
                "Ensure this list has no more than %(limit)d items.",
                code="max_length",
                params={"limit": self.max_items},
            )
        for item in value:
            if len(item) > self.max_length:
                raise ValidationError(
                    "Ensure each item has no more than %(limit)d characters.",
                    code="max_length",
                    params={"limit": self.max_length},
                )
            validate_no_control_characters(item)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TextListValidator) and (self.max_items, self.max_length) == (
            other.max_items,
            other.max_length,
        )

    def __hash__(self) -> int:
        return hash((self.code, self.max_items, self.max_length))


# --- URLs ---------------------------------------------------------------------------------------


class InvalidURLError(ValidationError, ValueError):
    """A URL that urllib cannot split into its parts (a broken IPv6 host, a port that is
    not a number from 1 to 65535): a validation error for forms and serializers, a
    ValueError for code that parses."""

    def __init__(self, reason: str) -> None:
        super().__init__(
            "Enter a valid URL: %(reason)s.", code="invalid_url", params={"reason": reason}
        )


def split_url(url: str) -> SplitResult:
    """``urlsplit(url)``, its port checked: raises InvalidURLError for what urllib cannot
    split or whose port it cannot read."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise InvalidURLError(str(error).rstrip(".")) from None
    if port == 0:
        raise InvalidURLError("port 0 is not a port a document is served on")
    return parts


def validate_url_parts(value: str) -> None:
    """The URL validator that Django's URLValidator leaves to the parser: it accepts
    ``:99999`` as a port."""
    split_url(value)


# A partial date (a membership's start or end): a year, a year and month, or a day, in ISO
# 8601's extended form ("2021", "2021-01", "2021-01-22").
PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_PARTIAL_DATE = re.compile(PARTIAL_DATE_PATTERN)
PARTIAL_DATE_MESSAGE = (
    'Enter a year, a year and month or a day, as ISO 8601 writes them: "2021", "2021-01" '
    'or "2021-01-22".'
)


def partial_date_range(text: str) -> tuple["dt.date", "dt.date"]:
    """The first and the last day that a partial date covers ("2021-02": February 1st and
    28th); raises ValueError when ``text`` is not one, or names no such day."""
    if not isinstance(text, str) or not _PARTIAL_DATE.match(text):
        raise ValueError(PARTIAL_DATE_MESSAGE)
    parts = [int(part) for part in text.split("-")]
    try:  # a year 0, a month 13, a February 30th: no such period
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        day = dt.date(*parts)
    except (ValueError, calendar.IllegalMonthError):
        raise ValueError(PARTIAL_DATE_MESSAGE) from None
    return day, day


def validate_partial_date(value: str) -> None:
    try:
        partial_date_range(value)
    except ValueError:
        raise ValidationError(PARTIAL_DATE_MESSAGE, code="invalid_partial_date") from None
