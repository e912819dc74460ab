from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.anchor_status_enum import AnchorStatusEnum
from ...models.attribution_mode_enum import AttributionModeEnum
from ...models.list_attributions_ordering_item import ListAttributionsOrderingItem
from ...models.paginated_attribution_list import PaginatedAttributionList
from ...models.problem import Problem
from ...models.response_format_enum import ResponseFormatEnum
from ...models.speaker_kind_enum import SpeakerKindEnum
from ...models.speech_act_enum import SpeechActEnum
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    anchor_status: list[AnchorStatusEnum] | Unset = UNSET,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    member_of: list[int] | Unset = UNSET,
    mode: list[AttributionModeEnum] | Unset = UNSET,
    on_behalf_of: list[int] | Unset = UNSET,
    ordering: list[ListAttributionsOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    source: list[int] | Unset = UNSET,
    speaker: list[int] | Unset = UNSET,
    speaker_kind: list[SpeakerKindEnum] | Unset = UNSET,
    speech_act: list[SpeechActEnum] | Unset = UNSET,
    stated_after: datetime.date | Unset = UNSET,
    stated_before: datetime.date | Unset = UNSET,
    statement: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_anchor_status: list[str] | Unset = UNSET
    if not isinstance(anchor_status, Unset):
        json_anchor_status = []
        for anchor_status_item_data in anchor_status:
            anchor_status_item = anchor_status_item_data.value
            json_anchor_status.append(anchor_status_item)


    params["anchor_status"] = json_anchor_status

    params["fields"] = fields

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_member_of: list[int] | Unset = UNSET
    if not isinstance(member_of, Unset):
        json_member_of = member_of


    params["member_of"] = json_member_of

    json_mode: list[str] | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = []
        for mode_item_data in mode:
            mode_item = mode_item_data.value
            json_mode.append(mode_item)


    params["mode"] = json_mode

    json_on_behalf_of: list[int] | Unset = UNSET
    if not isinstance(on_behalf_of, Unset):
        json_on_behalf_of = on_behalf_of


    params["on_behalf_of"] = json_on_behalf_of

    json_ordering: list[str] | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = []
        for ordering_item_data in ordering:
            ordering_item = ordering_item_data.value
            json_ordering.append(ordering_item)


    params["ordering"] = json_ordering

    params["page"] = page

    params["page_size"] = page_size

    json_published_after: str | Unset = UNSET
    if not isinstance(published_after, Unset):
        json_published_after = published_after.isoformat()
    params["published_after"] = json_published_after

    json_published_before: str | Unset = UNSET
    if not isinstance(published_before, Unset):
        json_published_before = published_before.isoformat()
    params["published_before"] = json_published_before

    params["publisher"] = publisher

    json_source: list[int] | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source


    params["source"] = json_source

    json_speaker: list[int] | Unset = UNSET
    if not isinstance(speaker, Unset):
        json_speaker = speaker


    params["speaker"] = json_speaker

    json_speaker_kind: list[str] | Unset = UNSET
    if not isinstance(speaker_kind, Unset):
        json_speaker_kind = []
        for speaker_kind_item_data in speaker_kind:
            speaker_kind_item = speaker_kind_item_data.value
            json_speaker_kind.append(speaker_kind_item)


    params["speaker_kind"] = json_speaker_kind

    json_speech_act: list[str] | Unset = UNSET
    if not isinstance(speech_act, Unset):
        json_speech_act = []
        for speech_act_item_data in speech_act:
            speech_act_item = speech_act_item_data.value
            json_speech_act.append(speech_act_item)


    params["speech_act"] = json_speech_act

    json_stated_after: str | Unset = UNSET
    if not isinstance(stated_after, Unset):
        json_stated_after = stated_after.isoformat()
    params["stated_after"] = json_stated_after

    json_stated_before: str | Unset = UNSET
    if not isinstance(stated_before, Unset):
        json_stated_before = stated_before.isoformat()
    params["stated_before"] = json_stated_before

    json_statement: list[int] | Unset = UNSET
    if not isinstance(statement, Unset):
        json_statement = statement


    params["statement"] = json_statement

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updated_after"] = json_updated_after


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/attributions/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedAttributionList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedAttributionList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedAttributionList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    anchor_status: list[AnchorStatusEnum] | Unset = UNSET,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    member_of: list[int] | Unset = UNSET,
    mode: list[AttributionModeEnum] | Unset = UNSET,
    on_behalf_of: list[int] | Unset = UNSET,
    ordering: list[ListAttributionsOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    source: list[int] | Unset = UNSET,
    speaker: list[int] | Unset = UNSET,
    speaker_kind: list[SpeakerKindEnum] | Unset = UNSET,
    speech_act: list[SpeechActEnum] | Unset = UNSET,
    stated_after: datetime.date | Unset = UNSET,
    stated_before: datetime.date | Unset = UNSET,
    statement: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedAttributionList | Problem]:
    """ List attributions

     A page of attributions, filtered and ordered by the query parameters.

    Args:
        anchor_status (list[AnchorStatusEnum] | Unset):
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        member_of (list[int] | Unset):
        mode (list[AttributionModeEnum] | Unset):
        on_behalf_of (list[int] | Unset):
        ordering (list[ListAttributionsOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        source (list[int] | Unset):
        speaker (list[int] | Unset):
        speaker_kind (list[SpeakerKindEnum] | Unset):
        speech_act (list[SpeechActEnum] | Unset):
        stated_after (datetime.date | Unset):
        stated_before (datetime.date | Unset):
        statement (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedAttributionList | Problem]
     """


    kwargs = _get_kwargs(
        anchor_status=anchor_status,
fields=fields,
format_=format_,
member_of=member_of,
mode=mode,
on_behalf_of=on_behalf_of,
ordering=ordering,
page=page,
page_size=page_size,
published_after=published_after,
published_before=published_before,
publisher=publisher,
source=source,
speaker=speaker,
speaker_kind=speaker_kind,
speech_act=speech_act,
stated_after=stated_after,
stated_before=stated_before,
statement=statement,
updated_after=updated_after,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    anchor_status: list[AnchorStatusEnum] | Unset = UNSET,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    member_of: list[int] | Unset = UNSET,
    mode: list[AttributionModeEnum] | Unset = UNSET,
    on_behalf_of: list[int] | Unset = UNSET,
    ordering: list[ListAttributionsOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    source: list[int] | Unset = UNSET,
    speaker: list[int] | Unset = UNSET,
    speaker_kind: list[SpeakerKindEnum] | Unset = UNSET,
    speech_act: list[SpeechActEnum] | Unset = UNSET,
    stated_after: datetime.date | Unset = UNSET,
    stated_before: datetime.date | Unset = UNSET,
    statement: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> PaginatedAttributionList | Problem | None:
    """ List attributions

     A page of attributions, filtered and ordered by the query parameters.

    Args:
        anchor_status (list[AnchorStatusEnum] | Unset):
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        member_of (list[int] | Unset):
        mode (list[AttributionModeEnum] | Unset):
        on_behalf_of (list[int] | Unset):
        ordering (list[ListAttributionsOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        source (list[int] | Unset):
        speaker (list[int] | Unset):
        speaker_kind (list[SpeakerKindEnum] | Unset):
        speech_act (list[SpeechActEnum] | Unset):
        stated_after (datetime.date | Unset):
        stated_before (datetime.date | Unset):
        statement (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedAttributionList | Problem
     """


    return sync_detailed(
        client=client,
anchor_status=anchor_status,
fields=fields,
format_=format_,
member_of=member_of,
mode=mode,
on_behalf_of=on_behalf_of,
ordering=ordering,
page=page,
page_size=page_size,
published_after=published_after,
published_before=published_before,
publisher=publisher,
source=source,
speaker=speaker,
speaker_kind=speaker_kind,
speech_act=speech_act,
stated_after=stated_after,
stated_before=stated_before,
statement=statement,
updated_after=updated_after,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    anchor_status: list[AnchorStatusEnum] | Unset = UNSET,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    member_of: list[int] | Unset = UNSET,
    mode: list[AttributionModeEnum] | Unset = UNSET,
    on_behalf_of: list[int] | Unset = UNSET,
    ordering: list[ListAttributionsOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    source: list[int] | Unset = UNSET,
    speaker: list[int] | Unset = UNSET,
    speaker_kind: list[SpeakerKindEnum] | Unset = UNSET,
    speech_act: list[SpeechActEnum] | Unset = UNSET,
    stated_after: datetime.date | Unset = UNSET,
    stated_before: datetime.date | Unset = UNSET,
    statement: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedAttributionList | Problem]:
    """ List attributions

     A page of attributions, filtered and ordered by the query parameters.

    Args:
        anchor_status (list[AnchorStatusEnum] | Unset):
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        member_of (list[int] | Unset):
        mode (list[AttributionModeEnum] | Unset):
        on_behalf_of (list[int] | Unset):
        ordering (list[ListAttributionsOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        source (list[int] | Unset):
        speaker (list[int] | Unset):
        speaker_kind (list[SpeakerKindEnum] | Unset):
        speech_act (list[SpeechActEnum] | Unset):
        stated_after (datetime.date | Unset):
        stated_before (datetime.date | Unset):
        statement (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedAttributionList | Problem]
     """


    kwargs = _get_kwargs(
        anchor_status=anchor_status,
fields=fields,
format_=format_,
member_of=member_of,
mode=mode,
on_behalf_of=on_behalf_of,
ordering=ordering,
page=page,
page_size=page_size,
published_after=published_after,
published_before=published_before,
publisher=publisher,
source=source,
speaker=speaker,
speaker_kind=speaker_kind,
speech_act=speech_act,
stated_after=stated_after,
stated_before=stated_before,
statement=statement,
updated_after=updated_after,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    anchor_status: list[AnchorStatusEnum] | Unset = UNSET,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    member_of: list[int] | Unset = UNSET,
    mode: list[AttributionModeEnum] | Unset = UNSET,
    on_behalf_of: list[int] | Unset = UNSET,
    ordering: list[ListAttributionsOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    source: list[int] | Unset = UNSET,
    speaker: list[int] | Unset = UNSET,
    speaker_kind: list[SpeakerKindEnum] | Unset = UNSET,
    speech_act: list[SpeechActEnum] | Unset = UNSET,
    stated_after: datetime.date | Unset = UNSET,
    stated_before: datetime.date | Unset = UNSET,
    statement: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> PaginatedAttributionList | Problem | None:
    """ List attributions

     A page of attributions, filtered and ordered by the query parameters.

    Args:
        anchor_status (list[AnchorStatusEnum] | Unset):
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        member_of (list[int] | Unset):
        mode (list[AttributionModeEnum] | Unset):
        on_behalf_of (list[int] | Unset):
        ordering (list[ListAttributionsOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        source (list[int] | Unset):
        speaker (list[int] | Unset):
        speaker_kind (list[SpeakerKindEnum] | Unset):
        speech_act (list[SpeechActEnum] | Unset):
        stated_after (datetime.date | Unset):
        stated_before (datetime.date | Unset):
        statement (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedAttributionList | Problem
     """


    return (await asyncio_detailed(
        client=client,
anchor_status=anchor_status,
fields=fields,
format_=format_,
member_of=member_of,
mode=mode,
on_behalf_of=on_behalf_of,
ordering=ordering,
page=page,
page_size=page_size,
published_after=published_after,
published_before=published_before,
publisher=publisher,
source=source,
speaker=speaker,
speaker_kind=speaker_kind,
speech_act=speech_act,
stated_after=stated_after,
stated_before=stated_before,
statement=statement,
updated_after=updated_after,

    )).parsed
