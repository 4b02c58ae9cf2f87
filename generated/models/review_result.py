from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewResult")


@_attrs_define
class ReviewResult:
    """
    Attributes:
        review_id (int):
        test_set_id (int):
        success (bool):
        actual_value (Any | Unset): Any JSON or null.
        explanation (Any | Unset): Any JSON or null.
        error (None | str | Unset):
    """

    review_id: int
    test_set_id: int
    success: bool
    actual_value: Any | Unset = UNSET
    explanation: Any | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        review_id = self.review_id

        test_set_id = self.test_set_id

        success = self.success

        actual_value = self.actual_value

        explanation = self.explanation

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "review_id": review_id,
                "test_set_id": test_set_id,
                "success": success,
            }
        )
        if actual_value is not UNSET:
            field_dict["actual_value"] = actual_value
        if explanation is not UNSET:
            field_dict["explanation"] = explanation
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        review_id = d.pop("review_id")

        test_set_id = d.pop("test_set_id")

        success = d.pop("success")

        actual_value = d.pop("actual_value", UNSET)

        explanation = d.pop("explanation", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        review_result = cls(
            review_id=review_id,
            test_set_id=test_set_id,
            success=success,
            actual_value=actual_value,
            explanation=explanation,
            error=error,
        )

        review_result.additional_properties = d
        return review_result

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
