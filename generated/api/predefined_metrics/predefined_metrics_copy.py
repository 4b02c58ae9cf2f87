from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...models.metric_list_item import MetricListItem
from ...models.predefined_metric_copy import PredefinedMetricCopy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PredefinedMetricCopy | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/test_framework/v1/predefined-metrics/copy/",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | FieldErrors | list[MetricListItem] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = MetricListItem.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[ErrorDetail | FieldErrors | list[MetricListItem]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PredefinedMetricCopy | Unset = UNSET,
) -> Response[ErrorDetail | FieldErrors | list[MetricListItem]]:
    """Add catalog metrics to a project or an agent

     The only way to turn a predefined metric on: it is copied into your project (or
    onto an agent) as a metric of your own. Name the entries by catalog id or by code.

    Args:
        body (PredefinedMetricCopy | Unset): Which catalog entries to copy, and where to (a
            project or an agent, not both).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | list[MetricListItem]]
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
    body: PredefinedMetricCopy | Unset = UNSET,
) -> ErrorDetail | FieldErrors | list[MetricListItem] | None:
    """Add catalog metrics to a project or an agent

     The only way to turn a predefined metric on: it is copied into your project (or
    onto an agent) as a metric of your own. Name the entries by catalog id or by code.

    Args:
        body (PredefinedMetricCopy | Unset): Which catalog entries to copy, and where to (a
            project or an agent, not both).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | list[MetricListItem]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PredefinedMetricCopy | Unset = UNSET,
) -> Response[ErrorDetail | FieldErrors | list[MetricListItem]]:
    """Add catalog metrics to a project or an agent

     The only way to turn a predefined metric on: it is copied into your project (or
    onto an agent) as a metric of your own. Name the entries by catalog id or by code.

    Args:
        body (PredefinedMetricCopy | Unset): Which catalog entries to copy, and where to (a
            project or an agent, not both).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | list[MetricListItem]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PredefinedMetricCopy | Unset = UNSET,
) -> ErrorDetail | FieldErrors | list[MetricListItem] | None:
    """Add catalog metrics to a project or an agent

     The only way to turn a predefined metric on: it is copied into your project (or
    onto an agent) as a metric of your own. Name the entries by catalog id or by code.

    Args:
        body (PredefinedMetricCopy | Unset): Which catalog entries to copy, and where to (a
            project or an agent, not both).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | list[MetricListItem]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
