"""What the README's SDK examples (Python and TypeScript) print, checked against the data:
both do the same things in the same order."""

import re

from django.test import Client

from statements.models import Statement


def assert_example_ran(output: str) -> None:
    lines = output.splitlines()

    # Kirby's assertions and concerns, every page walked, in the order asked for: the
    # same as one page holding them all.
    listed = [int(m[1]) for line in lines if (m := re.match(r"statement (\d+): ", line))]
    one_page = Client().get(
        "/api/v1/statements/?speaker=3&speech_act=assertion&speech_act=concern"
        "&ordering=-stated_on&ordering=id&page_size=100"
    )
    expected = [statement["id"] for statement in one_page.json()["results"]]
    assert len(expected) > 2, expected  # more than one page of 2
    assert listed == expected, output

    created = [int(m[1]) for line in lines if (m := re.match(r"created (\d+): draft$", line))]
    assert len(created) == 1, output
    statement = Statement.objects.get(pk=created[0])
    assert statement.text == "North Korean soldiers train in eastern Russia."  # not the stale one
    assert statement.attributions.get().speaker_id == 3
    assert any(line.startswith("412: ") for line in lines), output
    assert "400 attributions.0.quote.exact: not_found" in lines, output
