from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.attribution_fields_request import AttributionFieldsRequest





T = TypeVar("T", bound="PatchedStatementRequest")



@_attrs_define
class PatchedStatementRequest:
    """ A claim, in the speaker's words for a quote or else as a neutral paraphrase, with its
    attributions (who made it, which sources report it) and its relations to other
    statements. Drafts are visible to editors, reviewers and admins only, until published;
    a retracted statement is withdrawn from the public and says why.

    Only the fields sent change; the others keep their values. Any other field is refused (400), except `id`, `status`,
    `retraction_reason`, `relations`, `corrections`, `created_at`, `updated_at`: read-only, they may be sent back as
    read and are ignored.

        Attributes:
            text (str | Unset): Verbatim for a quote, otherwise a neutral paraphrase.
            language (str | Unset):
            topics (list[str] | Unset): Tags; stored as slugs ("North Korea" becomes "north-korea").
            attributions (list[AttributionFieldsRequest] | Unset): Who made the statement and which sources report it.
                Written with the statement in one atomic request; on update, when given, it replaces the set (matched on speaker
                and source).
            correction_note (str | Unset): The public note of a correction: what was corrected and why. Required to change a
                published statement (or its attributions) as a reviewer, shown with the statement from then on in `corrections`;
                not stored otherwise. An editor's change to a published statement is proposed instead (202, a revision), without
                a note: the reviewer who approves it writes it.
     """

    text: str | Unset = UNSET
    language: str | Unset = UNSET
    topics: list[str] | Unset = UNSET
    attributions: list[AttributionFieldsRequest] | Unset = UNSET
    correction_note: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.attribution_fields_request import AttributionFieldsRequest # noqa: PLC0415
        text = self.text

        language = self.language

        topics: list[str] | Unset = UNSET
        if not isinstance(self.topics, Unset):
            topics = self.topics



        attributions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attributions, Unset):
            attributions = []
            for attributions_item_data in self.attributions:
                attributions_item = attributions_item_data.to_dict()
                attributions.append(attributions_item)



        correction_note = self.correction_note


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if text is not UNSET:
            field_dict["text"] = text
        if language is not UNSET:
            field_dict["language"] = language
        if topics is not UNSET:
            field_dict["topics"] = topics
        if attributions is not UNSET:
            field_dict["attributions"] = attributions
        if correction_note is not UNSET:
            field_dict["correction_note"] = correction_note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attribution_fields_request import AttributionFieldsRequest # noqa: PLC0415
        d = dict(src_dict)
        text = d.pop("text", UNSET)

        language = d.pop("language", UNSET)

        topics = cast(list[str], d.pop("topics", UNSET))


        _attributions = d.pop("attributions", UNSET)
        attributions: list[AttributionFieldsRequest] | Unset = UNSET
        if _attributions is not UNSET:
            attributions = []
            for attributions_item_data in _attributions:
                attributions_item = AttributionFieldsRequest.from_dict(attributions_item_data)



                attributions.append(attributions_item)


        correction_note = d.pop("correction_note", UNSET)

        patched_statement_request = cls(
            text=text,
            language=language,
            topics=topics,
            attributions=attributions,
            correction_note=correction_note,
        )

        return patched_statement_request

