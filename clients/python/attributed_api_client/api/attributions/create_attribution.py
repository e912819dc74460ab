from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.attribution import Attribution
from ...models.attribution_request import AttributionRequest
from ...models.problem import Problem
from ...models.revision import Revision
from typing import cast



def _get_kwargs(
    *,
    body: AttributionRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/attributions/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Attribution | Problem | Revision | None:
    if response.status_code == 201:
        response_201 = Attribution.from_dict(response.json())



        return response_201

    if response.status_code == 202:
        response_202 = Revision.from_dict(response.json())



        return response_202

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Attribution | Problem | Revision]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AttributionRequest,

) -> Response[Attribution | Problem | Revision]:
    """ Create a attribution

     Create a attribution. Needs the add permission (editors).

    Args:
        body (AttributionRequest): The link of a statement, the speaker who made it and the source
            that reports it,
            saying how the source renders it: quoted, paraphrased or summarised (`mode`), as what
            kind of speech act, with which reporting verb, the speaker's role at the time, on whose
            behalf, on what occasion and when, and where in the source's body the words stand.

            Any other field is refused (400), except `id`, `role_at_the_time`, `created_at`,
            `updated_at`: read-only, they may be sent back as read and are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attribution | Problem | Revision]
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
    body: AttributionRequest,

) -> Attribution | Problem | Revision | None:
    """ Create a attribution

     Create a attribution. Needs the add permission (editors).

    Args:
        body (AttributionRequest): The link of a statement, the speaker who made it and the source
            that reports it,
            saying how the source renders it: quoted, paraphrased or summarised (`mode`), as what
            kind of speech act, with which reporting verb, the speaker's role at the time, on whose
            behalf, on what occasion and when, and where in the source's body the words stand.

            Any other field is refused (400), except `id`, `role_at_the_time`, `created_at`,
            `updated_at`: read-only, they may be sent back as read and are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attribution | Problem | Revision
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AttributionRequest,

) -> Response[Attribution | Problem | Revision]:
    """ Create a attribution

     Create a attribution. Needs the add permission (editors).

    Args:
        body (AttributionRequest): The link of a statement, the speaker who made it and the source
            that reports it,
            saying how the source renders it: quoted, paraphrased or summarised (`mode`), as what
            kind of speech act, with which reporting verb, the speaker's role at the time, on whose
            behalf, on what occasion and when, and where in the source's body the words stand.

            Any other field is refused (400), except `id`, `role_at_the_time`, `created_at`,
            `updated_at`: read-only, they may be sent back as read and are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Attribution | Problem | Revision]
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
    body: AttributionRequest,

) -> Attribution | Problem | Revision | None:
    """ Create a attribution

     Create a attribution. Needs the add permission (editors).

    Args:
        body (AttributionRequest): The link of a statement, the speaker who made it and the source
            that reports it,
            saying how the source renders it: quoted, paraphrased or summarised (`mode`), as what
            kind of speech act, with which reporting verb, the speaker's role at the time, on whose
            behalf, on what occasion and when, and where in the source's body the words stand.

            Any other field is refused (400), except `id`, `role_at_the_time`, `created_at`,
            `updated_at`: read-only, they may be sent back as read and are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Attribution | Problem | Revision
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
