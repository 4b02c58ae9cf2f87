from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_status import CallStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.call_log_dynamic_variables import CallLogDynamicVariables
    from ..models.call_log_metadata import CallLogMetadata
    from ..models.critical_category_flag import CriticalCategoryFlag
    from ..models.evaluation import Evaluation
    from ..models.payload_turn import PayloadTurn
    from ..models.transcript_turn import TranscriptTurn


T = TypeVar("T", bound="CallLog")


@_attrs_define
class CallLog:
    """A production call with everything the service knows about it.

    Attributes:
        call_id (str):
        id (int | Unset):
        duration (str | Unset): MM:SS.
        voice_recording_url (str | Unset):
        critical_categories (list[CriticalCategoryFlag] | Unset):
        transcript_object (list[TranscriptTurn] | Unset):
        transcript_json (list[PayloadTurn] | Unset): Our definition: not in upstream's description. The sandbox also
            answers the turns in
            the shape custom-code metrics receive them; clients must not count on it from the service.
        status (CallStatus | Unset): The call's verdict, and whether a person has reviewed it.
        agent_id (str | Unset):
        agent_name (str | Unset):
        evaluation (Evaluation | Unset):
        metadata (CallLogMetadata | Unset):
        dynamic_variables (CallLogDynamicVariables | Unset):
        testing_channel_index (int | None | Unset):
        timestamp (datetime.datetime | Unset):
        success (bool | None | Unset):
        is_reviewed (bool | Unset):
        feedback (str | Unset):
        rubric (Any | Unset): Per-metric pass/fail conditions (any JSON or null).
        transcript (str | Unset): The call as text, one `[MM:SS] Role: text` line per turn.
        call_ended_reason (str | Unset):
        dropoff_point (str | Unset):
        topic (str | Unset):
        customer_number (str | Unset):
        user_generated_transcript (Any | Unset): A transcript corrected by hand (any JSON or null).
        error_message (None | str | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
        trace_id (str | Unset):
        agent (int | None | Unset):
        project (int | None | Unset):
    """

    call_id: str
    id: int | Unset = UNSET
    duration: str | Unset = UNSET
    voice_recording_url: str | Unset = UNSET
    critical_categories: list[CriticalCategoryFlag] | Unset = UNSET
    transcript_object: list[TranscriptTurn] | Unset = UNSET
    transcript_json: list[PayloadTurn] | Unset = UNSET
    status: CallStatus | Unset = UNSET
    agent_id: str | Unset = UNSET
    agent_name: str | Unset = UNSET
    evaluation: Evaluation | Unset = UNSET
    metadata: CallLogMetadata | Unset = UNSET
    dynamic_variables: CallLogDynamicVariables | Unset = UNSET
    testing_channel_index: int | None | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    success: bool | None | Unset = UNSET
    is_reviewed: bool | Unset = UNSET
    feedback: str | Unset = UNSET
    rubric: Any | Unset = UNSET
    transcript: str | Unset = UNSET
    call_ended_reason: str | Unset = UNSET
    dropoff_point: str | Unset = UNSET
    topic: str | Unset = UNSET
    customer_number: str | Unset = UNSET
    user_generated_transcript: Any | Unset = UNSET
    error_message: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    trace_id: str | Unset = UNSET
    agent: int | None | Unset = UNSET
    project: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        call_id = self.call_id

        id = self.id

        duration = self.duration

        voice_recording_url = self.voice_recording_url

        critical_categories: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.critical_categories, Unset):
            critical_categories = []
            for critical_categories_item_data in self.critical_categories:
                critical_categories_item = critical_categories_item_data.to_dict()
                critical_categories.append(critical_categories_item)

        transcript_object: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.transcript_object, Unset):
            transcript_object = []
            for transcript_object_item_data in self.transcript_object:
                transcript_object_item = transcript_object_item_data.to_dict()
                transcript_object.append(transcript_object_item)

        transcript_json: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.transcript_json, Unset):
            transcript_json = []
            for transcript_json_item_data in self.transcript_json:
                transcript_json_item = transcript_json_item_data.to_dict()
                transcript_json.append(transcript_json_item)

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        agent_id = self.agent_id

        agent_name = self.agent_name

        evaluation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.evaluation, Unset):
            evaluation = self.evaluation.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        dynamic_variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dynamic_variables, Unset):
            dynamic_variables = self.dynamic_variables.to_dict()

        testing_channel_index: int | None | Unset
        if isinstance(self.testing_channel_index, Unset):
            testing_channel_index = UNSET
        else:
            testing_channel_index = self.testing_channel_index

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        success: bool | None | Unset
        if isinstance(self.success, Unset):
            success = UNSET
        else:
            success = self.success

        is_reviewed = self.is_reviewed

        feedback = self.feedback

        rubric = self.rubric

        transcript = self.transcript

        call_ended_reason = self.call_ended_reason

        dropoff_point = self.dropoff_point

        topic = self.topic

        customer_number = self.customer_number

        user_generated_transcript = self.user_generated_transcript

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        trace_id = self.trace_id

        agent: int | None | Unset
        if isinstance(self.agent, Unset):
            agent = UNSET
        else:
            agent = self.agent

        project: int | None | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

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
        if voice_recording_url is not UNSET:
            field_dict["voice_recording_url"] = voice_recording_url
        if critical_categories is not UNSET:
            field_dict["critical_categories"] = critical_categories
        if transcript_object is not UNSET:
            field_dict["transcript_object"] = transcript_object
        if transcript_json is not UNSET:
            field_dict["transcript_json"] = transcript_json
        if status is not UNSET:
            field_dict["status"] = status
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if agent_name is not UNSET:
            field_dict["agent_name"] = agent_name
        if evaluation is not UNSET:
            field_dict["evaluation"] = evaluation
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if dynamic_variables is not UNSET:
            field_dict["dynamic_variables"] = dynamic_variables
        if testing_channel_index is not UNSET:
            field_dict["testing_channel_index"] = testing_channel_index
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if success is not UNSET:
            field_dict["success"] = success
        if is_reviewed is not UNSET:
            field_dict["is_reviewed"] = is_reviewed
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if rubric is not UNSET:
            field_dict["rubric"] = rubric
        if transcript is not UNSET:
            field_dict["transcript"] = transcript
        if call_ended_reason is not UNSET:
            field_dict["call_ended_reason"] = call_ended_reason
        if dropoff_point is not UNSET:
            field_dict["dropoff_point"] = dropoff_point
        if topic is not UNSET:
            field_dict["topic"] = topic
        if customer_number is not UNSET:
            field_dict["customer_number"] = customer_number
        if user_generated_transcript is not UNSET:
            field_dict["user_generated_transcript"] = user_generated_transcript
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id
        if agent is not UNSET:
            field_dict["agent"] = agent
        if project is not UNSET:
            field_dict["project"] = project

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.call_log_dynamic_variables import CallLogDynamicVariables
        from ..models.call_log_metadata import CallLogMetadata
        from ..models.critical_category_flag import CriticalCategoryFlag
        from ..models.evaluation import Evaluation
        from ..models.payload_turn import PayloadTurn
        from ..models.transcript_turn import TranscriptTurn

        d = dict(src_dict)
        call_id = d.pop("call_id")

        id = d.pop("id", UNSET)

        duration = d.pop("duration", UNSET)

        voice_recording_url = d.pop("voice_recording_url", UNSET)

        _critical_categories = d.pop("critical_categories", UNSET)
        critical_categories: list[CriticalCategoryFlag] | Unset = UNSET
        if _critical_categories is not UNSET:
            critical_categories = []
            for critical_categories_item_data in _critical_categories:
                critical_categories_item = CriticalCategoryFlag.from_dict(
                    critical_categories_item_data
                )

                critical_categories.append(critical_categories_item)

        _transcript_object = d.pop("transcript_object", UNSET)
        transcript_object: list[TranscriptTurn] | Unset = UNSET
        if _transcript_object is not UNSET:
            transcript_object = []
            for transcript_object_item_data in _transcript_object:
                transcript_object_item = TranscriptTurn.from_dict(
                    transcript_object_item_data
                )

                transcript_object.append(transcript_object_item)

        _transcript_json = d.pop("transcript_json", UNSET)
        transcript_json: list[PayloadTurn] | Unset = UNSET
        if _transcript_json is not UNSET:
            transcript_json = []
            for transcript_json_item_data in _transcript_json:
                transcript_json_item = PayloadTurn.from_dict(transcript_json_item_data)

                transcript_json.append(transcript_json_item)

        _status = d.pop("status", UNSET)
        status: CallStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = CallStatus(_status)

        agent_id = d.pop("agent_id", UNSET)

        agent_name = d.pop("agent_name", UNSET)

        _evaluation = d.pop("evaluation", UNSET)
        evaluation: Evaluation | Unset
        if isinstance(_evaluation, Unset):
            evaluation = UNSET
        else:
            evaluation = Evaluation.from_dict(_evaluation)

        _metadata = d.pop("metadata", UNSET)
        metadata: CallLogMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = CallLogMetadata.from_dict(_metadata)

        _dynamic_variables = d.pop("dynamic_variables", UNSET)
        dynamic_variables: CallLogDynamicVariables | Unset
        if isinstance(_dynamic_variables, Unset):
            dynamic_variables = UNSET
        else:
            dynamic_variables = CallLogDynamicVariables.from_dict(_dynamic_variables)

        def _parse_testing_channel_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        testing_channel_index = _parse_testing_channel_index(
            d.pop("testing_channel_index", UNSET)
        )

        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        def _parse_success(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        success = _parse_success(d.pop("success", UNSET))

        is_reviewed = d.pop("is_reviewed", UNSET)

        feedback = d.pop("feedback", UNSET)

        rubric = d.pop("rubric", UNSET)

        transcript = d.pop("transcript", UNSET)

        call_ended_reason = d.pop("call_ended_reason", UNSET)

        dropoff_point = d.pop("dropoff_point", UNSET)

        topic = d.pop("topic", UNSET)

        customer_number = d.pop("customer_number", UNSET)

        user_generated_transcript = d.pop("user_generated_transcript", UNSET)

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))

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

        trace_id = d.pop("trace_id", UNSET)

        def _parse_agent(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        agent = _parse_agent(d.pop("agent", UNSET))

        def _parse_project(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        call_log = cls(
            call_id=call_id,
            id=id,
            duration=duration,
            voice_recording_url=voice_recording_url,
            critical_categories=critical_categories,
            transcript_object=transcript_object,
            transcript_json=transcript_json,
            status=status,
            agent_id=agent_id,
            agent_name=agent_name,
            evaluation=evaluation,
            metadata=metadata,
            dynamic_variables=dynamic_variables,
            testing_channel_index=testing_channel_index,
            timestamp=timestamp,
            success=success,
            is_reviewed=is_reviewed,
            feedback=feedback,
            rubric=rubric,
            transcript=transcript,
            call_ended_reason=call_ended_reason,
            dropoff_point=dropoff_point,
            topic=topic,
            customer_number=customer_number,
            user_generated_transcript=user_generated_transcript,
            error_message=error_message,
            created_at=created_at,
            updated_at=updated_at,
            trace_id=trace_id,
            agent=agent,
            project=project,
        )

        call_log.additional_properties = d
        return call_log

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
