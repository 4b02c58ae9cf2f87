from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.judge_progress_output_type_0 import JudgeProgressOutputType0


T = TypeVar("T", bound="JudgeProgress")


@_attrs_define
class JudgeProgress:
    """Our definition: an LLM-judge evaluation's state; `output` is filled once it has completed.

    Attributes:
        progress_id (str):
        status (JobStatus): Our definition: the life of a background job, queued -> in_progress -> completed or failed.
        progress (int): Percent done.
        error (None | str | Unset): Why the judgment failed.
        output (JudgeProgressOutputType0 | None | Unset): The verdict: `result` (a boolean, number or label; null for
            N/A) and `explanation` (lines of text).
    """

    progress_id: str
    status: JobStatus
    progress: int
    error: None | str | Unset = UNSET
    output: JudgeProgressOutputType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.judge_progress_output_type_0 import JudgeProgressOutputType0

        progress_id = self.progress_id

        status = self.status.value

        progress = self.progress

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        output: dict[str, Any] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, JudgeProgressOutputType0):
            output = self.output.to_dict()
        else:
            output = self.output

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "progress_id": progress_id,
                "status": status,
                "progress": progress,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if output is not UNSET:
            field_dict["output"] = output

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.judge_progress_output_type_0 import JudgeProgressOutputType0

        d = dict(src_dict)
        progress_id = d.pop("progress_id")

        status = JobStatus(d.pop("status"))

        progress = d.pop("progress")

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_output(data: object) -> JudgeProgressOutputType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = JudgeProgressOutputType0.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JudgeProgressOutputType0 | None | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        judge_progress = cls(
            progress_id=progress_id,
            status=status,
            progress=progress,
            error=error,
            output=output,
        )

        judge_progress.additional_properties = d
        return judge_progress

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
