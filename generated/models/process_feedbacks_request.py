from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.metric_type import MetricType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProcessFeedbacksRequest")


@_attrs_define
class ProcessFeedbacksRequest:
    """
    Attributes:
        metric_id (int):
        metric_type (MetricType | Unset): How a metric is evaluated. `llm_judge` and `custom_code` are current; `basic`
            and
            `custom_prompt` are deprecated and refused on create.
        test_set_ids (list[int] | Unset): Limit the run to these test sets.
        simplified_prompt (str | Unset):
        skip_evaluation (bool | Unset): Propose without re-scoring the test sets. Default: False.
    """

    metric_id: int
    metric_type: MetricType | Unset = UNSET
    test_set_ids: list[int] | Unset = UNSET
    simplified_prompt: str | Unset = UNSET
    skip_evaluation: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric_id = self.metric_id

        metric_type: str | Unset = UNSET
        if not isinstance(self.metric_type, Unset):
            metric_type = self.metric_type.value

        test_set_ids: list[int] | Unset = UNSET
        if not isinstance(self.test_set_ids, Unset):
            test_set_ids = self.test_set_ids

        simplified_prompt = self.simplified_prompt

        skip_evaluation = self.skip_evaluation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric_id": metric_id,
            }
        )
        if metric_type is not UNSET:
            field_dict["metric_type"] = metric_type
        if test_set_ids is not UNSET:
            field_dict["test_set_ids"] = test_set_ids
        if simplified_prompt is not UNSET:
            field_dict["simplified_prompt"] = simplified_prompt
        if skip_evaluation is not UNSET:
            field_dict["skip_evaluation"] = skip_evaluation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        metric_id = d.pop("metric_id")

        _metric_type = d.pop("metric_type", UNSET)
        metric_type: MetricType | Unset
        if isinstance(_metric_type, Unset):
            metric_type = UNSET
        else:
            metric_type = MetricType(_metric_type)

        test_set_ids = cast(list[int], d.pop("test_set_ids", UNSET))

        simplified_prompt = d.pop("simplified_prompt", UNSET)

        skip_evaluation = d.pop("skip_evaluation", UNSET)

        process_feedbacks_request = cls(
            metric_id=metric_id,
            metric_type=metric_type,
            test_set_ids=test_set_ids,
            simplified_prompt=simplified_prompt,
            skip_evaluation=skip_evaluation,
        )

        process_feedbacks_request.additional_properties = d
        return process_feedbacks_request

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
