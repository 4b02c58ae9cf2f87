from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert_type import AlertType
from ..models.eval_type import EvalType
from ..models.evaluation_trigger import EvaluationTrigger
from ..models.llm_provider import LlmProvider
from ..models.metric_type import MetricType
from ..models.metric_version_history_type import MetricVersionHistoryType
from ..models.significant_change_alert_direction import SignificantChangeAlertDirection
from ..models.significant_change_alert_status import SignificantChangeAlertStatus
from ..models.trigger_type import TriggerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.history_user import HistoryUser


T = TypeVar("T", bound="MetricVersion")


@_attrs_define
class MetricVersion:
    """A metric as it was after one change.

    Attributes:
        history_date (datetime.datetime): When the change was made.
        history_type (MetricVersionHistoryType): `+` created, `~` changed, `-` deleted.
        name (str):
        history_id (int | Unset): Pass this to restore.
        history_change_reason (None | str | Unset):
        history_user (HistoryUser | None | Unset): Who made the change (null for changes made with an API key).
        version_id (None | str | Unset):
        version_name (None | str | Unset):
        agents_snapshot (Any | Unset): The metric's agents at the time (any JSON or null).
        id (int | Unset): The metric's id.
        slug (None | str | Unset):
        project (int | None | Unset):
        agent (int | None | Unset):
        description (str | Unset):
        function_name (None | str | Unset):
        type_ (MetricType | Unset): How a metric is evaluated. `llm_judge` and `custom_code` are current; `basic` and
            `custom_prompt` are deprecated and refused on create.
        eval_type (EvalType | Unset): The shape of a metric's result. The dashboard says Boolean (`binary`), Rating
            (`continuous_qualitative`), Numeric (`numeric`) and Enum (`enum`).
        enum_values (Any | Unset): Allowed labels of an `enum` metric.
        audio_enabled (bool | Unset):
        observability_enabled (bool | Unset):
        simulation_enabled (bool | Unset):
        sampling_enabled (bool | Unset):
        alert_enabled (bool | Unset):
        prompt (str | Unset):
        display_order (int | Unset):
        evaluation_trigger (EvaluationTrigger | Unset): When the metric runs on a call (`always` unless told otherwise).
        trigger_type (TriggerType | Unset): What decides a `custom` trigger, an LLM judge or custom code.
        evaluation_trigger_prompt (str | Unset):
        evaluation_trigger_custom_code (str | Unset):
        priority_assignment_prompt (str | Unset):
        configuration (Any | Unset): Metric-specific settings.
        alert_type (AlertType | Unset):
        significant_change_alert_status (SignificantChangeAlertStatus | Unset):
        significant_change_alert_direction (SignificantChangeAlertDirection | Unset): An empty string means both
            directions.
        window_size (int | Unset):
        std_multiplier (float | Unset):
        ewma_alpha (float | Unset):
        add_to_new_agents (bool | None | Unset):
        alert_filters (Any | Unset): Call filters applied before alerting (any JSON or null).
        slack_workspace (int | None | Unset):
        slack_channel_id (None | str | Unset):
        custom_code (str | Unset):
        vocera_defined_metric_code (str | Unset):
        llm_provider (LlmProvider | Unset): The model family that judges the metric.
        relevance_llm_provider (LlmProvider | Unset): The model family that judges the metric.
        metric_description_variables (Any | Unset): Any JSON.
        evaluation_trigger_variables (Any | Unset): Any JSON.
    """

    history_date: datetime.datetime
    history_type: MetricVersionHistoryType
    name: str
    history_id: int | Unset = UNSET
    history_change_reason: None | str | Unset = UNSET
    history_user: HistoryUser | None | Unset = UNSET
    version_id: None | str | Unset = UNSET
    version_name: None | str | Unset = UNSET
    agents_snapshot: Any | Unset = UNSET
    id: int | Unset = UNSET
    slug: None | str | Unset = UNSET
    project: int | None | Unset = UNSET
    agent: int | None | Unset = UNSET
    description: str | Unset = UNSET
    function_name: None | str | Unset = UNSET
    type_: MetricType | Unset = UNSET
    eval_type: EvalType | Unset = UNSET
    enum_values: Any | Unset = UNSET
    audio_enabled: bool | Unset = UNSET
    observability_enabled: bool | Unset = UNSET
    simulation_enabled: bool | Unset = UNSET
    sampling_enabled: bool | Unset = UNSET
    alert_enabled: bool | Unset = UNSET
    prompt: str | Unset = UNSET
    display_order: int | Unset = UNSET
    evaluation_trigger: EvaluationTrigger | Unset = UNSET
    trigger_type: TriggerType | Unset = UNSET
    evaluation_trigger_prompt: str | Unset = UNSET
    evaluation_trigger_custom_code: str | Unset = UNSET
    priority_assignment_prompt: str | Unset = UNSET
    configuration: Any | Unset = UNSET
    alert_type: AlertType | Unset = UNSET
    significant_change_alert_status: SignificantChangeAlertStatus | Unset = UNSET
    significant_change_alert_direction: SignificantChangeAlertDirection | Unset = UNSET
    window_size: int | Unset = UNSET
    std_multiplier: float | Unset = UNSET
    ewma_alpha: float | Unset = UNSET
    add_to_new_agents: bool | None | Unset = UNSET
    alert_filters: Any | Unset = UNSET
    slack_workspace: int | None | Unset = UNSET
    slack_channel_id: None | str | Unset = UNSET
    custom_code: str | Unset = UNSET
    vocera_defined_metric_code: str | Unset = UNSET
    llm_provider: LlmProvider | Unset = UNSET
    relevance_llm_provider: LlmProvider | Unset = UNSET
    metric_description_variables: Any | Unset = UNSET
    evaluation_trigger_variables: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.history_user import HistoryUser

        history_date = self.history_date.isoformat()

        history_type = self.history_type.value

        name = self.name

        history_id = self.history_id

        history_change_reason: None | str | Unset
        if isinstance(self.history_change_reason, Unset):
            history_change_reason = UNSET
        else:
            history_change_reason = self.history_change_reason

        history_user: dict[str, Any] | None | Unset
        if isinstance(self.history_user, Unset):
            history_user = UNSET
        elif isinstance(self.history_user, HistoryUser):
            history_user = self.history_user.to_dict()
        else:
            history_user = self.history_user

        version_id: None | str | Unset
        if isinstance(self.version_id, Unset):
            version_id = UNSET
        else:
            version_id = self.version_id

        version_name: None | str | Unset
        if isinstance(self.version_name, Unset):
            version_name = UNSET
        else:
            version_name = self.version_name

        agents_snapshot = self.agents_snapshot

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

        agent: int | None | Unset
        if isinstance(self.agent, Unset):
            agent = UNSET
        else:
            agent = self.agent

        description = self.description

        function_name: None | str | Unset
        if isinstance(self.function_name, Unset):
            function_name = UNSET
        else:
            function_name = self.function_name

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        eval_type: str | Unset = UNSET
        if not isinstance(self.eval_type, Unset):
            eval_type = self.eval_type.value

        enum_values = self.enum_values

        audio_enabled = self.audio_enabled

        observability_enabled = self.observability_enabled

        simulation_enabled = self.simulation_enabled

        sampling_enabled = self.sampling_enabled

        alert_enabled = self.alert_enabled

        prompt = self.prompt

        display_order = self.display_order

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

        alert_type: str | Unset = UNSET
        if not isinstance(self.alert_type, Unset):
            alert_type = self.alert_type.value

        significant_change_alert_status: str | Unset = UNSET
        if not isinstance(self.significant_change_alert_status, Unset):
            significant_change_alert_status = self.significant_change_alert_status.value

        significant_change_alert_direction: str | Unset = UNSET
        if not isinstance(self.significant_change_alert_direction, Unset):
            significant_change_alert_direction = (
                self.significant_change_alert_direction.value
            )

        window_size = self.window_size

        std_multiplier = self.std_multiplier

        ewma_alpha = self.ewma_alpha

        add_to_new_agents: bool | None | Unset
        if isinstance(self.add_to_new_agents, Unset):
            add_to_new_agents = UNSET
        else:
            add_to_new_agents = self.add_to_new_agents

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

        custom_code = self.custom_code

        vocera_defined_metric_code = self.vocera_defined_metric_code

        llm_provider: str | Unset = UNSET
        if not isinstance(self.llm_provider, Unset):
            llm_provider = self.llm_provider.value

        relevance_llm_provider: str | Unset = UNSET
        if not isinstance(self.relevance_llm_provider, Unset):
            relevance_llm_provider = self.relevance_llm_provider.value

        metric_description_variables = self.metric_description_variables

        evaluation_trigger_variables = self.evaluation_trigger_variables

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "history_date": history_date,
                "history_type": history_type,
                "name": name,
            }
        )
        if history_id is not UNSET:
            field_dict["history_id"] = history_id
        if history_change_reason is not UNSET:
            field_dict["history_change_reason"] = history_change_reason
        if history_user is not UNSET:
            field_dict["history_user"] = history_user
        if version_id is not UNSET:
            field_dict["version_id"] = version_id
        if version_name is not UNSET:
            field_dict["version_name"] = version_name
        if agents_snapshot is not UNSET:
            field_dict["agents_snapshot"] = agents_snapshot
        if id is not UNSET:
            field_dict["id"] = id
        if slug is not UNSET:
            field_dict["slug"] = slug
        if project is not UNSET:
            field_dict["project"] = project
        if agent is not UNSET:
            field_dict["agent"] = agent
        if description is not UNSET:
            field_dict["description"] = description
        if function_name is not UNSET:
            field_dict["function_name"] = function_name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if eval_type is not UNSET:
            field_dict["eval_type"] = eval_type
        if enum_values is not UNSET:
            field_dict["enum_values"] = enum_values
        if audio_enabled is not UNSET:
            field_dict["audio_enabled"] = audio_enabled
        if observability_enabled is not UNSET:
            field_dict["observability_enabled"] = observability_enabled
        if simulation_enabled is not UNSET:
            field_dict["simulation_enabled"] = simulation_enabled
        if sampling_enabled is not UNSET:
            field_dict["sampling_enabled"] = sampling_enabled
        if alert_enabled is not UNSET:
            field_dict["alert_enabled"] = alert_enabled
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if display_order is not UNSET:
            field_dict["display_order"] = display_order
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
        if alert_type is not UNSET:
            field_dict["alert_type"] = alert_type
        if significant_change_alert_status is not UNSET:
            field_dict["significant_change_alert_status"] = (
                significant_change_alert_status
            )
        if significant_change_alert_direction is not UNSET:
            field_dict["significant_change_alert_direction"] = (
                significant_change_alert_direction
            )
        if window_size is not UNSET:
            field_dict["window_size"] = window_size
        if std_multiplier is not UNSET:
            field_dict["std_multiplier"] = std_multiplier
        if ewma_alpha is not UNSET:
            field_dict["ewma_alpha"] = ewma_alpha
        if add_to_new_agents is not UNSET:
            field_dict["add_to_new_agents"] = add_to_new_agents
        if alert_filters is not UNSET:
            field_dict["alert_filters"] = alert_filters
        if slack_workspace is not UNSET:
            field_dict["slack_workspace"] = slack_workspace
        if slack_channel_id is not UNSET:
            field_dict["slack_channel_id"] = slack_channel_id
        if custom_code is not UNSET:
            field_dict["custom_code"] = custom_code
        if vocera_defined_metric_code is not UNSET:
            field_dict["vocera_defined_metric_code"] = vocera_defined_metric_code
        if llm_provider is not UNSET:
            field_dict["llm_provider"] = llm_provider
        if relevance_llm_provider is not UNSET:
            field_dict["relevance_llm_provider"] = relevance_llm_provider
        if metric_description_variables is not UNSET:
            field_dict["metric_description_variables"] = metric_description_variables
        if evaluation_trigger_variables is not UNSET:
            field_dict["evaluation_trigger_variables"] = evaluation_trigger_variables

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.history_user import HistoryUser

        d = dict(src_dict)
        history_date = datetime.datetime.fromisoformat(d.pop("history_date"))

        history_type = MetricVersionHistoryType(d.pop("history_type"))

        name = d.pop("name")

        history_id = d.pop("history_id", UNSET)

        def _parse_history_change_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        history_change_reason = _parse_history_change_reason(
            d.pop("history_change_reason", UNSET)
        )

        def _parse_history_user(data: object) -> HistoryUser | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                history_user_type_0 = HistoryUser.from_dict(data)

                return history_user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HistoryUser | None | Unset, data)

        history_user = _parse_history_user(d.pop("history_user", UNSET))

        def _parse_version_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_id = _parse_version_id(d.pop("version_id", UNSET))

        def _parse_version_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version_name = _parse_version_name(d.pop("version_name", UNSET))

        agents_snapshot = d.pop("agents_snapshot", UNSET)

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

        def _parse_agent(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        agent = _parse_agent(d.pop("agent", UNSET))

        description = d.pop("description", UNSET)

        def _parse_function_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        function_name = _parse_function_name(d.pop("function_name", UNSET))

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

        enum_values = d.pop("enum_values", UNSET)

        audio_enabled = d.pop("audio_enabled", UNSET)

        observability_enabled = d.pop("observability_enabled", UNSET)

        simulation_enabled = d.pop("simulation_enabled", UNSET)

        sampling_enabled = d.pop("sampling_enabled", UNSET)

        alert_enabled = d.pop("alert_enabled", UNSET)

        prompt = d.pop("prompt", UNSET)

        display_order = d.pop("display_order", UNSET)

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

        _alert_type = d.pop("alert_type", UNSET)
        alert_type: AlertType | Unset
        if isinstance(_alert_type, Unset):
            alert_type = UNSET
        else:
            alert_type = AlertType(_alert_type)

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

        custom_code = d.pop("custom_code", UNSET)

        vocera_defined_metric_code = d.pop("vocera_defined_metric_code", UNSET)

        _llm_provider = d.pop("llm_provider", UNSET)
        llm_provider: LlmProvider | Unset
        if isinstance(_llm_provider, Unset):
            llm_provider = UNSET
        else:
            llm_provider = LlmProvider(_llm_provider)

        _relevance_llm_provider = d.pop("relevance_llm_provider", UNSET)
        relevance_llm_provider: LlmProvider | Unset
        if isinstance(_relevance_llm_provider, Unset):
            relevance_llm_provider = UNSET
        else:
            relevance_llm_provider = LlmProvider(_relevance_llm_provider)

        metric_description_variables = d.pop("metric_description_variables", UNSET)

        evaluation_trigger_variables = d.pop("evaluation_trigger_variables", UNSET)

        metric_version = cls(
            history_date=history_date,
            history_type=history_type,
            name=name,
            history_id=history_id,
            history_change_reason=history_change_reason,
            history_user=history_user,
            version_id=version_id,
            version_name=version_name,
            agents_snapshot=agents_snapshot,
            id=id,
            slug=slug,
            project=project,
            agent=agent,
            description=description,
            function_name=function_name,
            type_=type_,
            eval_type=eval_type,
            enum_values=enum_values,
            audio_enabled=audio_enabled,
            observability_enabled=observability_enabled,
            simulation_enabled=simulation_enabled,
            sampling_enabled=sampling_enabled,
            alert_enabled=alert_enabled,
            prompt=prompt,
            display_order=display_order,
            evaluation_trigger=evaluation_trigger,
            trigger_type=trigger_type,
            evaluation_trigger_prompt=evaluation_trigger_prompt,
            evaluation_trigger_custom_code=evaluation_trigger_custom_code,
            priority_assignment_prompt=priority_assignment_prompt,
            configuration=configuration,
            alert_type=alert_type,
            significant_change_alert_status=significant_change_alert_status,
            significant_change_alert_direction=significant_change_alert_direction,
            window_size=window_size,
            std_multiplier=std_multiplier,
            ewma_alpha=ewma_alpha,
            add_to_new_agents=add_to_new_agents,
            alert_filters=alert_filters,
            slack_workspace=slack_workspace,
            slack_channel_id=slack_channel_id,
            custom_code=custom_code,
            vocera_defined_metric_code=vocera_defined_metric_code,
            llm_provider=llm_provider,
            relevance_llm_provider=relevance_llm_provider,
            metric_description_variables=metric_description_variables,
            evaluation_trigger_variables=evaluation_trigger_variables,
        )

        metric_version.additional_properties = d
        return metric_version

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
