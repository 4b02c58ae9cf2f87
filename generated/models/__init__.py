"""Contains all the data models used in inputs/outputs"""

from .alert_type import AlertType
from .bulk_agent_assignment import BulkAgentAssignment
from .bulk_agent_assignment_mode import BulkAgentAssignmentMode
from .bulk_agent_assignment_result import BulkAgentAssignmentResult
from .bulk_toggle_settings import BulkToggleSettings
from .bulk_toggle_settings_result import BulkToggleSettingsResult
from .critical_metric_scenario import CriticalMetricScenario
from .critical_metric_scenario_page import CriticalMetricScenarioPage
from .critical_metric_scenario_patch import CriticalMetricScenarioPatch
from .critical_metric_scenario_patch_priority import CriticalMetricScenarioPatchPriority
from .critical_metric_scenario_priority import CriticalMetricScenarioPriority
from .error_detail import ErrorDetail
from .eval_type import EvalType
from .evaluation_trigger import EvaluationTrigger
from .feedback_progress import FeedbackProgress
from .feedback_progress_improved_trigger_kind import FeedbackProgressImprovedTriggerKind
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
