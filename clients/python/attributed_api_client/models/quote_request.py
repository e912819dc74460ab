from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="QuoteRequest")



@_attrs_define
class QuoteRequest:
    """ Where the statement stands in the source's body: a W3C TextQuoteSelector (exact,
    prefix, suffix) and the TextPositionSelector (start, end) that the server fills, with
    the anchor's status (re-verified whenever the source's body changes).

    Any other field is refused (400), except `start`, `end`, `status`, `body_sha256`: read-only, they may be sent back
    as read and are ignored.

        Attributes:
            exact (str): The exact text, as in the body.
            prefix (str | Unset): Text just before the quote, to pick one of several occurrences.
            suffix (str | Unset): Text just after the quote, to pick one of several occurrences.
     """

    exact: str
    prefix: str | Unset = UNSET
    suffix: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        exact = self.exact

        prefix = self.prefix

        suffix = self.suffix


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "exact": exact,
        })
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if suffix is not UNSET:
            field_dict["suffix"] = suffix

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exact = d.pop("exact")

        prefix = d.pop("prefix", UNSET)

        suffix = d.pop("suffix", UNSET)

        quote_request = cls(
            exact=exact,
            prefix=prefix,
            suffix=suffix,
        )

        return quote_request

