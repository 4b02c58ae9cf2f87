from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.call_log import CallLog
from ...models.calls_rerun_evaluation import CallsRerunEvaluation
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...types import Response


def _get_kwargs(
    *,
    body: CallsRerunEvaluation,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/observability/v1/call-logs/rerun_evaluation/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | FieldErrors | list[CallLog] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = CallLog.from_dict(response_200_item_data)

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
) -> Response[ErrorDetail | FieldErrors | list[CallLog]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CallsRerunEvaluation,
) -> Response[ErrorDetail | FieldErrors | list[CallLog]]:
    """Re-score calls with every metric assigned to their agent

     Takes no list of metrics: every metric of the agent runs again. `call_logs` is a list
    of ids or the word `all` (every call of the agent). Calls not yet reviewed get their
    `success` reset until the new scores land. May answer 429 with Retry-After.

    Args:
        body (CallsRerunEvaluation): Name the agent by id or by assistant id (not both).
            Our definition of the required set: upstream marks both agent ids required, while its
            own text and examples send only one of them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | list[CallLog]]
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
    body: CallsRerunEvaluation,
) -> ErrorDetail | FieldErrors | list[CallLog] | None:
    """Re-score calls with every metric assigned to their agent

     Takes no list of metrics: every metric of the agent runs again. `call_logs` is a list
    of ids or the word `all` (every call of the agent). Calls not yet reviewed get their
    `success` reset until the new scores land. May answer 429 with Retry-After.

    Args:
        body (CallsRerunEvaluation): Name the agent by id or by assistant id (not both).
            Our definition of the required set: upstream marks both agent ids required, while its
            own text and examples send only one of them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | list[CallLog]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CallsRerunEvaluation,
) -> Response[ErrorDetail | FieldErrors | list[CallLog]]:
    """Re-score calls with every metric assigned to their agent

     Takes no list of metrics: every metric of the agent runs again. `call_logs` is a list
    of ids or the word `all` (every call of the agent). Calls not yet reviewed get their
    `success` reset until the new scores land. May answer 429 with Retry-After.

    Args:
        body (CallsRerunEvaluation): Name the agent by id or by assistant id (not both).
            Our definition of the required set: upstream marks both agent ids required, while its
            own text and examples send only one of them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | list[CallLog]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CallsRerunEvaluation,
) -> ErrorDetail | FieldErrors | list[CallLog] | None:
    """Re-score calls with every metric assigned to their agent

     Takes no list of metrics: every metric of the agent runs again. `call_logs` is a list
    of ids or the word `all` (every call of the agent). Calls not yet reviewed get their
    `success` reset until the new scores land. May answer 429 with Retry-After.

    Args:
        body (CallsRerunEvaluation): Name the agent by id or by assistant id (not both).
            Our definition of the required set: upstream marks both agent ids required, while its
            own text and examples send only one of them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | list[CallLog]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
