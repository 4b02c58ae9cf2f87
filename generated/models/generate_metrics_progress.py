from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.generated_metric import GeneratedMetric


T = TypeVar("T", bound="GenerateMetricsProgress")


@_attrs_define
class GenerateMetricsProgress:
    """Our definition: a generation job's state; `metrics` is filled once it has completed.

    Attributes:
        progress_id (str):
        status (JobStatus): Our definition: the life of a background job, queued -> in_progress -> completed or failed.
        progress (int): Percent done.
        metrics (list[GeneratedMetric]):
        error (None | str | Unset): Why the job failed.
    """

    progress_id: str
    status: JobStatus
    progress: int
    metrics: list[GeneratedMetric]
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        progress_id = self.progress_id

        status = self.status.value

        progress = self.progress

        metrics = []
        for metrics_item_data in self.metrics:
            metrics_item = metrics_item_data.to_dict()
            metrics.append(metrics_item)

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
                "metrics": metrics,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.generated_metric import GeneratedMetric

        d = dict(src_dict)
        progress_id = d.pop("progress_id")

        status = JobStatus(d.pop("status"))

        progress = d.pop("progress")

        metrics = []
        _metrics = d.pop("metrics")
        for metrics_item_data in _metrics:
            metrics_item = GeneratedMetric.from_dict(metrics_item_data)

            metrics.append(metrics_item)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        generate_metrics_progress = cls(
            progress_id=progress_id,
            status=status,
            progress=progress,
            metrics=metrics,
            error=error,
        )

        generate_metrics_progress.additional_properties = d
        return generate_metrics_progress

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
