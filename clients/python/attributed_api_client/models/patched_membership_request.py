from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PatchedMembershipRequest")



@_attrs_define
class PatchedMembershipRequest:
    """ A person's membership of an organization, a government or a group, in a role, over
    a period (Popolo). `start` and `end` are partial dates: a year (`2021`), a month
    (`2021-01`) or a day (`2021-01-22`); blank when unknown (an end left blank: still a
    member). An attribution's `role_at_the_time` is the membership of its speaker that held
    on its day.

    Only the fields sent change; the others keep their values. Any other field is refused (400), except `id`,
    `created_at`, `updated_at`: read-only, they may be sent back as read and are ignored.

        Attributes:
            person (int | Unset): The member: a speaker of kind `person`.
            organization (int | Unset): A speaker of kind `organization`, `government` or `group`.
            role (str | Unset): "US Secretary of Defense".
            start (str | Unset): A year, a month or a day: "2021", "2021-01", "2021-01-22"; blank: unknown.
            end (str | Unset): As start; blank: still a member (or unknown).
            source (int | None | Unset): The source that says so.
     """

    person: int | Unset = UNSET
    organization: int | Unset = UNSET
    role: str | Unset = UNSET
    start: str | Unset = UNSET
    end: str | Unset = UNSET
    source: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        person = self.person

        organization = self.organization

        role = self.role

        start = self.start

        end = self.end

        source: int | None | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if person is not UNSET:
            field_dict["person"] = person
        if organization is not UNSET:
            field_dict["organization"] = organization
        if role is not UNSET:
            field_dict["role"] = role
        if start is not UNSET:
            field_dict["start"] = start
        if end is not UNSET:
            field_dict["end"] = end
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person = d.pop("person", UNSET)

        organization = d.pop("organization", UNSET)

        role = d.pop("role", UNSET)

        start = d.pop("start", UNSET)

        end = d.pop("end", UNSET)

        def _parse_source(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        source = _parse_source(d.pop("source", UNSET))


        patched_membership_request = cls(
            person=person,
            organization=organization,
            role=role,
            start=start,
            end=end,
            source=source,
        )

        return patched_membership_request

