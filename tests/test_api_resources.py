"""CRUD of speakers, sources, attributions and relations through HTTP, with their rules."""

import hashlib

import pytest

from statements.models import Attribution, Relation, Source, Speaker
from tests.helpers import error_fields, problem

# --- Speakers ---------------------------------------------------------------------------------


def test_speaker_lifecycle(db, editor, anon):
    payload = {
        "name": "Volodymyr Zelenskyy",
        "kind": "person",
        "aliases": ["Zelensky", " Zelenskiy ", "Zelensky"],
        "country": "UA",
        "wikidata_id": "Q3874799",
    }
    created = editor.post("/api/v1/speakers/", payload, format="json")
    assert created.status_code == 201, created.content
    speaker = created.json()
    assert speaker["aliases"] == ["Zelensky", "Zelenskiy"]
    url = f"/api/v1/speakers/{speaker['id']}/"

    assert anon.get(url).json()["name"] == "Volodymyr Zelenskyy"
    updated = editor.patch(url, {"description": "President of Ukraine"}, format="json")
    assert updated.json()["description"] == "President of Ukraine"
    assert updated.json()["country"] == "UA"
    replaced = editor.put(url, {"name": "V. Zelenskyy", "kind": "person"}, format="json")
    assert replaced.status_code == 200, replaced.content
    assert replaced.json()["wikidata_id"] is None
    assert editor.delete(url).status_code == 204
    problem(anon.get(url), 404)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "alien"),
        ("country", "XX"),
        ("country", "kr"),
        ("wikidata_id", "Q0"),
        ("wikidata_id", "P31"),
        ("aliases", "Zelensky"),
        ("aliases", ["x" * 201]),
        ("aliases", ["Zelensky", " "]),
        ("name", ""),
        ("name", "n" * 201),
    ],
)
def test_speaker_field_validation(db, editor, field, value):
    payload = {"name": "Someone", "kind": "person", field: value}
    response = editor.post("/api/v1/speakers/", payload, format="json")
    problem(response, 400)
    assert error_fields(response)[0].split(".")[0] == field
    assert not Speaker.objects.exists()


def test_wikidata_id_is_unique(world, editor):
    editor.patch(f"/api/v1/speakers/{world.minister.pk}/", {"wikidata_id": "Q42"}, format="json")
    response = editor.post(
        "/api/v1/speakers/",
        {"name": "Other", "kind": "person", "wikidata_id": "Q42"},
        format="json",
    )
    problem(response, 400)
    assert error_fields(response) == ["wikidata_id"]


def test_an_attributed_speaker_cannot_be_deleted(world, editor):
    body = problem(editor.delete(f"/api/v1/speakers/{world.minister.pk}/"), 409)
    assert "cannot be deleted" in body["detail"]
    assert Speaker.objects.filter(pk=world.minister.pk).exists()


def test_speaker_statements_sub_resource(world, anon, editor):
    response = anon.get(f"/api/v1/speakers/{world.ministry.pk}/statements/")
    assert response.json()["count"] == 0  # its only statement is a draft
    response = editor.get(f"/api/v1/speakers/{world.ministry.pk}/statements/")
    assert [s["id"] for s in response.json()["results"]] == [world.draft.pk]
    response = anon.get(
        f"/api/v1/speakers/{world.minister.pk}/statements/", {"mode": "direct_quote"}
    )
    assert [s["id"] for s in response.json()["results"]] == [world.claim.pk]
    problem(anon.get("/api/v1/speakers/999999/statements/"), 404)


# --- Sources ----------------------------------------------------------------------------------


def test_source_url_is_normalized_and_unique(db, editor):
    payload = {
        "title": "Briefing",
        "url": "HTTPS://News.Example.COM:443/a/b?utm_source=x&id=7&fbclid=abc#top",
        "kind": "press_briefing",
        "body": "Text of the briefing.",
    }
    response = editor.post("/api/v1/sources/", payload, format="json")
    assert response.status_code == 201, response.content
    source = response.json()
    assert source["url"] == "https://news.example.com/a/b?id=7"
    assert source["body_sha256"] == hashlib.sha256(b"Text of the briefing.").hexdigest()
    assert source["language"] == "en"
    assert source["status"] == "current"

    duplicate = editor.post(
        "/api/v1/sources/", {**payload, "url": "https://news.example.com/a/b?id=7#x"}, format="json"
    )
    problem(duplicate, 400)
    assert error_fields(duplicate) == ["url"]
    assert Source.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("url", "not a url"),
        ("kind", "blog"),
        ("status", "deleted"),
        ("language", "english!"),
        ("published_at", "yesterday"),
        ("archived_url", "ftp:/x"),
    ],
)
def test_source_field_validation(db, editor, field, value):
    payload = {"title": "T", "url": "https://example.org/x", field: value}
    response = editor.post("/api/v1/sources/", payload, format="json")
    problem(response, 400)
    assert error_fields(response) == [field]


def test_correcting_a_body_moves_the_quotes_with_it(world, editor):
    new_body = "Correction appended above. " + world.article.body
    response = editor.patch(
        f"/api/v1/sources/{world.article.pk}/", {"body": new_body}, format="json"
    )
    assert response.status_code == 200, response.content
    quote = Attribution.objects.get(statement=world.denial).quote_exact
    moved = Attribution.objects.get(statement=world.denial)
    assert new_body[moved.quote_start : moved.quote_end] == quote


def test_a_correction_that_loses_a_quote_orphans_it(world, editor):
    before = Attribution.objects.get(statement=world.denial)
    quoted = world.article.attributions.exclude(quote_exact="").count()
    response = editor.patch(
        f"/api/v1/sources/{world.article.pk}/", {"body": "Entirely new text."}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response["Quote-Anchoring"] == (f"kept=0, reanchored=0, orphaned={quoted}, unanchored=0")
    world.article.refresh_from_db()
    assert world.article.body == "Entirely new text."
    orphan = Attribution.objects.get(statement=world.denial)
    assert orphan.quote_status == "orphaned"
    # Its offsets and digest are those of the body it was anchored in.
    assert (orphan.quote_start, orphan.quote_end) == (before.quote_start, before.quote_end)
    assert orphan.quote_body_sha256 == before.quote_body_sha256 != world.article.body_sha256


def test_source_attributions_sub_resource(world, anon, editor):
    url = f"/api/v1/sources/{world.briefing.pk}/attributions/"
    assert [a["statement"] for a in anon.get(url).json()["results"]] == [world.claim.pk]
    assert {a["statement"] for a in editor.get(url).json()["results"]} == {
        world.claim.pk,
        world.draft.pk,
    }
    problem(anon.get("/api/v1/sources/999999/attributions/"), 404)


def test_a_cited_source_cannot_be_deleted(world, editor):
    problem(editor.delete(f"/api/v1/sources/{world.article.pk}/"), 409)


# --- Attributions and quote anchoring ---------------------------------------------------------


def add_attribution(client, world, statement, **quote):
    payload = {
        "statement": statement.pk,
        "speaker": world.officials.pk,
        "source": world.article.pk,
        "mode": "direct_quote",
        "speech_act": "assertion",
        "quote": quote,
    }
    return client.post("/api/v1/attributions/", payload, format="json")


def test_a_quote_found_once_is_anchored(world, editor):
    response = add_attribution(editor, world, world.draft, exact="Officials denied it.")
    assert response.status_code == 201, response.content
    quote = response.json()["quote"]
    assert world.article.body[quote["start"] : quote["end"]] == "Officials denied it."


def test_a_repeated_quote_is_ambiguous_without_context(world, editor):
    response = add_attribution(editor, world, world.draft, exact="The minister said")
    body = problem(response, 400)
    assert error_fields(response) == ["quote.exact"]
    assert "ambiguous" in body["detail"]
    assert "2 times" in body["detail"]


@pytest.mark.parametrize(
    ("context", "expected_start"),
    [
        ({"suffix": " the troops had left."}, 0),
        ({"suffix": " the troops had left,"}, 60),
        ({"prefix": "Officials denied it. "}, 60),
    ],
)
def test_prefix_or_suffix_picks_one_repeat(world, editor, context, expected_start):
    response = add_attribution(editor, world, world.draft, exact="The minister said", **context)
    assert response.status_code == 201, response.content
    assert response.json()["quote"]["start"] == expected_start
    assert world.article.body[expected_start:].startswith("The minister said")


@pytest.mark.parametrize(
    ("quote", "field", "hint"),
    [
        ({"exact": "The troops never left"}, "quote.exact", "not found"),
        ({"exact": "officials denied it."}, "quote.exact", "capitalisation"),
        ({"exact": "Officials denied that."}, "quote.exact", "nearest passage"),
        ({"exact": "The minister said", "prefix": "Nobody "}, "quote.prefix", "never with"),
        ({"exact": "The minister said", "suffix": " nothing"}, "quote.suffix", "never with"),
        ({"exact": ""}, "quote.exact", "direct quote needs"),
    ],
)
def test_absent_quotes_are_refused_naming_the_field(world, editor, quote, field, hint):
    response = add_attribution(editor, world, world.draft, **quote)
    body = problem(response, 400)
    assert error_fields(response) == [field]
    assert hint in body["detail"]
    assert not Attribution.objects.filter(speaker=world.officials, statement=world.draft).exists()


def test_a_source_without_body_keeps_the_quote_unanchored(world, editor):
    response = editor.post(
        "/api/v1/attributions/",
        {
            "statement": world.draft.pk,
            "speaker": world.officials.pk,
            "source": world.briefing.pk,
            "mode": "direct_quote",
            "speech_act": "warning",
            "quote": {"exact": "Anything at all"},
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["quote"] == {
        "exact": "Anything at all",
        "prefix": "",
        "suffix": "",
        "start": None,
        "end": None,
        "status": "unanchored",
        "body_sha256": "",
    }


def test_attribution_update_and_delete_rules(world, editor):
    draft_attribution = world.draft.attributions.get()
    url = f"/api/v1/attributions/{draft_attribution.pk}/"
    response = editor.patch(url, {"verb": "warned", "stated_on": "2024-10-23"}, format="json")
    assert response.json()["verb"] == "warned"
    assert response.json()["stated_on"] == "2024-10-23"
    moved = editor.patch(url, {"statement": world.claim.pk}, format="json")
    assert error_fields(moved) == ["statement"]
    assert editor.delete(url).status_code == 204

    published = f"/api/v1/attributions/{world.claim.attributions.first().pk}/"
    problem(editor.delete(published, HTTP_IF_MATCH=editor.get(published)["ETag"]), 409)


def test_attributions_of_drafts_are_hidden_from_the_public(world, anon):
    ids = {a["statement"] for a in anon.get("/api/v1/attributions/").json()["results"]}
    assert ids == {world.claim.pk, world.denial.pk}
    problem(anon.get(f"/api/v1/attributions/{world.draft.attributions.get().pk}/"), 404)


# --- Relations --------------------------------------------------------------------------------


def test_relation_lifecycle(world, editor, anon):
    payload = {
        "from_statement": world.draft.pk,
        "to_statement": world.claim.pk,
        "kind": "supports",
        "note": "Same figure.",
    }
    created = editor.post("/api/v1/relations/", payload, format="json")
    assert created.status_code == 201, created.content
    url = f"/api/v1/relations/{created.json()['id']}/"
    problem(anon.get(url), 404)  # it would reveal the draft
    assert editor.patch(url, {"kind": "updates"}, format="json").json()["kind"] == "updates"
    assert editor.delete(url).status_code == 204
    assert not Relation.objects.filter(kind="updates").exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"to_statement": "same"}, "to_statement"),
        ({"kind": "denies"}, "kind"),
        ({"kind": "agrees"}, "kind"),
        ({"from_statement": 999999}, "from_statement"),
    ],
)
def test_relation_validation(world, editor, change, field):
    payload = {
        "from_statement": world.denial.pk,
        "to_statement": world.claim.pk,
        "kind": "supports",
    }
    payload.update(change)
    if payload["to_statement"] == "same":
        payload["to_statement"] = payload["from_statement"]
    response = editor.post("/api/v1/relations/", payload, format="json")
    problem(response, 400)
    assert error_fields(response) == [field]


def test_the_attributions_of_a_retracted_statement_are_frozen(world, reviewer, editor):
    reviewer.post(f"/api/v1/statements/{world.denial.pk}/retract/", {"reason": "x"}, format="json")
    attribution = world.denial.attributions.get()
    response = editor.patch(
        f"/api/v1/attributions/{attribution.pk}/", {"verb": "claimed"}, format="json"
    )
    problem(response, 409)


def test_source_bodies_get_one_line_ending(db, editor):
    response = editor.post(
        "/api/v1/sources/",
        {"title": "T", "url": "https://example.org/crlf", "body": "One.\r\nTwo.\rThree."},
        format="json",
    )
    assert response.json()["body"] == "One.\nTwo.\nThree."
