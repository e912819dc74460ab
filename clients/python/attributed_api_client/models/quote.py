from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.anchor_status_enum import AnchorStatusEnum
from typing import cast






T = TypeVar("T", bound="Quote")



@_attrs_define
class Quote:
    """ Where the statement stands in the source's body: a W3C TextQuoteSelector (exact,
    prefix, suffix) and the TextPositionSelector (start, end) that the server fills, with
    the anchor's status (re-verified whenever the source's body changes).

        Attributes:
            exact (str): The exact text, as in the body.
            prefix (str): Text just before the quote, to pick one of several occurrences.
            suffix (str): Text just after the quote, to pick one of several occurrences.
            start (int | None): Offset of the first character in the body (filled by the server).
            end (int | None): Offset just past the last character in the body (filled by the server).
            status (AnchorStatusEnum): * `anchored` - Anchored
                * `reanchored` - Re-anchored
                * `orphaned` - Orphaned
                * `unanchored` - Unanchored
            body_sha256 (str): SHA-256 of the body the quote was last found in (set by the server): the source's
                `body_sha256` unless the quote is orphaned; empty when unanchored.
     """

    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    status: AnchorStatusEnum
    body_sha256: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        exact = self.exact

        prefix = self.prefix

        suffix = self.suffix

        start: int | None
        start = self.start

        end: int | None
        end = self.end

        status = self.status.value

        body_sha256 = self.body_sha256


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "exact": exact,
            "prefix": prefix,
            "suffix": suffix,
            "start": start,
            "end": end,
            "status": status,
            "body_sha256": body_sha256,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exact = d.pop("exact")

        prefix = d.pop("prefix")

        suffix = d.pop("suffix")

        def _parse_start(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        start = _parse_start(d.pop("start"))


        def _parse_end(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        end = _parse_end(d.pop("end"))


        status = AnchorStatusEnum(d.pop("status"))




        body_sha256 = d.pop("body_sha256")

        quote = cls(
            exact=exact,
            prefix=prefix,
            suffix=suffix,
            start=start,
            end=end,
            status=status,
            body_sha256=body_sha256,
        )


        quote.additional_properties = d
        return quote

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
