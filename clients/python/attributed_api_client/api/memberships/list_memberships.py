from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_memberships_ordering_item import ListMembershipsOrderingItem
from ...models.paginated_membership_list import PaginatedMembershipList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    date: datetime.date | Unset = UNSET,
    fields: str | Unset = UNSET,
    ordering: list[ListMembershipsOrderingItem] | Unset = UNSET,
    organization: list[int] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    person: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_date: str | Unset = UNSET
    if not isinstance(date, Unset):
        json_date = date.isoformat()
    params["date"] = json_date

    params["fields"] = fields

    json_ordering: list[str] | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = []
        for ordering_item_data in ordering:
            ordering_item = ordering_item_data.value
            json_ordering.append(ordering_item)


    params["ordering"] = json_ordering

    json_organization: list[int] | Unset = UNSET
    if not isinstance(organization, Unset):
        json_organization = organization


    params["organization"] = json_organization

    params["page"] = page

    params["page_size"] = page_size

    json_person: list[int] | Unset = UNSET
    if not isinstance(person, Unset):
        json_person = person


    params["person"] = json_person

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updated_after"] = json_updated_after


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/memberships/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedMembershipList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedMembershipList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedMembershipList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    date: datetime.date | Unset = UNSET,
    fields: str | Unset = UNSET,
    ordering: list[ListMembershipsOrderingItem] | Unset = UNSET,
    organization: list[int] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    person: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedMembershipList | Problem]:
    """ List memberships

     A page of memberships, filtered and ordered by the query parameters.

    Args:
        date (datetime.date | Unset):
        fields (str | Unset):
        ordering (list[ListMembershipsOrderingItem] | Unset):
        organization (list[int] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        person (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedMembershipList | Problem]
     """


    kwargs = _get_kwargs(
        date=date,
fields=fields,
ordering=ordering,
organization=organization,
page=page,
page_size=page_size,
person=person,
updated_after=updated_after,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    date: datetime.date | Unset = UNSET,
    fields: str | Unset = UNSET,
    ordering: list[ListMembershipsOrderingItem] | Unset = UNSET,
    organization: list[int] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    person: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> PaginatedMembershipList | Problem | None:
    """ List memberships

     A page of memberships, filtered and ordered by the query parameters.

    Args:
        date (datetime.date | Unset):
        fields (str | Unset):
        ordering (list[ListMembershipsOrderingItem] | Unset):
        organization (list[int] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        person (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedMembershipList | Problem
     """


    return sync_detailed(
        client=client,
date=date,
fields=fields,
ordering=ordering,
organization=organization,
page=page,
page_size=page_size,
person=person,
updated_after=updated_after,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    date: datetime.date | Unset = UNSET,
    fields: str | Unset = UNSET,
    ordering: list[ListMembershipsOrderingItem] | Unset = UNSET,
    organization: list[int] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    person: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedMembershipList | Problem]:
    """ List memberships

     A page of memberships, filtered and ordered by the query parameters.

    Args:
        date (datetime.date | Unset):
        fields (str | Unset):
        ordering (list[ListMembershipsOrderingItem] | Unset):
        organization (list[int] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        person (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedMembershipList | Problem]
     """


    kwargs = _get_kwargs(
        date=date,
fields=fields,
ordering=ordering,
organization=organization,
page=page,
page_size=page_size,
person=person,
updated_after=updated_after,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    date: datetime.date | Unset = UNSET,
    fields: str | Unset = UNSET,
    ordering: list[ListMembershipsOrderingItem] | Unset = UNSET,
    organization: list[int] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    person: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> PaginatedMembershipList | Problem | None:
    """ List memberships

     A page of memberships, filtered and ordered by the query parameters.

    Args:
        date (datetime.date | Unset):
        fields (str | Unset):
        ordering (list[ListMembershipsOrderingItem] | Unset):
        organization (list[int] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        person (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedMembershipList | Problem
     """


    return (await asyncio_detailed(
        client=client,
date=date,
fields=fields,
ordering=ordering,
organization=organization,
page=page,
page_size=page_size,
person=person,
updated_after=updated_after,

    )).parsed
