from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...models.job_started import JobStarted
from ...models.preview_request import PreviewRequest
from ...types import Response


def _get_kwargs(
    *,
    body: PreviewRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/test_framework/v1/metrics/preview/",
    }

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
    body: PreviewRequest,
) -> Response[ErrorDetail | FieldErrors | JobStarted]:
    """Try an unsaved metric on a few calls or runs

     Scores a metric definition that is not stored anywhere on 1 to 10 call logs (or 1 to
    10 simulation runs) and answers a job id at once; poll `preview-progress` for the
    scores. Nothing is saved. Every call or run named must belong to the agent or project
    given. Evaluations cost credits like saved metrics do.

    Args:
        body (PreviewRequest): An unsaved metric and the 1-10 calls (or runs) to try it on.

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
    body: PreviewRequest,
) -> ErrorDetail | FieldErrors | JobStarted | None:
    """Try an unsaved metric on a few calls or runs

     Scores a metric definition that is not stored anywhere on 1 to 10 call logs (or 1 to
    10 simulation runs) and answers a job id at once; poll `preview-progress` for the
    scores. Nothing is saved. Every call or run named must belong to the agent or project
    given. Evaluations cost credits like saved metrics do.

    Args:
        body (PreviewRequest): An unsaved metric and the 1-10 calls (or runs) to try it on.

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
    body: PreviewRequest,
) -> Response[ErrorDetail | FieldErrors | JobStarted]:
    """Try an unsaved metric on a few calls or runs

     Scores a metric definition that is not stored anywhere on 1 to 10 call logs (or 1 to
    10 simulation runs) and answers a job id at once; poll `preview-progress` for the
    scores. Nothing is saved. Every call or run named must belong to the agent or project
    given. Evaluations cost credits like saved metrics do.

    Args:
        body (PreviewRequest): An unsaved metric and the 1-10 calls (or runs) to try it on.

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
    body: PreviewRequest,
) -> ErrorDetail | FieldErrors | JobStarted | None:
    """Try an unsaved metric on a few calls or runs

     Scores a metric definition that is not stored anywhere on 1 to 10 call logs (or 1 to
    10 simulation runs) and answers a job id at once; poll `preview-progress` for the
    scores. Nothing is saved. Every call or run named must belong to the agent or project
    given. Evaluations cost credits like saved metrics do.

    Args:
        body (PreviewRequest): An unsaved metric and the 1-10 calls (or runs) to try it on.

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
