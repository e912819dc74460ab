from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attribution_mode_enum import AttributionModeEnum
from ..models.speech_act_enum import SpeechActEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.suggested_quote import SuggestedQuote
  from ..models.suggested_speaker import SuggestedSpeaker





T = TypeVar("T", bound="Suggestion")



@_attrs_define
class Suggestion:
    """ One attribution the rules suggest for a source: nothing is saved until it is accepted.

        Attributes:
            key (str): Stable across runs for the same speaker and passage: accept or reject by it.
            speaker (SuggestedSpeaker): Who the suggestion says spoke: an existing speaker, or one proposed as new.
            quote (SuggestedQuote): Where the passage stands in the source's body, as an attribution's ``quote``: a W3C
                TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end).
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
            verb (str): The reporting verb, as written.
            speaker_role (str): The speaker's role, when the text says it.
            occasion (str): Where or when it was said, when the text says.
            confidence (float):
     """

    key: str
    speaker: SuggestedSpeaker
    quote: SuggestedQuote
    mode: AttributionModeEnum
    speech_act: SpeechActEnum
    verb: str
    speaker_role: str
    occasion: str
    confidence: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.suggested_quote import SuggestedQuote # noqa: PLC0415
        from ..models.suggested_speaker import SuggestedSpeaker # noqa: PLC0415
        key = self.key

        speaker = self.speaker.to_dict()

        quote = self.quote.to_dict()

        mode = self.mode.value

        speech_act = self.speech_act.value

        verb = self.verb

        speaker_role = self.speaker_role

        occasion = self.occasion

        confidence = self.confidence


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key": key,
            "speaker": speaker,
            "quote": quote,
            "mode": mode,
            "speech_act": speech_act,
            "verb": verb,
            "speaker_role": speaker_role,
            "occasion": occasion,
            "confidence": confidence,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.suggested_quote import SuggestedQuote # noqa: PLC0415
        from ..models.suggested_speaker import SuggestedSpeaker # noqa: PLC0415
        d = dict(src_dict)
        key = d.pop("key")

        speaker = SuggestedSpeaker.from_dict(d.pop("speaker"))




        quote = SuggestedQuote.from_dict(d.pop("quote"))




        mode = AttributionModeEnum(d.pop("mode"))




        speech_act = SpeechActEnum(d.pop("speech_act"))




        verb = d.pop("verb")

        speaker_role = d.pop("speaker_role")

        occasion = d.pop("occasion")

        confidence = d.pop("confidence")

        suggestion = cls(
            key=key,
            speaker=speaker,
            quote=quote,
            mode=mode,
            speech_act=speech_act,
            verb=verb,
            speaker_role=speaker_role,
            occasion=occasion,
            confidence=confidence,
        )


        suggestion.additional_properties = d
        return suggestion

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
