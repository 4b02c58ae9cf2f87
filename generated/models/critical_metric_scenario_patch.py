from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.critical_metric_scenario_patch_priority import (
    CriticalMetricScenarioPatchPriority,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CriticalMetricScenarioPatch")


@_attrs_define
class CriticalMetricScenarioPatch:
    """
    Attributes:
        priority (CriticalMetricScenarioPatchPriority | Unset):
        is_resolved (bool | Unset): Our definition: mark the triage done (or reopen it).
    """

    priority: CriticalMetricScenarioPatchPriority | Unset = UNSET
    is_resolved: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        is_resolved = self.is_resolved

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if priority is not UNSET:
            field_dict["priority"] = priority
        if is_resolved is not UNSET:
            field_dict["is_resolved"] = is_resolved

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _priority = d.pop("priority", UNSET)
        priority: CriticalMetricScenarioPatchPriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = CriticalMetricScenarioPatchPriority(_priority)

        is_resolved = d.pop("is_resolved", UNSET)

        critical_metric_scenario_patch = cls(
            priority=priority,
            is_resolved=is_resolved,
        )

        critical_metric_scenario_patch.additional_properties = d
        return critical_metric_scenario_patch

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
