from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.anchor_status_enum import AnchorStatusEnum
from ...models.attribution_mode_enum import AttributionModeEnum
from ...models.export_statements_format import ExportStatementsFormat
from ...models.export_statements_ordering_item import ExportStatementsOrderingItem
from ...models.problem import Problem
from ...models.speaker_kind_enum import SpeakerKindEnum
from ...models.speech_act_enum import SpeechActEnum
from ...models.statement_status_enum import StatementStatusEnum
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    anchor_status: list[AnchorStatusEnum] | Unset = UNSET,
    format_: ExportStatementsFormat | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    member_of: list[int] | Unset = UNSET,
    mode: list[AttributionModeEnum] | Unset = UNSET,
    ordering: list[ExportStatementsOrderingItem] | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str | Unset = UNSET,
    source: list[int] | Unset = UNSET,
    speaker: list[int] | Unset = UNSET,
    speaker_kind: list[SpeakerKindEnum] | Unset = UNSET,
    speech_act: list[SpeechActEnum] | Unset = UNSET,
    stated_after: datetime.date | Unset = UNSET,
    stated_before: datetime.date | Unset = UNSET,
    status: list[StatementStatusEnum] | Unset = UNSET,
    topic: list[str] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_anchor_status: list[str] | Unset = UNSET
    if not isinstance(anchor_status, Unset):
        json_anchor_status = []
        for anchor_status_item_data in anchor_status:
            anchor_status_item = anchor_status_item_data.value
            json_anchor_status.append(anchor_status_item)


    params["anchor_status"] = json_anchor_status

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_language: list[str] | Unset = UNSET
    if not isinstance(language, Unset):
        json_language = language


    params["language"] = json_language

    json_member_of: list[int] | Unset = UNSET
    if not isinstance(member_of, Unset):
        json_member_of = member_of


    params["member_of"] = json_member_of

    json_mode: list[str] | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = []
        for mode_item_data in mode:
            mode_item = mode_item_data.value
            json_mode.append(mode_item)


    params["mode"] = json_mode

    json_ordering: list[str] | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = []
        for ordering_item_data in ordering:
            ordering_item = ordering_item_data.value
            json_ordering.append(ordering_item)


    params["ordering"] = json_ordering

    json_published_after: str | Unset = UNSET
    if not isinstance(published_after, Unset):
        json_published_after = published_after.isoformat()
    params["published_after"] = json_published_after

    json_published_before: str | Unset = UNSET
    if not isinstance(published_before, Unset):
        json_published_before = published_before.isoformat()
    params["published_before"] = json_published_before

    params["publisher"] = publisher

    params["q"] = q

    json_source: list[int] | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source


    params["source"] = json_source

    json_speaker: list[int] | Unset = UNSET
    if not isinstance(speaker, Unset):
        json_speaker = speaker


    params["speaker"] = json_speaker

    json_speaker_kind: list[str] | Unset = UNSET
    if not isinstance(speaker_kind, Unset):
        json_speaker_kind = []
        for speaker_kind_item_data in speaker_kind:
            speaker_kind_item = speaker_kind_item_data.value
            json_speaker_kind.append(speaker_kind_item)


    params["speaker_kind"] = json_speaker_kind

    json_speech_act: list[str] | Unset = UNSET
    if not isinstance(speech_act, Unset):
        json_speech_act = []
        for speech_act_item_data in speech_act:
            speech_act_item = speech_act_item_data.value
            json_speech_act.append(speech_act_item)


    params["speech_act"] = json_speech_act

    json_stated_after: str | Unset = UNSET
    if not isinstance(stated_after, Unset):
        json_stated_after = stated_after.isoformat()
    params["stated_after"] = json_stated_after

    json_stated_before: str | Unset = UNSET
    if not isinstance(stated_before, Unset):
        json_stated_before = stated_before.isoformat()
    params["stated_before"] = json_stated_before

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)


    params["status"] = json_status

    json_topic: list[str] | Unset = UNSET
    if not isinstance(topic, Unset):
        json_topic = topic


    params["topic"] = json_topic

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updated_after"] = json_updated_after


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/statements/export/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    anchor_status: list[AnchorStatusEnum] | Unset = UNSET,
    format_: ExportStatementsFormat | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    member_of: list[int] | Unset = UNSET,
    mode: list[AttributionModeEnum] | Unset = UNSET,
    ordering: list[ExportStatementsOrderingItem] | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str | Unset = UNSET,
    source: list[int] | Unset = UNSET,
    speaker: list[int] | Unset = UNSET,
    speaker_kind: list[SpeakerKindEnum] | Unset = UNSET,
    speech_act: list[SpeechActEnum] | Unset = UNSET,
    stated_after: datetime.date | Unset = UNSET,
    stated_before: datetime.date | Unset = UNSET,
    status: list[StatementStatusEnum] | Unset = UNSET,
    topic: list[str] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> Response[Problem | str]:
    """ Export statements

     Every statement that the filters select (the list's filters; drafts and retracted statements only
    for editors, reviewers and admins), with its attributions, streamed without pagination, in id order
    unless `ordering` says otherwise. With `q`, every statement that matches it, unranked (as the list
    with another ordering than relevance).

    - `ndjson` (the default, `application/x-ndjson`): one statement a line, as `GET /statements/{id}/`
    shows it but without `relations`. `manage.py import_statements` reads these lines back.
    - `csv` (`text/csv`): one row per attribution with the statement's columns repeated (a statement
    without attributions has one row); topics joined with `|`.
    - `jsonld` (`application/ld+json`): one JSON-LD document whose `@graph` holds each statement as a
    schema.org `Claim` (as `GET /statements/{id}/` answers `Accept: application/ld+json`, without
    relations), streamed.

    Choose with `format` or with the `Accept` header.

    Args:
        anchor_status (list[AnchorStatusEnum] | Unset):
        format_ (ExportStatementsFormat | Unset):
        language (list[str] | Unset):
        member_of (list[int] | Unset):
        mode (list[AttributionModeEnum] | Unset):
        ordering (list[ExportStatementsOrderingItem] | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        q (str | Unset):
        source (list[int] | Unset):
        speaker (list[int] | Unset):
        speaker_kind (list[SpeakerKindEnum] | Unset):
        speech_act (list[SpeechActEnum] | Unset):
        stated_after (datetime.date | Unset):
        stated_before (datetime.date | Unset):
        status (list[StatementStatusEnum] | Unset):
        topic (list[str] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        anchor_status=anchor_status,
format_=format_,
language=language,
member_of=member_of,
mode=mode,
ordering=ordering,
published_after=published_after,
published_before=published_before,
publisher=publisher,
q=q,
source=source,
speaker=speaker,
speaker_kind=speaker_kind,
speech_act=speech_act,
stated_after=stated_after,
stated_before=stated_before,
status=status,
topic=topic,
updated_after=updated_after,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    anchor_status: list[AnchorStatusEnum] | Unset = UNSET,
    format_: ExportStatementsFormat | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    member_of: list[int] | Unset = UNSET,
    mode: list[AttributionModeEnum] | Unset = UNSET,
    ordering: list[ExportStatementsOrderingItem] | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str | Unset = UNSET,
    source: list[int] | Unset = UNSET,
    speaker: list[int] | Unset = UNSET,
    speaker_kind: list[SpeakerKindEnum] | Unset = UNSET,
    speech_act: list[SpeechActEnum] | Unset = UNSET,
    stated_after: datetime.date | Unset = UNSET,
    stated_before: datetime.date | Unset = UNSET,
    status: list[StatementStatusEnum] | Unset = UNSET,
    topic: list[str] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> Problem | str | None:
    """ Export statements

     Every statement that the filters select (the list's filters; drafts and retracted statements only
    for editors, reviewers and admins), with its attributions, streamed without pagination, in id order
    unless `ordering` says otherwise. With `q`, every statement that matches it, unranked (as the list
    with another ordering than relevance).

    - `ndjson` (the default, `application/x-ndjson`): one statement a line, as `GET /statements/{id}/`
    shows it but without `relations`. `manage.py import_statements` reads these lines back.
    - `csv` (`text/csv`): one row per attribution with the statement's columns repeated (a statement
    without attributions has one row); topics joined with `|`.
    - `jsonld` (`application/ld+json`): one JSON-LD document whose `@graph` holds each statement as a
    schema.org `Claim` (as `GET /statements/{id}/` answers `Accept: application/ld+json`, without
    relations), streamed.

    Choose with `format` or with the `Accept` header.

    Args:
        anchor_status (list[AnchorStatusEnum] | Unset):
        format_ (ExportStatementsFormat | Unset):
        language (list[str] | Unset):
        member_of (list[int] | Unset):
        mode (list[AttributionModeEnum] | Unset):
        ordering (list[ExportStatementsOrderingItem] | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        q (str | Unset):
        source (list[int] | Unset):
        speaker (list[int] | Unset):
        speaker_kind (list[SpeakerKindEnum] | Unset):
        speech_act (list[SpeechActEnum] | Unset):
        stated_after (datetime.date | Unset):
        stated_before (datetime.date | Unset):
        status (list[StatementStatusEnum] | Unset):
        topic (list[str] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return sync_detailed(
        client=client,
anchor_status=anchor_status,
format_=format_,
language=language,
member_of=member_of,
mode=mode,
ordering=ordering,
published_after=published_after,
published_before=published_before,
publisher=publisher,
q=q,
source=source,
speaker=speaker,
speaker_kind=speaker_kind,
speech_act=speech_act,
stated_after=stated_after,
stated_before=stated_before,
status=status,
topic=topic,
updated_after=updated_after,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    anchor_status: list[AnchorStatusEnum] | Unset = UNSET,
    format_: ExportStatementsFormat | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    member_of: list[int] | Unset = UNSET,
    mode: list[AttributionModeEnum] | Unset = UNSET,
    ordering: list[ExportStatementsOrderingItem] | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str | Unset = UNSET,
    source: list[int] | Unset = UNSET,
    speaker: list[int] | Unset = UNSET,
    speaker_kind: list[SpeakerKindEnum] | Unset = UNSET,
    speech_act: list[SpeechActEnum] | Unset = UNSET,
    stated_after: datetime.date | Unset = UNSET,
    stated_before: datetime.date | Unset = UNSET,
    status: list[StatementStatusEnum] | Unset = UNSET,
    topic: list[str] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> Response[Problem | str]:
    """ Export statements

     Every statement that the filters select (the list's filters; drafts and retracted statements only
    for editors, reviewers and admins), with its attributions, streamed without pagination, in id order
    unless `ordering` says otherwise. With `q`, every statement that matches it, unranked (as the list
    with another ordering than relevance).

    - `ndjson` (the default, `application/x-ndjson`): one statement a line, as `GET /statements/{id}/`
    shows it but without `relations`. `manage.py import_statements` reads these lines back.
    - `csv` (`text/csv`): one row per attribution with the statement's columns repeated (a statement
    without attributions has one row); topics joined with `|`.
    - `jsonld` (`application/ld+json`): one JSON-LD document whose `@graph` holds each statement as a
    schema.org `Claim` (as `GET /statements/{id}/` answers `Accept: application/ld+json`, without
    relations), streamed.

    Choose with `format` or with the `Accept` header.

    Args:
        anchor_status (list[AnchorStatusEnum] | Unset):
        format_ (ExportStatementsFormat | Unset):
        language (list[str] | Unset):
        member_of (list[int] | Unset):
        mode (list[AttributionModeEnum] | Unset):
        ordering (list[ExportStatementsOrderingItem] | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        q (str | Unset):
        source (list[int] | Unset):
        speaker (list[int] | Unset):
        speaker_kind (list[SpeakerKindEnum] | Unset):
        speech_act (list[SpeechActEnum] | Unset):
        stated_after (datetime.date | Unset):
        stated_before (datetime.date | Unset):
        status (list[StatementStatusEnum] | Unset):
        topic (list[str] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
     """


    kwargs = _get_kwargs(
        anchor_status=anchor_status,
format_=format_,
language=language,
member_of=member_of,
mode=mode,
ordering=ordering,
published_after=published_after,
published_before=published_before,
publisher=publisher,
q=q,
source=source,
speaker=speaker,
speaker_kind=speaker_kind,
speech_act=speech_act,
stated_after=stated_after,
stated_before=stated_before,
status=status,
topic=topic,
updated_after=updated_after,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    anchor_status: list[AnchorStatusEnum] | Unset = UNSET,
    format_: ExportStatementsFormat | Unset = UNSET,
    language: list[str] | Unset = UNSET,
    member_of: list[int] | Unset = UNSET,
    mode: list[AttributionModeEnum] | Unset = UNSET,
    ordering: list[ExportStatementsOrderingItem] | Unset = UNSET,
    published_after: datetime.date | Unset = UNSET,
    published_before: datetime.date | Unset = UNSET,
    publisher: str | Unset = UNSET,
    q: str | Unset = UNSET,
    source: list[int] | Unset = UNSET,
    speaker: list[int] | Unset = UNSET,
    speaker_kind: list[SpeakerKindEnum] | Unset = UNSET,
    speech_act: list[SpeechActEnum] | Unset = UNSET,
    stated_after: datetime.date | Unset = UNSET,
    stated_before: datetime.date | Unset = UNSET,
    status: list[StatementStatusEnum] | Unset = UNSET,
    topic: list[str] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,

) -> Problem | str | None:
    """ Export statements

     Every statement that the filters select (the list's filters; drafts and retracted statements only
    for editors, reviewers and admins), with its attributions, streamed without pagination, in id order
    unless `ordering` says otherwise. With `q`, every statement that matches it, unranked (as the list
    with another ordering than relevance).

    - `ndjson` (the default, `application/x-ndjson`): one statement a line, as `GET /statements/{id}/`
    shows it but without `relations`. `manage.py import_statements` reads these lines back.
    - `csv` (`text/csv`): one row per attribution with the statement's columns repeated (a statement
    without attributions has one row); topics joined with `|`.
    - `jsonld` (`application/ld+json`): one JSON-LD document whose `@graph` holds each statement as a
    schema.org `Claim` (as `GET /statements/{id}/` answers `Accept: application/ld+json`, without
    relations), streamed.

    Choose with `format` or with the `Accept` header.

    Args:
        anchor_status (list[AnchorStatusEnum] | Unset):
        format_ (ExportStatementsFormat | Unset):
        language (list[str] | Unset):
        member_of (list[int] | Unset):
        mode (list[AttributionModeEnum] | Unset):
        ordering (list[ExportStatementsOrderingItem] | Unset):
        published_after (datetime.date | Unset):
        published_before (datetime.date | Unset):
        publisher (str | Unset):
        q (str | Unset):
        source (list[int] | Unset):
        speaker (list[int] | Unset):
        speaker_kind (list[SpeakerKindEnum] | Unset):
        speech_act (list[SpeechActEnum] | Unset):
        stated_after (datetime.date | Unset):
        stated_before (datetime.date | Unset):
        status (list[StatementStatusEnum] | Unset):
        topic (list[str] | Unset):
        updated_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
     """


    return (await asyncio_detailed(
        client=client,
anchor_status=anchor_status,
format_=format_,
language=language,
member_of=member_of,
mode=mode,
ordering=ordering,
published_after=published_after,
published_before=published_before,
publisher=publisher,
q=q,
source=source,
speaker=speaker,
speaker_kind=speaker_kind,
speech_act=speech_act,
stated_after=stated_after,
stated_before=stated_before,
status=status,
topic=topic,
updated_after=updated_after,

    )).parsed
