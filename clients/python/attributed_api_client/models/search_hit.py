from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.statement import Statement





T = TypeVar("T", bound="SearchHit")



@_attrs_define
class SearchHit:
    """ One statement found: the statement, its relevance score and its text with the
    matched words highlighted.

        Attributes:
            statement (Statement): A claim, in the speaker's words for a quote or else as a neutral paraphrase, with its
                attributions (who made it, which sources report it) and its relations to other
                statements. Drafts are visible to editors, reviewers and admins only, until published;
                a retracted statement is withdrawn from the public and says why.
            score (float): Relevance, higher is better: comparable within one response, not across queries or database
                engines.
            snippet (str): HTML: the statement's text (shortened around the matches when long), escaped, with the matched
                words in <mark>…</mark>.
     """

    statement: Statement
    score: float
    snippet: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.statement import Statement # noqa: PLC0415
        statement = self.statement.to_dict()

        score = self.score

        snippet = self.snippet


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "statement": statement,
            "score": score,
            "snippet": snippet,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statement import Statement # noqa: PLC0415
        d = dict(src_dict)
        statement = Statement.from_dict(d.pop("statement"))




        score = d.pop("score")

        snippet = d.pop("snippet")

        search_hit = cls(
            statement=statement,
            score=score,
            snippet=snippet,
        )


        search_hit.additional_properties = d
        return search_hit

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
