from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_status import CallStatus
from ..models.run_status import RunStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.critical_category_flag import CriticalCategoryFlag
    from ..models.evaluation import Evaluation
    from ..models.run_generated_mock_tool_entries_item import (
        RunGeneratedMockToolEntriesItem,
    )
    from ..models.run_transcript_turn import RunTranscriptTurn
    from ..models.test_profile_info import TestProfileInfo


T = TypeVar("T", bound="Run")


@_attrs_define
class Run:
    """One simulated call of a result.

    Attributes:
        id (int | Unset):
        provider_call_id (str | Unset):
        trace_id (str | Unset):
        scenario (int | None | Unset):
        scenario_name (str | Unset):
        scenario_type (str | Unset):
        personality (int | None | Unset):
        personality_name (str | Unset):
        agent (int | Unset):
        agent_name (str | Unset):
        agent_version (Any | Unset): Our definition: the agent version the run used, any JSON or null (upstream points
            this at an unrelated schema).
        result_id (int | Unset):
        result_name (str | Unset):
        expected_outcome_prompt (str | Unset):
        expected_outcome (Any | Unset): Our definition: upstream types this computed field as a string; the service
            answers `{score, explanation, outcome_alignments}` or null.
        evaluation (Evaluation | Unset):
        rubric (Any | Unset): Any JSON or null.
        transcript (str | Unset):
        transcript_object (list[RunTranscriptTurn] | Unset):
        duration (str | Unset): MM:SS.
        voice_recording_url (str | Unset):
        email_id (None | str | Unset):
        status (RunStatus | Unset):
        evaluation_status (CallStatus | Unset): The call's verdict, and whether a person has reviewed it.
        metadata (Any | Unset): Any JSON.
        success (bool | Unset):
        is_reviewed (bool | Unset):
        feedback (str | Unset):
        timestamp (datetime.datetime | Unset):
        executed_at (datetime.datetime | None | Unset):
        outbound_number (str | Unset):
        inbound_number (str | Unset):
        critical_categories (list[CriticalCategoryFlag] | Unset):
        error_message (str | Unset):
        scenario_instructions (str | Unset):
        run_as_text (bool | Unset):
        test_profile_data (None | TestProfileInfo | Unset):
        generated_mock_tool_entries (list[RunGeneratedMockToolEntriesItem] | Unset):
        mocked_tool_names (list[str] | Unset):
        provider_call_details (Any | Unset): Any JSON.
        agent_number (None | str | Unset):
        testing_channel_index (int | None | Unset):
        run_type (None | str | Unset):
        outbound_dial_window_opens_at (str | Unset):
        outbound_dial_window_seconds (str | Unset):
        outbound_dial_window_closes_at (str | Unset):
    """

    id: int | Unset = UNSET
    provider_call_id: str | Unset = UNSET
    trace_id: str | Unset = UNSET
    scenario: int | None | Unset = UNSET
    scenario_name: str | Unset = UNSET
    scenario_type: str | Unset = UNSET
    personality: int | None | Unset = UNSET
    personality_name: str | Unset = UNSET
    agent: int | Unset = UNSET
    agent_name: str | Unset = UNSET
    agent_version: Any | Unset = UNSET
    result_id: int | Unset = UNSET
    result_name: str | Unset = UNSET
    expected_outcome_prompt: str | Unset = UNSET
    expected_outcome: Any | Unset = UNSET
    evaluation: Evaluation | Unset = UNSET
    rubric: Any | Unset = UNSET
    transcript: str | Unset = UNSET
    transcript_object: list[RunTranscriptTurn] | Unset = UNSET
    duration: str | Unset = UNSET
    voice_recording_url: str | Unset = UNSET
    email_id: None | str | Unset = UNSET
    status: RunStatus | Unset = UNSET
    evaluation_status: CallStatus | Unset = UNSET
    metadata: Any | Unset = UNSET
    success: bool | Unset = UNSET
    is_reviewed: bool | Unset = UNSET
    feedback: str | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    executed_at: datetime.datetime | None | Unset = UNSET
    outbound_number: str | Unset = UNSET
    inbound_number: str | Unset = UNSET
    critical_categories: list[CriticalCategoryFlag] | Unset = UNSET
    error_message: str | Unset = UNSET
    scenario_instructions: str | Unset = UNSET
    run_as_text: bool | Unset = UNSET
    test_profile_data: None | TestProfileInfo | Unset = UNSET
    generated_mock_tool_entries: list[RunGeneratedMockToolEntriesItem] | Unset = UNSET
    mocked_tool_names: list[str] | Unset = UNSET
    provider_call_details: Any | Unset = UNSET
    agent_number: None | str | Unset = UNSET
    testing_channel_index: int | None | Unset = UNSET
    run_type: None | str | Unset = UNSET
    outbound_dial_window_opens_at: str | Unset = UNSET
    outbound_dial_window_seconds: str | Unset = UNSET
    outbound_dial_window_closes_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.test_profile_info import TestProfileInfo

        id = self.id

        provider_call_id = self.provider_call_id

        trace_id = self.trace_id

        scenario: int | None | Unset
        if isinstance(self.scenario, Unset):
            scenario = UNSET
        else:
            scenario = self.scenario

        scenario_name = self.scenario_name

        scenario_type = self.scenario_type

        personality: int | None | Unset
        if isinstance(self.personality, Unset):
            personality = UNSET
        else:
            personality = self.personality

        personality_name = self.personality_name

        agent = self.agent

        agent_name = self.agent_name

        agent_version = self.agent_version

        result_id = self.result_id

        result_name = self.result_name

        expected_outcome_prompt = self.expected_outcome_prompt

        expected_outcome = self.expected_outcome

        evaluation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.evaluation, Unset):
            evaluation = self.evaluation.to_dict()

        rubric = self.rubric

        transcript = self.transcript

        transcript_object: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.transcript_object, Unset):
            transcript_object = []
            for transcript_object_item_data in self.transcript_object:
                transcript_object_item = transcript_object_item_data.to_dict()
                transcript_object.append(transcript_object_item)

        duration = self.duration

        voice_recording_url = self.voice_recording_url

        email_id: None | str | Unset
        if isinstance(self.email_id, Unset):
            email_id = UNSET
        else:
            email_id = self.email_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        evaluation_status: str | Unset = UNSET
        if not isinstance(self.evaluation_status, Unset):
            evaluation_status = self.evaluation_status.value

        metadata = self.metadata

        success = self.success

        is_reviewed = self.is_reviewed

        feedback = self.feedback

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        executed_at: None | str | Unset
        if isinstance(self.executed_at, Unset):
            executed_at = UNSET
        elif isinstance(self.executed_at, datetime.datetime):
            executed_at = self.executed_at.isoformat()
        else:
            executed_at = self.executed_at

        outbound_number = self.outbound_number

        inbound_number = self.inbound_number

        critical_categories: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.critical_categories, Unset):
            critical_categories = []
            for critical_categories_item_data in self.critical_categories:
                critical_categories_item = critical_categories_item_data.to_dict()
                critical_categories.append(critical_categories_item)

        error_message = self.error_message

        scenario_instructions = self.scenario_instructions

        run_as_text = self.run_as_text

        test_profile_data: dict[str, Any] | None | Unset
        if isinstance(self.test_profile_data, Unset):
            test_profile_data = UNSET
        elif isinstance(self.test_profile_data, TestProfileInfo):
            test_profile_data = self.test_profile_data.to_dict()
        else:
            test_profile_data = self.test_profile_data

        generated_mock_tool_entries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.generated_mock_tool_entries, Unset):
            generated_mock_tool_entries = []
            for (
                generated_mock_tool_entries_item_data
            ) in self.generated_mock_tool_entries:
                generated_mock_tool_entries_item = (
                    generated_mock_tool_entries_item_data.to_dict()
                )
                generated_mock_tool_entries.append(generated_mock_tool_entries_item)

        mocked_tool_names: list[str] | Unset = UNSET
        if not isinstance(self.mocked_tool_names, Unset):
            mocked_tool_names = self.mocked_tool_names

        provider_call_details = self.provider_call_details

        agent_number: None | str | Unset
        if isinstance(self.agent_number, Unset):
            agent_number = UNSET
        else:
            agent_number = self.agent_number

        testing_channel_index: int | None | Unset
        if isinstance(self.testing_channel_index, Unset):
            testing_channel_index = UNSET
        else:
            testing_channel_index = self.testing_channel_index

        run_type: None | str | Unset
        if isinstance(self.run_type, Unset):
            run_type = UNSET
        else:
            run_type = self.run_type

        outbound_dial_window_opens_at = self.outbound_dial_window_opens_at

        outbound_dial_window_seconds = self.outbound_dial_window_seconds

        outbound_dial_window_closes_at = self.outbound_dial_window_closes_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if provider_call_id is not UNSET:
            field_dict["provider_call_id"] = provider_call_id
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id
        if scenario is not UNSET:
            field_dict["scenario"] = scenario
        if scenario_name is not UNSET:
            field_dict["scenario_name"] = scenario_name
        if scenario_type is not UNSET:
            field_dict["scenario_type"] = scenario_type
        if personality is not UNSET:
            field_dict["personality"] = personality
        if personality_name is not UNSET:
            field_dict["personality_name"] = personality_name
        if agent is not UNSET:
            field_dict["agent"] = agent
        if agent_name is not UNSET:
            field_dict["agent_name"] = agent_name
        if agent_version is not UNSET:
            field_dict["agent_version"] = agent_version
        if result_id is not UNSET:
            field_dict["result_id"] = result_id
        if result_name is not UNSET:
            field_dict["result_name"] = result_name
        if expected_outcome_prompt is not UNSET:
            field_dict["expected_outcome_prompt"] = expected_outcome_prompt
        if expected_outcome is not UNSET:
            field_dict["expected_outcome"] = expected_outcome
        if evaluation is not UNSET:
            field_dict["evaluation"] = evaluation
        if rubric is not UNSET:
            field_dict["rubric"] = rubric
        if transcript is not UNSET:
            field_dict["transcript"] = transcript
        if transcript_object is not UNSET:
            field_dict["transcript_object"] = transcript_object
        if duration is not UNSET:
            field_dict["duration"] = duration
        if voice_recording_url is not UNSET:
            field_dict["voice_recording_url"] = voice_recording_url
        if email_id is not UNSET:
            field_dict["email_id"] = email_id
        if status is not UNSET:
            field_dict["status"] = status
        if evaluation_status is not UNSET:
            field_dict["evaluation_status"] = evaluation_status
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if success is not UNSET:
            field_dict["success"] = success
        if is_reviewed is not UNSET:
            field_dict["is_reviewed"] = is_reviewed
        if feedback is not UNSET:
            field_dict["feedback"] = feedback
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if executed_at is not UNSET:
            field_dict["executed_at"] = executed_at
        if outbound_number is not UNSET:
            field_dict["outbound_number"] = outbound_number
        if inbound_number is not UNSET:
            field_dict["inbound_number"] = inbound_number
        if critical_categories is not UNSET:
            field_dict["critical_categories"] = critical_categories
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if scenario_instructions is not UNSET:
            field_dict["scenario_instructions"] = scenario_instructions
        if run_as_text is not UNSET:
            field_dict["run_as_text"] = run_as_text
        if test_profile_data is not UNSET:
            field_dict["test_profile_data"] = test_profile_data
        if generated_mock_tool_entries is not UNSET:
            field_dict["generated_mock_tool_entries"] = generated_mock_tool_entries
        if mocked_tool_names is not UNSET:
            field_dict["mocked_tool_names"] = mocked_tool_names
        if provider_call_details is not UNSET:
            field_dict["provider_call_details"] = provider_call_details
        if agent_number is not UNSET:
            field_dict["agent_number"] = agent_number
        if testing_channel_index is not UNSET:
            field_dict["testing_channel_index"] = testing_channel_index
        if run_type is not UNSET:
            field_dict["run_type"] = run_type
        if outbound_dial_window_opens_at is not UNSET:
            field_dict["outbound_dial_window_opens_at"] = outbound_dial_window_opens_at
        if outbound_dial_window_seconds is not UNSET:
            field_dict["outbound_dial_window_seconds"] = outbound_dial_window_seconds
        if outbound_dial_window_closes_at is not UNSET:
            field_dict["outbound_dial_window_closes_at"] = (
                outbound_dial_window_closes_at
            )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.critical_category_flag import CriticalCategoryFlag
        from ..models.evaluation import Evaluation
        from ..models.run_generated_mock_tool_entries_item import (
            RunGeneratedMockToolEntriesItem,
        )
        from ..models.run_transcript_turn import RunTranscriptTurn
        from ..models.test_profile_info import TestProfileInfo

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        provider_call_id = d.pop("provider_call_id", UNSET)

        trace_id = d.pop("trace_id", UNSET)

        def _parse_scenario(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        scenario = _parse_scenario(d.pop("scenario", UNSET))

        scenario_name = d.pop("scenario_name", UNSET)

        scenario_type = d.pop("scenario_type", UNSET)

        def _parse_personality(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        personality = _parse_personality(d.pop("personality", UNSET))

        personality_name = d.pop("personality_name", UNSET)

        agent = d.pop("agent", UNSET)

        agent_name = d.pop("agent_name", UNSET)

        agent_version = d.pop("agent_version", UNSET)

        result_id = d.pop("result_id", UNSET)

        result_name = d.pop("result_name", UNSET)

        expected_outcome_prompt = d.pop("expected_outcome_prompt", UNSET)

        expected_outcome = d.pop("expected_outcome", UNSET)

        _evaluation = d.pop("evaluation", UNSET)
        evaluation: Evaluation | Unset
        if isinstance(_evaluation, Unset):
            evaluation = UNSET
        else:
            evaluation = Evaluation.from_dict(_evaluation)

        rubric = d.pop("rubric", UNSET)

        transcript = d.pop("transcript", UNSET)

        _transcript_object = d.pop("transcript_object", UNSET)
        transcript_object: list[RunTranscriptTurn] | Unset = UNSET
        if _transcript_object is not UNSET:
            transcript_object = []
            for transcript_object_item_data in _transcript_object:
                transcript_object_item = RunTranscriptTurn.from_dict(
                    transcript_object_item_data
                )

                transcript_object.append(transcript_object_item)

        duration = d.pop("duration", UNSET)

        voice_recording_url = d.pop("voice_recording_url", UNSET)

        def _parse_email_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email_id = _parse_email_id(d.pop("email_id", UNSET))

        _status = d.pop("status", UNSET)
        status: RunStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = RunStatus(_status)

        _evaluation_status = d.pop("evaluation_status", UNSET)
        evaluation_status: CallStatus | Unset
        if isinstance(_evaluation_status, Unset):
            evaluation_status = UNSET
        else:
            evaluation_status = CallStatus(_evaluation_status)

        metadata = d.pop("metadata", UNSET)

        success = d.pop("success", UNSET)

        is_reviewed = d.pop("is_reviewed", UNSET)

        feedback = d.pop("feedback", UNSET)

        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        def _parse_executed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                executed_at_type_0 = datetime.datetime.fromisoformat(data)

                return executed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        executed_at = _parse_executed_at(d.pop("executed_at", UNSET))

        outbound_number = d.pop("outbound_number", UNSET)

        inbound_number = d.pop("inbound_number", UNSET)

        _critical_categories = d.pop("critical_categories", UNSET)
        critical_categories: list[CriticalCategoryFlag] | Unset = UNSET
        if _critical_categories is not UNSET:
            critical_categories = []
            for critical_categories_item_data in _critical_categories:
                critical_categories_item = CriticalCategoryFlag.from_dict(
                    critical_categories_item_data
                )

                critical_categories.append(critical_categories_item)

        error_message = d.pop("error_message", UNSET)

        scenario_instructions = d.pop("scenario_instructions", UNSET)

        run_as_text = d.pop("run_as_text", UNSET)

        def _parse_test_profile_data(data: object) -> None | TestProfileInfo | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                test_profile_data_type_0 = TestProfileInfo.from_dict(data)

                return test_profile_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TestProfileInfo | Unset, data)

        test_profile_data = _parse_test_profile_data(d.pop("test_profile_data", UNSET))

        _generated_mock_tool_entries = d.pop("generated_mock_tool_entries", UNSET)
        generated_mock_tool_entries: list[RunGeneratedMockToolEntriesItem] | Unset = (
            UNSET
        )
        if _generated_mock_tool_entries is not UNSET:
            generated_mock_tool_entries = []
            for generated_mock_tool_entries_item_data in _generated_mock_tool_entries:
                generated_mock_tool_entries_item = (
                    RunGeneratedMockToolEntriesItem.from_dict(
                        generated_mock_tool_entries_item_data
                    )
                )

                generated_mock_tool_entries.append(generated_mock_tool_entries_item)

        mocked_tool_names = cast(list[str], d.pop("mocked_tool_names", UNSET))

        provider_call_details = d.pop("provider_call_details", UNSET)

        def _parse_agent_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_number = _parse_agent_number(d.pop("agent_number", UNSET))

        def _parse_testing_channel_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        testing_channel_index = _parse_testing_channel_index(
            d.pop("testing_channel_index", UNSET)
        )

        def _parse_run_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        run_type = _parse_run_type(d.pop("run_type", UNSET))

        outbound_dial_window_opens_at = d.pop("outbound_dial_window_opens_at", UNSET)

        outbound_dial_window_seconds = d.pop("outbound_dial_window_seconds", UNSET)

        outbound_dial_window_closes_at = d.pop("outbound_dial_window_closes_at", UNSET)

        run = cls(
            id=id,
            provider_call_id=provider_call_id,
            trace_id=trace_id,
            scenario=scenario,
            scenario_name=scenario_name,
            scenario_type=scenario_type,
            personality=personality,
            personality_name=personality_name,
            agent=agent,
            agent_name=agent_name,
            agent_version=agent_version,
            result_id=result_id,
            result_name=result_name,
            expected_outcome_prompt=expected_outcome_prompt,
            expected_outcome=expected_outcome,
            evaluation=evaluation,
            rubric=rubric,
            transcript=transcript,
            transcript_object=transcript_object,
            duration=duration,
            voice_recording_url=voice_recording_url,
            email_id=email_id,
            status=status,
            evaluation_status=evaluation_status,
            metadata=metadata,
            success=success,
            is_reviewed=is_reviewed,
            feedback=feedback,
            timestamp=timestamp,
            executed_at=executed_at,
            outbound_number=outbound_number,
            inbound_number=inbound_number,
            critical_categories=critical_categories,
            error_message=error_message,
            scenario_instructions=scenario_instructions,
            run_as_text=run_as_text,
            test_profile_data=test_profile_data,
            generated_mock_tool_entries=generated_mock_tool_entries,
            mocked_tool_names=mocked_tool_names,
            provider_call_details=provider_call_details,
            agent_number=agent_number,
            testing_channel_index=testing_channel_index,
            run_type=run_type,
            outbound_dial_window_opens_at=outbound_dial_window_opens_at,
            outbound_dial_window_seconds=outbound_dial_window_seconds,
            outbound_dial_window_closes_at=outbound_dial_window_closes_at,
        )

        run.additional_properties = d
        return run

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
