from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.revision_status_enum import RevisionStatusEnum
from typing import cast
import datetime






T = TypeVar("T", bound="Revision")



@_attrs_define
class Revision:
    """ An editor's change to a published statement, waiting for a reviewer (`pending`),
    applied (`approved`, with the public note of its correction) or refused (`rejected`,
    with the reason). `proposed` is the change as `PATCH statements/{id}/` takes it, the
    fields given only; `base_version` the statement's version it was made on (its latest
    change in the feed): once the statement changes otherwise, the revision is stale and
    cannot be approved (409).

        Attributes:
            id (int):
            statement (int):
            status (RevisionStatusEnum): * `pending` - Pending
                * `approved` - Approved
                * `rejected` - Rejected
            proposed (Any): The change, as `PATCH statements/{id}/` takes it.
            base_version (int):
            proposed_by (str): The editor who proposed it.
            proposed_at (datetime.datetime):
            decided_by (None | str): The reviewer who approved or rejected it.
            decided_at (datetime.datetime | None):
            note (None | str): The public note of the correction it became (approved), else null.
            rejection_reason (str):
     """

    id: int
    statement: int
    status: RevisionStatusEnum
    proposed: Any
    base_version: int
    proposed_by: str
    proposed_at: datetime.datetime
    decided_by: None | str
    decided_at: datetime.datetime | None
    note: None | str
    rejection_reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        statement = self.statement

        status = self.status.value

        proposed = self.proposed

        base_version = self.base_version

        proposed_by = self.proposed_by

        proposed_at = self.proposed_at.isoformat()

        decided_by: None | str
        decided_by = self.decided_by

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        note: None | str
        note = self.note

        rejection_reason = self.rejection_reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "statement": statement,
            "status": status,
            "proposed": proposed,
            "base_version": base_version,
            "proposed_by": proposed_by,
            "proposed_at": proposed_at,
            "decided_by": decided_by,
            "decided_at": decided_at,
            "note": note,
            "rejection_reason": rejection_reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        statement = d.pop("statement")

        status = RevisionStatusEnum(d.pop("status"))




        proposed = d.pop("proposed")

        base_version = d.pop("base_version")

        proposed_by = d.pop("proposed_by")

        proposed_at = datetime.datetime.fromisoformat(d.pop("proposed_at"))




        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))


        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        rejection_reason = d.pop("rejection_reason")

        revision = cls(
            id=id,
            statement=statement,
            status=status,
            proposed=proposed,
            base_version=base_version,
            proposed_by=proposed_by,
            proposed_at=proposed_at,
            decided_by=decided_by,
            decided_at=decided_at,
            note=note,
            rejection_reason=rejection_reason,
        )


        revision.additional_properties = d
        return revision

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
