"""Writing a batch of checked lines: bulk inserts with their history rows and search
documents, in one transaction."""

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef

from statements import changes
from statements.choices import AnchorStatus
from statements.generation import bump_generation
from statements.memberships import refresh_roles
from statements.models import (
    ALREADY_ATTRIBUTED,
    Attribution,
    Membership,
    Source,
    Speaker,
    Statement,
    Topic,
)
from statements.normalize import normalize_topic
from statements.quotes import QuoteAnchorError, anchor_quote
from statements.search import get_backend
from statements.search.base import document_fields
from statements.transfer.imports.parse import (
    ATTRIBUTION_COLUMNS,
    QUOTE_EXACT,
    SOURCE_COLUMNS,
    STATEMENT_COLUMNS,
    ImportLineError,
    Line,
    SpeakerRef,
)
from statements.visibility import is_public

CHANGE_REASON = "Imported"
MAX_ID = 2**63 - 1  # ids are BigAutoField values


@dataclass
class Result:
    imported: int = 0
    skipped: int = 0
    speakers_created: int = 0
    sources_created: int = 0


# --- inserting rows with their history ------------------------------------------------------


def insert_with_history(model, columns: tuple[str, ...], rows: list[tuple], *, user) -> list[int]:
    """Insert ``rows`` (tuples of the fields named by ``columns``) with a "created" history
    row each, the engine's fastest way (``SearchBackend.insert_with_history``); return the
    new ids, in order."""
    if not rows:
        return []
    ids = get_backend().insert_with_history(model, columns, rows, user=user, reason=CHANGE_REASON)
    changes.record_inserted(model, columns, rows, ids)  # in the feed, as the services do
    return ids


def _insert_plain(model, rows: list[tuple], columns: tuple[str, ...]) -> None:
    """Rows without history (the topics' join table)."""
    if rows:
        get_backend().insert_rows(model, columns, rows)


# --- writing a batch --------------------------------------------------------------------------


class _KnownSource(NamedTuple):
    pk: int
    body: str  # "" for the sources that this import creates
    body_sha256: str  # its digest, which the quotes anchored in it record
    title: str
    publisher: str
    created: bool  # by this batch: no attribution cites it yet


@dataclass
class _Speakers:
    """The speakers of one import, by their keys in the file (``SpeakerRef.key``), kept from
    batch to batch so that a key means one speaker throughout.

    A key is resolved once, with one query per batch for all the batch's new keys:

    - a Wikidata id finds the speaker with that id, else a new one is created with it;
    - an ``id`` finds the speaker with that id if it has the line's name and kind (an
      export read back into its own database, or a copy of it);
    - otherwise the name and kind decide, only when they are unambiguous: no speaker of that
      name and kind, and a new one is created (one per key: two ids, two namesakes); one,
      and it is that one; more, or several keys of the file for the one speaker here, and the
      line is refused, naming the candidates. A speaker that another key of the import took
      is no candidate for a key with an id (the file says they are different people).
    """

    by_key: dict[tuple, int] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)  # by a key with an id or a Wikidata id
    # What the search documents show of each: its name and aliases.
    names: dict[int, tuple[str, list]] = field(default_factory=dict)

    def __getitem__(self, key: tuple) -> int:
        return self.by_key[key]

    def resolve(self, lines: list[Line], *, user, result: Result) -> None:
        wanted: dict[tuple, tuple[SpeakerRef, int, str]] = {}  # key: (ref, line, path)
        for line in lines:
            for index, attribution in enumerate(line.attributions):
                for ref, name in (
                    (attribution.speaker, "speaker"),
                    (attribution.on_behalf_of, "on_behalf_of"),
                ):
                    if ref is not None and ref.key not in self.by_key and ref.key not in wanted:
                        wanted[ref.key] = (ref, line.number, f"attributions.{index}.{name}")
        if not wanted:
            return
        refs = [ref for ref, _, _ in wanted.values()]
        by_wikidata: dict[str, int] = {}
        by_id: dict[int, tuple[str, str]] = {}
        by_name: dict[tuple[str, str], list[int]] = {}
        backend = get_backend()
        query = backend.among_texts(
            "wikidata_id", {ref.wikidata_id for ref in refs if ref.wikidata_id}
        )
        query |= backend.among(
            "pk", list({ref.id for ref in refs if ref.id is not None and 0 < ref.id <= MAX_ID})
        )
        query |= backend.among_texts("name", {ref.name for ref in refs if not ref.wikidata_id})
        rows = Speaker.objects.filter(query).order_by("id")
        for pk, name, kind, aliases, wikidata_id in rows.values_list(
            "id", "name", "kind", "aliases", "wikidata_id"
        ):
            self.names[pk] = (name, aliases if isinstance(aliases, list) else [])
            by_id[pk] = (name, kind)
            by_name.setdefault((name, kind), []).append(pk)
            if wikidata_id:
                by_wikidata[wikidata_id] = pk

        found: dict[tuple, int] = {}
        missing: list[SpeakerRef] = []
        by_name_keys: dict[tuple[str, str], list[SpeakerRef]] = {}
        for ref in refs:
            if ref.wikidata_id:
                if ref.wikidata_id in by_wikidata:
                    found[ref.key] = by_wikidata[ref.wikidata_id]
                else:
                    missing.append(ref)
            elif ref.id is not None and by_id.get(ref.id) == (ref.name, ref.kind):
                found[ref.key] = ref.id
            else:
                by_name_keys.setdefault((ref.name, ref.kind), []).append(ref)
        self.taken.update(found.values())
        for (name, kind), named in by_name_keys.items():
            candidates = by_name.get((name, kind), [])
            with_id = [ref for ref in named if ref.id is not None]
            for ref in named:
                if ref.id is not None:
                    continue
                # The file says nothing but the name: any speaker of that name is a candidate.
                if len(candidates) > 1:
                    self._ambiguous(wanted[ref.key], candidates)
                if candidates:
                    found[ref.key] = candidates[0]
                else:
                    missing.append(ref)
            free = [pk for pk in candidates if pk not in self.taken]
            if not with_id:
                continue
            if not free:
                missing.extend(with_id)
            elif len(free) == 1 and len(with_id) == 1:
                found[with_id[0].key] = free[0]
                self.taken.add(free[0])
            else:
                self._ambiguous(wanted[with_id[0].key], free, keys=len(with_id))
        self.by_key.update(found)
        rows = [(ref.name, ref.kind, ref.wikidata_id) for ref in missing]
        ids = insert_with_history(Speaker, ("name", "kind", "wikidata_id"), rows, user=user)
        result.speakers_created += len(ids)
        for pk, ref in zip(ids, missing, strict=True):
            self.by_key[ref.key] = pk
            self.taken.add(pk)
            self.names[pk] = (ref.name, [])

    @staticmethod
    def _ambiguous(where: tuple[SpeakerRef, int, str], candidates: list[int], keys=1) -> None:
        ref, line, path = where
        named = ", ".join(f"#{pk}" for pk in candidates)
        if keys > 1:
            problem = (
                f"the file names {keys} different speakers {ref.name!r} ({ref.kind}), "
                f"and here {named} {'has' if len(candidates) == 1 else 'have'} that name"
            )
        else:
            problem = (
                f"{len(candidates)} speakers here are named {ref.name!r} ({ref.kind}): {named}"
            )
        raise ImportLineError(
            line,
            path,
            f"Which speaker is meant? {problem[0].upper()}{problem[1:]}. Give the speaker's "
            '"wikidata_id", or as "id" the id of the one meant.',
        )


@dataclass
class _Batch:
    lines: list[Line]
    user: Any
    result: Result
    speakers: _Speakers
    sources: dict[str, _KnownSource] = field(default_factory=dict)
    # What the search documents show of each source: its title and publisher.
    source_titles: dict[int, tuple[str, str]] = field(default_factory=dict)

    def write(self) -> None:
        self.speakers.resolve(self.lines, user=self.user, result=self.result)
        self._resolve_sources()
        lines = self._new_lines()
        self.result.skipped += len(self.lines) - len(lines)
        if not lines:
            return
        topics = self._topics({name for line in lines for name in line.topics})
        ids = insert_with_history(
            Statement, STATEMENT_COLUMNS, [line.statement for line in lines], user=self.user
        )
        links, attributions, documents = [], [], []
        for statement_id, line in zip(ids, lines, strict=True):
            links.extend(
                (statement_id, topic_id)
                for topic_id in sorted({topics[name] for name in line.topics if name in topics})
            )
            rows = self._attribution_rows(statement_id, line)
            attributions.extend(rows)
            text, _, status, _ = line.statement
            documents.append(
                (
                    statement_id,
                    is_public(status),
                    document_fields(
                        text,
                        # In the order of their first attribution, each once.
                        [self.speakers.names[pk] for pk in dict.fromkeys(row[1] for row in rows)],
                        [self.source_titles[pk] for pk in dict.fromkeys(row[2] for row in rows)],
                        [row[ATTRIBUTION_COLUMNS.index("quote_exact")] for row in rows],
                    ),
                )
            )
        _insert_plain(Statement.topics.through, links, ("statement_id", "topic_id"))
        attribution_ids = insert_with_history(
            Attribution, ATTRIBUTION_COLUMNS, attributions, user=self.user
        )
        # Their speakers' roles at the time (statements.memberships), where any are known.
        if attribution_ids and Membership.objects.exists():
            refresh_roles(Attribution.objects.filter(pk__in=attribution_ids))
        # Searchable in the same transaction, as the services make it.
        get_backend().insert_documents(documents)
        self.result.imported += len(ids)

    def _resolve_sources(self) -> None:
        given = {a.source["url"]: a.source for line in self.lines for a in line.attributions}
        if not given:
            return
        # A body anchors quotes: it is read only for the sources cited with one.
        quoted = [
            a.source["url"] for line in self.lines for a in line.attributions if a.own[QUOTE_EXACT]
        ]
        backend = get_backend()
        existing = backend.rows_by_key(Source, "url", given, ("id", "url", "title", "publisher"))
        bodies = {
            url: (body, digest)
            for url, body, digest in (
                backend.rows_by_key(Source, "url", set(quoted), ("url", "body", "body_sha256"))
                if quoted
                else ()
            )
        }
        for pk, url, title, publisher in existing:
            body, digest = bodies.get(url, ("", ""))
            self.sources[url] = _KnownSource(pk, body, digest, title, publisher, created=False)
        missing = [fields for url, fields in given.items() if url not in self.sources]
        rows = [tuple(fields[name] for name in SOURCE_COLUMNS) for fields in missing]
        ids = insert_with_history(Source, SOURCE_COLUMNS, rows, user=self.user)
        self.result.sources_created += len(ids)
        for pk, fields in zip(ids, missing, strict=True):
            self.sources[fields["url"]] = _KnownSource(
                pk, "", "", fields["title"], fields["publisher"], created=True
            )
        self.source_titles = {
            source.pk: (source.title, source.publisher) for source in self.sources.values()
        }

    def _new_lines(self) -> list[Line]:
        """The lines not imported yet (by the natural key), each key once."""

        def resolved(line: Line) -> tuple:  # (text,) or (text, speaker id, source id)
            if len(line.key) == 1:
                return line.key
            text, speaker, url = line.key
            return (text, self.speakers[speaker], self.sources[url].pk)

        keys = [resolved(line) for line in self.lines]
        # Only a source that was there before this batch can hold an imported line.
        created = {source.pk for source in self.sources.values() if source.created}
        keyed = [key for key in keys if len(key) == 3 and key[2] not in created]
        done: set[tuple] = get_backend().attributed_already(keyed) if keyed else set()
        bare = {key[0] for key in keys if len(key) == 1}
        if bare:
            unattributed = Statement.objects.filter(text__in=bare).filter(
                ~Exists(Attribution.objects.filter(statement=OuterRef("pk")))
            )
            done |= {(text,) for text in unattributed.values_list("text", flat=True)}
        new = []
        for line, key in zip(self.lines, keys, strict=True):
            if key not in done:
                done.add(key)
                new.append(line)
        return new

    def _attribution_rows(self, statement_id: int, line: Line) -> list[tuple]:
        """The line's attributions as ATTRIBUTION_COLUMNS, quotes anchored in the bodies."""
        rows = []
        seen = set()
        for index, attribution in enumerate(line.attributions):
            source = self.sources[attribution.source["url"]]
            speaker = self.speakers[attribution.speaker.key]
            behalf = attribution.on_behalf_of
            behalf = self.speakers[behalf.key] if behalf else None
            # Two keys of the file may be one speaker here (an id and a Wikidata id).
            if (speaker, source.pk) in seen:
                raise ImportLineError(
                    line.number, f"attributions.{index}.speaker", ALREADY_ATTRIBUTED
                )
            seen.add((speaker, source.pk))
            errors = Attribution.rule_errors(
                mode="", quote_exact="", speaker=speaker, on_behalf_of=behalf
            )
            for name, error in errors.items():
                raise ImportLineError(
                    line.number, f"attributions.{index}.{name}", error.messages[0]
                )
            own = attribution.own
            start = end = None
            status, digest = AnchorStatus.UNANCHORED.value, ""
            if source.body and own[QUOTE_EXACT]:
                exact, prefix, suffix = own[QUOTE_EXACT:]
                try:
                    anchor = anchor_quote(
                        body=source.body, exact=exact, prefix=prefix, suffix=suffix
                    )
                except QuoteAnchorError as error:
                    raise ImportLineError(
                        line.number, f"attributions.{index}.quote.{error.field}", error.message
                    ) from None
                start, end = anchor.start, anchor.end
                status, digest = AnchorStatus.ANCHORED.value, source.body_sha256
                # The body's own characters, whatever quotes and dashes the line typed.
                own = (*own[:QUOTE_EXACT], anchor.exact, anchor.prefix, anchor.suffix)
            rows.append(
                (statement_id, speaker, source.pk, behalf, start, end, status, digest, *own)
            )
        return rows

    @staticmethod
    def _topics(names: set[str]) -> dict[str, int]:
        slugs = {name: normalize_topic(name) for name in names}
        wanted = {slug for slug in slugs.values() if slug}
        existing = dict(Topic.objects.filter(slug__in=wanted).values_list("slug", "id"))
        missing = [Topic(slug=slug) for slug in sorted(wanted - existing.keys())]
        if missing:
            Topic.objects.bulk_create(missing, ignore_conflicts=True)
            existing = dict(Topic.objects.filter(slug__in=wanted).values_list("slug", "id"))
        return {name: existing[slug] for name, slug in slugs.items() if slug}


class BatchWriter:
    """Writes the batches of one import, each in a transaction of its own."""

    def __init__(self, *, user, result: Result) -> None:
        self.user, self.result = user, result
        self.speakers = _Speakers()  # a speaker's key in the file means one speaker throughout
        self.backend = get_backend()
        # Statistics are refreshed when the imported rows reach the table's size (at least 1k).
        self.analyze_at = max(1000, self.backend.estimated_rows(Statement) or 0)

    def write(self, parsed: list[Line]) -> None:
        with transaction.atomic():
            self.backend.defer_flush()
            try:
                _Batch(parsed, self.user, self.result, self.speakers).write()
                bump_generation()  # COPY and bulk inserts send no signals
            except ValidationError as error:  # a database-level rule, not caught above
                raise ImportLineError(parsed[0].number, None, "; ".join(error.messages)) from None
        if self.result.imported >= self.analyze_at:
            # Fresh statistics each time the imported rows double (from 1k, or the rows
            # there before), or the planner, still counting on near-empty tables, may scan
            # them whole for each batch.
            self.backend.analyze((Statement, Attribution, Speaker, Source))
            self.analyze_at = 2 * self.result.imported
