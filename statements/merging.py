"""Speakers found to be one: merging a speaker into another, and the likely duplicates.

``speaker_merge`` moves everything that names the merged speaker to the survivor and keeps
the merged id as a redirect (``SpeakerRedirect``); ``duplicate_candidates`` proposes pairs
that may be one speaker. Both engines alike.
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from statements import changes, memberships, search
from statements.errors import ConflictError
from statements.models import (
    MAX_ALIASES,
    Attribution,
    ChangeKind,
    Membership,
    Speaker,
    SpeakerRedirect,
    Statement,
)
from statements.search.names import similarity
from statements.selectors import redirect_target
from statements.services import User, field_error

# --- Merge ------------------------------------------------------------------------------------


def _refuse(speaker: Speaker, into: Speaker) -> None:
    """The merges refused before anything is read: naming the field ``into``."""
    if into.pk == speaker.pk:
        raise field_error("into", "A speaker cannot be merged into itself.", code="invalid")
    if into.kind != speaker.kind:
        raise field_error(
            "into",
            f"Speaker #{into.pk} is a {into.kind} and #{speaker.pk} a {speaker.kind}: only "
            "speakers of one kind are merged.",
            code="kind_mismatch",
        )
    if speaker.wikidata_id and into.wikidata_id and speaker.wikidata_id != into.wikidata_id:
        raise field_error(
            "into",
            f"The two speakers are different Wikidata items ({speaker.wikidata_id} and "
            f"{into.wikidata_id}).",
            code="wikidata_mismatch",
        )


def _refuse_collisions(speaker: Speaker, into: Speaker) -> None:
    """409 when a moved attribution would repeat one of the survivor's (same statement and
    source) or make the survivor speak on its own behalf."""
    theirs = Attribution.objects.filter(speaker=into).values_list("statement_id", "source_id")
    pairs = set(theirs)
    repeated = sorted(
        statement_id
        for statement_id, source_id in Attribution.objects.filter(speaker=speaker).values_list(
            "statement_id", "source_id"
        )
        if (statement_id, source_id) in pairs
    )
    if repeated:
        listed = ", ".join(f"#{pk}" for pk in repeated[:10])
        raise ConflictError(
            f"Both speakers are attributed statement(s) {listed} in the same source: remove "
            "one of each pair of attributions first."
        )
    own_behalf = Attribution.objects.filter(
        Q(speaker=speaker, on_behalf_of=into) | Q(speaker=into, on_behalf_of=speaker)
    ).values_list("statement_id", flat=True)
    if own := sorted(set(own_behalf)):
        listed = ", ".join(f"#{pk}" for pk in own[:10])
        raise ConflictError(
            f"Merged, the speaker would speak on their own behalf in statement(s) {listed}: "
            "correct those attributions first."
        )


def merged_aliases(speaker: Speaker, into: Speaker) -> list[str]:
    """The survivor's aliases, then the merged speaker's name and aliases, each once
    (ignoring case), without the survivor's own name."""
    seen = {into.name.casefold()}
    aliases = []
    for alias in (*into.aliases, speaker.name, *speaker.aliases):
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            aliases.append(alias)
    return aliases


def _lock(speaker: Speaker, into: Speaker) -> tuple[Speaker, Speaker]:
    """The statements whose attributions name either speaker first (the merged one's move,
    the survivor's search documents change), in id order, then the two speakers' rows."""
    named = Attribution.objects.filter(
        Q(speaker_id__in=[speaker.pk, into.pk]) | Q(on_behalf_of_id=speaker.pk)
    )
    list(
        Statement.objects.select_for_update(no_key=True)
        .filter(pk__in=named.values("statement_id"))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    rows = {
        row.pk: row
        for row in Speaker.objects.select_for_update().filter(pk__in=[speaker.pk, into.pk])
    }
    if speaker.pk not in rows or into.pk not in rows:
        missing = speaker.pk if speaker.pk not in rows else into.pk
        raise ConflictError(f"Speaker #{missing} was deleted or merged meanwhile.")
    return rows[speaker.pk], rows[into.pk]


def _moved_with_history(
    queryset, field: str, into: Speaker, *, user: User, reason: str
) -> set[int]:
    """Point ``field`` of the rows of ``queryset`` at ``into``, with a history row each;
    the ids of the statements (attributions) or persons (memberships) concerned."""
    now = timezone.now()
    ids = list(queryset.values_list("pk", flat=True))
    if not ids:
        return set()
    model = queryset.model
    model.objects.filter(pk__in=ids).update(**{field: into, "updated_at": now})
    moved = list(model.objects.filter(pk__in=ids))
    author = user if user is not None and user.is_authenticated else None
    model.history.bulk_history_create(
        moved, update=True, default_user=author, default_change_reason=reason
    )
    return {row.statement_id for row in moved} if model is Attribution else set()


@transaction.atomic
def speaker_merge(*, speaker: Speaker, into: Speaker, user: User) -> Speaker:
    """Merge ``speaker`` into ``into``: its attributions (as speaker and as the one
    represented), memberships (as person and as organization), name and aliases move to
    ``into`` (the name becomes an alias; a blank description, country or Wikidata id of
    ``into`` takes the merged one's), its id becomes a redirect to ``into`` (and so do the
    ids merged into it before), and both speakers' histories record the merge. The moved
    attributions' statements change (the change feed lists them as updated), those
    retracted included: the speaker they name is the same one. Refused (400 naming
    ``into``) into itself, across kinds, or across Wikidata items; refused (409) when an
    attribution would repeat one of the survivor's or make it speak on its own behalf."""
    _refuse(speaker, into)
    speaker, into = _lock(speaker, into)
    _refuse(speaker, into)  # as read under the locks
    _refuse_collisions(speaker, into)
    aliases = merged_aliases(speaker, into)
    if len(aliases) > MAX_ALIASES:
        raise ConflictError(
            f"Merged, the speaker would have {len(aliases)} aliases, more than {MAX_ALIASES}: "
            "remove some first."
        )
    reason = f"Merged speaker #{speaker.pk} ({speaker.name}) into #{into.pk} ({into.name})."
    statements = _moved_with_history(
        Attribution.objects.filter(speaker=speaker), "speaker", into, user=user, reason=reason
    )
    statements |= _moved_with_history(
        Attribution.objects.filter(on_behalf_of=speaker), "on_behalf_of", into, user=user,
        reason=reason,
    )  # fmt: skip
    for field in ("person", "organization"):
        _moved_with_history(
            Membership.objects.filter(**{field: speaker}), field, into, user=user, reason=reason
        )
    SpeakerRedirect.objects.filter(speaker=speaker).update(speaker=into)
    SpeakerRedirect.objects.create(
        old_id=speaker.pk,
        speaker=into,
        name=speaker.name,
    )
    # Into the survivor: the merged name and aliases, and what it lacks.
    into.aliases = aliases
    for field in ("description", "country", "wikidata_id"):
        if not getattr(into, field) and getattr(speaker, field):
            setattr(into, field, getattr(speaker, field))
    into.validate_fields()
    author = user if user is not None and user.is_authenticated else None
    changes.record(speaker, ChangeKind.DELETED, note=reason)
    speaker._history_user, speaker._change_reason = author, reason
    speaker.delete()  # before the survivor takes its Wikidata id (unique)
    into._history_user, into._change_reason = author, reason
    into.save()
    changes.record(into, ChangeKind.UPDATED, note=reason)
    changes.record_statements_updated(sorted(statements))
    search.index_speaker(into.pk)
    memberships.refresh_roles(Attribution.objects.filter(speaker=into))
    return into


# --- Likely duplicates ------------------------------------------------------------------------

# Two names this similar (pg_trgm's trigram similarity of the whole names, folded) are
# proposed as one speaker; an alias of one equal to a name or alias of the other always is.
NAME_SIMILARITY = 0.6
# At most this many speakers share a blocking key before it is skipped as too common
# ("john"), and at most this many pairs are proposed.
MAX_BLOCK = 200
MAX_PAIRS = 1000
_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """A name compared loosely: lower case, accents and punctuation dropped, initials
    ("F.") left out, words in their order."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text
    return " ".join(word for word in _WORD.findall(plain.lower()) if len(word) > 1)


@dataclass(frozen=True)
class DuplicatePair:
    speaker: int
    duplicate: int
    score: float
    reasons: tuple[str, ...]


def _names(name: str, aliases: list[str]) -> set[str]:
    return {folded for text in (name, *aliases) if (folded := fold(text))}


def duplicate_candidates(kind: str | None = None) -> list[DuplicatePair]:
    """Pairs of speakers (of one kind) that may be one, best first: a name or alias of one
    that is, folded (``fold``), a name or alias of the other (``same_name``, a score of 1),
    or names spelt alike (``similar_name``, their trigram similarity, from
    ``NAME_SIMILARITY`` up). Two speakers never share a Wikidata id (it is unique). Speakers are
    compared within blocks that share a word's first four letters, so that the work grows
    with the speakers, not with their pairs; at most ``MAX_PAIRS``. One query."""
    speakers = Speaker.objects.order_by("pk")
    if kind:
        speakers = speakers.filter(kind=kind)
    rows = list(speakers.values_list("pk", "kind", "name", "aliases"))
    names = {pk: _names(name, aliases) for pk, _, name, aliases in rows}
    folded = {pk: fold(name) for pk, _, name, _ in rows}
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pk, speaker_kind, _, _ in rows:
        keys = {word[:4] for text in names[pk] for word in text.split() if len(word) >= 3}
        for key in keys:
            blocks[(speaker_kind, key)].append(pk)
    pairs: dict[tuple[int, int], DuplicatePair] = {}
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for index, first in enumerate(members):
            for second in members[index + 1 :]:
                if (first, second) in pairs:
                    continue
                reasons, score = [], 0.0
                if names[first] & names[second]:
                    reasons.append("same_name")
                    score = 1.0
                name_score = similarity(folded[first], folded[second])
                if name_score >= NAME_SIMILARITY:
                    reasons.append("similar_name")
                    score = max(score, round(name_score, 3))
                if reasons:
                    pairs[(first, second)] = DuplicatePair(first, second, score, tuple(reasons))
    ranked = sorted(pairs.values(), key=lambda pair: (-pair.score, pair.speaker, pair.duplicate))
    return ranked[:MAX_PAIRS]


def check_into(into: int) -> int:
    """The survivor's id for ``into`` as given: a merged speaker's id is followed to its
    survivor."""
    target = redirect_target(into)
    return target if target is not None else into


__all__ = [
    "DuplicatePair",
    "check_into",
    "duplicate_candidates",
    "speaker_merge",
]
