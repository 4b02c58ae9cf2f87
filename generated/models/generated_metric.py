from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.eval_type import EvalType
from ..models.metric_type import MetricType
from ..types import UNSET, Unset

T = TypeVar("T", bound="GeneratedMetric")


@_attrs_define
class GeneratedMetric:
    """Our definition: one proposed metric, ready to pass to bulk create.

    Attributes:
        name (str):
        type_ (MetricType): How a metric is evaluated. `llm_judge` and `custom_code` are current; `basic` and
            `custom_prompt` are deprecated and refused on create.
        eval_type (EvalType): The shape of a metric's result. The dashboard says Boolean (`binary`), Rating
            (`continuous_qualitative`), Numeric (`numeric`) and Enum (`enum`).
        description (str | Unset):
        enum_values (list[str] | Unset):
        prompt (str | Unset):
        agents (list[int] | Unset):
    """

    name: str
    type_: MetricType
    eval_type: EvalType
    description: str | Unset = UNSET
    enum_values: list[str] | Unset = UNSET
    prompt: str | Unset = UNSET
    agents: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_ = self.type_.value

        eval_type = self.eval_type.value

        description = self.description

        enum_values: list[str] | Unset = UNSET
        if not isinstance(self.enum_values, Unset):
            enum_values = self.enum_values

        prompt = self.prompt

        agents: list[int] | Unset = UNSET
        if not isinstance(self.agents, Unset):
            agents = self.agents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "type": type_,
                "eval_type": eval_type,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if enum_values is not UNSET:
            field_dict["enum_values"] = enum_values
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if agents is not UNSET:
            field_dict["agents"] = agents

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        type_ = MetricType(d.pop("type"))

        eval_type = EvalType(d.pop("eval_type"))

        description = d.pop("description", UNSET)

        enum_values = cast(list[str], d.pop("enum_values", UNSET))

        prompt = d.pop("prompt", UNSET)

        agents = cast(list[int], d.pop("agents", UNSET))

        generated_metric = cls(
            name=name,
            type_=type_,
            eval_type=eval_type,
            description=description,
            enum_values=enum_values,
            prompt=prompt,
            agents=agents,
        )

        generated_metric.additional_properties = d
        return generated_metric

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
