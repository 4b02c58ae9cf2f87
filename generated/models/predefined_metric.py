from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.eval_type import EvalType
from ..models.evaluation_trigger import EvaluationTrigger
from ..models.metric_type import MetricType
from ..models.predefined_category import PredefinedCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="PredefinedMetric")


@_attrs_define
class PredefinedMetric:
    """An entry of the platform's catalog. Read-only for customers.

    Attributes:
        name (str):
        description (str):
        id (int | Unset):
        code (str | Unset):
        slug (None | str | Unset):
        type_ (MetricType | Unset): How a metric is evaluated. `llm_judge` and `custom_code` are current; `basic` and
            `custom_prompt` are deprecated and refused on create.
        eval_type (EvalType | Unset): The shape of a metric's result. The dashboard says Boolean (`binary`), Rating
            (`continuous_qualitative`), Numeric (`numeric`) and Enum (`enum`).
        audio_enabled (bool | Unset):
        prompt (str | Unset):
        function_name (None | str | Unset):
        enum_values (Any | Unset): Allowed labels of an `enum` metric (any JSON).
        custom_code (str | Unset):
        simulation_enabled (bool | Unset):
        observability_enabled (bool | Unset):
        configuration (Any | Unset): Metric-specific settings (any JSON).
        cost (str | Unset): Credits charged per evaluation, as a decimal string.
        evaluation_trigger (EvaluationTrigger | Unset): When the metric runs on a call (`always` unless told otherwise).
        evaluation_trigger_prompt (str | Unset):
        category (None | PredefinedCategory | Unset): The catalog section, or null for uncategorised entries.
        sub_category (None | str | Unset):
        organization (int | None | Unset):
    """

    name: str
    description: str
    id: int | Unset = UNSET
    code: str | Unset = UNSET
    slug: None | str | Unset = UNSET
    type_: MetricType | Unset = UNSET
    eval_type: EvalType | Unset = UNSET
    audio_enabled: bool | Unset = UNSET
    prompt: str | Unset = UNSET
    function_name: None | str | Unset = UNSET
    enum_values: Any | Unset = UNSET
    custom_code: str | Unset = UNSET
    simulation_enabled: bool | Unset = UNSET
    observability_enabled: bool | Unset = UNSET
    configuration: Any | Unset = UNSET
    cost: str | Unset = UNSET
    evaluation_trigger: EvaluationTrigger | Unset = UNSET
    evaluation_trigger_prompt: str | Unset = UNSET
    category: None | PredefinedCategory | Unset = UNSET
    sub_category: None | str | Unset = UNSET
    organization: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        id = self.id

        code = self.code

        slug: None | str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        eval_type: str | Unset = UNSET
        if not isinstance(self.eval_type, Unset):
            eval_type = self.eval_type.value

        audio_enabled = self.audio_enabled

        prompt = self.prompt

        function_name: None | str | Unset
        if isinstance(self.function_name, Unset):
            function_name = UNSET
        else:
            function_name = self.function_name

        enum_values = self.enum_values

        custom_code = self.custom_code

        simulation_enabled = self.simulation_enabled

        observability_enabled = self.observability_enabled

        configuration = self.configuration

        cost = self.cost

        evaluation_trigger: str | Unset = UNSET
        if not isinstance(self.evaluation_trigger, Unset):
            evaluation_trigger = self.evaluation_trigger.value

        evaluation_trigger_prompt = self.evaluation_trigger_prompt

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, PredefinedCategory):
            category = self.category.value
        else:
            category = self.category

        sub_category: None | str | Unset
        if isinstance(self.sub_category, Unset):
            sub_category = UNSET
        else:
            sub_category = self.sub_category

        organization: int | None | Unset
        if isinstance(self.organization, Unset):
            organization = UNSET
        else:
            organization = self.organization

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if code is not UNSET:
            field_dict["code"] = code
        if slug is not UNSET:
            field_dict["slug"] = slug
        if type_ is not UNSET:
            field_dict["type"] = type_
        if eval_type is not UNSET:
            field_dict["eval_type"] = eval_type
        if audio_enabled is not UNSET:
            field_dict["audio_enabled"] = audio_enabled
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if function_name is not UNSET:
            field_dict["function_name"] = function_name
        if enum_values is not UNSET:
            field_dict["enum_values"] = enum_values
        if custom_code is not UNSET:
            field_dict["custom_code"] = custom_code
        if simulation_enabled is not UNSET:
            field_dict["simulation_enabled"] = simulation_enabled
        if observability_enabled is not UNSET:
            field_dict["observability_enabled"] = observability_enabled
        if configuration is not UNSET:
            field_dict["configuration"] = configuration
        if cost is not UNSET:
            field_dict["cost"] = cost
        if evaluation_trigger is not UNSET:
            field_dict["evaluation_trigger"] = evaluation_trigger
        if evaluation_trigger_prompt is not UNSET:
            field_dict["evaluation_trigger_prompt"] = evaluation_trigger_prompt
        if category is not UNSET:
            field_dict["category"] = category
        if sub_category is not UNSET:
            field_dict["sub_category"] = sub_category
        if organization is not UNSET:
            field_dict["organization"] = organization

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        id = d.pop("id", UNSET)

        code = d.pop("code", UNSET)

        def _parse_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: MetricType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = MetricType(_type_)

        _eval_type = d.pop("eval_type", UNSET)
        eval_type: EvalType | Unset
        if isinstance(_eval_type, Unset):
            eval_type = UNSET
        else:
            eval_type = EvalType(_eval_type)

        audio_enabled = d.pop("audio_enabled", UNSET)

        prompt = d.pop("prompt", UNSET)

        def _parse_function_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        function_name = _parse_function_name(d.pop("function_name", UNSET))

        enum_values = d.pop("enum_values", UNSET)

        custom_code = d.pop("custom_code", UNSET)

        simulation_enabled = d.pop("simulation_enabled", UNSET)

        observability_enabled = d.pop("observability_enabled", UNSET)

        configuration = d.pop("configuration", UNSET)

        cost = d.pop("cost", UNSET)

        _evaluation_trigger = d.pop("evaluation_trigger", UNSET)
        evaluation_trigger: EvaluationTrigger | Unset
        if isinstance(_evaluation_trigger, Unset):
            evaluation_trigger = UNSET
        else:
            evaluation_trigger = EvaluationTrigger(_evaluation_trigger)

        evaluation_trigger_prompt = d.pop("evaluation_trigger_prompt", UNSET)

        def _parse_category(data: object) -> None | PredefinedCategory | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = PredefinedCategory(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PredefinedCategory | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_sub_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sub_category = _parse_sub_category(d.pop("sub_category", UNSET))

        def _parse_organization(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        organization = _parse_organization(d.pop("organization", UNSET))

        predefined_metric = cls(
            name=name,
            description=description,
            id=id,
            code=code,
            slug=slug,
            type_=type_,
            eval_type=eval_type,
            audio_enabled=audio_enabled,
            prompt=prompt,
            function_name=function_name,
            enum_values=enum_values,
            custom_code=custom_code,
            simulation_enabled=simulation_enabled,
            observability_enabled=observability_enabled,
            configuration=configuration,
            cost=cost,
            evaluation_trigger=evaluation_trigger,
            evaluation_trigger_prompt=evaluation_trigger_prompt,
            category=category,
            sub_category=sub_category,
            organization=organization,
        )

        predefined_metric.additional_properties = d
        return predefined_metric

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
