from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relation_kind_enum import RelationKindEnum
from typing import cast
import datetime






T = TypeVar("T", bound="Relation")



@_attrs_define
class Relation:
    """ How one statement bears on another: `from_statement` denies, contradicts, supports,
    updates, responds to or makes the same claim as `to_statement`, with a note saying
    why.

        Attributes:
            id (int):
            from_statement (int):
            to_statement (int):
            kind (RelationKindEnum): * `denies` - Denies
                * `contradicts` - Contradicts
                * `supports` - Supports
                * `updates` - Updates
                * `responds_to` - Responds to
                * `same_claim` - Same claim
            note (str):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: int
    from_statement: int
    to_statement: int
    kind: RelationKindEnum
    note: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        from_statement = self.from_statement

        to_statement = self.to_statement

        kind = self.kind.value

        note = self.note

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "from_statement": from_statement,
            "to_statement": to_statement,
            "kind": kind,
            "note": note,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        from_statement = d.pop("from_statement")

        to_statement = d.pop("to_statement")

        kind = RelationKindEnum(d.pop("kind"))




        note = d.pop("note")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        relation = cls(
            id=id,
            from_statement=from_statement,
            to_statement=to_statement,
            kind=kind,
            note=note,
            created_at=created_at,
            updated_at=updated_at,
        )


        relation.additional_properties = d
        return relation

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
