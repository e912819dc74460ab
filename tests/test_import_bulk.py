"""The import's set-wise checks, the engine's way and the plain Django way alike."""

import io

from django.core.management import call_command

from statements import search
from statements.models import Attribution, SearchDocument, Source, Speaker, Statement
from statements.search.backends import get_backend
from statements.search.base import SearchBackend


def test_lines_already_attributed_are_found_for_a_batch_at_once(world):
    attributions = list(Attribution.objects.select_related("statement").order_by("pk"))
    first, second = attributions[:2]
    keys = [
        (first.statement.text, first.speaker_id, first.source_id),
        (second.statement.text, second.speaker_id, second.source_id),
        (first.statement.text, second.speaker_id, first.source_id),  # another speaker
        (first.statement.text, first.speaker_id, second.source_id),  # another source
        (second.statement.text, first.speaker_id, first.source_id),  # another text
        ("Nobody said this.", first.speaker_id, first.source_id),
    ]
    expected = {keys[0], keys[1]} | {
        key
        for key in keys[2:]
        if any((a.statement.text, a.speaker_id, a.source_id) == key for a in attributions)
    }
    assert get_backend().attributed_already(keys) == expected
    assert SearchBackend.attributed_already(get_backend(), keys) == expected
    assert get_backend().attributed_already([]) == set()


def test_sources_and_speakers_are_looked_up_for_a_batch_at_once(world):
    backend = get_backend()
    sources = list(Source.objects.order_by("pk"))
    urls = [source.url for source in sources[:3]] + ["https://nowhere.example/", sources[0].url]
    columns = ("id", "url", "title", "publisher")
    expected = sorted(Source.objects.filter(url__in=urls).values_list(*columns))
    assert len(expected) == len(set(urls)) - 1
    assert sorted(backend.rows_by_key(Source, "url", urls, columns)) == expected
    assert sorted(SearchBackend.rows_by_key(backend, Source, "url", urls, columns)) == expected
    assert backend.rows_by_key(Source, "url", [], columns) == []

    speakers = list(Speaker.objects.order_by("pk"))
    names = {speakers[0].name, speakers[-1].name, "Nobody Here"}
    expected_ids = {speaker.pk for speaker in speakers if speaker.name in names}
    for among in (backend.among_texts, lambda *args: SearchBackend.among_texts(backend, *args)):
        found = Speaker.objects.filter(among("name", names) | among("wikidata_id", set()))
        assert set(found.values_list("pk", flat=True)) == expected_ids


def _stored() -> dict:
    """What an import wrote, without ids and times: statements with their attributions,
    speakers and sources, the history rows' reasons and types, the search documents."""
    attributions = Attribution.objects.order_by("statement__text", "speaker__name", "source__url")
    return {
        "attributions": list(
            attributions.values_list(
                "statement__text",
                "statement__status",
                "speaker__name",
                "source__url",
                "mode",
                "speech_act",
                "quote_start",
                "quote_end",
            )
        ),
        "history": sorted(
            (model.__name__, reason, kind)
            for model in (Statement, Attribution, Speaker, Source)
            for reason, kind in model.history.values_list("history_change_reason", "history_type")
        ),
        "documents": sorted(
            SearchDocument.objects.values_list(
                "statement__text", "text", "speakers", "sources", "quotes", "published"
            )
        ),
        "hits": sorted(
            search.filter_statements(Statement.objects.all(), "minister").values_list(
                "text", flat=True
            )
        ),
    }


def test_an_import_writes_the_same_with_the_engine_lookups_as_with_the_plain_ones(
    world, editor, tmp_path, monkeypatch
):
    path = tmp_path / "statements.ndjson"
    path.write_bytes(b"".join(editor.get("/api/v1/statements/export/").streaming_content))

    def imported() -> dict:
        Attribution.objects.all().delete()
        Statement.objects.all().delete()
        for model in (Statement, Attribution):
            model.history.all().delete()
        call_command("import_statements", str(path), "--no-progress", stdout=io.StringIO())
        return _stored()

    engine = imported()
    assert all(engine.values())
    backend = type(get_backend())
    monkeypatch.setattr(backend, "rows_by_key", SearchBackend.rows_by_key)
    monkeypatch.setattr(backend, "among_texts", SearchBackend.among_texts)
    monkeypatch.setattr(backend, "among", SearchBackend.among)
    assert imported() == engine
