from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.call_log_summary import CallLogSummary
from ...models.calls_evaluate_metrics import CallsEvaluateMetrics
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...types import Response


def _get_kwargs(
    *,
    body: CallsEvaluateMetrics,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/observability/v1/call-logs/evaluate_metrics/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | FieldErrors | list[CallLogSummary] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = CallLogSummary.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = FieldErrors.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorDetail.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = ErrorDetail.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorDetail | FieldErrors | list[CallLogSummary]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CallsEvaluateMetrics,
) -> Response[ErrorDetail | FieldErrors | list[CallLogSummary]]:
    """Score calls with chosen metrics

     Runs the named metrics on the named calls in the background and answers the calls as
    they are now; fetch a call again to see its new scores. The metrics must belong to the
    agent or project given. Costs credits per call and metric; may answer 429 with
    Retry-After. Known upstream bug: the service ignores `metrics` and runs every metric
    assigned to the agent.

    Args:
        body (CallsEvaluateMetrics): The calls to score and the metrics to score them with; name
            the agent or the project.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | list[CallLogSummary]]
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
    body: CallsEvaluateMetrics,
) -> ErrorDetail | FieldErrors | list[CallLogSummary] | None:
    """Score calls with chosen metrics

     Runs the named metrics on the named calls in the background and answers the calls as
    they are now; fetch a call again to see its new scores. The metrics must belong to the
    agent or project given. Costs credits per call and metric; may answer 429 with
    Retry-After. Known upstream bug: the service ignores `metrics` and runs every metric
    assigned to the agent.

    Args:
        body (CallsEvaluateMetrics): The calls to score and the metrics to score them with; name
            the agent or the project.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | list[CallLogSummary]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CallsEvaluateMetrics,
) -> Response[ErrorDetail | FieldErrors | list[CallLogSummary]]:
    """Score calls with chosen metrics

     Runs the named metrics on the named calls in the background and answers the calls as
    they are now; fetch a call again to see its new scores. The metrics must belong to the
    agent or project given. Costs credits per call and metric; may answer 429 with
    Retry-After. Known upstream bug: the service ignores `metrics` and runs every metric
    assigned to the agent.

    Args:
        body (CallsEvaluateMetrics): The calls to score and the metrics to score them with; name
            the agent or the project.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | list[CallLogSummary]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CallsEvaluateMetrics,
) -> ErrorDetail | FieldErrors | list[CallLogSummary] | None:
    """Score calls with chosen metrics

     Runs the named metrics on the named calls in the background and answers the calls as
    they are now; fetch a call again to see its new scores. The metrics must belong to the
    agent or project given. Costs credits per call and metric; may answer 429 with
    Retry-After. Known upstream bug: the service ignores `metrics` and runs every metric
    assigned to the agent.

    Args:
        body (CallsEvaluateMetrics): The calls to score and the metrics to score them with; name
            the agent or the project.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | list[CallLogSummary]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
