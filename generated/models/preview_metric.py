from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.eval_type import EvalType
from ..models.evaluation_trigger import EvaluationTrigger
from ..models.metric_type import MetricType
from ..models.trigger_type import TriggerType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PreviewMetric")


@_attrs_define
class PreviewMetric:
    """The fields of a metric that matter to a preview.

    Attributes:
        name (str):
        type_ (MetricType): How a metric is evaluated. `llm_judge` and `custom_code` are current; `basic` and
            `custom_prompt` are deprecated and refused on create.
        eval_type (EvalType): The shape of a metric's result. The dashboard says Boolean (`binary`), Rating
            (`continuous_qualitative`), Numeric (`numeric`) and Enum (`enum`).
        evaluation_trigger (EvaluationTrigger | Unset): When the metric runs on a call (`always` unless told otherwise).
        trigger_type (TriggerType | Unset): What decides a `custom` trigger, an LLM judge or custom code.
        evaluation_trigger_prompt (str | Unset):  Default: ''.
        evaluation_trigger_custom_code (str | Unset):  Default: ''.
        description (str | Unset): The judge's criterion for an `llm_judge` metric. Default: ''.
        prompt (str | Unset):  Default: ''.
        custom_code (str | Unset): Python source of a `custom_code` metric. Default: ''.
        enum_values (list[str] | Unset):
        audio_enabled (bool | Unset):  Default: False.
    """

    name: str
    type_: MetricType
    eval_type: EvalType
    evaluation_trigger: EvaluationTrigger | Unset = UNSET
    trigger_type: TriggerType | Unset = UNSET
    evaluation_trigger_prompt: str | Unset = ""
    evaluation_trigger_custom_code: str | Unset = ""
    description: str | Unset = ""
    prompt: str | Unset = ""
    custom_code: str | Unset = ""
    enum_values: list[str] | Unset = UNSET
    audio_enabled: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        eval_type = self.eval_type.value

        evaluation_trigger: str | Unset = UNSET
        if not isinstance(self.evaluation_trigger, Unset):
            evaluation_trigger = self.evaluation_trigger.value

        trigger_type: str | Unset = UNSET
        if not isinstance(self.trigger_type, Unset):
            trigger_type = self.trigger_type.value

        evaluation_trigger_prompt = self.evaluation_trigger_prompt

        evaluation_trigger_custom_code = self.evaluation_trigger_custom_code

        description = self.description

        prompt = self.prompt

        custom_code = self.custom_code

        enum_values: list[str] | Unset = UNSET
        if not isinstance(self.enum_values, Unset):
            enum_values = self.enum_values

        audio_enabled = self.audio_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
                "eval_type": eval_type,
            }
        )
        if evaluation_trigger is not UNSET:
            field_dict["evaluation_trigger"] = evaluation_trigger
        if trigger_type is not UNSET:
            field_dict["trigger_type"] = trigger_type
        if evaluation_trigger_prompt is not UNSET:
            field_dict["evaluation_trigger_prompt"] = evaluation_trigger_prompt
        if evaluation_trigger_custom_code is not UNSET:
            field_dict["evaluation_trigger_custom_code"] = (
                evaluation_trigger_custom_code
            )
        if description is not UNSET:
            field_dict["description"] = description
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if custom_code is not UNSET:
            field_dict["custom_code"] = custom_code
        if enum_values is not UNSET:
            field_dict["enum_values"] = enum_values
        if audio_enabled is not UNSET:
            field_dict["audio_enabled"] = audio_enabled

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = MetricType(d.pop("type"))

        eval_type = EvalType(d.pop("eval_type"))

        _evaluation_trigger = d.pop("evaluation_trigger", UNSET)
        evaluation_trigger: EvaluationTrigger | Unset
        if isinstance(_evaluation_trigger, Unset):
            evaluation_trigger = UNSET
        else:
            evaluation_trigger = EvaluationTrigger(_evaluation_trigger)

        _trigger_type = d.pop("trigger_type", UNSET)
        trigger_type: TriggerType | Unset
        if isinstance(_trigger_type, Unset):
            trigger_type = UNSET
        else:
            trigger_type = TriggerType(_trigger_type)

        evaluation_trigger_prompt = d.pop("evaluation_trigger_prompt", UNSET)

        evaluation_trigger_custom_code = d.pop("evaluation_trigger_custom_code", UNSET)

        description = d.pop("description", UNSET)

        prompt = d.pop("prompt", UNSET)

        custom_code = d.pop("custom_code", UNSET)

        enum_values = cast(list[str], d.pop("enum_values", UNSET))

        audio_enabled = d.pop("audio_enabled", UNSET)

        preview_metric = cls(
            name=name,
            type_=type_,
            eval_type=eval_type,
            evaluation_trigger=evaluation_trigger,
            trigger_type=trigger_type,
            evaluation_trigger_prompt=evaluation_trigger_prompt,
            evaluation_trigger_custom_code=evaluation_trigger_custom_code,
            description=description,
            prompt=prompt,
            custom_code=custom_code,
            enum_values=enum_values,
            audio_enabled=audio_enabled,
        )

        preview_metric.additional_properties = d
        return preview_metric

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
