from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...models.test_set import TestSet
from ...models.test_set_from_call_log import TestSetFromCallLog
from ...types import Response


def _get_kwargs(
    *,
    body: TestSetFromCallLog,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/test_framework/test-sets/create_from_call_log/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | FieldErrors | TestSet | None:
    if response.status_code == 200:
        response_200 = TestSet.from_dict(response.json())

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
) -> Response[ErrorDetail | FieldErrors | TestSet]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TestSetFromCallLog,
) -> Response[ErrorDetail | FieldErrors | TestSet]:
    """Turn a production call into a labelled Labs test set

     Copies the call's transcript, recording and current scores into a test set, with one
    review per metric named (its expected value and note). Answers the test set, or the
    one already made from this call.

    Args:
        body (TestSetFromCallLog):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | TestSet]
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
    body: TestSetFromCallLog,
) -> ErrorDetail | FieldErrors | TestSet | None:
    """Turn a production call into a labelled Labs test set

     Copies the call's transcript, recording and current scores into a test set, with one
    review per metric named (its expected value and note). Answers the test set, or the
    one already made from this call.

    Args:
        body (TestSetFromCallLog):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | TestSet
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TestSetFromCallLog,
) -> Response[ErrorDetail | FieldErrors | TestSet]:
    """Turn a production call into a labelled Labs test set

     Copies the call's transcript, recording and current scores into a test set, with one
    review per metric named (its expected value and note). Answers the test set, or the
    one already made from this call.

    Args:
        body (TestSetFromCallLog):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | TestSet]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TestSetFromCallLog,
) -> ErrorDetail | FieldErrors | TestSet | None:
    """Turn a production call into a labelled Labs test set

     Copies the call's transcript, recording and current scores into a test set, with one
    review per metric named (its expected value and note). Answers the test set, or the
    one already made from this call.

    Args:
        body (TestSetFromCallLog):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | TestSet
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
