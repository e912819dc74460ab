"""JSON-LD: every document the API writes is expanded by a JSON-LD processor (pyld),
offline, with no context but the one the product serves, and read as RDF triples."""

import json
from collections import defaultdict

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pyld import jsonld as pyld

from statements import jsonld, services
from statements.models import Attribution, Source, Speaker, Statement
from statements.transfer import export
from tests.helpers import problem

LD = "application/ld+json"
SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
HYDRA = "http://www.w3.org/ns/hydra/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = f"{RDF}type"
API = "http://testserver/api/v1/"
CONTEXT = f"{API}context.jsonld"
OURS = f"{CONTEXT}#"

# The seed's US claim: "North Korea has deployed around 3,000 troops to Russia."
US_CLAIM = 1
UNITED_STATES = 1
SEED_SOURCE = 1
# Lloyd Austin's "next step", the seed's direct quote.
AUSTIN_STATEMENT, AUSTIN = 3, 2


class Graph:
    """The triples of a JSON-LD document, expanded offline: the document loader serves the
    product's own context (fetched from the API) and refuses every other URL."""

    def __init__(self, document: dict, client) -> None:
        def load(url, options=None):
            if url != CONTEXT:
                raise AssertionError(f"The processor asked for {url}: nothing remote may be.")
            response = client.get("/api/v1/context.jsonld")
            assert response.status_code == 200
            assert response["Content-Type"] == LD
            return {
                "contentType": LD,
                "contextUrl": None,
                "documentUrl": url,
                "document": response.json(),
            }

        dataset = pyld.to_rdf(document, {"documentLoader": load})
        self.objects: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.datatypes: dict[tuple[str, str, str], str] = {}
        for triple in dataset["@default"]:
            subject, predicate, obj = (triple[part] for part in ("subject", "predicate", "object"))
            key = (subject["value"], predicate["value"])
            self.objects[key].append(obj["value"])
            if obj["type"] == "literal":
                self.datatypes[(*key, obj["value"])] = obj.get("datatype")

    def all(self, subject: str, predicate: str) -> set[str]:
        return set(self.objects[(subject, predicate)])

    def one(self, subject: str, predicate: str) -> str:
        values = self.objects[(subject, predicate)]
        assert len(values) == 1, (subject, predicate, values)
        return values[0]

    def types(self, subject: str) -> set[str]:
        return self.all(subject, TYPE)

    def of_type(self, subjects: set[str], type_iri: str) -> str:
        (found,) = [subject for subject in subjects if type_iri in self.types(subject)]
        return found

    def rdf_list(self, head: str) -> list[str]:
        items = []
        while head != f"{RDF}nil":
            items.append(self.one(head, f"{RDF}first"))
            head = self.one(head, f"{RDF}rest")
        return items


def ld_get(client, url: str, **headers):
    response = client.get(url, HTTP_ACCEPT=LD, **headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == LD
    return response


def graph_of(client, url: str) -> Graph:
    return Graph(ld_get(client, url).json(), client)


def used_terms(value) -> set[str]:
    """Every key of a JSON-LD document but its keywords."""
    if isinstance(value, list):
        return set().union(*(used_terms(item) for item in value)) if value else set()
    if not isinstance(value, dict):
        return set()
    own = {key for key in value if not key.startswith("@")}
    return own.union(*(used_terms(item) for item in value.values()))


# --- The seed's claim -------------------------------------------------------------------------


def test_the_seed_claim_is_a_schema_org_claim_with_its_author_appearance_and_quote(anon, seed):
    graph = graph_of(anon, f"/api/v1/statements/{US_CLAIM}/")
    claim = f"{API}statements/{US_CLAIM}/"
    speaker = f"{API}speakers/{UNITED_STATES}/"
    source = f"{API}sources/{SEED_SOURCE}/"
    statement = Statement.objects.get(pk=US_CLAIM)
    article = Source.objects.get(pk=SEED_SOURCE)

    assert graph.types(claim) == {f"{SCHEMA}Claim"}
    assert graph.one(claim, f"{SCHEMA}text") == statement.text
    assert graph.all(claim, f"{SCHEMA}author") == {speaker}
    assert graph.types(speaker) == {f"{SCHEMA}GovernmentOrganization"}
    assert graph.one(speaker, f"{SCHEMA}name") == "United States"
    assert graph.all(claim, f"{SCHEMA}appearance") == {source}
    assert graph.one(claim, f"{SCHEMA}firstAppearance") == source
    assert graph.types(source) == {f"{SCHEMA}NewsArticle"}
    assert graph.one(source, f"{SCHEMA}url") == article.url
    published = graph.one(source, f"{SCHEMA}datePublished")
    assert published == "2024-10-24T00:00:00Z"
    assert graph.datatypes[(source, f"{SCHEMA}datePublished", published)] == f"{XSD}dateTime"
    assert graph.all(claim, f"{SCHEMA}keywords") == {"north-korea", "russia", "troop-deployment"}

    # The attribution and its quote, a W3C Web Annotation anchored in the source's body.
    (attribution,) = statement.attributions.all()
    node = f"{API}attributions/{attribution.pk}/"
    assert graph.all(claim, f"{OURS}attribution") == {node}
    assert graph.types(node) == {f"{OURS}Attribution"}  # a paraphrase: no Quotation
    assert graph.one(node, f"{OURS}speaker") == speaker
    assert graph.one(node, f"{OURS}reportedIn") == source
    assert graph.one(node, f"{OURS}mode") == "paraphrase"
    assert graph.one(node, f"{OURS}verb") == "claims"
    annotation = graph.one(node, f"{OURS}quote")
    assert graph.types(annotation) == {f"{OA}Annotation"}
    assert graph.one(annotation, f"{OA}motivatedBy") == f"{OA}identifying"
    assert graph.one(annotation, f"{OA}hasBody") == node
    target = graph.one(annotation, f"{OA}hasTarget")
    assert graph.types(target) == {f"{OA}SpecificResource"}
    assert graph.one(target, f"{OA}hasSource") == article.url
    selectors = graph.all(target, f"{OA}hasSelector")
    quote = graph.of_type(selectors, f"{OA}TextQuoteSelector")
    assert graph.one(quote, f"{OA}exact") == attribution.quote_exact
    position = graph.of_type(selectors, f"{OA}TextPositionSelector")
    start, end = graph.one(position, f"{OA}start"), graph.one(position, f"{OA}end")
    assert (int(start), int(end)) == (attribution.quote_start, attribution.quote_end)
    assert graph.datatypes[(position, f"{OA}start", start)] == f"{XSD}nonNegativeInteger"
    assert article.body[int(start) : int(end)] == attribution.quote_exact

    # The statements related to it, by their IRIs.
    relations = {
        relation
        for relation, predicate in graph.objects
        if predicate == f"{OURS}to" and graph.one(relation, predicate) == claim
    }
    assert {graph.one(relation, f"{OURS}from") for relation in relations} >= {
        f"{API}statements/2/",
        f"{API}statements/16/",
    }


def test_a_direct_quote_is_also_a_quotation(anon, seed):
    graph = graph_of(anon, f"/api/v1/statements/{AUSTIN_STATEMENT}/")
    attribution = Attribution.objects.get(statement=AUSTIN_STATEMENT)
    node = f"{API}attributions/{attribution.pk}/"
    assert graph.types(node) == {f"{OURS}Attribution", f"{SCHEMA}Quotation"}
    assert graph.one(node, f"{SCHEMA}spokenByCharacter") == f"{API}speakers/{AUSTIN}/"
    assert graph.one(node, f"{SCHEMA}isBasedOn") == f"{API}sources/{SEED_SOURCE}/"
    assert graph.one(node, f"{SCHEMA}text") == attribution.quote_exact
    assert graph.one(node, f"{OURS}onBehalfOf") == f"{API}speakers/{UNITED_STATES}/"
    assert graph.one(node, f"{OURS}speakerRole") == "US defence secretary"


def test_a_claim_in_two_sources_first_appears_in_the_earliest(anon, world):
    graph = graph_of(anon, f"/api/v1/statements/{world.claim.pk}/")
    claim = f"{API}statements/{world.claim.pk}/"
    article, briefing = (f"{API}sources/{source.pk}/" for source in (world.article, world.briefing))
    assert graph.all(claim, f"{SCHEMA}appearance") == {article, briefing}
    assert graph.one(claim, f"{SCHEMA}firstAppearance") == briefing
    stated = graph.one(claim, f"{SCHEMA}datePublished")  # stated on, the earliest
    assert stated == "2023-05-01"
    assert graph.datatypes[(claim, f"{SCHEMA}datePublished", stated)] == f"{XSD}date"
    assert graph.all(claim, f"{SCHEMA}author") == {f"{API}speakers/{world.minister.pk}/"}
    publisher = graph.one(article, f"{SCHEMA}publisher")
    assert graph.types(publisher) == {f"{SCHEMA}Organization"}
    assert graph.one(publisher, f"{SCHEMA}name") == "Daily Example"
    # The briefing has no body: its quote is selected by the words alone.
    in_briefing = world.claim.attributions.get(source=world.briefing)
    annotation = graph.one(f"{API}attributions/{in_briefing.pk}/", f"{OURS}quote")
    (selector,) = graph.all(graph.one(annotation, f"{OA}hasTarget"), f"{OA}hasSelector")
    assert graph.types(selector) == {f"{OA}TextQuoteSelector"}
    assert graph.one(selector, f"{OA}exact") == "the troops have left"


def test_an_orphaned_quote_is_selected_by_its_words_alone(anon, world, admin_user):
    # A correction drops the officials' words: their old offsets no longer say where.
    corrected = world.article.body.replace("Officials denied it. ", "Nobody commented. ")
    services.source_update(source=world.article, user=admin_user, body=corrected)
    denial = world.denial.attributions.get()
    graph = graph_of(anon, f"/api/v1/attributions/{denial.pk}/")
    annotation = graph.one(f"{API}attributions/{denial.pk}/", f"{OURS}quote")
    (selector,) = graph.all(graph.one(annotation, f"{OA}hasTarget"), f"{OA}hasSelector")
    assert graph.types(selector) == {f"{OA}TextQuoteSelector"}
    assert graph.one(selector, f"{OA}exact") == "Officials denied it."


# --- Speakers, sources, attributions ----------------------------------------------------------


@pytest.mark.parametrize(
    ("pk", "type_name", "wikidata"),
    [
        (1, "GovernmentOrganization", "Q30"),  # United States
        (6, "Person", "Q3874799"),  # Volodymyr Zelenskyy
        (11, "Organization", "Q7184"),  # NATO
        (2, "Person", None),  # Lloyd Austin: no Wikidata id in the seed
        (4, "Thing", None),  # Analysts, unnamed
    ],
)
def test_a_speaker_is_a_person_or_an_organization_the_same_as_its_wikidata_item(
    anon, seed, pk, type_name, wikidata
):
    graph = graph_of(anon, f"/api/v1/speakers/{pk}/")
    speaker = Speaker.objects.get(pk=pk)
    node = f"{API}speakers/{pk}/"
    assert graph.types(node) == {f"{SCHEMA}{type_name}"}
    assert graph.one(node, f"{SCHEMA}name") == speaker.name
    assert graph.all(node, f"{SCHEMA}alternateName") == set(speaker.aliases)
    same_as = {f"http://www.wikidata.org/entity/{wikidata}"} if wikidata else set()
    assert graph.all(node, f"{SCHEMA}sameAs") == same_as


def test_a_source_is_a_creative_work_of_its_kind(anon, world):
    article = graph_of(anon, f"/api/v1/sources/{world.article.pk}/")
    node = f"{API}sources/{world.article.pk}/"
    assert article.types(node) == {f"{SCHEMA}NewsArticle"}
    assert article.one(node, f"{SCHEMA}name") == "Troops leave the border"
    assert article.one(node, f"{SCHEMA}url") == "https://news.example/troops"
    assert article.one(node, f"{SCHEMA}datePublished") == "2024-10-24T09:00:00Z"
    assert article.one(node, f"{SCHEMA}text") == world.article.body
    briefing = graph_of(anon, f"/api/v1/sources/{world.briefing.pk}/")
    assert briefing.types(f"{API}sources/{world.briefing.pk}/") == {f"{SCHEMA}CreativeWork"}


def test_an_attribution_names_its_claim(anon, seed):
    attribution = Attribution.objects.get(statement=US_CLAIM)
    graph = graph_of(anon, f"/api/v1/attributions/{attribution.pk}/")
    node = f"{API}attributions/{attribution.pk}/"
    assert graph.one(node, f"{OURS}claim") == f"{API}statements/{US_CLAIM}/"
    assert graph.one(node, f"{OURS}speaker") == f"{API}speakers/{UNITED_STATES}/"
    annotation = graph.one(node, f"{OURS}quote")
    target = graph.one(annotation, f"{OA}hasTarget")
    quote = graph.of_type(graph.all(target, f"{OA}hasSelector"), f"{OA}TextQuoteSelector")
    assert graph.one(quote, f"{OA}exact") == attribution.quote_exact


def test_the_iris_are_the_api_urls(anon, seed):
    iris = jsonld.IRIs(api_root=f"{API}")
    for name, of in [
        ("statement", iris.statement),
        ("speaker", iris.speaker),
        ("source", iris.source),
        ("attribution", iris.attribution),
        ("relation", iris.relation),
    ]:
        assert of(1) == f"http://testserver{reverse(f'api:{name}-detail', args=[1])}"
        assert anon.get(of(1)).status_code == 200
    assert iris.context == f"http://testserver{reverse('jsonld-context')}"


# --- Lists ------------------------------------------------------------------------------------

LISTS = [
    "/api/v1/statements/",
    "/api/v1/statements/?q=troops",
    "/api/v1/speakers/",
    "/api/v1/sources/",
    "/api/v1/attributions/",
    "/api/v1/speakers/1/statements/",
    "/api/v1/sources/1/attributions/",
]


@pytest.mark.parametrize("url", LISTS)
def test_a_page_is_an_item_list_of_its_nodes_in_order(anon, seed, url):
    separator = "&" if "?" in url else "?"
    page_url = f"{url}{separator}page_size=5"
    expected = anon.get(page_url).json()
    response = ld_get(anon, page_url)
    graph = Graph(response.json(), anon)
    page = f"http://testserver{page_url}"
    resource = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    assert graph.types(page) == {f"{SCHEMA}ItemList"}
    assert int(graph.one(page, f"{SCHEMA}numberOfItems")) == expected["count"]
    items = graph.rdf_list(graph.one(page, f"{SCHEMA}itemListElement"))
    assert items == [f"{API}{resource}/{item['id']}/" for item in expected["results"]]
    assert len(items) == min(5, expected["count"])
    if expected["next"]:
        assert graph.one(page, f"{HYDRA}next") == expected["next"]


def test_the_next_page_links_back(anon, seed):
    response = ld_get(anon, "/api/v1/statements/?page=2&page_size=5")
    graph = Graph(response.json(), anon)
    page = "http://testserver/api/v1/statements/?page=2&page_size=5"
    assert graph.one(page, f"{HYDRA}previous") == "http://testserver/api/v1/statements/?page_size=5"
    assert graph.one(page, f"{HYDRA}next").endswith("page=3&page_size=5")


def test_a_cached_search_page_reads_the_same(anon, seed, settings):
    uncached = ld_get(anon, "/api/v1/statements/?q=troops").json()
    settings.SEARCH_CACHE_SECONDS = 300
    cache.clear()
    try:
        anon.get("/api/v1/statements/?q=troops")  # cached as JSON text
        with CaptureQueriesContext(connection) as queries:
            cached = ld_get(anon, "/api/v1/statements/?q=troops").json()
        assert len(queries) <= 1  # the generation: the page came from the cache
    finally:
        cache.clear()
    assert cached == uncached


def test_format_jsonld_is_the_same_as_the_accept_header(anon, seed):
    by_header = ld_get(anon, "/api/v1/statements/1/").json()
    by_format = anon.get("/api/v1/statements/1/?format=jsonld")
    assert by_format["Content-Type"] == LD
    assert by_format.json() == by_header
    listed = anon.get("/api/v1/speakers/?format=jsonld")
    assert listed.json()["@type"] == "ItemList"


def test_fields_select_what_the_json_ld_says(anon, seed):
    document = ld_get(anon, "/api/v1/statements/1/?fields=id,text").json()
    assert document == {
        "@context": CONTEXT,
        "@id": f"{API}statements/1/",
        "@type": "Claim",
        "text": "North Korea has deployed around 3,000 troops to Russia.",
    }


def test_drafts_stay_hidden(anon, editor, world):
    assert problem(anon.get(f"/api/v1/statements/{world.draft.pk}/", HTTP_ACCEPT=LD), 404)
    graph = graph_of(editor, f"/api/v1/statements/{world.draft.pk}/")
    claim = f"{API}statements/{world.draft.pk}/"
    assert graph.one(claim, f"{SCHEMA}creativeWorkStatus") == "draft"


# --- The export -------------------------------------------------------------------------------


def test_the_export_streams_one_json_ld_document_of_claims(anon, seed):
    response = anon.get("/api/v1/statements/export/?format=jsonld")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == LD
    assert response["Content-Disposition"] == 'attachment; filename="statements.jsonld"'
    document = json.loads(b"".join(response.streaming_content))
    lines = b"".join(anon.get("/api/v1/statements/export/").streaming_content).splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert [node["@id"] for node in document["@graph"]] == [f"{API}statements/{pk}/" for pk in ids]

    graph = Graph(document, anon)
    claim = f"{API}statements/{US_CLAIM}/"
    assert graph.types(claim) == {f"{SCHEMA}Claim"}
    assert graph.all(claim, f"{SCHEMA}author") == {f"{API}speakers/{UNITED_STATES}/"}
    assert graph.all(claim, f"{OURS}relation") == set()  # as the NDJSON: no relations
    # The same Claim as the detail's, but its relations.
    detail = ld_get(anon, f"/api/v1/statements/{US_CLAIM}/").json()
    del detail["@context"], detail["relation"]
    assert document["@graph"][ids.index(US_CLAIM)] == detail


def test_the_export_by_accept_header_with_filters(anon, seed):
    response = anon.get("/api/v1/statements/export/?speaker=2", HTTP_ACCEPT=LD)
    assert response["Content-Type"] == LD
    document = json.loads(b"".join(response.streaming_content))
    expected = Statement.objects.filter(attributions__speaker=2).distinct().count()
    assert len(document["@graph"]) == expected > 1


def test_the_export_is_written_a_chunk_at_a_time(seed):
    iris = jsonld.IRIs(api_root=API)
    queryset = Statement.objects.order_by("pk")
    chunks = list(export.jsonld_graph(queryset, iris, chunk_size=5))
    assert len(chunks) == 2 + 5  # the opening, 23 statements in chunks of 5, the closing
    document = json.loads(b"".join(chunks))
    assert len(document["@graph"]) == 23
    empty = json.loads(b"".join(export.jsonld_graph(queryset.none(), iris)))
    assert empty == {"@context": CONTEXT, "@graph": []}


def test_an_unknown_export_format_names_jsonld(anon, seed):
    body = problem(anon.get("/api/v1/statements/export/?format=xml"), 400)
    assert "jsonld" in body["detail"]


# --- The context ------------------------------------------------------------------------------


def test_the_context_defines_every_term_the_documents_use(anon, editor, world):
    response = anon.get("/api/v1/context.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == LD
    assert "max-age" in response["Cache-Control"]
    not_modified = anon.get("/api/v1/context.jsonld", HTTP_IF_NONE_MATCH=response["ETag"])
    assert not_modified.status_code == 304
    terms = response.json()["@context"]
    assert terms["schema"] == SCHEMA
    assert terms["oa"] == OA
    documents = [
        ld_get(editor, url).json()
        for url in (
            f"/api/v1/statements/{world.claim.pk}/",
            "/api/v1/statements/",
            f"/api/v1/speakers/{world.minister.pk}/",
            f"/api/v1/sources/{world.article.pk}/",
            "/api/v1/attributions/",
        )
    ]
    used = set().union(*(used_terms(document) for document in documents))
    assert used - set(terms) == set()
    # Each term is an absolute IRI once expanded (no prefix misspelt).
    loader = _loader_from(anon)
    for term in set(terms) - {"schema", "oa", "hydra", "xsd", "attributed"}:
        (node,) = pyld.expand({"@context": CONTEXT, term: "1"}, {"documentLoader": loader})
        (iri,) = node
        assert iri.startswith(("http://", "https://")), (term, iri)


def _loader_from(client):
    def load(url, options=None):
        assert url == CONTEXT, url
        return {
            "contentType": LD,
            "contextUrl": None,
            "documentUrl": url,
            "document": client.get(url).json(),
        }

    return load


# --- HTTP: errors, conditional requests, query counts -----------------------------------------


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/statements/999/", 404),
        ("/api/v1/statements/?nope=1", 400),
        ("/api/v1/speakers/?page=99", 404),
        ("/api/v1/statements/export/?speaker=999", 400),
    ],
)
def test_errors_stay_problem_documents(anon, seed, url, status):
    problem(anon.get(url, HTTP_ACCEPT=LD), status)


@pytest.mark.parametrize(
    "url", ["/api/v1/relations/", "/api/v1/relations/1/", "/api/v1/search/?q=troops"]
)
def test_resources_without_json_ld_answer_406(anon, seed, url):
    problem(anon.get(url, HTTP_ACCEPT=LD), 406)


@pytest.mark.parametrize(
    "url", ["/api/v1/statements/1/", "/api/v1/speakers/1/", "/api/v1/sources/1/"]
)
def test_conditional_reads_work_as_for_json_and_vary_on_accept(anon, seed, url):
    as_json = anon.get(url)
    as_ld = ld_get(anon, url)
    etag = as_ld["ETag"]
    assert etag == as_json["ETag"]  # one representation's digest, the same whichever format
    for response in (as_json, as_ld):
        assert "Accept" in response["Vary"]
    not_modified = anon.get(url, HTTP_ACCEPT=LD, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == etag
    assert "Accept" in not_modified["Vary"]
    assert not_modified.content == b""
    changed = anon.get(url, HTTP_ACCEPT=LD, HTTP_IF_NONE_MATCH='"other"')
    assert changed.status_code == 200


def test_writes_answer_json_only_and_refuse_json_ld_before_writing(editor, world):
    url = f"/api/v1/speakers/{world.minister.pk}/"
    change = {"description": "Defence minister."}
    problem(editor.patch(url, change, format="json", HTTP_ACCEPT=LD), 406)
    world.minister.refresh_from_db()
    assert world.minister.description != "Defence minister."
    response = editor.patch(url, change, format="json", HTTP_ACCEPT=f"{LD}, application/json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def _queries(client, url: str, **headers) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/statements/1/",
        "/api/v1/statements/?page_size=100",
        "/api/v1/speakers/1/",
        "/api/v1/speakers/?page_size=100",
        "/api/v1/sources/?page_size=100",
        "/api/v1/attributions/?page_size=100",
        "/api/v1/sources/1/attributions/",
        "/api/v1/speakers/1/statements/",
    ],
)
def test_json_ld_costs_the_queries_json_does(anon, seed, url, django_assert_max_num_queries):
    as_json = _queries(anon, url)
    with django_assert_max_num_queries(as_json):
        ld_get(anon, url)


def test_the_export_costs_the_queries_of_csv(anon, seed, django_assert_max_num_queries):
    # The CSV export reads the same records (``export.statement_records``).
    as_csv = _queries(anon, "/api/v1/statements/export/?format=csv")
    with django_assert_max_num_queries(as_csv):
        response = anon.get("/api/v1/statements/export/?format=jsonld")
        b"".join(response.streaming_content)
