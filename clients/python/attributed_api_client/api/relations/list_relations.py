from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.list_relations_ordering_item import ListRelationsOrderingItem
from ...models.paginated_relation_list import PaginatedRelationList
from ...models.problem import Problem
from ...models.relation_kind_enum import RelationKindEnum
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    fields: str | Unset = UNSET,
    from_statement: list[int] | Unset = UNSET,
    kind: list[RelationKindEnum] | Unset = UNSET,
    ordering: list[ListRelationsOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    statement: list[int] | Unset = UNSET,
    to_statement: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["fields"] = fields

    json_from_statement: list[int] | Unset = UNSET
    if not isinstance(from_statement, Unset):
        json_from_statement = from_statement


    params["from_statement"] = json_from_statement

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = []
        for kind_item_data in kind:
            kind_item = kind_item_data.value
            json_kind.append(kind_item)


    params["kind"] = json_kind

    json_ordering: list[str] | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = []
        for ordering_item_data in ordering:
            ordering_item = ordering_item_data.value
            json_ordering.append(ordering_item)


    params["ordering"] = json_ordering

    params["page"] = page

    params["page_size"] = page_size

    json_statement: list[int] | Unset = UNSET
    if not isinstance(statement, Unset):
        json_statement = statement


    params["statement"] = json_statement

    json_to_statement: list[int] | Unset = UNSET
    if not isinstance(to_statement, Unset):
        json_to_statement = to_statement


    params["to_statement"] = json_to_statement

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updated_after"] = json_updated_after


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/relations/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedRelationList | Problem | None:
    if response.status_code == 200:
        response_200 = PaginatedRelationList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedRelationList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    from_statement: list[int] | Unset = UNSET,
    kind: list[RelationKindEnum] | Unset = UNSET,
    ordering: list[ListRelationsOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    statement: list[int] | Unset = UNSET,
    to_statement: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedRelationList | Problem]:
    """ List relations

     A page of relations, filtered and ordered by the query parameters.

    Args:
        fields (str | Unset):
        from_statement (list[int] | Unset):
        kind (list[RelationKindEnum] | Unset):
        ordering (list[ListRelationsOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        statement (list[int] | Unset):
        to_statement (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedRelationList | Problem]
     """


    kwargs = _get_kwargs(
        fields=fields,
from_statement=from_statement,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
statement=statement,
to_statement=to_statement,
updated_after=updated_after,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    from_statement: list[int] | Unset = UNSET,
    kind: list[RelationKindEnum] | Unset = UNSET,
    ordering: list[ListRelationsOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    statement: list[int] | Unset = UNSET,
    to_statement: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> PaginatedRelationList | Problem | None:
    """ List relations

     A page of relations, filtered and ordered by the query parameters.

    Args:
        fields (str | Unset):
        from_statement (list[int] | Unset):
        kind (list[RelationKindEnum] | Unset):
        ordering (list[ListRelationsOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        statement (list[int] | Unset):
        to_statement (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedRelationList | Problem
     """


    return sync_detailed(
        client=client,
fields=fields,
from_statement=from_statement,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
statement=statement,
to_statement=to_statement,
updated_after=updated_after,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    from_statement: list[int] | Unset = UNSET,
    kind: list[RelationKindEnum] | Unset = UNSET,
    ordering: list[ListRelationsOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    statement: list[int] | Unset = UNSET,
    to_statement: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> Response[PaginatedRelationList | Problem]:
    """ List relations

     A page of relations, filtered and ordered by the query parameters.

    Args:
        fields (str | Unset):
        from_statement (list[int] | Unset):
        kind (list[RelationKindEnum] | Unset):
        ordering (list[ListRelationsOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        statement (list[int] | Unset):
        to_statement (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedRelationList | Problem]
     """


    kwargs = _get_kwargs(
        fields=fields,
from_statement=from_statement,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
statement=statement,
to_statement=to_statement,
updated_after=updated_after,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    fields: str | Unset = UNSET,
    from_statement: list[int] | Unset = UNSET,
    kind: list[RelationKindEnum] | Unset = UNSET,
    ordering: list[ListRelationsOrderingItem] | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    statement: list[int] | Unset = UNSET,
    to_statement: list[int] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> PaginatedRelationList | Problem | None:
    """ List relations

     A page of relations, filtered and ordered by the query parameters.

    Args:
        fields (str | Unset):
        from_statement (list[int] | Unset):
        kind (list[RelationKindEnum] | Unset):
        ordering (list[ListRelationsOrderingItem] | Unset):
        page (int | Unset):
        page_size (int | Unset):
        statement (list[int] | Unset):
        to_statement (list[int] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedRelationList | Problem
     """


    return (await asyncio_detailed(
        client=client,
fields=fields,
from_statement=from_statement,
kind=kind,
ordering=ordering,
page=page,
page_size=page_size,
statement=statement,
to_statement=to_statement,
updated_after=updated_after,

    )).parsed
