from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TestSetMetricLabel")


@_attrs_define
class TestSetMetricLabel:
    """A metric to review in the new test set, with what it should answer and a note.

    Attributes:
        metric (int):
        feedback (str | Unset):  Default: ''.
        expected_value (Any | Unset): Any JSON or null.
    """

    metric: int
    feedback: str | Unset = ""
    expected_value: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric

        feedback = self.feedback

        expected_value = self.expected_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric": metric,
            }
        )
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if expected_value is not UNSET:
            field_dict["expected_value"] = expected_value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        metric = d.pop("metric")

        feedback = d.pop("feedback", UNSET)

        expected_value = d.pop("expected_value", UNSET)

        test_set_metric_label = cls(
            metric=metric,
            feedback=feedback,
            expected_value=expected_value,
        )

        test_set_metric_label.additional_properties = d
        return test_set_metric_label

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
