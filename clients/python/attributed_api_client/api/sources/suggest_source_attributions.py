from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.suggestion_list import SuggestionList
from typing import cast



def _get_kwargs(
    source_pk: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sources/{source_pk}/suggestions/".format(source_pk=quote(str(source_pk), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SuggestionList | None:
    if response.status_code == 200:
        response_200 = SuggestionList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SuggestionList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    source_pk: int,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | SuggestionList]:
    """ Suggest a source's attributions

     Read the source's body with the suggestion rules and answer the attributions they find: who (an
    existing speaker by id, or a new one proposed by name and kind), where (`quote`, W3C TextQuote and
    TextPosition selectors, as an attribution's), and how (mode, speech act, verb, role, occasion), with
    a confidence. Saves nothing; suggestions already accepted or rejected are left out. A POST because
    it computes, not because it writes. Editors, reviewers and admins only.

    Args:
        source_pk (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuggestionList]
     """


    kwargs = _get_kwargs(
        source_pk=source_pk,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    source_pk: int,
    *,
    client: AuthenticatedClient,

) -> Problem | SuggestionList | None:
    """ Suggest a source's attributions

     Read the source's body with the suggestion rules and answer the attributions they find: who (an
    existing speaker by id, or a new one proposed by name and kind), where (`quote`, W3C TextQuote and
    TextPosition selectors, as an attribution's), and how (mode, speech act, verb, role, occasion), with
    a confidence. Saves nothing; suggestions already accepted or rejected are left out. A POST because
    it computes, not because it writes. Editors, reviewers and admins only.

    Args:
        source_pk (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuggestionList
     """


    return sync_detailed(
        source_pk=source_pk,
client=client,

    ).parsed

async def asyncio_detailed(
    source_pk: int,
    *,
    client: AuthenticatedClient,

) -> Response[Problem | SuggestionList]:
    """ Suggest a source's attributions

     Read the source's body with the suggestion rules and answer the attributions they find: who (an
    existing speaker by id, or a new one proposed by name and kind), where (`quote`, W3C TextQuote and
    TextPosition selectors, as an attribution's), and how (mode, speech act, verb, role, occasion), with
    a confidence. Saves nothing; suggestions already accepted or rejected are left out. A POST because
    it computes, not because it writes. Editors, reviewers and admins only.

    Args:
        source_pk (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SuggestionList]
     """


    kwargs = _get_kwargs(
        source_pk=source_pk,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    source_pk: int,
    *,
    client: AuthenticatedClient,

) -> Problem | SuggestionList | None:
    """ Suggest a source's attributions

     Read the source's body with the suggestion rules and answer the attributions they find: who (an
    existing speaker by id, or a new one proposed by name and kind), where (`quote`, W3C TextQuote and
    TextPosition selectors, as an attribution's), and how (mode, speech act, verb, role, occasion), with
    a confidence. Saves nothing; suggestions already accepted or rejected are left out. A POST because
    it computes, not because it writes. Editors, reviewers and admins only.

    Args:
        source_pk (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SuggestionList
     """


    return (await asyncio_detailed(
        source_pk=source_pk,
client=client,

    )).parsed
