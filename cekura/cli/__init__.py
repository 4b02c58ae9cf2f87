"""The `cekura` command. `main(argv)` parses, calls one SDK method, renders, returns an exit code.

Kept cheap to import: the SDK client, httpx, jmespath, PyYAML and the sandbox load only when a command
needs them, so `cekura --help` starts about as fast as Python itself.

Modules: `_parser` (argparse machinery, global flags, lazy tree building), `_tree` (every
command: flags, help, examples, handler name), `_types` (flag value checks), `_runtime`
(client, output streams, exit codes), `_errors` (messages and exit codes), `_input`
(--from-file/--json/--code-file), `_render` (tables fitted to the terminal, TSV, JSON, YAML), `_wait` (progress line,
Ctrl-C), and the handlers: `_cmd_metrics`, `_cmd_jobs`, `_cmd_local`.
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with `argv` (default: sys.argv[1:]) and return the exit code."""
    from . import _errors

    argv = sys.argv[1:] if argv is None else [str(a) for a in argv]
    try:
        from ._parser import parse

        args = parse(argv)
    except _errors.UsageError as exc:
        return _errors.report(exc)
    except SystemExit as exc:  # --help / --version
        return exc.code if isinstance(exc.code, int) else 0
    except KeyboardInterrupt:
        return _errors.INTERRUPTED
    for note in getattr(args, "_notes", None) or ():
        sys.stderr.write(f"note: {note}\n")
    handler = getattr(args, "_handler", None)
    if not handler:
        return _no_command(args)
    from ._runtime import run

    return run(handler, args)


def _no_command(args) -> int:
    """`cekura` alone prints the help; `cekura metrics` says which commands there are."""
    from . import _errors

    node = getattr(args, "_node", None)
    if node is None:
        from ._parser import build

        build([]).print_help()
        return _errors.OK
    names = ", ".join(child.name for child in node.children)
    _errors.tell(
        sys.stderr,
        f"`cekura {node.name}` needs a command: {names}",
        f"see `cekura {node.name} --help`",
    )
    return _errors.USAGE
