from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.paginated_claim_summary_list import PaginatedClaimSummaryList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/claims/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedClaimSummaryList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedClaimSummaryList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedClaimSummaryList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Response[PaginatedClaimSummaryList | Problem]:
    """ List claims

     The claims of at least two statements the caller may see, most widely made first: by the number of
    distinct speakers, then of distinct sources, then the latest source date, then the newest claim.
    Each with the statement that stands for it (its smallest id the caller may see) and a link to the
    whole claim (`GET /statements/{id}/claim/`). Paginated as every list.

    Args:
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedClaimSummaryList | Problem]
     """


    kwargs = _get_kwargs(
        page=page,
page_size=page_size,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> PaginatedClaimSummaryList | Problem | None:
    """ List claims

     The claims of at least two statements the caller may see, most widely made first: by the number of
    distinct speakers, then of distinct sources, then the latest source date, then the newest claim.
    Each with the statement that stands for it (its smallest id the caller may see) and a link to the
    whole claim (`GET /statements/{id}/claim/`). Paginated as every list.

    Args:
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedClaimSummaryList | Problem
     """


    return sync_detailed(
        client=client,
page=page,
page_size=page_size,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Response[PaginatedClaimSummaryList | Problem]:
    """ List claims

     The claims of at least two statements the caller may see, most widely made first: by the number of
    distinct speakers, then of distinct sources, then the latest source date, then the newest claim.
    Each with the statement that stands for it (its smallest id the caller may see) and a link to the
    whole claim (`GET /statements/{id}/claim/`). Paginated as every list.

    Args:
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedClaimSummaryList | Problem]
     """


    kwargs = _get_kwargs(
        page=page,
page_size=page_size,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> PaginatedClaimSummaryList | Problem | None:
    """ List claims

     The claims of at least two statements the caller may see, most widely made first: by the number of
    distinct speakers, then of distinct sources, then the latest source date, then the newest claim.
    Each with the statement that stands for it (its smallest id the caller may see) and a link to the
    whole claim (`GET /statements/{id}/claim/`). Paginated as every list.

    Args:
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedClaimSummaryList | Problem
     """


    return (await asyncio_detailed(
        client=client,
page=page,
page_size=page_size,

    )).parsed
