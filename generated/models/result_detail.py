from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.result_detail_runs import ResultDetailRuns


T = TypeVar("T", bound="ResultDetail")


@_attrs_define
class ResultDetail:
    """A simulation result (one test launch) with its runs keyed by run id.

    Attributes:
        agent (int):
        id (int | Unset):
        name (str | Unset):
        agent_name (str | Unset):
        agent_version (str | Unset):
        status (RunStatus | Unset):
        met_expected_outcome_count (Any | Unset): Our definition: a count (upstream types it as a string).
        total_expected_outcome_count (Any | Unset): Our definition: a count (upstream types it as a string).
        success_rate (float | Unset):
        run_as_text (bool | Unset):
        is_cronjob (Any | Unset): Our definition: a boolean (upstream types it as a string).
        runs (ResultDetailRuns | Unset): Runs keyed by run id (a string).
        overall_evaluation (Any | Unset): Scores summed up over the runs (any JSON or null).
        total_duration (str | Unset): MM:SS.
        total_runs_count (Any | Unset): Our definition: a count (upstream types it as a string).
        completed_runs_count (Any | Unset): Our definition: a count (upstream types it as a string).
        success_runs_count (Any | Unset): Our definition: a count (upstream types it as a string).
        failed_runs_count (Any | Unset): Our definition: a count (upstream types it as a string).
        connected_runs (Any | Unset): Our definition: a list of run ids (upstream types it as a string).
        not_connected_runs (Any | Unset): Our definition: a list of run ids (upstream types it as a string).
        failed_infrastructure_runs (Any | Unset): Our definition: a list of run ids or null (upstream types it as a
            string).
        failed_workflow_runs (Any | Unset): Our definition: a list of run ids or null (upstream types it as a string).
        successful_calls (Any | Unset): Our definition: a list of run ids (upstream types it as a string).
        scenarios (Any | Unset): Our definition: a list of `{id, name}` (upstream types it as a string).
        critical_categories (Any | Unset): Our definition: a list (upstream types it as a string).
        metrics (Any | Unset): Our definition: a list (upstream types it as a string).
        runs_by_tags (Any | Unset): Our definition: an object (upstream types it as a string).
        latency_data (Any | Unset): Our definition: an object (upstream types it as a string).
        failed_reasons (Any | Unset): Any JSON or null.
        ai_summary (Any | Unset): Any JSON or null.
        ai_summary_status (str | Unset):
        next_steps (Any | Unset): Any JSON or null.
        path_coverage (Any | Unset): Any JSON or null.
        performance_metrics (Any | Unset): Our definition: an object (upstream types it as a string).
        run_type (None | str | Unset):
        run_settings (Any | Unset): How the runs were launched (any JSON or null).
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    agent: int
    id: int | Unset = UNSET
    name: str | Unset = UNSET
    agent_name: str | Unset = UNSET
    agent_version: str | Unset = UNSET
    status: RunStatus | Unset = UNSET
    met_expected_outcome_count: Any | Unset = UNSET
    total_expected_outcome_count: Any | Unset = UNSET
    success_rate: float | Unset = UNSET
    run_as_text: bool | Unset = UNSET
    is_cronjob: Any | Unset = UNSET
    runs: ResultDetailRuns | Unset = UNSET
    overall_evaluation: Any | Unset = UNSET
    total_duration: str | Unset = UNSET
    total_runs_count: Any | Unset = UNSET
    completed_runs_count: Any | Unset = UNSET
    success_runs_count: Any | Unset = UNSET
    failed_runs_count: Any | Unset = UNSET
    connected_runs: Any | Unset = UNSET
    not_connected_runs: Any | Unset = UNSET
    failed_infrastructure_runs: Any | Unset = UNSET
    failed_workflow_runs: Any | Unset = UNSET
    successful_calls: Any | Unset = UNSET
    scenarios: Any | Unset = UNSET
    critical_categories: Any | Unset = UNSET
    metrics: Any | Unset = UNSET
    runs_by_tags: Any | Unset = UNSET
    latency_data: Any | Unset = UNSET
    failed_reasons: Any | Unset = UNSET
    ai_summary: Any | Unset = UNSET
    ai_summary_status: str | Unset = UNSET
    next_steps: Any | Unset = UNSET
    path_coverage: Any | Unset = UNSET
    performance_metrics: Any | Unset = UNSET
    run_type: None | str | Unset = UNSET
    run_settings: Any | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent = self.agent

        id = self.id

        name = self.name

        agent_name = self.agent_name

        agent_version = self.agent_version

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        met_expected_outcome_count = self.met_expected_outcome_count

        total_expected_outcome_count = self.total_expected_outcome_count

        success_rate = self.success_rate

        run_as_text = self.run_as_text

        is_cronjob = self.is_cronjob

        runs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.runs, Unset):
            runs = self.runs.to_dict()

        overall_evaluation = self.overall_evaluation

        total_duration = self.total_duration

        total_runs_count = self.total_runs_count

        completed_runs_count = self.completed_runs_count

        success_runs_count = self.success_runs_count

        failed_runs_count = self.failed_runs_count

        connected_runs = self.connected_runs

        not_connected_runs = self.not_connected_runs

        failed_infrastructure_runs = self.failed_infrastructure_runs

        failed_workflow_runs = self.failed_workflow_runs

        successful_calls = self.successful_calls

        scenarios = self.scenarios

        critical_categories = self.critical_categories

        metrics = self.metrics

        runs_by_tags = self.runs_by_tags

        latency_data = self.latency_data

        failed_reasons = self.failed_reasons

        ai_summary = self.ai_summary

        ai_summary_status = self.ai_summary_status

        next_steps = self.next_steps

        path_coverage = self.path_coverage

        performance_metrics = self.performance_metrics

        run_type: None | str | Unset
        if isinstance(self.run_type, Unset):
            run_type = UNSET
        else:
            run_type = self.run_type

        run_settings = self.run_settings

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent": agent,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if agent_name is not UNSET:
            field_dict["agent_name"] = agent_name
        if agent_version is not UNSET:
            field_dict["agent_version"] = agent_version
        if status is not UNSET:
            field_dict["status"] = status
        if met_expected_outcome_count is not UNSET:
            field_dict["met_expected_outcome_count"] = met_expected_outcome_count
        if total_expected_outcome_count is not UNSET:
            field_dict["total_expected_outcome_count"] = total_expected_outcome_count
        if success_rate is not UNSET:
            field_dict["success_rate"] = success_rate
        if run_as_text is not UNSET:
            field_dict["run_as_text"] = run_as_text
        if is_cronjob is not UNSET:
            field_dict["is_cronjob"] = is_cronjob
        if runs is not UNSET:
            field_dict["runs"] = runs
        if overall_evaluation is not UNSET:
            field_dict["overall_evaluation"] = overall_evaluation
        if total_duration is not UNSET:
            field_dict["total_duration"] = total_duration
        if total_runs_count is not UNSET:
            field_dict["total_runs_count"] = total_runs_count
        if completed_runs_count is not UNSET:
            field_dict["completed_runs_count"] = completed_runs_count
        if success_runs_count is not UNSET:
            field_dict["success_runs_count"] = success_runs_count
        if failed_runs_count is not UNSET:
            field_dict["failed_runs_count"] = failed_runs_count
        if connected_runs is not UNSET:
            field_dict["connected_runs"] = connected_runs
        if not_connected_runs is not UNSET:
            field_dict["not_connected_runs"] = not_connected_runs
        if failed_infrastructure_runs is not UNSET:
            field_dict["failed_infrastructure_runs"] = failed_infrastructure_runs
        if failed_workflow_runs is not UNSET:
            field_dict["failed_workflow_runs"] = failed_workflow_runs
        if successful_calls is not UNSET:
            field_dict["successful_calls"] = successful_calls
        if scenarios is not UNSET:
            field_dict["scenarios"] = scenarios
        if critical_categories is not UNSET:
            field_dict["critical_categories"] = critical_categories
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if runs_by_tags is not UNSET:
            field_dict["runs_by_tags"] = runs_by_tags
        if latency_data is not UNSET:
            field_dict["latency_data"] = latency_data
        if failed_reasons is not UNSET:
            field_dict["failed_reasons"] = failed_reasons
        if ai_summary is not UNSET:
            field_dict["ai_summary"] = ai_summary
        if ai_summary_status is not UNSET:
            field_dict["ai_summary_status"] = ai_summary_status
        if next_steps is not UNSET:
            field_dict["next_steps"] = next_steps
        if path_coverage is not UNSET:
            field_dict["path_coverage"] = path_coverage
        if performance_metrics is not UNSET:
            field_dict["performance_metrics"] = performance_metrics
        if run_type is not UNSET:
            field_dict["run_type"] = run_type
        if run_settings is not UNSET:
            field_dict["run_settings"] = run_settings
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.result_detail_runs import ResultDetailRuns

        d = dict(src_dict)
        agent = d.pop("agent")

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        agent_name = d.pop("agent_name", UNSET)

        agent_version = d.pop("agent_version", UNSET)

        _status = d.pop("status", UNSET)
        status: RunStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = RunStatus(_status)

        met_expected_outcome_count = d.pop("met_expected_outcome_count", UNSET)

        total_expected_outcome_count = d.pop("total_expected_outcome_count", UNSET)

        success_rate = d.pop("success_rate", UNSET)

        run_as_text = d.pop("run_as_text", UNSET)

        is_cronjob = d.pop("is_cronjob", UNSET)

        _runs = d.pop("runs", UNSET)
        runs: ResultDetailRuns | Unset
        if isinstance(_runs, Unset):
            runs = UNSET
        else:
            runs = ResultDetailRuns.from_dict(_runs)

        overall_evaluation = d.pop("overall_evaluation", UNSET)

        total_duration = d.pop("total_duration", UNSET)

        total_runs_count = d.pop("total_runs_count", UNSET)

        completed_runs_count = d.pop("completed_runs_count", UNSET)

        success_runs_count = d.pop("success_runs_count", UNSET)

        failed_runs_count = d.pop("failed_runs_count", UNSET)

        connected_runs = d.pop("connected_runs", UNSET)

        not_connected_runs = d.pop("not_connected_runs", UNSET)

        failed_infrastructure_runs = d.pop("failed_infrastructure_runs", UNSET)

        failed_workflow_runs = d.pop("failed_workflow_runs", UNSET)

        successful_calls = d.pop("successful_calls", UNSET)

        scenarios = d.pop("scenarios", UNSET)

        critical_categories = d.pop("critical_categories", UNSET)

        metrics = d.pop("metrics", UNSET)

        runs_by_tags = d.pop("runs_by_tags", UNSET)

        latency_data = d.pop("latency_data", UNSET)

        failed_reasons = d.pop("failed_reasons", UNSET)

        ai_summary = d.pop("ai_summary", UNSET)

        ai_summary_status = d.pop("ai_summary_status", UNSET)

        next_steps = d.pop("next_steps", UNSET)

        path_coverage = d.pop("path_coverage", UNSET)

        performance_metrics = d.pop("performance_metrics", UNSET)

        def _parse_run_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        run_type = _parse_run_type(d.pop("run_type", UNSET))

        run_settings = d.pop("run_settings", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        result_detail = cls(
            agent=agent,
            id=id,
            name=name,
            agent_name=agent_name,
            agent_version=agent_version,
            status=status,
            met_expected_outcome_count=met_expected_outcome_count,
            total_expected_outcome_count=total_expected_outcome_count,
            success_rate=success_rate,
            run_as_text=run_as_text,
            is_cronjob=is_cronjob,
            runs=runs,
            overall_evaluation=overall_evaluation,
            total_duration=total_duration,
            total_runs_count=total_runs_count,
            completed_runs_count=completed_runs_count,
            success_runs_count=success_runs_count,
            failed_runs_count=failed_runs_count,
            connected_runs=connected_runs,
            not_connected_runs=not_connected_runs,
            failed_infrastructure_runs=failed_infrastructure_runs,
            failed_workflow_runs=failed_workflow_runs,
            successful_calls=successful_calls,
            scenarios=scenarios,
            critical_categories=critical_categories,
            metrics=metrics,
            runs_by_tags=runs_by_tags,
            latency_data=latency_data,
            failed_reasons=failed_reasons,
            ai_summary=ai_summary,
            ai_summary_status=ai_summary_status,
            next_steps=next_steps,
            path_coverage=path_coverage,
            performance_metrics=performance_metrics,
            run_type=run_type,
            run_settings=run_settings,
            created_at=created_at,
            updated_at=updated_at,
        )

        result_detail.additional_properties = d
        return result_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
