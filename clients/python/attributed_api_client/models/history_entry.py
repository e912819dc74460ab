from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.action_enum import ActionEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.field_change import FieldChange
  from ..models.history_user import HistoryUser





T = TypeVar("T", bound="HistoryEntry")



@_attrs_define
class HistoryEntry:
    """ One version of an object: who made it, when, and which fields changed.

        Attributes:
            id (int): Id of this version.
            date (datetime.datetime):
            action (ActionEnum): * `created` - created
                * `changed` - changed
                * `deleted` - deleted
            user (HistoryUser | None): Who made the change.
            reason (None | str): Why, when a reason was given.
            changes (list[FieldChange]):
     """

    id: int
    date: datetime.datetime
    action: ActionEnum
    user: HistoryUser | None
    reason: None | str
    changes: list[FieldChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.field_change import FieldChange # noqa: PLC0415
        from ..models.history_user import HistoryUser # noqa: PLC0415
        id = self.id

        date = self.date.isoformat()

        action = self.action.value

        user: dict[str, Any] | None
        if isinstance(self.user, HistoryUser):
            user = self.user.to_dict()
        else:
            user = self.user

        reason: None | str
        reason = self.reason

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "date": date,
            "action": action,
            "user": user,
            "reason": reason,
            "changes": changes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_change import FieldChange # noqa: PLC0415
        from ..models.history_user import HistoryUser # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        date = datetime.datetime.fromisoformat(d.pop("date"))




        action = ActionEnum(d.pop("action"))




        def _parse_user(data: object) -> HistoryUser | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_1 = HistoryUser.from_dict(data)



                return user_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryUser | None, data)

        user = _parse_user(d.pop("user"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        changes = []
        _changes = d.pop("changes")
        for changes_item_data in (_changes):
            changes_item = FieldChange.from_dict(changes_item_data)



            changes.append(changes_item)


        history_entry = cls(
            id=id,
            date=date,
            action=action,
            user=user,
            reason=reason,
            changes=changes,
        )


        history_entry.additional_properties = d
        return history_entry

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
