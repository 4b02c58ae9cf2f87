import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.call_log_page import CallLogPage
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    timestamp_from: datetime.datetime | Unset = UNSET,
    timestamp_to: datetime.datetime | Unset = UNSET,
    call_ids: str | Unset = UNSET,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
    assistant_id: str | Unset = UNSET,
    filters_v2: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    json_timestamp_from: str | Unset = UNSET
    if not isinstance(timestamp_from, Unset):
        json_timestamp_from = timestamp_from.isoformat()
    params["timestamp_from"] = json_timestamp_from

    json_timestamp_to: str | Unset = UNSET
    if not isinstance(timestamp_to, Unset):
        json_timestamp_to = timestamp_to.isoformat()
    params["timestamp_to"] = json_timestamp_to

    params["call_ids"] = call_ids

    params["agent_id"] = agent_id

    params["project_id"] = project_id

    params["assistant_id"] = assistant_id

    params["filters_v2"] = filters_v2

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/observability/v1/call-logs/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CallLogPage | ErrorDetail | FieldErrors | None:
    if response.status_code == 200:
        response_200 = CallLogPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = FieldErrors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorDetail.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorDetail.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CallLogPage | ErrorDetail | FieldErrors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    timestamp_from: datetime.datetime | Unset = UNSET,
    timestamp_to: datetime.datetime | Unset = UNSET,
    call_ids: str | Unset = UNSET,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
    assistant_id: str | Unset = UNSET,
    filters_v2: str | Unset = UNSET,
) -> Response[CallLogPage | ErrorDetail | FieldErrors]:
    """List production calls (paginated)

     Production calls only (simulations live under results and runs). Scope the list with
    `agent_id` or `project_id`. Without a time range the last 30 days are listed; a range
    may span at most 33 days.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        timestamp_from (datetime.datetime | Unset):
        timestamp_to (datetime.datetime | Unset):
        call_ids (str | Unset):
        agent_id (int | Unset):
        project_id (int | Unset):
        assistant_id (str | Unset):
        filters_v2 (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallLogPage | ErrorDetail | FieldErrors]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        timestamp_from=timestamp_from,
        timestamp_to=timestamp_to,
        call_ids=call_ids,
        agent_id=agent_id,
        project_id=project_id,
        assistant_id=assistant_id,
        filters_v2=filters_v2,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    timestamp_from: datetime.datetime | Unset = UNSET,
    timestamp_to: datetime.datetime | Unset = UNSET,
    call_ids: str | Unset = UNSET,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
    assistant_id: str | Unset = UNSET,
    filters_v2: str | Unset = UNSET,
) -> CallLogPage | ErrorDetail | FieldErrors | None:
    """List production calls (paginated)

     Production calls only (simulations live under results and runs). Scope the list with
    `agent_id` or `project_id`. Without a time range the last 30 days are listed; a range
    may span at most 33 days.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        timestamp_from (datetime.datetime | Unset):
        timestamp_to (datetime.datetime | Unset):
        call_ids (str | Unset):
        agent_id (int | Unset):
        project_id (int | Unset):
        assistant_id (str | Unset):
        filters_v2 (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallLogPage | ErrorDetail | FieldErrors
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        timestamp_from=timestamp_from,
        timestamp_to=timestamp_to,
        call_ids=call_ids,
        agent_id=agent_id,
        project_id=project_id,
        assistant_id=assistant_id,
        filters_v2=filters_v2,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    timestamp_from: datetime.datetime | Unset = UNSET,
    timestamp_to: datetime.datetime | Unset = UNSET,
    call_ids: str | Unset = UNSET,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
    assistant_id: str | Unset = UNSET,
    filters_v2: str | Unset = UNSET,
) -> Response[CallLogPage | ErrorDetail | FieldErrors]:
    """List production calls (paginated)

     Production calls only (simulations live under results and runs). Scope the list with
    `agent_id` or `project_id`. Without a time range the last 30 days are listed; a range
    may span at most 33 days.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        timestamp_from (datetime.datetime | Unset):
        timestamp_to (datetime.datetime | Unset):
        call_ids (str | Unset):
        agent_id (int | Unset):
        project_id (int | Unset):
        assistant_id (str | Unset):
        filters_v2 (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallLogPage | ErrorDetail | FieldErrors]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        timestamp_from=timestamp_from,
        timestamp_to=timestamp_to,
        call_ids=call_ids,
        agent_id=agent_id,
        project_id=project_id,
        assistant_id=assistant_id,
        filters_v2=filters_v2,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    timestamp_from: datetime.datetime | Unset = UNSET,
    timestamp_to: datetime.datetime | Unset = UNSET,
    call_ids: str | Unset = UNSET,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
    assistant_id: str | Unset = UNSET,
    filters_v2: str | Unset = UNSET,
) -> CallLogPage | ErrorDetail | FieldErrors | None:
    """List production calls (paginated)

     Production calls only (simulations live under results and runs). Scope the list with
    `agent_id` or `project_id`. Without a time range the last 30 days are listed; a range
    may span at most 33 days.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        timestamp_from (datetime.datetime | Unset):
        timestamp_to (datetime.datetime | Unset):
        call_ids (str | Unset):
        agent_id (int | Unset):
        project_id (int | Unset):
        assistant_id (str | Unset):
        filters_v2 (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallLogPage | ErrorDetail | FieldErrors
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            timestamp_from=timestamp_from,
            timestamp_to=timestamp_to,
            call_ids=call_ids,
            agent_id=agent_id,
            project_id=project_id,
            assistant_id=assistant_id,
            filters_v2=filters_v2,
        )
    ).parsed
