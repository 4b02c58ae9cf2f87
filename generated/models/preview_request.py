from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preview_metric import PreviewMetric


T = TypeVar("T", bound="PreviewRequest")


@_attrs_define
class PreviewRequest:
    """An unsaved metric and the 1-10 calls (or runs) to try it on.

    Attributes:
        metric_data (PreviewMetric): The fields of a metric that matter to a preview.
        agent_id (int | Unset): Every call or run named must belong to this agent.
        project_id (int | Unset): Or to this project.
        call_log_ids (list[int] | Unset): Calls to score (give these or run_ids).
        run_ids (list[int] | Unset): Simulation runs to score (give these or call_log_ids).
    """

    metric_data: PreviewMetric
    agent_id: int | Unset = UNSET
    project_id: int | Unset = UNSET
    call_log_ids: list[int] | Unset = UNSET
    run_ids: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric_data = self.metric_data.to_dict()

        agent_id = self.agent_id

        project_id = self.project_id

        call_log_ids: list[int] | Unset = UNSET
        if not isinstance(self.call_log_ids, Unset):
            call_log_ids = self.call_log_ids

        run_ids: list[int] | Unset = UNSET
        if not isinstance(self.run_ids, Unset):
            run_ids = self.run_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric_data": metric_data,
            }
        )
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if call_log_ids is not UNSET:
            field_dict["call_log_ids"] = call_log_ids
        if run_ids is not UNSET:
            field_dict["run_ids"] = run_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preview_metric import PreviewMetric

        d = dict(src_dict)
        metric_data = PreviewMetric.from_dict(d.pop("metric_data"))

        agent_id = d.pop("agent_id", UNSET)

        project_id = d.pop("project_id", UNSET)

        call_log_ids = cast(list[int], d.pop("call_log_ids", UNSET))

        run_ids = cast(list[int], d.pop("run_ids", UNSET))

        preview_request = cls(
            metric_data=metric_data,
            agent_id=agent_id,
            project_id=project_id,
            call_log_ids=call_log_ids,
            run_ids=run_ids,
        )

        preview_request.additional_properties = d
        return preview_request

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
