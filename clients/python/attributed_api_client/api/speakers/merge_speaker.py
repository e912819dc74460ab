from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.merge_request import MergeRequest
from ...models.problem import Problem
from ...models.speaker import Speaker
from typing import cast



def _get_kwargs(
    id: int,
    *,
    body: MergeRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/speakers/{id}/merge/".format(id=quote(str(id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Speaker | None:
    if response.status_code == 200:
        response_200 = Speaker.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Speaker]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: MergeRequest,

) -> Response[Problem | Speaker]:
    """ Merge a speaker into another

     The speaker is found to be `into`: its attributions (as speaker and as the one represented),
    memberships (as person and as organization), name and aliases move to `into` (its name becomes an
    alias; a blank description, country or Wikidata id of `into` takes the merged one's). Its id then
    redirects: `GET /speakers/{id}/` (and its other routes, reads and writes) answer 308 to the
    survivor's, and a list filtered by it (`statements/?speaker=`, `on_behalf_of`, `member_of`,
    `memberships/?person=`, ...) answers 308 to the same list filtered by the survivor's id, so that a
    client learns the id to keep. Both speakers' histories record the merge; the change feed lists the
    merged speaker as deleted, the survivor and the moved attributions' statements as updated. Needs the
    merge_speaker permission (reviewers). 400 naming `into` when it is the speaker itself, an unknown
    id, a speaker of another kind or another Wikidata item; `into` given as a merged id is followed to
    its survivor. 409 when a moved attribution would repeat one of the survivor's (same statement and
    source) or make it speak on its own behalf.

    Args:
        id (int):
        body (MergeRequest): The speaker to merge into (the survivor). A merged speaker's id is
            followed to the
            speaker it was merged into.

            Any other field is refused (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Speaker]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    body: MergeRequest,

) -> Problem | Speaker | None:
    """ Merge a speaker into another

     The speaker is found to be `into`: its attributions (as speaker and as the one represented),
    memberships (as person and as organization), name and aliases move to `into` (its name becomes an
    alias; a blank description, country or Wikidata id of `into` takes the merged one's). Its id then
    redirects: `GET /speakers/{id}/` (and its other routes, reads and writes) answer 308 to the
    survivor's, and a list filtered by it (`statements/?speaker=`, `on_behalf_of`, `member_of`,
    `memberships/?person=`, ...) answers 308 to the same list filtered by the survivor's id, so that a
    client learns the id to keep. Both speakers' histories record the merge; the change feed lists the
    merged speaker as deleted, the survivor and the moved attributions' statements as updated. Needs the
    merge_speaker permission (reviewers). 400 naming `into` when it is the speaker itself, an unknown
    id, a speaker of another kind or another Wikidata item; `into` given as a merged id is followed to
    its survivor. 409 when a moved attribution would repeat one of the survivor's (same statement and
    source) or make it speak on its own behalf.

    Args:
        id (int):
        body (MergeRequest): The speaker to merge into (the survivor). A merged speaker's id is
            followed to the
            speaker it was merged into.

            Any other field is refused (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Speaker
     """


    return sync_detailed(
        id=id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: MergeRequest,

) -> Response[Problem | Speaker]:
    """ Merge a speaker into another

     The speaker is found to be `into`: its attributions (as speaker and as the one represented),
    memberships (as person and as organization), name and aliases move to `into` (its name becomes an
    alias; a blank description, country or Wikidata id of `into` takes the merged one's). Its id then
    redirects: `GET /speakers/{id}/` (and its other routes, reads and writes) answer 308 to the
    survivor's, and a list filtered by it (`statements/?speaker=`, `on_behalf_of`, `member_of`,
    `memberships/?person=`, ...) answers 308 to the same list filtered by the survivor's id, so that a
    client learns the id to keep. Both speakers' histories record the merge; the change feed lists the
    merged speaker as deleted, the survivor and the moved attributions' statements as updated. Needs the
    merge_speaker permission (reviewers). 400 naming `into` when it is the speaker itself, an unknown
    id, a speaker of another kind or another Wikidata item; `into` given as a merged id is followed to
    its survivor. 409 when a moved attribution would repeat one of the survivor's (same statement and
    source) or make it speak on its own behalf.

    Args:
        id (int):
        body (MergeRequest): The speaker to merge into (the survivor). A merged speaker's id is
            followed to the
            speaker it was merged into.

            Any other field is refused (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Speaker]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: MergeRequest,

) -> Problem | Speaker | None:
    """ Merge a speaker into another

     The speaker is found to be `into`: its attributions (as speaker and as the one represented),
    memberships (as person and as organization), name and aliases move to `into` (its name becomes an
    alias; a blank description, country or Wikidata id of `into` takes the merged one's). Its id then
    redirects: `GET /speakers/{id}/` (and its other routes, reads and writes) answer 308 to the
    survivor's, and a list filtered by it (`statements/?speaker=`, `on_behalf_of`, `member_of`,
    `memberships/?person=`, ...) answers 308 to the same list filtered by the survivor's id, so that a
    client learns the id to keep. Both speakers' histories record the merge; the change feed lists the
    merged speaker as deleted, the survivor and the moved attributions' statements as updated. Needs the
    merge_speaker permission (reviewers). 400 naming `into` when it is the speaker itself, an unknown
    id, a speaker of another kind or another Wikidata item; `into` given as a merged id is followed to
    its survivor. 409 when a moved attribution would repeat one of the survivor's (same statement and
    source) or make it speak on its own behalf.

    Args:
        id (int):
        body (MergeRequest): The speaker to merge into (the survivor). A merged speaker's id is
            followed to the
            speaker it was merged into.

            Any other field is refused (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Speaker
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,

    )).parsed
