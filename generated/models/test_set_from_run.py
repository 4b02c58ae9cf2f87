from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.test_set_metric_label import TestSetMetricLabel


T = TypeVar("T", bound="TestSetFromRun")


@_attrs_define
class TestSetFromRun:
    """
    Attributes:
        run_id (int):
        metrics (list[TestSetMetricLabel]):
        project (int | Unset): The run's project.
        name (str | Unset): Defaults to one made from the run id. Default: ''.
    """

    run_id: int
    metrics: list[TestSetMetricLabel]
    project: int | Unset = UNSET
    name: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_id = self.run_id

        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

        project = self.project

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "run_id": run_id,
                "metrics": metrics,
            }
        )
        if project is not UNSET:
            field_dict["project"] = project
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.test_set_metric_label import TestSetMetricLabel

        d = dict(src_dict)
        run_id = d.pop("run_id")

        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in _metrics:
            metrics_item = TestSetMetricLabel.from_dict(metrics_item_data)

            metrics.append(metrics_item)

        project = d.pop("project", UNSET)

        name = d.pop("name", UNSET)

        test_set_from_run = cls(
            run_id=run_id,
            metrics=metrics,
            project=project,
            name=name,
        )

        test_set_from_run.additional_properties = d
        return test_set_from_run

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
