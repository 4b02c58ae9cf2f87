from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.critical_metric_scenario_priority import CriticalMetricScenarioPriority
from ..types import UNSET, Unset

T = TypeVar("T", bound="CriticalMetricScenario")


@_attrs_define
class CriticalMetricScenario:
    """
    Attributes:
        id (int | Unset):
        scenario (str | Unset): The scenario's name.
        priority (CriticalMetricScenarioPriority | Unset):
        is_resolved (bool | Unset): Our definition: whether the triage is done. The seed documentation sets it;
            upstream's schema does not list it.
    """

    id: int | Unset = UNSET
    scenario: str | Unset = UNSET
    priority: CriticalMetricScenarioPriority | Unset = UNSET
    is_resolved: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        scenario = self.scenario

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        is_resolved = self.is_resolved

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if scenario is not UNSET:
            field_dict["scenario"] = scenario
        if priority is not UNSET:
            field_dict["priority"] = priority
        if is_resolved is not UNSET:
            field_dict["is_resolved"] = is_resolved

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        scenario = d.pop("scenario", UNSET)

        _priority = d.pop("priority", UNSET)
        priority: CriticalMetricScenarioPriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = CriticalMetricScenarioPriority(_priority)

        is_resolved = d.pop("is_resolved", UNSET)

        critical_metric_scenario = cls(
            id=id,
            scenario=scenario,
            priority=priority,
            is_resolved=is_resolved,
        )

        critical_metric_scenario.additional_properties = d
        return critical_metric_scenario

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
