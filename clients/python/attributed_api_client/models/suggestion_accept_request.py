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






T = TypeVar("T", bound="SuggestionAcceptRequest")



@_attrs_define
class SuggestionAcceptRequest:
    """ Edit, then accept: any of these replaces the suggested value (a field left out keeps
    it). ``speaker`` picks an existing speaker instead of the suggested or proposed one;
    ``text`` is the new statement's text (by default the passage, without its quotation
    marks when it is a direct quote).

    Any other field is refused (400).

        Attributes:
            text (str | Unset): The statement's text. Default: the passage, without its quotation marks when it is a direct
                quote.
            speaker (int | Unset):
            on_behalf_of (int | None | Unset): Kirby speaks for the US government, a spokesperson for a ministry.
            mode (AttributionModeEnum | Unset): * `direct_quote` - Direct quote
                * `paraphrase` - Paraphrase
                * `summary` - Summary
            speech_act (SpeechActEnum | Unset): * `assertion` - Assertion
                * `denial` - Denial
                * `projection` - Projection
                * `warning` - Warning
                * `concern` - Concern
                * `request` - Request
                * `other` - Other
            verb (str | Unset): The reporting verb: "claims", "warned", "denied".
            speaker_role (str | Unset): The role at the time: "US defence secretary".
            occasion (str | Unset):
            stated_on (datetime.date | None | Unset):
     """

    text: str | Unset = UNSET
    speaker: int | Unset = UNSET
    on_behalf_of: int | None | Unset = UNSET
    mode: AttributionModeEnum | Unset = UNSET
    speech_act: SpeechActEnum | Unset = UNSET
    verb: str | Unset = UNSET
    speaker_role: str | Unset = UNSET
    occasion: str | Unset = UNSET
    stated_on: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        text = self.text

        speaker = self.speaker

        on_behalf_of: int | None | Unset
        if isinstance(self.on_behalf_of, Unset):
            on_behalf_of = UNSET
        else:
            on_behalf_of = self.on_behalf_of

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value


        speech_act: str | Unset = UNSET
        if not isinstance(self.speech_act, Unset):
            speech_act = self.speech_act.value


        verb = self.verb

        speaker_role = self.speaker_role

        occasion = self.occasion

        stated_on: None | str | Unset
        if isinstance(self.stated_on, Unset):
            stated_on = UNSET
        elif isinstance(self.stated_on, datetime.date):
            stated_on = self.stated_on.isoformat()
        else:
            stated_on = self.stated_on


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if text is not UNSET:
            field_dict["text"] = text
        if speaker is not UNSET:
            field_dict["speaker"] = speaker
        if on_behalf_of is not UNSET:
            field_dict["on_behalf_of"] = on_behalf_of
        if mode is not UNSET:
            field_dict["mode"] = mode
        if speech_act is not UNSET:
            field_dict["speech_act"] = speech_act
        if verb is not UNSET:
            field_dict["verb"] = verb
        if speaker_role is not UNSET:
            field_dict["speaker_role"] = speaker_role
        if occasion is not UNSET:
            field_dict["occasion"] = occasion
        if stated_on is not UNSET:
            field_dict["stated_on"] = stated_on

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        text = d.pop("text", UNSET)

        speaker = d.pop("speaker", UNSET)

        def _parse_on_behalf_of(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        on_behalf_of = _parse_on_behalf_of(d.pop("on_behalf_of", UNSET))


        _mode = d.pop("mode", UNSET)
        mode: AttributionModeEnum | Unset
        if isinstance(_mode,  Unset):
            mode = UNSET
        else:
            mode = AttributionModeEnum(_mode)




        _speech_act = d.pop("speech_act", UNSET)
        speech_act: SpeechActEnum | Unset
        if isinstance(_speech_act,  Unset):
            speech_act = UNSET
        else:
            speech_act = SpeechActEnum(_speech_act)




        verb = d.pop("verb", UNSET)

        speaker_role = d.pop("speaker_role", UNSET)

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


        suggestion_accept_request = cls(
            text=text,
            speaker=speaker,
            on_behalf_of=on_behalf_of,
            mode=mode,
            speech_act=speech_act,
            verb=verb,
            speaker_role=speaker_role,
            occasion=occasion,
            stated_on=stated_on,
        )

        return suggestion_accept_request

