"""Retry notices: one INFO record on the "cekura" logger before each retry (cekura_event="retry")."""

from __future__ import annotations

import logging

import pytest

from cekura import APITimeoutError, Cekura, RetryPolicy, ServerError
from tests.support.faultserver import FaultServer

FAST = RetryPolicy(max_retries=2, backoff_initial=0.001, backoff_max=0.002)


@pytest.fixture
def server():
    with FaultServer() as srv:
        yield srv


def retries(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if getattr(r, "cekura_event", None) == "retry"]


def test_a_503_then_ok_logs_one_notice(server, caplog):
    caplog.set_level(logging.INFO, logger="cekura")
    server.plan(("status", 503))
    with Cekura(api_key="k-0123456789", api_url=server.url, retry_policy=FAST) as client:
        assert client.metrics.get(55) == {"ok": True}
    (notice,) = retries(caplog)
    assert notice.startswith(f"HTTP 503 from 127.0.0.1:{server.port}; retrying (2/3) in ")
    assert all(r.levelno == logging.INFO and r.name == "cekura" for r in caplog.records if "retrying" in r.getMessage())


def test_no_answer_names_the_host_and_the_wait(server, caplog):
    caplog.set_level(logging.INFO, logger="cekura")
    server.plan(("stall", 1.0), ("stall", 1.0), ("stall", 1.0))
    with Cekura(api_key="k-0123456789", api_url=server.url, retry_policy=FAST, timeout=0.2) as client:
        with pytest.raises(APITimeoutError):
            client.metrics.get(55)
    notices = retries(caplog)
    assert len(notices) == 2
    assert notices[0].startswith(f"no answer from 127.0.0.1:{server.port} after 0.2 s; retrying (2/3)")
    assert notices[1].startswith(f"no answer from 127.0.0.1:{server.port} after 0.2 s; retrying (3/3)")


def test_a_write_that_is_not_retried_logs_nothing(server, caplog):
    caplog.set_level(logging.INFO, logger="cekura")
    server.plan(("status", 503))
    with Cekura(api_key="k-0123456789", api_url=server.url, retry_policy=FAST) as client:
        with pytest.raises(ServerError):
            client.metrics.create({"name": "n", "type": "llm_judge", "eval_type": "boolean", "prompt": "p"})
    assert retries(caplog) == []


def test_connect_timeout_is_short():
    client = Cekura(api_key="k-0123456789", api_url="http://127.0.0.1:9", timeout=30)
    timeout = client._http_client().timeout
    assert timeout.read == 30 and timeout.connect is not None and timeout.connect <= 5
    client.close()
