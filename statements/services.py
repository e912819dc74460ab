"""Writes: every change to the data goes through here, from the API and from the admin alike.

Services take keyword arguments, run in one transaction and record who made the change
in the history, and the change itself in the change feed (``_record_change``). Domain
rules live here (quote anchoring, the publishing workflow, what may be deleted); shapes
and types are the serializers' and forms' concern.

One lock order for every write to a statement or to its attributions: the statement's row
first (``lock_statement``), then whatever is below it. The rules that span a statement and
its attributions are checked on rows read under that lock, rows are written only from what
was read under it, and the search document is rewritten under it, so concurrent writers
serialise and the document agrees with what commits.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import connections, models, router, transaction
from django.utils import timezone

from statements import changes, memberships, search
from statements.choices import AnchorStatus, AttributionMode, StatementStatus
from statements.claims import keys as claim_keys
from statements.errors import ConflictError
from statements.models import (
    ALREADY_ATTRIBUTED,
    MEMBER_KINDS,
    ORGANIZATION_KINDS,
    Attribution,
    ChangeKind,
    Correction,
    Membership,
    Relation,
    Source,
    Speaker,
    Statement,
    SuggestionDecision,
    SuggestionOutcome,
    Topic,
)
from statements.normalize import normalize_topic, normalize_url
from statements.quotes import Anchor, ChangedBody, Context, QuoteAnchorError, anchor_quote
from statements.suggestions import Suggestion

User = AbstractBaseUser | AnonymousUser | None

QUOTE_FIELDS = ("quote_exact", "quote_prefix", "quote_suffix")


def field_error(field: str, message: str, *, code: str) -> ValidationError:
    """A validation error on one field, by its path in the request ("quote.exact")."""
    return ValidationError({field: ValidationError(message, code=code)})


def _save(instance: models.Model, *, user: User) -> None:
    # The history library reads the user from the request, which token-authenticated API
    # calls do not carry: hand it over explicitly.
    instance._history_user = user if user is not None and user.is_authenticated else None
    instance.save()


def _assign(instance: models.Model, fields: Mapping[str, Any]) -> None:
    for name, value in fields.items():
        setattr(instance, name, value)


def _record_change(
    instance: models.Model,
    kind: ChangeKind = ChangeKind.UPDATED,
    *,
    note: str = "",
    statement_ids: Iterable[int] = (),
) -> None:
    """Record the change in the change feed (``statements.changes``), in the transaction
    that makes it; before a delete, while the instance has its id. An attribution's or a
    relation's change is an update of its statement(s) (and of ``statement_ids``, those a
    relation leaves)."""
    if isinstance(instance, Attribution):
        changes.record_statements_updated([instance.statement_id])
    elif isinstance(instance, Relation):
        ends = [instance.from_statement_id, instance.to_statement_id, *statement_ids]
        changes.record_statements_updated(ends)
    else:
        changes.record(instance, kind, note=note)


# --- Locks ------------------------------------------------------------------------------------
# FOR NO KEY UPDATE: rows that only point at the locked one (a new attribution's speaker and
# source, a relation's statements) need not wait for it, and cannot deadlock with it.
# SQLite has no row locks: it admits one writer at a time, which serialises as much.


def lock_statement(pk: int) -> Statement | None:
    """Lock the statement's row until the transaction ends, and read it afresh (None when
    it is gone). Every write to a statement or to its attributions takes this lock first."""
    return Statement.objects.select_for_update(no_key=True).filter(pk=pk).first()


def lock_attribution(pk: int) -> Attribution | None:
    """Lock the attribution's statement, then read the attribution (and its statement and
    source) afresh; None when it is gone."""
    # An attribution never moves to another statement: its statement read now is the one
    # to lock.
    statement_id = Attribution.objects.filter(pk=pk).values_list("statement_id", flat=True).first()
    if statement_id is None or lock_statement(statement_id) is None:
        return None
    return Attribution.objects.select_related("statement", "source").filter(pk=pk).first()


def lock_for_write(model: type[models.Model], pk: int) -> models.Model | None:
    """The object, read afresh under the lock its writes take (for a statement or an
    attribution, the statement's; for the rest, their own row's); None when it is gone.
    The API and the admin lock with this before they compare a client's version."""
    if model is Statement:
        return lock_statement(pk)
    if model is Attribution:
        return lock_attribution(pk)
    return model._default_manager.select_for_update(no_key=True).filter(pk=pk).first()


def _lock_statements(attributions: models.QuerySet) -> None:
    """Lock the statements of these attributions, before writing them or their documents."""
    # In id order, so that two writers locking overlapping sets cannot deadlock.
    ids = attributions.values("statement_id")
    list(
        Statement.objects.select_for_update(no_key=True)
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _locked_statement(statement: Statement) -> Statement:
    locked = lock_statement(statement.pk)
    if locked is None:
        raise ConflictError(f"Statement #{statement.pk} was deleted meanwhile.")
    return locked


def _locked_attribution(attribution: Attribution) -> Attribution:
    locked = lock_attribution(attribution.pk)
    if locked is None:
        raise ConflictError(f"Attribution #{attribution.pk} was deleted meanwhile.")
    return locked


# --- The rules that span a statement and its attributions --------------------------------------


def _refuse_frozen(statement: Statement) -> None:
    """A retracted statement is frozen: it and its attributions stay as they were."""
    if statement.status == StatementStatus.RETRACTED:
        raise ConflictError(
            "A retracted statement is frozen: neither it nor its attributions can be changed, "
            "added or removed."
        )


def _refuse_removing_attributions(statement: Statement) -> None:
    """What was published stays attributed: a published (or retracted) statement keeps every
    attribution it has, however the removal is asked for."""
    if statement.status != StatementStatus.DRAFT:
        raise ConflictError(
            "An attribution of a published or retracted statement cannot be deleted: "
            "retract the statement instead."
        )


# --- Corrections: a change to a published statement --------------------------------------------


def check_correction_note(statement: Statement, note: str | None, *, field: str) -> str | None:
    """The public note a change to ``statement`` needs when it is published (a correction),
    cleaned; None for a draft's change, which needs none. ``field``: the request's name for
    the note, named by the error when it is missing or invalid."""
    if statement.status != StatementStatus.PUBLISHED:
        return None
    note = (note or "").strip()
    if not note:
        raise field_error(
            field,
            "This statement is published: a change to it is a correction, and needs a public "
            "note saying what was corrected.",
            code="required",
        )
    try:  # the note's own rules (its length, no control characters)
        Correction._meta.get_field("note").run_validators(note)
    except ValidationError as error:
        raise ValidationError({field: error.error_list}) from None
    return note


def _record_correction(
    statement: Statement, *, note: str, user: User, revision: Any = None
) -> Correction:
    """The correction notice of a change to a published statement, and its ``corrected``
    change in the feed (with the note), in the transaction that makes the change."""
    correction = Correction.objects.create(
        statement=statement,
        at=timezone.now(),
        note=note,
        revision=revision,
        made_by=user if user is not None and user.is_authenticated else None,
    )
    changes.record(statement, ChangeKind.CORRECTED, note=note)
    return correction


# --- Speaker ----------------------------------------------------------------------------------


@transaction.atomic
def speaker_create(*, user: User, **fields: Any) -> Speaker:
    speaker = Speaker(**fields)
    speaker.validate_fields()
    _save(speaker, user=user)
    _record_change(speaker, ChangeKind.CREATED)
    return speaker


@transaction.atomic
def speaker_update(*, speaker: Speaker, user: User, **fields: Any) -> Speaker:
    previous_names = (speaker.name, list(speaker.aliases))
    _assign(speaker, fields)
    speaker.validate_fields()
    names_changed = (speaker.name, list(speaker.aliases)) != previous_names
    if names_changed:
        # Their documents change: the statements first, before the speaker's row is written
        # (a write to a unique column would make new attributions wait for it, the other way
        # round).
        _lock_statements(Attribution.objects.filter(speaker_id=speaker.pk))
    _save(speaker, user=user)
    _record_change(speaker)
    if names_changed:
        search.index_speaker(speaker.pk)
    return speaker


@transaction.atomic
def speaker_delete(*, speaker: Speaker, user: User) -> None:
    speaker._history_user = user
    _record_change(speaker, ChangeKind.DELETED)
    speaker.delete()  # PROTECT refuses while an attribution names the speaker


# --- Source -----------------------------------------------------------------------------------


def _normalize_source(source: Source) -> None:
    """Check the source's values, then store them in their canonical forms."""
    source.validate_fields()  # a URL that splits, texts that are strings
    source.url = normalize_url(source.url)
    # One line ending, whatever the client sent: browsers post CRLF, APIs usually LF.
    source.body = source.body.replace("\r\n", "\n").replace("\r", "\n")
    Source.clean_values({"url": source.url})  # the canonical URL is the one stored


@transaction.atomic
def source_create(*, user: User, **fields: Any) -> Source:
    source = Source(**fields)
    _normalize_source(source)
    _save(source, user=user)
    _record_change(source, ChangeKind.CREATED)
    return source


@transaction.atomic
def source_update(*, source: Source, user: User, **fields: Any) -> Source:
    """Update the source. A changed body re-verifies its quotes in the same transaction; the
    source returned then carries what became of them (``quote_check``, a ``QuoteCheck``)."""
    previous_body, previous_digest = source.body, source.body_sha256
    previous_names = (source.title, source.publisher)
    previous_date = source.published_at
    _assign(source, fields)
    _normalize_source(source)
    body_changed = source.body != previous_body
    names_changed = (source.title, source.publisher) != previous_names
    date_changed = source.published_at != previous_date
    if body_changed or names_changed or date_changed:
        # Its quotes move or its statements' documents change: the statements first, as for
        # a speaker.
        _lock_statements(Attribution.objects.filter(source_id=source.pk))
    _save(source, user=user)
    _record_change(source)
    if body_changed:
        source.quote_check = _reanchor_quotes(
            source=source, previous_body=previous_body, previous_digest=previous_digest, user=user
        )
    if names_changed:
        search.index_source(source.pk)
    if date_changed:  # the day of its attributions without a date of their own
        memberships.refresh_roles(Attribution.objects.filter(source_id=source.pk))
    return source


@dataclass(frozen=True)
class QuoteCheck:
    """What a body change did to the source's quotes: found again by their words (kept),
    found by an approximate match (re-anchored), lost (orphaned), or left without a body to
    stand in (unanchored)."""

    kept: int = 0
    reanchored: int = 0
    orphaned: int = 0
    unanchored: int = 0


# What a re-verification may change of an attribution, and what it writes of one it changed.
_QUOTE_STATE = (*QUOTE_FIELDS, "quote_start", "quote_end", "quote_status", "quote_body_sha256")
_REANCHORED_FIELDS = [*_QUOTE_STATE, "updated_at"]


def _reanchor_quotes(
    *, source: Source, previous_body: str, previous_digest: str, user: User
) -> QuoteCheck:
    """Look for each quote of the source again in its new body (``quotes.ChangedBody``):
    kept, re-anchored (the old and new offsets are in the attribution's history, with the
    reason) or orphaned (its offsets kept, as those of the body it was anchored in). The
    caller holds the locks of the attributions' statements."""
    attributions = list(source.attributions.exclude(quote_exact="").order_by("id"))
    stored = {attribution.pk: _stored_quote(attribution) for attribution in attributions}
    body = ChangedBody(source.body) if source.body else None
    counts = dict.fromkeys(("kept", "reanchored", "orphaned", "unanchored"), 0)
    moved: set[int] = set()  # statements whose quoted words changed
    now = timezone.now()
    for attribution in attributions:
        previous = (attribution.quote_start, attribution.quote_end)
        previous_exact = attribution.quote_exact
        if body is None:
            _place_quote(attribution, None)
            outcome = "unanchored"
        else:
            found = body.reanchor(
                exact=attribution.quote_exact,
                prefix=attribution.quote_prefix,
                suffix=attribution.quote_suffix,
                context=_quote_context(attribution, previous_body, previous_digest),
            )
            if found is None:
                attribution.quote_status = AnchorStatus.ORPHANED
                outcome = "orphaned"
            else:
                status = AnchorStatus.ANCHORED if found.kept else AnchorStatus.REANCHORED
                _place_quote(attribution, found.anchor, status=status)
                outcome = "kept" if found.kept else "reanchored"
        attribution._change_reason = _reanchoring_reason(outcome, previous, attribution)
        attribution._history_user = user if user is not None and user.is_authenticated else None
        attribution.updated_at = now
        counts[outcome] += 1
        if attribution.quote_exact != previous_exact:
            moved.add(attribution.statement_id)
    # The rows that changed, in a statement or two, and their history in as few.
    changed = [a for a in attributions if _stored_quote(a) != stored[a.pk]]
    _update_rows(Attribution, changed, _REANCHORED_FIELDS)
    Attribution.history.bulk_history_create(changed, update=True)
    # Their statements read differently (each quote's status, and its words when moved).
    changes.record_statements_updated(sorted({a.statement_id for a in changed}))
    if moved:  # their documents hold the quoted words
        search.index_statements(sorted(moved))
    return QuoteCheck(**counts)


def _stored_quote(attribution: Attribution) -> tuple:
    return tuple(getattr(attribution, name) for name in _QUOTE_STATE)


def _update_rows(model: type[models.Model], rows: list[models.Model], fields: list[str]) -> None:
    """Write ``fields`` of each of ``rows``, its own values, in one UPDATE (a batch of rows
    at a time): a CASE on the id for each field, as ``QuerySet.bulk_update`` writes it, but
    without an expression object for each value, which cost seconds for 200 quotes."""
    connection = connections[router.db_for_write(model)]
    name = connection.ops.quote_name
    columns = [model._meta.get_field(field) for field in fields]
    limit = connection.features.max_query_params or 10_000
    size = max(1, (limit - 1) // (2 * len(columns) + 1))
    for batch in (rows[at : at + size] for at in range(0, len(rows), size)):
        whens = " ".join(["WHEN %s THEN %s"] * len(batch))
        assignments, params = [], []
        for field in columns:
            value = f"CASE {name('id')} {whens} END"
            if connection.features.requires_casted_case_in_updates:  # PostgreSQL's types
                value = f"CAST({value} AS {field.db_type(connection)})"
            assignments.append(f"{name(field.column)} = {value}")
            for row in batch:
                params += [row.pk, field.get_db_prep_save(getattr(row, field.attname), connection)]
        ids = ", ".join(["%s"] * len(batch))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {name(model._meta.db_table)} SET {', '.join(assignments)} "  # noqa: S608
                f"WHERE {name('id')} IN ({ids})",
                [*params, *(row.pk for row in batch)],
            )


def _quote_context(attribution: Attribution, body: str, digest: str) -> Context | None:
    """What surrounded the quote where it was last anchored: in ``body`` when that is the
    body it was anchored in, else its own prefix and suffix (None when it has neither)."""
    start, end = attribution.quote_start, attribution.quote_end
    if start is not None and attribution.quote_body_sha256 == digest and digest:
        return Context.around(body, start, end)
    if attribution.quote_prefix or attribution.quote_suffix:
        return Context(
            before=attribution.quote_prefix or None,
            after=attribution.quote_suffix or None,
            position=None,
        )
    return None


def _reanchoring_reason(
    outcome: str, previous: tuple[int | None, int | None], attribution: Attribution
) -> str:
    """The history's reason for a re-verification's change, with the old and new offsets."""
    was = f"{previous[0]}-{previous[1]}" if previous[0] is not None else "no place"
    now = f"{attribution.quote_start}-{attribution.quote_end}"
    return {
        "kept": f"Source body changed: quote found by its words at {now} (was {was}).",
        "reanchored": f"Source body changed: quote re-anchored from {was} to {now}.",
        "orphaned": f"Source body changed: quote not found; its offsets ({was}) are kept.",
        "unanchored": "Source body removed: the quote has no body to stand in.",
    }[outcome]


@transaction.atomic
def source_delete(*, source: Source, user: User) -> None:
    source._history_user = user
    _record_change(source, ChangeKind.DELETED)
    source.delete()  # PROTECT refuses while an attribution cites the source


# --- Attribution ------------------------------------------------------------------------------


def attribution_anchor(
    *, source: Source, quote_exact: str, quote_prefix: str = "", quote_suffix: str = ""
) -> Anchor | None:
    """The quote placed in the source body (its selector in the body's own characters), or
    None when there is no body to anchor in. Raises ValidationError naming ``quote.exact``,
    ``quote.prefix`` or ``quote.suffix`` when the quote is absent or ambiguous."""
    if not source.body or not quote_exact:
        return None
    try:
        return anchor_quote(
            body=source.body, exact=quote_exact, prefix=quote_prefix, suffix=quote_suffix
        )
    except QuoteAnchorError as error:
        raise field_error(f"quote.{error.field}", error.message, code=error.code) from None


def _place_quote(
    attribution: Attribution, anchor: Anchor | None, *, status: str = AnchorStatus.ANCHORED
) -> None:
    """Store where the quote stands, and its words as the body has them (a quote typed with
    straight quotes is kept with the source's curly ones), with its anchor status and the
    digest of the body it stands in; without an anchor, it is unanchored."""
    if anchor is None:
        attribution.quote_start = attribution.quote_end = None
        attribution.quote_status = AnchorStatus.UNANCHORED
        attribution.quote_body_sha256 = ""
        return
    attribution.quote_start, attribution.quote_end = anchor.start, anchor.end
    attribution.quote_exact = anchor.exact
    attribution.quote_prefix, attribution.quote_suffix = anchor.prefix, anchor.suffix
    attribution.quote_status = status
    attribution.quote_body_sha256 = attribution.source.body_sha256


def _validate_attribution(attribution: Attribution) -> None:
    try:
        attribution.validate_fields()
    except ValidationError as error:
        # Named as the other errors name them: the quote's fields are "quote.exact", ...
        raise ValidationError(
            {
                name.replace("_", ".", 1) if name in QUOTE_FIELDS else name: messages
                for name, messages in error.error_dict.items()
            }
        ) from None
    errors = Attribution.rule_errors(
        mode=attribution.mode,
        quote_exact=attribution.quote_exact,
        speaker=attribution.speaker_id,
        on_behalf_of=attribution.on_behalf_of_id,
    )
    if errors:
        raise ValidationError(errors)
    anchor = attribution_anchor(
        source=attribution.source,
        quote_exact=attribution.quote_exact,
        quote_prefix=attribution.quote_prefix,
        quote_suffix=attribution.quote_suffix,
    )
    _place_quote(attribution, anchor)


def _assign_roles(attributions: list[Attribution]) -> None:
    """Set each attribution's role at the time (``statements.memberships``) from its
    speaker's memberships, read in one query."""
    speakers = {attribution.speaker_id for attribution in attributions}
    held: dict[int, list[Membership]] = {pk: [] for pk in speakers}
    for membership in Membership.objects.filter(person_id__in=speakers):
        held[membership.person_id].append(membership)
    for attribution in attributions:
        day = memberships.attribution_day(attribution.stated_on, attribution.source.published_at)
        chosen = memberships.membership_on(held[attribution.speaker_id], day)
        attribution.role_at_the_time = chosen


def _duplicate_attribution_error() -> ValidationError:
    return field_error("speaker", ALREADY_ATTRIBUTED, code="unique")


@transaction.atomic
def attribution_create(
    *, statement: Statement, user: User, correction_note: str | None = None, **fields: Any
) -> Attribution:
    """Add an attribution to the statement; to a published one it is a correction, which
    needs ``correction_note``."""
    statement = _locked_statement(statement)
    _refuse_frozen(statement)
    attribution = Attribution(statement=statement, **fields)
    _validate_attribution(attribution)
    if statement.attributions.filter(
        speaker_id=attribution.speaker_id, source_id=attribution.source_id
    ).exists():
        raise _duplicate_attribution_error()
    note = check_correction_note(statement, correction_note, field="correction_note")
    _assign_roles([attribution])
    _save(attribution, user=user)
    _record_attribution_change(attribution, note=note, user=user)
    search.index_statements([attribution.statement_id])
    return attribution


def _record_attribution_change(attribution: Attribution, *, note: str | None, user: User) -> None:
    """An attribution's change: an update of its statement, or its correction (``note``)."""
    if note is None:
        _record_change(attribution)
    else:
        _record_correction(attribution.statement, note=note, user=user)


@transaction.atomic
def attribution_update(
    *, attribution: Attribution, user: User, correction_note: str | None = None, **fields: Any
) -> Attribution:
    """Change the attribution; of a published statement it is a correction, which needs
    ``correction_note``."""
    attribution = _locked_attribution(attribution)
    statement = fields.pop("statement", attribution.statement)
    if statement.pk != attribution.statement_id:
        raise field_error(
            "statement",
            "An attribution cannot move to another statement: create a new one.",
            code="immutable",
        )
    _refuse_frozen(attribution.statement)
    note = check_correction_note(attribution.statement, correction_note, field="correction_note")
    _assign(attribution, fields)
    _validate_attribution(attribution)
    duplicate = Attribution.objects.filter(
        statement_id=attribution.statement_id,
        speaker_id=attribution.speaker_id,
        source_id=attribution.source_id,
    ).exclude(pk=attribution.pk)
    if duplicate.exists():
        raise _duplicate_attribution_error()
    _assign_roles([attribution])
    _save(attribution, user=user)
    _record_attribution_change(attribution, note=note, user=user)
    search.index_statements([attribution.statement_id])
    return attribution


@transaction.atomic
def attribution_delete(*, attribution: Attribution, user: User) -> None:
    attribution = _locked_attribution(attribution)
    _refuse_frozen(attribution.statement)
    _refuse_removing_attributions(attribution.statement)
    attribution._history_user = user
    _record_change(attribution)
    attribution.delete()
    search.index_statements([attribution.statement_id])


# --- Statement --------------------------------------------------------------------------------


def _topics(names: Iterable[str]) -> list[Topic]:
    slugs = sorted({slug for slug in map(normalize_topic, names) if slug})
    existing = {topic.slug: topic for topic in Topic.objects.filter(slug__in=slugs)}
    missing = [Topic(slug=slug) for slug in slugs if slug not in existing]
    # ignore_conflicts: a concurrent request may create the same topic meanwhile.
    Topic.objects.bulk_create(missing, ignore_conflicts=True)
    return list(Topic.objects.filter(slug__in=slugs)) if missing else list(existing.values())


def _sync_attributions(
    *, statement: Statement, attributions: list[dict[str, Any]], user: User
) -> None:
    """Make the statement's attributions exactly ``attributions``, matched on
    (speaker, source): matches are updated, new ones created, the others removed (a draft's
    only). The caller holds the statement's lock: the attributions are read under it."""
    errors: dict[str, Any] = {}
    seen: dict[tuple[int, int], int] = {}
    for index, fields in enumerate(attributions):
        key = (fields["speaker"].pk, fields["source"].pk)
        if key in seen:
            errors[f"attributions.{index}.speaker"] = ValidationError(
                f"Attribution {seen[key]} already pairs this speaker with this source.",
                code="unique",
            )
        seen.setdefault(key, index)
    existing = {
        (a.speaker_id, a.source_id): a for a in Attribution.objects.filter(statement=statement)
    }
    if set(existing) - set(seen):
        _refuse_removing_attributions(statement)
    to_save = []
    for index, fields in enumerate(attributions):
        key = (fields["speaker"].pk, fields["source"].pk)
        attribution = existing.get(key) or Attribution(statement=statement)
        _assign(attribution, fields)
        try:
            _validate_attribution(attribution)
        except ValidationError as error:
            for field, messages in error.error_dict.items():
                errors[f"attributions.{index}.{field}"] = messages
        to_save.append(attribution)
    if errors:
        raise ValidationError(errors)
    for key, attribution in existing.items():
        if key not in seen:
            attribution._history_user = user
            attribution.delete()
    if to_save:
        _assign_roles(to_save)
    for attribution in to_save:
        _save(attribution, user=user)


@transaction.atomic
def statement_create(
    *,
    user: User,
    text: str,
    language: str = "en",
    topics: Iterable[str] = (),
    attributions: list[dict[str, Any]] = (),
) -> Statement:
    """Create a statement with its attributions, all or nothing."""
    topics, attributions = list(topics), list(attributions)
    Statement.validate_lists(topics=topics, attributions=attributions)
    statement = Statement(text=text, language=language)
    statement.validate_fields()
    _save(statement, user=user)
    statement.topics.set(_topics(topics))
    _sync_attributions(statement=statement, attributions=attributions, user=user)
    _record_change(statement, ChangeKind.CREATED)
    search.index_statements([statement.pk])
    return statement


@transaction.atomic
def statement_update(
    *,
    statement: Statement,
    user: User,
    topics: Iterable[str] | None = None,
    attributions: list[dict[str, Any]] | None = None,
    correction_note: str | None = None,
    revision: Any = None,
    **fields: Any,
) -> Statement:
    """Update the statement; topics and attributions are replaced only when given. A
    published statement's change is a correction: it needs ``correction_note``, the public
    note shown with the statement from then on, and is ``corrected`` in the change feed
    (``revision``: the approved revision it applies, ``statements.corrections``)."""
    topics = None if topics is None else list(topics)
    Statement.validate_lists(topics=topics or (), attributions=attributions or ())
    statement = _locked_statement(statement)
    _refuse_frozen(statement)
    note = check_correction_note(statement, correction_note, field="correction_note")
    _assign(statement, fields)
    statement.validate_fields()
    _save(statement, user=user)
    if topics is not None:
        statement.topics.set(_topics(topics))
    if attributions is not None:
        _sync_attributions(statement=statement, attributions=attributions, user=user)
    if note is None:
        _record_change(statement)
    else:
        _record_correction(statement, note=note, user=user, revision=revision)
    search.index_statements([statement.pk])
    return statement


@transaction.atomic
def statement_delete(*, statement: Statement, user: User) -> None:
    statement = _locked_statement(statement)
    _refuse_frozen(statement)
    if statement.status != StatementStatus.DRAFT:
        raise ConflictError(
            f"A {statement.status} statement cannot be deleted: nothing published is ever "
            "hard-deleted. Retract it instead."
        )
    # Its same_claim relations go with it: the claims it joined may split.
    neighbours = claim_keys.claim_members(statement.pk) - {statement.pk}
    claim_keys.lock(neighbours)
    statement._history_user = user
    _record_change(statement, ChangeKind.DELETED)
    statement.delete()
    claim_keys.refresh(neighbours)


@transaction.atomic
def statement_publish(*, statement: Statement, user: User) -> Statement:
    statement = _locked_statement(statement)
    if statement.status != StatementStatus.DRAFT:
        raise ConflictError(f"Only a draft can be published; this statement is {statement.status}.")
    if not statement.attributions.exists():
        raise ConflictError("A statement needs at least one attribution before it is published.")
    statement.status = StatementStatus.PUBLISHED
    _save(statement, user=user)
    _record_change(statement, ChangeKind.PUBLISHED)
    search.index_statements([statement.pk])
    return statement


@transaction.atomic
def statement_retract(*, statement: Statement, user: User, reason: str) -> Statement:
    statement = _locked_statement(statement)
    if statement.status != StatementStatus.PUBLISHED:
        raise ConflictError(
            f"Only a published statement can be retracted; this statement is {statement.status}."
        )
    if not reason.strip():
        raise field_error("reason", "Say why it is retracted.", code="required")
    try:  # the field's own rules (its length, no control characters), whoever retracts
        Statement._meta.get_field("retraction_reason").run_validators(reason.strip())
    except ValidationError as error:
        raise ValidationError({"reason": error.error_list}) from None
    statement.status = StatementStatus.RETRACTED
    statement.retraction_reason = reason.strip()
    _save(statement, user=user)
    _record_change(statement, ChangeKind.RETRACTED, note=statement.retraction_reason)
    search.index_statements([statement.pk])
    return statement


# --- Relation ---------------------------------------------------------------------------------


def _validate_relation(relation: Relation) -> None:
    relation.validate_fields()
    if relation.from_statement_id == relation.to_statement_id:
        raise field_error("to_statement", "A statement cannot relate to itself.", code="invalid")
    duplicate = Relation.objects.filter(
        from_statement_id=relation.from_statement_id,
        to_statement_id=relation.to_statement_id,
        kind=relation.kind,
    ).exclude(pk=relation.pk)
    if duplicate.exists():
        raise field_error(
            "kind", "These statements already have a relation of this kind.", code="unique"
        )


def _claim_ends(*relations: tuple[int, int, str]) -> list[int]:
    """The statements whose claim a change of these relations (from, to, kind) may change:
    the ends of the same_claim ones."""
    return sorted(
        {end for *ends, kind in relations if kind == claim_keys.SAME_CLAIM for end in ends}
    )


def _lock_relation_ends(relation: Relation, *before: int | None, must_exist: bool = True) -> None:
    """Lock the statements the relation joins (and those it joined, ``before`` a change),
    as every write to a statement takes its lock first: a relation is part of both
    statements' representation and of their claims. What is checked after runs on what the
    locks settled: a statement deleted meanwhile is a 400 naming its field."""
    ends = {relation.from_statement_id, relation.to_statement_id, *before} - {None}
    found = set(
        Statement.objects.select_for_update(no_key=True)
        .filter(pk__in=ends)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for field in ("from_statement", "to_statement"):
        pk = getattr(relation, f"{field}_id")
        if must_exist and pk is not None and pk not in found:
            raise field_error(field, f"Statement #{pk} does not exist.", code="does_not_exist")


@transaction.atomic
def relation_create(*, user: User, **fields: Any) -> Relation:
    relation = Relation(**fields)
    _lock_relation_ends(relation)
    _validate_relation(relation)
    ends = _claim_ends((relation.from_statement_id, relation.to_statement_id, relation.kind))
    claim_keys.lock(ends)
    _save(relation, user=user)
    _record_change(relation)
    claim_keys.refresh(ends)
    return relation


@transaction.atomic
def relation_update(*, relation: Relation, user: User, **fields: Any) -> Relation:
    before = (relation.from_statement_id, relation.to_statement_id, relation.kind)
    _assign(relation, fields)
    _lock_relation_ends(relation, *before[:2])
    _validate_relation(relation)
    ends = _claim_ends(
        before, (relation.from_statement_id, relation.to_statement_id, relation.kind)
    )
    claim_keys.lock(ends)
    _save(relation, user=user)
    _record_change(relation, statement_ids=before[:2])
    claim_keys.refresh(ends)
    return relation


@transaction.atomic
def relation_delete(*, relation: Relation, user: User) -> None:
    _lock_relation_ends(relation, must_exist=False)  # a deleted statement took it already
    ends = _claim_ends((relation.from_statement_id, relation.to_statement_id, relation.kind))
    claim_keys.lock(ends)
    relation._history_user = user
    _record_change(relation)
    relation.delete()
    claim_keys.refresh(ends)


# --- Membership -------------------------------------------------------------------------------
# A person's memberships decide the role at the time of their attributions
# (``statements.memberships``): every write refreshes them, under their statements' locks.


def _validate_membership(membership: Membership) -> None:
    membership.validate_fields()
    errors = {}
    person, organization = membership.person, membership.organization
    if person.kind not in MEMBER_KINDS:
        errors["person"] = ValidationError(
            f"Only a person is a member; speaker #{person.pk} is a {person.kind}.",
            code="invalid_kind",
        )
    if organization.kind not in ORGANIZATION_KINDS:
        kinds = ", ".join(ORGANIZATION_KINDS)
        errors["organization"] = ValidationError(
            f"A membership is of an organization ({kinds}); speaker #{organization.pk} is a "
            f"{organization.kind}.",
            code="invalid_kind",
        )
    if membership.start and membership.end:
        membership.derive_bounds()
        if membership.valid_until < membership.valid_from:
            errors["end"] = ValidationError("The end is before the start.", code="invalid")
    if errors:
        raise ValidationError(errors)


def _refresh_roles_of(*person_ids: int) -> None:
    """Lock the statements of these persons' attributions, then refresh their roles."""
    attributions = Attribution.objects.filter(speaker_id__in=set(person_ids))
    _lock_statements(attributions)
    memberships.refresh_roles(attributions)


@transaction.atomic
def membership_create(*, user: User, **fields: Any) -> Membership:
    membership = Membership(**fields)
    _validate_membership(membership)
    _save(membership, user=user)
    _record_change(membership, ChangeKind.CREATED)
    _refresh_roles_of(membership.person_id)
    return membership


@transaction.atomic
def membership_update(*, membership: Membership, user: User, **fields: Any) -> Membership:
    previous_person = membership.person_id
    _assign(membership, fields)
    _validate_membership(membership)
    _save(membership, user=user)
    _record_change(membership)
    _refresh_roles_of(previous_person, membership.person_id)
    return membership


@transaction.atomic
def membership_delete(*, membership: Membership, user: User) -> None:
    membership._history_user = user
    person_id = membership.person_id
    _record_change(membership, ChangeKind.DELETED)
    # The attributions that show it take the role that holds without it first, under
    # their statements' locks (the foreign key would set them null without).
    attributions = Attribution.objects.filter(speaker_id=person_id)
    _lock_statements(attributions)
    memberships.refresh_roles(attributions, without=membership.pk)
    membership.delete()


# --- The services of each model: one registry, for the API and the admin ----------------------


@dataclass(frozen=True)
class ModelServices:
    """The create, update and delete services of one model, called alike for every model:
    ``create(user=..., **fields)``, ``update(instance, user=..., **fields)`` and
    ``delete(instance, user=...)``. They are this module's ``<entity>_create``,
    ``<entity>_update(*, <entity>, ...)`` and ``<entity>_delete(*, <entity>, ...)``, looked
    up when called, as a call by name would find them."""

    entity: str  # the model's name, which the services are named after

    def _service(self, action: str) -> Callable[..., Any]:
        return globals()[f"{self.entity}_{action}"]

    def create(self, *, user: User, **fields: Any) -> models.Model:
        return self._service("create")(user=user, **fields)

    def update(self, instance: models.Model, *, user: User, **fields: Any) -> models.Model:
        return self._service("update")(**{self.entity: instance}, user=user, **fields)

    def delete(self, instance: models.Model, *, user: User) -> None:
        self._service("delete")(**{self.entity: instance}, user=user)


SERVICES: dict[type[models.Model], ModelServices] = {
    model: ModelServices(model._meta.model_name)
    for model in (Speaker, Source, Statement, Attribution, Relation, Membership)
}


def services_for(model: type[models.Model]) -> ModelServices:
    """The services that create, update and delete ``model``'s objects."""
    return SERVICES[model]


# --- Suggestion -------------------------------------------------------------------------------
# Accepting or rejecting a suggested attribution (statements.suggestions) is remembered per
# source and key, so that the next run of the rules leaves it out.

QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb "


def _lock_decisions(*, source: Source, key: str) -> None:
    """Lock the source's row, then refuse a suggestion already answered."""
    # The source's row serialises the answers to its suggestions: the second of two
    # concurrent answers to one suggestion sees the first and is refused, not doubled.
    locked = Source.objects.select_for_update(no_key=True).filter(pk=source.pk)
    if not list(locked.values_list("pk", flat=True)):
        raise ConflictError(f"Source #{source.pk} was deleted meanwhile.")
    if SuggestionDecision.objects.filter(source=source, key=key).exists():
        raise ConflictError("This suggestion was already accepted or rejected.")


def _decide(
    *, source: Source, key: str, outcome: str, user: User, statement: Statement | None = None
) -> SuggestionDecision:
    return SuggestionDecision.objects.create(
        source=source,
        key=key,
        decision=outcome,
        statement=statement,
        decided_by=user if user is not None and user.is_authenticated else None,
    )


def _suggested_speaker(*, suggestion: Suggestion, user: User) -> Speaker:
    if suggestion.speaker_id is None:
        return speaker_create(user=user, name=suggestion.speaker_name, kind=suggestion.speaker_kind)
    speaker = Speaker.objects.filter(pk=suggestion.speaker_id).first()
    if speaker is None:
        raise ConflictError(f"Speaker #{suggestion.speaker_id} was deleted meanwhile.")
    return speaker


def suggestion_text(suggestion: Suggestion) -> str:
    """The text of the statement a suggestion becomes: the passage, without the quotation
    marks around it when it is a direct quote."""
    if suggestion.mode == AttributionMode.DIRECT_QUOTE:
        return suggestion.exact.strip(QUOTE_MARKS) or suggestion.exact
    return suggestion.exact


@transaction.atomic
def suggestion_accept(
    *, source: Source, suggestion: Suggestion, user: User, **overrides: Any
) -> Statement:
    """A draft statement with the one attribution the suggestion describes, anchored where
    it says; ``overrides`` replace the suggested attribution's fields (``speaker``: an
    existing speaker instead of the suggested one; else a proposed speaker is created), and
    ``text`` the statement's text (else the passage, ``suggestion_text``). Errors name the
    fields as the request does ("mode"), not as a statement's ("attributions.0.mode")."""
    _lock_decisions(source=source, key=suggestion.key)
    text = overrides.pop("text", None) or suggestion_text(suggestion)
    speaker = overrides.pop("speaker", None) or _suggested_speaker(suggestion=suggestion, user=user)
    attribution = {
        "speaker": speaker,
        "source": source,
        "mode": suggestion.mode,
        "speech_act": suggestion.speech_act,
        "verb": suggestion.verb,
        "speaker_role": suggestion.speaker_role,
        "occasion": suggestion.occasion,
        "quote_exact": suggestion.exact,
        "quote_prefix": suggestion.prefix,
        "quote_suffix": suggestion.suffix,
        **overrides,
    }
    try:
        statement = statement_create(
            user=user,
            text=text,
            language=source.language or "en",
            attributions=[attribution],
        )
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {name.removeprefix("attributions.0."): m for name, m in error.error_dict.items()}
        ) from None
    _decide(
        source=source,
        key=suggestion.key,
        outcome=SuggestionOutcome.ACCEPTED,
        user=user,
        statement=statement,
    )
    return statement


@transaction.atomic
def suggestion_reject(*, source: Source, suggestion: Suggestion, user: User) -> SuggestionDecision:
    """Remember that the suggestion is wrong, so that it is not proposed again."""
    _lock_decisions(source=source, key=suggestion.key)
    return _decide(source=source, key=suggestion.key, outcome=SuggestionOutcome.REJECTED, user=user)
