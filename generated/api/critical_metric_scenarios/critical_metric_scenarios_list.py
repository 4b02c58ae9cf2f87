from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.critical_metric_scenario_page import CriticalMetricScenarioPage
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    agent_id: int | Unset = UNSET,
    category_id: int | Unset = UNSET,
    metric_id: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    params["agent_id"] = agent_id

    params["category_id"] = category_id

    params["metric_id"] = metric_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/test_framework/v1/critical-metric-scenarios/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CriticalMetricScenarioPage | ErrorDetail | FieldErrors | None:
    if response.status_code == 200:
        response_200 = CriticalMetricScenarioPage.from_dict(response.json())

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
) -> Response[CriticalMetricScenarioPage | ErrorDetail | FieldErrors]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    agent_id: int | Unset = UNSET,
    category_id: int | Unset = UNSET,
    metric_id: int | Unset = UNSET,
) -> Response[CriticalMetricScenarioPage | ErrorDetail | FieldErrors]:
    """List critical metric scenarios (paginated)

     Answers one page in a `{count, next, previous, results}` envelope. With an API key
    the list is already scoped to your organisation; the id filters narrow it further.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        agent_id (int | Unset):
        category_id (int | Unset):
        metric_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CriticalMetricScenarioPage | ErrorDetail | FieldErrors]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        agent_id=agent_id,
        category_id=category_id,
        metric_id=metric_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    agent_id: int | Unset = UNSET,
    category_id: int | Unset = UNSET,
    metric_id: int | Unset = UNSET,
) -> CriticalMetricScenarioPage | ErrorDetail | FieldErrors | None:
    """List critical metric scenarios (paginated)

     Answers one page in a `{count, next, previous, results}` envelope. With an API key
    the list is already scoped to your organisation; the id filters narrow it further.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        agent_id (int | Unset):
        category_id (int | Unset):
        metric_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CriticalMetricScenarioPage | ErrorDetail | FieldErrors
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        agent_id=agent_id,
        category_id=category_id,
        metric_id=metric_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    agent_id: int | Unset = UNSET,
    category_id: int | Unset = UNSET,
    metric_id: int | Unset = UNSET,
) -> Response[CriticalMetricScenarioPage | ErrorDetail | FieldErrors]:
    """List critical metric scenarios (paginated)

     Answers one page in a `{count, next, previous, results}` envelope. With an API key
    the list is already scoped to your organisation; the id filters narrow it further.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        agent_id (int | Unset):
        category_id (int | Unset):
        metric_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CriticalMetricScenarioPage | ErrorDetail | FieldErrors]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        agent_id=agent_id,
        category_id=category_id,
        metric_id=metric_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    agent_id: int | Unset = UNSET,
    category_id: int | Unset = UNSET,
    metric_id: int | Unset = UNSET,
) -> CriticalMetricScenarioPage | ErrorDetail | FieldErrors | None:
    """List critical metric scenarios (paginated)

     Answers one page in a `{count, next, previous, results}` envelope. With an API key
    the list is already scoped to your organisation; the id filters narrow it further.

    Args:
        page (int | Unset):
        page_size (int | Unset):
        agent_id (int | Unset):
        category_id (int | Unset):
        metric_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CriticalMetricScenarioPage | ErrorDetail | FieldErrors
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            agent_id=agent_id,
            category_id=category_id,
            metric_id=metric_id,
        )
    ).parsed
