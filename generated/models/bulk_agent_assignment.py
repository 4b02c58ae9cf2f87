from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bulk_agent_assignment_mode import BulkAgentAssignmentMode

T = TypeVar("T", bound="BulkAgentAssignment")


@_attrs_define
class BulkAgentAssignment:
    """
    Attributes:
        project_id (int): The project the metrics belong to (checked for permission).
        metric_ids (list[int]):
        agent_ids (list[int]):
        mode (BulkAgentAssignmentMode): `enable` attaches the agents, `disable` detaches them.
    """

    project_id: int
    metric_ids: list[int]
    agent_ids: list[int]
    mode: BulkAgentAssignmentMode
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = self.project_id

        metric_ids = self.metric_ids

        agent_ids = self.agent_ids

        mode = self.mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "metric_ids": metric_ids,
                "agent_ids": agent_ids,
                "mode": mode,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        project_id = d.pop("project_id")

        metric_ids = cast(list[int], d.pop("metric_ids"))

        agent_ids = cast(list[int], d.pop("agent_ids"))

        mode = BulkAgentAssignmentMode(d.pop("mode"))

        bulk_agent_assignment = cls(
            project_id=project_id,
            metric_ids=metric_ids,
            agent_ids=agent_ids,
            mode=mode,
        )

        bulk_agent_assignment.additional_properties = d
        return bulk_agent_assignment

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
