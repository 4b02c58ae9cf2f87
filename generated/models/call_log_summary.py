from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_status import CallStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric_score_brief import MetricScoreBrief


T = TypeVar("T", bound="CallLogSummary")


@_attrs_define
class CallLogSummary:
    """A call as listed.

    Attributes:
        call_id (str): The voice provider's id for the call (not the call log id).
        id (int | Unset):
        duration (str | Unset): MM:SS.
        success (bool | None | Unset):
        is_reviewed (bool | Unset):
        status (CallStatus | Unset): The call's verdict, and whether a person has reviewed it.
        feedback (str | Unset):
        metrics (list[MetricScoreBrief] | Unset):
        call_ended_reason (str | Unset):
        customer_number (str | Unset):
        agent (int | None | Unset):
        agent_name (str | Unset):
        trace_id (str | Unset):
        timestamp (datetime.datetime | Unset):
        error_message (None | str | Unset):
        dropoff_point (str | Unset):
        topic (str | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        transcript (str | Unset):
        transcript_object (Any | Unset): Our definition: upstream types this computed field as a string; the service
            answers the list of turns.
        evaluation (Any | Unset): Our definition: upstream types this computed field as a string; the service answers
            `{metrics: [...]}`.
    """

    call_id: str
    id: int | Unset = UNSET
    duration: str | Unset = UNSET
    success: bool | None | Unset = UNSET
    is_reviewed: bool | Unset = UNSET
    status: CallStatus | Unset = UNSET
    feedback: str | Unset = UNSET
    metrics: list[MetricScoreBrief] | Unset = UNSET
    call_ended_reason: str | Unset = UNSET
    customer_number: str | Unset = UNSET
    agent: int | None | Unset = UNSET
    agent_name: str | Unset = UNSET
    trace_id: str | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    error_message: None | str | Unset = UNSET
    dropoff_point: str | Unset = UNSET
    topic: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    transcript: str | Unset = UNSET
    transcript_object: Any | Unset = UNSET
    evaluation: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        call_id = self.call_id

        id = self.id

        duration = self.duration

        success: bool | None | Unset
        if isinstance(self.success, Unset):
            success = UNSET
        else:
            success = self.success

        is_reviewed = self.is_reviewed

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        feedback = self.feedback

        metrics: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.metrics, Unset):
            metrics = []
            for metrics_item_data in self.metrics:
                metrics_item = metrics_item_data.to_dict()
                metrics.append(metrics_item)

        call_ended_reason = self.call_ended_reason

        customer_number = self.customer_number

        agent: int | None | Unset
        if isinstance(self.agent, Unset):
            agent = UNSET
        else:
            agent = self.agent

        agent_name = self.agent_name

        trace_id = self.trace_id

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        dropoff_point = self.dropoff_point

        topic = self.topic

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        transcript = self.transcript

        transcript_object = self.transcript_object

        evaluation = self.evaluation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "call_id": call_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if duration is not UNSET:
            field_dict["duration"] = duration
        if success is not UNSET:
            field_dict["success"] = success
        if is_reviewed is not UNSET:
            field_dict["is_reviewed"] = is_reviewed
        if status is not UNSET:
            field_dict["status"] = status
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if call_ended_reason is not UNSET:
            field_dict["call_ended_reason"] = call_ended_reason
        if customer_number is not UNSET:
            field_dict["customer_number"] = customer_number
        if agent is not UNSET:
            field_dict["agent"] = agent
        if agent_name is not UNSET:
            field_dict["agent_name"] = agent_name
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if dropoff_point is not UNSET:
            field_dict["dropoff_point"] = dropoff_point
        if topic is not UNSET:
            field_dict["topic"] = topic
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if transcript is not UNSET:
            field_dict["transcript"] = transcript
        if transcript_object is not UNSET:
            field_dict["transcript_object"] = transcript_object
        if evaluation is not UNSET:
            field_dict["evaluation"] = evaluation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metric_score_brief import MetricScoreBrief

        d = dict(src_dict)
        call_id = d.pop("call_id")

        id = d.pop("id", UNSET)

        duration = d.pop("duration", UNSET)

        def _parse_success(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        success = _parse_success(d.pop("success", UNSET))

        is_reviewed = d.pop("is_reviewed", UNSET)

        _status = d.pop("status", UNSET)
        status: CallStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = CallStatus(_status)

        feedback = d.pop("feedback", UNSET)

        _metrics = d.pop("metrics", UNSET)
        metrics: list[MetricScoreBrief] | Unset = UNSET
        if _metrics is not UNSET:
            metrics = []
            for metrics_item_data in _metrics:
                metrics_item = MetricScoreBrief.from_dict(metrics_item_data)

                metrics.append(metrics_item)

        call_ended_reason = d.pop("call_ended_reason", UNSET)

        customer_number = d.pop("customer_number", UNSET)

        def _parse_agent(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        agent = _parse_agent(d.pop("agent", UNSET))

        agent_name = d.pop("agent_name", UNSET)

        trace_id = d.pop("trace_id", UNSET)

        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

        dropoff_point = d.pop("dropoff_point", UNSET)

        topic = d.pop("topic", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        transcript = d.pop("transcript", UNSET)

        transcript_object = d.pop("transcript_object", UNSET)

        evaluation = d.pop("evaluation", UNSET)

        call_log_summary = cls(
            call_id=call_id,
            id=id,
            duration=duration,
            success=success,
            is_reviewed=is_reviewed,
            status=status,
            feedback=feedback,
            metrics=metrics,
            call_ended_reason=call_ended_reason,
            customer_number=customer_number,
            agent=agent,
            agent_name=agent_name,
            trace_id=trace_id,
            timestamp=timestamp,
            error_message=error_message,
            dropoff_point=dropoff_point,
            topic=topic,
            created_at=created_at,
            updated_at=updated_at,
            transcript=transcript,
            transcript_object=transcript_object,
            evaluation=evaluation,
        )

        call_log_summary.additional_properties = d
        return call_log_summary

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
