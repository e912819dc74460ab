"""Assertions and probes shared by the tests."""


def problem(response, status: int) -> dict:
    """Assert that ``response`` is a problem document of ``status``; return its body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json"), response["Content-Type"]
    body = response.json()
    assert set(body) >= {"type", "title", "status", "detail", "errors"}, body
    assert body["status"] == status
    return body


def error_fields(response) -> list[str | None]:
    return [error["field"] for error in response.json()["errors"]]


def pending_index_pages() -> int:
    """PostgreSQL: pages of the search index's GIN pending list, which every search reads
    whole. Merges the list: ask once per state."""
    from statements.search.postgres import merge_pending_list

    return merge_pending_list()


def write_form(attribution: dict) -> dict:
    """An attribution as read, in the form a write takes (related objects by id)."""
    quote = attribution["quote"]
    return {
        "speaker": attribution["speaker"]["id"],
        "source": attribution["source"]["id"],
        "mode": attribution["mode"],
        "speech_act": attribution["speech_act"],
        "verb": attribution["verb"],
        "speaker_role": attribution["speaker_role"],
        "on_behalf_of": (attribution["on_behalf_of"] or {}).get("id"),
        "occasion": attribution["occasion"],
        "stated_on": attribution["stated_on"],
        "quote": quote and {key: quote[key] for key in ("exact", "prefix", "suffix")},
    }
