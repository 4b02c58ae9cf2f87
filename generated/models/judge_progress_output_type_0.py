from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JudgeProgressOutputType0")


@_attrs_define
class JudgeProgressOutputType0:
    """The verdict: `result` (a boolean, number or label; null for N/A) and `explanation` (lines of text).

    Attributes:
        result (Any | Unset): The judge's answer, typed by eval_type, or null.
        explanation (list[str] | Unset):
    """

    result: Any | Unset = UNSET
    explanation: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result = self.result

        explanation: list[str] | Unset = UNSET
        if not isinstance(self.explanation, Unset):
            explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if explanation is not UNSET:
            field_dict["explanation"] = explanation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        result = d.pop("result", UNSET)

        explanation = cast(list[str], d.pop("explanation", UNSET))

        judge_progress_output_type_0 = cls(
            result=result,
            explanation=explanation,
        )

        judge_progress_output_type_0.additional_properties = d
        return judge_progress_output_type_0

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
