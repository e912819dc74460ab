"""The word lists the rules read: reporting verbs and their speech acts, speaker nouns, titles."""

import re

from statements.choices import SpeechAct

# Reporting verbs by lemma. A multi-word cue keeps its tail ("express concern").
REPORTING_VERBS: dict[str, str] = {
    # assertions
    "say": SpeechAct.ASSERTION,
    "state": SpeechAct.ASSERTION,
    "claim": SpeechAct.ASSERTION,
    "tell": SpeechAct.ASSERTION,
    "add": SpeechAct.ASSERTION,
    "note": SpeechAct.ASSERTION,
    "explain": SpeechAct.ASSERTION,
    "argue": SpeechAct.ASSERTION,
    "insist": SpeechAct.ASSERTION,
    "assert": SpeechAct.ASSERTION,
    "confirm": SpeechAct.ASSERTION,
    "announce": SpeechAct.ASSERTION,
    "describe": SpeechAct.ASSERTION,
    "mention": SpeechAct.ASSERTION,
    "emphasize": SpeechAct.ASSERTION,
    "emphasise": SpeechAct.ASSERTION,
    "stress": SpeechAct.ASSERTION,
    "acknowledge": SpeechAct.ASSERTION,
    "admit": SpeechAct.ASSERTION,
    "concede": SpeechAct.ASSERTION,
    "suggest": SpeechAct.ASSERTION,
    "declare": SpeechAct.ASSERTION,
    "reiterate": SpeechAct.ASSERTION,
    "allege": SpeechAct.ASSERTION,
    "accuse": SpeechAct.ASSERTION,
    "contend": SpeechAct.ASSERTION,
    "testify": SpeechAct.ASSERTION,
    "conclude": SpeechAct.ASSERTION,
    "reply": SpeechAct.ASSERTION,
    "respond": SpeechAct.ASSERTION,
    "counter": SpeechAct.ASSERTION,
    "write": SpeechAct.ASSERTION,
    "point out": SpeechAct.ASSERTION,
    "report": SpeechAct.ASSERTION,
    "boast": SpeechAct.ASSERTION,
    "recall": SpeechAct.ASSERTION,
    "believe": SpeechAct.ASSERTION,
    "find": SpeechAct.ASSERTION,
    "show": SpeechAct.ASSERTION,
    "criticise": SpeechAct.ASSERTION,
    "criticize": SpeechAct.ASSERTION,
    "signal": SpeechAct.ASSERTION,
    "welcome": SpeechAct.ASSERTION,
    "defend": SpeechAct.ASSERTION,
    # denials
    "deny": SpeechAct.DENIAL,
    "reject": SpeechAct.DENIAL,
    "dismiss": SpeechAct.DENIAL,
    "refute": SpeechAct.DENIAL,
    "rebut": SpeechAct.DENIAL,
    "dispute": SpeechAct.DENIAL,
    "rule out": SpeechAct.DENIAL,
    "disavow": SpeechAct.DENIAL,
    # warnings
    "warn": SpeechAct.WARNING,
    "caution": SpeechAct.WARNING,
    "threaten": SpeechAct.WARNING,
    # projections
    "project": SpeechAct.PROJECTION,
    "expect": SpeechAct.PROJECTION,
    "predict": SpeechAct.PROJECTION,
    "forecast": SpeechAct.PROJECTION,
    "estimate": SpeechAct.PROJECTION,
    "anticipate": SpeechAct.PROJECTION,
    "pledge": SpeechAct.PROJECTION,
    "promise": SpeechAct.PROJECTION,
    "vow": SpeechAct.PROJECTION,
    # concerns
    "express concern": SpeechAct.CONCERN,
    "express concerns": SpeechAct.CONCERN,
    "voice concern": SpeechAct.CONCERN,
    "voice concerns": SpeechAct.CONCERN,
    "raise concerns": SpeechAct.CONCERN,
    "express alarm": SpeechAct.CONCERN,
    "worry": SpeechAct.CONCERN,
    "fear": SpeechAct.CONCERN,
    "lament": SpeechAct.CONCERN,
    # requests
    "urge": SpeechAct.REQUEST,
    "call on": SpeechAct.REQUEST,
    "call for": SpeechAct.REQUEST,
    "ask": SpeechAct.REQUEST,
    "request": SpeechAct.REQUEST,
    "demand": SpeechAct.REQUEST,
    "appeal": SpeechAct.REQUEST,
    "plead": SpeechAct.REQUEST,
    "implore": SpeechAct.REQUEST,
    "recommend": SpeechAct.REQUEST,
    "advise": SpeechAct.REQUEST,
    "propose": SpeechAct.REQUEST,
    "push for": SpeechAct.REQUEST,
    # acts reported as such, not claims
    "assess": SpeechAct.OTHER,
    "consider": SpeechAct.OTHER,
    "summon": SpeechAct.OTHER,
    "question": SpeechAct.OTHER,
    "decline to comment": SpeechAct.OTHER,
    "decline to say": SpeechAct.OTHER,
}

# Participles that continue a reported clause with the same speaker (", warning of …").
CONTINUING_PARTICIPLES = frozenset(
    {
        "saying",
        "adding",
        "noting",
        "warning",
        "suggesting",
        "insisting",
        "arguing",
        "explaining",
        "claiming",
        "stressing",
        "urging",
        "calling",
        "describing",
        "denying",
        "predicting",
        "vowing",
        "pledging",
        "accusing",
        "emphasizing",
        "emphasising",
        "telling",
        "criticising",
        "criticizing",
    }
)

_IRREGULAR = {
    "say": ["said"],
    "tell": ["told"],
    "write": ["wrote", "written"],
    "forecast": ["forecast"],
    "find": ["found"],
    "show": ["shown"],
}


def inflections(lemma: str) -> list[str]:
    """The forms of a (possibly multi-word) verb lemma: lemma, -s, -ed, -ing, irregulars."""
    head, _, tail = lemma.partition(" ")
    if head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("s", "sh", "ch", "x")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    elif head in {"admit", "rebut", "plan"}:
        forms = [head, head + "s", head + head[-1] + "ed", head + head[-1] + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    if head in _IRREGULAR:
        forms = [f for f in forms if not f.endswith("ed")] + _IRREGULAR[head]
    return [f"{form} {tail}" if tail else form for form in forms]


# form (lower-case) -> lemma
VERB_FORMS: dict[str, str] = {
    form: lemma for lemma in REPORTING_VERBS for form in inflections(lemma)
}
VERB_PATTERN = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(form).replace(r"\ ", r"\s+") for form in sorted(VERB_FORMS, key=len, reverse=True)
    )
    + r")\b",
    re.IGNORECASE,
)

# Words in a reported clause that name its speech act better than a neutral verb does.
# Each cue applies to reported words in quotation marks ("direct"), in the reporter's
# words ("paraphrase"), or both. "would" and "expected" look ahead only in reported speech,
# where "will" has become "would"; in a quotation they mostly look back.
CONTENT_CUES: list[tuple[str, str, re.Pattern[str]]] = [
    (
        SpeechAct.DENIAL,
        "both",
        re.compile(
            r"\b(?:false|untrue|baseless|groundless|fabricat(?:ed|ion)|unfounded|no\s+truth)\b",
            re.IGNORECASE,
        ),
    ),
    (
        SpeechAct.CONCERN,
        "both",
        re.compile(
            r"\b(?:concern(?:s|ed|ing)?|worr(?:y|ied|ying|ies)|alarm(?:ed|ing)?|"
            r"serious(?:ness)?|troubl(?:ing|ed))\b",
            re.IGNORECASE,
        ),
    ),
    (
        SpeechAct.WARNING,
        "both",
        re.compile(r"\b(?:consequences|danger(?:s|ous)?|risks?\s+of)\b", re.IGNORECASE),
    ),
    (
        SpeechAct.PROJECTION,
        "both",
        re.compile(
            r"\b(?:will|may|might|could|potential\s+for|likely\s+to|expected\s+to|"
            r"set\s+to|on\s+track\s+to)\b",
            re.IGNORECASE,
        ),
    ),
    (
        SpeechAct.PROJECTION,
        "paraphrase",
        re.compile(r"\b(?:would|expect(?:s|ed)?|predict(?:s|ed)?|forecast)\b", re.IGNORECASE),
    ),
]

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady"})

# Words that make a capitalised phrase a role rather than a name ("Secretary-General").
TITLE_WORDS = frozenset(
    {
        "president",
        "vice-president",
        "prime",
        "minister",
        "secretary",
        "secretary-general",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chancellor",
        "general",
        "gen.",
        "senator",
        "sen.",
        "governor",
        "gov.",
        "mayor",
        "director",
        "chief",
        "ambassador",
        "ceo",
        "chairman",
        "chairwoman",
        "chair",
        "commissioner",
        "representative",
        "rep.",
        "king",
        "queen",
        "premier",
        "leader",
        "head",
        "judge",
        "justice",
        "inspector",
        "officer",
        "admiral",
        "colonel",
        "captain",
        "professor",
        "economist",
        "analyst",
        "founder",
        "executive",
        "manager",
        "councillor",
        "councilor",
        "lawmaker",
        "mp",
        "envoy",
        "adviser",
        "advisor",
        "deputy",
        "member",
        "foreign",
        "defence",
        "defense",
        "finance",
        "health",
        "interior",
        "national",
        "security",
        "house",
    }
)

# Heads of noun phrases that can speak without a name: they make unnamed speakers.
UNNAMED_HEADS = frozenset(
    {
        "analysts",
        "analyst",
        "officials",
        "official",
        "experts",
        "expert",
        "diplomats",
        "diplomat",
        "sources",
        "source",
        "observers",
        "critics",
        "economists",
        "economist",
        "investigators",
        "researchers",
        "scientists",
        "people",
        "insiders",
        "aides",
        "aide",
        "officers",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "lawmakers",
        "commentators",
        "witnesses",
        "doctors",
        "engineers",
        "inspectors",
        "executives",
        "authorities",
        "intelligence",
    }
)
# Collectives that the source treats as a body of people with a shared voice.
GROUP_HEADS = frozenset(
    {
        "residents",
        "protesters",
        "campaigners",
        "activists",
        "farmers",
        "workers",
        "parents",
        "teachers",
        "nurses",
        "families",
        "villagers",
        "shopkeepers",
        "tenants",
        "fishermen",
        "unions",
        "opponents",
        "supporters",
        "environmentalists",
        "members",
        "groups",
        "owners",
        "students",
        "patients",
        "voters",
        "customers",
        "employees",
        "staff",
    }
)
ORGANIZATION_WORDS = frozenset(
    {
        "ministry",
        "department",
        "agency",
        "council",
        "committee",
        "company",
        "corporation",
        "bank",
        "union",
        "organization",
        "organisation",
        "office",
        "commission",
        "court",
        "board",
        "authority",
        "institute",
        "association",
        "federation",
        "party",
        "group",
        "fund",
        "alliance",
        "inc",
        "ltd",
        "plc",
        "corp",
        "university",
        "foundation",
        "police",
        "service",
        # the endings of company names
        "minerals",
        "mining",
        "homes",
        "holdings",
        "motors",
        "airlines",
        "airways",
        "energy",
        "resources",
        "technologies",
        "systems",
        "partners",
        "capital",
        "media",
        "foods",
        "pharmaceuticals",
        "industries",
        "ventures",
        "networks",
        "petroleum",
        "steel",
        "insurance",
        "logistics",
        "software",
        "studios",
        "nato",
        "un",
        "eu",
    }
)
GOVERNMENT_WORDS = frozenset({"government", "administration", "kremlin", "cabinet"})

# Places that speak for their governments in news style but are no country names.
GOVERNMENT_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "united states of america": "United States",
}

# Words that never belong to a speaker's noun phrase: reading leftwards stops there.
NP_STOPWORDS = frozenset(
    {
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "while",
        "as",
        "because",
        "but",
        "after",
        "before",
        "with",
        "where",
        "if",
        "although",
        "though",
        "so",
        "than",
        "to",
        "on",
        "at",
        "by",
        "from",
        "about",
        "over",
        "under",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "not",
        "no",
        "this",
        "these",
        "those",
        "what",
        "whether",
        "how",
        "why",
        "there",
        "into",
        "amid",
        "during",
        "despite",
        "however",
        "meanwhile",
        "additionally",
        "also",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "did",
        "does",
        "do",
        "yet",
        "then",
        "now",
        "since",
        "until",
        "against",
        "among",
        "through",
        "his",
        "her",
        "our",
    }
)
# Adverbs and auxiliaries between a speaker and its verb ("has also repeatedly said").
BETWEEN_SUBJECT_AND_VERB = frozenset(
    {
        "also",
        "has",
        "have",
        "had",
        "all",
        "both",
        "repeatedly",
        "later",
        "previously",
        "again",
        "publicly",
        "further",
        "separately",
        "then",
        "since",
        "already",
        "flatly",
        "firmly",
        "strongly",
        "recently",
        "earlier",
        "privately",
        "quickly",
        "swiftly",
        "angrily",
        "bluntly",
        "openly",
        "is",
        "are",
        "was",
        "were",
        "once",
        "long",
        "reportedly",
        "insistently",
        "consistently",
        "categorically",
        "vehemently",
        "immediately",
        "subsequently",
        "today",
        "yesterday",
        "tonight",
        "week",
        "month",
        "year",
        "last",
        "this",
        "now",
        "would",
        "will",
    }
)
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "some",
        "several",
        "many",
        "other",
        "two",
        "three",
        "four",
        "five",
        "few",
        "most",
        "one",
        "another",
        "various",
        "senior",
    }
)

OCCASION_PATTERN = re.compile(
    r"\b(?:during|at|in|at\s+the\s+end\s+of)\s+(?:a|an|the|his|her|their|its)\s+"
    r"(?P<occasion>(?:[\w\u2019'-]+\s+){0,3}?"
    r"(?:press\s+briefing|press\s+conference|news\s+conference|briefing|interview|speech|"
    r"hearing|summit|meeting|rally|address|debate|statement|session|visit|podcast|"
    r"broadcast|televised\s+address)"
    r"(?:\s+(?:in|at|with|on|to)\s+(?:the\s+)?[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)*)?)",
)

# Words after which a verb form is a noun or an infinitive ("the state fund", "to say").
NOT_BEFORE_VERB = frozenset({"to", "the", "a", "an", "its", "their", "his", "her", "our", "this"})
# An unnamed spokesperson speaks for the body named last ("A spokesperson said …").
SPOKESPEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})
# "the company" is whichever company was last named; "the council" names a council.
GENERIC_BODIES = frozenset({"company", "firm", "group", "business", "operator"})
BE = frozenset({"is", "are", "was", "were", "been", "being", "be"})
NEGATIONS = frozenset({"not", "never", "n't", "no"})

HONORIFIC_GENDER = {"Mr": "he", "Mrs": "she", "Ms": "she", "Miss": "she"}
# Words that make a capitalised phrase a place or a body, not a person.
NOT_A_PERSON = (
    frozenset(
        {
            "street",
            "road",
            "avenue",
            "centre",
            "center",
            "river",
            "estate",
            "bridge",
            "square",
            "house",
            "park",
            "lane",
            "hall",
            "university",
            "europe",
            "the",
            "on",
            "in",
            "after",
            "according",
            "amid",
            "back",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "christmas",
        }
    )
    | TITLE_WORDS
    | ORGANIZATION_WORDS
    | GOVERNMENT_WORDS
)
