from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relation_kind_enum import RelationKindEnum
from ..types import UNSET, Unset






T = TypeVar("T", bound="RelationRequest")



@_attrs_define
class RelationRequest:
    """ How one statement bears on another: `from_statement` denies, contradicts, supports,
    updates, responds to or makes the same claim as `to_statement`, with a note saying
    why.

    Any other field is refused (400), except `id`, `created_at`, `updated_at`: read-only, they may be sent back as read
    and are ignored.

        Attributes:
            from_statement (int):
            to_statement (int):
            kind (RelationKindEnum): * `denies` - Denies
                * `contradicts` - Contradicts
                * `supports` - Supports
                * `updates` - Updates
                * `responds_to` - Responds to
                * `same_claim` - Same claim
            note (str | Unset):
     """

    from_statement: int
    to_statement: int
    kind: RelationKindEnum
    note: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from_statement = self.from_statement

        to_statement = self.to_statement

        kind = self.kind.value

        note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "from_statement": from_statement,
            "to_statement": to_statement,
            "kind": kind,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_statement = d.pop("from_statement")

        to_statement = d.pop("to_statement")

        kind = RelationKindEnum(d.pop("kind"))




        note = d.pop("note", UNSET)

        relation_request = cls(
            from_statement=from_statement,
            to_statement=to_statement,
            kind=kind,
            note=note,
        )

        return relation_request

