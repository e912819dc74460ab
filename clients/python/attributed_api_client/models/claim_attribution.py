from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.membership_summary import MembershipSummary
  from ..models.source_summary import SourceSummary
  from ..models.speaker_summary import SpeakerSummary





T = TypeVar("T", bound="ClaimAttribution")



@_attrs_define
class ClaimAttribution:
    """ Who made the statement, in which role, where and when.

        Attributes:
            speaker (SpeakerSummary): A speaker as shown inside another resource: its id, name and kind. The speaker
                itself (`GET /speakers/{id}/`) has the rest.
            speaker_role (str): The speaker's role as the source printed it.
            role_at_the_time (MembershipSummary | None): The speaker's membership that held when it was said (as on an
                attribution).
            on_behalf_of (None | SpeakerSummary):
            verb (str):
            mode (str):
            speech_act (str):
            stated_on (datetime.date | None): When it was said, if known.
            source (SourceSummary): A source as shown inside an attribution: what it takes to cite it (title, publisher,
                kind, URL, date) and whether it has been corrected or retracted since. The source itself
                (`GET /sources/{id}/`) has the body and the rest.
     """

    speaker: SpeakerSummary
    speaker_role: str
    role_at_the_time: MembershipSummary | None
    on_behalf_of: None | SpeakerSummary
    verb: str
    mode: str
    speech_act: str
    stated_on: datetime.date | None
    source: SourceSummary
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.membership_summary import MembershipSummary # noqa: PLC0415
        from ..models.source_summary import SourceSummary # noqa: PLC0415
        from ..models.speaker_summary import SpeakerSummary # noqa: PLC0415
        speaker = self.speaker.to_dict()

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

        verb = self.verb

        mode = self.mode

        speech_act = self.speech_act

        stated_on: None | str
        if isinstance(self.stated_on, datetime.date):
            stated_on = self.stated_on.isoformat()
        else:
            stated_on = self.stated_on

        source = self.source.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "speaker": speaker,
            "speaker_role": speaker_role,
            "role_at_the_time": role_at_the_time,
            "on_behalf_of": on_behalf_of,
            "verb": verb,
            "mode": mode,
            "speech_act": speech_act,
            "stated_on": stated_on,
            "source": source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.membership_summary import MembershipSummary # noqa: PLC0415
        from ..models.source_summary import SourceSummary # noqa: PLC0415
        from ..models.speaker_summary import SpeakerSummary # noqa: PLC0415
        d = dict(src_dict)
        speaker = SpeakerSummary.from_dict(d.pop("speaker"))




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


        verb = d.pop("verb")

        mode = d.pop("mode")

        speech_act = d.pop("speech_act")

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


        source = SourceSummary.from_dict(d.pop("source"))




        claim_attribution = cls(
            speaker=speaker,
            speaker_role=speaker_role,
            role_at_the_time=role_at_the_time,
            on_behalf_of=on_behalf_of,
            verb=verb,
            mode=mode,
            speech_act=speech_act,
            stated_on=stated_on,
            source=source,
        )


        claim_attribution.additional_properties = d
        return claim_attribution

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
