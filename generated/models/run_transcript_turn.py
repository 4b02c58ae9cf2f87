from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RunTranscriptTurn")


@_attrs_define
class RunTranscriptTurn:
    """
    Attributes:
        role (str):
        content (str):
        timestamp (float):
        normalized_content (str | Unset):
        comparison_spans (list[Any] | Unset):
    """

    role: str
    content: str
    timestamp: float
    normalized_content: str | Unset = UNSET
    comparison_spans: list[Any] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        content = self.content

        timestamp = self.timestamp

        normalized_content = self.normalized_content

        comparison_spans: list[Any] | Unset = UNSET
        if not isinstance(self.comparison_spans, Unset):
            comparison_spans = self.comparison_spans

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "content": content,
                "timestamp": timestamp,
            }
        )
        if normalized_content is not UNSET:
            field_dict["normalized_content"] = normalized_content
        if comparison_spans is not UNSET:
            field_dict["comparison_spans"] = comparison_spans

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role = d.pop("role")

        content = d.pop("content")

        timestamp = d.pop("timestamp")

        normalized_content = d.pop("normalized_content", UNSET)

        comparison_spans = cast(list[Any], d.pop("comparison_spans", UNSET))

        run_transcript_turn = cls(
            role=role,
            content=content,
            timestamp=timestamp,
            normalized_content=normalized_content,
            comparison_spans=comparison_spans,
        )

        run_transcript_turn.additional_properties = d
        return run_transcript_turn

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
