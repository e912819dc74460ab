from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.claim_attribution import ClaimAttribution





T = TypeVar("T", bound="ClaimStatement")



@_attrs_define
class ClaimStatement:
    """ A statement of the claim (or a response to it), with its attributions.

        Attributes:
            id (int):
            url (str): The statement itself.
            text (str):
            language (str):
            status (str):
            first_said (datetime.date | None): Its earliest `stated_on`, else its earliest source's date; null if neither is
                known.
            attributions (list[ClaimAttribution]):
     """

    id: int
    url: str
    text: str
    language: str
    status: str
    first_said: datetime.date | None
    attributions: list[ClaimAttribution]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.claim_attribution import ClaimAttribution # noqa: PLC0415
        id = self.id

        url = self.url

        text = self.text

        language = self.language

        status = self.status

        first_said: None | str
        if isinstance(self.first_said, datetime.date):
            first_said = self.first_said.isoformat()
        else:
            first_said = self.first_said

        attributions = []
        for attributions_item_data in self.attributions:
            attributions_item = attributions_item_data.to_dict()
            attributions.append(attributions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "url": url,
            "text": text,
            "language": language,
            "status": status,
            "first_said": first_said,
            "attributions": attributions,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_attribution import ClaimAttribution # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        text = d.pop("text")

        language = d.pop("language")

        status = d.pop("status")

        def _parse_first_said(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_said_type_0 = datetime.date.fromisoformat(data)



                return first_said_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        first_said = _parse_first_said(d.pop("first_said"))


        attributions = []
        _attributions = d.pop("attributions")
        for attributions_item_data in (_attributions):
            attributions_item = ClaimAttribution.from_dict(attributions_item_data)



            attributions.append(attributions_item)


        claim_statement = cls(
            id=id,
            url=url,
            text=text,
            language=language,
            status=status,
            first_said=first_said,
            attributions=attributions,
        )


        claim_statement.additional_properties = d
        return claim_statement

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
