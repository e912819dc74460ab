"""The claim key of each statement (``ClaimMember``), kept in step with the ``same_claim``
relations.

The statements that ``same_claim`` relations join, in either direction and through any
number of them, make one claim (a connected component); its key is the smallest statement
id in it. Only statements with a ``same_claim`` relation have a row. A change of those
relations rewrites the keys of the components at its ends, in its own transaction
(``lock`` before the change, ``refresh`` after it), so that ``claims/`` groups by an
indexed column instead of walking the relations of the whole corpus on each request.

A component is read by one recursive query (``component``), the same SQL on SQLite and
PostgreSQL.
"""

from collections.abc import Iterable

from django.db import connection

from statements.choices import RelationKind
from statements.models import ClaimMember, Relation, Statement

SAME_CLAIM = RelationKind.SAME_CLAIM.value

# Every statement a statement reaches through same_claim relations, in either direction,
# itself included. UNION (not UNION ALL) stops at statements already reached, so a cycle
# ends the walk on both engines.
_COMPONENT_SQL = """
WITH RECURSIVE component(id) AS (
    SELECT CAST(%s AS BIGINT)
    UNION
    SELECT CASE WHEN r.from_statement_id = c.id THEN r.to_statement_id
                ELSE r.from_statement_id END
    FROM {relation} r
    JOIN component c ON r.from_statement_id = c.id OR r.to_statement_id = c.id
    WHERE r.kind = %s
)
SELECT id FROM component
"""


def component(statement_id: int) -> set[int]:
    """The ids of the statements of ``statement_id``'s claim, itself included."""
    sql = _COMPONENT_SQL.format(relation=connection.ops.quote_name(Relation._meta.db_table))
    with connection.cursor() as cursor:
        cursor.execute(sql, [statement_id, SAME_CLAIM])
        return {row[0] for row in cursor.fetchall()}


def claim_key(statement_id: int) -> int:
    """The key of the statement's claim: its own id when no same_claim relation joins it."""
    key = ClaimMember.objects.filter(pk=statement_id).values_list("claim_id", flat=True).first()
    return statement_id if key is None else key


def lock(statement_ids: Iterable[int]) -> None:
    """Lock the statements and the key statement of each of their claims, in id order,
    before their same_claim relations change.

    Every writer of a component's keys holds its key statement's lock, so two writers that
    touch one component serialise there. A key read before the lock may have changed
    meanwhile (a merge or a split committed): the keys are read again under the locks until
    no new one appears. (SQLite admits one writer at a time: the locks are no-ops there.)
    """
    wanted = set(statement_ids)
    locked: set[int] = set()
    while wanted - locked:
        ids = sorted(wanted - locked)
        list(
            Statement.objects.select_for_update(no_key=True)
            .filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        locked.update(ids)
        keys = ClaimMember.objects.filter(statement_id__in=locked).values_list(
            "claim_id", flat=True
        )
        wanted = locked | set(keys)


def refresh(statement_ids: Iterable[int]) -> None:
    """Rewrite the keys of the claims of these statements from their relations as they are
    now (after a same_claim relation was created, changed or deleted), under ``lock``."""
    done: set[int] = set()
    for statement_id in sorted(set(statement_ids)):
        if statement_id in done:
            continue
        members = component(statement_id)
        done |= members
        _write(members)


def _write(members: set[int]) -> None:
    if len(members) == 1:
        ClaimMember.objects.filter(statement_id__in=members).delete()
        return
    key = min(members)
    stale = ClaimMember.objects.filter(statement_id__in=members).exclude(claim_id=key)
    stale.update(claim_id=key)
    present = set(
        ClaimMember.objects.filter(statement_id__in=members).values_list("statement_id", flat=True)
    )
    ClaimMember.objects.bulk_create(
        ClaimMember(statement_id=member, claim_id=key) for member in sorted(members - present)
    )


def components(pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """The claim key of every statement of these same_claim pairs (union-find), for a
    rebuild and the migration's backfill."""
    parent: dict[int, int] = {}

    def find(node: int) -> int:
        parent.setdefault(node, node)
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    for left, right in pairs:
        a, b = find(left), find(right)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {node: find(node) for node in parent}


def rebuild() -> int:
    """Rewrite every key from the relations (after rows were loaded past the services:
    ``loaddata``, a restore). Returns the number of statements in a claim of several."""
    pairs = Relation.objects.filter(kind=SAME_CLAIM).values_list(
        "from_statement_id", "to_statement_id"
    )
    keys = components(pairs.iterator())
    ClaimMember.objects.all().delete()
    ClaimMember.objects.bulk_create(
        (ClaimMember(statement_id=member, claim_id=key) for member, key in sorted(keys.items())),
        batch_size=1000,
    )
    return len(keys)


def claim_members(statement_id: int) -> set[int]:
    """``component``, read from the keys (one indexed query; none joined: itself alone)."""
    members = ClaimMember.objects.filter(
        claim_id__in=ClaimMember.objects.filter(pk=statement_id).values("claim_id")
    ).values_list("statement_id", flat=True)
    return set(members) or {statement_id}
