"""Serializer fields of the API, with their OpenAPI mapping."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from statements.normalize import normalize_url


class NormalizedURLField(serializers.URLField):
    """A URL stored in canonical form, so uniqueness holds however it was typed."""

    def to_internal_value(self, data):
        return normalize_url(super().to_internal_value(data))


class SummaryRelatedField(serializers.PrimaryKeyRelatedField):
    """Written as the related object's id, read as a summary of it (id, name, …).

    ``summary_serializer`` names the serializer of the summary.
    """

    def __init__(self, *, summary_serializer: type[serializers.Serializer], **kwargs):
        self.summary_serializer = summary_serializer
        super().__init__(**kwargs)

    def use_pk_only_optimization(self) -> bool:
        return False

    def to_representation(self, value):
        return self.summary_serializer(value, context=self.context).data


class SummaryRelatedFieldExtension(OpenApiSerializerFieldExtension):
    target_class = SummaryRelatedField

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            schema = build_basic_type(OpenApiTypes.INT)
            schema["description"] = "Id of the related object."
            return schema
        component = auto_schema.resolve_serializer(self.target.summary_serializer, direction)
        return component.ref
