from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attribution_mode_enum import AttributionModeEnum
from ..models.speech_act_enum import SpeechActEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.quote_request import QuoteRequest





T = TypeVar("T", bound="AttributionFieldsRequest")



@_attrs_define
class AttributionFieldsRequest:
    """ An attribution as it appears inside a statement: who made the statement (and for
    whom), which source reports it, and how. Read and written with the statement, which it
    therefore does not name.

    Any other field is refused (400), except `id`, `role_at_the_time`, `created_at`, `updated_at`: read-only, they may
    be sent back as read and are ignored.

        Attributes:
            speaker (int): Id of the related object.
            source (int): Id of the related object.
            mode (AttributionModeEnum): * `direct_quote` - Direct quote
                * `paraphrase` - Paraphrase
                * `summary` - Summary
            speech_act (SpeechActEnum): * `assertion` - Assertion
                * `denial` - Denial
                * `projection` - Projection
                * `warning` - Warning
                * `concern` - Concern
                * `request` - Request
                * `other` - Other
            verb (str | Unset): The reporting verb: "claims", "warned", "denied".
            speaker_role (str | Unset): The role at the time: "US defence secretary".
            on_behalf_of (int | None | Unset): The speaker represented: Kirby speaks for the US government.
            occasion (str | Unset):
            stated_on (datetime.date | None | Unset):
            quote (None | QuoteRequest | Unset):
     """

    speaker: int
    source: int
    mode: AttributionModeEnum
    speech_act: SpeechActEnum
    verb: str | Unset = UNSET
    speaker_role: str | Unset = UNSET
    on_behalf_of: int | None | Unset = UNSET
    occasion: str | Unset = UNSET
    stated_on: datetime.date | None | Unset = UNSET
    quote: None | QuoteRequest | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.quote_request import QuoteRequest # noqa: PLC0415
        speaker = self.speaker

        source = self.source

        mode = self.mode.value

        speech_act = self.speech_act.value

        verb = self.verb

        speaker_role = self.speaker_role

        on_behalf_of: int | None | Unset
        if isinstance(self.on_behalf_of, Unset):
            on_behalf_of = UNSET
        else:
            on_behalf_of = self.on_behalf_of

        occasion = self.occasion

        stated_on: None | str | Unset
        if isinstance(self.stated_on, Unset):
            stated_on = UNSET
        elif isinstance(self.stated_on, datetime.date):
            stated_on = self.stated_on.isoformat()
        else:
            stated_on = self.stated_on

        quote: dict[str, Any] | None | Unset
        if isinstance(self.quote, Unset):
            quote = UNSET
        elif isinstance(self.quote, QuoteRequest):
            quote = self.quote.to_dict()
        else:
            quote = self.quote


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "speaker": speaker,
            "source": source,
            "mode": mode,
            "speech_act": speech_act,
        })
        if verb is not UNSET:
            field_dict["verb"] = verb
        if speaker_role is not UNSET:
            field_dict["speaker_role"] = speaker_role
        if on_behalf_of is not UNSET:
            field_dict["on_behalf_of"] = on_behalf_of
        if occasion is not UNSET:
            field_dict["occasion"] = occasion
        if stated_on is not UNSET:
            field_dict["stated_on"] = stated_on
        if quote is not UNSET:
            field_dict["quote"] = quote

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_request import QuoteRequest # noqa: PLC0415
        d = dict(src_dict)
        speaker = d.pop("speaker")

        source = d.pop("source")

        mode = AttributionModeEnum(d.pop("mode"))




        speech_act = SpeechActEnum(d.pop("speech_act"))




        verb = d.pop("verb", UNSET)

        speaker_role = d.pop("speaker_role", UNSET)

        def _parse_on_behalf_of(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        on_behalf_of = _parse_on_behalf_of(d.pop("on_behalf_of", UNSET))


        occasion = d.pop("occasion", UNSET)

        def _parse_stated_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stated_on_type_0 = datetime.date.fromisoformat(data)



                return stated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        stated_on = _parse_stated_on(d.pop("stated_on", UNSET))


        def _parse_quote(data: object) -> None | QuoteRequest | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quote_type_1 = QuoteRequest.from_dict(data)



                return quote_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuoteRequest | Unset, data)

        quote = _parse_quote(d.pop("quote", UNSET))


        attribution_fields_request = cls(
            speaker=speaker,
            source=source,
            mode=mode,
            speech_act=speech_act,
            verb=verb,
            speaker_role=speaker_role,
            on_behalf_of=on_behalf_of,
            occasion=occasion,
            stated_on=stated_on,
            quote=quote,
        )

        return attribution_fields_request

