"""Concurrent writers through the HTTP API: the rules that span a statement and its
attributions hold however two requests interleave, and no acknowledged update is lost.

Every write to a statement or to its attributions locks the statement row first, so these
requests serialise. Each case runs many trials of two requests released together; one
trial's bad interleaving is a failure. PostgreSQL only: SQLite lets one writer at a time
into the database, so there the requests are serialised by the engine itself.
"""

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements import services
from statements.choices import AttributionMode, SourceKind, SpeechAct, StatementStatus
from statements.models import Attribution, SearchDocument, Statement
from statements.search import index_statements
from tests.factories import (
    AttributionFieldsFactory,
    SourceFactory,
    SpeakerFactory,
    StatementFactory,
)
from tests.helpers import write_form

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite admits one writer at a time: its writes never interleave",
    ),
    pytest.mark.django_db(transaction=True),
]

TRIALS = 20
STATEMENTS = "/api/v1/statements/"
ATTRIBUTIONS = "/api/v1/attributions/"


def race(*requests: Callable[[], object]) -> list[object]:
    """Run the requests in threads released together, each on its own connection; return
    what each returned (the response, or the exception it raised)."""
    barrier = threading.Barrier(len(requests))
    results: list[object] = [None] * len(requests)

    def run(index: int, request: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = request()
        except Exception as error:  # reported by the assertions
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a request never finished"
    return results


def send(make_client: Callable[[], APIClient], method: str, path: str, **kwargs) -> Callable:
    """A request to send later, from a fresh client (each thread has its own)."""
    return lambda: getattr(make_client(), method)(path, **kwargs)


def status_of(result: object) -> int | str:
    return getattr(result, "status_code", repr(result))


def token_client(user) -> Callable[[], APIClient]:
    key = Token.objects.create(user=user).key

    def make() -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client

    return make


def document_disagrees(statement_id: int) -> str | None:
    """Whether the statement's search document differs from one written afresh from the
    data as committed: what differs, or None."""
    fields = ("text", "speakers", "sources", "published")
    stored = SearchDocument.objects.filter(statement_id=statement_id).values(*fields).first()
    with transaction.atomic():
        index_statements([statement_id])
        fresh = SearchDocument.objects.filter(statement_id=statement_id).values(*fields).first()
        transaction.set_rollback(True)
    return None if stored == fresh else f"stored {stored}, from the data {fresh}"


def word(trial: int) -> str:
    """A made-up word per trial, so each trial's statement is found alone by search."""
    return "zorblax" + "".join(chr(ord("a") + int(digit)) for digit in str(trial))


class Newsroom:
    """Speakers, a source and the clients of an editor, another editor and a reviewer."""

    def __init__(self, editor_user, reviewer_user, other_editor_user) -> None:
        self.speaker = SpeakerFactory(name="Jane Roe")
        self.other_speaker = SpeakerFactory(name="Quillon Vasquez")
        self.source = SourceFactory(
            title="Briefing", url="https://news.example/briefing", kind=SourceKind.PRESS_BRIEFING
        )
        self.editor = token_client(editor_user)
        self.other_editor = token_client(other_editor_user)
        self.reviewer = token_client(reviewer_user)

    def statement(self, trial: int, *, publish: bool = False) -> tuple[Statement, Attribution]:
        statement = StatementFactory(
            text=f"The troops had left ({word(trial)}).",
            attributions=[
                AttributionFieldsFactory(
                    speaker=self.speaker,
                    source=self.source,
                    mode=AttributionMode.PARAPHRASE,
                    verb="said",
                    occasion="a briefing",
                )
            ],
        )
        if publish:
            statement = services.statement_publish(statement=statement, user=None)
        return statement, statement.attributions.get()


@pytest.fixture
def newsroom(editor_user, reviewer_user, django_user_model) -> Newsroom:
    other_editor = django_user_model.objects.create_user(username="otto", is_staff=True)
    other_editor.groups.set(editor_user.groups.all())
    return Newsroom(editor_user, reviewer_user, other_editor)


def test_publish_and_deleting_the_last_attribution_serialise(newsroom, anon):
    """Issue: a reviewer's publish and an editor's delete of the statement's last attribution,
    sent together, both succeeded: a published statement without attributions, sometimes with
    a search document that still said unpublished."""
    failures = []
    for trial in range(TRIALS):
        statement, attribution = newsroom.statement(trial)
        url = f"{ATTRIBUTIONS}{attribution.pk}/"
        # A careful client sends If-Match, a hasty one does not: both must be safe.
        headers = {"HTTP_IF_MATCH": newsroom.editor().get(url)["ETag"]} if trial % 2 else {}
        published, deleted = race(
            send(newsroom.reviewer, "post", f"{STATEMENTS}{statement.pk}/publish/"),
            send(newsroom.editor, "delete", url, **headers),
        )
        statement.refresh_from_db()
        count = statement.attributions.count()
        outcome = f"trial {trial}: publish {status_of(published)}, delete {status_of(deleted)}"
        if statement.status == StatementStatus.PUBLISHED and count == 0:
            failures.append(f"{outcome}: published with no attribution")
        if disagreement := document_disagrees(statement.pk):
            failures.append(f"{outcome}: search document: {disagreement}")
        hits = anon.get("/api/v1/search/", {"q": word(trial)}).json()["results"]
        found = statement.pk in {hit["statement"]["id"] for hit in hits}
        if found != (statement.status == StatementStatus.PUBLISHED):
            failures.append(f"{outcome}: {statement.status}, found by anonymous search: {found}")
        # One wins, the other is refused: a published statement's attributions stay (409),
        # and a write to published data without If-Match is refused before that (428).
        if (status_of(published), status_of(deleted)) not in {(200, 409), (200, 428), (409, 204)}:
            failures.append(f"{outcome}: unexpected statuses")
    assert not failures, f"{len(failures)} failures in {TRIALS} trials:\n" + "\n".join(failures)


def test_a_statement_write_never_reverts_a_concurrent_attribution_write(newsroom):
    """Issue: editor A PATCHes statement S with If-Match and its attributions (one field
    changed) while editor B PATCHes attribution X of S with If-Match: both got 200 and A's
    write put back X as A had read it, losing B's acknowledged change. (Reviewers now: an
    editor's change to a published statement is a revision, a reviewer's applies at once,
    with a correction note.)"""
    failures = []
    for trial in range(TRIALS):
        statement, attribution = newsroom.statement(trial, publish=True)
        statement_url = f"{STATEMENTS}{statement.pk}/"
        attribution_url = f"{ATTRIBUTIONS}{attribution.pk}/"
        read_a = newsroom.reviewer().get(statement_url)
        read_b = newsroom.reviewer().get(attribution_url)
        attributions = [write_form(item) for item in read_a.json()["attributions"]]
        attributions[0]["verb"] = "claimed"
        occasion = f"B's occasion {trial}"
        response_a, response_b = race(
            send(
                newsroom.reviewer,
                "patch",
                statement_url,
                data={"attributions": attributions, "correction_note": "A's correction."},
                format="json",
                HTTP_IF_MATCH=read_a["ETag"],
            ),
            send(
                newsroom.reviewer,
                "patch",
                attribution_url,
                data={"occasion": occasion, "correction_note": "B's correction."},
                format="json",
                HTTP_IF_MATCH=read_b["ETag"],
            ),
        )
        attribution.refresh_from_db()
        statuses = (status_of(response_a), status_of(response_b))
        outcome = f"trial {trial}: A {statuses[0]}, B {statuses[1]}"
        if sorted(statuses) not in ([200, 200], [200, 412]):
            failures.append(f"{outcome}: unexpected statuses")
        if statuses[0] == 200 and attribution.verb != "claimed":
            failures.append(f"{outcome}: A's change lost")
        if statuses[1] == 200 and attribution.occasion != occasion:
            failures.append(f"{outcome}: B's change lost")
        if disagreement := document_disagrees(statement.pk):
            failures.append(f"{outcome}: search document: {disagreement}")
    assert not failures, f"{len(failures)} failures in {TRIALS} trials:\n" + "\n".join(failures)


def test_a_statement_write_and_a_new_attribution_serialise(newsroom):
    """A statement PATCH (its text and attributions) and an attribution created for it at
    the same time: either both hold, in some order, or the PATCH is refused as stale; the
    search document always holds both (the new speaker's name finds the statement).
    Reviewers' writes, as corrections: an editor's would be revisions."""
    failures = []
    for trial in range(TRIALS):
        statement, _ = newsroom.statement(trial, publish=True)
        statement_url = f"{STATEMENTS}{statement.pk}/"
        read = newsroom.reviewer().get(statement_url)
        attributions = [write_form(item) for item in read.json()["attributions"]]
        attributions[0]["verb"] = "claimed"
        text = f"The troops had gone ({word(trial)})."
        new = {
            "statement": statement.pk,
            "speaker": newsroom.other_speaker.pk,
            "source": newsroom.source.pk,
            "mode": AttributionMode.SUMMARY,
            "speech_act": SpeechAct.ASSERTION,
            "correction_note": "Added the other speaker.",
        }
        patched, created = race(
            send(
                newsroom.reviewer,
                "patch",
                statement_url,
                data={"text": text, "attributions": attributions, "correction_note": "Gone."},
                format="json",
                HTTP_IF_MATCH=read["ETag"],
            ),
            send(newsroom.reviewer, "post", ATTRIBUTIONS, data=new, format="json"),
        )
        statement.refresh_from_db()
        statuses = (status_of(patched), status_of(created))
        outcome = f"trial {trial}: PATCH {statuses[0]}, POST {statuses[1]}"
        if statuses not in ((200, 201), (412, 201)):
            failures.append(f"{outcome}: unexpected statuses")
        speakers = set(statement.attributions.values_list("speaker_id", flat=True))
        if statuses[1] == 201 and newsroom.other_speaker.pk not in speakers:
            failures.append(f"{outcome}: the new attribution was lost")
        if statuses[0] == 200 and statement.text != text:
            failures.append(f"{outcome}: the PATCH was lost")
        if disagreement := document_disagrees(statement.pk):
            failures.append(f"{outcome}: search document: {disagreement}")
    assert not failures, f"{len(failures)} failures in {TRIALS} trials:\n" + "\n".join(failures)


def test_publish_and_removing_every_attribution_serialise(newsroom):
    """A reviewer publishes a draft while an editor PATCHes it with ``"attributions": []``:
    never a published statement without attributions."""
    failures = []
    for trial in range(TRIALS):
        statement, _ = newsroom.statement(trial)
        url = f"{STATEMENTS}{statement.pk}/"
        published, emptied = race(
            send(newsroom.reviewer, "post", f"{url}publish/"),
            send(newsroom.editor, "patch", url, data={"attributions": []}, format="json"),
        )
        statement.refresh_from_db()
        outcome = f"trial {trial}: publish {status_of(published)}, PATCH {status_of(emptied)}"
        if statement.status == StatementStatus.PUBLISHED and not statement.attributions.exists():
            failures.append(f"{outcome}: published with no attribution")
        # The PATCH first (the publish then finds nothing to publish), or the publish first
        # (the PATCH, a write to published data, then needs If-Match).
        if (status_of(published), status_of(emptied)) not in {(409, 200), (200, 428)}:
            failures.append(f"{outcome}: unexpected statuses")
        if disagreement := document_disagrees(statement.pk):
            failures.append(f"{outcome}: search document: {disagreement}")
    assert not failures, f"{len(failures)} failures in {TRIALS} trials:\n" + "\n".join(failures)


def test_a_rename_and_a_publish_leave_a_document_that_agrees(newsroom):
    """A speaker renamed while one of their statements is published: the rename rewrites
    the documents of the speaker's statements, the publish rewrites one of them. The
    document must end as the data committed (published, with the new name)."""
    failures = []
    for trial in range(TRIALS):
        speaker = SpeakerFactory(name=f"Ann {word(trial)}")
        statement = StatementFactory(
            text=f"The troops had left ({word(trial)}).",
            attributions=[AttributionFieldsFactory(speaker=speaker, source=newsroom.source)],
        )
        published, renamed = race(
            send(newsroom.reviewer, "post", f"{STATEMENTS}{statement.pk}/publish/"),
            send(
                newsroom.editor,
                "patch",
                f"/api/v1/speakers/{speaker.pk}/",
                data={"name": f"Anne {word(trial)}"},
                format="json",
            ),
        )
        outcome = f"trial {trial}: publish {status_of(published)}, rename {status_of(renamed)}"
        if (status_of(published), status_of(renamed)) != (200, 200):
            failures.append(f"{outcome}: unexpected statuses")
        if disagreement := document_disagrees(statement.pk):
            failures.append(f"{outcome}: search document: {disagreement}")
    assert not failures, f"{len(failures)} failures in {TRIALS} trials:\n" + "\n".join(failures)


RELATIONS = "/api/v1/relations/"


def test_two_writers_of_one_relation_serialise(newsroom):
    """The same relation sent twice at once, through two editors: its statements are
    locked before the duplicate check, so one is created and the other is a 400 naming
    the field, never a 500 from the unique constraint."""
    failures = []
    for trial in range(TRIALS):
        first, _ = newsroom.statement(trial)
        second, _ = newsroom.statement(TRIALS + trial)
        relation = {"from_statement": first.pk, "to_statement": second.pk, "kind": "denies"}
        results = race(
            send(newsroom.editor, "post", RELATIONS, data=relation, format="json"),
            send(newsroom.other_editor, "post", RELATIONS, data=relation, format="json"),
        )
        statuses = sorted(status_of(result) for result in results)
        if statuses != [201, 400]:
            failures.append(f"trial {trial}: {statuses}")
        elif "kind" not in str(next(r for r in results if r.status_code == 400).json()):
            failures.append(f"trial {trial}: the 400 does not name the field")
    assert not failures, f"{len(failures)} failures in {TRIALS} trials:\n" + "\n".join(failures)


def test_a_new_relation_and_deleting_its_statement_serialise(newsroom):
    """A relation to a draft created while the draft is deleted: the relation's write takes
    the draft's lock, so either it is created first (and goes with the draft) or the draft
    is gone first and the relation is a 400; never a 500 from the foreign key."""
    failures = []
    for trial in range(TRIALS):
        kept, _ = newsroom.statement(trial)
        draft, _ = newsroom.statement(TRIALS + trial)
        relation = {"from_statement": kept.pk, "to_statement": draft.pk, "kind": "supports"}
        created, deleted = race(
            send(newsroom.editor, "post", RELATIONS, data=relation, format="json"),
            send(newsroom.other_editor, "delete", f"{STATEMENTS}{draft.pk}/"),
        )
        statuses = (status_of(created), status_of(deleted))
        if statuses not in ((201, 204), (400, 204)):
            failures.append(f"trial {trial}: POST relation {statuses[0]}, DELETE {statuses[1]}")
        if Statement.objects.filter(pk=draft.pk).exists():
            failures.append(f"trial {trial}: the draft is still there")
        if kept.relations_out.exists():
            failures.append(f"trial {trial}: a relation outlived its statement")
    assert not failures, f"{len(failures)} failures in {TRIALS} trials:\n" + "\n".join(failures)
