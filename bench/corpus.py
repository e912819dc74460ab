"""A deterministic synthetic corpus of news-like statements, at any size.

The same size and seed always give the same rows, on any machine. Proportions follow the
issue: speakers ≈ statements / 50, sources ≈ statements / 10, about 1.3 attributions per
statement. Text is drawn from a Zipf-distributed vocabulary (exponent ≈ 1.07, as in news
corpora) whose top ranks are real frequent English words, then news words and named
entities, then a long tail of generated words: full-text search can be benchmarked on it
later with frequent, mid-frequency and rare terms.

Time runs with the ids: statement *i* is made about ``i / n`` of the way between 2015 and
2025, and is reported by sources published around then, so date filters select contiguous,
realistic slices. Every direct quote is anchored: its exact words stand once in the body of
its source, at the recorded ``quote_start``/``quote_end``.

Rows are plain tuples in the column order of ``COLUMNS``; the loader writes them. Sources
come last, because their bodies are made of the quotes that the statements put in them.
"""

import datetime as dt
import hashlib
import itertools
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
DEFAULT_SEED = 6

START = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
END = dt.datetime(2025, 12, 31, tzinfo=dt.UTC)
SPAN_SECONDS = (END - START).total_seconds()
ZIPF_EXPONENT = 1.07
TAIL_WORDS = 40_000
TOPICS = 250
CHUNK = 10_000  # statements per yielded chunk

# Column order of each table's rows, as the loader writes them.
COLUMNS = {
    "statements_topic": ("id", "slug"),
    "statements_speaker": (
        "id",
        "created_at",
        "updated_at",
        "name",
        "kind",
        "aliases",
        "description",
        "country",
        "wikidata_id",
    ),
    "statements_source": (
        "id",
        "created_at",
        "updated_at",
        "title",
        "url",
        "publisher",
        "kind",
        "published_at",
        "language",
        "body",
        "body_sha256",
        "archived_url",
        "status",
    ),
    "statements_statement": (
        "id",
        "created_at",
        "updated_at",
        "text",
        "language",
        "status",
        "retraction_reason",
    ),
    "statements_statement_topics": ("id", "statement_id", "topic_id"),
    "statements_attribution": (
        "id",
        "created_at",
        "updated_at",
        "statement_id",
        "speaker_id",
        "source_id",
        "mode",
        "speech_act",
        "verb",
        "speaker_role",
        "on_behalf_of_id",
        "occasion",
        "stated_on",
        "quote_exact",
        "quote_prefix",
        "quote_suffix",
        "quote_start",
        "quote_end",
        "quote_status",
        "quote_body_sha256",  # written by the loader once the bodies are
        "role_at_the_time_id",  # the corpus has no memberships: none
    ),
    "statements_relation": (
        "id",
        "created_at",
        "updated_at",
        "from_statement_id",
        "to_statement_id",
        "kind",
        "note",
    ),
}

# The most frequent words of English news text, most frequent first.
FREQUENT = (
    "the of to and a in that said is for on was with he it as by at from his have be are "
    "has not but they this were had an which who will their been would its also more "
    "after there we about one all than new two up other people could when into last year "
    "government over what some state officials president minister said percent security "
    "country against military forces troops war police told during before since under "
    "between while three million report national public group former first called week "
    "support after talks deal statement spokesman foreign defence health economy border "
    "election court policy leaders rights attack news agency prime council"
).split()
NEWS = (
    "ceasefire sanctions deployment missile drone intelligence parliament referendum "
    "inflation tariffs vaccine outbreak pipeline offensive negotiations humanitarian "
    "refugees coalition opposition protest verdict indictment investigation allegations "
    "casualties reconstruction embargo summit treaty budget deficit unemployment "
    "emissions climate flooding earthquake wildfire shortage subsidies reform corruption "
    "testimony hearing briefing spokesperson ambassador delegation mediator observers "
    "militants insurgents battalion brigade artillery convoy frontline airstrike blockade"
).split()
PLACES = (
    "Russia Ukraine Kyiv Moscow Washington Beijing China Taiwan Seoul Pyongyang Tokyo "
    "Berlin Paris London Brussels Rome Madrid Warsaw Ankara Tehran Israel Gaza Cairo "
    "Riyadh Delhi Islamabad Kabul Baghdad Damascus Beirut Nairobi Lagos Pretoria Brasilia "
    "Mexico Ottawa Canberra Jakarta Manila Hanoi Bangkok Geneva Vienna Vladivostok Kursk "
    "Donetsk Kharkiv Crimea Sudan Yemen Venezuela Haiti Niger Mali Ethiopia Somalia"
).split()
FIRST_NAMES = (
    "John Mary Lloyd Antony Olena Dmitry Sergei Kim Yoon Li Wei Amina Fatima Carlos Ana "
    "Pedro Jean Marie Hans Greta Ahmed Omar Priya Ravi Yuki Hiroshi Ngozi Kwame Lucia "
    "Marco Elena Ivan Anna Peter Sarah David Laura Michael Sofia James Emma Robert Nadia"
).split()
LAST_NAMES = (
    "Austin Kirby Blinken Zelensky Peskov Lavrov Jong Suk Chen Zhang Okafor Diallo Silva "
    "Santos Dupont Martin Schmidt Muller Rahman Khan Sharma Patel Tanaka Sato Mensah "
    "Rossi Bianchi Petrov Ivanova Novak Kowalski Smith Johnson Brown Garcia Lopez Haddad "
    "Nasser Cohen Levy Anderson Nguyen Tran Park Lee Choi Yilmaz Demir Costa Ferreira"
).split()
COUNTRIES = (
    "US RU UA KR KP CN JP DE FR GB IT ES PL TR IR IL EG SA IN PK AF IQ SY LB KE NG ZA BR "
    "MX CA AU ID PH VN TH CH AT"
).split()
ROLES = (
    "defence secretary",
    "foreign minister",
    "spokesperson",
    "national security adviser",
    "prime minister",
    "president",
    "army chief",
    "intelligence chief",
    "ambassador",
    "health minister",
    "senior official",
    "analyst",
    "opposition leader",
    "mayor",
)
OCCASIONS = (
    "press briefing in {}",
    "news conference in {}",
    "interview in {}",
    "speech in {}",
    "summit in {}",
    "televised address from {}",
    "parliamentary hearing in {}",
)
PUBLISHER_NAMES = (
    "Daily",
    "Times",
    "Herald",
    "Post",
    "Tribune",
    "Wire",
    "Observer",
    "Chronicle",
    "Gazette",
    "Journal",
    "Monitor",
    "Dispatch",
    "Courier",
    "Ledger",
    "Standard",
)
SPEECH_ACTS = (
    ("assertion", ("said", "stated", "claimed", "told reporters", "insisted", "confirmed")),
    ("denial", ("denied", "rejected", "dismissed", "refuted")),
    ("projection", ("projected", "estimated", "predicted", "expects")),
    ("warning", ("warned", "cautioned", "threatened")),
    ("concern", ("expressed concern", "said he was worried", "voiced alarm")),
    ("request", ("called for", "urged", "demanded", "asked")),
    ("other", ("noted", "added", "remarked")),
)
SPEECH_ACT_WEIGHTS = (50, 12, 8, 10, 8, 7, 5)
MODES = (("direct_quote", 35), ("paraphrase", 45), ("summary", 20))
SPEAKER_KINDS = (
    ("person", 60),
    ("organization", 12),
    ("government", 15),
    ("group", 5),
    ("unnamed", 8),
)
SOURCE_KINDS = (
    ("news_article", 70),
    ("press_briefing", 8),
    ("transcript", 5),
    ("official_statement", 6),
    ("social_media_post", 5),
    ("report", 3),
    ("interview", 2),
    ("other", 1),
)
STATEMENT_STATUSES = (("published", 90), ("draft", 7), ("retracted", 3))
SOURCE_STATUSES = (("current", 95), ("corrected", 4), ("retracted", 1))
RELATION_KINDS = ("denies", "contradicts", "supports", "updates", "responds_to", "same_claim")
RETRACTION_REASON = "The reporting source corrected its account of this statement."


def _cumulative(weights) -> list[float]:
    return list(itertools.accumulate(weights))


def _generated_word(rng: random.Random) -> str:
    syllables = (
        "ka",
        "ro",
        "mi",
        "tan",
        "vel",
        "or",
        "us",
        "shi",
        "pra",
        "len",
        "dor",
        "gi",
        "bel",
        "net",
        "sa",
        "qu",
        "ist",
        "an",
        "er",
        "on",
        "lo",
        "fer",
        "zu",
        "mar",
    )
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


@dataclass
class Vocabulary:
    """Words by rank, with Zipf cumulative weights for ``random.choices``."""

    words: list[str]
    cumulative: list[float] = field(init=False)

    def __post_init__(self) -> None:
        self.cumulative = _cumulative(
            1 / rank**ZIPF_EXPONENT for rank in range(1, len(self.words) + 1)
        )

    @classmethod
    def build(cls, rng: random.Random) -> "Vocabulary":
        words = list(dict.fromkeys(FREQUENT))
        # News words and places in the middle ranks, in a fixed shuffled order.
        middle = [*NEWS, *PLACES]
        rng.shuffle(middle)
        words += [word for word in middle if word not in words]
        seen = set(words)
        while len(words) < TAIL_WORDS:
            word = _generated_word(rng)
            if word not in seen:
                seen.add(word)
                words.append(word)
        return cls(words)

    def sample(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)


def _weighted(pairs) -> tuple[tuple, list[float]]:
    values, weights = zip(*pairs, strict=True)
    return values, _cumulative(weights)


@dataclass
class Counts:
    statements: int
    speakers: int
    sources: int
    topics: int

    @classmethod
    def for_size(cls, statements: int) -> "Counts":
        return cls(
            statements=statements,
            speakers=max(statements // 50, 10),
            sources=max(statements // 10, 10),
            topics=min(TOPICS, max(statements // 40, 10)),
        )


class Corpus:
    """The corpus of ``statements`` statements. Iterate ``tables()`` once, in order."""

    def __init__(self, statements: int, seed: int = DEFAULT_SEED) -> None:
        self.counts = Counts.for_size(statements)
        self.seed = seed
        self.rng = random.Random(seed)
        self.vocabulary = Vocabulary.build(self.rng)
        self._speakers: list[tuple[str, str, str]] = []  # (name, kind, role) by id - 1
        self._governments: list[int] = []
        self._speaker_cumulative = _cumulative(
            1 / rank**0.9 for rank in range(1, self.counts.speakers + 1)
        )
        # Per source: the paragraphs quoted in its body so far, and the body's length.
        self._source_paragraphs: list[list[str]] = [[] for _ in range(self.counts.sources)]
        self._source_lengths: list[int] = []
        self._source_leads: list[str] = []
        self._source_dates: list[dt.datetime] = []
        self.attributions = 0
        self.relations = 0
        self.topic_links = 0

    # --- helpers -------------------------------------------------------------------------

    def _sentence(self, low: int, high: int) -> str:
        words = self.vocabulary.sample(self.rng, self.rng.randint(low, high))
        if len(words) > 8 and self.rng.random() < 0.5:
            words[len(words) // 2] += ","
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def _title(self) -> str:
        words = self.vocabulary.sample(self.rng, self.rng.randint(5, 10))
        return " ".join(word.capitalize() if i == 0 else word for i, word in enumerate(words))

    def _moment(self, fraction: float) -> dt.datetime:
        jitter = self.rng.uniform(-1800, 1800)
        seconds = min(max(fraction * SPAN_SECONDS + jitter, 0), SPAN_SECONDS)
        return (START + dt.timedelta(seconds=seconds)).replace(microsecond=0)

    # --- tables --------------------------------------------------------------------------

    def topics(self) -> list[tuple]:
        names = [*NEWS, *PLACES, *FREQUENT[60:]]
        slugs = list(dict.fromkeys(name.lower() for name in names))
        while len(slugs) < self.counts.topics:
            slugs.append(f"{_generated_word(self.rng)}-{len(slugs)}")
        return [(number, slug) for number, slug in enumerate(slugs[: self.counts.topics], 1)]

    def speakers(self) -> list[tuple]:
        rows = []
        kinds, kind_weights = _weighted(SPEAKER_KINDS)
        for number in range(1, self.counts.speakers + 1):
            kind = self.rng.choices(kinds, cum_weights=kind_weights)[0]
            country = self.rng.choice(COUNTRIES)
            place = self.rng.choice(PLACES)
            aliases: list[str] = []
            if kind == "person":
                first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
                name = f"{first} {last}"
                if number > len(FIRST_NAMES) * len(LAST_NAMES) // 4:
                    name = f"{first} {self.rng.choice('ABCDEFGHJKLMNPRSTVW')}. {last}"
                if self.rng.random() < 0.15:
                    aliases = [last, f"{first[0]}. {last}"]
                role = self.rng.choice(ROLES)
            elif kind == "government":
                name = f"Government of {place} {number}"
                role = "government"
                self._governments.append(number)
            elif kind == "organization":
                body = self.rng.choice(("Institute", "Agency", "Council", "Bank"))
                name = f"{place} {body} {number}"
                role = "organization"
            elif kind == "group":
                name = f"{place} {self.rng.choice(('Alliance', 'Front', 'Movement'))} {number}"
                role = "group"
            else:
                name = f"a senior {place} official ({number})"
                role = "senior official"
            wikidata = f"Q{1_000_000 + number}" if kind != "unnamed" and number % 5 < 2 else None
            moment = self._moment(0)
            rows.append(
                (
                    number,
                    moment,
                    moment,
                    name,
                    kind,
                    json.dumps(aliases),
                    f"Synthetic {kind} for the benchmark.",
                    country if kind != "unnamed" else "",
                    wikidata,
                )
            )
            self._speakers.append((name, kind, role))
        if not self._governments:
            self._governments.append(1)
        # Source dates and leads are drawn now, so that statements can cite them.
        for number in range(self.counts.sources):
            self._source_dates.append(self._moment((number + 0.5) / self.counts.sources))
            lead = self._sentence(20, 40) + "\n\n"
            self._source_leads.append(lead)
            self._source_lengths.append(len(lead))
        return rows

    def statements(self) -> Iterator[dict[str, list[tuple]]]:
        """Chunks of rows: statements with their attributions, topic links and relations."""
        rng = self.rng
        n = self.counts.statements
        statuses, status_weights = _weighted(STATEMENT_STATUSES)
        modes, mode_weights = _weighted(MODES)
        acts_weights = _cumulative(SPEECH_ACT_WEIGHTS)
        topic_weights = _cumulative(1 / rank for rank in range(1, self.counts.topics + 1))
        topic_ids = list(range(1, self.counts.topics + 1))
        speaker_ids = list(range(1, self.counts.speakers + 1))
        # A fixed permutation, so that popular speakers are spread over the id range.
        rng.shuffle(speaker_ids)
        relation_keys: set[tuple[int, int, str]] = set()
        chunk: dict[str, list[tuple]] = {}
        for number in range(1, n + 1):
            if not chunk:
                chunk = {
                    table: []
                    for table in COLUMNS
                    if table not in ("statements_topic", "statements_speaker", "statements_source")
                }
            fraction = (number - 0.5) / n
            moment = self._moment(fraction)
            status = rng.choices(statuses, cum_weights=status_weights)[0]
            text = self._sentence(12, 32)
            chunk["statements_statement"].append(
                (
                    number,
                    moment,
                    moment,
                    text,
                    "en",
                    status,
                    RETRACTION_REASON if status == "retracted" else "",
                )
            )
            for topic in sorted(
                set(
                    rng.choices(
                        topic_ids, cum_weights=topic_weights, k=rng.choice((0, 1, 1, 2, 2, 3))
                    )
                )
            ):
                self.topic_links += 1
                chunk["statements_statement_topics"].append((self.topic_links, number, topic))
            # 1, 2 or 3 attributions (mean 1.3), each from a distinct source near that time.
            how_many = rng.choices((1, 2, 3), cum_weights=(75, 95, 100))[0]
            centre = int(fraction * self.counts.sources)
            sources = set()
            while len(sources) < how_many:
                offset = int(rng.gauss(0, 8))
                sources.add(min(max(centre + offset, 0), self.counts.sources - 1))
            for source_index in sorted(sources):
                speaker = speaker_ids[
                    rng.choices(range(self.counts.speakers), cum_weights=self._speaker_cumulative)[
                        0
                    ]
                ]
                self._attribution(
                    chunk, number, speaker, source_index, text, modes, mode_weights, acts_weights
                )
            if number > 10 and rng.random() < 0.04:
                target = rng.randint(max(1, number - 5000), number - 1)
                kind = rng.choice(RELATION_KINDS)
                if (number, target, kind) not in relation_keys:
                    relation_keys.add((number, target, kind))
                    self.relations += 1
                    chunk["statements_relation"].append(
                        (self.relations, moment, moment, number, target, kind, "")
                    )
            if number % CHUNK == 0 or number == n:
                yield chunk
                chunk = {}

    def _attribution(
        self, chunk, statement, speaker, source_index, text, modes, mode_weights, acts_weights
    ) -> None:
        rng = self.rng
        name, kind, role = self._speakers[speaker - 1]
        mode = rng.choices(modes, cum_weights=mode_weights)[0]
        act, verbs = rng.choices(SPEECH_ACTS, cum_weights=acts_weights)[0]
        verb = rng.choice(verbs)
        published = self._source_dates[source_index]
        stated_on = (
            None if rng.random() < 0.1 else published.date() - dt.timedelta(days=rng.randint(0, 2))
        )
        on_behalf_of = None
        if kind == "person" and rng.random() < 0.1:
            on_behalf_of = rng.choice(self._governments)
            if on_behalf_of == speaker:
                on_behalf_of = None
        occasion = rng.choice(OCCASIONS).format(rng.choice(PLACES)) if rng.random() < 0.3 else ""
        exact, start, end = "", None, None
        if mode == "direct_quote":
            opening = f'{name} {verb}: "'
            paragraph = f'{opening}{text}"\n\n'
            start = self._source_lengths[source_index] + len(opening)
            end = start + len(text)
            exact = text
            self._source_paragraphs[source_index].append(paragraph)
            self._source_lengths[source_index] += len(paragraph)
        self.attributions += 1
        chunk["statements_attribution"].append(
            (
                self.attributions,
                published,
                published,
                statement,
                speaker,
                source_index + 1,
                mode,
                act,
                verb,
                role,
                on_behalf_of,
                occasion,
                stated_on,
                exact,
                "",
                "",
                start,
                end,
                "anchored" if exact else "unanchored",
                "",
                None,
            )
        )

    def sources(self) -> Iterator[list[tuple]]:
        """The sources, in chunks; only after ``statements()`` is exhausted."""
        kinds, kind_weights = _weighted(SOURCE_KINDS)
        statuses, status_weights = _weighted(SOURCE_STATUSES)
        publishers = [
            f"{place} {self.rng.choice(PUBLISHER_NAMES)}" for place in PLACES for _ in range(4)
        ]
        publisher_weights = _cumulative(1 / rank for rank in range(1, len(publishers) + 1))
        rows = []
        for index in range(self.counts.sources):
            number = index + 1
            body = self._source_leads[index] + "".join(self._source_paragraphs[index])
            self._source_paragraphs[index] = []
            published = self._source_dates[index]
            publisher = self.rng.choices(publishers, cum_weights=publisher_weights)[0]
            title = self._title()
            slug = "-".join(title.lower().split()[:6])
            domain = publisher.lower().replace(" ", "") + ".example"
            url = f"https://www.{domain}/{published:%Y/%m/%d}/{slug}-{number}"
            kind = self.rng.choices(kinds, cum_weights=kind_weights)[0]
            status = self.rng.choices(statuses, cum_weights=status_weights)[0]
            digest = hashlib.sha256(body.encode()).hexdigest()
            rows.append(
                (
                    number,
                    published,
                    published,
                    title,
                    url,
                    publisher,
                    kind,
                    published,
                    "en",
                    body,
                    digest,
                    "",
                    status,
                )
            )
            if len(rows) == CHUNK:
                yield rows
                rows = []
        if rows:
            yield rows


# --- lines that cite the corpus's sources at random ------------------------------------------

# A quote must stand in its source's body, which a new statement's text does not.
CITING_MODES = (("paraphrase", 70), ("summary", 30))


def citing_lines(statements: int, lines: int, seed: int = DEFAULT_SEED) -> Iterator[bytes]:
    """``lines`` NDJSON lines, as the export writes them, of new statements whose
    attributions cite the sources of the corpus of ``statements`` (same seed) uniformly at
    random, by speakers of that corpus: what an import into a database that holds the
    corpus finds nearly every line's sources in, so that its "already imported?" check runs
    against existing attributions on every line."""
    corpus = Corpus(statements, seed)
    topics = [slug for _, slug in corpus.topics()]  # in the loader's order, as they draw
    speakers = corpus.speakers()
    for _ in corpus.statements():  # the sources' titles are drawn after the statements
        pass
    sources = [
        {
            "title": title,
            "url": url,
            "publisher": publisher,
            "kind": kind,
            "status": status,
            "published_at": published.isoformat(),
        }
        for chunk in corpus.sources()
        for (_, _, _, title, url, publisher, kind, published, _, _, _, _, status) in chunk
    ]
    people = [
        {"id": number, "name": name, "kind": kind, "wikidata_id": wikidata}
        for (number, _, _, name, kind, _, _, _, wikidata) in speakers
    ]
    rng = random.Random(seed + 1)
    statuses, status_weights = _weighted(STATEMENT_STATUSES)
    modes, mode_weights = _weighted(CITING_MODES)
    acts_weights = _cumulative(SPEECH_ACT_WEIGHTS)
    for _ in range(lines):
        words = corpus.vocabulary.sample(rng, rng.randint(12, 32))
        status = rng.choices(statuses, cum_weights=status_weights)[0]
        attributions = []
        how_many = rng.choices((1, 2, 3), cum_weights=(75, 95, 100))[0]
        for source in rng.sample(sources, how_many):
            speaker = people[
                rng.choices(range(len(people)), cum_weights=corpus._speaker_cumulative)[0]
            ]
            act, verbs = rng.choices(SPEECH_ACTS, cum_weights=acts_weights)[0]
            published = dt.datetime.fromisoformat(source["published_at"])
            attributions.append(
                {
                    "speaker": speaker,
                    "source": source,
                    "mode": rng.choices(modes, cum_weights=mode_weights)[0],
                    "speech_act": act,
                    "verb": rng.choice(verbs),
                    "speaker_role": corpus._speakers[speaker["id"] - 1][2],
                    "on_behalf_of": None,
                    "occasion": "",
                    "stated_on": published.date().isoformat(),
                    "quote": {"exact": "", "prefix": "", "suffix": ""},
                }
            )
        line = {
            "text": words[0].capitalize() + " " + " ".join(words[1:]) + ".",
            "language": "en",
            "topics": sorted(set(rng.sample(topics, rng.choice((0, 1, 1, 2))))),
            "status": status,
            "retraction_reason": RETRACTION_REASON if status == "retracted" else "",
            "attributions": attributions,
        }
        yield json.dumps(line).encode() + b"\n"
