from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="JSONLDDocument")



@_attrs_define
class JSONLDDocument:
    """ The resource as JSON-LD, in the terms of the context document it names (`@context`: `GET /api/v1/context.jsonld`): a
    statement is a schema.org `Claim`, a speaker a `Person` or an `Organization`, a source a `CreativeWork`, an
    attribution an `Attribution` (also a `Quotation` when a direct quote) whose quote is a W3C Web Annotation; a page is
    an `ItemList`. Each node's `@id` is its API URL and its `@type` its class (unless `fields` leaves out the `id` or
    the `kind` they come from). The README's JSON-LD section shows one.

        Attributes:
            context (str):
     """

    context: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        context = self.context


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "@context": context,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        context = d.pop("@context")

        jsonld_document = cls(
            context=context,
        )


        jsonld_document.additional_properties = d
        return jsonld_document

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
