"""GET /api/v1/search/: ranked statements with highlighted snippets, scores and facets."""

import django_filters as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_serializer,
)
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from statements import selectors, visibility
from statements.api.cache import cached_response
from statements.api.pagination import PAGE_SIZE_DESCRIPTION
from statements.api.schema import (
    PUBLIC_READ,
    READ_ERRORS,
    SEARCH_FIELDS,
    VLADIVOSTOK_STATEMENT,
    problems,
)
from statements.api.serializers import StatementSerializer
from statements.api.views import SelectedFieldsMixin, StatementResultsMixin
from statements.choices import SpeechAct
from statements.filtersets import StatementFilterSet
from statements.representations import postgres
from statements.representations.fields import STATEMENT

QUERY_SYNTAX = """\
Query syntax, as web search engines:

| you type | it finds | example |
| --- | --- | --- |
| words | statements that match every word | `troops Russia` |
| `"a phrase"` | the words together, in this order | `"special forces"` |
| `OR` (capitals) | either of the words or phrases beside it | `denied OR denies` |
| `-word`, `-"a phrase"` | statements that do not match it | `troops -Ukraine` |

A word matches the statement's text, the names and aliases of its speakers (`Kirby Vladivostok`
finds what Kirby said about Vladivostok) and the titles and publishers of its sources. Words
are stemmed (`deploy` finds "deployed"); case and accents do not matter. A word that matches
nothing but is spelt like a speaker's name also finds that speaker (`Kirbey` finds John
Kirby). Punctuation and stray quotes are read as spaces, so every query is valid; a query with
no word in it (`?!`) finds nothing. Only the first 500 characters are read.
"""


# --- Filters ------------------------------------------------------------------------------------


class SearchFilterSet(StatementFilterSet):
    """Every statement filter, with ``q`` required; the order is always relevance."""

    q = filters.CharFilter(
        method="by_the_selector",
        required=True,
        help_text='The query: words, "quoted phrases", OR, -exclusion (see the description).',
    )
    ordering = None


# --- Response shapes ----------------------------------------------------------------------------


class SearchHitSerializer(serializers.Serializer):
    """One statement found: the statement, its relevance score and its text with the
    matched words highlighted."""

    statement = StatementSerializer(source="*", read_only=True)
    score = serializers.FloatField(
        source="search_score",
        read_only=True,
        help_text=(
            "Relevance, higher is better: comparable within one response, not across "
            "queries or database engines."
        ),
    )
    snippet = serializers.CharField(
        source="search_snippet",
        read_only=True,
        help_text=(
            "HTML: the statement's text (shortened around the matches when long), escaped, "
            "with the matched words in <mark>…</mark>."
        ),
    )


class SpeakerFacetSerializer(serializers.Serializer):
    """A speaker of the statements found, and how many of them it made."""

    id = serializers.IntegerField(help_text="Speaker id: filter with speaker=.")
    name = serializers.CharField()
    count = serializers.IntegerField(help_text="Matching statements with this speaker.")


class SpeechActFacetSerializer(serializers.Serializer):
    """A kind of speech act among the statements found, and how many are of that kind."""

    value = serializers.ChoiceField(choices=SpeechAct.choices, help_text="Filter with speech_act=.")
    count = serializers.IntegerField()


class PublisherFacetSerializer(serializers.Serializer):
    """A publisher of the sources that report the statements found, and how many of them
    it reports."""

    value = serializers.CharField(help_text="Publisher: filter with publisher=.")
    count = serializers.IntegerField()


class YearFacetSerializer(serializers.Serializer):
    """A year in which the statements found were reported, and how many of them were."""

    value = serializers.IntegerField(
        help_text="Year a reporting source was published (UTC): filter with published_after= "
        "and published_before=."
    )
    count = serializers.IntegerField()


class FacetsSerializer(serializers.Serializer):
    """How the statements found divide by speaker, speech act, publisher and year: each
    value with its count, to narrow the search with the matching filter."""

    speakers = SpeakerFacetSerializer(many=True, help_text="Most frequent first, at most 20.")
    speech_acts = SpeechActFacetSerializer(many=True, help_text="Most frequent first.")
    publishers = PublisherFacetSerializer(many=True, help_text="Most frequent first, at most 20.")
    years = YearFacetSerializer(many=True, help_text="Latest first, at most 20.")


@extend_schema_serializer(many=False)
class SearchResponseSerializer(serializers.Serializer):
    """A page of search results, best first, with the facets of every statement ranked."""

    count = serializers.IntegerField(help_text="Statements ranked (every match when exhaustive).")
    next = serializers.URLField(allow_null=True, help_text="The next page, or null.")
    previous = serializers.URLField(allow_null=True, help_text="The previous page, or null.")
    exhaustive = serializers.BooleanField(
        help_text=(
            "True when every match was ranked. False when more than 1,000 statements match: "
            "then the newest 1,000 matches are ranked, counted and faceted; narrow the query "
            "or the filters to reach the others."
        )
    )
    results = SearchHitSerializer(many=True)
    facets = FacetsSerializer(
        help_text=(
            "Counts over all the ranked statements, not only this page. Each count is what "
            "the search gives with that value added to the filters."
        )
    )


# --- View ---------------------------------------------------------------------------------------

KIRBY_EXAMPLE = {
    "count": 1,
    "next": None,
    "previous": None,
    "exhaustive": True,
    "results": [
        {
            "statement": VLADIVOSTOK_STATEMENT,
            "score": 0.11,
            "snippet": "The North Korean soldiers arrived in <mark>Vladivostok</mark> by ship "
            "in October.",
        }
    ],
    "facets": {
        "speakers": [{"id": 3, "name": "John Kirby", "count": 1}],
        "speech_acts": [{"value": "assertion", "count": 1}],
        "publishers": [],
        "years": [{"value": 2024, "count": 1}],
    },
}


class SearchView(SelectedFieldsMixin, StatementResultsMixin, generics.GenericAPIView):
    """Full-text search over the statements visible to the caller: the statement results,
    always ranked, with the ranking's snippets, scores and facets. ``fields`` selects the
    fields of each hit's statement."""

    serializer_class = SearchHitSerializer
    filterset_class = SearchFilterSet
    selectable = STATEMENT

    def get_queryset(self):
        return selectors.statement_queryset(user=self.request.user)

    @extend_schema(
        operation_id="search_statements",
        summary="Search statements",
        description=(
            "Statements that match `q`, best first, each with its score and a highlighted "
            "snippet, and facet counts (speakers, speech acts, publishers, years) over all the "
            "matches. Every statement filter combines with `q`. Anonymous callers search "
            "published statements only.\n\n" + QUERY_SYNTAX
        ),
        filters=True,
        auth=PUBLIC_READ,
        parameters=[
            OpenApiParameter(
                "q",
                OpenApiTypes.STR,
                required=True,
                description="The query (see the syntax above); a missing or blank q is a 400.",
                examples=[
                    OpenApiExample("Speaker and place", value="Kirby Vladivostok"),
                    OpenApiExample("Stemmed words", value="denied troops"),
                    OpenApiExample("Phrase", value='"special forces"'),
                    OpenApiExample("Either", value="Rutte OR Zelenskyy"),
                    OpenApiExample("Exclusion", value="troops -Ukraine"),
                    OpenApiExample("Misspelt name", value="Kirbey"),
                ],
            ),
            OpenApiParameter(
                "page", {"type": "integer", "minimum": 1}, description="Page number, from 1."
            ),
            OpenApiParameter(
                "page_size", {"type": "integer", "minimum": 1}, description=PAGE_SIZE_DESCRIPTION
            ),
            SEARCH_FIELDS,
        ],
        responses={200: SearchResponseSerializer, **problems(*READ_ERRORS)},
        examples=[
            OpenApiExample(
                "Kirby Vladivostok", value=KIRBY_EXAMPLE, response_only=True, status_codes=["200"]
            )
        ],
    )
    def get(self, request: Request) -> Response:
        return cached_response(request, lambda: self.search(request))

    def search(self, request: Request) -> Response:
        if postgres.available():
            # The statements without the joins of their representation, which PostgreSQL
            # writes: building the prefetches would cost the request for nothing.
            statements = selectors.visible_statements(user=request.user)
            results = self.statement_results(statements, ranked=True)
            hits = self._hits_written_by_the_database(results)
        else:
            results = self.statement_results(self.get_queryset(), ranked=True)
            page = self.paginate_queryset(results.with_snippets())
            hits = self.get_serializer(page, many=True).data
        paginated = self.paginator.get_paginated_response(None).data
        return Response(
            {
                "count": paginated["count"],
                "next": paginated["next"],
                "previous": paginated["previous"],
                "exhaustive": results.exhaustive,
                "results": hits,
                "facets": FacetsSerializer(results.facets()).data,
            }
        )

    def _hits_written_by_the_database(self, results) -> list[dict]:
        """The page's hits as SearchHitSerializer gives them, the statements' representations
        written by PostgreSQL (``representations.postgres``): one query instead of three and
        no model instances."""
        ids = self.paginate_queryset(results.ids())
        published_only = not visibility.can_see_unpublished(self.request.user)
        rows = postgres.statement_texts_and_representations(
            ids, published_only=published_only, shape=self.selected_shape
        )
        scores = results.scores
        snippets = results.snippets({pk: text for pk, text, _ in rows})
        return [
            {"statement": statement, "score": scores[pk], "snippet": snippets[pk]}
            for pk, _, statement in rows
        ]
