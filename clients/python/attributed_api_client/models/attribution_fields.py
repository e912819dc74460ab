from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attribution_mode_enum import AttributionModeEnum
from ..models.speech_act_enum import SpeechActEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.membership_summary import MembershipSummary
  from ..models.quote import Quote
  from ..models.source_summary import SourceSummary
  from ..models.speaker_summary import SpeakerSummary





T = TypeVar("T", bound="AttributionFields")



@_attrs_define
class AttributionFields:
    """ An attribution as it appears inside a statement: who made the statement (and for
    whom), which source reports it, and how. Read and written with the statement, which it
    therefore does not name.

        Attributes:
            id (int):
            speaker (SpeakerSummary): A speaker as shown inside another resource: its id, name and kind. The speaker
                itself (`GET /speakers/{id}/`) has the rest.
            source (SourceSummary): A source as shown inside an attribution: what it takes to cite it (title, publisher,
                kind, URL, date) and whether it has been corrected or retracted since. The source itself
                (`GET /sources/{id}/`) has the body and the rest.
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
            verb (str): The reporting verb: "claims", "warned", "denied".
            speaker_role (str): The role at the time: "US defence secretary".
            role_at_the_time (MembershipSummary | None): The speaker's membership that held on `stated_on`, else on the day
                the source was published (set by the server from the speaker's memberships; null when none held or the day is
                unknown). When several held, the latest start wins. Beside `speaker_role`, the role as the source printed it.
            on_behalf_of (None | SpeakerSummary): The speaker represented: Kirby speaks for the US government.
            occasion (str):
            stated_on (datetime.date | None):
            quote (None | Quote):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: int
    speaker: SpeakerSummary
    source: SourceSummary
    mode: AttributionModeEnum
    speech_act: SpeechActEnum
    verb: str
    speaker_role: str
    role_at_the_time: MembershipSummary | None
    on_behalf_of: None | SpeakerSummary
    occasion: str
    stated_on: datetime.date | None
    quote: None | Quote
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.membership_summary import MembershipSummary # noqa: PLC0415
        from ..models.quote import Quote # noqa: PLC0415
        from ..models.source_summary import SourceSummary # noqa: PLC0415
        from ..models.speaker_summary import SpeakerSummary # noqa: PLC0415
        id = self.id

        speaker = self.speaker.to_dict()

        source = self.source.to_dict()

        mode = self.mode.value

        speech_act = self.speech_act.value

        verb = self.verb

        speaker_role = self.speaker_role

        role_at_the_time: dict[str, Any] | None
        if isinstance(self.role_at_the_time, MembershipSummary):
            role_at_the_time = self.role_at_the_time.to_dict()
        else:
            role_at_the_time = self.role_at_the_time

        on_behalf_of: dict[str, Any] | None
        if isinstance(self.on_behalf_of, SpeakerSummary):
            on_behalf_of = self.on_behalf_of.to_dict()
        else:
            on_behalf_of = self.on_behalf_of

        occasion = self.occasion

        stated_on: None | str
        if isinstance(self.stated_on, datetime.date):
            stated_on = self.stated_on.isoformat()
        else:
            stated_on = self.stated_on

        quote: dict[str, Any] | None
        if isinstance(self.quote, Quote):
            quote = self.quote.to_dict()
        else:
            quote = self.quote

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "speaker": speaker,
            "source": source,
            "mode": mode,
            "speech_act": speech_act,
            "verb": verb,
            "speaker_role": speaker_role,
            "role_at_the_time": role_at_the_time,
            "on_behalf_of": on_behalf_of,
            "occasion": occasion,
            "stated_on": stated_on,
            "quote": quote,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.membership_summary import MembershipSummary # noqa: PLC0415
        from ..models.quote import Quote # noqa: PLC0415
        from ..models.source_summary import SourceSummary # noqa: PLC0415
        from ..models.speaker_summary import SpeakerSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        speaker = SpeakerSummary.from_dict(d.pop("speaker"))




        source = SourceSummary.from_dict(d.pop("source"))




        mode = AttributionModeEnum(d.pop("mode"))




        speech_act = SpeechActEnum(d.pop("speech_act"))




        verb = d.pop("verb")

        speaker_role = d.pop("speaker_role")

        def _parse_role_at_the_time(data: object) -> MembershipSummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                role_at_the_time_type_1 = MembershipSummary.from_dict(data)



                return role_at_the_time_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MembershipSummary | None, data)

        role_at_the_time = _parse_role_at_the_time(d.pop("role_at_the_time"))


        def _parse_on_behalf_of(data: object) -> None | SpeakerSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                on_behalf_of_type_1 = SpeakerSummary.from_dict(data)



                return on_behalf_of_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SpeakerSummary, data)

        on_behalf_of = _parse_on_behalf_of(d.pop("on_behalf_of"))


        occasion = d.pop("occasion")

        def _parse_stated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stated_on_type_0 = datetime.date.fromisoformat(data)



                return stated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        stated_on = _parse_stated_on(d.pop("stated_on"))


        def _parse_quote(data: object) -> None | Quote:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quote_type_1 = Quote.from_dict(data)



                return quote_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Quote, data)

        quote = _parse_quote(d.pop("quote"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        attribution_fields = cls(
            id=id,
            speaker=speaker,
            source=source,
            mode=mode,
            speech_act=speech_act,
            verb=verb,
            speaker_role=speaker_role,
            role_at_the_time=role_at_the_time,
            on_behalf_of=on_behalf_of,
            occasion=occasion,
            stated_on=stated_on,
            quote=quote,
            created_at=created_at,
            updated_at=updated_at,
        )


        attribution_fields.additional_properties = d
        return attribution_fields

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
