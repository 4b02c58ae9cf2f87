from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.eval_type import EvalType
from ..models.evaluation_trigger import EvaluationTrigger
from ..models.metric_type import MetricType
from ..models.trigger_type import TriggerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric_configuration import MetricConfiguration


T = TypeVar("T", bound="Metric")


@_attrs_define
class Metric:
    """A metric as answered by create, update and bulk create.

    Attributes:
        id (int):
        name (str):
        eval_type (EvalType): The shape of a metric's result. The dashboard says Boolean (`binary`), Rating
            (`continuous_qualitative`), Numeric (`numeric`) and Enum (`enum`).
        description (str | Unset):
        audio_enabled (bool | Unset):
        prompt (str | Unset):
        project (int | None | Unset): Our definition: null is allowed, as upstream's list and detail schemas allow it
            for metrics without a project.
        agents (list[int] | Unset):
        assistant_id (None | str | Unset): Our definition: null when the metric is not tied to an external assistant id.
        type_ (MetricType | Unset): How a metric is evaluated. `llm_judge` and `custom_code` are current; `basic` and
            `custom_prompt` are deprecated and refused on create.
        enum_values (list[str] | Unset):
        display_order (int | Unset):
        configuration (MetricConfiguration | Unset):
        add_to_new_agents (bool | None | Unset):
        simulation_enabled (bool | Unset):
        observability_enabled (bool | Unset):
        sampling_enabled (bool | Unset):
        evaluation_trigger (EvaluationTrigger | Unset): When the metric runs on a call (`always` unless told otherwise).
        evaluation_trigger_prompt (str | Unset):
        trigger_type (TriggerType | Unset): What decides a `custom` trigger, an LLM judge or custom code.
        evaluation_trigger_custom_code (str | Unset):
        custom_code (str | Unset):
    """

    id: int
    name: str
    eval_type: EvalType
    description: str | Unset = UNSET
    audio_enabled: bool | Unset = UNSET
    prompt: str | Unset = UNSET
    project: int | None | Unset = UNSET
    agents: list[int] | Unset = UNSET
    assistant_id: None | str | Unset = UNSET
    type_: MetricType | Unset = UNSET
    enum_values: list[str] | Unset = UNSET
    display_order: int | Unset = UNSET
    configuration: MetricConfiguration | Unset = UNSET
    add_to_new_agents: bool | None | Unset = UNSET
    simulation_enabled: bool | Unset = UNSET
    observability_enabled: bool | Unset = UNSET
    sampling_enabled: bool | Unset = UNSET
    evaluation_trigger: EvaluationTrigger | Unset = UNSET
    evaluation_trigger_prompt: str | Unset = UNSET
    trigger_type: TriggerType | Unset = UNSET
    evaluation_trigger_custom_code: str | Unset = UNSET
    custom_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        eval_type = self.eval_type.value

        description = self.description

        audio_enabled = self.audio_enabled

        prompt = self.prompt

        project: int | None | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        agents: list[int] | Unset = UNSET
        if not isinstance(self.agents, Unset):
            agents = self.agents

        assistant_id: None | str | Unset
        if isinstance(self.assistant_id, Unset):
            assistant_id = UNSET
        else:
            assistant_id = self.assistant_id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        enum_values: list[str] | Unset = UNSET
        if not isinstance(self.enum_values, Unset):
            enum_values = self.enum_values

        display_order = self.display_order

        configuration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.configuration, Unset):
            configuration = self.configuration.to_dict()

        add_to_new_agents: bool | None | Unset
        if isinstance(self.add_to_new_agents, Unset):
            add_to_new_agents = UNSET
        else:
            add_to_new_agents = self.add_to_new_agents

        simulation_enabled = self.simulation_enabled

        observability_enabled = self.observability_enabled

        sampling_enabled = self.sampling_enabled

        evaluation_trigger: str | Unset = UNSET
        if not isinstance(self.evaluation_trigger, Unset):
            evaluation_trigger = self.evaluation_trigger.value

        evaluation_trigger_prompt = self.evaluation_trigger_prompt

        trigger_type: str | Unset = UNSET
        if not isinstance(self.trigger_type, Unset):
            trigger_type = self.trigger_type.value

        evaluation_trigger_custom_code = self.evaluation_trigger_custom_code

        custom_code = self.custom_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "eval_type": eval_type,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if audio_enabled is not UNSET:
            field_dict["audio_enabled"] = audio_enabled
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if project is not UNSET:
            field_dict["project"] = project
        if agents is not UNSET:
            field_dict["agents"] = agents
        if assistant_id is not UNSET:
            field_dict["assistant_id"] = assistant_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if enum_values is not UNSET:
            field_dict["enum_values"] = enum_values
        if display_order is not UNSET:
            field_dict["display_order"] = display_order
        if configuration is not UNSET:
            field_dict["configuration"] = configuration
        if add_to_new_agents is not UNSET:
            field_dict["add_to_new_agents"] = add_to_new_agents
        if simulation_enabled is not UNSET:
            field_dict["simulation_enabled"] = simulation_enabled
        if observability_enabled is not UNSET:
            field_dict["observability_enabled"] = observability_enabled
        if sampling_enabled is not UNSET:
            field_dict["sampling_enabled"] = sampling_enabled
        if evaluation_trigger is not UNSET:
            field_dict["evaluation_trigger"] = evaluation_trigger
        if evaluation_trigger_prompt is not UNSET:
            field_dict["evaluation_trigger_prompt"] = evaluation_trigger_prompt
        if trigger_type is not UNSET:
            field_dict["trigger_type"] = trigger_type
        if evaluation_trigger_custom_code is not UNSET:
            field_dict["evaluation_trigger_custom_code"] = (
                evaluation_trigger_custom_code
            )
        if custom_code is not UNSET:
            field_dict["custom_code"] = custom_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metric_configuration import MetricConfiguration

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        eval_type = EvalType(d.pop("eval_type"))

        description = d.pop("description", UNSET)

        audio_enabled = d.pop("audio_enabled", UNSET)

        prompt = d.pop("prompt", UNSET)

        def _parse_project(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        agents = cast(list[int], d.pop("agents", UNSET))

        def _parse_assistant_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assistant_id = _parse_assistant_id(d.pop("assistant_id", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: MetricType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = MetricType(_type_)

        enum_values = cast(list[str], d.pop("enum_values", UNSET))

        display_order = d.pop("display_order", UNSET)

        _configuration = d.pop("configuration", UNSET)
        configuration: MetricConfiguration | Unset
        if isinstance(_configuration, Unset):
            configuration = UNSET
        else:
            configuration = MetricConfiguration.from_dict(_configuration)

        def _parse_add_to_new_agents(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        add_to_new_agents = _parse_add_to_new_agents(d.pop("add_to_new_agents", UNSET))

        simulation_enabled = d.pop("simulation_enabled", UNSET)

        observability_enabled = d.pop("observability_enabled", UNSET)

        sampling_enabled = d.pop("sampling_enabled", UNSET)

        _evaluation_trigger = d.pop("evaluation_trigger", UNSET)
        evaluation_trigger: EvaluationTrigger | Unset
        if isinstance(_evaluation_trigger, Unset):
            evaluation_trigger = UNSET
        else:
            evaluation_trigger = EvaluationTrigger(_evaluation_trigger)

        evaluation_trigger_prompt = d.pop("evaluation_trigger_prompt", UNSET)

        _trigger_type = d.pop("trigger_type", UNSET)
        trigger_type: TriggerType | Unset
        if isinstance(_trigger_type, Unset):
            trigger_type = UNSET
        else:
            trigger_type = TriggerType(_trigger_type)

        evaluation_trigger_custom_code = d.pop("evaluation_trigger_custom_code", UNSET)

        custom_code = d.pop("custom_code", UNSET)

        metric = cls(
            id=id,
            name=name,
            eval_type=eval_type,
            description=description,
            audio_enabled=audio_enabled,
            prompt=prompt,
            project=project,
            agents=agents,
            assistant_id=assistant_id,
            type_=type_,
            enum_values=enum_values,
            display_order=display_order,
            configuration=configuration,
            add_to_new_agents=add_to_new_agents,
            simulation_enabled=simulation_enabled,
            observability_enabled=observability_enabled,
            sampling_enabled=sampling_enabled,
            evaluation_trigger=evaluation_trigger,
            evaluation_trigger_prompt=evaluation_trigger_prompt,
            trigger_type=trigger_type,
            evaluation_trigger_custom_code=evaluation_trigger_custom_code,
            custom_code=custom_code,
        )

        metric.additional_properties = d
        return metric

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
