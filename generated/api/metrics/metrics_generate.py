from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...models.generate_metrics_request import GenerateMetricsRequest
from ...models.job_started import JobStarted
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: GenerateMetricsRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/test_framework/v1/metrics/generate_metrics/",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | FieldErrors | JobStarted | None:
    if response.status_code == 200:
        response_200 = JobStarted.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = FieldErrors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorDetail.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorDetail | FieldErrors | JobStarted]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateMetricsRequest | Unset = UNSET,
) -> Response[ErrorDetail | FieldErrors | JobStarted]:
    """Start proposing metrics for an agent

     Starts a background job and answers its `progress_id` at once. Poll
    `generate_metrics_progress` for the proposals; they are not saved until you pass
    them to bulk create. The agent needs a description of 100 characters or more.

    Args:
        body (GenerateMetricsRequest | Unset): Name the agent by id or by external assistant id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | JobStarted]
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
    client: AuthenticatedClient | Client,
    body: GenerateMetricsRequest | Unset = UNSET,
) -> ErrorDetail | FieldErrors | JobStarted | None:
    """Start proposing metrics for an agent

     Starts a background job and answers its `progress_id` at once. Poll
    `generate_metrics_progress` for the proposals; they are not saved until you pass
    them to bulk create. The agent needs a description of 100 characters or more.

    Args:
        body (GenerateMetricsRequest | Unset): Name the agent by id or by external assistant id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | JobStarted
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateMetricsRequest | Unset = UNSET,
) -> Response[ErrorDetail | FieldErrors | JobStarted]:
    """Start proposing metrics for an agent

     Starts a background job and answers its `progress_id` at once. Poll
    `generate_metrics_progress` for the proposals; they are not saved until you pass
    them to bulk create. The agent needs a description of 100 characters or more.

    Args:
        body (GenerateMetricsRequest | Unset): Name the agent by id or by external assistant id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | JobStarted]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GenerateMetricsRequest | Unset = UNSET,
) -> ErrorDetail | FieldErrors | JobStarted | None:
    """Start proposing metrics for an agent

     Starts a background job and answers its `progress_id` at once. Poll
    `generate_metrics_progress` for the proposals; they are not saved until you pass
    them to bulk create. The agent needs a description of 100 characters or more.

    Args:
        body (GenerateMetricsRequest | Unset): Name the agent by id or by external assistant id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | JobStarted
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
