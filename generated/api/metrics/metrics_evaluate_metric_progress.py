from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...models.judge_progress import JudgeProgress
from ...types import UNSET, Response


def _get_kwargs(
    *,
    progress_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["progress_id"] = progress_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/test_framework/v1/metrics/evaluate_metric_progress/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | FieldErrors | JudgeProgress | None:
    if response.status_code == 200:
        response_200 = JudgeProgress.from_dict(response.json())

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
) -> Response[ErrorDetail | FieldErrors | JudgeProgress]:
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
) -> Response[ErrorDetail | FieldErrors | JudgeProgress]:
    """Poll an LLM-judge evaluation

    Args:
        progress_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | JudgeProgress]
    """

    kwargs = _get_kwargs(
        progress_id=progress_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    progress_id: str,
) -> ErrorDetail | FieldErrors | JudgeProgress | None:
    """Poll an LLM-judge evaluation

    Args:
        progress_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | JudgeProgress
    """

    return sync_detailed(
        client=client,
        progress_id=progress_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    progress_id: str,
) -> Response[ErrorDetail | FieldErrors | JudgeProgress]:
    """Poll an LLM-judge evaluation

    Args:
        progress_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | JudgeProgress]
    """

    kwargs = _get_kwargs(
        progress_id=progress_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    progress_id: str,
) -> ErrorDetail | FieldErrors | JudgeProgress | None:
    """Poll an LLM-judge evaluation

    Args:
        progress_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | JudgeProgress
    """

    return (
        await asyncio_detailed(
            client=client,
            progress_id=progress_id,
        )
    ).parsed
