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






T = TypeVar("T", bound="Source")



@_attrs_define
class Source:
    """ A document that reports statements: a news article, a press briefing, a transcript,
    an official statement, a social media post… Its body is the full text in which the
    attributions' quotes are found; its status says whether it has since been corrected or
    retracted.

        Attributes:
            id (int):
            title (str):
            url (str): Stored normalized: lower-case host, no fragment, no tracking parameters.
            publisher (str):
            kind (SourceKindEnum): * `news_article` - News article
                * `press_briefing` - Press briefing
                * `transcript` - Transcript
                * `official_statement` - Official statement
                * `social_media_post` - Social media post
                * `report` - Report
                * `interview` - Interview
                * `other` - Other
            published_at (datetime.datetime | None):
            language (str):
            body (str): The full text; quotes are anchored in it.
            body_sha256 (str):
            archived_url (str):
            status (SourceStatusEnum): * `current` - Current
                * `corrected` - Corrected
                * `retracted` - Retracted
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: int
    title: str
    url: str
    publisher: str
    kind: SourceKindEnum
    published_at: datetime.datetime | None
    language: str
    body: str
    body_sha256: str
    archived_url: str
    status: SourceStatusEnum
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        url = self.url

        publisher = self.publisher

        kind = self.kind.value

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        language = self.language

        body = self.body

        body_sha256 = self.body_sha256

        archived_url: str
        archived_url = self.archived_url

        status = self.status.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "title": title,
            "url": url,
            "publisher": publisher,
            "kind": kind,
            "published_at": published_at,
            "language": language,
            "body": body,
            "body_sha256": body_sha256,
            "archived_url": archived_url,
            "status": status,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        url = d.pop("url")

        publisher = d.pop("publisher")

        kind = SourceKindEnum(d.pop("kind"))




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


        language = d.pop("language")

        body = d.pop("body")

        body_sha256 = d.pop("body_sha256")

        def _parse_archived_url(data: object) -> str:
            return cast(str, data)

        archived_url = _parse_archived_url(d.pop("archived_url"))


        status = SourceStatusEnum(d.pop("status"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        source = cls(
            id=id,
            title=title,
            url=url,
            publisher=publisher,
            kind=kind,
            published_at=published_at,
            language=language,
            body=body,
            body_sha256=body_sha256,
            archived_url=archived_url,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
        )


        source.additional_properties = d
        return source

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
