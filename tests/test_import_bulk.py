"""The import's set-wise checks, the engine's way and the plain Django way alike."""

from statements.models import Attribution
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
