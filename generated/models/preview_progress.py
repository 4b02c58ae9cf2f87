from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preview_score import PreviewScore


T = TypeVar("T", bound="PreviewProgress")


@_attrs_define
class PreviewProgress:
    """Our definition: a preview job's state; `results` is filled once it has completed.

    Attributes:
        progress_id (str):
        status (JobStatus): Our definition: the life of a background job, queued -> in_progress -> completed or failed.
        progress (int): Percent done.
        results (list[PreviewScore]):
        error (None | str | Unset): Why the job failed.
    """

    progress_id: str
    status: JobStatus
    progress: int
    results: list[PreviewScore]
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        progress_id = self.progress_id

        status = self.status.value

        progress = self.progress

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "progress_id": progress_id,
                "status": status,
                "progress": progress,
                "results": results,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preview_score import PreviewScore

        d = dict(src_dict)
        progress_id = d.pop("progress_id")

        status = JobStatus(d.pop("status"))

        progress = d.pop("progress")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = PreviewScore.from_dict(results_item_data)

            results.append(results_item)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        preview_progress = cls(
            progress_id=progress_id,
            status=status,
            progress=progress,
            results=results,
            error=error,
        )

        preview_progress.additional_properties = d
        return preview_progress

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
