"""argparse machinery: the parser class, the global flags, and a lazily built command tree.

Only the branch of the tree named on the command line gets its flags, so `cekura --help`
and `cekura metrics list ...` build a few parsers, not all of them. Nothing here imports
the SDK's client, httpx, rich or the sandbox.
"""

from __future__ import annotations

import argparse

from . import _types
from ._errors import UsageError

#: Flags every command accepts, before or after its name: (flags, options, default).
GLOBAL_FLAGS = (
    (
        ("--format",),
        {"choices": ("table", "json"), "help": "output: a table (default) or JSON for jq"},
        "table",
    ),
    (("--api-key",), {"metavar": "KEY", "help": "API key (beats CEKURA_API_KEY and the config file)"}, None),
    (
        ("--api-url",),
        {"metavar": "URL", "type": _types.api_url, "help": "API base URL (default https://api.cekura.ai)"},
        None,
    ),
    (
        ("--sandbox",),
        {"action": "store_true", "help": "use the embedded offline sandbox (= --api-url sandbox://; no key)"},
        False,
    ),
    (
        ("--fresh",),
        {"action": "store_true", "help": "with --sandbox (or sandbox serve): start from the demo data again"},
        False,
    ),
    (
        ("--project-id",),
        {"metavar": "ID", "type": _types.positive_id, "help": "default project (beats CEKURA_PROJECT_ID)"},
        None,
    ),
    (
        ("--timeout",),
        {"metavar": "SECONDS", "type": _types.seconds, "help": "time limit of each attempt, from connecting to the last byte (default 30)"},
        30.0,
    ),
    (
        ("--max-retries",),
        {"metavar": "N", "type": _types.retries, "help": "retries of failed safe requests (default 2)"},
        2,
    ),
    (
        ("--debug",),
        {"action": "store_true", "help": "log each request (never the key); tracebacks on unexpected errors"},
        False,
    ),
)


_width: list[int] = []


def _help_width() -> int:
    """COLUMNS, else the terminal's width, else 100; measured once (argparse asks on every flag)."""
    if not _width:
        import os

        columns = os.environ.get("COLUMNS", "")
        if columns.isdigit():
            width = int(columns)
        else:
            try:
                width = os.get_terminal_size(2).columns
            except (OSError, ValueError):
                width = 100
        _width.append(max(40, min(width, 120)) - 2)
    return _width[0]


class Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=_help_width())


class Parser(argparse.ArgumentParser):
    """ArgumentParser that raises UsageError (exit 2, short message) instead of printing usage."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message, _hint_for(self, message))


def _hint_for(parser: argparse.ArgumentParser, message: str) -> str:
    hint = f"see `{parser.prog} --help`"
    if "invalid choice:" in message:
        import difflib
        import re

        found = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if found:
            choices = re.findall(r"'([^']*)'", found.group(2))
            close = difflib.get_close_matches(found.group(1), choices, n=1)
            if close:
                hint = f"did you mean `{close[0]}`? " + hint
    return hint


def add_global_flags(parser: argparse.ArgumentParser, skip: frozenset[str] = frozenset()) -> None:
    group = parser.add_argument_group("global options (before or after the command)")
    for flags, options, _default in GLOBAL_FLAGS:
        if flags[0] not in skip:
            group.add_argument(*flags, default=argparse.SUPPRESS, **options)


class Node:
    """A command (with `setup` and `handler`) or a group of commands (with `children`)."""

    __slots__ = ("name", "aliases", "help", "description", "examples", "setup", "handler", "children", "own")

    def __init__(
        self,
        name: str,
        help: str,
        *,
        description: str = "",
        examples: tuple[str, ...] = (),
        setup=None,
        handler: str = "",
        children: tuple[Node, ...] = (),
        aliases: tuple[str, ...] = (),
        own: tuple[str, ...] = (),
    ) -> None:
        self.name, self.aliases, self.help = name, aliases, help
        self.description = description or help
        self.examples, self.setup, self.handler = examples, setup, handler
        self.children = children
        self.own = frozenset(own)  # global flags this command defines for itself

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def epilog(examples: tuple[str, ...], extra: str = "") -> str | None:
    if not examples and not extra:
        return None
    lines = ["examples:", *(f"  {e}" for e in examples)] if examples else []
    if extra:
        lines += ["", extra] if lines else [extra]
    return "\n".join(lines)


def build(argv: list[str] | None = None) -> Parser:
    """The parser; with `argv`, only the branches named in it get their flags (None: all)."""
    from .._version import __version__
    from . import _tree

    wanted = None if argv is None else set(argv)
    root = Parser(
        prog="cekura",
        description=_tree.ROOT_DESCRIPTION,
        epilog=epilog(_tree.ROOT_EXAMPLES, _tree.ROOT_NOTES),
    )
    root.add_argument("--version", action="version", version=f"cekura {__version__}")
    add_global_flags(root)
    sub = root.add_subparsers(title="commands", metavar="COMMAND")
    for node in _tree.TREE:
        _add(sub, node, wanted)
    return root


def _add(sub, node: Node, wanted: set[str] | None) -> None:
    parser = sub.add_parser(
        node.name,
        aliases=list(node.aliases),
        help=node.help,
        description=node.description,
        epilog=epilog(node.examples),
    )
    parser.set_defaults(_node=node, _parser=parser)
    if wanted is not None and not wanted.intersection(node.names):
        return  # not on the command line: its help line is all that is needed
    if node.children:
        add_global_flags(parser)
        child_sub = parser.add_subparsers(title="commands", metavar="COMMAND")
        for child in node.children:
            _add(child_sub, child, wanted)
    else:
        if node.setup is not None:
            node.setup(parser)
        add_global_flags(parser, node.own)
        parser.set_defaults(_handler=node.handler)


def _same(text: str) -> str:
    return text


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse argv; fills in the global flags' defaults. Raises UsageError or SystemExit (help).

    While it runs, argparse's phrases are not looked up in gettext catalogs: each lookup
    probes the filesystem for translation files, which made up half the time of `--help`,
    and the rest of this CLI speaks English only. argparse is restored before returning.
    """
    translate = argparse._  # type: ignore[attr-defined]
    argparse._ = _same  # type: ignore[attr-defined]
    try:
        return _parse(argv)
    finally:
        argparse._ = translate  # type: ignore[attr-defined]


def _parse(argv: list[str]) -> argparse.Namespace:
    args, extra = build(argv).parse_known_args(argv)
    if extra:
        parser = getattr(args, "_parser", None)
        prog = parser.prog if parser is not None else "cekura"
        raise UsageError(f"unrecognized arguments: {' '.join(extra)}", f"see `{prog} --help`")
    for flags, _options, default in GLOBAL_FLAGS:
        dest = flags[0].lstrip("-").replace("-", "_")
        if not hasattr(args, dest):
            setattr(args, dest, default)
    return args
