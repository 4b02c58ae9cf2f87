from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_toggle_settings import BulkToggleSettings
from ...models.bulk_toggle_settings_result import BulkToggleSettingsResult
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...types import Response


def _get_kwargs(
    *,
    body: BulkToggleSettings,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/test_framework/v1/metrics/bulk-toggle-settings/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BulkToggleSettingsResult | ErrorDetail | FieldErrors | None:
    if response.status_code == 200:
        response_200 = BulkToggleSettingsResult.from_dict(response.json())

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
) -> Response[BulkToggleSettingsResult | ErrorDetail | FieldErrors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkToggleSettings,
) -> Response[BulkToggleSettingsResult | ErrorDetail | FieldErrors]:
    """Switch boolean settings on many metrics

     Our definition: upstream describes this body with the full metric schema, which does
    not fit a bulk switch. We send `metric_ids` plus one or more boolean settings, and
    the service answers how many metrics changed.

    Args:
        body (BulkToggleSettings): Our definition: the metrics to change and the boolean settings
            to give them (at least one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkToggleSettingsResult | ErrorDetail | FieldErrors]
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
    body: BulkToggleSettings,
) -> BulkToggleSettingsResult | ErrorDetail | FieldErrors | None:
    """Switch boolean settings on many metrics

     Our definition: upstream describes this body with the full metric schema, which does
    not fit a bulk switch. We send `metric_ids` plus one or more boolean settings, and
    the service answers how many metrics changed.

    Args:
        body (BulkToggleSettings): Our definition: the metrics to change and the boolean settings
            to give them (at least one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkToggleSettingsResult | ErrorDetail | FieldErrors
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkToggleSettings,
) -> Response[BulkToggleSettingsResult | ErrorDetail | FieldErrors]:
    """Switch boolean settings on many metrics

     Our definition: upstream describes this body with the full metric schema, which does
    not fit a bulk switch. We send `metric_ids` plus one or more boolean settings, and
    the service answers how many metrics changed.

    Args:
        body (BulkToggleSettings): Our definition: the metrics to change and the boolean settings
            to give them (at least one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkToggleSettingsResult | ErrorDetail | FieldErrors]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BulkToggleSettings,
) -> BulkToggleSettingsResult | ErrorDetail | FieldErrors | None:
    """Switch boolean settings on many metrics

     Our definition: upstream describes this body with the full metric schema, which does
    not fit a bulk switch. We send `metric_ids` plus one or more boolean settings, and
    the service answers how many metrics changed.

    Args:
        body (BulkToggleSettings): Our definition: the metrics to change and the boolean settings
            to give them (at least one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkToggleSettingsResult | ErrorDetail | FieldErrors
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
