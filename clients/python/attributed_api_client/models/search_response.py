from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.facets import Facets
  from ..models.search_hit import SearchHit





T = TypeVar("T", bound="SearchResponse")



@_attrs_define
class SearchResponse:
    """ A page of search results, best first, with the facets of every statement ranked.

        Attributes:
            count (int): Statements ranked (every match when exhaustive).
            next_ (None | str): The next page, or null.
            previous (None | str): The previous page, or null.
            exhaustive (bool): True when every match was ranked. False when more than 1,000 statements match: then the
                newest 1,000 matches are ranked, counted and faceted; narrow the query or the filters to reach the others.
            results (list[SearchHit]):
            facets (Facets): How the statements found divide by speaker, speech act, publisher and year: each
                value with its count, to narrow the search with the matching filter.
     """

    count: int
    next_: None | str
    previous: None | str
    exhaustive: bool
    results: list[SearchHit]
    facets: Facets
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.facets import Facets # noqa: PLC0415
        from ..models.search_hit import SearchHit # noqa: PLC0415
        count = self.count

        next_: None | str
        next_ = self.next_

        previous: None | str
        previous = self.previous

        exhaustive = self.exhaustive

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)



        facets = self.facets.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "count": count,
            "next": next_,
            "previous": previous,
            "exhaustive": exhaustive,
            "results": results,
            "facets": facets,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.facets import Facets # noqa: PLC0415
        from ..models.search_hit import SearchHit # noqa: PLC0415
        d = dict(src_dict)
        count = d.pop("count")

        def _parse_next_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_ = _parse_next_(d.pop("next"))


        def _parse_previous(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous = _parse_previous(d.pop("previous"))


        exhaustive = d.pop("exhaustive")

        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = SearchHit.from_dict(results_item_data)



            results.append(results_item)


        facets = Facets.from_dict(d.pop("facets"))




        search_response = cls(
            count=count,
            next_=next_,
            previous=previous,
            exhaustive=exhaustive,
            results=results,
            facets=facets,
        )


        search_response.additional_properties = d
        return search_response

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
