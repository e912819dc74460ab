from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.speaker_kind_enum import SpeakerKindEnum






T = TypeVar("T", bound="SpeakerSummary")



@_attrs_define
class SpeakerSummary:
    """ A speaker as shown inside another resource: its id, name and kind. The speaker
    itself (`GET /speakers/{id}/`) has the rest.

        Attributes:
            id (int):
            name (str):
            kind (SpeakerKindEnum): * `person` - Person
                * `organization` - Organization
                * `government` - Government
                * `group` - Group
                * `unnamed` - Unnamed
     """

    id: int
    name: str
    kind: SpeakerKindEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        kind = self.kind.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "kind": kind,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        kind = SpeakerKindEnum(d.pop("kind"))




        speaker_summary = cls(
            id=id,
            name=name,
            kind=kind,
        )


        speaker_summary.additional_properties = d
        return speaker_summary

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
