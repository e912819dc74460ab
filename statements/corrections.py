"""Corrections: a change to a published statement is reviewed before it goes live.

An editor's change to a published statement's text, topics or attributions becomes a
pending ``Revision`` (``revision_propose``): the statement, its ETag and what readers see
stay as published. A reviewer approves it (``revision_approve``), with the public note that
the statement shows from then on (``corrections``), or rejects it with a reason
(``revision_reject``). A reviewer's own change to a published statement applies at once,
with a note too (``services.statement_update``'s ``correction_note``).

A revision is checked when it is proposed (a change that would not apply is refused, and
nothing is stored) and applied through the same service as any edit, under the statement's
lock. It is made on a version of the statement, its latest change in the feed
(``latest_version``); when the statement changed since, the revision is stale and cannot
be approved: the editor proposes again on what is there now.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from statements import services
from statements.choices import RevisionStatus, StatementStatus
from statements.errors import ConflictError
from statements.models import (
    Attribution,
    Change,
    ChangeObject,
    Revision,
    Source,
    Speaker,
    Statement,
)
from statements.services import User, field_error

# Who decides: the reviewers' permission (reviewers and admins hold it).
DECIDING_PERMISSION = "statements.publish_statement"

# The statement's fields a revision may change, as the API writes them.
STATEMENT_FIELDS = ("text", "language", "topics", "attributions")
# An attribution's fields as written (its quote apart), and its quote's, by their names in
# the request (``quote.exact``) and on the model (``quote_exact``).
ATTRIBUTION_FIELDS = (
    "speaker",
    "source",
    "mode",
    "speech_act",
    "verb",
    "speaker_role",
    "on_behalf_of",
    "occasion",
    "stated_on",
)
QUOTE_FIELDS = {"exact": "quote_exact", "prefix": "quote_prefix", "suffix": "quote_suffix"}


class StaleRevision(ConflictError):
    """The statement changed after the revision was proposed (answered as 409)."""


# --- Who ----------------------------------------------------------------------------------------


def may_decide(user: User) -> bool:
    """Whether ``user`` approves and rejects revisions, and so corrects published statements
    directly (with a note)."""
    return user is not None and user.is_authenticated and user.has_perm(DECIDING_PERMISSION)


def needs_review(statement: Statement, user: User) -> bool:
    """Whether ``user``'s change to ``statement`` is proposed rather than applied: a change
    to a published statement by someone who does not decide revisions (an editor)."""
    return statement.status == StatementStatus.PUBLISHED and not may_decide(user)


def visible_revisions(user: User) -> models.QuerySet[Revision]:
    """The revisions ``user`` may read: every one for reviewers, their own for editors, none
    for the public."""
    revisions = Revision.objects.select_related("proposed_by", "decided_by", "correction")
    if may_decide(user):
        return revisions
    if user is not None and user.is_authenticated:
        return revisions.filter(proposed_by=user)
    return revisions.none()


# --- The proposed change, as the API writes it ---------------------------------------------


def _plain(value: Any) -> Any:
    """A field's value as JSON: a related object by its id, a date as ISO 8601."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _attribution_payload(fields: Mapping[str, Any]) -> dict[str, Any]:
    written = {name: _plain(fields[name]) for name in ATTRIBUTION_FIELDS if name in fields}
    quote = {key: fields[name] for key, name in QUOTE_FIELDS.items() if name in fields}
    if quote:
        written["quote"] = quote if quote.get("exact") else None
    return written


def proposed_payload(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The change (the services' fields, as a serializer or a form validated them) as the
    API writes it: ids for related objects, each attribution's ``quote`` as an object."""
    payload = {name: _plain(fields[name]) for name in ("text", "language") if name in fields}
    if fields.get("topics") is not None:
        payload["topics"] = list(fields["topics"])
    if fields.get("attributions") is not None:
        payload["attributions"] = [_attribution_payload(item) for item in fields["attributions"]]
    return payload


def attribution_fields(attribution: Attribution) -> dict[str, Any]:
    """An existing attribution's fields as a statement's write gives them (the services')."""
    fields = {name: getattr(attribution, name) for name in ATTRIBUTION_FIELDS}
    fields.update({name: getattr(attribution, name) for name in QUOTE_FIELDS.values()})
    return fields


def _related(model: type[models.Model], pk: Any, field: str) -> models.Model:
    found = model._default_manager.filter(pk=pk).first() if isinstance(pk, int) else None
    if found is None:
        raise field_error(
            field, f"{model._meta.verbose_name.capitalize()} #{pk} is gone.", code="gone"
        )
    return found


def _attribution_fields(written: Mapping[str, Any], index: int) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in ATTRIBUTION_FIELDS:
        if name not in written:
            continue
        value = written[name]
        field = Attribution._meta.get_field(name)
        if field.is_relation and value is not None:
            value = _related(field.related_model, value, f"attributions.{index}.{name}")
        elif isinstance(field, models.DateField) and value is not None:
            value = dt.date.fromisoformat(value)
        fields[name] = value
    if "quote" in written:  # else the attribution keeps its quote
        quote = written["quote"] or {}
        fields.update({name: quote.get(key, "") for key, name in QUOTE_FIELDS.items()})
    return fields


def fields_of(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The services' fields of a proposed change (``proposed_payload``'s inverse); a
    related object deleted since is a ValidationError naming its field."""
    fields = {name: payload[name] for name in ("text", "language", "topics") if name in payload}
    if "attributions" in payload:
        fields["attributions"] = [
            _attribution_fields(item, index) for index, item in enumerate(payload["attributions"])
        ]
    return fields


def with_attribution(
    statement: Statement, fields: Mapping[str, Any], attribution: Attribution | None = None
) -> dict[str, Any]:
    """A statement's change that adds an attribution (``fields``) or changes one
    (``attribution``): its attributions as they are, with that one added or changed, as
    ``revision_propose`` takes them."""
    items = []
    for existing in statement.attributions.order_by("id"):
        item = attribution_fields(existing)
        if attribution is not None and existing.pk == attribution.pk:
            item.update(fields)
        items.append(item)
    if attribution is None:
        items.append(dict(fields))
    return {"attributions": items}


# --- Versions -----------------------------------------------------------------------------------


def latest_version(statement_id: int) -> int:
    """The statement's version: the id of its latest change in the feed (0 for none). Every
    write to a statement or to its attributions records one, under the statement's lock."""
    versions = Change.objects.filter(object_type=ChangeObject.STATEMENT, object_id=statement_id)
    return versions.order_by("-id").values_list("id", flat=True).first() or 0


# --- Services -------------------------------------------------------------------------------------


def _locked(statement_id: int) -> Statement:
    statement = services.lock_statement(statement_id)
    if statement is None:
        raise ConflictError(f"Statement #{statement_id} was deleted meanwhile.")
    return statement


@transaction.atomic
def revision_propose(*, statement: Statement, user: User, **fields: Any) -> Revision:
    """Propose a change to a published statement (the fields ``statement_update`` takes),
    checked as if it applied now: a change that would not apply raises its errors and
    nothing is stored. The statement stays as it is."""
    statement = _locked(statement.pk)
    if statement.status != StatementStatus.PUBLISHED:
        raise ConflictError(
            f"Only a published statement's changes are reviewed; this one is {statement.status}."
        )
    unknown = sorted(set(fields) - set(STATEMENT_FIELDS))
    if unknown:
        raise field_error(
            unknown[0],
            "A revision changes text, language, topics and attributions only.",
            code="invalid",
        )
    if not fields:
        raise field_error("text", "Propose a change: nothing was given.", code="required")
    check = transaction.savepoint()
    try:  # as it would apply, then undone
        services.statement_update(
            statement=statement, user=user, correction_note="Checking a proposed change.", **fields
        )
    finally:
        transaction.savepoint_rollback(check)
    return Revision.objects.create(
        statement=statement,
        proposed=proposed_payload(fields),
        base_version=latest_version(statement.pk),
        proposed_by=user if user is not None and user.is_authenticated else None,
        proposed_at=timezone.now(),
    )


def _pending(revision: Revision) -> tuple[Revision, Statement]:
    """The revision read afresh under its statement's lock (which every decision takes), and
    its statement; a decided revision is a ConflictError."""
    statement = _locked(revision.statement_id)
    revision = Revision.objects.select_related("statement").get(pk=revision.pk)
    if revision.status != RevisionStatus.PENDING:
        raise ConflictError(f"Revision #{revision.pk} was already {revision.status}.")
    return revision, statement


def _decided(revision: Revision, status: RevisionStatus, user: User) -> None:
    revision.status = status
    revision.decided_by = user if user is not None and user.is_authenticated else None
    revision.decided_at = timezone.now()


@transaction.atomic
def revision_approve(*, revision: Revision, user: User, note: str) -> Revision:
    """Apply the revision to its statement, as a correction with the public ``note``
    (required), through ``statement_update``. A revision decided already, or whose statement
    changed since it was proposed (``StaleRevision``), or is no longer published, is refused."""
    revision, statement = _pending(revision)
    if statement.status != StatementStatus.PUBLISHED:
        raise ConflictError(
            f"Statement #{statement.pk} is {statement.status}: the revision can no longer apply."
        )
    note = services.check_correction_note(statement, note, field="note")
    if latest_version(statement.pk) != revision.base_version:
        raise StaleRevision(
            f"Statement #{statement.pk} changed after revision #{revision.pk} was proposed: "
            "approving it would undo that change. Reject it, and propose the change again on "
            "the statement as it is now."
        )
    services.statement_update(
        statement=statement,
        user=user,
        correction_note=note,
        revision=revision,
        **fields_of(revision.proposed),
    )
    _decided(revision, RevisionStatus.APPROVED, user)
    revision.save()
    return revision


@transaction.atomic
def revision_reject(*, revision: Revision, user: User, reason: str) -> Revision:
    """Refuse the revision, saying why (to its proposer); the statement stays as it is."""
    revision, _statement = _pending(revision)
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", "Say why the revision is rejected.", code="required")
    try:
        Revision._meta.get_field("rejection_reason").run_validators(reason)
    except ValidationError as error:
        raise ValidationError({"reason": error.error_list}) from None
    revision.rejection_reason = reason
    _decided(revision, RevisionStatus.REJECTED, user)
    revision.save()
    return revision


# --- What a revision changes, for a reviewer to read ------------------------------------------


@dataclass(frozen=True)
class ProposedChange:
    """One value a revision changes: where (``field``: "text", or an attribution's field
    named by its speaker and source), as it is now and as proposed (None: absent)."""

    field: str
    current: str | None
    proposed: str | None


def _shown(name: str, value: Any, names: Mapping[tuple[str, Any], str]) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "-"
    if isinstance(value, dict):  # a quote
        return value.get("exact") or "-"
    return names.get((name, value), str(value))


def revision_changes(revision: Revision) -> list[ProposedChange]:
    """What approving ``revision`` would change in its statement as it is now, value by
    value: the statement's fields, then each attribution's (matched on speaker and source;
    speakers and sources by name), in a few queries."""
    statement = revision.statement
    proposed = revision.proposed
    current = proposed_payload(
        {
            "text": statement.text,
            "language": statement.language,
            "topics": sorted(statement.topics.values_list("slug", flat=True)),
            "attributions": [
                attribution_fields(a)
                for a in statement.attributions.select_related(None).order_by("id")
            ],
        }
    )
    items = [*current["attributions"], *proposed.get("attributions", [])]
    speaker_ids = {i.get(k) for i in items for k in ("speaker", "on_behalf_of")} - {None}
    source_ids = {i.get("source") for i in items} - {None}
    names = {
        **{
            ("speaker", pk): name
            for pk, name in Speaker.objects.filter(pk__in=speaker_ids).values_list("pk", "name")
        },
        **{
            ("source", pk): title
            for pk, title in Source.objects.filter(pk__in=source_ids).values_list("pk", "title")
        },
    }
    names.update(
        {
            ("on_behalf_of", pk): name
            for (kind, pk), name in list(names.items())
            if kind == "speaker"
        }
    )
    changes = []
    for name in ("text", "language", "topics"):
        if name in proposed and proposed[name] != current[name]:
            changes.append(
                ProposedChange(
                    name, _shown(name, current[name], names), _shown(name, proposed[name], names)
                )
            )
    if "attributions" not in proposed:
        return changes
    existing = {(item["speaker"], item["source"]): item for item in current["attributions"]}
    for item in proposed["attributions"]:
        key = (item.get("speaker"), item.get("source"))
        before = existing.pop(key, None)
        label = (
            f"attribution: {names.get(('speaker', key[0]), key[0])}, "
            f"in {names.get(('source', key[1]), key[1])}"
        )
        for name, value in item.items():
            old = None if before is None else before.get(name)
            if before is None or old != value:
                shown_old = None if before is None else _shown(name, old, names)
                changes.append(
                    ProposedChange(f"{label} — {name}", shown_old, _shown(name, value, names))
                )
    for (speaker, source), _item in existing.items():
        label = (
            f"attribution: {names.get(('speaker', speaker))}, in {names.get(('source', source))}"
        )
        changes.append(ProposedChange(label, "present", None))
    return changes
