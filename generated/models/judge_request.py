from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="JudgeRequest")


@_attrs_define
class JudgeRequest:
    """One question for the LLM judge, about one call's payload.

    Attributes:
        description (str): The criterion the judge evaluates.
        data (Any): The call's payload (transcript, metadata, voice_recording, ...), as metric code receives it.
        eval_type (None | str | Unset): binary, numeric, continuous_qualitative or enum (legacy binary_* values mean
            binary).
        enum_values (list[str] | None | Unset): The allowed answers when eval_type is enum.
        audio (bool | Unset): Judge the recording instead of (or as well as) the transcript.
        audio_start_time (float | None | Unset): Start of the clip, in seconds from the call's start (audio only).
        audio_end_time (float | None | Unset): End of the clip, in seconds from the call's start (audio only).
    """

    description: str
    data: Any
    eval_type: None | str | Unset = UNSET
    enum_values: list[str] | None | Unset = UNSET
    audio: bool | Unset = UNSET
    audio_start_time: float | None | Unset = UNSET
    audio_end_time: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        data = self.data

        eval_type: None | str | Unset
        if isinstance(self.eval_type, Unset):
            eval_type = UNSET
        else:
            eval_type = self.eval_type

        enum_values: list[str] | None | Unset
        if isinstance(self.enum_values, Unset):
            enum_values = UNSET
        elif isinstance(self.enum_values, list):
            enum_values = self.enum_values

        else:
            enum_values = self.enum_values

        audio = self.audio

        audio_start_time: float | None | Unset
        if isinstance(self.audio_start_time, Unset):
            audio_start_time = UNSET
        else:
            audio_start_time = self.audio_start_time

        audio_end_time: float | None | Unset
        if isinstance(self.audio_end_time, Unset):
            audio_end_time = UNSET
        else:
            audio_end_time = self.audio_end_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "description": description,
                "data": data,
            }
        )
        if eval_type is not UNSET:
            field_dict["eval_type"] = eval_type
        if enum_values is not UNSET:
            field_dict["enum_values"] = enum_values
        if audio is not UNSET:
            field_dict["audio"] = audio
        if audio_start_time is not UNSET:
            field_dict["audio_start_time"] = audio_start_time
        if audio_end_time is not UNSET:
            field_dict["audio_end_time"] = audio_end_time

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        description = d.pop("description")

        data = d.pop("data")

        def _parse_eval_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        eval_type = _parse_eval_type(d.pop("eval_type", UNSET))

        def _parse_enum_values(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                enum_values_type_0 = cast(list[str], data)

                return enum_values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        enum_values = _parse_enum_values(d.pop("enum_values", UNSET))

        audio = d.pop("audio", UNSET)

        def _parse_audio_start_time(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        audio_start_time = _parse_audio_start_time(d.pop("audio_start_time", UNSET))

        def _parse_audio_end_time(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        audio_end_time = _parse_audio_end_time(d.pop("audio_end_time", UNSET))

        judge_request = cls(
            description=description,
            data=data,
            eval_type=eval_type,
            enum_values=enum_values,
            audio=audio,
            audio_start_time=audio_start_time,
            audio_end_time=audio_end_time,
        )

        judge_request.additional_properties = d
        return judge_request

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
