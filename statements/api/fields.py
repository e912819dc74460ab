"""Serializer fields of the API, with their OpenAPI mapping."""

import json
import re
from typing import Any

from django.core import validators as django_validators
from django.core.validators import ProhibitNullCharactersValidator
from django.db import models
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers

from statements.normalize import InvalidURLError, normalize_url
from statements.validators import validate_no_control_characters

# The validators that DRF derives from a field's own arguments (max_length, the URL
# field's): left out when the model's validators are handed to a field, or each would
# report twice.
_DERIVED_VALIDATORS = (
    django_validators.MaxLengthValidator,
    django_validators.MinLengthValidator,
    django_validators.URLValidator,
)


def model_validators(model: type[models.Model], name: str) -> list:
    """The validators of the model's field ``name``, for a serializer field declared by hand:
    the rules stay the model's (one definition), whoever reads the field."""
    field = model._meta.get_field(name)
    return [v for v in field.validators if not isinstance(v, _DERIVED_VALIDATORS)]


def model_text_kwargs(model: type[models.Model], name: str) -> dict[str, Any]:
    """``max_length`` and ``validators`` of a text field declared by hand, from the model."""
    return {
        "max_length": model._meta.get_field(name).max_length,
        "validators": model_validators(model, name),
    }


class TextField(serializers.CharField):
    """Text that must be sent as a JSON string: DRF's own field turns 0 or true into "0"
    or "True", hiding a client's type error. Control characters are refused in every text
    the API reads (the models' rule), model field or not."""

    default_error_messages = {"not_a_string": "Must be a string, not {kind}."}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # The control-character rule covers NUL, which DRF's own validator reports again.
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]
        if validate_no_control_characters not in self.validators:
            self.validators.append(validate_no_control_characters)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_a_string", kind=type(data).__name__)
        return super().to_internal_value(data)


class NormalizedURLField(serializers.URLField):
    """A URL stored in canonical form, so uniqueness holds however it was typed."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        try:
            return normalize_url(value)
        except InvalidURLError as error:
            raise serializers.ValidationError(error.messages, code=error.code) from None


# Ids are BigAutoField values.
MAX_ID = 2**63 - 1
DIGITS = re.compile(r"[0-9]+")


class IdRelatedField(serializers.PrimaryKeyRelatedField):
    """A related object written as its id: an integer, or a string of ASCII digits (as DRF
    reads ids from forms and query strings). A float, a boolean or anything else is refused,
    never rounded to some other object (``1.5`` or ``true`` would otherwise read as 1)."""

    default_error_messages = {"not_an_id": "Expected an integer id, got {value}."}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not (
            isinstance(data, int) or (isinstance(data, str) and DIGITS.fullmatch(data))
        ):
            try:
                shown = json.dumps(data)
            except (TypeError, ValueError):
                shown = type(data).__name__
            self.fail("not_an_id", value=shown[:40])
        if not 0 < int(data) <= MAX_ID:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(int(data))


class SummaryRelatedField(IdRelatedField):
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
