"""Isolation: every hostile or careless metric ends as an error of its call; the run goes on.

One warm pool per module keeps this fast; each case runs beside ordinary calls to show the
others still get their results.
"""

from __future__ import annotations

import os

import pytest

from cekura.local import Limits, MetricSpec, WorkerPool, evaluate, evaluate_many

from .conftest import make_call

TIME_LIMIT = 0.5


@pytest.fixture(scope="module")
def pool():
    with WorkerPool(2, Limits(timeout=TIME_LIMIT, memory_mb=256)) as p:
        yield p


@pytest.fixture(scope="module")
def roomy_pool():
    """For the memory cases: a wall-time limit far above what filling 256 MB takes on a loaded
    machine, so the memory limit (not the clock) is what ends them."""
    with WorkerPool(1, Limits(timeout=30, memory_mb=256)) as p:
        yield p


def hostile(pool, body: str, *, marker: int = 3):
    """Run `body` on call `marker` of six calls; the others set _result = True."""
    code = f"if data['call_log_id'] == {marker}:\n" + "".join(f"    {line}\n" for line in body.splitlines()) + "_result = True\n"
    results = list(pool.imap(MetricSpec(code), [(i, make_call(i)) for i in range(1, 7)]))
    assert [r.call_id for r in results] == [1, 2, 3, 4, 5, 6]
    others = [r for r in results if r.call_id != marker]
    assert all(r.result is True and r.error is None for r in others), others
    return results[marker - 1]


def test_infinite_loop_times_out(pool):
    r = hostile(pool, "while True:\n    pass")
    assert r.error.startswith(f"timed out after {TIME_LIMIT:g} s")


def test_loop_that_swallows_the_timeout_gets_its_worker_killed(pool):
    replaced = pool.replaced
    r = hostile(pool, "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass")
    assert "timed out" in r.error and "worker was killed" in r.error
    assert pool.replaced > replaced


def test_code_stuck_in_c_gets_its_worker_killed(pool):
    # one long C-level call: the alarm cannot interrupt it, the parent's deadline does
    r = hostile(pool, "import re\nre.match(r'(a+)+$', 'a' * 40 + 'b')")
    assert "timed out" in r.error


def test_unbounded_allocation_hits_the_memory_limit(roomy_pool):
    r = hostile(roomy_pool, "chunks = []\nwhile True:\n    chunks.append(bytearray(16 * 1024 * 1024))")
    assert r.error.startswith("MemoryError")


def test_one_huge_allocation_hits_the_memory_limit(roomy_pool):
    assert hostile(roomy_pool, "x = bytearray(8 * 1024 ** 3)").error.startswith("MemoryError")


@pytest.mark.parametrize(
    ("body", "event"),
    [
        ("import os\nos.system('echo hi')", "os.system"),
        ("import subprocess\nsubprocess.run(['true'])", "subprocess.Popen"),
        ("import os\nos.fork()", "os.fork"),
        ("import os\nos.execv('/bin/true', ['true'])", "os.exec"),
        ("import os, signal\nos.kill(os.getppid(), signal.SIGTERM)", "os.kill"),
        ("import socket\nsocket.socket()", "socket.__new__"),
        ("import socket\nsocket.create_connection(('127.0.0.1', 9))", "socket"),
        ("import urllib.request\nurllib.request.urlopen('http://example.com')", "socket"),
        ("import ctypes\nctypes.CDLL(None).system(b'true')", "ctypes"),
        ("import resource\nresource.setrlimit(resource.RLIMIT_AS, (-1, -1))", "resource.setrlimit"),
    ],
)
def test_processes_signals_network_and_native_code_are_refused(pool, body, event):
    r = hostile(pool, body)
    assert "blocked by the local runner" in r.error and event in r.error, r.error


@pytest.mark.parametrize(
    "body",
    [
        "open('/tmp/cekura-escape.txt', 'w').write('x')",
        "import os\nos.remove('/etc/hostname')",
        "import os\nos.mkdir('/tmp/cekura-escape-dir')",
        "import os\nos.symlink('/etc/passwd', 'link')\nopen('link', 'a')",
        "import shutil\nshutil.rmtree('/tmp/cekura-nothing')",
    ],
)
def test_writes_outside_the_temp_dir_are_refused(pool, body):
    r = hostile(pool, body)
    assert "blocked by the local runner" in r.error, r.error
    assert not os.path.exists("/tmp/cekura-escape.txt") and not os.path.exists("/tmp/cekura-escape-dir")


def test_writes_inside_the_temp_dir_work(pool):
    code = "import os\nwith open('scratch.txt', 'w') as f:\n    f.write('x')\n_result = os.path.getsize('scratch.txt') == 1"
    assert pool.evaluate(MetricSpec(code), make_call()).result is True


def test_reading_the_home_directory_is_refused(pool, tmp_path, monkeypatch):
    home = os.path.expanduser("~")
    r = hostile(pool, f"open({os.path.join(home, '.cekura', 'config.toml')!r}).read()")
    assert "blocked by the local runner: reading" in r.error


def test_environment_is_scrubbed(monkeypatch):
    monkeypatch.setenv("CEKURA_API_KEY", "ck_live_secret_value")
    monkeypatch.setenv("MY_TOKEN", "t0ken")
    r = evaluate("import os\n_result = True\n_explanation = repr(dict(os.environ))", make_call())
    assert r.error is None
    assert "ck_live_secret_value" not in r.explanation and "t0ken" not in r.explanation
    assert "CEKURA_API_KEY" not in r.explanation


def test_a_worker_that_exits_is_replaced_and_the_run_goes_on(pool):
    r = hostile(pool, "import os\nos._exit(3)")
    assert "exited with code 3" in r.error and "replaced" in r.error


def test_a_worker_that_writes_garbage_to_its_pipe_is_replaced(pool):
    # the worker's result pipe is fd 4 or so; scribbling on every open fd must not crash the parent
    body = "import os\nfor fd in range(3, 12):\n    try:\n        os.write(fd, b'\\xff' * 64)\n    except OSError:\n        pass\nos._exit(0)"
    r = hostile(pool, body)
    assert r.error is not None


def test_oversized_files_are_refused():
    with WorkerPool(1, Limits(timeout=5, max_file_mb=1)) as small:
        r = hostile(small, "with open('big.bin', 'wb') as f:\n    f.write(b'x' * (3 * 1024 * 1024))")
    assert "File too large" in r.error, r.error


def test_every_call_of_a_large_hostile_batch_gets_a_result():
    # timeouts, crashes and fine calls mixed: each call gets exactly one result, in order
    code = (
        "n = data['call_log_id']\n"
        "if n % 5 == 1:\n    import os\n    os._exit(1)\n"
        "if n % 5 == 2:\n    while True:\n        pass\n"
        "_result = n % 2 == 0\n"
    )
    results = list(evaluate_many(code, [make_call(i) for i in range(12)], workers=2, timeout=0.3))
    assert [r.call_id for r in results] == list(range(12))
    for r in results:
        n = r.call_id
        if n % 5 == 1:
            assert "exited with code 1" in r.error
        elif n % 5 == 2:
            assert r.error.startswith("timed out")
        else:
            assert r.error is None and r.result is (n % 2 == 0)


def test_json_text_is_decoded_by_the_worker_and_bad_lines_are_errors_of_their_call():
    import json

    lines = [json.dumps(make_call(1)).encode(), b"{not json", json.dumps(make_call(3)).encode(), b"[1, 2]"]
    results = list(evaluate_many("_result = True", [(f"line{i}", line) for i, line in enumerate(lines)], workers=1))
    assert [r.call_id for r in results] == [1, "line1", 3, "line3"]
    assert results[0].result is True and results[2].result is True
    assert "not valid JSON" in results[1].error and "JSON object" in results[3].error


def test_unordered_streaming_and_reuse_of_a_pool(pool):
    spec = MetricSpec("_result = data['call_log_id'] > 2")
    first = sorted((r.call_id, r.result) for r in pool.imap(spec, [(i, make_call(i)) for i in range(5)], ordered=False))
    again = list(evaluate_many(spec, [make_call(i) for i in range(5)], pool=pool))
    assert first == [(r.call_id, r.result) for r in again] == [(i, i > 2) for i in range(5)]


def test_cpu_time_is_capped_per_batch(pool):
    # the worker's own RLIMIT_CPU budget is set (the audit hook lets only the worker change limits)
    code = "import resource\n_result = resource.getrlimit(resource.RLIMIT_CPU)[0] != resource.RLIM_INFINITY"
    assert pool.evaluate(MetricSpec(code), make_call()).result is True


def test_each_call_gets_a_fresh_namespace_and_its_own_data():
    code = (
        "seen = globals().get('counter', 0)\ncounter = seen + 1\n"
        "data.setdefault('touched', 0)\ndata['touched'] += 1\n"
        "_result = seen == 0 and data['touched'] == 1\n"
    )
    shared = make_call()
    results = list(evaluate_many(code, [shared] * 20, workers=1))
    assert all(r.result is True for r in results), [r.error for r in results]
    assert "touched" not in shared  # the caller's dict is never modified
