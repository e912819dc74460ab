""" Contains all the data models used in inputs/outputs """

from .action_enum import ActionEnum
from .anchor_status_enum import AnchorStatusEnum
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
from .export_statements_format import ExportStatementsFormat
from .export_statements_ordering_item import ExportStatementsOrderingItem
from .facets import Facets
from .field_change import FieldChange
from .get_jsonld_context_response_200 import GetJsonldContextResponse200
from .history_entry import HistoryEntry
from .history_user import HistoryUser
from .jsonld_document import JSONLDDocument
from .list_attributions_ordering_item import ListAttributionsOrderingItem
from .list_relations_ordering_item import ListRelationsOrderingItem
from .list_source_attributions_ordering_item import ListSourceAttributionsOrderingItem
from .list_sources_ordering_item import ListSourcesOrderingItem
from .list_speaker_statements_ordering_item import ListSpeakerStatementsOrderingItem
from .list_speakers_ordering_item import ListSpeakersOrderingItem
from .list_statements_ordering_item import ListStatementsOrderingItem
from .paginated_attribution_list import PaginatedAttributionList
from .paginated_change_list import PaginatedChangeList
from .paginated_claim_summary_list import PaginatedClaimSummaryList
from .paginated_history_entry_list import PaginatedHistoryEntryList
from .paginated_relation_list import PaginatedRelationList
from .paginated_source_list import PaginatedSourceList
from .paginated_speaker_list import PaginatedSpeakerList
from .paginated_statement_list import PaginatedStatementList
from .patched_attribution_request import PatchedAttributionRequest
from .patched_relation_request import PatchedRelationRequest
from .patched_source_request import PatchedSourceRequest
from .patched_speaker_request import PatchedSpeakerRequest
from .patched_statement_request import PatchedStatementRequest
from .problem import Problem
from .problem_field_error import ProblemFieldError
from .publisher_facet import PublisherFacet
from .quote import Quote
from .quote_request import QuoteRequest
from .relation import Relation
from .relation_kind_enum import RelationKindEnum
from .relation_request import RelationRequest
from .response_format_enum import ResponseFormatEnum
from .retract_request import RetractRequest
from .retracted_problem import RetractedProblem
from .retraction import Retraction
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
    "ExportStatementsFormat",
    "ExportStatementsOrderingItem",
    "Facets",
    "FieldChange",
    "GetJsonldContextResponse200",
    "HistoryEntry",
    "HistoryUser",
    "JSONLDDocument",
    "ListAttributionsOrderingItem",
    "ListRelationsOrderingItem",
    "ListSourceAttributionsOrderingItem",
    "ListSourcesOrderingItem",
    "ListSpeakersOrderingItem",
    "ListSpeakerStatementsOrderingItem",
    "ListStatementsOrderingItem",
    "PaginatedAttributionList",
    "PaginatedChangeList",
    "PaginatedClaimSummaryList",
    "PaginatedHistoryEntryList",
    "PaginatedRelationList",
    "PaginatedSourceList",
    "PaginatedSpeakerList",
    "PaginatedStatementList",
    "PatchedAttributionRequest",
    "PatchedRelationRequest",
    "PatchedSourceRequest",
    "PatchedSpeakerRequest",
    "PatchedStatementRequest",
    "Problem",
    "ProblemFieldError",
    "PublisherFacet",
    "Quote",
    "QuoteRequest",
    "Relation",
    "RelationKindEnum",
    "RelationRequest",
    "ResponseFormatEnum",
    "RetractedProblem",
    "Retraction",
    "RetractRequest",
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
