from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GenerateMetricsRequest")


@_attrs_define
class GenerateMetricsRequest:
    """Name the agent by id or by external assistant id.

    Attributes:
        agent_id (int | Unset):
        assistant_id (str | Unset):
        num_metrics (int | Unset): How many metrics to propose. Default: 1.
    """

    agent_id: int | Unset = UNSET
    assistant_id: str | Unset = UNSET
    num_metrics: int | Unset = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        assistant_id = self.assistant_id

        num_metrics = self.num_metrics

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if assistant_id is not UNSET:
            field_dict["assistant_id"] = assistant_id
        if num_metrics is not UNSET:
            field_dict["num_metrics"] = num_metrics

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agent_id = d.pop("agent_id", UNSET)

        assistant_id = d.pop("assistant_id", UNSET)

        num_metrics = d.pop("num_metrics", UNSET)

        generate_metrics_request = cls(
            agent_id=agent_id,
            assistant_id=assistant_id,
            num_metrics=num_metrics,
        )

        generate_metrics_request.additional_properties = d
        return generate_metrics_request

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
