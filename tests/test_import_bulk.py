"""The import's set-wise checks, the engine's way and the plain Django way alike."""

from statements.models import Attribution, Source, Speaker
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
