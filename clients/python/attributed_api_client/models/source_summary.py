from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.source_kind_enum import SourceKindEnum
from ..models.source_status_enum import SourceStatusEnum
from typing import cast
import datetime






T = TypeVar("T", bound="SourceSummary")



@_attrs_define
class SourceSummary:
    """ A source as shown inside an attribution: what it takes to cite it (title, publisher,
    kind, URL, date) and whether it has been corrected or retracted since. The source itself
    (`GET /sources/{id}/`) has the body and the rest.

        Attributes:
            id (int):
            title (str):
            publisher (str):
            kind (SourceKindEnum): * `news_article` - News article
                * `press_briefing` - Press briefing
                * `transcript` - Transcript
                * `official_statement` - Official statement
                * `social_media_post` - Social media post
                * `report` - Report
                * `interview` - Interview
                * `other` - Other
            url (str): Stored normalized.
            published_at (datetime.datetime | None):
            status (SourceStatusEnum): * `current` - Current
                * `corrected` - Corrected
                * `retracted` - Retracted
     """

    id: int
    title: str
    publisher: str
    kind: SourceKindEnum
    url: str
    published_at: datetime.datetime | None
    status: SourceStatusEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        publisher = self.publisher

        kind = self.kind.value

        url = self.url

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "title": title,
            "publisher": publisher,
            "kind": kind,
            "url": url,
            "published_at": published_at,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        publisher = d.pop("publisher")

        kind = SourceKindEnum(d.pop("kind"))




        url = d.pop("url")

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)



                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))


        status = SourceStatusEnum(d.pop("status"))




        source_summary = cls(
            id=id,
            title=title,
            publisher=publisher,
            kind=kind,
            url=url,
            published_at=published_at,
            status=status,
        )


        source_summary.additional_properties = d
        return source_summary

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
