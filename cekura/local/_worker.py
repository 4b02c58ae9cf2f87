"""One isolated worker process of the local runner (started by `_pool.WorkerPool`).

Started as `python -I -c <bootstrap> ROOT RFD WFD TMPDIR PROGRESS MEMORY_MB MAX_FILE_MB HOME`
with a scrubbed environment, its working directory in a private temp dir. Before it reads
its first message it:
- caps its address space (RLIMIT_AS), file size (RLIMIT_FSIZE), child processes
  (RLIMIT_NPROC, no effect for root) and core dumps; CPU time is capped per chunk;
- asks the kernel to kill it if the parent dies (Linux);
- installs an audit hook that refuses subprocesses, signals to other processes, sockets,
  ctypes, writes outside its temp dir and reads of the user's home directory (where the
  API key's config file lives) outside the Python installation.

Messages: parent -> worker are length-prefixed pickles (the parent is trusted);
worker -> parent are length-prefixed JSON (the parent never unpickles what a worker sends).
"""

from __future__ import annotations

import os
import struct
import sys
from typing import Any

HEADER = struct.Struct("!I")
PROGRESS = struct.Struct("!qqq")  # chunk id, position in chunk, tick (changes on every call start)

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

_PROCESS_EVENTS = frozenset(
    {
        "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty", "os.startfile",
        "subprocess.Popen", "os.kill", "os.killpg", "signal.pthread_kill", "os.setuid", "os.setgid",
        "os.setreuid", "os.setregid", "os.setresuid", "os.setresgid", "os.setsid", "os.setpgid",
        "os.setpgrp", "os.chroot", "resource.setrlimit", "resource.prlimit",
    }
)
_NETWORK_EVENTS = frozenset(
    {
        "socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
        "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.getnameinfo", "socket.sendto",
        "socket.sendmsg", "socket.getservbyname", "socket.getservbyport", "socket.sethostname",
    }
)
_NATIVE_EVENTS = frozenset(
    {"ctypes.dlopen", "ctypes.dlsym", "ctypes.dlsym/handle", "ctypes.call_function", "ctypes.cdata", "ctypes.addressof"}
)
# filesystem changes: which arguments are paths that must stay inside the temp dir
_FS_EVENTS = {
    "os.remove": (0,), "os.rmdir": (0,), "os.mkdir": (0,), "os.rename": (0, 1), "os.link": (0, 1),
    "os.symlink": (1,), "os.chmod": (0,), "os.chown": (0,), "os.truncate": (0,), "os.utime": (0,),
    "os.chflags": (0,), "os.lchflags": (0,), "os.setxattr": (0,), "os.removexattr": (0,),
    "os.mkfifo": (0,), "os.mknod": (0,), "shutil.rmtree": (0,), "shutil.copyfile": (1,),
    "shutil.copymode": (1,), "shutil.copystat": (1,), "shutil.copytree": (1,), "shutil.move": (0, 1),
}
WATCHED = _PROCESS_EVENTS | _NETWORK_EVENTS | _NATIVE_EVENTS | frozenset(_FS_EVENTS) | {"open"}


def _make_hook(tmpdir: str, home: str, allowed_reads: tuple[str, ...], permit: list[bool] | None = None) -> Any:
    """The audit hook. `permit[0]` True lets the worker itself (not metric code) change its rlimits."""
    realpath, abspath, fspath = os.path.realpath, os.path.abspath, os.fspath
    permit = permit if permit is not None else [False]
    tmp = realpath(tmpdir) + os.sep
    home_prefix = realpath(home) + os.sep if home and home != os.sep else None
    watched = WATCHED

    def inside_tmp(path: Any) -> bool:
        if isinstance(path, int):
            return True  # an already open descriptor: its opening was checked
        try:
            text: str = realpath(fspath(path))
        except (TypeError, ValueError):
            return False
        return text + os.sep == tmp or text.startswith(tmp) or text == os.devnull

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event not in watched:
            return
        if event == "open":
            path, mode, flags = (tuple(args) + (None, None, None))[:3]
            writing = bool(flags & _WRITE_FLAGS) if isinstance(flags, int) else False
            if isinstance(mode, str) and any(c in mode for c in "wax+"):
                writing = True
            if writing:
                if not inside_tmp(path):
                    raise PermissionError(f"blocked by the local runner: writing {path!r} (only the temp dir {tmpdir} is writable)")
            elif home_prefix is not None and not isinstance(path, int) and path is not None:
                try:
                    text = abspath(fspath(path))
                except (TypeError, ValueError):
                    return
                if text.startswith(home_prefix) and not text.startswith(allowed_reads):
                    text = realpath(text)
                    if text.startswith(home_prefix) and not text.startswith(allowed_reads):
                        raise PermissionError(f"blocked by the local runner: reading {path!r} (the home directory)")
            return
        if event in _PROCESS_EVENTS:
            if permit[0] and event == "resource.setrlimit":
                return
            raise PermissionError(f"blocked by the local runner: {event} (no subprocesses, signals or limit changes)")
        if event in _NETWORK_EVENTS:
            raise PermissionError(f"blocked by the local runner: {event} (no network)")
        if event in _NATIVE_EVENTS:
            raise PermissionError(f"blocked by the local runner: {event} (no native code via ctypes)")
        for index in _FS_EVENTS[event]:
            if index < len(args) and not inside_tmp(args[index]):
                raise PermissionError(f"blocked by the local runner: {event} on {args[index]!r} (outside the temp dir)")

    return hook


def _vm_bytes() -> int:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _limit(memory_mb: int, max_file_mb: int) -> None:
    import resource
    import signal

    def cap(which: int, value: int) -> None:
        try:
            soft, hard = resource.getrlimit(which)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(which, (value, hard))
        except (ValueError, OSError):
            pass

    if memory_mb > 0:
        cap(resource.RLIMIT_AS, _vm_bytes() + memory_mb * 1024 * 1024)
    cap(resource.RLIMIT_FSIZE, max_file_mb * 1024 * 1024)
    cap(resource.RLIMIT_CORE, 0)
    cap(resource.RLIMIT_NPROC, 0)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-large write raises OSError instead of killing us
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:  # Linux: die with the parent, never gain privileges
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        libc.prctl(38, 1, 0, 0, 0)  # PR_SET_NO_NEW_PRIVS
    except Exception:
        pass


def _cpu_budget(seconds: float, permit: list[bool]) -> None:
    """RLIMIT_CPU is cumulative: allow `seconds` more from now (SIGXCPU then ends the process)."""
    import resource

    used = resource.getrusage(resource.RUSAGE_SELF)
    now = used.ru_utime + used.ru_stime
    try:
        hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
        soft = int(now + seconds) + 1
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        permit[0] = True
        try:
            resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
        finally:
            permit[0] = False
    except (ValueError, OSError):
        pass


class InputError(Exception):
    """A call's JSON text could not be read (an error of that call, reported before the metric runs)."""


def decode(text: bytes | str) -> tuple[Any, Any]:
    """JSON text of a payload, call log or run -> (payload, the id it names)."""
    import json

    from cekura.local._payload import as_payload, call_id_of

    try:
        obj = json.loads(text)
    except ValueError as exc:
        raise InputError(f"input: not valid JSON ({exc})") from None
    if not isinstance(obj, dict):
        raise InputError(f"input: a call must be a JSON object, not {type(obj).__name__}")
    found = call_id_of(obj)
    return as_payload(obj), found if isinstance(found, (int, str)) else None


def main() -> None:
    import json
    import marshal
    import mmap
    import pickle
    import time

    argv = sys.argv[2:]
    rfd, wfd = int(argv[0]), int(argv[1])
    tmpdir, progress_path = argv[2], argv[3]
    memory_mb, max_file_mb = int(argv[4]), int(argv[5])
    home = argv[6]

    # modules metric code commonly uses, imported before the limits apply
    import collections  # noqa: F401
    import datetime  # noqa: F401
    import math  # noqa: F401
    import re  # noqa: F401
    import statistics  # noqa: F401

    from cekura.local import _evaluate

    with open(progress_path, "r+b") as f:
        progress = mmap.mmap(f.fileno(), PROGRESS.size)
    reader = os.fdopen(rfd, "rb", buffering=1 << 16)
    write = os.write

    def send(message: Any) -> None:
        body = json.dumps(message, separators=(",", ":"), allow_nan=False, default=repr).encode()
        frame = HEADER.pack(len(body)) + body
        view = memoryview(frame)
        while view:
            view = view[write(wfd, view) :]

    def receive() -> Any:
        head = reader.read(HEADER.size)
        if len(head) < HEADER.size:
            raise EOFError
        (size,) = HEADER.unpack(head)
        body = reader.read(size)
        if len(body) < size:
            raise EOFError
        return marshal.loads(body[1:]) if body[:1] == b"M" else pickle.loads(body[1:])

    def judge(*args: Any, **kwargs: Any) -> Any:
        """evaluate_llm_judge_metric inside metric code: asks the parent, which holds the judge."""
        deadline = _evaluate._Clock.deadline  # the judge's time does not count
        _evaluate._Clock.deadline = None
        asked = time.perf_counter()
        try:
            send({"t": "judge", "args": list(args), "kwargs": kwargs})
            while True:
                message = receive()
                if message[0] == "judge_reply":
                    break
        finally:
            state[2] += 1
            PROGRESS.pack_into(progress, 0, *state)
            if deadline is not None:
                _evaluate._Clock.deadline = deadline + (time.perf_counter() - asked)
        _, ok, value = message
        if not ok:
            raise RuntimeError(value)
        return value

    allowed = tuple(
        p.rstrip(os.sep) + os.sep
        for p in {sys.prefix, sys.base_prefix, sys.exec_prefix, *(p for p in sys.path if p)}
        if p and p != os.sep
    )
    _limit(memory_mb, max_file_mb)
    sys.modules.pop("ctypes", None)  # imported for prctl; a later import must pass the audit hook
    permit = [False]
    sys.addaudithook(_make_hook(tmpdir, home, allowed, permit))
    ticker: float | None = None  # the period of the deadline checks, set from the first limits seen
    specs: dict[int, tuple[Any, Any]] = {}
    state = [0, 0, 0]
    evaluate = _evaluate.evaluate_payload
    send({"t": "ready", "pid": os.getpid()})
    while True:
        try:
            message = receive()
        except EOFError:
            break
        kind = message[0]
        if kind == "spec":
            _, key, spec, limits = message
            specs[key] = (spec, limits)
            if ticker is None and limits.timeout > 0:
                ticker = min(0.25, limits.timeout / 10)
                _evaluate.start_ticker(ticker)
        elif kind == "run":
            _, chunk_id, key, items = message
            spec, limits = specs[key]
            _cpu_budget(limits.timeout * len(items) + 5, permit)
            out = []
            recycle = False
            for pos, (seq, data) in enumerate(items):
                state[0], state[1], state[2] = chunk_id, pos, state[2] + 1
                PROGRESS.pack_into(progress, 0, *state)
                found = None
                try:
                    tag, body = data[:1], data[1:]
                    if tag == b"J":  # JSON text, decoded here rather than in the parent
                        data, found = decode(body)
                    elif tag == b"M":
                        data = marshal.loads(body)
                    else:
                        data = pickle.loads(body)
                    res = evaluate(spec, data, None, timeout=limits.timeout, judge=judge)
                except InputError as exc:
                    res = _evaluate.Result(None, None, "", None, str(exc))
                except BaseException as exc:  # e.g. a KeyboardInterrupt raised by the code
                    res = _evaluate.Result(None, None, "", None, f"{type(exc).__name__}: {exc}")
                error = res.error
                if error is not None and (error.startswith(("timed out", "MemoryError"))):
                    recycle = True  # the code may have left the process in a bad state
                out.append(
                    [seq, res.result, res.explanation, res.extra, error, res.duration, res.stdout, res.triggered, found]
                )
            send({"t": "results", "chunk": chunk_id, "items": out, "recycle": recycle})
            if recycle:
                break
        elif kind == "stop":
            break
    os._exit(0)
