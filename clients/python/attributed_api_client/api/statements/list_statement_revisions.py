from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.paginated_revision_list import PaginatedRevisionList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    statement_pk: int,
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
        "url": "/api/v1/statements/{statement_pk}/revisions/".format(statement_pk=quote(str(statement_pk), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedRevisionList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedRevisionList.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedRevisionList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    statement_pk: int,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Response[PaginatedRevisionList | Problem]:
    """ List a statement's revisions

     The changes proposed to a published statement, oldest first: pending, approved or rejected.
    Reviewers see every one; editors the ones they proposed; anonymous callers none (401).

    Args:
        statement_pk (int):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedRevisionList | Problem]
     """


    kwargs = _get_kwargs(
        statement_pk=statement_pk,
page=page,
page_size=page_size,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    statement_pk: int,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> PaginatedRevisionList | Problem | None:
    """ List a statement's revisions

     The changes proposed to a published statement, oldest first: pending, approved or rejected.
    Reviewers see every one; editors the ones they proposed; anonymous callers none (401).

    Args:
        statement_pk (int):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedRevisionList | Problem
     """


    return sync_detailed(
        statement_pk=statement_pk,
client=client,
page=page,
page_size=page_size,

    ).parsed

async def asyncio_detailed(
    statement_pk: int,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Response[PaginatedRevisionList | Problem]:
    """ List a statement's revisions

     The changes proposed to a published statement, oldest first: pending, approved or rejected.
    Reviewers see every one; editors the ones they proposed; anonymous callers none (401).

    Args:
        statement_pk (int):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedRevisionList | Problem]
     """


    kwargs = _get_kwargs(
        statement_pk=statement_pk,
page=page,
page_size=page_size,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    statement_pk: int,
    *,
    client: AuthenticatedClient,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> PaginatedRevisionList | Problem | None:
    """ List a statement's revisions

     The changes proposed to a published statement, oldest first: pending, approved or rejected.
    Reviewers see every one; editors the ones they proposed; anonymous callers none (401).

    Args:
        statement_pk (int):
        page (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedRevisionList | Problem
     """


    return (await asyncio_detailed(
        statement_pk=statement_pk,
client=client,
page=page,
page_size=page_size,

    )).parsed
