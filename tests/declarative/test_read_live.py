"""Reading the live project: one list call, and a detail read only where the list leaves a field out."""

from __future__ import annotations

from cekura.declarative import read_live


class FakeMetrics:
    """The two read methods of `client.metrics`, answering like the real API's list (no custom_code)."""

    def __init__(self, metrics):
        self.metrics = metrics
        self.calls: list[tuple] = []

    def list(self, project_id=None):
        self.calls.append(("list", project_id))
        return [
            {k: v for k, v in m.items() if k not in ("custom_code", "alert_enabled")} for m in self.metrics
        ]

    def get(self, metric_id):
        self.calls.append(("get", metric_id))
        return next(m for m in self.metrics if m["id"] == metric_id)


class FakeClient:
    def __init__(self, metrics):
        self.metrics = FakeMetrics(metrics)


LIVE = [
    {
        "id": 1,
        "name": "Judge",
        "project": 7,
        "type": "llm_judge",
        "eval_type": "binary",
        "alert_enabled": True,
    },
    {
        "id": 2,
        "name": "Code",
        "project": 7,
        "type": "custom_code",
        "eval_type": "binary",
        "custom_code": "_result = 1",
    },
    {"id": 3, "name": "Elsewhere", "project": 8, "type": "llm_judge", "eval_type": "binary"},
]


def test_only_python_metrics_without_code_are_read_one_by_one():
    client = FakeClient(LIVE)
    live = read_live(client, 7)
    assert client.metrics.calls == [("list", 7), ("get", 2)]
    assert [m["name"] for m in live] == ["Judge", "Code"]  # another project's metric is never touched
    assert live[1]["custom_code"] == "_result = 1" and "alert_enabled" not in live[0]


def test_a_field_the_file_states_is_read_when_the_list_lacks_it():
    client = FakeClient(LIVE)
    live = read_live(client, 7, details_for=frozenset({"Judge"}))
    assert ("get", 1) in client.metrics.calls and live[0]["alert_enabled"] is True
