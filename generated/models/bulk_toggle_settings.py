from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BulkToggleSettings")


@_attrs_define
class BulkToggleSettings:
    """Our definition: the metrics to change and the boolean settings to give them (at least one).

    Attributes:
        metric_ids (list[int]):
        is_active (bool | Unset): Whether the metrics run at all.
        simulation_enabled (bool | Unset):
        observability_enabled (bool | Unset):
        sampling_enabled (bool | Unset):
        audio_enabled (bool | Unset):
        alert_enabled (bool | Unset):
        add_to_new_agents (bool | Unset):
    """

    metric_ids: list[int]
    is_active: bool | Unset = UNSET
    simulation_enabled: bool | Unset = UNSET
    observability_enabled: bool | Unset = UNSET
    sampling_enabled: bool | Unset = UNSET
    audio_enabled: bool | Unset = UNSET
    alert_enabled: bool | Unset = UNSET
    add_to_new_agents: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric_ids = self.metric_ids

        is_active = self.is_active

        simulation_enabled = self.simulation_enabled

        observability_enabled = self.observability_enabled

        sampling_enabled = self.sampling_enabled

        audio_enabled = self.audio_enabled

        alert_enabled = self.alert_enabled

        add_to_new_agents = self.add_to_new_agents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric_ids": metric_ids,
            }
        )
        if is_active is not UNSET:
            field_dict["is_active"] = is_active
        if simulation_enabled is not UNSET:
            field_dict["simulation_enabled"] = simulation_enabled
        if observability_enabled is not UNSET:
            field_dict["observability_enabled"] = observability_enabled
        if sampling_enabled is not UNSET:
            field_dict["sampling_enabled"] = sampling_enabled
        if audio_enabled is not UNSET:
            field_dict["audio_enabled"] = audio_enabled
        if alert_enabled is not UNSET:
            field_dict["alert_enabled"] = alert_enabled
        if add_to_new_agents is not UNSET:
            field_dict["add_to_new_agents"] = add_to_new_agents

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        metric_ids = cast(list[int], d.pop("metric_ids"))

        is_active = d.pop("is_active", UNSET)

        simulation_enabled = d.pop("simulation_enabled", UNSET)

        observability_enabled = d.pop("observability_enabled", UNSET)

        sampling_enabled = d.pop("sampling_enabled", UNSET)

        audio_enabled = d.pop("audio_enabled", UNSET)

        alert_enabled = d.pop("alert_enabled", UNSET)

        add_to_new_agents = d.pop("add_to_new_agents", UNSET)

        bulk_toggle_settings = cls(
            metric_ids=metric_ids,
            is_active=is_active,
            simulation_enabled=simulation_enabled,
            observability_enabled=observability_enabled,
            sampling_enabled=sampling_enabled,
            audio_enabled=audio_enabled,
            alert_enabled=alert_enabled,
            add_to_new_agents=add_to_new_agents,
        )

        bulk_toggle_settings.additional_properties = d
        return bulk_toggle_settings

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
