from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_type import AlertType
from ..models.eval_type import EvalType
from ..models.evaluation_trigger import EvaluationTrigger
from ..models.metric_type import MetricType
from ..models.significant_change_alert_direction import SignificantChangeAlertDirection
from ..models.significant_change_alert_status import SignificantChangeAlertStatus
from ..models.trigger_type import TriggerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.metric_review import MetricReview


T = TypeVar("T", bound="MetricDetail")


@_attrs_define
class MetricDetail:
    """A metric with everything the service knows about it.

    Attributes:
        name (str):
        eval_type (EvalType): The shape of a metric's result. The dashboard says Boolean (`binary`), Rating
            (`continuous_qualitative`), Numeric (`numeric`) and Enum (`enum`).
        id (int | Unset):
        slug (None | str | Unset):
        project (int | None | Unset):
        agents (list[int | None] | Unset):
        description (str | Unset):
        type_ (MetricType | Unset): How a metric is evaluated. `llm_judge` and `custom_code` are current; `basic` and
            `custom_prompt` are deprecated and refused on create.
        enum_values (Any | Unset): Allowed labels of an `enum` metric.
        audio_enabled (bool | Unset):
        prompt (str | Unset):
        evaluation_trigger (EvaluationTrigger | Unset): When the metric runs on a call (`always` unless told otherwise).
        trigger_type (TriggerType | Unset): What decides a `custom` trigger, an LLM judge or custom code.
        evaluation_trigger_prompt (str | Unset):
        evaluation_trigger_custom_code (str | Unset):
        priority_assignment_prompt (str | Unset):
        configuration (Any | Unset): Metric-specific settings.
        overall_score (str | Unset):
        total_score (str | Unset):
        knowledge_base_files (str | Unset):
        observability_enabled (bool | Unset):
        simulation_enabled (bool | Unset):
        sampling_enabled (bool | Unset):
        alert_enabled (bool | Unset): Alert when a `binary` metric fails.
        alert_type (AlertType | Unset):
        alert_filters (Any | Unset): Call filters applied before alerting (any JSON or null).
        slack_workspace (int | None | Unset):
        slack_channel_id (None | str | Unset):
        significant_change_alert_status (SignificantChangeAlertStatus | Unset):
        significant_change_alert_direction (SignificantChangeAlertDirection | Unset): An empty string means both
            directions.
        function_name (None | str | Unset):
        custom_code (str | Unset):
        vocera_defined_metric_code (str | Unset):
        reviews (list[MetricReview] | Unset):
        window_size (int | Unset):
        std_multiplier (float | Unset):
        ewma_alpha (float | Unset):
        add_to_new_agents (bool | None | Unset):
        pending_optimisation_proposal (Any | Unset): A proposal from a scheduled optimiser run, not yet applied (any
            JSON or null).
    """

    name: str
    eval_type: EvalType
    id: int | Unset = UNSET
    slug: None | str | Unset = UNSET
    project: int | None | Unset = UNSET
    agents: list[int | None] | Unset = UNSET
    description: str | Unset = UNSET
    type_: MetricType | Unset = UNSET
    enum_values: Any | Unset = UNSET
    audio_enabled: bool | Unset = UNSET
    prompt: str | Unset = UNSET
    evaluation_trigger: EvaluationTrigger | Unset = UNSET
    trigger_type: TriggerType | Unset = UNSET
    evaluation_trigger_prompt: str | Unset = UNSET
    evaluation_trigger_custom_code: str | Unset = UNSET
    priority_assignment_prompt: str | Unset = UNSET
    configuration: Any | Unset = UNSET
    overall_score: str | Unset = UNSET
    total_score: str | Unset = UNSET
    knowledge_base_files: str | Unset = UNSET
    observability_enabled: bool | Unset = UNSET
    simulation_enabled: bool | Unset = UNSET
    sampling_enabled: bool | Unset = UNSET
    alert_enabled: bool | Unset = UNSET
    alert_type: AlertType | Unset = UNSET
    alert_filters: Any | Unset = UNSET
    slack_workspace: int | None | Unset = UNSET
    slack_channel_id: None | str | Unset = UNSET
    significant_change_alert_status: SignificantChangeAlertStatus | Unset = UNSET
    significant_change_alert_direction: SignificantChangeAlertDirection | Unset = UNSET
    function_name: None | str | Unset = UNSET
    custom_code: str | Unset = UNSET
    vocera_defined_metric_code: str | Unset = UNSET
    reviews: list[MetricReview] | Unset = UNSET
    window_size: int | Unset = UNSET
    std_multiplier: float | Unset = UNSET
    ewma_alpha: float | Unset = UNSET
    add_to_new_agents: bool | None | Unset = UNSET
    pending_optimisation_proposal: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        eval_type = self.eval_type.value

        id = self.id

        slug: None | str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        project: int | None | Unset
        if isinstance(self.project, Unset):
            project = UNSET
        else:
            project = self.project

        agents: list[int | None] | Unset = UNSET
        if not isinstance(self.agents, Unset):
            agents = []
            for agents_item_data in self.agents:
                agents_item: int | None
                agents_item = agents_item_data
                agents.append(agents_item)

        description = self.description

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        enum_values = self.enum_values

        audio_enabled = self.audio_enabled

        prompt = self.prompt

        evaluation_trigger: str | Unset = UNSET
        if not isinstance(self.evaluation_trigger, Unset):
            evaluation_trigger = self.evaluation_trigger.value

        trigger_type: str | Unset = UNSET
        if not isinstance(self.trigger_type, Unset):
            trigger_type = self.trigger_type.value

        evaluation_trigger_prompt = self.evaluation_trigger_prompt

        evaluation_trigger_custom_code = self.evaluation_trigger_custom_code

        priority_assignment_prompt = self.priority_assignment_prompt

        configuration = self.configuration

        overall_score = self.overall_score

        total_score = self.total_score

        knowledge_base_files = self.knowledge_base_files

        observability_enabled = self.observability_enabled

        simulation_enabled = self.simulation_enabled

        sampling_enabled = self.sampling_enabled

        alert_enabled = self.alert_enabled

        alert_type: str | Unset = UNSET
        if not isinstance(self.alert_type, Unset):
            alert_type = self.alert_type.value

        alert_filters = self.alert_filters

        slack_workspace: int | None | Unset
        if isinstance(self.slack_workspace, Unset):
            slack_workspace = UNSET
        else:
            slack_workspace = self.slack_workspace

        slack_channel_id: None | str | Unset
        if isinstance(self.slack_channel_id, Unset):
            slack_channel_id = UNSET
        else:
            slack_channel_id = self.slack_channel_id

        significant_change_alert_status: str | Unset = UNSET
        if not isinstance(self.significant_change_alert_status, Unset):
            significant_change_alert_status = self.significant_change_alert_status.value

        significant_change_alert_direction: str | Unset = UNSET
        if not isinstance(self.significant_change_alert_direction, Unset):
            significant_change_alert_direction = (
                self.significant_change_alert_direction.value
            )

        function_name: None | str | Unset
        if isinstance(self.function_name, Unset):
            function_name = UNSET
        else:
            function_name = self.function_name

        custom_code = self.custom_code

        vocera_defined_metric_code = self.vocera_defined_metric_code

        reviews: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reviews, Unset):
            reviews = []
            for reviews_item_data in self.reviews:
                reviews_item = reviews_item_data.to_dict()
                reviews.append(reviews_item)

        window_size = self.window_size

        std_multiplier = self.std_multiplier

        ewma_alpha = self.ewma_alpha

        add_to_new_agents: bool | None | Unset
        if isinstance(self.add_to_new_agents, Unset):
            add_to_new_agents = UNSET
        else:
            add_to_new_agents = self.add_to_new_agents

        pending_optimisation_proposal = self.pending_optimisation_proposal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "eval_type": eval_type,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if slug is not UNSET:
            field_dict["slug"] = slug
        if project is not UNSET:
            field_dict["project"] = project
        if agents is not UNSET:
            field_dict["agents"] = agents
        if description is not UNSET:
            field_dict["description"] = description
        if type_ is not UNSET:
            field_dict["type"] = type_
        if enum_values is not UNSET:
            field_dict["enum_values"] = enum_values
        if audio_enabled is not UNSET:
            field_dict["audio_enabled"] = audio_enabled
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
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
        if priority_assignment_prompt is not UNSET:
            field_dict["priority_assignment_prompt"] = priority_assignment_prompt
        if configuration is not UNSET:
            field_dict["configuration"] = configuration
        if overall_score is not UNSET:
            field_dict["overall_score"] = overall_score
        if total_score is not UNSET:
            field_dict["total_score"] = total_score
        if knowledge_base_files is not UNSET:
            field_dict["knowledge_base_files"] = knowledge_base_files
        if observability_enabled is not UNSET:
            field_dict["observability_enabled"] = observability_enabled
        if simulation_enabled is not UNSET:
            field_dict["simulation_enabled"] = simulation_enabled
        if sampling_enabled is not UNSET:
            field_dict["sampling_enabled"] = sampling_enabled
        if alert_enabled is not UNSET:
            field_dict["alert_enabled"] = alert_enabled
        if alert_type is not UNSET:
            field_dict["alert_type"] = alert_type
        if alert_filters is not UNSET:
            field_dict["alert_filters"] = alert_filters
        if slack_workspace is not UNSET:
            field_dict["slack_workspace"] = slack_workspace
        if slack_channel_id is not UNSET:
            field_dict["slack_channel_id"] = slack_channel_id
        if significant_change_alert_status is not UNSET:
            field_dict["significant_change_alert_status"] = (
                significant_change_alert_status
            )
        if significant_change_alert_direction is not UNSET:
            field_dict["significant_change_alert_direction"] = (
                significant_change_alert_direction
            )
        if function_name is not UNSET:
            field_dict["function_name"] = function_name
        if custom_code is not UNSET:
            field_dict["custom_code"] = custom_code
        if vocera_defined_metric_code is not UNSET:
            field_dict["vocera_defined_metric_code"] = vocera_defined_metric_code
        if reviews is not UNSET:
            field_dict["reviews"] = reviews
        if window_size is not UNSET:
            field_dict["window_size"] = window_size
        if std_multiplier is not UNSET:
            field_dict["std_multiplier"] = std_multiplier
        if ewma_alpha is not UNSET:
            field_dict["ewma_alpha"] = ewma_alpha
        if add_to_new_agents is not UNSET:
            field_dict["add_to_new_agents"] = add_to_new_agents
        if pending_optimisation_proposal is not UNSET:
            field_dict["pending_optimisation_proposal"] = pending_optimisation_proposal

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.metric_review import MetricReview

        d = dict(src_dict)
        name = d.pop("name")

        eval_type = EvalType(d.pop("eval_type"))

        id = d.pop("id", UNSET)

        def _parse_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))

        def _parse_project(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        project = _parse_project(d.pop("project", UNSET))

        _agents = d.pop("agents", UNSET)
        agents: list[int | None] | Unset = UNSET
        if _agents is not UNSET:
            agents = []
            for agents_item_data in _agents:

                def _parse_agents_item(data: object) -> int | None:
                    if data is None:
                        return data
                    return cast(int | None, data)

                agents_item = _parse_agents_item(agents_item_data)

                agents.append(agents_item)

        description = d.pop("description", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: MetricType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = MetricType(_type_)

        enum_values = d.pop("enum_values", UNSET)

        audio_enabled = d.pop("audio_enabled", UNSET)

        prompt = d.pop("prompt", UNSET)

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

        priority_assignment_prompt = d.pop("priority_assignment_prompt", UNSET)

        configuration = d.pop("configuration", UNSET)

        overall_score = d.pop("overall_score", UNSET)

        total_score = d.pop("total_score", UNSET)

        knowledge_base_files = d.pop("knowledge_base_files", UNSET)

        observability_enabled = d.pop("observability_enabled", UNSET)

        simulation_enabled = d.pop("simulation_enabled", UNSET)

        sampling_enabled = d.pop("sampling_enabled", UNSET)

        alert_enabled = d.pop("alert_enabled", UNSET)

        _alert_type = d.pop("alert_type", UNSET)
        alert_type: AlertType | Unset
        if isinstance(_alert_type, Unset):
            alert_type = UNSET
        else:
            alert_type = AlertType(_alert_type)

        alert_filters = d.pop("alert_filters", UNSET)

        def _parse_slack_workspace(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        slack_workspace = _parse_slack_workspace(d.pop("slack_workspace", UNSET))

        def _parse_slack_channel_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slack_channel_id = _parse_slack_channel_id(d.pop("slack_channel_id", UNSET))

        _significant_change_alert_status = d.pop(
            "significant_change_alert_status", UNSET
        )
        significant_change_alert_status: SignificantChangeAlertStatus | Unset
        if isinstance(_significant_change_alert_status, Unset):
            significant_change_alert_status = UNSET
        else:
            significant_change_alert_status = SignificantChangeAlertStatus(
                _significant_change_alert_status
            )

        _significant_change_alert_direction = d.pop(
            "significant_change_alert_direction", UNSET
        )
        significant_change_alert_direction: SignificantChangeAlertDirection | Unset
        if isinstance(_significant_change_alert_direction, Unset):
            significant_change_alert_direction = UNSET
        else:
            significant_change_alert_direction = SignificantChangeAlertDirection(
                _significant_change_alert_direction
            )

        def _parse_function_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        function_name = _parse_function_name(d.pop("function_name", UNSET))

        custom_code = d.pop("custom_code", UNSET)

        vocera_defined_metric_code = d.pop("vocera_defined_metric_code", UNSET)

        _reviews = d.pop("reviews", UNSET)
        reviews: list[MetricReview] | Unset = UNSET
        if _reviews is not UNSET:
            reviews = []
            for reviews_item_data in _reviews:
                reviews_item = MetricReview.from_dict(reviews_item_data)

                reviews.append(reviews_item)

        window_size = d.pop("window_size", UNSET)

        std_multiplier = d.pop("std_multiplier", UNSET)

        ewma_alpha = d.pop("ewma_alpha", UNSET)

        def _parse_add_to_new_agents(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        add_to_new_agents = _parse_add_to_new_agents(d.pop("add_to_new_agents", UNSET))

        pending_optimisation_proposal = d.pop("pending_optimisation_proposal", UNSET)

        metric_detail = cls(
            name=name,
            eval_type=eval_type,
            id=id,
            slug=slug,
            project=project,
            agents=agents,
            description=description,
            type_=type_,
            enum_values=enum_values,
            audio_enabled=audio_enabled,
            prompt=prompt,
            evaluation_trigger=evaluation_trigger,
            trigger_type=trigger_type,
            evaluation_trigger_prompt=evaluation_trigger_prompt,
            evaluation_trigger_custom_code=evaluation_trigger_custom_code,
            priority_assignment_prompt=priority_assignment_prompt,
            configuration=configuration,
            overall_score=overall_score,
            total_score=total_score,
            knowledge_base_files=knowledge_base_files,
            observability_enabled=observability_enabled,
            simulation_enabled=simulation_enabled,
            sampling_enabled=sampling_enabled,
            alert_enabled=alert_enabled,
            alert_type=alert_type,
            alert_filters=alert_filters,
            slack_workspace=slack_workspace,
            slack_channel_id=slack_channel_id,
            significant_change_alert_status=significant_change_alert_status,
            significant_change_alert_direction=significant_change_alert_direction,
            function_name=function_name,
            custom_code=custom_code,
            vocera_defined_metric_code=vocera_defined_metric_code,
            reviews=reviews,
            window_size=window_size,
            std_multiplier=std_multiplier,
            ewma_alpha=ewma_alpha,
            add_to_new_agents=add_to_new_agents,
            pending_optimisation_proposal=pending_optimisation_proposal,
        )

        metric_detail.additional_properties = d
        return metric_detail

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
