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
    from .call_log import CallLog
    from .call_log_dynamic_variables import CallLogDynamicVariables
    from .call_log_metadata import CallLogMetadata
    from .call_log_page import CallLogPage
    from .call_log_summary import CallLogSummary
    from .call_log_vote_answer import CallLogVoteAnswer
    from .call_status import CallStatus
    from .calls_evaluate_metrics import CallsEvaluateMetrics
    from .calls_rerun_evaluation import CallsRerunEvaluation
    from .calls_rerun_evaluation_call_logs_type_1 import (
        CallsRerunEvaluationCallLogsType1,
    )
    from .critical_category_flag import CriticalCategoryFlag
    from .critical_category_flag_priority import CriticalCategoryFlagPriority
    from .critical_metric_scenario import CriticalMetricScenario
    from .critical_metric_scenario_page import CriticalMetricScenarioPage
    from .critical_metric_scenario_patch import CriticalMetricScenarioPatch
    from .critical_metric_scenario_patch_priority import (
        CriticalMetricScenarioPatchPriority,
    )
    from .critical_metric_scenario_priority import CriticalMetricScenarioPriority
    from .error_detail import ErrorDetail
    from .eval_type import EvalType
    from .evaluation import Evaluation
    from .evaluation_trigger import EvaluationTrigger
    from .feedback_progress import FeedbackProgress
    from .feedback_progress_improved_trigger_kind import (
        FeedbackProgressImprovedTriggerKind,
    )
    from .field_errors import FieldErrors
    from .generate_metrics_progress import GenerateMetricsProgress
    from .generate_metrics_request import GenerateMetricsRequest
    from .generated_metric import GeneratedMetric
    from .history_user import HistoryUser
    from .job_started import JobStarted
    from .job_status import JobStatus
    from .judge_progress import JudgeProgress
    from .judge_progress_output_type_0 import JudgeProgressOutputType0
    from .judge_request import JudgeRequest
    from .knowledge_base_file import KnowledgeBaseFile
    from .llm_provider import LlmProvider
    from .metric import Metric
    from .metric_configuration import MetricConfiguration
    from .metric_detail import MetricDetail
    from .metric_list_item import MetricListItem
    from .metric_patch import MetricPatch
    from .metric_patch_configuration import MetricPatchConfiguration
    from .metric_restore import MetricRestore
    from .metric_review import MetricReview
    from .metric_score import MetricScore
    from .metric_score_brief import MetricScoreBrief
    from .metric_score_extra import MetricScoreExtra
    from .metric_score_vote import MetricScoreVote
    from .metric_type import MetricType
    from .metric_version import MetricVersion
    from .metric_version_history_type import MetricVersionHistoryType
    from .metric_version_page import MetricVersionPage
    from .metric_vote import MetricVote
    from .metric_write import MetricWrite
    from .metric_write_configuration import MetricWriteConfiguration
    from .metrics_list_filters import MetricsListFilters
    from .payload_turn import PayloadTurn
    from .predefined_category import PredefinedCategory
    from .predefined_metric import PredefinedMetric
    from .predefined_metric_copy import PredefinedMetricCopy
    from .preview_metric import PreviewMetric
    from .preview_progress import PreviewProgress
    from .preview_request import PreviewRequest
    from .preview_score import PreviewScore
    from .preview_score_extra import PreviewScoreExtra
    from .process_feedbacks_request import ProcessFeedbacksRequest
    from .result_detail import ResultDetail
    from .result_detail_runs import ResultDetailRuns
    from .result_evaluate_metrics import ResultEvaluateMetrics
    from .result_summary import ResultSummary
    from .result_summary_runs import ResultSummaryRuns
    from .results_bulk_evaluate_metrics import ResultsBulkEvaluateMetrics
    from .review_result import ReviewResult
    from .run import Run
    from .run_generated_mock_tool_entries_item import RunGeneratedMockToolEntriesItem
    from .run_status import RunStatus
    from .run_transcript_turn import RunTranscriptTurn
    from .run_vote_answer import RunVoteAnswer
    from .significant_change_alert_direction import SignificantChangeAlertDirection
    from .significant_change_alert_status import SignificantChangeAlertStatus
    from .test_profile_info import TestProfileInfo
    from .test_profile_info_information import TestProfileInfoInformation
    from .test_set import TestSet
    from .test_set_from_call_log import TestSetFromCallLog
    from .test_set_from_run import TestSetFromRun
    from .test_set_inline import TestSetInline
    from .test_set_inline_source_model import TestSetInlineSourceModel
    from .test_set_metric_label import TestSetMetricLabel
    from .test_set_review import TestSetReview
    from .test_set_source_model import TestSetSourceModel
    from .transcript_turn import TranscriptTurn
    from .trigger_type import TriggerType

_MODULES = {
    "AlertType": ".alert_type",
    "BulkAgentAssignment": ".bulk_agent_assignment",
    "BulkAgentAssignmentMode": ".bulk_agent_assignment_mode",
    "BulkAgentAssignmentResult": ".bulk_agent_assignment_result",
    "BulkToggleSettings": ".bulk_toggle_settings",
    "BulkToggleSettingsResult": ".bulk_toggle_settings_result",
    "CallLog": ".call_log",
    "CallLogDynamicVariables": ".call_log_dynamic_variables",
    "CallLogMetadata": ".call_log_metadata",
    "CallLogPage": ".call_log_page",
    "CallLogSummary": ".call_log_summary",
    "CallLogVoteAnswer": ".call_log_vote_answer",
    "CallStatus": ".call_status",
    "CallsEvaluateMetrics": ".calls_evaluate_metrics",
    "CallsRerunEvaluation": ".calls_rerun_evaluation",
    "CallsRerunEvaluationCallLogsType1": ".calls_rerun_evaluation_call_logs_type_1",
    "CriticalCategoryFlag": ".critical_category_flag",
    "CriticalCategoryFlagPriority": ".critical_category_flag_priority",
    "CriticalMetricScenario": ".critical_metric_scenario",
    "CriticalMetricScenarioPage": ".critical_metric_scenario_page",
    "CriticalMetricScenarioPatch": ".critical_metric_scenario_patch",
    "CriticalMetricScenarioPatchPriority": ".critical_metric_scenario_patch_priority",
    "CriticalMetricScenarioPriority": ".critical_metric_scenario_priority",
    "ErrorDetail": ".error_detail",
    "EvalType": ".eval_type",
    "Evaluation": ".evaluation",
    "EvaluationTrigger": ".evaluation_trigger",
    "FeedbackProgress": ".feedback_progress",
    "FeedbackProgressImprovedTriggerKind": ".feedback_progress_improved_trigger_kind",
    "FieldErrors": ".field_errors",
    "GenerateMetricsProgress": ".generate_metrics_progress",
    "GenerateMetricsRequest": ".generate_metrics_request",
    "GeneratedMetric": ".generated_metric",
    "HistoryUser": ".history_user",
    "JobStarted": ".job_started",
    "JobStatus": ".job_status",
    "JudgeProgress": ".judge_progress",
    "JudgeProgressOutputType0": ".judge_progress_output_type_0",
    "JudgeRequest": ".judge_request",
    "KnowledgeBaseFile": ".knowledge_base_file",
    "LlmProvider": ".llm_provider",
    "Metric": ".metric",
    "MetricConfiguration": ".metric_configuration",
    "MetricDetail": ".metric_detail",
    "MetricListItem": ".metric_list_item",
    "MetricPatch": ".metric_patch",
    "MetricPatchConfiguration": ".metric_patch_configuration",
    "MetricRestore": ".metric_restore",
    "MetricReview": ".metric_review",
    "MetricScore": ".metric_score",
    "MetricScoreBrief": ".metric_score_brief",
    "MetricScoreExtra": ".metric_score_extra",
    "MetricScoreVote": ".metric_score_vote",
    "MetricType": ".metric_type",
    "MetricVersion": ".metric_version",
    "MetricVersionHistoryType": ".metric_version_history_type",
    "MetricVersionPage": ".metric_version_page",
    "MetricVote": ".metric_vote",
    "MetricWrite": ".metric_write",
    "MetricWriteConfiguration": ".metric_write_configuration",
    "MetricsListFilters": ".metrics_list_filters",
    "PayloadTurn": ".payload_turn",
    "PredefinedCategory": ".predefined_category",
    "PredefinedMetric": ".predefined_metric",
    "PredefinedMetricCopy": ".predefined_metric_copy",
    "PreviewMetric": ".preview_metric",
    "PreviewProgress": ".preview_progress",
    "PreviewRequest": ".preview_request",
    "PreviewScore": ".preview_score",
    "PreviewScoreExtra": ".preview_score_extra",
    "ProcessFeedbacksRequest": ".process_feedbacks_request",
    "ResultDetail": ".result_detail",
    "ResultDetailRuns": ".result_detail_runs",
    "ResultEvaluateMetrics": ".result_evaluate_metrics",
    "ResultSummary": ".result_summary",
    "ResultSummaryRuns": ".result_summary_runs",
    "ResultsBulkEvaluateMetrics": ".results_bulk_evaluate_metrics",
    "ReviewResult": ".review_result",
    "Run": ".run",
    "RunGeneratedMockToolEntriesItem": ".run_generated_mock_tool_entries_item",
    "RunStatus": ".run_status",
    "RunTranscriptTurn": ".run_transcript_turn",
    "RunVoteAnswer": ".run_vote_answer",
    "SignificantChangeAlertDirection": ".significant_change_alert_direction",
    "SignificantChangeAlertStatus": ".significant_change_alert_status",
    "TestProfileInfo": ".test_profile_info",
    "TestProfileInfoInformation": ".test_profile_info_information",
    "TestSet": ".test_set",
    "TestSetFromCallLog": ".test_set_from_call_log",
    "TestSetFromRun": ".test_set_from_run",
    "TestSetInline": ".test_set_inline",
    "TestSetInlineSourceModel": ".test_set_inline_source_model",
    "TestSetMetricLabel": ".test_set_metric_label",
    "TestSetReview": ".test_set_review",
    "TestSetSourceModel": ".test_set_source_model",
    "TranscriptTurn": ".transcript_turn",
    "TriggerType": ".trigger_type",
}

__all__ = (
    "AlertType",
    "BulkAgentAssignment",
    "BulkAgentAssignmentMode",
    "BulkAgentAssignmentResult",
    "BulkToggleSettings",
    "BulkToggleSettingsResult",
    "CallLog",
    "CallLogDynamicVariables",
    "CallLogMetadata",
    "CallLogPage",
    "CallLogSummary",
    "CallLogVoteAnswer",
    "CallStatus",
    "CallsEvaluateMetrics",
    "CallsRerunEvaluation",
    "CallsRerunEvaluationCallLogsType1",
    "CriticalCategoryFlag",
    "CriticalCategoryFlagPriority",
    "CriticalMetricScenario",
    "CriticalMetricScenarioPage",
    "CriticalMetricScenarioPatch",
    "CriticalMetricScenarioPatchPriority",
    "CriticalMetricScenarioPriority",
    "ErrorDetail",
    "EvalType",
    "Evaluation",
    "EvaluationTrigger",
    "FeedbackProgress",
    "FeedbackProgressImprovedTriggerKind",
    "FieldErrors",
    "GenerateMetricsProgress",
    "GenerateMetricsRequest",
    "GeneratedMetric",
    "HistoryUser",
    "JobStarted",
    "JobStatus",
    "JudgeProgress",
    "JudgeProgressOutputType0",
    "JudgeRequest",
    "KnowledgeBaseFile",
    "LlmProvider",
    "Metric",
    "MetricConfiguration",
    "MetricDetail",
    "MetricListItem",
    "MetricPatch",
    "MetricPatchConfiguration",
    "MetricRestore",
    "MetricReview",
    "MetricScore",
    "MetricScoreBrief",
    "MetricScoreExtra",
    "MetricScoreVote",
    "MetricType",
    "MetricVersion",
    "MetricVersionHistoryType",
    "MetricVersionPage",
    "MetricVote",
    "MetricWrite",
    "MetricWriteConfiguration",
    "MetricsListFilters",
    "PayloadTurn",
    "PredefinedCategory",
    "PredefinedMetric",
    "PredefinedMetricCopy",
    "PreviewMetric",
    "PreviewProgress",
    "PreviewRequest",
    "PreviewScore",
    "PreviewScoreExtra",
    "ProcessFeedbacksRequest",
    "ResultDetail",
    "ResultDetailRuns",
    "ResultEvaluateMetrics",
    "ResultSummary",
    "ResultSummaryRuns",
    "ResultsBulkEvaluateMetrics",
    "ReviewResult",
    "Run",
    "RunGeneratedMockToolEntriesItem",
    "RunStatus",
    "RunTranscriptTurn",
    "RunVoteAnswer",
    "SignificantChangeAlertDirection",
    "SignificantChangeAlertStatus",
    "TestProfileInfo",
    "TestProfileInfoInformation",
    "TestSet",
    "TestSetFromCallLog",
    "TestSetFromRun",
    "TestSetInline",
    "TestSetInlineSourceModel",
    "TestSetMetricLabel",
    "TestSetReview",
    "TestSetSourceModel",
    "TranscriptTurn",
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
