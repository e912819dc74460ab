from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.speaker_kind_enum import SpeakerKindEnum
from typing import cast
import datetime






T = TypeVar("T", bound="Speaker")



@_attrs_define
class Speaker:
    """ Who makes statements: a person, an organization, a government or a group, or an
    unnamed speaker that a source does not identify ("analysts", "a senior US official").
    The speakers list (`q`) and the statement search find a speaker by its name or any of
    its aliases.

        Attributes:
            id (int):
            name (str):
            kind (SpeakerKindEnum): * `person` - Person
                * `organization` - Organization
                * `government` - Government
                * `group` - Group
                * `unnamed` - Unnamed
            aliases (list[str]): Other spellings of the name: "Zelensky", "Zelenskiy".
            description (str):
            country (str): ISO 3166-1 alpha-2 code, e.g. KR.
            wikidata_id (None | str): Wikidata item id, e.g. "Q6279".
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: int
    name: str
    kind: SpeakerKindEnum
    aliases: list[str]
    description: str
    country: str
    wikidata_id: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        kind = self.kind.value

        aliases = self.aliases



        description = self.description

        country = self.country

        wikidata_id: None | str
        wikidata_id = self.wikidata_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "kind": kind,
            "aliases": aliases,
            "description": description,
            "country": country,
            "wikidata_id": wikidata_id,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        kind = SpeakerKindEnum(d.pop("kind"))




        aliases = cast(list[str], d.pop("aliases"))


        description = d.pop("description")

        country = d.pop("country")

        def _parse_wikidata_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        wikidata_id = _parse_wikidata_id(d.pop("wikidata_id"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        speaker = cls(
            id=id,
            name=name,
            kind=kind,
            aliases=aliases,
            description=description,
            country=country,
            wikidata_id=wikidata_id,
            created_at=created_at,
            updated_at=updated_at,
        )


        speaker.additional_properties = d
        return speaker

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
