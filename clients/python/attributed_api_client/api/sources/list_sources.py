from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_sources_ordering_item import ListSourcesOrderingItem
from ...models.paginated_source_list import PaginatedSourceList
from ...models.problem import Problem
from ...models.response_format_enum import ResponseFormatEnum
from ...models.source_kind_enum import SourceKindEnum
from ...models.source_status_enum import SourceStatusEnum
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    kind: list[SourceKindEnum] | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    ordering: list[ListSourcesOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str | Unset = UNSET,
    status: list[SourceStatusEnum] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    url_query: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

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

    json_language: list[str] | Unset = UNSET
    if not isinstance(language, Unset):
        json_language = language


    params["language"] = json_language

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

    params["q"] = q

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)


    params["status"] = json_status

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updated_after"] = json_updated_after

    params["url"] = url_query


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/sources/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedSourceList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedSourceList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedSourceList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    kind: list[SourceKindEnum] | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    ordering: list[ListSourcesOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str | Unset = UNSET,
    status: list[SourceStatusEnum] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    url_query: str | Unset = UNSET,

) -> Response[PaginatedSourceList | Problem]:
    """ List sources

     A page of sources, filtered and ordered by the query parameters.

    Args:
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        kind (list[SourceKindEnum] | Unset):
        language (list[str] | Unset):
        ordering (list[ListSourcesOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        q (str | Unset):
        status (list[SourceStatusEnum] | Unset):
        updated_after (datetime.datetime | Unset):
        url_query (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedSourceList | Problem]
     """


    kwargs = _get_kwargs(
        fields=fields,
format_=format_,
kind=kind,
language=language,
ordering=ordering,
page=page,
page_size=page_size,
published_after=published_after,
published_before=published_before,
publisher=publisher,
q=q,
status=status,
updated_after=updated_after,
url_query=url_query,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    kind: list[SourceKindEnum] | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    ordering: list[ListSourcesOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str | Unset = UNSET,
    status: list[SourceStatusEnum] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    url_query: str | Unset = UNSET,

) -> PaginatedSourceList | Problem | None:
    """ List sources

     A page of sources, filtered and ordered by the query parameters.

    Args:
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        kind (list[SourceKindEnum] | Unset):
        language (list[str] | Unset):
        ordering (list[ListSourcesOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        q (str | Unset):
        status (list[SourceStatusEnum] | Unset):
        updated_after (datetime.datetime | Unset):
        url_query (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedSourceList | Problem
     """


    return sync_detailed(
        client=client,
fields=fields,
format_=format_,
kind=kind,
language=language,
ordering=ordering,
page=page,
page_size=page_size,
published_after=published_after,
published_before=published_before,
publisher=publisher,
q=q,
status=status,
updated_after=updated_after,
url_query=url_query,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    kind: list[SourceKindEnum] | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    ordering: list[ListSourcesOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str | Unset = UNSET,
    status: list[SourceStatusEnum] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    url_query: str | Unset = UNSET,

) -> Response[PaginatedSourceList | Problem]:
    """ List sources

     A page of sources, filtered and ordered by the query parameters.

    Args:
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        kind (list[SourceKindEnum] | Unset):
        language (list[str] | Unset):
        ordering (list[ListSourcesOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        q (str | Unset):
        status (list[SourceStatusEnum] | Unset):
        updated_after (datetime.datetime | Unset):
        url_query (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedSourceList | Problem]
     """


    kwargs = _get_kwargs(
        fields=fields,
format_=format_,
kind=kind,
language=language,
ordering=ordering,
page=page,
page_size=page_size,
published_after=published_after,
published_before=published_before,
publisher=publisher,
q=q,
status=status,
updated_after=updated_after,
url_query=url_query,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    format_: ResponseFormatEnum | Unset = UNSET,
    kind: list[SourceKindEnum] | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    ordering: list[ListSourcesOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str | Unset = UNSET,
    status: list[SourceStatusEnum] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    url_query: str | Unset = UNSET,

) -> PaginatedSourceList | Problem | None:
    """ List sources

     A page of sources, filtered and ordered by the query parameters.

    Args:
        fields (str | Unset):
        format_ (ResponseFormatEnum | Unset): The answer's format, as the `Accept` header would
            choose it: `json` (the default; `application/json`) or `jsonld` (`application/ld+json`).
        kind (list[SourceKindEnum] | Unset):
        language (list[str] | Unset):
        ordering (list[ListSourcesOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        q (str | Unset):
        status (list[SourceStatusEnum] | Unset):
        updated_after (datetime.datetime | Unset):
        url_query (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedSourceList | Problem
     """


    return (await asyncio_detailed(
        client=client,
fields=fields,
format_=format_,
kind=kind,
language=language,
ordering=ordering,
page=page,
page_size=page_size,
published_after=published_after,
published_before=published_before,
publisher=publisher,
q=q,
status=status,
updated_after=updated_after,
url_query=url_query,

    )).parsed
