from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relation_kind_enum import RelationKindEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.statement_summary import StatementSummary





T = TypeVar("T", bound="StatementRelation")



@_attrs_define
class StatementRelation:
    """ A relation as shown on either of its statements: its kind, the two statements in
    summary and the note.

        Attributes:
            id (int):
            kind (RelationKindEnum): * `denies` - Denies
                * `contradicts` - Contradicts
                * `supports` - Supports
                * `updates` - Updates
                * `responds_to` - Responds to
                * `same_claim` - Same claim
            from_statement (StatementSummary): A statement as shown inside a relation: its id, text and status.
            to_statement (StatementSummary): A statement as shown inside a relation: its id, text and status.
            note (str):
     """

    id: int
    kind: RelationKindEnum
    from_statement: StatementSummary
    to_statement: StatementSummary
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.statement_summary import StatementSummary # noqa: PLC0415
        id = self.id

        kind = self.kind.value

        from_statement = self.from_statement.to_dict()

        to_statement = self.to_statement.to_dict()

        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "kind": kind,
            "from_statement": from_statement,
            "to_statement": to_statement,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statement_summary import StatementSummary # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        kind = RelationKindEnum(d.pop("kind"))




        from_statement = StatementSummary.from_dict(d.pop("from_statement"))




        to_statement = StatementSummary.from_dict(d.pop("to_statement"))




        note = d.pop("note")

        statement_relation = cls(
            id=id,
            kind=kind,
            from_statement=from_statement,
            to_statement=to_statement,
            note=note,
        )


        statement_relation.additional_properties = d
        return statement_relation

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
