from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.statement_status_enum import StatementStatusEnum






T = TypeVar("T", bound="StatementSummary")



@_attrs_define
class StatementSummary:
    """ A statement as shown inside a relation: its id, text and status.

        Attributes:
            id (int):
            text (str): Verbatim for a quote, otherwise a neutral paraphrase.
            status (StatementStatusEnum): * `draft` - Draft
                * `published` - Published
                * `retracted` - Retracted
     """

    id: int
    text: str
    status: StatementStatusEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        text = self.text

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "text": text,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        status = StatementStatusEnum(d.pop("status"))




        statement_summary = cls(
            id=id,
            text=text,
            status=status,
        )


        statement_summary.additional_properties = d
        return statement_summary

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
