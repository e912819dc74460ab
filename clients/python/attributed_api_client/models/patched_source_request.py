from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.source_kind_enum import SourceKindEnum
from ..models.source_status_enum import SourceStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="PatchedSourceRequest")



@_attrs_define
class PatchedSourceRequest:
    """ A document that reports statements: a news article, a press briefing, a transcript,
    an official statement, a social media post… Its body is the full text in which the
    attributions' quotes are found; its status says whether it has since been corrected or
    retracted.

    Only the fields sent change; the others keep their values. Any other field is refused (400), except `id`,
    `body_sha256`, `created_at`, `updated_at`: read-only, they may be sent back as read and are ignored.

        Attributes:
            title (str | Unset):
            url (str | Unset): Stored normalized: lower-case host, no fragment, no tracking parameters.
            publisher (str | Unset):
            kind (SourceKindEnum | Unset): * `news_article` - News article
                * `press_briefing` - Press briefing
                * `transcript` - Transcript
                * `official_statement` - Official statement
                * `social_media_post` - Social media post
                * `report` - Report
                * `interview` - Interview
                * `other` - Other
            published_at (datetime.datetime | None | Unset):
            language (str | Unset):
            body (str | Unset): The full text; quotes are anchored in it.
            archived_url (str | Unset):
            status (SourceStatusEnum | Unset): * `current` - Current
                * `corrected` - Corrected
                * `retracted` - Retracted
     """

    title: str | Unset = UNSET
    url: str | Unset = UNSET
    publisher: str | Unset = UNSET
    kind: SourceKindEnum | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    language: str | Unset = UNSET
    body: str | Unset = UNSET
    archived_url: str | Unset = UNSET
    status: SourceStatusEnum | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        url = self.url

        publisher = self.publisher

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        language = self.language

        body = self.body

        archived_url: str | Unset
        if isinstance(self.archived_url, Unset):
            archived_url = UNSET
        else:
            archived_url = self.archived_url

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if title is not UNSET:
            field_dict["title"] = title
        if url is not UNSET:
            field_dict["url"] = url
        if publisher is not UNSET:
            field_dict["publisher"] = publisher
        if kind is not UNSET:
            field_dict["kind"] = kind
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if language is not UNSET:
            field_dict["language"] = language
        if body is not UNSET:
            field_dict["body"] = body
        if archived_url is not UNSET:
            field_dict["archived_url"] = archived_url
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        url = d.pop("url", UNSET)

        publisher = d.pop("publisher", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: SourceKindEnum | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = SourceKindEnum(_kind)




        def _parse_published_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)



                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        published_at = _parse_published_at(d.pop("published_at", UNSET))


        language = d.pop("language", UNSET)

        body = d.pop("body", UNSET)

        def _parse_archived_url(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        archived_url = _parse_archived_url(d.pop("archived_url", UNSET))


        _status = d.pop("status", UNSET)
        status: SourceStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = SourceStatusEnum(_status)




        patched_source_request = cls(
            title=title,
            url=url,
            publisher=publisher,
            kind=kind,
            published_at=published_at,
            language=language,
            body=body,
            archived_url=archived_url,
            status=status,
        )

        return patched_source_request

