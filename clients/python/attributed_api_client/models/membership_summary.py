from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="MembershipSummary")



@_attrs_define
class MembershipSummary:
    """ A membership as shown in an attribution: the speaker's role at the time, in which
    organization (by id), from when to when (partial dates). The membership itself
    (`GET /memberships/{id}/`) has the rest.

        Attributes:
            id (int):
            role (str): "US Secretary of Defense".
            organization (int):
            start (str): A year, a month or a day: "2021", "2021-01", "2021-01-22"; blank: unknown.
            end (str): As start; blank: still a member (or unknown).
     """

    id: int
    role: str
    organization: int
    start: str
    end: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        role = self.role

        organization = self.organization

        start = self.start

        end = self.end


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "role": role,
            "organization": organization,
            "start": start,
            "end": end,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        role = d.pop("role")

        organization = d.pop("organization")

        start = d.pop("start")

        end = d.pop("end")

        membership_summary = cls(
            id=id,
            role=role,
            organization=organization,
            start=start,
            end=end,
        )


        membership_summary.additional_properties = d
        return membership_summary

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
