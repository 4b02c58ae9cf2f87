from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PayloadTurn")


@_attrs_define
class PayloadTurn:
    """Our definition: one turn in the shape custom-code metrics receive it (`data["transcript_json"]`).

    Attributes:
        role (str):
        time (str): MM:SS from the start of the call.
        content (str):
        start_time (float | Unset):
        end_time (float | Unset):
    """

    role: str
    time: str
    content: str
    start_time: float | Unset = UNSET
    end_time: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        time = self.time

        content = self.content

        start_time = self.start_time

        end_time = self.end_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "time": time,
                "content": content,
            }
        )
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role = d.pop("role")

        time = d.pop("time")

        content = d.pop("content")

        start_time = d.pop("start_time", UNSET)

        end_time = d.pop("end_time", UNSET)

        payload_turn = cls(
            role=role,
            time=time,
            content=content,
            start_time=start_time,
            end_time=end_time,
        )

        payload_turn.additional_properties = d
        return payload_turn

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
