"""The scale-out rig under the test suite (scripts/scale-out-rig.sh; README, "Beyond one
machine"): on when DATABASE_REPLICA_URLS names a replica, as in .ci/run's rig step.

A test that runs in a transaction (the default) reads the primary whatever the router
says: a replica cannot see the transaction's uncommitted rows. A transactional test
(``django_db(transaction=True)``) may read a replica, so it is allowed to, and, unless it
is one of the rig's own tests, the test client waits before each request until the
replicas have replayed what the test wrote through factories: those writes belong to no
client, so read-your-writes does not cover them.
"""

import os
import subprocess
import time
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connections

from config.db_router import PRIMARY, lsn, replica_aliases

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "scale-out-rig.sh"


def active() -> bool:
    return bool(replica_aliases())


def scalar(alias: str, sql: str, params: tuple = ()):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def wait_for_replicas(timeout: float = 15.0) -> None:
    """Until every replica has replayed the primary's current WAL position."""
    target = lsn(scalar(PRIMARY, "SELECT pg_current_wal_lsn()::text"))
    deadline = time.monotonic() + timeout
    for alias in replica_aliases():
        while lsn(scalar(alias, "SELECT pg_last_wal_replay_lsn()::text")) < target:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{alias} did not replay up to the primary in {timeout} s")
            time.sleep(0.01)


def run(command: str) -> None:
    """scripts/scale-out-rig.sh COMMAND, for the rig that .ci/run started."""
    subprocess.run(  # noqa: S603 - our own script
        ["bash", str(SCRIPT), command],  # noqa: S607
        check=True,
        env={**os.environ, "RIG_DIR": os.environ["SCALE_OUT_RIG"]},
    )


def allow_replicas(items) -> None:
    """Let transactional tests query the replicas (``databases="__all__"``)."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is not None and marker.kwargs.get("transaction"):
            kwargs = {**marker.kwargs, "databases": "__all__"}
            item.add_marker(pytest.mark.django_db(*marker.args, **kwargs), append=False)


def release_pooled_connections() -> None:
    """Drop PgBouncer's server connections to the test database, so that it can be dropped
    (PgBouncer keeps them open for the next client). Another pooler: left to it."""
    default = settings.DATABASES["default"]
    for connection in connections.all(initialized_only=True):
        connection.close()
    try:
        admin = psycopg.connect(
            host=default["HOST"],
            port=default["PORT"],
            user=default["USER"],
            dbname="pgbouncer",
            autocommit=True,
            cursor_factory=psycopg.ClientCursor,  # the console speaks the simple protocol only
        )
    except psycopg.Error:
        return
    with admin:
        admin.execute(f'KILL "{default["NAME"]}"')
        admin.execute(f'RESUME "{default["NAME"]}"')
