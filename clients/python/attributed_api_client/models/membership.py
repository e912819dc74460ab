from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Membership")



@_attrs_define
class Membership:
    """ A person's membership of an organization, a government or a group, in a role, over
    a period (Popolo). `start` and `end` are partial dates: a year (`2021`), a month
    (`2021-01`) or a day (`2021-01-22`); blank when unknown (an end left blank: still a
    member). An attribution's `role_at_the_time` is the membership of its speaker that held
    on its day.

        Attributes:
            id (int):
            person (int): The member: a speaker of kind `person`.
            organization (int): A speaker of kind `organization`, `government` or `group`.
            role (str): "US Secretary of Defense".
            start (str): A year, a month or a day: "2021", "2021-01", "2021-01-22"; blank: unknown.
            end (str): As start; blank: still a member (or unknown).
            source (int | None): The source that says so.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: int
    person: int
    organization: int
    role: str
    start: str
    end: str
    source: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        person = self.person

        organization = self.organization

        role = self.role

        start = self.start

        end = self.end

        source: int | None
        source = self.source

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "person": person,
            "organization": organization,
            "role": role,
            "start": start,
            "end": end,
            "source": source,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        person = d.pop("person")

        organization = d.pop("organization")

        role = d.pop("role")

        start = d.pop("start")

        end = d.pop("end")

        def _parse_source(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        source = _parse_source(d.pop("source"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        membership = cls(
            id=id,
            person=person,
            organization=organization,
            role=role,
            start=start,
            end=end,
            source=source,
            created_at=created_at,
            updated_at=updated_at,
        )


        membership.additional_properties = d
        return membership

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
