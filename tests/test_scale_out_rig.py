"""Reads through a real streaming replica and writes through a real PgBouncer: the rig that
.ci/run starts (scripts/scale-out-rig.sh). Skipped without it.

Each test commits (transaction=True): a replica sees only committed rows. The counters of
config/db_router.py say which database answered.
"""

import threading
import time

import pytest
from django.db import connection, connections

from config import db_router
from statements.models import Statement
from statements.transfer import export
from tests import rig
from tests.factories import StatementFactory, World

pytestmark = [
    pytest.mark.scale_out_rig,
    pytest.mark.skipif(not rig.active(), reason="the scale-out rig is not running"),
    pytest.mark.django_db(transaction=True, databases="__all__"),
]

REPLICA = "replica1"


def reads(database: str, reason: str) -> float:
    return db_router.READS.labels(database, reason)._value.get()


@pytest.fixture(autouse=True)
def fresh_replica_state(settings):
    """Every test starts with the replica asked anew, caught up with the primary."""
    settings.DATABASE_REPLICA_CHECK_SECONDS = 0.05
    rig.wait_for_replicas()
    db_router._states.clear()
    yield
    db_router._states.clear()


@pytest.fixture
def world(editor) -> World:
    made = World()
    rig.wait_for_replicas()
    return made


def test_a_write_then_an_immediate_read_sees_the_write(world, editor, anon):
    url = f"/api/v1/statements/{world.draft.pk}/"
    stale = 0
    before = reads(REPLICA, "replica")
    for number in range(20):
        text = f"Edited, round {number}."
        assert editor.patch(url, {"text": text}, format="json").status_code == 200
        response = editor.get(url)
        assert response.status_code == 200
        stale += response.json()["text"] != text
    assert stale == 0
    # Once the replica has replayed, the other clients' reads (and the writer's) go to it.
    rig.wait_for_replicas()
    time.sleep(0.1)
    assert anon.get("/api/v1/statements/").status_code == 200
    assert editor.get(url).json()["text"] == "Edited, round 19."
    assert reads(REPLICA, "replica") >= before + 2


def test_an_if_match_write_with_the_etag_a_write_just_returned(world, editor):
    url = f"/api/v1/statements/{world.draft.pk}/"
    etag = editor.get(url)["ETag"]
    for number in range(10):
        response = editor.patch(
            url, {"text": f"Round {number}."}, format="json", HTTP_IF_MATCH=etag
        )
        assert response.status_code == 200, response.content
        etag = response["ETag"]
        assert editor.get(url)["ETag"] == etag


@pytest.fixture
def replay_paused():
    rig.scalar(REPLICA, "SELECT pg_wal_replay_pause()")
    try:
        yield
    finally:
        rig.scalar(REPLICA, "SELECT pg_wal_replay_resume()")


def test_with_replay_paused_reads_answer_fresh_data(world, reviewer, anon, settings, replay_paused):
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 1.0
    url = f"/api/v1/statements/{world.claim.pk}/"  # published: a reviewer's correction
    etag = reviewer.get(url)["ETag"]
    change = {"text": "Changed while the replica waits.", "correction_note": "Reworded."}
    response = reviewer.patch(url, change, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.content
    # The writer reads its write at once: the replica has not replayed it.
    before = reads("default", "client_write_not_replayed")
    assert reviewer.get(url).json()["text"] == "Changed while the replica waits."
    assert reads("default", "client_write_not_replayed") == before + 1
    # Past the lag bound the replica is left out for every client.
    time.sleep(1.2)
    before = reads("default", "no_replica_usable")
    assert anon.get(url).json()["text"] == "Changed while the replica waits."
    assert reads("default", "no_replica_usable") == before + 1
    ready = anon.get("/readyz").json()
    assert ready["status"] == "degraded"
    assert ready["replicas"][REPLICA]["status"] == "lagging"
    assert ready["replicas"][REPLICA]["lag_seconds"] > 1.0


def test_the_replica_stopped_mid_load_costs_clients_no_error(world, editor):
    from rest_framework.test import APIClient

    url = f"/api/v1/statements/{world.claim.pk}/"
    token = editor._credentials["HTTP_AUTHORIZATION"]
    statuses: list[int] = []
    stop = threading.Event()

    def load() -> None:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=token)
        try:
            while not stop.is_set():
                statuses.append(client.get(url).status_code)
                statuses.append(APIClient().get("/api/v1/statements/").status_code)
        finally:
            for alias in connections:
                connections[alias].close()

    threads = [threading.Thread(target=load) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1.0)
        served_by_replica = reads(REPLICA, "replica")
        rig.run("stop-replica")
        time.sleep(1.5)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        rig.run("start-replica")
    assert served_by_replica > 0
    assert len(statuses) > 20
    assert [status for status in statuses if status != 200] == []
    assert db_router.probe(REPLICA).up  # back, and asked again


def test_the_export_streams_through_the_pooler(world, editor):
    for number in range(30):
        StatementFactory(text=f"Exported {number}.")
    expected = Statement.objects.count()  # the editor exports the drafts too
    response = editor.get("/api/v1/statements/export/")
    assert response.status_code == 200
    assert len(b"".join(response.streaming_content).splitlines()) == expected
    # The server-side cursor that DATABASE_POOLER=transaction turns off works through the
    # pooler too, inside the export's transaction: one server connection holds it.
    assert connection.settings_dict["DISABLE_SERVER_SIDE_CURSORS"]
    connection.settings_dict["DISABLE_SERVER_SIDE_CURSORS"] = False
    try:
        queryset = Statement.objects.order_by()
        lines = b"".join(export.ndjson_lines(queryset, chunk_size=7)).splitlines()
    finally:
        connection.settings_dict["DISABLE_SERVER_SIDE_CURSORS"] = True
    assert len(lines) == expected
