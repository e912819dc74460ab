"""The hand-written helpers beside the generated Python client (clients/python)."""

from datetime import UTC, datetime
from http import HTTPStatus

import pytest
from attributed_api_client.models import PaginatedSpeakerList, Problem, Speaker, SpeakerKindEnum
from attributed_api_client.types import Response
from attributed_api_helpers import ApiError, each_item, expect

NOW = datetime(2024, 10, 28, tzinfo=UTC)


def _speaker(pk: int) -> Speaker:
    return Speaker(
        id=pk,
        name=f"Speaker {pk}",
        kind=SpeakerKindEnum.PERSON,
        aliases=[],
        description="",
        country="",
        wikidata_id=None,
        created_at=NOW,
        updated_at=NOW,
    )


def _response(status: int, parsed: object) -> Response:
    return Response(status_code=HTTPStatus(status), content=b"", headers={}, parsed=parsed)


PROBLEM = Problem(
    type_="/problems/not-found", title="Not found.", status=404, detail="No.", errors=[]
)


def test_each_item_walks_every_page_in_order_and_stops_at_the_last():
    def page(ids: list[int], next_: str | None) -> PaginatedSpeakerList:
        results = [_speaker(pk) for pk in ids]
        return PaginatedSpeakerList(count=5, next_=next_, previous=None, results=results)

    pages = {1: page([1, 2], "?page=2"), 2: page([3, 4], "?page=3"), 3: page([5], None)}
    asked = []

    def fetch_page(number: int) -> PaginatedSpeakerList:
        asked.append(number)
        return pages[number]

    items = each_item(fetch_page)
    assert asked == []  # lazily: nothing is read before the iteration starts
    assert [speaker.id for speaker in items] == [1, 2, 3, 4, 5]
    assert asked == [1, 2, 3]


def test_expect_answers_the_parsed_body_of_the_expected_type():
    speaker = _speaker(1)
    assert expect(_response(200, speaker), Speaker) is speaker


def test_expect_raises_the_problem_document():
    with pytest.raises(ApiError) as raised:
        expect(_response(404, PROBLEM), Speaker)
    assert raised.value.status_code == 404
    assert raised.value.problem is PROBLEM
    assert str(raised.value) == "404: No."


def test_expect_raises_on_an_answer_without_a_problem_document():
    with pytest.raises(ApiError) as raised:
        expect(_response(502, None), Speaker)
    assert raised.value.problem is None
