"""One class per API resource. Each method is written once, as a flow (see cekura._core)."""

from .critical_metric_scenarios import CriticalMetricScenarios
from .metric_reviews import MetricReviews
from .metrics import Metrics
from .predefined_metrics import PredefinedMetrics

__all__ = ["CriticalMetricScenarios", "MetricReviews", "Metrics", "PredefinedMetrics"]
