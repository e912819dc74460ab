from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.publisher_facet import PublisherFacet
  from ..models.speaker_facet import SpeakerFacet
  from ..models.speech_act_facet import SpeechActFacet
  from ..models.year_facet import YearFacet





T = TypeVar("T", bound="Facets")



@_attrs_define
class Facets:
    """ How the statements found divide by speaker, speech act, publisher and year: each
    value with its count, to narrow the search with the matching filter.

        Attributes:
            speakers (list[SpeakerFacet]): Most frequent first, at most 20.
            speech_acts (list[SpeechActFacet]): Most frequent first.
            publishers (list[PublisherFacet]): Most frequent first, at most 20.
            years (list[YearFacet]): Latest first, at most 20.
     """

    speakers: list[SpeakerFacet]
    speech_acts: list[SpeechActFacet]
    publishers: list[PublisherFacet]
    years: list[YearFacet]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.publisher_facet import PublisherFacet # noqa: PLC0415
        from ..models.speaker_facet import SpeakerFacet # noqa: PLC0415
        from ..models.speech_act_facet import SpeechActFacet # noqa: PLC0415
        from ..models.year_facet import YearFacet # noqa: PLC0415
        speakers = []
        for speakers_item_data in self.speakers:
            speakers_item = speakers_item_data.to_dict()
            speakers.append(speakers_item)



        speech_acts = []
        for speech_acts_item_data in self.speech_acts:
            speech_acts_item = speech_acts_item_data.to_dict()
            speech_acts.append(speech_acts_item)



        publishers = []
        for publishers_item_data in self.publishers:
            publishers_item = publishers_item_data.to_dict()
            publishers.append(publishers_item)



        years = []
        for years_item_data in self.years:
            years_item = years_item_data.to_dict()
            years.append(years_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "speakers": speakers,
            "speech_acts": speech_acts,
            "publishers": publishers,
            "years": years,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.publisher_facet import PublisherFacet # noqa: PLC0415
        from ..models.speaker_facet import SpeakerFacet # noqa: PLC0415
        from ..models.speech_act_facet import SpeechActFacet # noqa: PLC0415
        from ..models.year_facet import YearFacet # noqa: PLC0415
        d = dict(src_dict)
        speakers = []
        _speakers = d.pop("speakers")
        for speakers_item_data in (_speakers):
            speakers_item = SpeakerFacet.from_dict(speakers_item_data)



            speakers.append(speakers_item)


        speech_acts = []
        _speech_acts = d.pop("speech_acts")
        for speech_acts_item_data in (_speech_acts):
            speech_acts_item = SpeechActFacet.from_dict(speech_acts_item_data)



            speech_acts.append(speech_acts_item)


        publishers = []
        _publishers = d.pop("publishers")
        for publishers_item_data in (_publishers):
            publishers_item = PublisherFacet.from_dict(publishers_item_data)



            publishers.append(publishers_item)


        years = []
        _years = d.pop("years")
        for years_item_data in (_years):
            years_item = YearFacet.from_dict(years_item_data)



            years.append(years_item)


        facets = cls(
            speakers=speakers,
            speech_acts=speech_acts,
            publishers=publishers,
            years=years,
        )


        facets.additional_properties = d
        return facets

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
