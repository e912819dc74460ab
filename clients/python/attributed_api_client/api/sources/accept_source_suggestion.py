from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.statement import Statement
from ...models.suggestion_accept_request import SuggestionAcceptRequest
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    source_pk: int,
    key: str,
    *,
    body: SuggestionAcceptRequest | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sources/{source_pk}/suggestions/{key}/accept/".format(source_pk=quote(str(source_pk), safe=""),key=quote(str(key), safe=""),),
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Statement | None:
    if response.status_code == 201:
        response_201 = Statement.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Statement]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    source_pk: int,
    key: str,
    *,
    client: AuthenticatedClient,
    body: SuggestionAcceptRequest | Unset = UNSET,

) -> Response[Problem | Statement]:
    """ Accept a suggested attribution

     Create a draft statement from the suggestion, with its one attribution anchored where the suggestion
    says (the statement's text is the passage, without its quotation marks for a direct quote, unless
    the body gives `text`), creating the proposed speaker first when the suggestion names a new one. The
    body may change any of the fields listed (edit, then accept); they are validated as any write to a
    statement's text or an attribution. Answers the statement as `GET statements/{id}/` does. The
    suggestion is not proposed again.

    Args:
        source_pk (int):
        key (str):
        body (SuggestionAcceptRequest | Unset): Edit, then accept: any of these replaces the
            suggested value (a field left out keeps
            it). ``speaker`` picks an existing speaker instead of the suggested or proposed one;
            ``text`` is the new statement's text (by default the passage, without its quotation
            marks when it is a direct quote).

            Any other field is refused (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Statement]
     """


    kwargs = _get_kwargs(
        source_pk=source_pk,
key=key,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    source_pk: int,
    key: str,
    *,
    client: AuthenticatedClient,
    body: SuggestionAcceptRequest | Unset = UNSET,

) -> Problem | Statement | None:
    """ Accept a suggested attribution

     Create a draft statement from the suggestion, with its one attribution anchored where the suggestion
    says (the statement's text is the passage, without its quotation marks for a direct quote, unless
    the body gives `text`), creating the proposed speaker first when the suggestion names a new one. The
    body may change any of the fields listed (edit, then accept); they are validated as any write to a
    statement's text or an attribution. Answers the statement as `GET statements/{id}/` does. The
    suggestion is not proposed again.

    Args:
        source_pk (int):
        key (str):
        body (SuggestionAcceptRequest | Unset): Edit, then accept: any of these replaces the
            suggested value (a field left out keeps
            it). ``speaker`` picks an existing speaker instead of the suggested or proposed one;
            ``text`` is the new statement's text (by default the passage, without its quotation
            marks when it is a direct quote).

            Any other field is refused (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Statement
     """


    return sync_detailed(
        source_pk=source_pk,
key=key,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    source_pk: int,
    key: str,
    *,
    client: AuthenticatedClient,
    body: SuggestionAcceptRequest | Unset = UNSET,

) -> Response[Problem | Statement]:
    """ Accept a suggested attribution

     Create a draft statement from the suggestion, with its one attribution anchored where the suggestion
    says (the statement's text is the passage, without its quotation marks for a direct quote, unless
    the body gives `text`), creating the proposed speaker first when the suggestion names a new one. The
    body may change any of the fields listed (edit, then accept); they are validated as any write to a
    statement's text or an attribution. Answers the statement as `GET statements/{id}/` does. The
    suggestion is not proposed again.

    Args:
        source_pk (int):
        key (str):
        body (SuggestionAcceptRequest | Unset): Edit, then accept: any of these replaces the
            suggested value (a field left out keeps
            it). ``speaker`` picks an existing speaker instead of the suggested or proposed one;
            ``text`` is the new statement's text (by default the passage, without its quotation
            marks when it is a direct quote).

            Any other field is refused (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Statement]
     """


    kwargs = _get_kwargs(
        source_pk=source_pk,
key=key,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    source_pk: int,
    key: str,
    *,
    client: AuthenticatedClient,
    body: SuggestionAcceptRequest | Unset = UNSET,

) -> Problem | Statement | None:
    """ Accept a suggested attribution

     Create a draft statement from the suggestion, with its one attribution anchored where the suggestion
    says (the statement's text is the passage, without its quotation marks for a direct quote, unless
    the body gives `text`), creating the proposed speaker first when the suggestion names a new one. The
    body may change any of the fields listed (edit, then accept); they are validated as any write to a
    statement's text or an attribution. Answers the statement as `GET statements/{id}/` does. The
    suggestion is not proposed again.

    Args:
        source_pk (int):
        key (str):
        body (SuggestionAcceptRequest | Unset): Edit, then accept: any of these replaces the
            suggested value (a field left out keeps
            it). ``speaker`` picks an existing speaker instead of the suggested or proposed one;
            ``text`` is the new statement's text (by default the passage, without its quotation
            marks when it is a direct quote).

            Any other field is refused (400).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Statement
     """


    return (await asyncio_detailed(
        source_pk=source_pk,
key=key,
client=client,
body=body,

    )).parsed
