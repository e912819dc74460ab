from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.reject_request import RejectRequest
from ...models.revision import Revision
from typing import cast



def _get_kwargs(
    statement_pk: int,
    id: int,
    *,
    body: RejectRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/statements/{statement_pk}/revisions/{id}/reject/".format(statement_pk=quote(str(statement_pk), safe=""),id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Revision | None:
    if response.status_code == 200:
        response_200 = Revision.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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
    body: RejectRequest,

) -> Response[Problem | Revision]:
    """ Reject a revision

     Refuse a pending revision, saying why (`reason`, for its proposer); the statement stays as it is.
    409 when it was decided already. Reviewers only.

    Args:
        statement_pk (int):
        id (int):
        body (RejectRequest): Why a revision is refused (for its proposer).

            Any other field is refused (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Revision]
     """


    kwargs = _get_kwargs(
        statement_pk=statement_pk,
id=id,
body=body,

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
    body: RejectRequest,

) -> Problem | Revision | None:
    """ Reject a revision

     Refuse a pending revision, saying why (`reason`, for its proposer); the statement stays as it is.
    409 when it was decided already. Reviewers only.

    Args:
        statement_pk (int):
        id (int):
        body (RejectRequest): Why a revision is refused (for its proposer).

            Any other field is refused (400).

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
body=body,

    ).parsed

async def asyncio_detailed(
    statement_pk: int,
    id: int,
    *,
    client: AuthenticatedClient,
    body: RejectRequest,

) -> Response[Problem | Revision]:
    """ Reject a revision

     Refuse a pending revision, saying why (`reason`, for its proposer); the statement stays as it is.
    409 when it was decided already. Reviewers only.

    Args:
        statement_pk (int):
        id (int):
        body (RejectRequest): Why a revision is refused (for its proposer).

            Any other field is refused (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Revision]
     """


    kwargs = _get_kwargs(
        statement_pk=statement_pk,
id=id,
body=body,

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
    body: RejectRequest,

) -> Problem | Revision | None:
    """ Reject a revision

     Refuse a pending revision, saying why (`reason`, for its proposer); the statement stays as it is.
    409 when it was decided already. Reviewers only.

    Args:
        statement_pk (int):
        id (int):
        body (RejectRequest): Why a revision is refused (for its proposer).

            Any other field is refused (400).

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
body=body,

    )).parsed
