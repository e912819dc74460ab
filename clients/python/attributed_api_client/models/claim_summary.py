from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.statement_summary import StatementSummary





T = TypeVar("T", bound="ClaimSummary")



@_attrs_define
class ClaimSummary:
    """ A claim in the list: how widely it is made, and one statement that stands for it.

        Attributes:
            claim (int):
            url (str): The whole claim.
            statement (StatementSummary): A statement as shown inside a relation: its id, text and status.
            statements (int): Its statements the caller may see.
            speakers (int): Distinct speakers of those statements.
            sources (int): Distinct sources of those statements.
            latest (datetime.datetime | None): The latest publication date of those sources.
     """

    claim: int
    url: str
    statement: StatementSummary
    statements: int
    speakers: int
    sources: int
    latest: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.statement_summary import StatementSummary # noqa: PLC0415
        claim = self.claim

        url = self.url

        statement = self.statement.to_dict()

        statements = self.statements

        speakers = self.speakers

        sources = self.sources

        latest: None | str
        if isinstance(self.latest, datetime.datetime):
            latest = self.latest.isoformat()
        else:
            latest = self.latest


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "claim": claim,
            "url": url,
            "statement": statement,
            "statements": statements,
            "speakers": speakers,
            "sources": sources,
            "latest": latest,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statement_summary import StatementSummary # noqa: PLC0415
        d = dict(src_dict)
        claim = d.pop("claim")

        url = d.pop("url")

        statement = StatementSummary.from_dict(d.pop("statement"))




        statements = d.pop("statements")

        speakers = d.pop("speakers")

        sources = d.pop("sources")

        def _parse_latest(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                latest_type_0 = datetime.datetime.fromisoformat(data)



                return latest_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        latest = _parse_latest(d.pop("latest"))


        claim_summary = cls(
            claim=claim,
            url=url,
            statement=statement,
            statements=statements,
            speakers=speakers,
            sources=sources,
            latest=latest,
        )


        claim_summary.additional_properties = d
        return claim_summary

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
