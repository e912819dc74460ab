from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_kind_enum import ChangeKindEnum
from ..models.change_object_enum import ChangeObjectEnum
from typing import cast
import datetime






T = TypeVar("T", bound="Change")



@_attrs_define
class Change:
    """ One change of the feed: what changed (a statement, a speaker or a source), how and
    when. Its representation is not in it: read it at ``url`` (a retracted statement
    answers 410 with the reason, a deleted object 404).

        Attributes:
            kind (ChangeKindEnum): * `created` - Created
                * `updated` - Updated
                * `published` - Published
                * `corrected` - Corrected
                * `retracted` - Retracted
                * `deleted` - Deleted
            object_ (ChangeObjectEnum): * `statement` - Statement
                * `speaker` - Speaker
                * `source` - Source
                * `membership` - Membership
            id (int): The changed object's id.
            at (datetime.datetime): When the change was made (UTC).
            note (str): A retraction's reason, a correction's note; empty for the other kinds.
            url (str): Where the object is read (GET).
     """

    kind: ChangeKindEnum
    object_: ChangeObjectEnum
    id: int
    at: datetime.datetime
    note: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        object_ = self.object_.value

        id = self.id

        at = self.at.isoformat()

        note = self.note

        url = self.url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "object": object_,
            "id": id,
            "at": at,
            "note": note,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ChangeKindEnum(d.pop("kind"))




        object_ = ChangeObjectEnum(d.pop("object"))




        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        note = d.pop("note")

        url = d.pop("url")

        change = cls(
            kind=kind,
            object_=object_,
            id=id,
            at=at,
            note=note,
            url=url,
        )


        change.additional_properties = d
        return change

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
