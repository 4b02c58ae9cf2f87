from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.preview_score_extra import PreviewScoreExtra


T = TypeVar("T", bound="PreviewScore")


@_attrs_define
class PreviewScore:
    """Our definition: the previewed metric's verdict on one call or run.

    Attributes:
        score (float | None): 0 fails and 5 passes for a binary metric; null means N/A or not evaluated.
        explanation (list[str]):
        call_log_id (int | None | Unset):
        run_id (int | None | Unset):
        name (str | Unset): The previewed metric's name.
        type_ (str | Unset): The metric's eval_type.
        value (Any | Unset): The metric's own answer (a boolean, number or label), or null.
        extra (PreviewScoreExtra | Unset):
        evaluated (bool | Unset): False when the verdict could not be computed; `explanation` says why.
    """

    score: float | None
    explanation: list[str]
    call_log_id: int | None | Unset = UNSET
    run_id: int | None | Unset = UNSET
    name: str | Unset = UNSET
    type_: str | Unset = UNSET
    value: Any | Unset = UNSET
    extra: PreviewScoreExtra | Unset = UNSET
    evaluated: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        score: float | None
        score = self.score

        explanation = self.explanation

        call_log_id: int | None | Unset
        if isinstance(self.call_log_id, Unset):
            call_log_id = UNSET
        else:
            call_log_id = self.call_log_id

        run_id: int | None | Unset
        if isinstance(self.run_id, Unset):
            run_id = UNSET
        else:
            run_id = self.run_id

        name = self.name

        type_ = self.type_

        value = self.value

        extra: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra, Unset):
            extra = self.extra.to_dict()

        evaluated = self.evaluated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "score": score,
                "explanation": explanation,
            }
        )
        if call_log_id is not UNSET:
            field_dict["call_log_id"] = call_log_id
        if run_id is not UNSET:
            field_dict["run_id"] = run_id
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if value is not UNSET:
            field_dict["value"] = value
        if extra is not UNSET:
            field_dict["extra"] = extra
        if evaluated is not UNSET:
            field_dict["evaluated"] = evaluated

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preview_score_extra import PreviewScoreExtra

        d = dict(src_dict)

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        explanation = cast(list[str], d.pop("explanation"))

        def _parse_call_log_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        call_log_id = _parse_call_log_id(d.pop("call_log_id", UNSET))

        def _parse_run_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        run_id = _parse_run_id(d.pop("run_id", UNSET))

        name = d.pop("name", UNSET)

        type_ = d.pop("type", UNSET)

        value = d.pop("value", UNSET)

        _extra = d.pop("extra", UNSET)
        extra: PreviewScoreExtra | Unset
        if isinstance(_extra, Unset):
            extra = UNSET
        else:
            extra = PreviewScoreExtra.from_dict(_extra)

        evaluated = d.pop("evaluated", UNSET)

        preview_score = cls(
            score=score,
            explanation=explanation,
            call_log_id=call_log_id,
            run_id=run_id,
            name=name,
            type_=type_,
            value=value,
            extra=extra,
            evaluated=evaluated,
        )

        preview_score.additional_properties = d
        return preview_score

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
