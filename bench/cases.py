"""The benchmarked requests: what each case asks for, with parameters drawn from the corpus."""

import random
from dataclasses import dataclass
from urllib.parse import urlencode

from bench.corpus import Vocabulary

LIST = "/api/v1/statements/"
SEARCH = "/api/v1/search/"
PAGE = 50


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    editor: bool = False  # sent with the bench editor's token
    needs: str | None = None  # a path that must not answer 404, else the case is skipped

    def paths(self, params: dict) -> list[str]:
        return PATHS[self.name](params)


def _list(**query) -> str:
    return f"{LIST}?{urlencode({**query, 'page_size': PAGE})}"


PATHS = {
    "list": lambda p: [_list()],
    "detail": lambda p: [f"{LIST}{pk}/" for pk in p["statements"]],
    "speaker": lambda p: [_list(speaker=pk) for pk in p["speakers"]],
    "source": lambda p: [_list(source=pk) for pk in p["sources"]],
    "status": lambda p: [_list(status="draft")],
    "dates": lambda p: [_list(stated_after=a, stated_before=b) for a, b in p["weeks"]],
    "search": lambda p: [f"{SEARCH}?{urlencode({'q': q})}" for q in p["queries"]],
    "facets": lambda p: [f"{SEARCH}?{urlencode({'q': q})}" for q in p["frequent_queries"]],
}

CASES = [
    Case("list", "list, page of 50 with nested attributions (anonymous)"),
    Case("detail", "detail of a published statement"),
    Case("speaker", "filter by speaker, page of 50"),
    Case("source", "filter by source, page of 50"),
    Case("status", "filter by status=draft (editor), page of 50", editor=True),
    Case("dates", "filter by stated_on, one-week windows, page of 50"),
    Case("search", "search, one mid-frequency word", needs=SEARCH + "?q=troops"),
    Case("facets", "search with facets over a frequent word", needs=SEARCH + "?q=troops"),
]


def search_queries(statements: int, seed: int) -> tuple[list[str], list[str]]:
    """Queries from the corpus vocabulary: mid-frequency words (hundreds to thousands of
    matches at 100k), and frequent content words (which match many statements, so that
    ranking and facets have work)."""
    rng = random.Random(seed)
    # Built as Corpus builds it: first thing from a generator seeded with the seed.
    vocabulary = Vocabulary.build(random.Random(seed)).words
    middle = vocabulary[150:3000]
    pairs = [rng.choice(middle) for _ in range(100)]
    frequent = [word for word in vocabulary[60:150] if len(word) > 4][:20]
    return pairs, frequent
