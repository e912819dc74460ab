from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.statement_created import StatementCreated
from ...models.statement_request import StatementRequest
from typing import cast



def _get_kwargs(
    *,
    body: StatementRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/statements/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | StatementCreated | None:
    if response.status_code == 201:
        response_201 = StatementCreated.from_dict(response.json())



        return response_201

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | StatementCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: StatementRequest,

) -> Response[Problem | StatementCreated]:
    """ Create a statement

     Create a statement. Needs the add permission (editors). The response is the statement with
    `claim_candidates`: the statements it may repeat, as `GET /statements/{id}/claim-candidates/` lists
    them.

    Args:
        body (StatementRequest): A claim, in the speaker's words for a quote or else as a neutral
            paraphrase, with its
            attributions (who made it, which sources report it) and its relations to other
            statements. Drafts are visible to editors, reviewers and admins only, until published;
            a retracted statement is withdrawn from the public and says why.

            Any other field is refused (400), except `id`, `status`, `retraction_reason`, `relations`,
            `corrections`, `created_at`, `updated_at`: read-only, they may be sent back as read and
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementCreated]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: StatementRequest,

) -> Problem | StatementCreated | None:
    """ Create a statement

     Create a statement. Needs the add permission (editors). The response is the statement with
    `claim_candidates`: the statements it may repeat, as `GET /statements/{id}/claim-candidates/` lists
    them.

    Args:
        body (StatementRequest): A claim, in the speaker's words for a quote or else as a neutral
            paraphrase, with its
            attributions (who made it, which sources report it) and its relations to other
            statements. Drafts are visible to editors, reviewers and admins only, until published;
            a retracted statement is withdrawn from the public and says why.

            Any other field is refused (400), except `id`, `status`, `retraction_reason`, `relations`,
            `corrections`, `created_at`, `updated_at`: read-only, they may be sent back as read and
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementCreated
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: StatementRequest,

) -> Response[Problem | StatementCreated]:
    """ Create a statement

     Create a statement. Needs the add permission (editors). The response is the statement with
    `claim_candidates`: the statements it may repeat, as `GET /statements/{id}/claim-candidates/` lists
    them.

    Args:
        body (StatementRequest): A claim, in the speaker's words for a quote or else as a neutral
            paraphrase, with its
            attributions (who made it, which sources report it) and its relations to other
            statements. Drafts are visible to editors, reviewers and admins only, until published;
            a retracted statement is withdrawn from the public and says why.

            Any other field is refused (400), except `id`, `status`, `retraction_reason`, `relations`,
            `corrections`, `created_at`, `updated_at`: read-only, they may be sent back as read and
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatementCreated]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: StatementRequest,

) -> Problem | StatementCreated | None:
    """ Create a statement

     Create a statement. Needs the add permission (editors). The response is the statement with
    `claim_candidates`: the statements it may repeat, as `GET /statements/{id}/claim-candidates/` lists
    them.

    Args:
        body (StatementRequest): A claim, in the speaker's words for a quote or else as a neutral
            paraphrase, with its
            attributions (who made it, which sources report it) and its relations to other
            statements. Drafts are visible to editors, reviewers and admins only, until published;
            a retracted statement is withdrawn from the public and says why.

            Any other field is refused (400), except `id`, `status`, `retraction_reason`, `relations`,
            `corrections`, `created_at`, `updated_at`: read-only, they may be sent back as read and
            are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatementCreated
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
