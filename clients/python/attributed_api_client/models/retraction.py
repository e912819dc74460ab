from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Retraction")



@_attrs_define
class Retraction:
    """ When and why a statement was retracted.

        Attributes:
            statement (int): The retracted statement's id.
            reason (str): Why it was retracted.
            retracted_at (datetime.datetime): When it was retracted.
     """

    statement: int
    reason: str
    retracted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        statement = self.statement

        reason = self.reason

        retracted_at = self.retracted_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "statement": statement,
            "reason": reason,
            "retracted_at": retracted_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        statement = d.pop("statement")

        reason = d.pop("reason")

        retracted_at = datetime.datetime.fromisoformat(d.pop("retracted_at"))




        retraction = cls(
            statement=statement,
            reason=reason,
            retracted_at=retracted_at,
        )


        retraction.additional_properties = d
        return retraction

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
