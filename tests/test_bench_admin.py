"""The benchmark of the admin's pages (bench/admin.py): what it adds to a corpus reads as the
services' own history would, adding it twice adds nothing, and every page it times answers."""

import pytest

from bench import admin as bench_admin
from bench.corpus import Corpus
from bench.load import load_corpus
from statements import dashboard
from statements.choices import AnchorStatus, StatementStatus
from statements.models import Attribution, Statement

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def corpus():
    load_corpus(Corpus(300), progress=False, vacuum=False)
    return bench_admin.superuser()


def test_the_history_added_is_what_the_dashboard_reads(corpus):
    added = bench_admin.add_history(corpus.pk)
    statuses = dict.fromkeys(StatementStatus.values, 0)
    for status in Statement.objects.values_list("status", flat=True):
        statuses[status] += 1
    assert added == {
        "creations": 300,
        "publications": statuses["published"] + statuses["retracted"],
        "retractions": statuses["retracted"],
    }
    assert bench_admin.add_history(corpus.pk) == dict.fromkeys(added, 0)  # idempotent
    mine = dashboard.drafts_created_by(corpus)
    assert 0 < mine.count() < statuses["draft"]  # half of the statements are the user's
    publications = list(dashboard.recent_publications(10))
    assert publications
    assert all(v.history_user_id == corpus.pk for v in publications)
    retraction = Statement.history.filter(status=StatementStatus.RETRACTED).first()
    assert retraction.history_type == "~"
    assert retraction.retraction_reason


def test_orphaned_quotes_are_listed_and_not_orphaned_twice(corpus):
    assert bench_admin.orphan_quotes(3) == 3
    assert bench_admin.orphan_quotes(3) == 0
    listed = list(dashboard.unanchored_quotes())
    assert len(listed) == 3
    assert all(a.quote_status == AnchorStatus.ORPHANED for a in listed)
    assert Attribution.objects.filter(quote_status=AnchorStatus.ORPHANED).count() == 3


def test_every_page_answers_and_the_table_says_so(corpus, client):
    bench_admin.add_history(corpus.pk)
    bench_admin.orphan_quotes(3)
    client.force_login(corpus)
    rows = [
        {"page": page, **bench_admin.measure(client, path, repeat=1)}
        for page, path in bench_admin.pages()
    ]
    assert len(rows) == 7
    assert all(row["queries"] > 0 for row in rows)
    assert any("reading" in row["path"] for row in rows)
    lines = bench_admin.table(rows)
    assert lines[:2] == bench_admin.HEADER
    assert len(lines) == 9
    assert "| front page (dashboard): `/admin/` |" in lines[2]
