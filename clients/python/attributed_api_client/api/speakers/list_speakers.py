from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_speakers_ordering_item import ListSpeakersOrderingItem
from ...models.paginated_speaker_list import PaginatedSpeakerList
from ...models.problem import Problem
from ...models.response_format_enum import ResponseFormatEnum
from ...models.speaker_kind_enum import SpeakerKindEnum
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    country: list[str] | Unset = UNSET,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    kind: list[SpeakerKindEnum] | Unset = UNSET,
    ordering: list[ListSpeakersOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    wikidata_id: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_country: list[str] | Unset = UNSET
    if not isinstance(country, Unset):
        json_country = country


    params["country"] = json_country

    params["fields"] = fields

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)


    params["kind"] = json_kind

    json_ordering: list[str] | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = []
        for ordering_item_data in ordering:
            ordering_item = ordering_item_data.value
            json_ordering.append(ordering_item)


    params["ordering"] = json_ordering

    params["page"] = page

    params["page_size"] = page_size

    params["q"] = q

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updated_after"] = json_updated_after

    params["wikidata_id"] = wikidata_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/speakers/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedSpeakerList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedSpeakerList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedSpeakerList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    country: list[str] | Unset = UNSET,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    kind: list[SpeakerKindEnum] | Unset = UNSET,
    ordering: list[ListSpeakersOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    wikidata_id: str | Unset = UNSET,

) -> Response[PaginatedSpeakerList | Problem]:
    """ List speakers

     A page of speakers, filtered and ordered by the query parameters.

    Args:
        country (list[str] | Unset):
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        kind (list[SpeakerKindEnum] | Unset):
        ordering (list[ListSpeakersOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        q (str | Unset):
        updated_after (datetime.datetime | Unset):
        wikidata_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedSpeakerList | Problem]
     """


    kwargs = _get_kwargs(
        country=country,
fields=fields,
format_=format_,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
q=q,
updated_after=updated_after,
wikidata_id=wikidata_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    country: list[str] | Unset = UNSET,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    kind: list[SpeakerKindEnum] | Unset = UNSET,
    ordering: list[ListSpeakersOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    wikidata_id: str | Unset = UNSET,

) -> PaginatedSpeakerList | Problem | None:
    """ List speakers

     A page of speakers, filtered and ordered by the query parameters.

    Args:
        country (list[str] | Unset):
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        kind (list[SpeakerKindEnum] | Unset):
        ordering (list[ListSpeakersOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        q (str | Unset):
        updated_after (datetime.datetime | Unset):
        wikidata_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedSpeakerList | Problem
     """


    return sync_detailed(
        client=client,
country=country,
fields=fields,
format_=format_,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
q=q,
updated_after=updated_after,
wikidata_id=wikidata_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    country: list[str] | Unset = UNSET,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    kind: list[SpeakerKindEnum] | Unset = UNSET,
    ordering: list[ListSpeakersOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    wikidata_id: str | Unset = UNSET,

) -> Response[PaginatedSpeakerList | Problem]:
    """ List speakers

     A page of speakers, filtered and ordered by the query parameters.

    Args:
        country (list[str] | Unset):
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        kind (list[SpeakerKindEnum] | Unset):
        ordering (list[ListSpeakersOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        q (str | Unset):
        updated_after (datetime.datetime | Unset):
        wikidata_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedSpeakerList | Problem]
     """


    kwargs = _get_kwargs(
        country=country,
fields=fields,
format_=format_,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
q=q,
updated_after=updated_after,
wikidata_id=wikidata_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    country: list[str] | Unset = UNSET,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    kind: list[SpeakerKindEnum] | Unset = UNSET,
    ordering: list[ListSpeakersOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    q: str | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    wikidata_id: str | Unset = UNSET,

) -> PaginatedSpeakerList | Problem | None:
    """ List speakers

     A page of speakers, filtered and ordered by the query parameters.

    Args:
        country (list[str] | Unset):
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        kind (list[SpeakerKindEnum] | Unset):
        ordering (list[ListSpeakersOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        q (str | Unset):
        updated_after (datetime.datetime | Unset):
        wikidata_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedSpeakerList | Problem
     """


    return (await asyncio_detailed(
        client=client,
country=country,
fields=fields,
format_=format_,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
q=q,
updated_after=updated_after,
wikidata_id=wikidata_id,

    )).parsed
