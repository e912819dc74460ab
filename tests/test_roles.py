"""Who may do what: every role against every endpoint and action, as one table.

Roles: anonymous, a signed-in member of no group, an editor, a reviewer, an admin.
"""

import pytest

ROLES = ("anon", "member", "editor", "reviewer", "admin")


def _attribution(world):
    return {
        "statement": world.draft.pk,
        "speaker": world.officials.pk,
        "source": world.briefing.pk,
        "mode": "summary",
        "speech_act": "other",
    }


# action -> (method, url, payload) built from the world
ACTIONS = {
    "list statements": lambda w: ("get", "/api/v1/statements/", None),
    "read a published statement": lambda w: ("get", f"/api/v1/statements/{w.claim.pk}/", None),
    "read a draft": lambda w: ("get", f"/api/v1/statements/{w.draft.pk}/", None),
    "read a draft's attribution": lambda w: (
        "get",
        f"/api/v1/attributions/{w.draft.attributions.get().pk}/",
        None,
    ),
    "read a speaker's statements": lambda w: (
        "get",
        f"/api/v1/speakers/{w.ministry.pk}/statements/",
        None,
    ),
    "read a source's attributions": lambda w: (
        "get",
        f"/api/v1/sources/{w.briefing.pk}/attributions/",
        None,
    ),
    "read a relation": lambda w: ("get", f"/api/v1/relations/{w.relation.pk}/", None),
    "read a history": lambda w: ("get", f"/api/v1/statements/{w.claim.pk}/history/", None),
    "create a statement": lambda w: ("post", "/api/v1/statements/", {"text": "New."}),
    "edit a draft": lambda w: ("patch", f"/api/v1/statements/{w.draft.pk}/", {"text": "E."}),
    "edit a published statement": lambda w: (
        "patch",
        f"/api/v1/statements/{w.claim.pk}/",
        {"text": "E."},
    ),
    "correct a published statement": lambda w: (
        "patch",
        f"/api/v1/statements/{w.claim.pk}/",
        {"text": "E.", "correction_note": "Shortened."},
    ),
    "delete a draft": lambda w: ("delete", f"/api/v1/statements/{w.draft.pk}/", None),
    "delete a published statement": lambda w: (
        "delete",
        f"/api/v1/statements/{w.claim.pk}/",
        None,
    ),
    "publish a draft": lambda w: ("post", f"/api/v1/statements/{w.draft.pk}/publish/", None),
    "retract a published statement": lambda w: (
        "post",
        f"/api/v1/statements/{w.claim.pk}/retract/",
        {"reason": "Wrong."},
    ),
    "create a speaker": lambda w: ("post", "/api/v1/speakers/", {"name": "N", "kind": "group"}),
    "edit a speaker": lambda w: ("patch", f"/api/v1/speakers/{w.officials.pk}/", {"name": "O"}),
    "create a source": lambda w: (
        "post",
        "/api/v1/sources/",
        {"title": "T", "url": "https://example.org/t"},
    ),
    "add an attribution": lambda w: ("post", "/api/v1/attributions/", _attribution(w)),
    "add a relation": lambda w: (
        "post",
        "/api/v1/relations/",
        {"from_statement": w.claim.pk, "to_statement": w.draft.pk, "kind": "supports"},
    ),
    "delete a relation": lambda w: ("delete", f"/api/v1/relations/{w.relation.pk}/", None),
}

#                                 anon member editor reviewer admin
MATRIX = {
    "list statements":               (200, 200, 200, 200, 200),
    "read a published statement":    (200, 200, 200, 200, 200),
    "read a draft":                  (404, 404, 200, 200, 200),
    "read a draft's attribution":    (404, 404, 200, 200, 200),
    "read a speaker's statements":   (200, 200, 200, 200, 200),
    "read a source's attributions":  (200, 200, 200, 200, 200),
    "read a relation":               (200, 200, 200, 200, 200),
    "read a history":                (401, 403, 200, 200, 200),
    "create a statement":            (401, 403, 201, 201, 201),
    "edit a draft":                  (401, 403, 200, 200, 200),
    # An editor's change is proposed (a revision); a reviewer's is a correction, with a note.
    "edit a published statement":    (401, 403, 202, 400, 400),
    "correct a published statement": (401, 403, 400, 200, 200),
    "delete a draft":                (401, 403, 204, 204, 204),
    "delete a published statement":  (401, 403, 409, 409, 409),
    "publish a draft":               (401, 403, 403, 200, 200),
    "retract a published statement": (401, 403, 403, 200, 200),
    "create a speaker":              (401, 403, 201, 201, 201),
    "edit a speaker":                (401, 403, 200, 200, 200),
    "create a source":               (401, 403, 201, 201, 201),
    "add an attribution":            (401, 403, 201, 201, 201),
    "add a relation":                (401, 403, 201, 201, 201),
    "delete a relation":             (401, 403, 204, 204, 204),
}  # fmt: skip

CASES = [
    pytest.param(action, role, status, id=f"{role}-{action.replace(' ', '-')}")
    for action, statuses in MATRIX.items()
    for role, status in zip(ROLES, statuses, strict=True)
]


def test_every_action_is_in_the_matrix():
    assert set(MATRIX) == set(ACTIONS)


# Writes to published data must be conditional: these send the ETag their client read.
CONDITIONAL = {
    "edit a published statement",
    "correct a published statement",
    "delete a published statement",
}


@pytest.mark.parametrize(("action", "role", "status"), CASES)
def test_role_matrix(world, request, action, role, status):
    client = request.getfixturevalue(role)
    method, url, payload = ACTIONS[action](world)
    headers = {"HTTP_IF_MATCH": client.get(url)["ETag"]} if action in CONDITIONAL else {}
    response = getattr(client, method)(url, payload, format="json", **headers)
    assert response.status_code == status, response.content
    if status >= 400:
        assert response["Content-Type"].startswith("application/problem+json")
