from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_agent_assignment import BulkAgentAssignment
from ...models.bulk_agent_assignment_result import BulkAgentAssignmentResult
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...types import Response


def _get_kwargs(
    *,
    body: BulkAgentAssignment,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/test_framework/v1/metrics/bulk_manage_agents/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BulkAgentAssignmentResult | ErrorDetail | FieldErrors | None:
    if response.status_code == 200:
        response_200 = BulkAgentAssignmentResult.from_dict(response.json())

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
) -> Response[BulkAgentAssignmentResult | ErrorDetail | FieldErrors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkAgentAssignment,
) -> Response[BulkAgentAssignmentResult | ErrorDetail | FieldErrors]:
    """Attach or detach agents on many metrics

     One mode per request; attaching and detaching in one go takes two requests.

    Args:
        body (BulkAgentAssignment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkAgentAssignmentResult | ErrorDetail | FieldErrors]
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
    body: BulkAgentAssignment,
) -> BulkAgentAssignmentResult | ErrorDetail | FieldErrors | None:
    """Attach or detach agents on many metrics

     One mode per request; attaching and detaching in one go takes two requests.

    Args:
        body (BulkAgentAssignment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkAgentAssignmentResult | ErrorDetail | FieldErrors
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkAgentAssignment,
) -> Response[BulkAgentAssignmentResult | ErrorDetail | FieldErrors]:
    """Attach or detach agents on many metrics

     One mode per request; attaching and detaching in one go takes two requests.

    Args:
        body (BulkAgentAssignment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkAgentAssignmentResult | ErrorDetail | FieldErrors]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BulkAgentAssignment,
) -> BulkAgentAssignmentResult | ErrorDetail | FieldErrors | None:
    """Attach or detach agents on many metrics

     One mode per request; attaching and detaching in one go takes two requests.

    Args:
        body (BulkAgentAssignment):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkAgentAssignmentResult | ErrorDetail | FieldErrors
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
