from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.statement_status_enum import StatementStatusEnum
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.attribution_fields import AttributionFields
  from ..models.claim_candidate import ClaimCandidate
  from ..models.correction import Correction
  from ..models.statement_relation import StatementRelation





T = TypeVar("T", bound="StatementCreated")



@_attrs_define
class StatementCreated:
    """ The statement created, with the statements it may repeat (`claim_candidates`).

        Attributes:
            id (int):
            text (str): Verbatim for a quote, otherwise a neutral paraphrase.
            language (str):
            topics (list[str]): Tags; stored as slugs ("North Korea" becomes "north-korea").
            status (StatementStatusEnum): * `draft` - Draft
                * `published` - Published
                * `retracted` - Retracted
            retraction_reason (str):
            attributions (list[AttributionFields]): Who made the statement and which sources report it. Written with the
                statement in one atomic request; on update, when given, it replaces the set (matched on speaker and source).
            relations (list[StatementRelation]): Relations to other statements, in both directions.
            corrections (list[Correction]): The statement's correction notices since it was published, oldest first.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            claim_candidates (list[ClaimCandidate]): Statements that may make the same claim, best first: link one with a
                `same_claim` relation.
     """

    id: int
    text: str
    language: str
    topics: list[str]
    status: StatementStatusEnum
    retraction_reason: str
    attributions: list[AttributionFields]
    relations: list[StatementRelation]
    corrections: list[Correction]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    claim_candidates: list[ClaimCandidate]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attribution_fields import AttributionFields # noqa: PLC0415
        from ..models.claim_candidate import ClaimCandidate # noqa: PLC0415
        from ..models.correction import Correction # noqa: PLC0415
        from ..models.statement_relation import StatementRelation # noqa: PLC0415
        id = self.id

        text = self.text

        language = self.language

        topics = self.topics



        status = self.status.value

        retraction_reason = self.retraction_reason

        attributions = []
        for attributions_item_data in self.attributions:
            attributions_item = attributions_item_data.to_dict()
            attributions.append(attributions_item)



        relations = []
        for relations_item_data in self.relations:
            relations_item = relations_item_data.to_dict()
            relations.append(relations_item)



        corrections = []
        for corrections_item_data in self.corrections:
            corrections_item = corrections_item_data.to_dict()
            corrections.append(corrections_item)



        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        claim_candidates = []
        for claim_candidates_item_data in self.claim_candidates:
            claim_candidates_item = claim_candidates_item_data.to_dict()
            claim_candidates.append(claim_candidates_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "text": text,
            "language": language,
            "topics": topics,
            "status": status,
            "retraction_reason": retraction_reason,
            "attributions": attributions,
            "relations": relations,
            "corrections": corrections,
            "created_at": created_at,
            "updated_at": updated_at,
            "claim_candidates": claim_candidates,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_fields import AttributionFields # noqa: PLC0415
        from ..models.claim_candidate import ClaimCandidate # noqa: PLC0415
        from ..models.correction import Correction # noqa: PLC0415
        from ..models.statement_relation import StatementRelation # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        text = d.pop("text")

        language = d.pop("language")

        topics = cast(list[str], d.pop("topics"))


        status = StatementStatusEnum(d.pop("status"))




        retraction_reason = d.pop("retraction_reason")

        attributions = []
        _attributions = d.pop("attributions")
        for attributions_item_data in (_attributions):
            attributions_item = AttributionFields.from_dict(attributions_item_data)



            attributions.append(attributions_item)


        relations = []
        _relations = d.pop("relations")
        for relations_item_data in (_relations):
            relations_item = StatementRelation.from_dict(relations_item_data)



            relations.append(relations_item)


        corrections = []
        _corrections = d.pop("corrections")
        for corrections_item_data in (_corrections):
            corrections_item = Correction.from_dict(corrections_item_data)



            corrections.append(corrections_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        claim_candidates = []
        _claim_candidates = d.pop("claim_candidates")
        for claim_candidates_item_data in (_claim_candidates):
            claim_candidates_item = ClaimCandidate.from_dict(claim_candidates_item_data)



            claim_candidates.append(claim_candidates_item)


        statement_created = cls(
            id=id,
            text=text,
            language=language,
            topics=topics,
            status=status,
            retraction_reason=retraction_reason,
            attributions=attributions,
            relations=relations,
            corrections=corrections,
            created_at=created_at,
            updated_at=updated_at,
            claim_candidates=claim_candidates,
        )


        statement_created.additional_properties = d
        return statement_created

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
