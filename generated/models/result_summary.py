from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_status import RunStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.result_summary_runs import ResultSummaryRuns


T = TypeVar("T", bound="ResultSummary")


@_attrs_define
class ResultSummary:
    """A simulation result without its runs' details.

    Attributes:
        name (str):
        id (int | Unset):
        agent (int | Unset):
        agent_name (str | Unset):
        agent_inbound (bool | Unset):
        status (RunStatus | Unset):
        success_rate (float | Unset):
        run_as_text (bool | Unset):
        is_cronjob (Any | Unset): Our definition: a boolean (upstream types it as a string).
        runs (ResultSummaryRuns | Unset):
        met_expected_outcome_count (Any | Unset): Our definition: a count (upstream types it as a string).
        total_expected_outcome_count (Any | Unset): Our definition: a count (upstream types it as a string).
        total_runs_count (Any | Unset): Our definition: a count (upstream types it as a string).
        completed_runs_count (Any | Unset): Our definition: a count (upstream types it as a string).
        success_runs_count (Any | Unset): Our definition: a count (upstream types it as a string).
        failed_runs_count (Any | Unset): Our definition: a count (upstream types it as a string).
        scenarios (Any | Unset): Our definition: a list of `{id, name}` (upstream says an object).
        run_type (None | str | Unset):
        agent_version (str | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    name: str
    id: int | Unset = UNSET
    agent: int | Unset = UNSET
    agent_name: str | Unset = UNSET
    agent_inbound: bool | Unset = UNSET
    status: RunStatus | Unset = UNSET
    success_rate: float | Unset = UNSET
    run_as_text: bool | Unset = UNSET
    is_cronjob: Any | Unset = UNSET
    runs: ResultSummaryRuns | Unset = UNSET
    met_expected_outcome_count: Any | Unset = UNSET
    total_expected_outcome_count: Any | Unset = UNSET
    total_runs_count: Any | Unset = UNSET
    completed_runs_count: Any | Unset = UNSET
    success_runs_count: Any | Unset = UNSET
    failed_runs_count: Any | Unset = UNSET
    scenarios: Any | Unset = UNSET
    run_type: None | str | Unset = UNSET
    agent_version: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id = self.id

        agent = self.agent

        agent_name = self.agent_name

        agent_inbound = self.agent_inbound

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        success_rate = self.success_rate

        run_as_text = self.run_as_text

        is_cronjob = self.is_cronjob

        runs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.runs, Unset):
            runs = self.runs.to_dict()

        met_expected_outcome_count = self.met_expected_outcome_count

        total_expected_outcome_count = self.total_expected_outcome_count

        total_runs_count = self.total_runs_count

        completed_runs_count = self.completed_runs_count

        success_runs_count = self.success_runs_count

        failed_runs_count = self.failed_runs_count

        scenarios = self.scenarios

        run_type: None | str | Unset
        if isinstance(self.run_type, Unset):
            run_type = UNSET
        else:
            run_type = self.run_type

        agent_version = self.agent_version

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
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if agent is not UNSET:
            field_dict["agent"] = agent
        if agent_name is not UNSET:
            field_dict["agent_name"] = agent_name
        if agent_inbound is not UNSET:
            field_dict["agent_inbound"] = agent_inbound
        if status is not UNSET:
            field_dict["status"] = status
        if success_rate is not UNSET:
            field_dict["success_rate"] = success_rate
        if run_as_text is not UNSET:
            field_dict["run_as_text"] = run_as_text
        if is_cronjob is not UNSET:
            field_dict["is_cronjob"] = is_cronjob
        if runs is not UNSET:
            field_dict["runs"] = runs
        if met_expected_outcome_count is not UNSET:
            field_dict["met_expected_outcome_count"] = met_expected_outcome_count
        if total_expected_outcome_count is not UNSET:
            field_dict["total_expected_outcome_count"] = total_expected_outcome_count
        if total_runs_count is not UNSET:
            field_dict["total_runs_count"] = total_runs_count
        if completed_runs_count is not UNSET:
            field_dict["completed_runs_count"] = completed_runs_count
        if success_runs_count is not UNSET:
            field_dict["success_runs_count"] = success_runs_count
        if failed_runs_count is not UNSET:
            field_dict["failed_runs_count"] = failed_runs_count
        if scenarios is not UNSET:
            field_dict["scenarios"] = scenarios
        if run_type is not UNSET:
            field_dict["run_type"] = run_type
        if agent_version is not UNSET:
            field_dict["agent_version"] = agent_version
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.result_summary_runs import ResultSummaryRuns

        d = dict(src_dict)
        name = d.pop("name")

        id = d.pop("id", UNSET)

        agent = d.pop("agent", UNSET)

        agent_name = d.pop("agent_name", UNSET)

        agent_inbound = d.pop("agent_inbound", UNSET)

        _status = d.pop("status", UNSET)
        status: RunStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = RunStatus(_status)

        success_rate = d.pop("success_rate", UNSET)

        run_as_text = d.pop("run_as_text", UNSET)

        is_cronjob = d.pop("is_cronjob", UNSET)

        _runs = d.pop("runs", UNSET)
        runs: ResultSummaryRuns | Unset
        if isinstance(_runs, Unset):
            runs = UNSET
        else:
            runs = ResultSummaryRuns.from_dict(_runs)

        met_expected_outcome_count = d.pop("met_expected_outcome_count", UNSET)

        total_expected_outcome_count = d.pop("total_expected_outcome_count", UNSET)

        total_runs_count = d.pop("total_runs_count", UNSET)

        completed_runs_count = d.pop("completed_runs_count", UNSET)

        success_runs_count = d.pop("success_runs_count", UNSET)

        failed_runs_count = d.pop("failed_runs_count", UNSET)

        scenarios = d.pop("scenarios", UNSET)

        def _parse_run_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        run_type = _parse_run_type(d.pop("run_type", UNSET))

        agent_version = d.pop("agent_version", UNSET)

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

        result_summary = cls(
            name=name,
            id=id,
            agent=agent,
            agent_name=agent_name,
            agent_inbound=agent_inbound,
            status=status,
            success_rate=success_rate,
            run_as_text=run_as_text,
            is_cronjob=is_cronjob,
            runs=runs,
            met_expected_outcome_count=met_expected_outcome_count,
            total_expected_outcome_count=total_expected_outcome_count,
            total_runs_count=total_runs_count,
            completed_runs_count=completed_runs_count,
            success_runs_count=success_runs_count,
            failed_runs_count=failed_runs_count,
            scenarios=scenarios,
            run_type=run_type,
            agent_version=agent_version,
            created_at=created_at,
            updated_at=updated_at,
        )

        result_summary.additional_properties = d
        return result_summary

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
