from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.claim_candidate import ClaimCandidate
from ...models.problem import Problem
from ...models.retracted_problem import RetractedProblem
from typing import cast



def _get_kwargs(
    id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/statements/{id}/claim-candidates/".format(id=quote(str(id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RetractedProblem | list[ClaimCandidate] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = ClaimCandidate.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | RetractedProblem | list[ClaimCandidate]]:
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

) -> Response[Problem | RetractedProblem | list[ClaimCandidate]]:
    """ List a statement's same-claim candidates

     Statements that may make the same claim as this one, best first (at most 5): the engine's full-text
    index picks those that share a content word, then a scorer that is the same on SQLite and PostgreSQL
    compares the texts (stemmed words and trigrams; different figures, a negation or opposite directions
    lower the score). Only those scoring at least the threshold (`CLAIM_CANDIDATE_THRESHOLD`, 0.4) are
    proposed; statements already in its claim and retracted ones never are. Editors, reviewers and
    admins only (403 otherwise).

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetractedProblem | list[ClaimCandidate]]
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
    client: AuthenticatedClient,

) -> Problem | RetractedProblem | list[ClaimCandidate] | None:
    """ List a statement's same-claim candidates

     Statements that may make the same claim as this one, best first (at most 5): the engine's full-text
    index picks those that share a content word, then a scorer that is the same on SQLite and PostgreSQL
    compares the texts (stemmed words and trigrams; different figures, a negation or opposite directions
    lower the score). Only those scoring at least the threshold (`CLAIM_CANDIDATE_THRESHOLD`, 0.4) are
    proposed; statements already in its claim and retracted ones never are. Editors, reviewers and
    admins only (403 otherwise).

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetractedProblem | list[ClaimCandidate]
     """


    return sync_detailed(
        id=id,
client=client,

    ).parsed

async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | RetractedProblem | list[ClaimCandidate]]:
    """ List a statement's same-claim candidates

     Statements that may make the same claim as this one, best first (at most 5): the engine's full-text
    index picks those that share a content word, then a scorer that is the same on SQLite and PostgreSQL
    compares the texts (stemmed words and trigrams; different figures, a negation or opposite directions
    lower the score). Only those scoring at least the threshold (`CLAIM_CANDIDATE_THRESHOLD`, 0.4) are
    proposed; statements already in its claim and retracted ones never are. Editors, reviewers and
    admins only (403 otherwise).

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RetractedProblem | list[ClaimCandidate]]
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
    client: AuthenticatedClient,

) -> Problem | RetractedProblem | list[ClaimCandidate] | None:
    """ List a statement's same-claim candidates

     Statements that may make the same claim as this one, best first (at most 5): the engine's full-text
    index picks those that share a content word, then a scorer that is the same on SQLite and PostgreSQL
    compares the texts (stemmed words and trigrams; different figures, a negation or opposite directions
    lower the score). Only those scoring at least the threshold (`CLAIM_CANDIDATE_THRESHOLD`, 0.4) are
    proposed; statements already in its claim and retracted ones never are. Editors, reviewers and
    admins only (403 otherwise).

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RetractedProblem | list[ClaimCandidate]
     """


    return (await asyncio_detailed(
        id=id,
client=client,

    )).parsed
