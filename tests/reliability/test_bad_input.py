"""Bad input to the SDK is refused with a ValidationError (status None) before any request is sent.

Every client here sends through a transport that records requests instead of sending them,
so "nothing was sent" is checked, not assumed. Ids are validated and escaped: no input can
make a request reach another path. (The CLI's file inputs are in test_cli_files.py; the CLI's
flag-level bad-input table is tests/cli/.)
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cekura import AsyncCekura, Cekura, CekuraError, ConfigurationError, ValidationError

from .conftest import KEY
from .figures import FIGURES

METRICS = "/test_framework/v1/metrics/"
GOOD = {"name": "Greeting", "type": "llm_judge", "eval_type": "binary", "prompt": "Did the agent greet?"}


class Recorder:
    """An httpx transport that records requests and answers 200 {} (it never touches a network)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200, json={"id": 1, "progress_id": "p"})


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def client(recorder) -> Iterator[Cekura]:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with Cekura(api_key=KEY, api_url="http://127.0.0.1:9", http_client=http, max_retries=0) as c:
        yield c
    http.close()


def _bulk(*items: Any) -> Callable[[Cekura], Any]:
    return lambda c: c.metrics.bulk_create(metrics=list(items))


# (label, call, the field or word the message must name)
CASES: list[tuple[str, Callable[[Cekura], Any], str]] = [
    # wrong types
    ("name is a number", lambda c: c.metrics.create(**{**GOOD, "name": 123}), "name"),
    ("agents is a string", lambda c: c.metrics.create(**GOOD, agents="abc"), "agents"),
    ("configuration is a list", lambda c: c.metrics.create(**GOOD, configuration=[1]), "configuration"),
    ("update prompt is a number", lambda c: c.metrics.update(55, prompt=123), "prompt"),
    ("toggle is_active='yes'", lambda c: c.metrics.bulk_toggle_settings([55], is_active="yes"), "is_active"),
    (
        "scenario is_resolved='yes'",
        lambda c: c.critical_metric_scenarios.update(60, is_resolved="yes"),
        "is_resolved",
    ),
    ("list filters is a string", lambda c: c.metrics.list(filters="x"), "filters"),
    ("generate count is a string", lambda c: c.metrics.generate(agent_id=1, count="5"), "count"),
    # missing required fields
    ("create without name", lambda c: c.metrics.create(type="llm_judge", eval_type="binary"), "name"),
    ("generate without agent", lambda c: c.metrics.generate(count=3), "agent_id"),
    ("get without id", lambda c: c.metrics.get(), "metric_id"),
    ("toggle without a setting", lambda c: c.metrics.bulk_toggle_settings([55]), "setting"),
    # unknown enum values
    ("type='lua'", lambda c: c.metrics.create(**{**GOOD, "type": "lua"}), "type"),
    ("eval_type='maybe'", lambda c: c.metrics.create(**{**GOOD, "eval_type": "maybe"}), "eval_type"),
    (
        "evaluation_trigger='sometimes'",
        lambda c: c.metrics.create(**GOOD, evaluation_trigger="sometimes"),
        "trigger",
    ),
    ("update eval_type='sometimes'", lambda c: c.metrics.update(55, eval_type="sometimes"), "eval_type"),
    (
        "scenario priority='urgent'",
        lambda c: c.critical_metric_scenarios.update(60, priority="urgent"),
        "priority",
    ),
    (
        "feedback metric_type='lua'",
        lambda c: c.metric_reviews.process_feedbacks(55, metric_type="lua"),
        "type",
    ),
    # out of range
    ("generate count=0", lambda c: c.metrics.generate(agent_id=1, count=0), "count"),
    ("generate count=101", lambda c: c.metrics.generate(agent_id=1, count=101), "count"),
    # ids: negative, zero, huge, non-numeric, path tricks
    ("get -1", lambda c: c.metrics.get(-1), "metric_id"),
    ("get 0", lambda c: c.metrics.get(0), "metric_id"),
    ("get 2**64", lambda c: c.metrics.get(2**64), "metric_id"),
    ("get True", lambda c: c.metrics.get(True), "metric_id"),
    ("get 1.5", lambda c: c.metrics.get(1.5), "metric_id"),
    ("get '../55'", lambda c: c.metrics.get("../55"), "metric_id"),
    ("get '55/../56'", lambda c: c.metrics.get("55/../56"), "metric_id"),
    ("get '%2e%2e'", lambda c: c.metrics.get("%2e%2e"), "metric_id"),
    ("get 'a?x=1'", lambda c: c.metrics.get("a?x=1"), "metric_id"),
    ("get 'a#b'", lambda c: c.metrics.get("a#b"), "metric_id"),
    ("get fullwidth digits", lambda c: c.metrics.get("５５"), "metric_id"),
    ("delete a slug", lambda c: c.metrics.delete("booking"), "metric_id"),
    ("update 'abc'", lambda c: c.metrics.update("abc", prompt="p"), "metric_id"),
    ("replace '-5'", lambda c: c.metrics.replace("-5", **GOOD), "metric_id"),
    ("scenario update 'x'", lambda c: c.critical_metric_scenarios.update("x", is_resolved=True), "id"),
    ("feedback metric '../1'", lambda c: c.metric_reviews.process_feedbacks("../1"), "metric_id"),
    (
        "feedback test_set_ids ['x']",
        lambda c: c.metric_reviews.process_feedbacks(55, test_set_ids=["x"]),
        "test_set_ids",
    ),
    ("generate agent '../1'", lambda c: c.metrics.generate(agent_id="../1"), "agent_id"),
    ("progress id '../x'", lambda c: c.metrics.generate_progress("../x"), "job id"),
    ("progress id ''", lambda c: c.metrics.generate_progress(""), "job id"),
    ("list agent_id -3", lambda c: c.metrics.list(agent_id=-3), "agent_id"),
    ("list agents '1,x'", lambda c: c.metrics.list(agents="1,x"), "agents"),
    ("scenarios page -1", lambda c: c.critical_metric_scenarios.list(page=-1), "page"),
    (
        "manage agents metric_ids ['a']",
        lambda c: c.metrics.bulk_manage_agents(["a"], [1], project_id=1),
        "metric_ids",
    ),
    (
        "manage agents agent 0",
        lambda c: c.metrics.bulk_manage_agents([55], [0], project_id=1),
        "agents_to_add",
    ),
    ("toggle metric_ids []", lambda c: c.metrics.bulk_toggle_settings([], is_active=True), "metric_ids"),
    # bulk: every item is checked before anything is sent
    ("bulk: empty list", _bulk(), "metrics"),
    ("bulk: not a list", lambda c: c.metrics.bulk_create(metrics={"name": "n"}), "metrics"),
    ("bulk: last of five is bad", _bulk(*[GOOD] * 4, {**GOOD, "eval_type": "bogus"}), "metrics[4]"),
    ("bulk: first of five is bad", _bulk({**GOOD, "name": None}, *[GOOD] * 4), "metrics[0]"),
    ("bulk: an item is a string", _bulk(GOOD, "b"), "metrics[1]"),
]


@pytest.mark.parametrize(("label", "call", "names"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_before_sending(client, recorder, label, call, names):
    FIGURES["bad inputs tried: SDK"] += 1
    with pytest.raises(ValidationError) as info:
        call(client)
    err = info.value
    assert err.status is None and err.method is None and err.path is None
    assert recorder.requests == [], f"{label}: a request was sent"
    text = str(err)
    assert names in text, text
    assert "\n" not in text and len(text) < 400, "the message is one readable line"


def test_create_with_a_positional_non_dict_is_a_validation_error(client, recorder):
    FIGURES["bad inputs tried: SDK"] += 1
    with pytest.raises(ValidationError):
        client.metrics.create("Greeting")
    assert recorder.requests == []


@pytest.mark.parametrize(
    "key", ["sk-live-RELIABILITY-é", "sk-live-RELIABILITY-\n1"], ids=["non-ascii", "newline"]
)
def test_unusable_key_is_a_configuration_error(recorder, key):
    FIGURES["bad inputs tried: SDK"] += 1
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with pytest.raises(ConfigurationError):
        Cekura(api_key=key, api_url="http://127.0.0.1:9", http_client=http).metrics.get(55)
    assert recorder.requests == []


def test_async_client_refuses_the_same_input(recorder):
    async def main() -> list[CekuraError]:
        errors = []
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        async with AsyncCekura(api_key=KEY, api_url="http://127.0.0.1:9", http_client=http) as c:
            for call in (
                lambda: c.metrics.get("../55"),
                lambda: c.metrics.create(**{**GOOD, "eval_type": "maybe"}),
                lambda: c.metrics.bulk_create(metrics=[GOOD, {**GOOD, "type": "lua"}]),
                lambda: c.metrics.delete(-1),
            ):
                try:
                    await call()
                except ValidationError as err:
                    errors.append(err)
        await http.aclose()
        return errors

    errors = asyncio.run(main())
    FIGURES["bad inputs tried: SDK"] += 4
    assert len(errors) == 4 and all(e.status is None for e in errors)
    assert recorder.requests == []


# ------------------------------------------------------------------ no input reaches another path
SLUGS = ["booking_confirmed_55", "a", "A-b_c-1", "x" * 200, "55", "0055", " 55 "]


@pytest.mark.parametrize("value", SLUGS)
def test_accepted_ids_reach_exactly_their_own_path(client, recorder, value):
    client.metrics.get(value)
    (request,) = recorder.requests
    expected = str(int(value)) if value.strip().isdigit() else value
    assert request.url.raw_path == f"{METRICS}{expected}/".encode()


@settings(max_examples=400, derandomize=True, deadline=None)
@given(value=st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=False)))
def test_no_id_can_reach_another_path(value):
    """Any value either is refused before sending or names exactly one metric path segment."""
    FIGURES["random ids tried (hypothesis)"] += 1
    recorder = Recorder()
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with Cekura(api_key=KEY, api_url="http://127.0.0.1:9", http_client=http, max_retries=0) as c:
        try:
            c.metrics.get(value)
        except ValidationError as err:
            assert err.status is None and not recorder.requests
            return
    (request,) = recorder.requests
    path = request.url.raw_path.decode()
    segment = path.removeprefix(METRICS).removesuffix("/")
    assert path == f"{METRICS}{segment}/" and segment
    assert all(ch.isascii() and (ch.isalnum() or ch in "_-") for ch in segment), path
    assert not request.url.query
