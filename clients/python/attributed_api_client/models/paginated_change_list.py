from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.change import Change





T = TypeVar("T", bound="PaginatedChangeList")



@_attrs_define
class PaginatedChangeList:
    """ A page of the change feed, oldest change first.

        Attributes:
            cursor (None | str): Where the next read starts: send it back as `after`. Opaque: keep it as given. Null only
                while the feed has nothing for you. Example: MTIzNDU2Ljk4.
            next_ (None | str): The next page while this one was full; null once you have caught up.
            results (list[Change]):
     """

    cursor: None | str
    next_: None | str
    results: list[Change]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.change import Change # noqa: PLC0415
        cursor: None | str
        cursor = self.cursor

        next_: None | str
        next_ = self.next_

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cursor": cursor,
            "next": next_,
            "results": results,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change import Change # noqa: PLC0415
        d = dict(src_dict)
        def _parse_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cursor = _parse_cursor(d.pop("cursor"))


        def _parse_next_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_ = _parse_next_(d.pop("next"))


        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = Change.from_dict(results_item_data)



            results.append(results_item)


        paginated_change_list = cls(
            cursor=cursor,
            next_=next_,
            results=results,
        )


        paginated_change_list.additional_properties = d
        return paginated_change_list

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
