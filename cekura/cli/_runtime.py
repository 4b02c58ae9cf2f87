"""Running one command: the SDK client it gets, where its output goes, how failures end."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from . import _errors


class Runtime:
    """What a command handler gets: the parsed flags, a lazily made client, output helpers."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._client: Any = None
        self._warned = False

    @property
    def json(self) -> bool:
        return self.args.format == "json"

    # ---------------------------------------------------------------- output
    def show(self, value: Any, kind: str = "object", **options: Any) -> None:
        """Print an SDK return value: JSON as is, or a table."""
        from . import _render

        _render.render(value, kind, json_mode=self.json, out=sys.stdout, **options)

    def say(self, text: str) -> None:
        """A line for people: on stdout in table mode, on stderr in JSON mode (stdout stays JSON)."""
        stream = sys.stderr if self.json else sys.stdout
        stream.write(text + "\n")
        stream.flush()

    def note(self, text: str) -> None:
        """A side remark, always on stderr."""
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    def warn_if_config_loose(self) -> None:
        from .. import _config

        if not self._warned and _config.loosely_readable():
            path = _config.config_path()
            self.note(f"warning: {path} can be read by other users; run: chmod 600 {path}")
        self._warned = True

    # ---------------------------------------------------------------- the SDK client
    def api_url(self) -> str | None:
        args = self.args
        if getattr(args, "fresh", False) and not (args.sandbox or (args.api_url or "").lower().startswith("sandbox:")):
            raise _errors.UsageError("--fresh only applies to the offline sandbox", "add --sandbox")
        if not args.sandbox:
            return args.api_url
        if args.api_url and not args.api_url.lower().startswith("sandbox:"):
            raise _errors.UsageError(
                f"--sandbox and --api-url {args.api_url} contradict each other", "give one of them"
            )
        return args.api_url or "sandbox://"

    @property
    def client(self) -> Any:
        if self._client is None:
            from .._client import Cekura

            args = self.args
            api_url = self.api_url()
            if getattr(args, "fresh", False):
                from ._cmd_sandbox import reset_embedded

                reset_embedded(api_url or "sandbox://")
            self.warn_if_config_loose()
            on_request, on_response = _debug_hooks() if args.debug else (None, None)
            client = Cekura(
                api_key=args.api_key,
                api_url=api_url,
                project_id=args.project_id,
                timeout=args.timeout,
                max_retries=args.max_retries,
                on_request=on_request,
                on_response=on_response,
            )
            if args.debug:
                self.note(f"debug: API URL {client.api_url}; key from: {client._settings.sources['api_key']}")
            self._client = client
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def _debug_hooks() -> tuple[Any, Any]:
    """--debug: one stderr line per request and per answer, through the SDK's public hooks
    (`Cekura(on_request=..., on_response=...)`). Headers (and so the key) are not shown."""
    import time

    started = [0.0]  # the CLI sends one request at a time

    def on_request(request: Any) -> None:
        size = len(request.content or b"")
        sys.stderr.write(
            f"debug: > {request.method} {request.url}" + (f" ({size} bytes)" if size else "") + "\n"
        )
        started[0] = time.perf_counter()

    def on_response(response: Any) -> None:
        elapsed = (time.perf_counter() - started[0]) * 1000
        sys.stderr.write(f"debug: < HTTP {response.status_code} in {elapsed:.0f} ms\n")

    return on_request, on_response


def run(handler: str, args: argparse.Namespace) -> int:
    """Import and run a handler ("module:function"); turn every failure into an exit code."""
    import importlib

    from .._errors import CekuraError

    module, function = handler.split(":")
    rt = Runtime(args)
    try:
        command = getattr(importlib.import_module(f"{__package__}.{module}"), function)
        code = command(rt)
        sys.stdout.flush()
        return _errors.OK if code is None else code
    except (_errors.UsageError, CekuraError) as exc:
        return _errors.report(exc)
    except KeyboardInterrupt:
        sys.stderr.write("\nInterrupted.\n")
        return _errors.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return _errors.API_FAILURE
    except Exception as exc:
        if args.debug:
            import traceback

            traceback.print_exc()
        _errors.tell(
            sys.stderr,
            f"unexpected {type(exc).__name__}: {exc}",
            None if args.debug else "rerun with --debug for the traceback, and please report it",
        )
        return _errors.API_FAILURE
    finally:
        try:
            rt.close()
        except Exception:  # closing must not hide the real outcome
            pass


def _silence_stdout() -> None:
    """After `cekura ... | head`, keep Python from complaining when it flushes stdout at exit."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
