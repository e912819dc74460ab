from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.speaker_kind_enum import SpeakerKindEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SpeakerRequest")



@_attrs_define
class SpeakerRequest:
    """ Who makes statements: a person, an organization, a government or a group, or an
    unnamed speaker that a source does not identify ("analysts", "a senior US official").
    The speakers list (`q`) and the statement search find a speaker by its name or any of
    its aliases.

    Any other field is refused (400), except `id`, `created_at`, `updated_at`: read-only, they may be sent back as read
    and are ignored.

        Attributes:
            name (str):
            kind (SpeakerKindEnum): * `person` - Person
                * `organization` - Organization
                * `government` - Government
                * `group` - Group
                * `unnamed` - Unnamed
            aliases (list[str] | Unset): Other spellings of the name: "Zelensky", "Zelenskiy".
            description (str | Unset):
            country (str | Unset): ISO 3166-1 alpha-2 code, e.g. KR.
            wikidata_id (None | str | Unset): Wikidata item id, e.g. "Q6279".
     """

    name: str
    kind: SpeakerKindEnum
    aliases: list[str] | Unset = UNSET
    description: str | Unset = UNSET
    country: str | Unset = UNSET
    wikidata_id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases



        description = self.description

        country = self.country

        wikidata_id: None | str | Unset
        if isinstance(self.wikidata_id, Unset):
            wikidata_id = UNSET
        else:
            wikidata_id = self.wikidata_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "kind": kind,
        })
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if description is not UNSET:
            field_dict["description"] = description
        if country is not UNSET:
            field_dict["country"] = country
        if wikidata_id is not UNSET:
            field_dict["wikidata_id"] = wikidata_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = SpeakerKindEnum(d.pop("kind"))




        aliases = cast(list[str], d.pop("aliases", UNSET))


        description = d.pop("description", UNSET)

        country = d.pop("country", UNSET)

        def _parse_wikidata_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wikidata_id = _parse_wikidata_id(d.pop("wikidata_id", UNSET))


        speaker_request = cls(
            name=name,
            kind=kind,
            aliases=aliases,
            description=description,
            country=country,
            wikidata_id=wikidata_id,
        )

        return speaker_request

