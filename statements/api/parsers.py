"""Request body parsing with a deliberate size bound and no path to a 500."""

import codecs
import json
from typing import Any

from django.conf import settings
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser
from rest_framework.settings import api_settings


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "payload_too_large"


def too_large_detail() -> str:
    return f"The request body exceeds the limit of {settings.API_MAX_BODY_BYTES} bytes."


def _reject_constant(value: str) -> None:
    raise ValueError(f"{value} is not valid JSON")


class BoundedJSONParser(JSONParser):
    """JSON bodies of at most API_MAX_BODY_BYTES (413 beyond), strict, nesting-safe.

    config.middleware refuses a larger declared length (413) and a body of undeclared
    length (411) before anything reads it; the bound holds here too, on the bytes read,
    for a parser called on a stream by other means.
    """

    def parse(self, stream, media_type=None, parser_context=None) -> Any:
        limit = settings.API_MAX_BODY_BYTES
        too_large = PayloadTooLarge(too_large_detail())
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if declared and declared.isdigit() and int(declared) > limit:
            raise too_large
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise too_large
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = codecs.decode(raw, encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ParseError(f"The request body is not valid {encoding} text.") from exc
        try:
            strict = api_settings.STRICT_JSON
            return json.loads(text, parse_constant=_reject_constant if strict else None)
        except RecursionError as exc:
            raise ParseError("The JSON document is nested too deeply.") from exc
        except ValueError as exc:
            raise ParseError(f"The request body is not valid JSON: {exc}.") from exc
