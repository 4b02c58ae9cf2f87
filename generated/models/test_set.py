from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.test_set_source_model import TestSetSourceModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.test_set_review import TestSetReview


T = TypeVar("T", bound="TestSet")


@_attrs_define
class TestSet:
    """A recorded call or run kept as labelled ground truth for a metric.

    Attributes:
        agent (int):
        id (int | Unset):
        name (str | Unset):
        transcript (str | Unset):
        transcript_object (Any | Unset): The turns (any JSON or null).
        voice_recording (str | Unset):
        voice_recording_url (str | Unset):
        call_end_reason (str | Unset):
        duration (str | Unset): MM:SS.
        source_model (TestSetSourceModel | Unset):
        source_id (str | Unset):
        metric_reviews (list[TestSetReview] | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    agent: int
    id: int | Unset = UNSET
    name: str | Unset = UNSET
    transcript: str | Unset = UNSET
    transcript_object: Any | Unset = UNSET
    voice_recording: str | Unset = UNSET
    voice_recording_url: str | Unset = UNSET
    call_end_reason: str | Unset = UNSET
    duration: str | Unset = UNSET
    source_model: TestSetSourceModel | Unset = UNSET
    source_id: str | Unset = UNSET
    metric_reviews: list[TestSetReview] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent = self.agent

        id = self.id

        name = self.name

        transcript = self.transcript

        transcript_object = self.transcript_object

        voice_recording = self.voice_recording

        voice_recording_url = self.voice_recording_url

        call_end_reason = self.call_end_reason

        duration = self.duration

        source_model: str | Unset = UNSET
        if not isinstance(self.source_model, Unset):
            source_model = self.source_model.value

        source_id = self.source_id

        metric_reviews: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.metric_reviews, Unset):
            metric_reviews = []
            for metric_reviews_item_data in self.metric_reviews:
                metric_reviews_item = metric_reviews_item_data.to_dict()
                metric_reviews.append(metric_reviews_item)

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent": agent,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if transcript is not UNSET:
            field_dict["transcript"] = transcript
        if transcript_object is not UNSET:
            field_dict["transcript_object"] = transcript_object
        if voice_recording is not UNSET:
            field_dict["voice_recording"] = voice_recording
        if voice_recording_url is not UNSET:
            field_dict["voice_recording_url"] = voice_recording_url
        if call_end_reason is not UNSET:
            field_dict["call_end_reason"] = call_end_reason
        if duration is not UNSET:
            field_dict["duration"] = duration
        if source_model is not UNSET:
            field_dict["source_model"] = source_model
        if source_id is not UNSET:
            field_dict["source_id"] = source_id
        if metric_reviews is not UNSET:
            field_dict["metric_reviews"] = metric_reviews
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.test_set_review import TestSetReview

        d = dict(src_dict)
        agent = d.pop("agent")

        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        transcript = d.pop("transcript", UNSET)

        transcript_object = d.pop("transcript_object", UNSET)

        voice_recording = d.pop("voice_recording", UNSET)

        voice_recording_url = d.pop("voice_recording_url", UNSET)

        call_end_reason = d.pop("call_end_reason", UNSET)

        duration = d.pop("duration", UNSET)

        _source_model = d.pop("source_model", UNSET)
        source_model: TestSetSourceModel | Unset
        if isinstance(_source_model, Unset):
            source_model = UNSET
        else:
            source_model = TestSetSourceModel(_source_model)

        source_id = d.pop("source_id", UNSET)

        _metric_reviews = d.pop("metric_reviews", UNSET)
        metric_reviews: list[TestSetReview] | Unset = UNSET
        if _metric_reviews is not UNSET:
            metric_reviews = []
            for metric_reviews_item_data in _metric_reviews:
                metric_reviews_item = TestSetReview.from_dict(metric_reviews_item_data)

                metric_reviews.append(metric_reviews_item)

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

        test_set = cls(
            agent=agent,
            id=id,
            name=name,
            transcript=transcript,
            transcript_object=transcript_object,
            voice_recording=voice_recording,
            voice_recording_url=voice_recording_url,
            call_end_reason=call_end_reason,
            duration=duration,
            source_model=source_model,
            source_id=source_id,
            metric_reviews=metric_reviews,
            created_at=created_at,
            updated_at=updated_at,
        )

        test_set.additional_properties = d
        return test_set

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
