from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.call_log_vote_answer import CallLogVoteAnswer
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...models.metric_vote import MetricVote
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: MetricVote,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/observability/v1/call-logs/{id}/mark_metric_vote/".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CallLogVoteAnswer | ErrorDetail | FieldErrors | None:
    if response.status_code == 200:
        response_200 = CallLogVoteAnswer.from_dict(response.json())

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
) -> Response[CallLogVoteAnswer | ErrorDetail | FieldErrors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: MetricVote,
) -> Response[CallLogVoteAnswer | ErrorDetail | FieldErrors]:
    """Vote on a metric's judgment of a call

     Thumbs up or down on one metric's score for this call, optionally with the value the
    metric should have answered and a note. The call counts as reviewed afterwards.

    Args:
        id (int):
        body (MetricVote):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallLogVoteAnswer | ErrorDetail | FieldErrors]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: MetricVote,
) -> CallLogVoteAnswer | ErrorDetail | FieldErrors | None:
    """Vote on a metric's judgment of a call

     Thumbs up or down on one metric's score for this call, optionally with the value the
    metric should have answered and a note. The call counts as reviewed afterwards.

    Args:
        id (int):
        body (MetricVote):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallLogVoteAnswer | ErrorDetail | FieldErrors
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: MetricVote,
) -> Response[CallLogVoteAnswer | ErrorDetail | FieldErrors]:
    """Vote on a metric's judgment of a call

     Thumbs up or down on one metric's score for this call, optionally with the value the
    metric should have answered and a note. The call counts as reviewed afterwards.

    Args:
        id (int):
        body (MetricVote):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CallLogVoteAnswer | ErrorDetail | FieldErrors]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: MetricVote,
) -> CallLogVoteAnswer | ErrorDetail | FieldErrors | None:
    """Vote on a metric's judgment of a call

     Thumbs up or down on one metric's score for this call, optionally with the value the
    metric should have answered and a note. The call counts as reviewed afterwards.

    Args:
        id (int):
        body (MetricVote):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CallLogVoteAnswer | ErrorDetail | FieldErrors
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
