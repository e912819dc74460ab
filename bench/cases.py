"""The benchmarked requests: what each case asks for, with parameters drawn from the corpus."""

import random
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from bench.corpus import Vocabulary

LIST = "/api/v1/statements/"
SEARCH = "/api/v1/search/"
PAGE = 50
SEARCH_PAGE = 20
ADMIN_STATEMENTS = "/admin/statements/statement/"
ADMIN_ATTRIBUTIONS = "/admin/statements/attribution/"


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    editor: bool = False  # sent with the bench editor's token
    admin: bool = False  # sent with the bench superuser's admin session
    needs: str | None = None  # a path that must not answer 404, else the case is skipped
    floor: bool = False  # the floor (bench/floor.py) serves it too

    @property
    def group(self) -> str:
        """``--case admin`` runs every ``admin-…`` case."""
        return self.name.split("-", 1)[0]

    def paths(self, params: dict) -> list[str]:
        return PATHS[self.name](params)


def _list(**query) -> str:
    return f"{LIST}?{urlencode({**query, 'page_size': PAGE})}"


def _search(path: str, query: str) -> str:
    return f"{path}?{urlencode({'q': query, 'page_size': SEARCH_PAGE})}"


PATHS = {
    "list": lambda p: [_list()],
    "detail": lambda p: [f"{LIST}{pk}/" for pk in p["statements"]],
    "speaker": lambda p: [_list(speaker=pk) for pk in p["speakers"]],
    "source": lambda p: [_list(source=pk) for pk in p["sources"]],
    "status": lambda p: [_list(status="draft")],
    "dates": lambda p: [_list(stated_after=a, stated_before=b) for a, b in p["weeks"]],
    "search": lambda p: [_search(LIST, q) for q in p["queries"]],
    "search-rare": lambda p: [_search(LIST, p["words"]["rare"])],
    "search-frequent": lambda p: [_search(LIST, p["words"]["frequent"])],
    "facets": lambda p: [_search(SEARCH, q) for q in p["queries"]],
    "facets-rare": lambda p: [_search(SEARCH, p["words"]["rare"])],
    "facets-frequent": lambda p: [_search(SEARCH, p["words"]["frequent"])],
    "admin-list": lambda p: [ADMIN_STATEMENTS],
    "admin-page2": lambda p: [f"{ADMIN_STATEMENTS}?p=2"],
    "admin-speaker": lambda p: [
        f"{ADMIN_STATEMENTS}?{urlencode({'attributions__speaker__id__exact': pk})}"
        for pk in p["speakers"]
    ],
    "admin-change": lambda p: [f"{ADMIN_STATEMENTS}{pk}/change/" for pk in p["statements"]],
    "admin-search": lambda p: [f"{ADMIN_STATEMENTS}?{urlencode({'q': q})}" for q in p["queries"]],
    "admin-attributions": lambda p: [ADMIN_ATTRIBUTIONS],
}

CASES = [
    Case("list", "list, page of 50 with nested attributions (anonymous)", floor=True),
    Case("detail", "detail of a published statement", floor=True),
    Case("speaker", "filter by speaker, page of 50", floor=True),
    Case("source", "filter by source, page of 50"),
    Case("status", "filter by status=draft (editor), page of 50", editor=True),
    Case("dates", "filter by stated_on, one-week windows, page of 50", floor=True),
    Case("search", "q search, ranked, page of 20 (varied queries)", needs=SEARCH + "?q=troops"),
    Case("search-rare", "statements/?q= a rare word, page of 20", floor=True),
    Case("search-frequent", "statements/?q= a word in ~5 % of statements, page of 20", floor=True),
    Case("facets", "search/ with snippets and facets, page of 20", needs=SEARCH + "?q=troops"),
    Case("facets-rare", "search/ a rare word, page of 20", needs=SEARCH + "?q=troops", floor=True),
    Case(
        "facets-frequent",
        "search/ a word in ~5 % of statements",
        needs=SEARCH + "?q=troops",
        floor=True,
    ),
    # The admin, as a superuser signed in (a session cookie): ``--case admin`` runs them all.
    Case("admin-list", "admin: the statements' list, first page", admin=True),
    Case("admin-page2", "admin: the statements' list, second page", admin=True),
    Case("admin-speaker", "admin: the statements' list filtered by a speaker", admin=True),
    Case("admin-change", "admin: a statement's change page", admin=True),
    Case("admin-search", "admin: the statements' list searched (varied queries)", admin=True),
    Case("admin-attributions", "admin: the attributions' list, first page", admin=True),
]

# PostgreSQL's English stop words among the corpus's frequent words: a query of one of them
# finds nothing there, so it would flatter the figures.
STOP_WORDS = frozenset(
    "the of to and a in that is for on was with he it as by at from his have be are has not "
    "but they this were had an which who will their been its more after there we about all "
    "than up other when into over what some against during before under between while "
    "further once here where why how any both each few most such only own same so too very "
    "can just should now".split()
)


def word_share(word: str, texts: list[str]) -> float:
    """The share of ``texts`` that hold ``word`` (as a whole word, any case)."""
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    return sum(1 for text in texts if pattern.search(text)) / len(texts) if texts else 0.0


def frequent_word(seed: int, texts: list[str], share: float = 0.05) -> tuple[str, float]:
    """The corpus's content word whose share of ``texts`` (a sample) is nearest ``share``."""
    vocabulary = Vocabulary.build(random.Random(seed)).words
    words = [w for w in dict.fromkeys(vocabulary[:400]) if w not in STOP_WORDS and len(w) > 2]
    shares = {word: word_share(word, texts) for word in words}
    word = min(shares, key=lambda w: abs(shares[w] - share))
    return word, shares[word]


def rare_words(seed: int) -> list[str]:
    """Candidates for a rare word, in a fixed order for a seed (the benchmark keeps the
    first that the search finds)."""
    vocabulary = Vocabulary.build(random.Random(seed)).words
    return [w for w in vocabulary[5000:5100] if w not in STOP_WORDS and len(w) > 3]


def search_queries(seed: int, texts: list[str], names: list[str]) -> list[str]:
    """At least 200 varied queries, in a fixed order for a seed: every one of the 30 most
    frequent content words of the corpus (the head matches a third of all statements),
    mid-frequency and rare words, two words, OR, exclusions, phrases taken from statements'
    texts, and speakers' surnames with a word."""
    rng = random.Random(seed)
    # Built as Corpus builds it: first thing from a generator seeded with the seed.
    vocabulary = Vocabulary.build(random.Random(seed)).words
    frequent = [word for word in vocabulary[:150] if word not in STOP_WORDS and len(word) > 2]
    frequent = list(dict.fromkeys(frequent))[:30]
    middle, rare = vocabulary[150:3000], vocabulary[3000:20_000]
    queries = [*frequent, *rng.sample(middle, 70), *rng.sample(rare, 30)]
    queries += [f"{rng.choice(frequent)} {rng.choice(middle)}" for _ in range(25)]
    queries += [f"{rng.choice(middle)} OR {rng.choice(middle)}" for _ in range(15)]
    queries += [f"{rng.choice(frequent)} -{rng.choice(frequent)}" for _ in range(10)]
    for text in texts[:15]:
        words = re.findall(r"[A-Za-z]{4,}", text)
        if len(words) >= 2:
            start = rng.randrange(len(words) - 1)
            queries.append(f'"{words[start]} {words[start + 1]}"')
    surnames = [name.split()[-1] for name in names if " " in name]
    queries += [f"{surname} {rng.choice(frequent)}" for surname in surnames[:10]]
    rng.shuffle(queries)
    return queries
