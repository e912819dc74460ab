from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.approve_request import ApproveRequest
from ...models.problem import Problem
from ...models.revision import Revision
from typing import cast



def _get_kwargs(
    statement_pk: int,
    id: int,
    *,
    body: ApproveRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/statements/{statement_pk}/revisions/{id}/approve/".format(statement_pk=quote(str(statement_pk), safe=""),id=quote(str(id), safe=""),),
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
    body: ApproveRequest,

) -> Response[Problem | Revision]:
    """ Approve a revision

     Apply a pending revision to its published statement, as a correction: `note`, the public note saying
    what was corrected, is required and is shown with the statement from then on (`corrections`); the
    change feed lists a `corrected` change. 409 when the revision was decided already, when its
    statement is no longer published, or when the statement changed after the revision was proposed
    (stale: propose it again). Reviewers only (the publish permission).

    Args:
        statement_pk (int):
        id (int):
        body (ApproveRequest): The public note of the correction an approved revision makes.

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
    body: ApproveRequest,

) -> Problem | Revision | None:
    """ Approve a revision

     Apply a pending revision to its published statement, as a correction: `note`, the public note saying
    what was corrected, is required and is shown with the statement from then on (`corrections`); the
    change feed lists a `corrected` change. 409 when the revision was decided already, when its
    statement is no longer published, or when the statement changed after the revision was proposed
    (stale: propose it again). Reviewers only (the publish permission).

    Args:
        statement_pk (int):
        id (int):
        body (ApproveRequest): The public note of the correction an approved revision makes.

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
    body: ApproveRequest,

) -> Response[Problem | Revision]:
    """ Approve a revision

     Apply a pending revision to its published statement, as a correction: `note`, the public note saying
    what was corrected, is required and is shown with the statement from then on (`corrections`); the
    change feed lists a `corrected` change. 409 when the revision was decided already, when its
    statement is no longer published, or when the statement changed after the revision was proposed
    (stale: propose it again). Reviewers only (the publish permission).

    Args:
        statement_pk (int):
        id (int):
        body (ApproveRequest): The public note of the correction an approved revision makes.

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
    body: ApproveRequest,

) -> Problem | Revision | None:
    """ Approve a revision

     Apply a pending revision to its published statement, as a correction: `note`, the public note saying
    what was corrected, is required and is shown with the statement from then on (`corrections`); the
    change feed lists a `corrected` change. 409 when the revision was decided already, when its
    statement is no longer published, or when the statement changed after the revision was proposed
    (stale: propose it again). Reviewers only (the publish permission).

    Args:
        statement_pk (int):
        id (int):
        body (ApproveRequest): The public note of the correction an approved revision makes.

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
