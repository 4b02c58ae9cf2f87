from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MetricVote")


@_attrs_define
class MetricVote:
    """
    Attributes:
        metric_id (int): The metric whose judgment is voted on.
        thumbs_up (bool | None): True agrees with the metric, false disagrees, null withdraws the vote.
        expected_value (Any): What the metric should have answered (any JSON or null).
        feedback (None | str | Unset): A note for the reviewers.
    """

    metric_id: int
    thumbs_up: bool | None
    expected_value: Any
    feedback: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric_id = self.metric_id

        thumbs_up: bool | None
        thumbs_up = self.thumbs_up

        expected_value = self.expected_value

        feedback: None | str | Unset
        if isinstance(self.feedback, Unset):
            feedback = UNSET
        else:
            feedback = self.feedback

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric_id": metric_id,
                "thumbs_up": thumbs_up,
                "expected_value": expected_value,
            }
        )
        if feedback is not UNSET:
            field_dict["feedback"] = feedback

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        metric_id = d.pop("metric_id")

        def _parse_thumbs_up(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        thumbs_up = _parse_thumbs_up(d.pop("thumbs_up"))

        expected_value = d.pop("expected_value")

        def _parse_feedback(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        feedback = _parse_feedback(d.pop("feedback", UNSET))

        metric_vote = cls(
            metric_id=metric_id,
            thumbs_up=thumbs_up,
            expected_value=expected_value,
            feedback=feedback,
        )

        metric_vote.additional_properties = d
        return metric_vote

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
