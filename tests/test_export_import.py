"""Streaming export (NDJSON, CSV) and the bulk import that reads the NDJSON back."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Attribution, Source, Speaker, Statement
from statements.transfer.export import CSV_COLUMNS
from tests.factories import StatementFactory, more_statements, tricky_world
from tests.helpers import pending_index_pages, problem

URL = "/api/v1/statements/export/"


def ndjson(response) -> list[dict]:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/x-ndjson"
    body = b"".join(response.streaming_content)
    return [json.loads(line) for line in body.splitlines()]


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode()
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    return list(reader)


# --- Export -----------------------------------------------------------------------------------


def test_ndjson_lines_are_the_api_representation_without_relations(world, anon):
    lines = ndjson(anon.get(URL, {"format": "ndjson"}))
    assert [line["id"] for line in lines] == [world.claim.pk, world.denial.pk]
    for line in lines:
        detail = anon.get(f"/api/v1/statements/{line['id']}/").json()
        del detail["relations"], detail["corrections"]  # neither is exported
        assert line == detail


def test_ndjson_is_the_default_and_accept_picks_csv(world, anon):
    assert len(ndjson(anon.get(URL))) == 2
    rows = csv_rows(anon.get(URL, HTTP_ACCEPT="text/csv"))
    assert {row["statement_id"] for row in rows} == {str(world.claim.pk), str(world.denial.pk)}


def test_csv_has_a_row_per_attribution(world, editor):
    rows = csv_rows(editor.get(URL, {"format": "csv"}))
    by_statement = {}
    for row in rows:
        by_statement.setdefault(int(row["statement_id"]), []).append(row)
    assert len(by_statement[world.claim.pk]) == 2
    first = by_statement[world.claim.pk][0]
    assert first["topics"] == "border|troops"
    assert first["speaker_name"] == "Jane Roe"
    assert first["on_behalf_of_name"] == "Ministry of Truth"
    assert first["quote_exact"] == "The minister said the troops had left"
    assert first["quote_start"] == "0"
    assert first["source_published_at"] == "2024-10-24T09:00:00Z"
    assert len(by_statement[world.draft.pk]) == 1


def test_a_statement_without_attributions_has_one_csv_row(world, editor):
    bare = StatementFactory(text="Nobody said it yet.")
    rows = [row for row in csv_rows(editor.get(URL, {"format": "csv"})) if row["text"] == bare.text]
    assert len(rows) == 1
    assert rows[0]["attribution_id"] == ""


def test_filters_apply(world, anon):
    lines = ndjson(anon.get(URL, {"speaker": world.officials.pk}))
    assert [line["id"] for line in lines] == [world.denial.pk]
    lines = ndjson(anon.get(URL, {"stated_after": "2024-01-01", "stated_before": "2024-12-31"}))
    assert [line["id"] for line in lines] == [world.claim.pk]
    assert ndjson(anon.get(URL, {"topic": "border", "ordering": "-id"}))[0]["id"] == world.claim.pk


def test_drafts_only_for_editors(world, anon, member, editor):
    assert world.draft.pk not in [line["id"] for line in ndjson(anon.get(URL))]
    assert world.draft.pk not in [line["id"] for line in ndjson(member.get(URL))]
    assert world.draft.pk in [line["id"] for line in ndjson(editor.get(URL))]
    assert ndjson(anon.get(URL, {"status": "draft"})) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"format": "json"}, "format"),
        ({"format": "xml"}, "format"),
        ({"speaker": "x"}, "speaker"),
        ({"page": "2"}, "page"),
    ],
)
def test_bad_parameters_are_a_400(world, anon, params, field):
    body = problem(anon.get(URL, params), 400)
    assert [error["field"] for error in body["errors"]] == [field]


def _export_queries(client, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
        b"".join(response.streaming_content)
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_statements(world, anon):
    few = _export_queries(anon, {})
    more_statements(world, 40)
    assert _export_queries(anon, {}) == few


def test_queries_grow_by_chunk_not_by_statement(world, anon, monkeypatch):
    from statements.transfer import export

    more_statements(world, 12)
    monkeypatch.setattr(export, "CHUNK_SIZE", 5)
    # 14 statements in chunks of 5: three chunks, each one query for its attributions
    # (speakers and sources are fetched once, as they repeat).
    lines = ndjson(anon.get(URL))
    assert len(lines) == 14
    assert _export_queries(anon, {}) <= 12


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.parametrize("params", [{}, {"ordering": "-id"}, {"speaker": "minister"}])
def test_lines_built_by_postgresql_are_the_python_records_byte_for_byte(
    world, editor_user, params, monkeypatch
):
    from statements import selectors
    from statements.filtersets import StatementExportFilterSet
    from statements.transfer import export

    tricky_world(world)
    more_statements(world, 7)
    monkeypatch.setattr(export, "CHUNK_SIZE", 4)
    if params.get("speaker"):
        params = {"speaker": str(world.minister.pk)}
    filterset = StatementExportFilterSet(
        params, queryset=selectors.statement_queryset(user=editor_user)
    )
    assert filterset.is_valid()
    queryset = selectors.statement_results(
        filterset.qs, filters=filterset.form.cleaned_data, ranked=False
    ).queryset
    in_python = b"".join(export.ndjson(export.statement_records(queryset, 4)))
    assert export._lines_in_sql()
    in_sql = b"".join(export.ndjson_lines(queryset, 4))
    assert in_sql == in_python
    assert b"\\u2028" in in_sql
    assert b"\\u0001" in in_sql


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.parametrize("spread", ["dense", "sparse"])
def test_chunks_dense_or_sparse_are_the_python_records_byte_for_byte(
    world, editor_user, spread, monkeypatch
):
    from statements import selectors
    from statements.transfer import export

    tricky_world(world)
    more_statements(world, 7)
    statements = selectors.statement_queryset(user=editor_user)
    ids = list(statements.values_list("pk", flat=True))
    # Far apart, a chunk's statements are looked up by id rather than read as a range.
    queryset = statements.filter(pk__in=ids if spread == "dense" else ids[::6])
    queries = []

    def recorded(chunk_ids):
        query = export_lines(chunk_ids)
        queries.append(query[0])
        return query

    export_lines = export.export_lines
    monkeypatch.setattr(export, "export_lines", recorded)
    in_sql = b"".join(export.ndjson_lines(queryset, 4))
    assert in_sql == b"".join(export.ndjson(export.statement_records(queryset, 4)))
    by_id = [query.count("IN (SELECT id FROM chunk)") == 3 for query in queries]
    assert by_id == [spread == "sparse"] * len(queries)


def test_a_time_zone_other_than_utc_takes_the_python_path(world, editor):
    from django.utils import timezone

    with timezone.override("Europe/Paris"):
        lines = ndjson(editor.get(URL))
    claim = next(line for line in lines if line["id"] == world.claim.pk)
    assert claim["attributions"][0]["source"]["published_at"] == "2024-10-24T11:00:00+02:00"


# --- Import -----------------------------------------------------------------------------------


@pytest.fixture
def exported(world, editor, tmp_path):
    """The world's statements as exported, written to a file."""
    path = tmp_path / "statements.ndjson"
    path.write_bytes(b"".join(editor.get(URL).streaming_content))
    return path


def _import(path, **options):
    out = io.StringIO()
    call_command("import_statements", str(path), "--no-progress", stdout=out, **options)
    return out.getvalue()


def _counts():
    return (
        Statement.objects.count(),
        Attribution.objects.count(),
        Speaker.objects.count(),
        Source.objects.count(),
    )


def test_reimporting_an_export_changes_nothing(exported):
    before = _counts()
    assert "Imported 0 statement(s), skipped 3" in _import(exported)
    assert _counts() == before


def test_import_into_an_empty_database_recreates_the_statements(exported, world):
    Attribution.objects.all().delete()
    Statement.objects.all().delete()
    output = _import(exported, batch_size=2)
    assert "Imported 3 statement(s), skipped 0" in output
    assert Statement.objects.count() == 3
    claim = Statement.objects.get(text=world.claim.text)
    assert claim.status == "published"
    assert sorted(claim.topics.values_list("slug", flat=True)) == ["border", "troops"]
    attribution = claim.attributions.get(source=world.article)
    assert attribution.speaker == world.minister  # found by name and kind
    assert attribution.on_behalf_of == world.ministry
    # The quote is anchored again in the body.
    assert (attribution.quote_start, attribution.quote_end) == (0, 37)
    # History: one "created" version per statement and attribution.
    assert claim.history.count() == 1
    assert claim.history.first().history_change_reason == "Imported"
    assert attribution.history.count() == 1
    # Running it again is harmless.
    assert "Imported 0 statement(s), skipped 3" in _import(exported)
    assert Statement.objects.count() == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN's pending list")
def test_a_large_import_leaves_the_search_index_merged(exported, world, monkeypatch):
    Attribution.objects.all().delete()
    Statement.objects.all().delete()
    pending_index_pages()  # what the fixtures left
    monkeypatch.setattr("statements.transfer.imports.OPTIMIZE_AFTER", 4)  # "large": 4 and more
    assert "Imported 3 statement(s)" in _import(exported)
    assert pending_index_pages() > 0
    Attribution.objects.all().delete()
    Statement.objects.all().delete()
    monkeypatch.setattr("statements.transfer.imports.OPTIMIZE_AFTER", 3)
    assert "Imported 3 statement(s)" in _import(exported)
    assert pending_index_pages() == 0


def test_unknown_speakers_and_sources_are_created(exported):
    line = json.loads(exported.read_text().splitlines()[0])
    line["text"] = "A new statement."
    line["attributions"][0]["speaker"] = {"id": 999, "name": "New Speaker", "kind": "person"}
    line["attributions"][0]["source"]["url"] = "https://NEW.example/story#top"
    line["attributions"][0]["quote"] = None
    exported.write_text(json.dumps(line) + "\n")
    assert "Imported 1 statement(s)" in _import(exported)
    statement = Statement.objects.get(text="A new statement.")
    attribution = statement.attributions.order_by("id").first()
    assert attribution.speaker.name == "New Speaker"
    assert attribution.source.url == "https://new.example/story"  # normalized
    assert attribution.source.history.count() == 1


def _lines(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def _write(path, lines):
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda line: line.update(text=""), "line 2: text: This field may not be blank."),
        (lambda line: line.update(status="lost"), "line 2: status: 'lost' is not one of"),
        (
            lambda line: line.update(status="retracted"),
            "line 2: retraction_reason: A retracted statement needs a reason.",
        ),
        (
            lambda line: line["attributions"][0].update(mode="rumour"),
            "line 2: attributions.0.mode: 'rumour' is not one of",
        ),
        (
            lambda line: line["attributions"][0].update(quote={"exact": "not in the body"}),
            "line 2: attributions.0.quote.exact: The quote was not found in the source body.",
        ),
        (
            lambda line: line["attributions"][0].update(stated_on="23 October"),
            "line 2: attributions.0.stated_on: Not an ISO 8601 date.",
        ),
        (
            lambda line: line["attributions"][0].update(stated_on="2024-02-30"),
            "line 2: attributions.0.stated_on: Not an ISO 8601 date.",
        ),
        (
            lambda line: line["attributions"].append(line["attributions"][0]),
            "line 2: attributions.1.speaker: This speaker is already attributed",
        ),
    ],
)
def test_a_bad_line_is_named_and_its_batch_is_not_written(exported, change, message):
    lines = _lines(exported)
    for line in lines:
        line["text"] += " (again)"
    change(lines[1])
    _write(exported, lines)
    before = _counts()
    with pytest.raises(CommandError) as error:
        _import(exported)
    assert message in str(error.value)
    assert _counts() == before  # one batch: nothing written


def test_malformed_json_names_the_line(exported):
    exported.write_text(exported.read_text() + "{not json\n")
    with pytest.raises(CommandError, match="line 4: Not valid JSON"):
        _import(exported)


def test_batches_before_a_bad_line_stay_and_a_rerun_resumes(exported):
    lines = _lines(exported)
    for line in lines:
        line["text"] += " (copy)"
    good = [dict(lines[0]), dict(lines[1])]
    bad = dict(lines[2], status="lost")
    _write(exported, [*good, bad])
    statements = Statement.objects.count()
    with pytest.raises(CommandError, match="line 3"):
        _import(exported, batch_size=2)
    assert Statement.objects.count() == statements + 2  # the first batch is in
    bad["status"] = "draft"
    _write(exported, [*good, bad])
    assert "Imported 1 statement(s), skipped 2" in _import(exported, batch_size=2)
    assert Statement.objects.count() == statements + 3


def test_without_server_side_cursors_the_export_reads_chunk_after_chunk(world, anon, monkeypatch):
    from statements.transfer import export

    more_statements(world, 12)
    monkeypatch.setattr(export, "CHUNK_SIZE", 5)
    monkeypatch.setitem(connection.settings_dict, "DISABLE_SERVER_SIDE_CURSORS", True)
    with_keyset = [line["id"] for line in ndjson(anon.get(URL))]
    monkeypatch.setitem(connection.settings_dict, "DISABLE_SERVER_SIDE_CURSORS", False)
    assert with_keyset == [line["id"] for line in ndjson(anon.get(URL))]
    assert len(with_keyset) == 14


def _documents():
    from statements.models import SearchDocument

    return sorted(
        SearchDocument.objects.values_list("statement__text", "speakers", "sources", "published")
    )


def test_imported_rows_and_documents_are_what_the_services_would_store(world, editor, tmp_path):
    """The import writes history rows and search documents from what it holds in memory:
    they must equal the rows as stored and the documents as indexing builds them."""
    from statements.search import index_statements

    tricky_world(world, control_characters=False)  # which the import refuses, as the API
    Speaker.objects.filter(pk=world.minister.pk).update(aliases=["The Minister", "Odd\tone"])
    path = tmp_path / "statements.ndjson"
    path.write_bytes(b"".join(editor.get(URL).streaming_content))
    Attribution.objects.all().delete()
    Statement.objects.all().delete()
    assert "Imported 4 statement(s)" in _import(path)
    imported = _documents()
    assert any("The Minister\nOdd\tone" in speakers for _, speakers, _, _ in imported)
    index_statements(Statement.objects.values_list("pk", flat=True))
    assert _documents() == imported
    for model in (Statement, Attribution, Speaker, Source):
        columns = [field.attname for field in model._meta.concrete_fields]
        for row in model.objects.values(*columns):
            created = model.history.filter(id=row["id"], history_change_reason="Imported")
            if model in (Statement, Attribution):
                assert created.get().history_type == "+"
            if created:  # the speakers and sources found by name or URL were not created
                assert created.values(*columns).get() == row


def test_a_line_repeated_with_a_new_source_is_imported_once(exported):
    line = json.loads(exported.read_text().splitlines()[0])
    line["text"] = "Said twice."
    line["attributions"][0]["source"]["url"] = "https://new.example/twice"
    line["attributions"][0]["quote"] = None
    _write(exported, [line, line])
    assert "Imported 1 statement(s), skipped 1" in _import(exported)
    assert "Imported 0 statement(s), skipped 2" in _import(exported)
    assert Statement.objects.filter(text="Said twice.").count() == 1
