from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.feedback_progress_improved_trigger_kind import (
    FeedbackProgressImprovedTriggerKind,
)
from ..models.job_status import JobStatus
from ..models.metric_type import MetricType
from ..models.trigger_type import TriggerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.review_result import ReviewResult


T = TypeVar("T", bound="FeedbackProgress")


@_attrs_define
class FeedbackProgress:
    """Our definition of the envelope: `progress_id`, `status`, `progress` and `error` are
    ours; once `status` is `completed` the upstream proposal fields are filled in.

        Attributes:
            progress_id (str):
            status (JobStatus): Our definition: the life of a background job, queued -> in_progress -> completed or failed.
            progress (int):
            error (None | str | Unset):
            improved_metric_description (str | Unset):
            improved_evaluation_trigger (str | Unset):
            improved_trigger_kind (FeedbackProgressImprovedTriggerKind | Unset):  Default:
                FeedbackProgressImprovedTriggerKind.ALWAYS.
            trigger_type (TriggerType | Unset): What decides a `custom` trigger, an LLM judge or custom code.
            metric_description_program (Any | Unset): Any JSON.
            metric_description_variables (list[Any] | Unset):
            evaluation_trigger_program (Any | Unset): Any JSON.
            evaluation_trigger_variables (list[Any] | Unset):
            review_results (list[ReviewResult] | Unset):
            custom_code (str | Unset):  Default: ''.
            type_ (MetricType | Unset): How a metric is evaluated. `llm_judge` and `custom_code` are current; `basic` and
                `custom_prompt` are deprecated and refused on create.
            feedback_edits (list[Any] | Unset):
            unauthorized_label_changes (list[Any] | Unset):
            unresolved_samples (list[Any] | Unset):
            optimization_summary (str | Unset):  Default: ''.
            old_score (Any | Unset): Score before the change (any JSON).
            new_score (Any | Unset): Score after the change (any JSON).
    """

    progress_id: str
    status: JobStatus
    progress: int
    error: None | str | Unset = UNSET
    improved_metric_description: str | Unset = UNSET
    improved_evaluation_trigger: str | Unset = UNSET
    improved_trigger_kind: FeedbackProgressImprovedTriggerKind | Unset = (
        FeedbackProgressImprovedTriggerKind.ALWAYS
    )
    trigger_type: TriggerType | Unset = UNSET
    metric_description_program: Any | Unset = UNSET
    metric_description_variables: list[Any] | Unset = UNSET
    evaluation_trigger_program: Any | Unset = UNSET
    evaluation_trigger_variables: list[Any] | Unset = UNSET
    review_results: list[ReviewResult] | Unset = UNSET
    custom_code: str | Unset = ""
    type_: MetricType | Unset = UNSET
    feedback_edits: list[Any] | Unset = UNSET
    unauthorized_label_changes: list[Any] | Unset = UNSET
    unresolved_samples: list[Any] | Unset = UNSET
    optimization_summary: str | Unset = ""
    old_score: Any | Unset = UNSET
    new_score: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        progress_id = self.progress_id

        status = self.status.value

        progress = self.progress

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        improved_metric_description = self.improved_metric_description

        improved_evaluation_trigger = self.improved_evaluation_trigger

        improved_trigger_kind: str | Unset = UNSET
        if not isinstance(self.improved_trigger_kind, Unset):
            improved_trigger_kind = self.improved_trigger_kind.value

        trigger_type: str | Unset = UNSET
        if not isinstance(self.trigger_type, Unset):
            trigger_type = self.trigger_type.value

        metric_description_program = self.metric_description_program

        metric_description_variables: list[Any] | Unset = UNSET
        if not isinstance(self.metric_description_variables, Unset):
            metric_description_variables = self.metric_description_variables

        evaluation_trigger_program = self.evaluation_trigger_program

        evaluation_trigger_variables: list[Any] | Unset = UNSET
        if not isinstance(self.evaluation_trigger_variables, Unset):
            evaluation_trigger_variables = self.evaluation_trigger_variables

        review_results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.review_results, Unset):
            review_results = []
            for review_results_item_data in self.review_results:
                review_results_item = review_results_item_data.to_dict()
                review_results.append(review_results_item)

        custom_code = self.custom_code

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        feedback_edits: list[Any] | Unset = UNSET
        if not isinstance(self.feedback_edits, Unset):
            feedback_edits = self.feedback_edits

        unauthorized_label_changes: list[Any] | Unset = UNSET
        if not isinstance(self.unauthorized_label_changes, Unset):
            unauthorized_label_changes = self.unauthorized_label_changes

        unresolved_samples: list[Any] | Unset = UNSET
        if not isinstance(self.unresolved_samples, Unset):
            unresolved_samples = self.unresolved_samples

        optimization_summary = self.optimization_summary

        old_score = self.old_score

        new_score = self.new_score

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
        if improved_metric_description is not UNSET:
            field_dict["improved_metric_description"] = improved_metric_description
        if improved_evaluation_trigger is not UNSET:
            field_dict["improved_evaluation_trigger"] = improved_evaluation_trigger
        if improved_trigger_kind is not UNSET:
            field_dict["improved_trigger_kind"] = improved_trigger_kind
        if trigger_type is not UNSET:
            field_dict["trigger_type"] = trigger_type
        if metric_description_program is not UNSET:
            field_dict["metric_description_program"] = metric_description_program
        if metric_description_variables is not UNSET:
            field_dict["metric_description_variables"] = metric_description_variables
        if evaluation_trigger_program is not UNSET:
            field_dict["evaluation_trigger_program"] = evaluation_trigger_program
        if evaluation_trigger_variables is not UNSET:
            field_dict["evaluation_trigger_variables"] = evaluation_trigger_variables
        if review_results is not UNSET:
            field_dict["review_results"] = review_results
        if custom_code is not UNSET:
            field_dict["custom_code"] = custom_code
        if type_ is not UNSET:
            field_dict["type"] = type_
        if feedback_edits is not UNSET:
            field_dict["feedback_edits"] = feedback_edits
        if unauthorized_label_changes is not UNSET:
            field_dict["unauthorized_label_changes"] = unauthorized_label_changes
        if unresolved_samples is not UNSET:
            field_dict["unresolved_samples"] = unresolved_samples
        if optimization_summary is not UNSET:
            field_dict["optimization_summary"] = optimization_summary
        if old_score is not UNSET:
            field_dict["old_score"] = old_score
        if new_score is not UNSET:
            field_dict["new_score"] = new_score

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.review_result import ReviewResult

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

        improved_metric_description = d.pop("improved_metric_description", UNSET)

        improved_evaluation_trigger = d.pop("improved_evaluation_trigger", UNSET)

        _improved_trigger_kind = d.pop("improved_trigger_kind", UNSET)
        improved_trigger_kind: FeedbackProgressImprovedTriggerKind | Unset
        if isinstance(_improved_trigger_kind, Unset):
            improved_trigger_kind = UNSET
        else:
            improved_trigger_kind = FeedbackProgressImprovedTriggerKind(
                _improved_trigger_kind
            )

        _trigger_type = d.pop("trigger_type", UNSET)
        trigger_type: TriggerType | Unset
        if isinstance(_trigger_type, Unset):
            trigger_type = UNSET
        else:
            trigger_type = TriggerType(_trigger_type)

        metric_description_program = d.pop("metric_description_program", UNSET)

        metric_description_variables = cast(
            list[Any], d.pop("metric_description_variables", UNSET)
        )

        evaluation_trigger_program = d.pop("evaluation_trigger_program", UNSET)

        evaluation_trigger_variables = cast(
            list[Any], d.pop("evaluation_trigger_variables", UNSET)
        )

        _review_results = d.pop("review_results", UNSET)
        review_results: list[ReviewResult] | Unset = UNSET
        if _review_results is not UNSET:
            review_results = []
            for review_results_item_data in _review_results:
                review_results_item = ReviewResult.from_dict(review_results_item_data)

                review_results.append(review_results_item)

        custom_code = d.pop("custom_code", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: MetricType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = MetricType(_type_)

        feedback_edits = cast(list[Any], d.pop("feedback_edits", UNSET))

        unauthorized_label_changes = cast(
            list[Any], d.pop("unauthorized_label_changes", UNSET)
        )

        unresolved_samples = cast(list[Any], d.pop("unresolved_samples", UNSET))

        optimization_summary = d.pop("optimization_summary", UNSET)

        old_score = d.pop("old_score", UNSET)

        new_score = d.pop("new_score", UNSET)

        feedback_progress = cls(
            progress_id=progress_id,
            status=status,
            progress=progress,
            error=error,
            improved_metric_description=improved_metric_description,
            improved_evaluation_trigger=improved_evaluation_trigger,
            improved_trigger_kind=improved_trigger_kind,
            trigger_type=trigger_type,
            metric_description_program=metric_description_program,
            metric_description_variables=metric_description_variables,
            evaluation_trigger_program=evaluation_trigger_program,
            evaluation_trigger_variables=evaluation_trigger_variables,
            review_results=review_results,
            custom_code=custom_code,
            type_=type_,
            feedback_edits=feedback_edits,
            unauthorized_label_changes=unauthorized_label_changes,
            unresolved_samples=unresolved_samples,
            optimization_summary=optimization_summary,
            old_score=old_score,
            new_score=new_score,
        )

        feedback_progress.additional_properties = d
        return feedback_progress

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
