"""Field validators shared by the models, the API and the admin."""

import re

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
