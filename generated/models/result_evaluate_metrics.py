from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ResultEvaluateMetrics")


@_attrs_define
class ResultEvaluateMetrics:
    """Runs of the result and metrics to score them with; upstream sends both id lists as strings.

    Attributes:
        run_ids (list[str]):
        metric_ids (list[str]):
    """

    run_ids: list[str]
    metric_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_ids = self.run_ids

        metric_ids = self.metric_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_ids": run_ids,
                "metric_ids": metric_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        run_ids = cast(list[str], d.pop("run_ids"))

        metric_ids = cast(list[str], d.pop("metric_ids"))

        result_evaluate_metrics = cls(
            run_ids=run_ids,
            metric_ids=metric_ids,
        )

        result_evaluate_metrics.additional_properties = d
        return result_evaluate_metrics

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
