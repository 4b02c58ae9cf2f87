"""A pool of warm, isolated worker processes that evaluate metric code call by call.

The parent sends chunks of calls (pickled) to each worker and reads results back (JSON)
over pipes, with non-blocking I/O in one selector loop, so neither side can block the
other. Each worker runs `_evaluate.evaluate_payload` per call with an in-process alarm
(the wall-time limit); the parent watches a shared progress word per worker and kills a
worker whose current call overruns the limit by more than `GRACE` seconds (code stuck in
C, or code that swallows the alarm). A worker that dies or is killed costs the call it was
on (reported as an error of that call); the calls it had not finished are sent again to a
fresh worker, so the run always progresses and always ends.
"""

from __future__ import annotations

import collections
import json
import marshal
import mmap
import os
import pickle
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ._evaluate import Limits, MetricSpec, Result
from ._worker import HEADER, PROGRESS

GRACE = 2.0  # seconds past the wall-time limit before a worker is killed
MAX_FRAME = 64 * 1024 * 1024  # a worker's message larger than this is refused (and the worker replaced)
TARGET_CHUNK_SECONDS = 0.02  # chunks are sized to take about this long
MAX_CHUNK = 64
DEPTH = 2  # chunks queued per worker, so it never waits for the parent
START_TIMEOUT = 30.0

_BOOTSTRAP = "import sys; sys.path.insert(0, sys.argv[1]); from cekura.local._worker import main; main()"
_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

Judge = Callable[..., Any]


class WorkerStartError(RuntimeError):
    """A worker process could not be started (the environment, not the metric, is at fault)."""


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _clean_env(tmpdir: str) -> dict[str, str]:
    """The whole environment a worker gets: no API key, no user variables."""
    return {
        "PATH": os.defpath,
        "HOME": tmpdir,
        "TMPDIR": tmpdir,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


class _Chunk:
    __slots__ = ("id", "items")

    def __init__(self, chunk_id: int, items: list[tuple[int, Any]]) -> None:
        self.id, self.items = chunk_id, items


class _Worker:
    def __init__(self, pool: WorkerPool, index: int) -> None:
        self.tmpdir = tempfile.mkdtemp(prefix=f"w{index}-", dir=pool.tmpdir)
        progress_path = os.path.join(self.tmpdir, ".progress")
        with open(progress_path, "wb") as f:
            f.write(b"\0" * PROGRESS.size)
        with open(progress_path, "r+b") as f:
            self.progress = mmap.mmap(f.fileno(), PROGRESS.size)
        to_worker_r, to_worker_w = os.pipe()
        from_worker_r, from_worker_w = os.pipe()
        self.err_path = os.path.join(pool.tmpdir, f"w{index}.stderr")
        limits = pool.limits
        with open(self.err_path, "wb") as err:
            self.proc = subprocess.Popen(
                [
                    sys.executable, "-I", "-c", _BOOTSTRAP, _ROOT, str(to_worker_r), str(from_worker_w),
                    self.tmpdir, progress_path, str(limits.memory_mb), str(limits.max_file_mb),
                    os.path.expanduser("~"),
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=err,
                cwd=self.tmpdir,
                env=_clean_env(self.tmpdir),
                pass_fds=(to_worker_r, from_worker_w),
                start_new_session=True,  # Ctrl-C in the terminal reaches the parent only
            )
        os.close(to_worker_r)
        os.close(from_worker_w)
        for fd in (to_worker_w, from_worker_r):  # Linux: 1 MiB pipes, fewer wake-ups per chunk of calls
            try:
                import fcntl

                fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
            except (OSError, ImportError):
                pass
        self.wfd, self.rfd = to_worker_w, from_worker_r
        os.set_blocking(self.wfd, False)
        os.set_blocking(self.rfd, False)
        self.outbuf: collections.deque[memoryview] = collections.deque()  # frames not yet written, in order
        self.inbuf = bytearray()
        self.ready = False
        self.started = time.monotonic()
        self.specs: set[int] = set()
        self.chunks: collections.deque[_Chunk] = collections.deque()
        self.seen = PROGRESS.unpack_from(self.progress, 0)
        self.seen_at = time.monotonic()
        self.dead = False
        self.events = 1  # selectors.EVENT_READ; EVENT_WRITE added while output is pending

    def queue(self, message: Any) -> None:
        body = encode(message)
        self.outbuf.append(memoryview(HEADER.pack(len(body)) + body))

    def flush(self) -> None:
        while self.outbuf:
            head = self.outbuf[0]
            try:
                n = os.write(self.wfd, head)
            except BlockingIOError:
                return
            except OSError:  # the worker is gone (EPIPE): its end of file on the other pipe retires it
                self.outbuf.clear()
                return
            if n == len(head):
                self.outbuf.popleft()
            else:
                self.outbuf[0] = head[n:]  # a view: no copy of the rest

    def read(self) -> tuple[list[dict[str, Any]], bool]:
        """(frames available now, whether the worker closed its end)."""
        eof = False
        while True:
            try:
                data = os.read(self.rfd, 1 << 20)
            except BlockingIOError:
                break
            if not data:
                eof = True
                break
            self.inbuf += data
        messages = []
        while len(self.inbuf) >= HEADER.size:
            (size,) = HEADER.unpack_from(self.inbuf)
            if size > MAX_FRAME:
                raise ValueError(f"a worker sent a {size}-byte message")
            if len(self.inbuf) < HEADER.size + size:
                break
            body = bytes(self.inbuf[HEADER.size : HEADER.size + size])
            del self.inbuf[: HEADER.size + size]
            message = json.loads(body)
            if not isinstance(message, dict):
                raise ValueError("a worker sent a malformed message")
            messages.append(message)
        return messages, eof

    def stuck_for(self, now: float) -> float:
        state = PROGRESS.unpack_from(self.progress, 0)
        if state != self.seen:
            self.seen, self.seen_at = state, now
        return now - self.seen_at

    def position(self) -> tuple[int, int]:
        chunk_id, pos, _ = PROGRESS.unpack_from(self.progress, 0)
        return chunk_id, pos

    def kill(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(signal.SIGKILL)
            except OSError:
                pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.close()

    def stop(self) -> None:
        """Ask politely (end of input), then make sure."""
        if not self.dead and self.proc.poll() is None:
            try:
                os.set_blocking(self.wfd, True)
                body = encode(("stop",))
                os.write(self.wfd, HEADER.pack(len(body)) + body)
            except OSError:
                pass
            try:
                self.proc.wait(1)
            except subprocess.TimeoutExpired:
                pass
        self.kill()

    def close(self) -> None:
        if not self.dead:
            self.dead = True
            for fd in (self.wfd, self.rfd):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self.progress.close()

    def exit_description(self) -> str:
        code = self.proc.poll()
        if code is None:
            return "was stopped"
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            if name == "SIGXCPU":
                return "exceeded its CPU-time limit (SIGXCPU)"
            return f"was killed by {name}"
        return f"exited with code {code}"


class WorkerPool:
    """Warm isolated workers. Use as a context manager; `imap` streams results.

    `workers`: number of processes (default: the CPU count, at most 8); `limits`: per-call
    wall time, memory and file-size caps; `judge`: called as `judge(*args, **kwargs)` in this
    process when metric code calls `evaluate_llm_judge_metric(...)` (None: that call fails
    with a clear message).
    """

    def __init__(self, workers: int | None = None, limits: Limits | None = None, judge: Judge | None = None) -> None:
        self.size = max(1, workers or default_workers())
        self.limits = limits or Limits()
        self.judge = judge
        self.tmpdir = tempfile.mkdtemp(prefix="cekura-local-")
        self._workers: list[_Worker] = []
        self._spawned = 0
        self._start_failures = 0
        self._specs: dict[MetricSpec, int] = {}
        self._closed = False
        self.replaced = 0  # workers replaced after a crash, a kill or a recycle

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for worker in self._workers:
            worker.stop()
        self._workers.clear()
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    def _spawn(self) -> _Worker:
        worker = _Worker(self, self._spawned)
        self._spawned += 1
        return worker

    def _start_failed(self, worker: _Worker) -> None:
        self._start_failures += 1
        if self._start_failures >= 3:
            try:
                with open(worker.err_path, "rb") as f:
                    detail = f.read()[-2000:].decode(errors="replace").strip()
            except OSError:
                detail = ""
            raise WorkerStartError(
                f"could not start a worker process ({worker.exit_description()})" + (f": {detail}" if detail else "")
            )

    # ------------------------------------------------------------------ running
    def evaluate(self, spec: MetricSpec, data: dict[str, Any], call_id: Any = None) -> Result:
        return next(self.imap(spec, [(call_id, data)]))

    def imap(self, spec: MetricSpec, calls: Iterable[tuple[Any, Any]], ordered: bool = True) -> Iterator[Result]:
        """Evaluate each `(call_id, data)`; yield Results in input order (or as they finish)."""
        if self._closed:
            raise RuntimeError("the pool is closed")
        key = self._specs.setdefault(spec, len(self._specs))
        source = iter(calls)
        ids: dict[int, Any] = {}  # seq -> call id, for calls not yet yielded
        done: dict[int, Result] = {}
        finished_order: collections.deque[int] = collections.deque()
        retry: collections.deque[tuple[int, Any]] = collections.deque()
        payloads: dict[int, Any] = {}  # seq -> data, kept until its result arrives (for resubmission)
        next_seq = 0
        next_out = 0
        exhausted = False
        chunk_size = 1
        durations_total, durations_count = 0.0, 0
        chunk_ids = iter(range(1, 1 << 62))
        selector = selectors.DefaultSelector()
        window = self.size * (DEPTH + 1) * MAX_CHUNK  # calls in flight or awaiting their turn: bounds memory
        limits = self.limits

        def register(worker: _Worker) -> None:
            selector.register(worker.rfd, selectors.EVENT_READ, worker)

        def retire(worker: _Worker, lost_seq: int | None, why: str) -> None:
            """Forget a worker: `lost_seq` gets the error `why`; its other unfinished calls are re-queued."""
            for fd in (worker.rfd, worker.wfd):
                try:
                    selector.unregister(fd)
                except (KeyError, ValueError):
                    pass
            again: list[tuple[int, Any]] = []
            for chunk in worker.chunks:
                for seq, _ in chunk.items:
                    if seq == lost_seq:
                        payloads.pop(seq, None)
                        finish(seq, Result(ids.get(seq), None, "", None, why, limits.timeout if "time" in why else 0.0))
                    elif seq in payloads:
                        again.append((seq, payloads[seq]))
            retry.extendleft(reversed(again))
            worker.chunks.clear()
            worker.kill()
            self._workers.remove(worker)
            self.replaced += 1

        def finish(seq: int, result: Result) -> None:
            done[seq] = result
            finished_order.append(seq)

        def lost_call(worker: _Worker) -> int | None:
            """The call a dead/stuck worker was on (the first of its first chunk if it had not started one)."""
            if not worker.chunks:
                return None
            chunk_id, pos = worker.position()
            for chunk in worker.chunks:
                if chunk.id == chunk_id and pos < len(chunk.items):
                    return chunk.items[pos][0]
            return worker.chunks[0].items[0][0]

        def take(n: int) -> list[tuple[int, Any]]:
            nonlocal next_seq, exhausted
            items: list[tuple[int, Any]] = []
            while retry and len(items) < n:
                items.append(retry.popleft())
            while not exhausted and len(items) < n and next_seq - next_out < window:
                try:
                    call_id, data = next(source)
                except StopIteration:
                    exhausted = True
                    break
                seq = next_seq
                next_seq += 1
                ids[seq] = call_id
                blob = pack(data)
                payloads[seq] = blob
                items.append((seq, blob))
            return items

        for worker in self._workers:  # warm workers from an earlier run
            worker.events = selectors.EVENT_READ
            register(worker)
        try:
            while True:
                # keep the pool full
                while len(self._workers) < self.size:
                    worker = self._spawn()
                    self._workers.append(worker)
                    register(worker)
                # hand out work
                for worker in self._workers:
                    if not worker.ready:
                        continue
                    while len(worker.chunks) < DEPTH:
                        items = take(chunk_size)
                        if not items:
                            break
                        if key not in worker.specs:
                            worker.queue(("spec", key, spec, limits))
                            worker.specs.add(key)
                        chunk = _Chunk(next(chunk_ids), items)
                        if not worker.chunks:
                            worker.seen_at = time.monotonic()
                        worker.chunks.append(chunk)
                        worker.queue(("run", chunk.id, key, items))
                    worker.flush()
                    want = selectors.EVENT_READ | (selectors.EVENT_WRITE if worker.outbuf else 0)
                    if want != worker.events:
                        worker.events = want
                        if want & selectors.EVENT_WRITE:
                            selector.register(worker.wfd, selectors.EVENT_WRITE, worker)
                        else:
                            selector.unregister(worker.wfd)
                # yield what is ready
                if ordered:
                    while next_out in done:
                        result = done.pop(next_out)
                        ids.pop(next_out, None)
                        next_out += 1
                        yield result
                else:
                    while finished_order:
                        seq = finished_order.popleft()
                        result = done.pop(seq)
                        ids.pop(seq, None)
                        next_out += 1
                        yield result
                if exhausted and not retry and not payloads and not done:
                    return
                # wait for answers (or a deadline)
                for sel_key, _mask in selector.select(timeout=0.1):
                    worker = sel_key.data
                    if worker.dead:
                        continue
                    if sel_key.fd == worker.wfd:
                        worker.flush()
                        continue
                    try:
                        messages, eof = worker.read()
                    except (ValueError, UnicodeDecodeError) as exc:
                        retire(worker, lost_call(worker), f"the worker sent garbage and was replaced ({exc})")
                        continue
                    for message in messages:
                        kind = message.get("t")
                        if kind == "ready":
                            worker.ready = True
                            self._start_failures = 0
                        elif kind == "judge":
                            worker.queue(("judge_reply", *self._ask_judge(message)))
                            worker.flush()
                        elif kind == "results":
                            if not worker.chunks or message.get("chunk") != worker.chunks[0].id:
                                retire(worker, lost_call(worker), "the worker answered out of turn and was replaced")
                                break
                            chunk = worker.chunks.popleft()
                            expected = {seq for seq, _ in chunk.items}
                            for item in message.get("items") or ():
                                got = item[0] if isinstance(item, list) and len(item) == 9 else None
                                if got not in expected or got not in payloads:
                                    continue
                                seq = got
                                expected.discard(seq)
                                payloads.pop(seq)
                                result = _result_from(ids.get(seq), item)
                                durations_total += result.duration
                                durations_count += 1
                                finish(seq, result)
                            for seq in expected:  # a result the worker left out
                                if payloads.pop(seq, None) is not None:
                                    finish(seq, Result(ids.get(seq), None, "", None, "the worker returned no result"))
                            if message.get("recycle"):
                                retire(worker, None, "")
                                break
                    if eof and not worker.dead:
                        worker.proc.wait()
                        if not worker.ready:
                            self._start_failed(worker)
                        retire(
                            worker, lost_call(worker),
                            f"the worker process {worker.exit_description()} while evaluating this call; "
                            "it was replaced",
                        )
                if durations_count:
                    mean = durations_total / durations_count
                    chunk_size = max(1, min(MAX_CHUNK, int(TARGET_CHUNK_SECONDS / max(mean, 1e-7))))
                # deadlines
                now = time.monotonic()
                for worker in list(self._workers):
                    if not worker.ready:
                        if now - worker.started > START_TIMEOUT:
                            worker.kill()
                            self._start_failed(worker)
                            retire(worker, None, "")
                        continue
                    if worker.chunks and worker.stuck_for(now) > limits.timeout + GRACE:
                        retire(
                            worker, lost_call(worker),
                            f"timed out after {limits.timeout:g} s (wall-time limit per call); the code did not "
                            "stop when interrupted, so its worker was killed and replaced",
                        )
        finally:
            selector.close()
            # calls still in flight belong to a run that was abandoned: start afresh next time
            for worker in list(self._workers):
                if worker.chunks:
                    worker.kill()
                    self._workers.remove(worker)

    def _ask_judge(self, message: dict[str, Any]) -> tuple[bool, Any]:
        if self.judge is None:
            from ._evaluate import _unavailable_judge

            try:
                _unavailable_judge()
            except RuntimeError as exc:
                return False, str(exc)
        try:
            args = message.get("args") or []
            kwargs = message.get("kwargs") or {}
            return True, self.judge(*args, **kwargs)  # type: ignore[misc]
        except Exception as exc:
            return False, f"{type(exc).__name__}: {exc}"


def encode(message: Any) -> bytes:
    """Parent -> worker: marshal (fast, JSON-like values) when it can, else pickle; one tag byte says which."""
    try:
        return b"M" + marshal.dumps(message)
    except ValueError:
        return b"P" + pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)


def pack(data: Any) -> bytes:
    """One call's payload on the wire, on its own: b"J" + JSON text (decoded by the worker),
    b"M" + marshal, or b"P" + pickle. Each call is serialised apart from the others, so the
    same dict given for two calls arrives as two dicts (a metric changing `data` never
    changes another call's)."""
    if isinstance(data, bytes):
        return b"J" + data
    if isinstance(data, str):
        return b"J" + data.encode()
    try:
        return b"M" + marshal.dumps(data)
    except ValueError:
        return b"P" + pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)


def _result_from(call_id: Any, item: list[Any]) -> Result:
    """A worker's (untrusted) JSON item `[seq, result, explanation, extra, error, duration, stdout,
    triggered, id found in the JSON text]` -> Result, each field checked for its type."""
    _, result, explanation, extra, error, duration, stdout, triggered, found = item
    return Result(
        found if isinstance(found, (int, str)) and not isinstance(found, bool) else call_id,
        result if result is None or isinstance(result, (bool, int, float, str)) else None,
        explanation if isinstance(explanation, (str, list)) else "",
        extra if isinstance(extra, dict) else None,
        None if error is None else str(error),
        float(duration) if isinstance(duration, (int, float)) else 0.0,
        stdout if isinstance(stdout, str) else "",
        triggered if isinstance(triggered, bool) else None,
    )
