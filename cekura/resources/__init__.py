"""One class per API resource. Each method is written once, as a flow (see cekura._core)."""

from .calls import Calls
from .critical_metric_scenarios import CriticalMetricScenarios
from .metric_reviews import MetricReviews
from .metrics import Metrics
from .predefined_metrics import PredefinedMetrics
from .results import Results
from .runs import Runs
from .test_sets import TestSets

__all__ = [
    "Calls", "CriticalMetricScenarios", "MetricReviews", "Metrics", "PredefinedMetrics", "Results", "Runs", "TestSets",
]
