from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.relation_kind_enum import RelationKindEnum
from typing import cast

if TYPE_CHECKING:
  from ..models.claim_statement import ClaimStatement
  from ..models.statement_summary import StatementSummary





T = TypeVar("T", bound="ClaimResponse")



@_attrs_define
class ClaimResponse:
    """ A statement that denies, contradicts, supports or updates one of the claim's.

        Attributes:
            relation (int): The relation's id.
            kind (RelationKindEnum): * `denies` - Denies
                * `contradicts` - Contradicts
                * `supports` - Supports
                * `updates` - Updates
                * `responds_to` - Responds to
                * `same_claim` - Same claim
            note (str):
            target (StatementSummary): A statement as shown inside a relation: its id, text and status.
            statement (ClaimStatement): A statement of the claim (or a response to it), with its attributions.
     """

    relation: int
    kind: RelationKindEnum
    note: str
    target: StatementSummary
    statement: ClaimStatement
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.claim_statement import ClaimStatement # noqa: PLC0415
        from ..models.statement_summary import StatementSummary # noqa: PLC0415
        relation = self.relation

        kind = self.kind.value

        note = self.note

        target = self.target.to_dict()

        statement = self.statement.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "relation": relation,
            "kind": kind,
            "note": note,
            "target": target,
            "statement": statement,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_statement import ClaimStatement # noqa: PLC0415
        from ..models.statement_summary import StatementSummary # noqa: PLC0415
        d = dict(src_dict)
        relation = d.pop("relation")

        kind = RelationKindEnum(d.pop("kind"))




        note = d.pop("note")

        target = StatementSummary.from_dict(d.pop("target"))




        statement = ClaimStatement.from_dict(d.pop("statement"))




        claim_response = cls(
            relation=relation,
            kind=kind,
            note=note,
            target=target,
            statement=statement,
        )


        claim_response.additional_properties = d
        return claim_response

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
