from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...models.job_started import JobStarted
from ...models.judge_request import JudgeRequest
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: JudgeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/test_framework/v1/metrics/{id}/evaluate_llm_judge_metric/".format(
            id=quote(str(id), safe=""),
        ),
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

    if response.status_code == 404:
        response_404 = ErrorDetail.from_dict(response.json())

        return response_404

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
    id: int,
    *,
    client: AuthenticatedClient | Client,
    body: JudgeRequest,
) -> Response[ErrorDetail | FieldErrors | JobStarted]:
    """Ask the LLM judge a question about one call's payload, on behalf of a metric

     What custom-code metrics reach through their `evaluate_llm_judge_metric(data, ...)`
    helper: the judge evaluates `description` (the criterion) against `data` (the call's
    payload) as a metric of the given `eval_type` would, in the background; poll
    `evaluate_metric_progress` for the verdict. Nothing is saved. Costs credits like an
    LLM-judge evaluation does.

    Args:
        id (int):
        body (JudgeRequest): One question for the LLM judge, about one call's payload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | JobStarted]
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
    body: JudgeRequest,
) -> ErrorDetail | FieldErrors | JobStarted | None:
    """Ask the LLM judge a question about one call's payload, on behalf of a metric

     What custom-code metrics reach through their `evaluate_llm_judge_metric(data, ...)`
    helper: the judge evaluates `description` (the criterion) against `data` (the call's
    payload) as a metric of the given `eval_type` would, in the background; poll
    `evaluate_metric_progress` for the verdict. Nothing is saved. Costs credits like an
    LLM-judge evaluation does.

    Args:
        id (int):
        body (JudgeRequest): One question for the LLM judge, about one call's payload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | JobStarted
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
    body: JudgeRequest,
) -> Response[ErrorDetail | FieldErrors | JobStarted]:
    """Ask the LLM judge a question about one call's payload, on behalf of a metric

     What custom-code metrics reach through their `evaluate_llm_judge_metric(data, ...)`
    helper: the judge evaluates `description` (the criterion) against `data` (the call's
    payload) as a metric of the given `eval_type` would, in the background; poll
    `evaluate_metric_progress` for the verdict. Nothing is saved. Costs credits like an
    LLM-judge evaluation does.

    Args:
        id (int):
        body (JudgeRequest): One question for the LLM judge, about one call's payload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | JobStarted]
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
    body: JudgeRequest,
) -> ErrorDetail | FieldErrors | JobStarted | None:
    """Ask the LLM judge a question about one call's payload, on behalf of a metric

     What custom-code metrics reach through their `evaluate_llm_judge_metric(data, ...)`
    helper: the judge evaluates `description` (the criterion) against `data` (the call's
    payload) as a metric of the given `eval_type` would, in the background; poll
    `evaluate_metric_progress` for the verdict. Nothing is saved. Costs credits like an
    LLM-judge evaluation does.

    Args:
        id (int):
        body (JudgeRequest): One question for the LLM judge, about one call's payload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | JobStarted
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
