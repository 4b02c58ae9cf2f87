from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MetricScoreVote")


@_attrs_define
class MetricScoreVote:
    """Our definition: the reviewer's vote on this judgment (mark_metric_vote), as the sandbox
    shows it; upstream does not say where the service shows a vote.

        Attributes:
            thumbs_up (bool | None | Unset):
            expected_value (Any | Unset): Any JSON or null.
            feedback (str | Unset):
    """

    thumbs_up: bool | None | Unset = UNSET
    expected_value: Any | Unset = UNSET
    feedback: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        thumbs_up: bool | None | Unset
        if isinstance(self.thumbs_up, Unset):
            thumbs_up = UNSET
        else:
            thumbs_up = self.thumbs_up

        expected_value = self.expected_value

        feedback = self.feedback

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if thumbs_up is not UNSET:
            field_dict["thumbs_up"] = thumbs_up
        if expected_value is not UNSET:
            field_dict["expected_value"] = expected_value
        if feedback is not UNSET:
            field_dict["feedback"] = feedback

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_thumbs_up(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        thumbs_up = _parse_thumbs_up(d.pop("thumbs_up", UNSET))

        expected_value = d.pop("expected_value", UNSET)

        feedback = d.pop("feedback", UNSET)

        metric_score_vote = cls(
            thumbs_up=thumbs_up,
            expected_value=expected_value,
            feedback=feedback,
        )

        metric_score_vote.additional_properties = d
        return metric_score_vote

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
