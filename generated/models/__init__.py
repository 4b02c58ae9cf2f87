"""Contains all the data models used in inputs/outputs.

Models are imported on first use (PEP 562), so importing one model, or one operation module,
does not import every model of the API.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .alert_type import AlertType
    from .bulk_agent_assignment import BulkAgentAssignment
    from .bulk_agent_assignment_mode import BulkAgentAssignmentMode
    from .bulk_agent_assignment_result import BulkAgentAssignmentResult
    from .bulk_toggle_settings import BulkToggleSettings
    from .bulk_toggle_settings_result import BulkToggleSettingsResult
    from .critical_metric_scenario import CriticalMetricScenario
    from .critical_metric_scenario_page import CriticalMetricScenarioPage
    from .critical_metric_scenario_patch import CriticalMetricScenarioPatch
    from .critical_metric_scenario_patch_priority import (
        CriticalMetricScenarioPatchPriority,
    )
    from .critical_metric_scenario_priority import CriticalMetricScenarioPriority
    from .error_detail import ErrorDetail
    from .eval_type import EvalType
    from .evaluation_trigger import EvaluationTrigger
    from .feedback_progress import FeedbackProgress
    from .feedback_progress_improved_trigger_kind import (
        FeedbackProgressImprovedTriggerKind,
    )
    from .field_errors import FieldErrors
    from .generate_metrics_progress import GenerateMetricsProgress
    from .generate_metrics_request import GenerateMetricsRequest
    from .generated_metric import GeneratedMetric
    from .job_started import JobStarted
    from .job_status import JobStatus
    from .knowledge_base_file import KnowledgeBaseFile
    from .metric import Metric
    from .metric_configuration import MetricConfiguration
    from .metric_detail import MetricDetail
    from .metric_list_item import MetricListItem
    from .metric_patch import MetricPatch
    from .metric_patch_configuration import MetricPatchConfiguration
    from .metric_review import MetricReview
    from .metric_type import MetricType
    from .metric_write import MetricWrite
    from .metric_write_configuration import MetricWriteConfiguration
    from .metrics_list_filters import MetricsListFilters
    from .predefined_category import PredefinedCategory
    from .predefined_metric import PredefinedMetric
    from .process_feedbacks_request import ProcessFeedbacksRequest
    from .review_result import ReviewResult
    from .significant_change_alert_direction import SignificantChangeAlertDirection
    from .significant_change_alert_status import SignificantChangeAlertStatus
    from .test_set_inline import TestSetInline
    from .test_set_inline_source_model import TestSetInlineSourceModel
    from .trigger_type import TriggerType

_MODULES = {
    "AlertType": ".alert_type",
    "BulkAgentAssignment": ".bulk_agent_assignment",
    "BulkAgentAssignmentMode": ".bulk_agent_assignment_mode",
    "BulkAgentAssignmentResult": ".bulk_agent_assignment_result",
    "BulkToggleSettings": ".bulk_toggle_settings",
    "BulkToggleSettingsResult": ".bulk_toggle_settings_result",
    "CriticalMetricScenario": ".critical_metric_scenario",
    "CriticalMetricScenarioPage": ".critical_metric_scenario_page",
    "CriticalMetricScenarioPatch": ".critical_metric_scenario_patch",
    "CriticalMetricScenarioPatchPriority": ".critical_metric_scenario_patch_priority",
    "CriticalMetricScenarioPriority": ".critical_metric_scenario_priority",
    "ErrorDetail": ".error_detail",
    "EvalType": ".eval_type",
    "EvaluationTrigger": ".evaluation_trigger",
    "FeedbackProgress": ".feedback_progress",
    "FeedbackProgressImprovedTriggerKind": ".feedback_progress_improved_trigger_kind",
    "FieldErrors": ".field_errors",
    "GenerateMetricsProgress": ".generate_metrics_progress",
    "GenerateMetricsRequest": ".generate_metrics_request",
    "GeneratedMetric": ".generated_metric",
    "JobStarted": ".job_started",
    "JobStatus": ".job_status",
    "KnowledgeBaseFile": ".knowledge_base_file",
    "Metric": ".metric",
    "MetricConfiguration": ".metric_configuration",
    "MetricDetail": ".metric_detail",
    "MetricListItem": ".metric_list_item",
    "MetricPatch": ".metric_patch",
    "MetricPatchConfiguration": ".metric_patch_configuration",
    "MetricReview": ".metric_review",
    "MetricType": ".metric_type",
    "MetricWrite": ".metric_write",
    "MetricWriteConfiguration": ".metric_write_configuration",
    "MetricsListFilters": ".metrics_list_filters",
    "PredefinedCategory": ".predefined_category",
    "PredefinedMetric": ".predefined_metric",
    "ProcessFeedbacksRequest": ".process_feedbacks_request",
    "ReviewResult": ".review_result",
    "SignificantChangeAlertDirection": ".significant_change_alert_direction",
    "SignificantChangeAlertStatus": ".significant_change_alert_status",
    "TestSetInline": ".test_set_inline",
    "TestSetInlineSourceModel": ".test_set_inline_source_model",
    "TriggerType": ".trigger_type",
}

__all__ = (
    "AlertType",
    "BulkAgentAssignment",
    "BulkAgentAssignmentMode",
    "BulkAgentAssignmentResult",
    "BulkToggleSettings",
    "BulkToggleSettingsResult",
    "CriticalMetricScenario",
    "CriticalMetricScenarioPage",
    "CriticalMetricScenarioPatch",
    "CriticalMetricScenarioPatchPriority",
    "CriticalMetricScenarioPriority",
    "ErrorDetail",
    "EvalType",
    "EvaluationTrigger",
    "FeedbackProgress",
    "FeedbackProgressImprovedTriggerKind",
    "FieldErrors",
    "GenerateMetricsProgress",
    "GenerateMetricsRequest",
    "GeneratedMetric",
    "JobStarted",
    "JobStatus",
    "KnowledgeBaseFile",
    "Metric",
    "MetricConfiguration",
    "MetricDetail",
    "MetricListItem",
    "MetricPatch",
    "MetricPatchConfiguration",
    "MetricReview",
    "MetricType",
    "MetricWrite",
    "MetricWriteConfiguration",
    "MetricsListFilters",
    "PredefinedCategory",
    "PredefinedMetric",
    "ProcessFeedbacksRequest",
    "ReviewResult",
    "SignificantChangeAlertDirection",
    "SignificantChangeAlertStatus",
    "TestSetInline",
    "TestSetInlineSourceModel",
    "TriggerType",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
