from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reasons_enum import ReasonsEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.speaker_summary import SpeakerSummary





T = TypeVar("T", bound="DuplicatePair")



@_attrs_define
class DuplicatePair:
    """ Two speakers that may be one: `same_name`, a name or alias of one is (ignoring
    case, accents, punctuation and initials) a name or alias of the other; `similar_name`,
    their names are spelt alike (trigram similarity). `score` from 0 to 1, best first.

        Attributes:
            speaker (SpeakerSummary): A speaker as shown inside another resource: its id, name and kind. The speaker
                itself (`GET /speakers/{id}/`) has the rest.
            duplicate (SpeakerSummary): A speaker as shown inside another resource: its id, name and kind. The speaker
                itself (`GET /speakers/{id}/`) has the rest.
            score (float):
            reasons (list[ReasonsEnum]):
     """

    speaker: SpeakerSummary
    duplicate: SpeakerSummary
    score: float
    reasons: list[ReasonsEnum]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.speaker_summary import SpeakerSummary # noqa: PLC0415
        speaker = self.speaker.to_dict()

        duplicate = self.duplicate.to_dict()

        score = self.score

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.value
            reasons.append(reasons_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "speaker": speaker,
            "duplicate": duplicate,
            "score": score,
            "reasons": reasons,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.speaker_summary import SpeakerSummary # noqa: PLC0415
        d = dict(src_dict)
        speaker = SpeakerSummary.from_dict(d.pop("speaker"))




        duplicate = SpeakerSummary.from_dict(d.pop("duplicate"))




        score = d.pop("score")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = ReasonsEnum(reasons_item_data)



            reasons.append(reasons_item)


        duplicate_pair = cls(
            speaker=speaker,
            duplicate=duplicate,
            score=score,
            reasons=reasons,
        )


        duplicate_pair.additional_properties = d
        return duplicate_pair

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
