from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.statement_summary import StatementSummary





T = TypeVar("T", bound="ClaimCandidate")



@_attrs_define
class ClaimCandidate:
    """ A statement that may make the same claim, and how alike the two texts are.

        Attributes:
            statement (StatementSummary): A statement as shown inside a relation: its id, text and status.
            score (float): From 0 to 1; proposed from the threshold up.
     """

    statement: StatementSummary
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.statement_summary import StatementSummary # noqa: PLC0415
        statement = self.statement.to_dict()

        score = self.score


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "statement": statement,
            "score": score,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statement_summary import StatementSummary # noqa: PLC0415
        d = dict(src_dict)
        statement = StatementSummary.from_dict(d.pop("statement"))




        score = d.pop("score")

        claim_candidate = cls(
            statement=statement,
            score=score,
        )


        claim_candidate.additional_properties = d
        return claim_candidate

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
