"""Renderers of the API: JSON encoded by orjson, byte for byte as DRF's own renderer."""

import re

import orjson
from rest_framework import renderers
from rest_framework.utils import encoders

# orjson writes a float with a one-digit negative exponent as 1e-5, json as 1e-05: when the
# output holds such a number (or text that looks like one), DRF's encoder renders instead.
_SHORT_NEGATIVE_EXPONENT = re.compile(rb"[0-9]e-[0-9](?![0-9])")
_OPTIONS = (
    orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
)


class JSONEncoder(encoders.JSONEncoder):
    """DRF's encoder, which also writes JSON text that is already written (``orjson.Fragment``:
    the statements PostgreSQL writes), as the data it holds."""

    def default(self, obj):
        if isinstance(obj, orjson.Fragment):
            return orjson.loads(orjson.dumps(obj))
        return super().default(obj)


_encoder = JSONEncoder()


def json_bytes(data) -> bytes:
    """``data`` as orjson writes it for ``JSONRenderer`` (which then checks it); raises
    ``TypeError`` where orjson refuses it."""
    return orjson.dumps(data, default=_encoder.default, option=_OPTIONS)


class JSONRenderer(renderers.JSONRenderer):
    """DRF's JSONRenderer with orjson encoding (the faster encoder): DRF's encoder handles the
    types orjson is told to pass through (datetimes, dataclasses, lazy strings, decimals), and
    whatever orjson refuses or writes differently falls back to DRF's renderer."""

    encoder_class = JSONEncoder

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        indent = self.get_indent(accepted_media_type, renderer_context or {})
        if indent is not None or self.ensure_ascii or not self.compact or not self.strict:
            return super().render(data, accepted_media_type, renderer_context)
        try:
            output = json_bytes(data)
        except TypeError:  # orjson.JSONEncodeError is one
            return super().render(data, accepted_media_type, renderer_context)
        # The substring test first: a fast scan, where the expression is slow on a long page.
        if b"e-" in output and _SHORT_NEGATIVE_EXPONENT.search(output):
            return super().render(data, accepted_media_type, renderer_context)
        # As DRF: U+2028 and U+2029 escaped, so the JSON is also valid JavaScript.
        return output.replace("\u2028".encode(), b"\\u2028").replace("\u2029".encode(), b"\\u2029")


class ProblemJSONRenderer(JSONRenderer):
    """RFC 9457 problem details: JSON under its own media type."""

    media_type = "application/problem+json"
    format = "problem+json"


class NDJSONRenderer(renderers.BaseRenderer):
    """Newline-delimited JSON, for the streamed export (the view writes the body itself)."""

    media_type = "application/x-ndjson"
    format = "ndjson"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return orjson.dumps(data) + b"\n" if data is not None else b""


class CSVRenderer(renderers.BaseRenderer):
    """CSV, for the streamed export (the view writes the body itself)."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        raise NotImplementedError("The export streams its CSV; nothing else renders CSV.")


class JSONLDRenderer(JSONRenderer):
    """JSON-LD written as it is given: the context document, and the export's choice (the
    export streams its JSON-LD itself). The resources' JSON-LD is ``api.jsonld``'s."""

    media_type = "application/ld+json"
    format = "jsonld"
