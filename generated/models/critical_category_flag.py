from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.critical_category_flag_priority import CriticalCategoryFlagPriority
from ..types import UNSET, Unset

T = TypeVar("T", bound="CriticalCategoryFlag")


@_attrs_define
class CriticalCategoryFlag:
    """
    Attributes:
        category_id (int):
        category (str):
        deviation (float | Unset):
        wrongly_marked (bool | Unset):
        feedback (str | Unset):
        priority (CriticalCategoryFlagPriority | Unset):
    """

    category_id: int
    category: str
    deviation: float | Unset = UNSET
    wrongly_marked: bool | Unset = UNSET
    feedback: str | Unset = UNSET
    priority: CriticalCategoryFlagPriority | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category_id = self.category_id

        category = self.category

        deviation = self.deviation

        wrongly_marked = self.wrongly_marked

        feedback = self.feedback

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category_id": category_id,
                "category": category,
            }
        )
        if deviation is not UNSET:
            field_dict["deviation"] = deviation
        if wrongly_marked is not UNSET:
            field_dict["wrongly_marked"] = wrongly_marked
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        category_id = d.pop("category_id")

        category = d.pop("category")

        deviation = d.pop("deviation", UNSET)

        wrongly_marked = d.pop("wrongly_marked", UNSET)

        feedback = d.pop("feedback", UNSET)

        _priority = d.pop("priority", UNSET)
        priority: CriticalCategoryFlagPriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = CriticalCategoryFlagPriority(_priority)

        critical_category_flag = cls(
            category_id=category_id,
            category=category,
            deviation=deviation,
            wrongly_marked=wrongly_marked,
            feedback=feedback,
            priority=priority,
        )

        critical_category_flag.additional_properties = d
        return critical_category_flag

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
