"""Renderers of the API's own media types."""

from rest_framework.renderers import JSONRenderer


class ProblemJSONRenderer(JSONRenderer):
    """RFC 9457 problem details: JSON under its own media type."""

    media_type = "application/problem+json"
    format = "problem+json"
