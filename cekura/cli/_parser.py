"""argparse machinery: the parser class, the global flags, and a lazily built command tree.

Only the branch of the tree named on the command line gets its flags, so `cekura --help`
and `cekura metrics list ...` build a few parsers, not all of them. Nothing here imports
the SDK's client, httpx, rich or the sandbox.
"""

from __future__ import annotations

import argparse
from typing import Any

from . import _types
from ._errors import UsageError

#: Flags every command accepts, before or after its name: (flags, options, default).
GLOBAL_FLAGS = (
    (
        ("--format",),
        {
            "choices": ("table", "tsv", "json", "yaml"),
            "help": "output: a table fitted to the terminal (default on a terminal), tab-separated rows "
            "without a header (default when piped), JSON for jq, or YAML",
        },
        None,
    ),
    (
        ("--query",),
        {
            "metavar": "JMESPATH",
            "type": _types.jmespath_expression,
            "help": "keep only part of the JSON value, e.g. '[].id' or \"[?eval_type=='binary'].name\" "
            "(JMESPath, as the AWS CLI; applied before --format)",
        },
        None,
    ),
    (
        ("--wide",),
        {"action": "store_true", "help": "tables: show every cell whole instead of cutting it to the terminal"},
        False,
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
        ("--profile",),
        {
            "metavar": "NAME",
            "help": "use the [profiles.NAME] section of ~/.cekura/config.toml (beats CEKURA_PROFILE); "
            "with config set/unset and auth login/logout: write there",
        },
        None,
    ),
    (
        ("--project-id",),
        {"metavar": "ID", "type": _types.positive_id, "help": "default project (beats CEKURA_PROJECT_ID)"},
        None,
    ),
    (
        ("--http-timeout",),
        {
            "metavar": "SECONDS",
            "dest": "timeout",
            "type": _types.seconds,
            "help": "time limit of each HTTP attempt, from connecting to the last byte (default 30; "
            "connecting alone: at most 5). Reads are tried 1 + --max-retries times, so a server that never "
            "answers fails within about (1 + N) x SECONDS + a few seconds of backoff: 92 s with the "
            "defaults. Retries are told on stderr",
        },
        30.0,
    ),
    (
        ("--timeout",),
        {
            "metavar": "SECONDS",
            "dest": "timeout",
            "type": _types.seconds,
            "action": "store_renamed",
            "help": argparse.SUPPRESS,
            "renamed": "--timeout is now spelled --http-timeout (seconds per HTTP attempt); "
            "the old spelling keeps working",
        },
        30.0,
    ),
    (
        ("--max-retries",),
        {"metavar": "N", "type": _types.retries, "help": "retries of failed safe requests (default 2)"},
        2,
    ),
    (
        ("--dry-run",),
        {
            "action": "store_true",
            "help": "print the write the command would send (method, URL, headers without the key, "
            "body) and do not send it; a read it is built from (e.g. the metric an update changes) "
            "is sent, and told on stderr",
        },
        False,
    ),
    (
        ("--yes", "-y"),
        {"action": "store_true", "help": "do not ask before deleting (on a terminal deletes ask first)"},
        False,
    ),
    (
        ("--debug",),
        {"action": "store_true", "help": "log each request (never the key); tracebacks on unexpected errors"},
        False,
    ),
)


class StoreRenamed(argparse.Action):
    """An old spelling of a flag: stores like the new one and leaves a note for stderr."""

    def __init__(self, *args: Any, renamed: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.renamed = renamed

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        setattr(namespace, self.dest, values)
        notes = getattr(namespace, "_notes", None) or []
        if self.renamed not in notes:
            notes.append(self.renamed)
        namespace._notes = notes


#: Global flags that only mean something to commands that call the API ...
API_ONLY = frozenset({"--dry-run"})
#: ... which are all but those of this module ("commands that send no request").
LOCAL_HANDLERS = "_cmd_local:"

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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)
        self.register("action", "store_renamed", StoreRenamed)

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


def _close_flag(parser: argparse.ArgumentParser | None, extra: list[str]) -> str | None:
    """The flag of `parser` nearest to the first unknown flag in `extra`, if one is close."""
    import difflib

    if parser is None:
        return None
    known = [
        flag
        for action in parser._actions
        if action.help is not argparse.SUPPRESS
        for flag in action.option_strings
        if flag.startswith("--")
    ]
    for word in extra:
        if word.startswith("-") and len(word) > 2:
            typed = word.split("=", 1)[0]
            if not typed.startswith("--"):
                typed = "-" + typed
            close = difflib.get_close_matches(typed, known, n=1, cutoff=0.6)
            if close:
                return close[0]
    return None


def add_global_flags(parser: argparse.ArgumentParser, skip: frozenset[str] = frozenset()) -> None:
    """The global flags, except those in `skip` and those the command already defines itself
    (e.g. its own --yes): a command's own flag wins."""
    group = parser.add_argument_group("global options (before or after the command)")
    taken = parser._option_string_actions
    for flags, options, _default in GLOBAL_FLAGS:
        if flags[0] not in skip and not any(flag in taken for flag in flags):
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
        local = node.handler.startswith(LOCAL_HANDLERS)
        add_global_flags(parser, node.own | API_ONLY if local else node.own)
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
    root = build(argv)
    args, extra = root.parse_known_args(argv)
    if extra:
        parser = getattr(args, "_parser", None) or root
        prog = parser.prog
        hint = f"see `{prog} --help`"
        close = _close_flag(parser, extra)
        if close:
            hint = f"did you mean `{close}`? " + hint
        raise UsageError(f"unrecognized arguments: {' '.join(extra)}", hint)
    handler = getattr(args, "_handler", "") or ""
    if getattr(args, "dry_run", False) and handler.startswith(LOCAL_HANDLERS):
        raise UsageError(
            "--dry-run applies to commands that call the API; this one sends no request",
            f"drop --dry-run (see `{args._parser.prog} --help`)",
        )
    for flags, options, default in GLOBAL_FLAGS:
        dest = str(options.get("dest") or flags[0].lstrip("-").replace("-", "_"))
        if not hasattr(args, dest):
            setattr(args, dest, default)
    return args
