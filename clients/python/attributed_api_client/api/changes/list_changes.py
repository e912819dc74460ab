from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.paginated_change_list import PaginatedChangeList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    after: str | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["after"] = after

    params["page_size"] = page_size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/changes/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedChangeList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedChangeList.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedChangeList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Response[PaginatedChangeList | Problem]:
    """ List changes (the change feed)

     Every change you may see, oldest first, in the order the transactions committed: a partner keeps a
    copy in step by reading it from its start, then polling with the last `cursor`. A cursor never skips
    a committed change and never repeats one, even when transactions commit out of order (a change
    appears once every transaction that began before it has ended).

    - Statements: `created`, `updated` (its text, topics, attributions or relations, an attribution's
    role at the time, a speaker merge that moved an attribution), `published`, `corrected`, `retracted`
    (`note`: the reason) and `deleted` (drafts only: nothing published is deleted).
    - Speakers, sources and memberships: `created`, `updated`, `deleted`; a statement that shows their
    names is not listed again when they change. A merged speaker is `deleted` and its survivor `updated`
    (`note`: the merge), and its id then redirects (308) to the survivor.

    The public sees the changes of published statements (the first is `published`), their retraction
    (without the text: the statement then answers 410) and every change of speakers, sources and
    memberships; editors, reviewers and admins see drafts' too. The feed starts with one change for each
    object that existed when it was introduced.

    Args:
        after (str | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedChangeList | Problem]
     """


    kwargs = _get_kwargs(
        after=after,
page_size=page_size,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> PaginatedChangeList | Problem | None:
    """ List changes (the change feed)

     Every change you may see, oldest first, in the order the transactions committed: a partner keeps a
    copy in step by reading it from its start, then polling with the last `cursor`. A cursor never skips
    a committed change and never repeats one, even when transactions commit out of order (a change
    appears once every transaction that began before it has ended).

    - Statements: `created`, `updated` (its text, topics, attributions or relations, an attribution's
    role at the time, a speaker merge that moved an attribution), `published`, `corrected`, `retracted`
    (`note`: the reason) and `deleted` (drafts only: nothing published is deleted).
    - Speakers, sources and memberships: `created`, `updated`, `deleted`; a statement that shows their
    names is not listed again when they change. A merged speaker is `deleted` and its survivor `updated`
    (`note`: the merge), and its id then redirects (308) to the survivor.

    The public sees the changes of published statements (the first is `published`), their retraction
    (without the text: the statement then answers 410) and every change of speakers, sources and
    memberships; editors, reviewers and admins see drafts' too. The feed starts with one change for each
    object that existed when it was introduced.

    Args:
        after (str | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedChangeList | Problem
     """


    return sync_detailed(
        client=client,
after=after,
page_size=page_size,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> Response[PaginatedChangeList | Problem]:
    """ List changes (the change feed)

     Every change you may see, oldest first, in the order the transactions committed: a partner keeps a
    copy in step by reading it from its start, then polling with the last `cursor`. A cursor never skips
    a committed change and never repeats one, even when transactions commit out of order (a change
    appears once every transaction that began before it has ended).

    - Statements: `created`, `updated` (its text, topics, attributions or relations, an attribution's
    role at the time, a speaker merge that moved an attribution), `published`, `corrected`, `retracted`
    (`note`: the reason) and `deleted` (drafts only: nothing published is deleted).
    - Speakers, sources and memberships: `created`, `updated`, `deleted`; a statement that shows their
    names is not listed again when they change. A merged speaker is `deleted` and its survivor `updated`
    (`note`: the merge), and its id then redirects (308) to the survivor.

    The public sees the changes of published statements (the first is `published`), their retraction
    (without the text: the statement then answers 410) and every change of speakers, sources and
    memberships; editors, reviewers and admins see drafts' too. The feed starts with one change for each
    object that existed when it was introduced.

    Args:
        after (str | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedChangeList | Problem]
     """


    kwargs = _get_kwargs(
        after=after,
page_size=page_size,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    after: str | Unset = UNSET,
    page_size: int | Unset = UNSET,

) -> PaginatedChangeList | Problem | None:
    """ List changes (the change feed)

     Every change you may see, oldest first, in the order the transactions committed: a partner keeps a
    copy in step by reading it from its start, then polling with the last `cursor`. A cursor never skips
    a committed change and never repeats one, even when transactions commit out of order (a change
    appears once every transaction that began before it has ended).

    - Statements: `created`, `updated` (its text, topics, attributions or relations, an attribution's
    role at the time, a speaker merge that moved an attribution), `published`, `corrected`, `retracted`
    (`note`: the reason) and `deleted` (drafts only: nothing published is deleted).
    - Speakers, sources and memberships: `created`, `updated`, `deleted`; a statement that shows their
    names is not listed again when they change. A merged speaker is `deleted` and its survivor `updated`
    (`note`: the merge), and its id then redirects (308) to the survivor.

    The public sees the changes of published statements (the first is `published`), their retraction
    (without the text: the statement then answers 410) and every change of speakers, sources and
    memberships; editors, reviewers and admins see drafts' too. The feed starts with one change for each
    object that existed when it was introduced.

    Args:
        after (str | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedChangeList | Problem
     """


    return (await asyncio_detailed(
        client=client,
after=after,
page_size=page_size,

    )).parsed
