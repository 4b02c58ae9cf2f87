from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TestSetReview")


@_attrs_define
class TestSetReview:
    """One metric's review inside a test set.

    Attributes:
        id (int):
        metric (int | Unset):
        metric_name (str | Unset):
        metric_enum_values (Any | Unset): Any JSON.
        eval_type (str | Unset):
        expected_value (Any | Unset): Any JSON or null.
        explanation (Any | Unset): The metric's explanation (any JSON).
        feedback (str | Unset):
        metric_function_name (str | Unset):
        metric_vocera_defined_metric_code (str | Unset):
    """

    id: int
    metric: int | Unset = UNSET
    metric_name: str | Unset = UNSET
    metric_enum_values: Any | Unset = UNSET
    eval_type: str | Unset = UNSET
    expected_value: Any | Unset = UNSET
    explanation: Any | Unset = UNSET
    feedback: str | Unset = UNSET
    metric_function_name: str | Unset = UNSET
    metric_vocera_defined_metric_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        metric = self.metric

        metric_name = self.metric_name

        metric_enum_values = self.metric_enum_values

        eval_type = self.eval_type

        expected_value = self.expected_value

        explanation = self.explanation

        feedback = self.feedback

        metric_function_name = self.metric_function_name

        metric_vocera_defined_metric_code = self.metric_vocera_defined_metric_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if metric is not UNSET:
            field_dict["metric"] = metric
        if metric_name is not UNSET:
            field_dict["metric_name"] = metric_name
        if metric_enum_values is not UNSET:
            field_dict["metric_enum_values"] = metric_enum_values
        if eval_type is not UNSET:
            field_dict["eval_type"] = eval_type
        if expected_value is not UNSET:
            field_dict["expected_value"] = expected_value
        if explanation is not UNSET:
            field_dict["explanation"] = explanation
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if metric_function_name is not UNSET:
            field_dict["metric_function_name"] = metric_function_name
        if metric_vocera_defined_metric_code is not UNSET:
            field_dict["metric_vocera_defined_metric_code"] = (
                metric_vocera_defined_metric_code
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        metric = d.pop("metric", UNSET)

        metric_name = d.pop("metric_name", UNSET)

        metric_enum_values = d.pop("metric_enum_values", UNSET)

        eval_type = d.pop("eval_type", UNSET)

        expected_value = d.pop("expected_value", UNSET)

        explanation = d.pop("explanation", UNSET)

        feedback = d.pop("feedback", UNSET)

        metric_function_name = d.pop("metric_function_name", UNSET)

        metric_vocera_defined_metric_code = d.pop(
            "metric_vocera_defined_metric_code", UNSET
        )

        test_set_review = cls(
            id=id,
            metric=metric,
            metric_name=metric_name,
            metric_enum_values=metric_enum_values,
            eval_type=eval_type,
            expected_value=expected_value,
            explanation=explanation,
            feedback=feedback,
            metric_function_name=metric_function_name,
            metric_vocera_defined_metric_code=metric_vocera_defined_metric_code,
        )

        test_set_review.additional_properties = d
        return test_set_review

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
