from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MetricScoreBrief")


@_attrs_define
class MetricScoreBrief:
    """A metric's verdict as listed with a call.

    Attributes:
        id (int):
        name (str):
        type_ (str):
        score (float | None): Our definition: null means N/A.
        enum (str | Unset):
        value (str | Unset):
    """

    id: int
    name: str
    type_: str
    score: float | None
    enum: str | Unset = UNSET
    value: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_ = self.type_

        score: float | None
        score = self.score

        enum = self.enum

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "type": type_,
                "score": score,
            }
        )
        if enum is not UNSET:
            field_dict["enum"] = enum
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        type_ = d.pop("type")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        enum = d.pop("enum", UNSET)

        value = d.pop("value", UNSET)

        metric_score_brief = cls(
            id=id,
            name=name,
            type_=type_,
            score=score,
            enum=enum,
            value=value,
        )

        metric_score_brief.additional_properties = d
        return metric_score_brief

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
