""" Contains all the data models used in inputs/outputs """

from .action_enum import ActionEnum
from .anchor_status_enum import AnchorStatusEnum
from .approve_request import ApproveRequest
from .attribution import Attribution
from .attribution_fields import AttributionFields
from .attribution_fields_request import AttributionFieldsRequest
from .attribution_mode_enum import AttributionModeEnum
from .attribution_request import AttributionRequest
from .change import Change
from .change_kind_enum import ChangeKindEnum
from .change_object_enum import ChangeObjectEnum
from .claim import Claim
from .claim_attribution import ClaimAttribution
from .claim_candidate import ClaimCandidate
from .claim_response import ClaimResponse
from .claim_statement import ClaimStatement
from .claim_summary import ClaimSummary
from .correction import Correction
from .duplicate_pair import DuplicatePair
from .export_statements_format import ExportStatementsFormat
from .export_statements_ordering_item import ExportStatementsOrderingItem
from .facets import Facets
from .field_change import FieldChange
from .get_jsonld_context_response_200 import GetJsonldContextResponse200
from .history_entry import HistoryEntry
from .history_user import HistoryUser
from .jsonld_document import JSONLDDocument
from .list_attributions_ordering_item import ListAttributionsOrderingItem
from .list_memberships_ordering_item import ListMembershipsOrderingItem
from .list_relations_ordering_item import ListRelationsOrderingItem
from .list_source_attributions_ordering_item import ListSourceAttributionsOrderingItem
from .list_sources_ordering_item import ListSourcesOrderingItem
from .list_speaker_statements_ordering_item import ListSpeakerStatementsOrderingItem
from .list_speakers_ordering_item import ListSpeakersOrderingItem
from .list_statements_ordering_item import ListStatementsOrderingItem
from .membership import Membership
from .membership_request import MembershipRequest
from .membership_summary import MembershipSummary
from .merge_request import MergeRequest
from .paginated_attribution_list import PaginatedAttributionList
from .paginated_change_list import PaginatedChangeList
from .paginated_claim_summary_list import PaginatedClaimSummaryList
from .paginated_duplicate_pair_list import PaginatedDuplicatePairList
from .paginated_history_entry_list import PaginatedHistoryEntryList
from .paginated_membership_list import PaginatedMembershipList
from .paginated_relation_list import PaginatedRelationList
from .paginated_revision_list import PaginatedRevisionList
from .paginated_source_list import PaginatedSourceList
from .paginated_speaker_list import PaginatedSpeakerList
from .paginated_statement_list import PaginatedStatementList
from .patched_attribution_request import PatchedAttributionRequest
from .patched_membership_request import PatchedMembershipRequest
from .patched_relation_request import PatchedRelationRequest
from .patched_source_request import PatchedSourceRequest
from .patched_speaker_request import PatchedSpeakerRequest
from .patched_statement_request import PatchedStatementRequest
from .problem import Problem
from .problem_field_error import ProblemFieldError
from .publisher_facet import PublisherFacet
from .quote import Quote
from .quote_request import QuoteRequest
from .reasons_enum import ReasonsEnum
from .reject_request import RejectRequest
from .relation import Relation
from .relation_kind_enum import RelationKindEnum
from .relation_request import RelationRequest
from .response_format_enum import ResponseFormatEnum
from .retract_request import RetractRequest
from .retracted_problem import RetractedProblem
from .retraction import Retraction
from .revision import Revision
from .revision_status_enum import RevisionStatusEnum
from .search_hit import SearchHit
from .search_response import SearchResponse
from .source import Source
from .source_kind_enum import SourceKindEnum
from .source_request import SourceRequest
from .source_status_enum import SourceStatusEnum
from .source_summary import SourceSummary
from .speaker import Speaker
from .speaker_facet import SpeakerFacet
from .speaker_kind_enum import SpeakerKindEnum
from .speaker_request import SpeakerRequest
from .speaker_summary import SpeakerSummary
from .speech_act_enum import SpeechActEnum
from .speech_act_facet import SpeechActFacet
from .statement import Statement
from .statement_created import StatementCreated
from .statement_relation import StatementRelation
from .statement_request import StatementRequest
from .statement_status_enum import StatementStatusEnum
from .statement_summary import StatementSummary
from .suggested_quote import SuggestedQuote
from .suggested_speaker import SuggestedSpeaker
from .suggestion import Suggestion
from .suggestion_accept_request import SuggestionAcceptRequest
from .suggestion_list import SuggestionList
from .year_facet import YearFacet

__all__ = (
    "ActionEnum",
    "AnchorStatusEnum",
    "ApproveRequest",
    "Attribution",
    "AttributionFields",
    "AttributionFieldsRequest",
    "AttributionModeEnum",
    "AttributionRequest",
    "Change",
    "ChangeKindEnum",
    "ChangeObjectEnum",
    "Claim",
    "ClaimAttribution",
    "ClaimCandidate",
    "ClaimResponse",
    "ClaimStatement",
    "ClaimSummary",
    "Correction",
    "DuplicatePair",
    "ExportStatementsFormat",
    "ExportStatementsOrderingItem",
    "Facets",
    "FieldChange",
    "GetJsonldContextResponse200",
    "HistoryEntry",
    "HistoryUser",
    "JSONLDDocument",
    "ListAttributionsOrderingItem",
    "ListMembershipsOrderingItem",
    "ListRelationsOrderingItem",
    "ListSourceAttributionsOrderingItem",
    "ListSourcesOrderingItem",
    "ListSpeakersOrderingItem",
    "ListSpeakerStatementsOrderingItem",
    "ListStatementsOrderingItem",
    "Membership",
    "MembershipRequest",
    "MembershipSummary",
    "MergeRequest",
    "PaginatedAttributionList",
    "PaginatedChangeList",
    "PaginatedClaimSummaryList",
    "PaginatedDuplicatePairList",
    "PaginatedHistoryEntryList",
    "PaginatedMembershipList",
    "PaginatedRelationList",
    "PaginatedRevisionList",
    "PaginatedSourceList",
    "PaginatedSpeakerList",
    "PaginatedStatementList",
    "PatchedAttributionRequest",
    "PatchedMembershipRequest",
    "PatchedRelationRequest",
    "PatchedSourceRequest",
    "PatchedSpeakerRequest",
    "PatchedStatementRequest",
    "Problem",
    "ProblemFieldError",
    "PublisherFacet",
    "Quote",
    "QuoteRequest",
    "ReasonsEnum",
    "RejectRequest",
    "Relation",
    "RelationKindEnum",
    "RelationRequest",
    "ResponseFormatEnum",
    "RetractedProblem",
    "Retraction",
    "RetractRequest",
    "Revision",
    "RevisionStatusEnum",
    "SearchHit",
    "SearchResponse",
    "Source",
    "SourceKindEnum",
    "SourceRequest",
    "SourceStatusEnum",
    "SourceSummary",
    "Speaker",
    "SpeakerFacet",
    "SpeakerKindEnum",
    "SpeakerRequest",
    "SpeakerSummary",
    "SpeechActEnum",
    "SpeechActFacet",
    "Statement",
    "StatementCreated",
    "StatementRelation",
    "StatementRequest",
    "StatementStatusEnum",
    "StatementSummary",
    "SuggestedQuote",
    "SuggestedSpeaker",
    "Suggestion",
    "SuggestionAcceptRequest",
    "SuggestionList",
    "YearFacet",
)
