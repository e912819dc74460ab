from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.claim_response import ClaimResponse
  from ..models.claim_statement import ClaimStatement
  from ..models.speaker_summary import SpeakerSummary





T = TypeVar("T", bound="Claim")



@_attrs_define
class Claim:
    """ One claim followed across speakers and sources: the statements that `same_claim`
    relations join (oldest first) and the statements that deny, contradict, support or
    update them (oldest first).

        Attributes:
            claim (int): The claim's key: its smallest statement id.
            statement (int): The statement asked about.
            statements_count (int):
            responses_count (int):
            speakers (list[SpeakerSummary]): Who made the claim, in order of first appearance.
            statements (list[ClaimStatement]):
            responses (list[ClaimResponse]):
     """

    claim: int
    statement: int
    statements_count: int
    responses_count: int
    speakers: list[SpeakerSummary]
    statements: list[ClaimStatement]
    responses: list[ClaimResponse]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.claim_response import ClaimResponse # noqa: PLC0415
        from ..models.claim_statement import ClaimStatement # noqa: PLC0415
        from ..models.speaker_summary import SpeakerSummary # noqa: PLC0415
        claim = self.claim

        statement = self.statement

        statements_count = self.statements_count

        responses_count = self.responses_count

        speakers = []
        for speakers_item_data in self.speakers:
            speakers_item = speakers_item_data.to_dict()
            speakers.append(speakers_item)



        statements = []
        for statements_item_data in self.statements:
            statements_item = statements_item_data.to_dict()
            statements.append(statements_item)



        responses = []
        for responses_item_data in self.responses:
            responses_item = responses_item_data.to_dict()
            responses.append(responses_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "claim": claim,
            "statement": statement,
            "statements_count": statements_count,
            "responses_count": responses_count,
            "speakers": speakers,
            "statements": statements,
            "responses": responses,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.claim_response import ClaimResponse # noqa: PLC0415
        from ..models.claim_statement import ClaimStatement # noqa: PLC0415
        from ..models.speaker_summary import SpeakerSummary # noqa: PLC0415
        d = dict(src_dict)
        claim = d.pop("claim")

        statement = d.pop("statement")

        statements_count = d.pop("statements_count")

        responses_count = d.pop("responses_count")

        speakers = []
        _speakers = d.pop("speakers")
        for speakers_item_data in (_speakers):
            speakers_item = SpeakerSummary.from_dict(speakers_item_data)



            speakers.append(speakers_item)


        statements = []
        _statements = d.pop("statements")
        for statements_item_data in (_statements):
            statements_item = ClaimStatement.from_dict(statements_item_data)



            statements.append(statements_item)


        responses = []
        _responses = d.pop("responses")
        for responses_item_data in (_responses):
            responses_item = ClaimResponse.from_dict(responses_item_data)



            responses.append(responses_item)


        claim = cls(
            claim=claim,
            statement=statement,
            statements_count=statements_count,
            responses_count=responses_count,
            speakers=speakers,
            statements=statements,
            responses=responses,
        )


        claim.additional_properties = d
        return claim

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
