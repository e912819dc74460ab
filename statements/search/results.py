"""The statements a list selects, a page at a time: ranked, the best matches of a query,
with snippets and facets; unranked, every statement the filters select, in order.

The engine ranks at most ``limit`` matches (the newest, when more match), in one query;
the count, the pages and the facets are those of that ranked set, so every part of a
search costs a bounded amount whatever the size of the corpus. ``exhaustive`` says
whether the ranked set holds every match.
"""

from collections import defaultdict
from functools import cached_property
from typing import Any

from django.db.models import Q, QuerySet

from statements.counts import cached_count
from statements.models import Attribution, Speaker
from statements.search.base import SearchBackend, marked_to_html, unmarked
from statements.search.names import expand_misspelt_names
from statements.search.query import ParsedQuery

FACET_SIZE = 20


class Ranking:
    """The best matches of a query among a queryset's statements: (id, score) pairs, best
    first, read in one query when first asked for, with their snippets and facets."""

    def __init__(
        self,
        queryset: QuerySet,
        query: ParsedQuery,
        backend: SearchBackend,
        *,
        limit: int,
        attribution_condition: Q | None = None,
        documents: Q | None = None,
    ) -> None:
        self.queryset = queryset
        self.attribution_condition = attribution_condition or Q()
        self.query = query
        self.backend = backend
        self.limit = limit
        self.documents = documents

    @cached_property
    def _hits(self) -> list[tuple[int, float]]:
        if not self.query or self.query.contradictory:
            return []
        hits = self.backend.ranked(
            self.queryset, self.query, self.limit + 1, documents=self.documents
        )
        if not hits:
            # Nothing found: perhaps a speaker's name is misspelt. Costs queries only here.
            corrected = expand_misspelt_names(self.query, self.queryset, self.backend)
            if corrected != self.query:
                self.query = corrected
                hits = self.backend.ranked(
                    self.queryset, self.query, self.limit + 1, documents=self.documents
                )
        return hits

    @cached_property
    def hits(self) -> list[tuple[int, float]]:
        """The ``limit`` newest matches, best first. The one more that the engine ranks only
        tells that more matched: the oldest is left out, not the lowest ranked."""
        if len(self._hits) <= self.limit:
            return self._hits
        oldest = min(pk for pk, _ in self._hits)
        return [hit for hit in self._hits if hit[0] != oldest]

    @property
    def exhaustive(self) -> bool:
        """True when every match was ranked (fewer than ``limit`` + 1 matched)."""
        return len(self._hits) <= self.limit

    @property
    def scores(self) -> dict[int, float]:
        return dict(self.hits)

    def snippets(self, texts: dict[int, str]) -> dict[int, str]:
        """HTML snippets of statements whose ``texts`` are given (the text itself, escaped,
        where the engine marks nothing)."""
        if not texts:
            return {}
        marked = self.backend.snippets(list(texts), self.query)
        return {pk: marked_to_html(marked.get(pk, unmarked(text))) for pk, text in texts.items()}

    def facets(self) -> dict[str, list[dict[str, Any]]]:
        """Counts of the ranked statements by speaker, speech act, publisher and year of
        publication. A statement counts once per value, when one of its attributions has
        the value and meets ``attribution_condition`` (the attribution filters of the
        request), so each count is what adding that value to the filters would give.

        Two queries: the ranked statements' attributions with their sources' publisher and
        year (``SearchBackend.facet_rows``; the ids go as one parameter), counted here, then
        the names of the speakers shown. Cheaper than a GROUP BY per facet, which hashes
        whole tables to join them."""
        ids = [pk for pk, _ in self.hits]
        if not ids:
            return {"speakers": [], "speech_acts": [], "publishers": [], "years": []}
        rows = self.backend.facet_rows(
            Attribution.objects.filter(
                self.attribution_condition, self.backend.among("statement_id", ids)
            )
        )
        groups = {
            facet: defaultdict(set) for facet in ("speakers", "speech_acts", "publishers", "years")
        }
        for statement_id, speaker_id, speech_act, publisher, year in rows:
            groups["speakers"][speaker_id].add(statement_id)
            groups["speech_acts"][speech_act].add(statement_id)
            if publisher:
                groups["publishers"][publisher].add(statement_id)
            if year is not None:
                groups["years"][year].add(statement_id)
        by_count = lambda value, count: (-count, value)  # noqa: E731
        # Speakers are ordered by count, then name: every speaker tied with the last shown
        # needs its name.
        speaker_counts = {pk: len(group) for pk, group in groups["speakers"].items()}
        shown = sorted(speaker_counts.values(), reverse=True)[:FACET_SIZE]
        candidates = [pk for pk, count in speaker_counts.items() if count >= shown[-1]]
        names = dict(
            Speaker.objects.filter(self.backend.among("id", candidates)).values_list("pk", "name")
        )
        speakers = sorted(candidates, key=lambda pk: (-speaker_counts[pk], names[pk], pk))
        return {
            "speakers": [
                {"id": pk, "name": names[pk], "count": speaker_counts[pk]}
                for pk in speakers[:FACET_SIZE]
            ],
            "speech_acts": _counts(groups["speech_acts"], key=by_count),
            "publishers": _counts(groups["publishers"], key=by_count),
            "years": _counts(groups["years"], key=lambda value, count: -value),
        }


class StatementResults:
    """The statements a list selects, in its order: what the paginator pages through, the
    export streams and a detail looks up in. Sliced (a page at a time), the statements with
    the joins of ``queryset``; from ``ids()``, their ids alone, for callers that fetch the
    representations themselves (``representations.postgres``). ``count()`` counts them.

    Ranked (``ranking``): the best matches of a query, best first; each statement of a
    slice carries ``search_score`` and, from ``with_snippets()``, ``search_snippet`` (HTML:
    the text escaped, the matched words in <mark>), and the ranking tells its ``scores``,
    ``snippets`` and ``facets``. Unranked: every statement of ``queryset``, in its order.
    """

    def __init__(
        self,
        queryset: QuerySet,
        *,
        ranking: Ranking | None = None,
        ids_only: bool = False,
        snippets: bool = False,
    ) -> None:
        self.queryset = queryset
        self.ranking = ranking
        self.ids_only = ids_only
        self.snippets_shown = snippets

    @property
    def ranked(self) -> bool:
        return self.ranking is not None

    def ids(self) -> "StatementResults":
        """The same results, a slice of which is the statements' ids (read from the ranking
        without a query, when ranked)."""
        return StatementResults(self.queryset, ranking=self.ranking, ids_only=True)

    def with_snippets(self) -> "StatementResults":
        """The same results, each statement of a slice with its ``search_snippet``."""
        return StatementResults(self.queryset, ranking=self.ranking, snippets=True)

    def count(self) -> int:
        if self.ranking is not None:
            return len(self.ranking.hits)
        return cached_count(self.queryset)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list:
        if not isinstance(index, slice):
            raise TypeError("Statement results are read a slice (a page) at a time.")
        if self.ranking is None:
            rows = self.queryset.values_list("pk", flat=True) if self.ids_only else self.queryset
            return list(rows[index])
        page = self.ranking.hits[index]
        if self.ids_only:
            return [pk for pk, _ in page]
        if not page:
            return []
        scores = dict(page)
        statements = {s.pk: s for s in self.queryset.order_by().filter(pk__in=scores)}
        if self.snippets_shown:
            snippets = self.snippets({pk: s.text for pk, s in statements.items()})
        results = []
        for pk, score in page:
            statement = statements.get(pk)
            if statement is None:  # changed between the two queries
                continue
            statement.search_score = score
            if self.snippets_shown:
                statement.search_snippet = snippets[pk]
            results.append(statement)
        return results

    # --- what a ranking tells ----------------------------------------------------------------

    @property
    def exhaustive(self) -> bool:
        """True when the results hold every match (always, unranked)."""
        return self.ranking is None or self.ranking.exhaustive

    @property
    def limit(self) -> int | None:
        """How many matches are ranked at most (None, unranked)."""
        return None if self.ranking is None else self.ranking.limit

    @property
    def hits(self) -> list[tuple[int, float]]:
        """(statement id, score) of the matches ranked, best first."""
        return self._ranking().hits

    @property
    def scores(self) -> dict[int, float]:
        return self._ranking().scores

    def snippets(self, texts: dict[int, str]) -> dict[int, str]:
        """HTML snippets of statements whose ``texts`` are given (see ``Ranking.snippets``)."""
        return self._ranking().snippets(texts)

    def facets(self) -> dict[str, list[dict[str, Any]]]:
        """The facets of the statements ranked (see ``Ranking.facets``)."""
        return self._ranking().facets()

    def _ranking(self) -> Ranking:
        if self.ranking is None:
            raise TypeError("Unranked results have no scores, snippets or facets.")
        return self.ranking


def _counts(groups: dict[Any, set[int]], key) -> list[dict[str, Any]]:
    ordered = sorted(groups, key=lambda value: key(value, len(groups[value])))
    return [{"value": value, "count": len(groups[value])} for value in ordered[:FACET_SIZE]]
