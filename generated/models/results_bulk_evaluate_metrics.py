from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ResultsBulkEvaluateMetrics")


@_attrs_define
class ResultsBulkEvaluateMetrics:
    """
    Attributes:
        result_ids (list[int]):
        metric_ids (list[int]):
    """

    result_ids: list[int]
    metric_ids: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result_ids = self.result_ids

        metric_ids = self.metric_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result_ids": result_ids,
                "metric_ids": metric_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        result_ids = cast(list[int], d.pop("result_ids"))

        metric_ids = cast(list[int], d.pop("metric_ids"))

        results_bulk_evaluate_metrics = cls(
            result_ids=result_ids,
            metric_ids=metric_ids,
        )

        results_bulk_evaluate_metrics.additional_properties = d
        return results_bulk_evaluate_metrics

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
