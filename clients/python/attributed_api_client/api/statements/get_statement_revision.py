from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.revision import Revision
from typing import cast



def _get_kwargs(
    statement_pk: int,
    id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/statements/{statement_pk}/revisions/{id}/".format(statement_pk=quote(str(statement_pk), safe=""),id=quote(str(id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Revision | None:
    if response.status_code == 200:
        response_200 = Revision.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Revision]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    statement_pk: int,
    id: int,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | Revision]:
    """ Get a revision

     One revision of a statement (reviewers, and the editor who proposed it).

    Args:
        statement_pk (int):
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Revision]
     """


    kwargs = _get_kwargs(
        statement_pk=statement_pk,
id=id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    statement_pk: int,
    id: int,
    *,
    client: AuthenticatedClient,

) -> Problem | Revision | None:
    """ Get a revision

     One revision of a statement (reviewers, and the editor who proposed it).

    Args:
        statement_pk (int):
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Revision
     """


    return sync_detailed(
        statement_pk=statement_pk,
id=id,
client=client,

    ).parsed

async def asyncio_detailed(
    statement_pk: int,
    id: int,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | Revision]:
    """ Get a revision

     One revision of a statement (reviewers, and the editor who proposed it).

    Args:
        statement_pk (int):
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Revision]
     """


    kwargs = _get_kwargs(
        statement_pk=statement_pk,
id=id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    statement_pk: int,
    id: int,
    *,
    client: AuthenticatedClient,

) -> Problem | Revision | None:
    """ Get a revision

     One revision of a statement (reviewers, and the editor who proposed it).

    Args:
        statement_pk (int):
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Revision
     """


    return (await asyncio_detailed(
        statement_pk=statement_pk,
id=id,
client=client,

    )).parsed
