from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.field_errors import FieldErrors
from ...models.metric_list_item import MetricListItem
from ...models.metrics_list_filters import MetricsListFilters
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
    assistant_id: str | Unset = UNSET,
    agents: str | Unset = UNSET,
    slug: str | Unset = UNSET,
    filters: MetricsListFilters | Unset = UNSET,
    include_scores: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["agent_id"] = agent_id

    params["project_id"] = project_id

    params["assistant_id"] = assistant_id

    params["agents"] = agents

    params["slug"] = slug

    json_filters: dict[str, Any] | Unset = UNSET
    if not isinstance(filters, Unset):
        json_filters = filters.to_dict()
    if not isinstance(json_filters, Unset):
        params.update(json_filters)

    params["include_scores"] = include_scores

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/test_framework/v1/metrics/",
        "params": params,
    }

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
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
    assistant_id: str | Unset = UNSET,
    agents: str | Unset = UNSET,
    slug: str | Unset = UNSET,
    filters: MetricsListFilters | Unset = UNSET,
    include_scores: bool | Unset = UNSET,
) -> Response[ErrorDetail | FieldErrors | list[MetricListItem]]:
    """List metrics

     Answers a plain JSON array (no pagination envelope). With `agent_id` only, the
    metrics attached to that agent; with `project_id` only, the metrics of that
    project; with both, the union of the two.

    Args:
        agent_id (int | Unset):
        project_id (int | Unset):
        assistant_id (str | Unset):
        agents (str | Unset):
        slug (str | Unset):
        filters (MetricsListFilters | Unset):
        include_scores (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | list[MetricListItem]]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        project_id=project_id,
        assistant_id=assistant_id,
        agents=agents,
        slug=slug,
        filters=filters,
        include_scores=include_scores,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
    assistant_id: str | Unset = UNSET,
    agents: str | Unset = UNSET,
    slug: str | Unset = UNSET,
    filters: MetricsListFilters | Unset = UNSET,
    include_scores: bool | Unset = UNSET,
) -> ErrorDetail | FieldErrors | list[MetricListItem] | None:
    """List metrics

     Answers a plain JSON array (no pagination envelope). With `agent_id` only, the
    metrics attached to that agent; with `project_id` only, the metrics of that
    project; with both, the union of the two.

    Args:
        agent_id (int | Unset):
        project_id (int | Unset):
        assistant_id (str | Unset):
        agents (str | Unset):
        slug (str | Unset):
        filters (MetricsListFilters | Unset):
        include_scores (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | list[MetricListItem]
    """

    return sync_detailed(
        client=client,
        agent_id=agent_id,
        project_id=project_id,
        assistant_id=assistant_id,
        agents=agents,
        slug=slug,
        filters=filters,
        include_scores=include_scores,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
    assistant_id: str | Unset = UNSET,
    agents: str | Unset = UNSET,
    slug: str | Unset = UNSET,
    filters: MetricsListFilters | Unset = UNSET,
    include_scores: bool | Unset = UNSET,
) -> Response[ErrorDetail | FieldErrors | list[MetricListItem]]:
    """List metrics

     Answers a plain JSON array (no pagination envelope). With `agent_id` only, the
    metrics attached to that agent; with `project_id` only, the metrics of that
    project; with both, the union of the two.

    Args:
        agent_id (int | Unset):
        project_id (int | Unset):
        assistant_id (str | Unset):
        agents (str | Unset):
        slug (str | Unset):
        filters (MetricsListFilters | Unset):
        include_scores (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | FieldErrors | list[MetricListItem]]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        project_id=project_id,
        assistant_id=assistant_id,
        agents=agents,
        slug=slug,
        filters=filters,
        include_scores=include_scores,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    agent_id: int | Unset = UNSET,
    project_id: int | Unset = UNSET,
    assistant_id: str | Unset = UNSET,
    agents: str | Unset = UNSET,
    slug: str | Unset = UNSET,
    filters: MetricsListFilters | Unset = UNSET,
    include_scores: bool | Unset = UNSET,
) -> ErrorDetail | FieldErrors | list[MetricListItem] | None:
    """List metrics

     Answers a plain JSON array (no pagination envelope). With `agent_id` only, the
    metrics attached to that agent; with `project_id` only, the metrics of that
    project; with both, the union of the two.

    Args:
        agent_id (int | Unset):
        project_id (int | Unset):
        assistant_id (str | Unset):
        agents (str | Unset):
        slug (str | Unset):
        filters (MetricsListFilters | Unset):
        include_scores (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | FieldErrors | list[MetricListItem]
    """

    return (
        await asyncio_detailed(
            client=client,
            agent_id=agent_id,
            project_id=project_id,
            assistant_id=assistant_id,
            agents=agents,
            slug=slug,
            filters=filters,
            include_scores=include_scores,
        )
    ).parsed
