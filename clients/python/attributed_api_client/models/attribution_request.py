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





T = TypeVar("T", bound="AttributionRequest")



@_attrs_define
class AttributionRequest:
    """ The link of a statement, the speaker who made it and the source that reports it,
    saying how the source renders it: quoted, paraphrased or summarised (`mode`), as what
    kind of speech act, with which reporting verb, the speaker's role at the time, on whose
    behalf, on what occasion and when, and where in the source's body the words stand.

    Any other field is refused (400), except `id`, `role_at_the_time`, `created_at`, `updated_at`: read-only, they may
    be sent back as read and are ignored.

        Attributes:
            statement (int): Id of the statement attributed.
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
            correction_note (str | Unset): The public note of a correction: what was corrected and why. Required to change a
                published statement (or its attributions) as a reviewer, shown with the statement from then on in `corrections`;
                not stored otherwise. An editor's change to a published statement is proposed instead (202, a revision), without
                a note: the reviewer who approves it writes it.
     """

    statement: int
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
    correction_note: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.quote_request import QuoteRequest # noqa: PLC0415
        statement = self.statement

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

        correction_note = self.correction_note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "statement": statement,
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
        if correction_note is not UNSET:
            field_dict["correction_note"] = correction_note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_request import QuoteRequest # noqa: PLC0415
        d = dict(src_dict)
        statement = d.pop("statement")

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


        correction_note = d.pop("correction_note", UNSET)

        attribution_request = cls(
            statement=statement,
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
            correction_note=correction_note,
        )

        return attribution_request

