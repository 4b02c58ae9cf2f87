from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.test_set_inline import TestSetInline


T = TypeVar("T", bound="MetricReview")


@_attrs_define
class MetricReview:
    """A reviewer's label on one of the metric's test sets.

    Attributes:
        metric (int):
        id (int | Unset):
        test_set (TestSetInline | Unset): The test set (a recorded call or run) a review is about.
        expected_value (Any | Unset): What the reviewer says the metric should have answered (any JSON or null).
        actual_value (Any | Unset): What the metric answered (any JSON or null).
        explanation (Any | Unset): The metric's explanation (any JSON).
        feedback (str | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    metric: int
    id: int | Unset = UNSET
    test_set: TestSetInline | Unset = UNSET
    expected_value: Any | Unset = UNSET
    actual_value: Any | Unset = UNSET
    explanation: Any | Unset = UNSET
    feedback: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metric = self.metric

        id = self.id

        test_set: dict[str, Any] | Unset = UNSET
        if not isinstance(self.test_set, Unset):
            test_set = self.test_set.to_dict()

        expected_value = self.expected_value

        actual_value = self.actual_value

        explanation = self.explanation

        feedback = self.feedback

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metric": metric,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if test_set is not UNSET:
            field_dict["test_set"] = test_set
        if expected_value is not UNSET:
            field_dict["expected_value"] = expected_value
        if actual_value is not UNSET:
            field_dict["actual_value"] = actual_value
        if explanation is not UNSET:
            field_dict["explanation"] = explanation
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.test_set_inline import TestSetInline

        d = dict(src_dict)
        metric = d.pop("metric")

        id = d.pop("id", UNSET)

        _test_set = d.pop("test_set", UNSET)
        test_set: TestSetInline | Unset
        if isinstance(_test_set, Unset):
            test_set = UNSET
        else:
            test_set = TestSetInline.from_dict(_test_set)

        expected_value = d.pop("expected_value", UNSET)

        actual_value = d.pop("actual_value", UNSET)

        explanation = d.pop("explanation", UNSET)

        feedback = d.pop("feedback", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        metric_review = cls(
            metric=metric,
            id=id,
            test_set=test_set,
            expected_value=expected_value,
            actual_value=actual_value,
            explanation=explanation,
            feedback=feedback,
            created_at=created_at,
            updated_at=updated_at,
        )

        metric_review.additional_properties = d
        return metric_review

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
