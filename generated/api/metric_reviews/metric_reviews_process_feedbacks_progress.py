from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.feedback_progress import FeedbackProgress
from ...models.field_errors import FieldErrors
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    progress_id: str,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["progress_id"] = progress_id

    params["agent_id"] = agent_id

    params["project_id"] = project_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/test_framework/metric-reviews/process_feedbacks_progress/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | FeedbackProgress | FieldErrors | None:
    if response.status_code == 200:
        response_200 = FeedbackProgress.from_dict(response.json())

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
) -> Response[ErrorDetail | FeedbackProgress | FieldErrors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    progress_id: str,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
) -> Response[ErrorDetail | FeedbackProgress | FieldErrors]:
    """Poll a feedback-processing job

    Args:
        progress_id (str):
        agent_id (int | Unset):
        project_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FeedbackProgress | FieldErrors]
    """

    kwargs = _get_kwargs(
        progress_id=progress_id,
        agent_id=agent_id,
        project_id=project_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    progress_id: str,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
) -> ErrorDetail | FeedbackProgress | FieldErrors | None:
    """Poll a feedback-processing job

    Args:
        progress_id (str):
        agent_id (int | Unset):
        project_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FeedbackProgress | FieldErrors
    """

    return sync_detailed(
        client=client,
        progress_id=progress_id,
        agent_id=agent_id,
        project_id=project_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    progress_id: str,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
) -> Response[ErrorDetail | FeedbackProgress | FieldErrors]:
    """Poll a feedback-processing job

    Args:
        progress_id (str):
        agent_id (int | Unset):
        project_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FeedbackProgress | FieldErrors]
    """

    kwargs = _get_kwargs(
        progress_id=progress_id,
        agent_id=agent_id,
        project_id=project_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    progress_id: str,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
) -> ErrorDetail | FeedbackProgress | FieldErrors | None:
    """Poll a feedback-processing job

    Args:
        progress_id (str):
        agent_id (int | Unset):
        project_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FeedbackProgress | FieldErrors
    """

    return (
        await asyncio_detailed(
            client=client,
            progress_id=progress_id,
            agent_id=agent_id,
            project_id=project_id,
        )
    ).parsed
