from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SuggestedQuote")



@_attrs_define
class SuggestedQuote:
    """ Where the passage stands in the source's body, as an attribution's ``quote``: a W3C
    TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end).

        Attributes:
            exact (str): The passage, as in the body.
            prefix (str): Text just before it, when it repeats.
            suffix (str): Text just after it, when it repeats.
            start (int): Offset of its first character in the body.
            end (int): Offset just past its last character.
     """

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        exact = self.exact

        prefix = self.prefix

        suffix = self.suffix

        start = self.start

        end = self.end


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "exact": exact,
            "prefix": prefix,
            "suffix": suffix,
            "start": start,
            "end": end,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exact = d.pop("exact")

        prefix = d.pop("prefix")

        suffix = d.pop("suffix")

        start = d.pop("start")

        end = d.pop("end")

        suggested_quote = cls(
            exact=exact,
            prefix=prefix,
            suffix=suffix,
            start=start,
            end=end,
        )


        suggested_quote.additional_properties = d
        return suggested_quote

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
