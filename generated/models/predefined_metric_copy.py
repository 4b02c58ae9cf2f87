from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PredefinedMetricCopy")


@_attrs_define
class PredefinedMetricCopy:
    """Which catalog entries to copy, and where to (a project or an agent, not both).

    Attributes:
        predefined_metric_ids (list[int] | Unset): Catalog ids.
        metric_codes (list[str] | Unset): Or catalog codes.
        project_id (int | Unset):
        agent_id (int | Unset):
        scenarios (list[int] | Unset): Limit the copies to these scenarios (at most 1000).
    """

    predefined_metric_ids: list[int] | Unset = UNSET
    metric_codes: list[str] | Unset = UNSET
    project_id: int | Unset = UNSET
    agent_id: int | Unset = UNSET
    scenarios: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        predefined_metric_ids: list[int] | Unset = UNSET
        if not isinstance(self.predefined_metric_ids, Unset):
            predefined_metric_ids = self.predefined_metric_ids

        metric_codes: list[str] | Unset = UNSET
        if not isinstance(self.metric_codes, Unset):
            metric_codes = self.metric_codes

        project_id = self.project_id

        agent_id = self.agent_id

        scenarios: list[int] | Unset = UNSET
        if not isinstance(self.scenarios, Unset):
            scenarios = self.scenarios

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if predefined_metric_ids is not UNSET:
            field_dict["predefined_metric_ids"] = predefined_metric_ids
        if metric_codes is not UNSET:
            field_dict["metric_codes"] = metric_codes
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if scenarios is not UNSET:
            field_dict["scenarios"] = scenarios

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        predefined_metric_ids = cast(list[int], d.pop("predefined_metric_ids", UNSET))

        metric_codes = cast(list[str], d.pop("metric_codes", UNSET))

        project_id = d.pop("project_id", UNSET)

        agent_id = d.pop("agent_id", UNSET)

        scenarios = cast(list[int], d.pop("scenarios", UNSET))

        predefined_metric_copy = cls(
            predefined_metric_ids=predefined_metric_ids,
            metric_codes=metric_codes,
            project_id=project_id,
            agent_id=agent_id,
            scenarios=scenarios,
        )

        predefined_metric_copy.additional_properties = d
        return predefined_metric_copy

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
