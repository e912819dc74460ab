"""The editorial roles and the permissions each group holds."""

EDITORS = "editors"
REVIEWERS = "reviewers"

_MODELS = ("speaker", "source", "statement", "attribution", "relation", "topic", "membership")
_EDIT = tuple(f"{action}_{model}" for model in _MODELS for action in ("view", "add", "change"))
# Editors may delete what is not yet public (drafts, unused speakers and sources); the
# services refuse anything published, whoever asks.
_DELETE = tuple(f"delete_{model}" for model in _MODELS)

# Corrections (``statements.corrections``): editors read the revisions they proposed,
# reviewers read and decide every one (deciding also needs ``publish_statement``).
_REVISIONS = ("view_revision",)

GROUP_PERMISSIONS: dict[str, tuple[str, ...]] = {
    EDITORS: _EDIT + _DELETE + _REVISIONS,
    REVIEWERS: _EDIT
    + _DELETE
    + _REVISIONS
    + ("change_revision", "publish_statement", "retract_statement", "merge_speaker"),
}
