from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.paginated_duplicate_pair_list import PaginatedDuplicatePairList
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/speakers/duplicates/",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedDuplicatePairList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedDuplicatePairList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedDuplicatePairList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[PaginatedDuplicatePairList | Problem]:
    """ List likely duplicate speakers

     Pairs of speakers of one kind that may be one, best first (then by id): `same_name` when a name or
    alias of one is a name or alias of the other once case, accents, punctuation and initials are set
    aside (score 1); `similar_name` when their names are spelt alike (trigram similarity from 0.6). At
    most 1,000 pairs, paginated; `kind` narrows to one kind. Merge a pair with `POST
    /speakers/{id}/merge/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedDuplicatePairList | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> PaginatedDuplicatePairList | Problem | None:
    """ List likely duplicate speakers

     Pairs of speakers of one kind that may be one, best first (then by id): `same_name` when a name or
    alias of one is a name or alias of the other once case, accents, punctuation and initials are set
    aside (score 1); `similar_name` when their names are spelt alike (trigram similarity from 0.6). At
    most 1,000 pairs, paginated; `kind` narrows to one kind. Merge a pair with `POST
    /speakers/{id}/merge/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedDuplicatePairList | Problem
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[PaginatedDuplicatePairList | Problem]:
    """ List likely duplicate speakers

     Pairs of speakers of one kind that may be one, best first (then by id): `same_name` when a name or
    alias of one is a name or alias of the other once case, accents, punctuation and initials are set
    aside (score 1); `similar_name` when their names are spelt alike (trigram similarity from 0.6). At
    most 1,000 pairs, paginated; `kind` narrows to one kind. Merge a pair with `POST
    /speakers/{id}/merge/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedDuplicatePairList | Problem]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> PaginatedDuplicatePairList | Problem | None:
    """ List likely duplicate speakers

     Pairs of speakers of one kind that may be one, best first (then by id): `same_name` when a name or
    alias of one is a name or alias of the other once case, accents, punctuation and initials are set
    aside (score 1); `similar_name` when their names are spelt alike (trigram similarity from 0.6). At
    most 1,000 pairs, paginated; `kind` narrows to one kind. Merge a pair with `POST
    /speakers/{id}/merge/`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedDuplicatePairList | Problem
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
