from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric_score_extra import MetricScoreExtra
    from ..models.metric_score_vote import MetricScoreVote


T = TypeVar("T", bound="MetricScore")


@_attrs_define
class MetricScore:
    """One metric's verdict on a call or run.

    Attributes:
        id (int): The metric's id.
        name (str):
        type_ (str): The metric's eval_type (binary, continuous_qualitative, numeric, enum).
        score (float | None): Our definition: null means N/A (the metric did not apply, or could not be evaluated).
            Binary metrics score 0 (fail) or 5 (pass).
        enum (str | Unset): The label chosen by an `enum` metric.
        value (str | Unset): The answer of an `enum` metric.
        explanation (list[str] | Unset):
        extra (MetricScoreExtra | Unset): Metric-specific details (categories
        vote (MetricScoreVote | Unset): Our definition: the reviewer's vote on this judgment (mark_metric_vote), as the
            sandbox
            shows it; upstream does not say where the service shows a vote.
    """

    id: int
    name: str
    type_: str
    score: float | None
    enum: str | Unset = UNSET
    value: str | Unset = UNSET
    explanation: list[str] | Unset = UNSET
    extra: MetricScoreExtra | Unset = UNSET
    vote: MetricScoreVote | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        type_ = self.type_

        score: float | None
        score = self.score

        enum = self.enum

        value = self.value

        explanation: list[str] | Unset = UNSET
        if not isinstance(self.explanation, Unset):
            explanation = self.explanation

        extra: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra, Unset):
            extra = self.extra.to_dict()

        vote: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vote, Unset):
            vote = self.vote.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "type": type_,
                "score": score,
            }
        )
        if enum is not UNSET:
            field_dict["enum"] = enum
        if value is not UNSET:
            field_dict["value"] = value
        if explanation is not UNSET:
            field_dict["explanation"] = explanation
        if extra is not UNSET:
            field_dict["extra"] = extra
        if vote is not UNSET:
            field_dict["vote"] = vote

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metric_score_extra import MetricScoreExtra
        from ..models.metric_score_vote import MetricScoreVote

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        type_ = d.pop("type")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        enum = d.pop("enum", UNSET)

        value = d.pop("value", UNSET)

        explanation = cast(list[str], d.pop("explanation", UNSET))

        _extra = d.pop("extra", UNSET)
        extra: MetricScoreExtra | Unset
        if isinstance(_extra, Unset):
            extra = UNSET
        else:
            extra = MetricScoreExtra.from_dict(_extra)

        _vote = d.pop("vote", UNSET)
        vote: MetricScoreVote | Unset
        if isinstance(_vote, Unset):
            vote = UNSET
        else:
            vote = MetricScoreVote.from_dict(_vote)

        metric_score = cls(
            id=id,
            name=name,
            type_=type_,
            score=score,
            enum=enum,
            value=value,
            explanation=explanation,
            extra=extra,
            vote=vote,
        )

        metric_score.additional_properties = d
        return metric_score

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
