from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallsEvaluateMetrics")


@_attrs_define
class CallsEvaluateMetrics:
    """The calls to score and the metrics to score them with; name the agent or the project.

    Attributes:
        call_logs (list[int]):
        metrics (list[int]):
        agent_id (int | Unset):
        project_id (int | Unset):
    """

    call_logs: list[int]
    metrics: list[int]
    agent_id: int | Unset = UNSET
    project_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        call_logs = self.call_logs

        metrics = self.metrics

        agent_id = self.agent_id

        project_id = self.project_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "call_logs": call_logs,
                "metrics": metrics,
            }
        )
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        call_logs = cast(list[int], d.pop("call_logs"))

        metrics = cast(list[int], d.pop("metrics"))

        agent_id = d.pop("agent_id", UNSET)

        project_id = d.pop("project_id", UNSET)

        calls_evaluate_metrics = cls(
            call_logs=call_logs,
            metrics=metrics,
            agent_id=agent_id,
            project_id=project_id,
        )

        calls_evaluate_metrics.additional_properties = d
        return calls_evaluate_metrics

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
