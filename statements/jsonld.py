"""The API's representations as JSON-LD: a statement is a schema.org ``Claim``, a speaker a
``Person`` or an ``Organization`` (``sameAs`` its Wikidata entity), a source a
``CreativeWork`` (a ``NewsArticle``, a ``Report``…), an attribution our own ``Attribution``
(also a schema.org ``Quotation`` when it is a direct quote) whose anchored quote is a W3C Web
Annotation (a ``SpecificResource`` of the source's URL with a ``TextQuoteSelector`` and a
``TextPositionSelector``).

Pure functions of the representations that the API and the export already build (dicts of
``representations.fields``' shapes, whole or with fields selected), so that every JSON-LD
answer says what the JSON one says. The documents name our context document (``context``),
which the product serves itself and which spells out every term as a full IRI: a JSON-LD
processor expands them without fetching anything else. Each node's ``@id`` is its API URL
(``IRIs``); values that are empty (``""``, ``null``, ``[]``) are left out, as JSON-LD has no
use for them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from statements.choices import AnchorStatus

SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
HYDRA = "http://www.w3.org/ns/hydra/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
# Wikidata's concept URIs ("Concept URI" on every item's page).
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

MEDIA_TYPE = "application/ld+json"

SPEAKER_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "government": "GovernmentOrganization",
    "group": "Organization",
    # "a senior US official", "analysts", "unattributed reports": we know no more than that
    # someone said it.
    "unnamed": "Thing",
}
SOURCE_TYPES = {
    "news_article": "NewsArticle",
    "report": "Report",
    "social_media_post": "SocialMediaPosting",
}
DEFAULT_SOURCE_TYPE = "CreativeWork"
DIRECT_QUOTE = "direct_quote"


def _term(iri: str, kind: str | None = None, container: str | None = None) -> str | dict:
    if kind is None and container is None:
        return iri
    definition = {"@id": iri}
    if kind is not None:
        definition["@type"] = kind
    if container is not None:
        definition["@container"] = container
    return definition


def context(vocabulary: str) -> dict[str, Any]:
    """The context document: schema.org's, the W3C annotations' and our own terms (under
    ``vocabulary``, the IRI of this document followed by ``#``), each mapped to its full
    IRI. The annotation terms are named as in the W3C's anno.jsonld."""
    schema = {
        name: f"schema:{name}"
        for name in (
            # classes
            "Claim",
            "Quotation",
            "CreativeWork",
            "NewsArticle",
            "Report",
            "SocialMediaPosting",
            "Person",
            "Organization",
            "GovernmentOrganization",
            "Thing",
            "ItemList",
            "CorrectionComment",
            # properties with literal values
            "name",
            "alternateName",
            "description",
            "text",
            "inLanguage",
            "keywords",
            "creativeWorkStatus",
            "numberOfItems",
        )
    }
    for name in ("url", "sameAs", "archivedAt"):
        schema[name] = _term(f"schema:{name}", "@id")
    # Properties whose values are node objects, embedded.
    for name in ("author", "appearance", "firstAppearance", "publisher"):
        schema[name] = f"schema:{name}"
    for name in ("spokenByCharacter", "isBasedOn"):  # their values are IRIs
        schema[name] = _term(f"schema:{name}", "@id")
    schema["datePublished"] = _term("schema:datePublished", "xsd:dateTime")
    schema["dateCreated"] = _term("schema:dateCreated", "xsd:dateTime")
    schema["correction"] = "schema:correction"  # embedded CorrectionComments
    schema["itemListElement"] = _term("schema:itemListElement", container="@list")
    annotation = {
        "Annotation": "oa:Annotation",
        "SpecificResource": "oa:SpecificResource",
        "TextQuoteSelector": "oa:TextQuoteSelector",
        "TextPositionSelector": "oa:TextPositionSelector",
        "identifying": "oa:identifying",
        "motivation": _term("oa:motivatedBy", "@vocab"),
        "body": _term("oa:hasBody", "@id"),
        "target": _term("oa:hasTarget", "@id"),
        "source": _term("oa:hasSource", "@id"),
        "selector": _term("oa:hasSelector", "@id"),
        "exact": "oa:exact",
        "prefix": "oa:prefix",
        "suffix": "oa:suffix",
        "start": _term("oa:start", "xsd:nonNegativeInteger"),
        "end": _term("oa:end", "xsd:nonNegativeInteger"),
    }
    paging = {
        "next": _term("hydra:next", "@id"),
        "previous": _term("hydra:previous", "@id"),
    }
    own = {
        "Attribution": "attributed:Attribution",
        "Relation": "attributed:Relation",
        "attribution": "attributed:attribution",
        "relation": "attributed:relation",
        "claim": _term("attributed:claim", "@id"),
        "speaker": "attributed:speaker",
        "reportedIn": "attributed:reportedIn",
        "onBehalfOf": "attributed:onBehalfOf",
        "quote": "attributed:quote",
        "kind": "attributed:kind",
        "mode": "attributed:mode",
        "speechAct": "attributed:speechAct",
        "verb": "attributed:verb",
        "speakerRole": "attributed:speakerRole",
        "occasion": "attributed:occasion",
        "statedOn": _term("attributed:statedOn", "xsd:date"),
        "country": "attributed:country",
        "bodySha256": "attributed:bodySha256",
        "retractionReason": "attributed:retractionReason",
        "note": "attributed:note",
        "from": _term("attributed:from", "@id"),
        "to": _term("attributed:to", "@id"),
        "createdAt": _term("attributed:createdAt", "xsd:dateTime"),
        "updatedAt": _term("attributed:updatedAt", "xsd:dateTime"),
    }
    prefixes = {
        "schema": SCHEMA,
        "oa": OA,
        "hydra": HYDRA,
        "xsd": XSD,
        "attributed": vocabulary,
    }
    return {"@context": {**prefixes, **schema, **annotation, **paging, **own}}


@dataclass(frozen=True)
class IRIs:
    """The ``@id`` of each object: its API URL, under ``api_root`` (absolute, ending in
    ``/``); ``context``, the context document's URL."""

    api_root: str

    @property
    def context(self) -> str:
        return f"{self.api_root}context.jsonld"

    def vocabulary(self) -> str:
        return f"{self.context}#"

    def statement(self, pk: int) -> str:
        return f"{self.api_root}statements/{pk}/"

    def speaker(self, pk: int) -> str:
        return f"{self.api_root}speakers/{pk}/"

    def source(self, pk: int) -> str:
        return f"{self.api_root}sources/{pk}/"

    def attribution(self, pk: int) -> str:
        return f"{self.api_root}attributions/{pk}/"

    def relation(self, pk: int) -> str:
        return f"{self.api_root}relations/{pk}/"


def _node(**values: Any) -> dict[str, Any]:
    """The values given, without the empty ones."""
    return {key: value for key, value in values.items() if value not in (None, "", [], {})}


def _id(iri_of, data: dict[str, Any] | None) -> str | None:
    return iri_of(data["id"]) if data and "id" in data else None


# --- Speakers ---------------------------------------------------------------------------------


def speaker(data: dict[str, Any], iris: IRIs) -> dict[str, Any]:
    """A speaker (whole, or the summary an attribution holds) as a Person or Organization."""
    wikidata_id = data.get("wikidata_id")
    return _node(
        **{"@id": _id(iris.speaker, data), "@type": SPEAKER_TYPES.get(data.get("kind", ""))},
        name=data.get("name"),
        alternateName=data.get("aliases"),
        description=data.get("description"),
        sameAs=f"{WIKIDATA_ENTITY}{wikidata_id}" if wikidata_id else None,
        kind=data.get("kind"),
        country=data.get("country"),
        createdAt=data.get("created_at"),
        updatedAt=data.get("updated_at"),
    )


# --- Sources ----------------------------------------------------------------------------------


def source(data: dict[str, Any], iris: IRIs) -> dict[str, Any]:
    """A source (whole, or the summary an attribution holds) as a CreativeWork of its kind."""
    kind = data.get("kind")
    publisher = data.get("publisher")
    return _node(
        **{
            "@id": _id(iris.source, data),
            "@type": SOURCE_TYPES.get(kind, DEFAULT_SOURCE_TYPE) if kind else None,
        },
        name=data.get("title"),
        url=data.get("url"),
        publisher={"@type": "Organization", "name": publisher} if publisher else None,
        datePublished=data.get("published_at"),
        inLanguage=data.get("language"),
        kind=kind,
        text=data.get("body"),
        bodySha256=data.get("body_sha256"),
        archivedAt=data.get("archived_url"),
        creativeWorkStatus=data.get("status"),
        createdAt=data.get("created_at"),
        updatedAt=data.get("updated_at"),
    )


# --- Attributions -----------------------------------------------------------------------------


def annotation(
    quote: dict[str, Any] | None, source_url: str | None, about: str | None
) -> dict[str, Any] | None:
    """The quote anchored in its source as a W3C Web Annotation identifying the passage as
    the attribution ``about``: its target the source's URL, selected by the quote (exact,
    prefix, suffix) and by its position (start, end) when the quote stands in the source's
    body as it is (not when it was orphaned by a change of the body: its offsets are then
    those of the old one)."""
    if not quote or not quote.get("exact"):
        return None
    selectors = [
        _node(
            **{"@type": "TextQuoteSelector"},
            exact=quote["exact"],
            prefix=quote.get("prefix"),
            suffix=quote.get("suffix"),
        )
    ]
    placed = quote.get("status") in (AnchorStatus.ANCHORED, AnchorStatus.REANCHORED)
    if placed and quote.get("start") is not None and quote.get("end") is not None:
        selectors.append(
            {"@type": "TextPositionSelector", "start": quote["start"], "end": quote["end"]}
        )
    return _node(
        **{"@id": f"{about}#quote" if about else None, "@type": "Annotation"},
        motivation="identifying",
        body=about,
        target=_node(**{"@type": "SpecificResource"}, source=source_url, selector=selectors),
    )


def attribution(
    data: dict[str, Any], iris: IRIs, *, statement: dict[str, Any] | None = None
) -> dict[str, Any]:
    """An attribution: who (``speaker``) said it, which source reported it (``reportedIn``)
    and how; a direct quote is also a Quotation. ``statement``: the statement it belongs
    to, when it is read within it (else its ``statement`` field names it by id); the
    statement's Claim holds the source whole, the attribution refers to it."""
    iri = _id(iris.attribution, data)
    speaker_data, source_data = data.get("speaker"), data.get("source")
    quote = data.get("quote")
    types = ["Attribution"]
    quotation: dict[str, Any] = {}
    if data.get("mode") == DIRECT_QUOTE:
        types.append("Quotation")
        statement_text = statement.get("text") if statement else None
        quotation = _node(
            text=(quote or {}).get("exact") or statement_text,
            spokenByCharacter=_id(iris.speaker, speaker_data),
            isBasedOn=_id(iris.source, source_data),
        )
    statement_id = data.get("statement")
    return _node(
        **{"@id": iri, "@type": types if len(types) > 1 else types[0]},
        claim=iris.statement(statement_id) if statement_id is not None else None,
        speaker=speaker(speaker_data, iris) if speaker_data else None,
        reportedIn=_reported_in(source_data, iris, within_claim=statement is not None),
        mode=data.get("mode"),
        speechAct=data.get("speech_act"),
        verb=data.get("verb"),
        speakerRole=data.get("speaker_role"),
        onBehalfOf=speaker(data["on_behalf_of"], iris) if data.get("on_behalf_of") else None,
        occasion=data.get("occasion"),
        statedOn=data.get("stated_on"),
        **quotation,
        quote=annotation(quote, (source_data or {}).get("url"), iri),
        createdAt=data.get("created_at"),
        updatedAt=data.get("updated_at"),
    )


def _reported_in(
    data: dict[str, Any] | None, iris: IRIs, *, within_claim: bool
) -> dict[str, Any] | None:
    if not data:
        return None
    node = source(data, iris)
    # Whole once per document: its publisher is a blank node, which each copy would repeat.
    return _source_reference(node) if within_claim else node


def _source_reference(node: dict[str, Any]) -> dict[str, Any]:
    """A source node without its publisher (for a second mention in a document)."""
    return {key: value for key, value in node.items() if key != "publisher"}


# --- Statements -------------------------------------------------------------------------------


def _distinct(nodes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The nodes in order, each ``@id`` once."""
    seen: dict[Any, dict[str, Any]] = {}
    for node in nodes:
        seen.setdefault(node.get("@id", id(node)), node)
    return list(seen.values())


def _first_appearance(sources: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The source published first (the first listed among those of the same date, or
    when none has a date)."""
    dated = [node for node in sources if node.get("datePublished")]
    if dated:
        return min(dated, key=lambda node: datetime.fromisoformat(node["datePublished"]))
    return sources[0] if sources else None


def relation(data: dict[str, Any], iris: IRIs) -> dict[str, Any]:
    """A relation between two statements (as a statement shows it, or on its own)."""

    def end(value: Any) -> str | None:
        pk = value.get("id") if isinstance(value, dict) else value
        return iris.statement(pk) if pk is not None else None

    return _node(
        **{"@id": _id(iris.relation, data), "@type": "Relation"},
        kind=data.get("kind"),
        **{"from": end(data.get("from_statement")), "to": end(data.get("to_statement"))},
        note=data.get("note"),
        createdAt=data.get("created_at"),
        updatedAt=data.get("updated_at"),
    )


def statement(data: dict[str, Any], iris: IRIs) -> dict[str, Any]:
    """A statement as a schema.org Claim, ready to be a ClaimReview's ``itemReviewed``: its
    speakers as ``author``, its sources as ``appearance`` (the earliest also as
    ``firstAppearance``), the earliest date it was stated on as ``datePublished``; and
    each attribution, with its anchored quote, as ``attribution``."""
    items = data.get("attributions", ())
    attributions = [attribution(item, iris, statement=data) for item in items]
    authors = _distinct(node["speaker"] for node in attributions if "speaker" in node)
    sources = _distinct(source(item["source"], iris) for item in items if item.get("source"))
    first = _first_appearance(sources)
    stated = [node["statedOn"] for node in attributions if node.get("statedOn")]
    return _node(
        **{"@id": _id(iris.statement, data), "@type": "Claim"},
        text=data.get("text"),
        inLanguage=data.get("language"),
        keywords=data.get("topics"),
        author=authors,
        appearance=sources,
        firstAppearance=_source_reference(first) if first else None,
        # A date, where the term's values are dates and times (the sources').
        datePublished={"@value": min(stated), "@type": "xsd:date"} if stated else None,
        creativeWorkStatus=data.get("status"),
        retractionReason=data.get("retraction_reason"),
        attribution=attributions,
        relation=[relation(item, iris) for item in data.get("relations", ())],
        # Its correction notices, oldest first: schema.org's CorrectionComments.
        correction=[
            _node(
                **{"@type": "CorrectionComment"}, text=item.get("note"), dateCreated=item.get("at")
            )
            for item in data.get("corrections", ())
        ],
        createdAt=data.get("created_at"),
        updatedAt=data.get("updated_at"),
    )


# --- Documents --------------------------------------------------------------------------------

NODES = {
    "statement": statement,
    "speaker": speaker,
    "source": source,
    "attribution": attribution,
}


def document(node: dict[str, Any], iris: IRIs) -> dict[str, Any]:
    """A node as a JSON-LD document, naming our context."""
    return {"@context": iris.context, **node}


def page(
    nodes: list[dict[str, Any]],
    iris: IRIs,
    *,
    iri: str,
    count: int | None,
    next_page: str | None,
    previous_page: str | None,
) -> dict[str, Any]:
    """A page of a list (``iri``: its URL) as a schema.org ItemList of its nodes, in
    order, with the number of items in all pages and links to the neighbouring pages
    (Hydra's ``next`` and ``previous``)."""
    return {
        "@context": iris.context,
        "@id": iri,
        "@type": "ItemList",
        **_node(numberOfItems=count, next=next_page, previous=previous_page),
        "itemListElement": nodes,
    }
