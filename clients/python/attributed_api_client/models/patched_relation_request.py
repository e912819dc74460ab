from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relation_kind_enum import RelationKindEnum
from ..types import UNSET, Unset






T = TypeVar("T", bound="PatchedRelationRequest")



@_attrs_define
class PatchedRelationRequest:
    """ How one statement bears on another: `from_statement` denies, contradicts, supports,
    updates, responds to or makes the same claim as `to_statement`, with a note saying
    why.

    Only the fields sent change; the others keep their values. Any other field is refused (400), except `id`,
    `created_at`, `updated_at`: read-only, they may be sent back as read and are ignored.

        Attributes:
            from_statement (int | Unset):
            to_statement (int | Unset):
            kind (RelationKindEnum | Unset): * `denies` - Denies
                * `contradicts` - Contradicts
                * `supports` - Supports
                * `updates` - Updates
                * `responds_to` - Responds to
                * `same_claim` - Same claim
            note (str | Unset):
     """

    from_statement: int | Unset = UNSET
    to_statement: int | Unset = UNSET
    kind: RelationKindEnum | Unset = UNSET
    note: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from_statement = self.from_statement

        to_statement = self.to_statement

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if from_statement is not UNSET:
            field_dict["from_statement"] = from_statement
        if to_statement is not UNSET:
            field_dict["to_statement"] = to_statement
        if kind is not UNSET:
            field_dict["kind"] = kind
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_statement = d.pop("from_statement", UNSET)

        to_statement = d.pop("to_statement", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: RelationKindEnum | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = RelationKindEnum(_kind)




        note = d.pop("note", UNSET)

        patched_relation_request = cls(
            from_statement=from_statement,
            to_statement=to_statement,
            kind=kind,
            note=note,
        )

        return patched_relation_request

