from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...models.results_bulk_evaluate_metrics import ResultsBulkEvaluateMetrics
from ...types import Response


def _get_kwargs(
    *,
    body: ResultsBulkEvaluateMetrics,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/test_framework/v1/results/bulk_evaluate_metrics/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorDetail | FieldErrors | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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
) -> Response[Any | ErrorDetail | FieldErrors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ResultsBulkEvaluateMetrics,
) -> Response[Any | ErrorDetail | FieldErrors]:
    """Re-score every finished run of up to 100 results

     Schedules the named metrics on every completed or failed run of each result; the
    results show `running` until the scores land. The balance is checked for the whole
    batch before anything starts. No new call is placed.

    Args:
        body (ResultsBulkEvaluateMetrics):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorDetail | FieldErrors]
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
    body: ResultsBulkEvaluateMetrics,
) -> Any | ErrorDetail | FieldErrors | None:
    """Re-score every finished run of up to 100 results

     Schedules the named metrics on every completed or failed run of each result; the
    results show `running` until the scores land. The balance is checked for the whole
    batch before anything starts. No new call is placed.

    Args:
        body (ResultsBulkEvaluateMetrics):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorDetail | FieldErrors
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ResultsBulkEvaluateMetrics,
) -> Response[Any | ErrorDetail | FieldErrors]:
    """Re-score every finished run of up to 100 results

     Schedules the named metrics on every completed or failed run of each result; the
    results show `running` until the scores land. The balance is checked for the whole
    batch before anything starts. No new call is placed.

    Args:
        body (ResultsBulkEvaluateMetrics):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorDetail | FieldErrors]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ResultsBulkEvaluateMetrics,
) -> Any | ErrorDetail | FieldErrors | None:
    """Re-score every finished run of up to 100 results

     Schedules the named metrics on every completed or failed run of each result; the
    results show `running` until the scores land. The balance is checked for the whole
    batch before anything starts. No new call is placed.

    Args:
        body (ResultsBulkEvaluateMetrics):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorDetail | FieldErrors
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
