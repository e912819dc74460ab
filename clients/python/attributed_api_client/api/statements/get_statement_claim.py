from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.claim import Claim
from ...models.problem import Problem
from ...models.retracted_problem import RetractedProblem
from typing import cast



def _get_kwargs(
    id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/statements/{id}/claim/".format(id=quote(str(id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Claim | Problem | RetractedProblem | None:
    if response.status_code == 200:
        response_200 = Claim.from_dict(response.json())



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

    if response.status_code == 410:
        response_410 = RetractedProblem.from_dict(response.json())



        return response_410

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Claim | Problem | RetractedProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Claim | Problem | RetractedProblem]:
    """ Get a statement's claim

     The whole claim the statement is part of: every statement that `same_claim` relations join to it
    (through any number of them, in either direction), with who made each (`speaker`, `speaker_role` as
    the source printed it, `role_at_the_time` from the speaker's memberships, `on_behalf_of`), where
    (`source`: title, publisher, URL, date) and when (`stated_on`, and `first_said`: the earliest
    `stated_on`, else the earliest source date), oldest first; and the statements that deny, contradict,
    support or update one of them (`responses`: the relation's kind and note, its target, the answering
    statement with its attributions), oldest first. A statement without `same_claim` relations is a
    claim of its own. At most 200 statements and 200 responses (the oldest); `statements_count` and
    `responses_count` count them all. The public sees published statements; editors, reviewers and
    admins every one. 404 and 410 as `GET /statements/{id}/`.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Claim | Problem | RetractedProblem]
     """


    kwargs = _get_kwargs(
        id=id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Claim | Problem | RetractedProblem | None:
    """ Get a statement's claim

     The whole claim the statement is part of: every statement that `same_claim` relations join to it
    (through any number of them, in either direction), with who made each (`speaker`, `speaker_role` as
    the source printed it, `role_at_the_time` from the speaker's memberships, `on_behalf_of`), where
    (`source`: title, publisher, URL, date) and when (`stated_on`, and `first_said`: the earliest
    `stated_on`, else the earliest source date), oldest first; and the statements that deny, contradict,
    support or update one of them (`responses`: the relation's kind and note, its target, the answering
    statement with its attributions), oldest first. A statement without `same_claim` relations is a
    claim of its own. At most 200 statements and 200 responses (the oldest); `statements_count` and
    `responses_count` count them all. The public sees published statements; editors, reviewers and
    admins every one. 404 and 410 as `GET /statements/{id}/`.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Claim | Problem | RetractedProblem
     """


    return sync_detailed(
        id=id,
client=client,

    ).parsed

async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Claim | Problem | RetractedProblem]:
    """ Get a statement's claim

     The whole claim the statement is part of: every statement that `same_claim` relations join to it
    (through any number of them, in either direction), with who made each (`speaker`, `speaker_role` as
    the source printed it, `role_at_the_time` from the speaker's memberships, `on_behalf_of`), where
    (`source`: title, publisher, URL, date) and when (`stated_on`, and `first_said`: the earliest
    `stated_on`, else the earliest source date), oldest first; and the statements that deny, contradict,
    support or update one of them (`responses`: the relation's kind and note, its target, the answering
    statement with its attributions), oldest first. A statement without `same_claim` relations is a
    claim of its own. At most 200 statements and 200 responses (the oldest); `statements_count` and
    `responses_count` count them all. The public sees published statements; editors, reviewers and
    admins every one. 404 and 410 as `GET /statements/{id}/`.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Claim | Problem | RetractedProblem]
     """


    kwargs = _get_kwargs(
        id=id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,

) -> Claim | Problem | RetractedProblem | None:
    """ Get a statement's claim

     The whole claim the statement is part of: every statement that `same_claim` relations join to it
    (through any number of them, in either direction), with who made each (`speaker`, `speaker_role` as
    the source printed it, `role_at_the_time` from the speaker's memberships, `on_behalf_of`), where
    (`source`: title, publisher, URL, date) and when (`stated_on`, and `first_said`: the earliest
    `stated_on`, else the earliest source date), oldest first; and the statements that deny, contradict,
    support or update one of them (`responses`: the relation's kind and note, its target, the answering
    statement with its attributions), oldest first. A statement without `same_claim` relations is a
    claim of its own. At most 200 statements and 200 responses (the oldest); `statements_count` and
    `responses_count` count them all. The public sees published statements; editors, reviewers and
    admins every one. 404 and 410 as `GET /statements/{id}/`.

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Claim | Problem | RetractedProblem
     """


    return (await asyncio_detailed(
        id=id,
client=client,

    )).parsed
