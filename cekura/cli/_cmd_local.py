"""Commands that send no request: version, config, auth, completion, sandbox serve."""

from __future__ import annotations

import os
import sys
from typing import Any

from . import _types
from ._errors import UsageError

SOURCES = {
    "argument": "argument (--{flag})",
    "environment": "environment ({env})",
    "config file": "config file",
    "default": "default",
}


def version(rt: Any) -> None:
    from .._version import __version__

    if rt.structured:
        rt.show({"version": __version__})
    else:
        print(f"cekura {__version__}")


# ----------------------------------------------------------------------------- config
def _settings(rt: Any) -> Any:
    from .. import _config

    rt.warn_if_config_loose()
    args = rt.args
    return _config.resolve(
        api_key=args.api_key,
        api_url=rt.api_url(),
        project_id=args.project_id,
        require_key=False,
        profile=args.profile,
    )


def _source(settings: Any, key: str) -> str:
    from .. import _config

    if key == _config.ALLOW_INSECURE_HTTP_KEY:
        return _config.insecure_http_allowed()[1]
    flag = {"api_key": "api-key", "api_url": "api-url", "default_project_id": "project-id"}.get(key, key)
    where = SOURCES[settings.sources[key]].format(flag=flag, env=_config.ENV_VARS[key])
    if where == "default" and key == "api_key":
        return "none needed (sandbox)" if settings.sandbox else "none"
    if where == "config file" and settings.profile:
        return f"config file, profile {settings.profile}"
    return where


def _profile_source(rt: Any) -> str | None:
    """Where the profile in use was chosen: the flag or the environment (None: no profile)."""
    from .. import _config

    if rt.args.profile:
        return "argument (--profile)"
    return f"environment ({_config.PROFILE_ENV})" if os.environ.get(_config.PROFILE_ENV) else None


def _effective(settings: Any) -> dict[str, Any]:
    from .. import _config

    key = settings.api_key if settings.sources["api_key"] != "default" else None
    return {
        "api_key": _config.mask(key) if key else None,
        "api_url": settings.api_url,
        "default_project_id": settings.project_id,
        "default_organization_id": settings.organization_id,
        # the plain-http opt-in: shown only when on (it is off unless the user turned it on)
        "allow_insecure_http": True if _config.insecure_http_allowed()[0] else None,
    }


def config_get(rt: Any) -> int:
    from .. import _config

    settings = _settings(rt)
    values = _effective(settings)
    key = rt.args.key
    if key:
        if rt.structured:
            rt.show(values[key])
        elif values[key] is None:
            rt.note(f"{key} is not set")
        else:
            print(values[key])
        return 0
    if rt.structured:
        rt.show(
            {
                **values,
                "profile": settings.profile,
                "sources": {k: _source(settings, k) for k, v in values.items() if v is not None},
            }
        )
        return 0
    rows = [
        {"key": k, "value": v, "source": _source(settings, k) if v is not None else ""}
        for k, v in values.items()
    ]
    profile = f"; profile {settings.profile} (from {_profile_source(rt)})" if settings.profile else ""
    rt.show(rows, "config", caption=f"config file: {_config.config_path()}{profile}")
    return 0


def _read_secret_stdin(what: str) -> str:
    if sys.stdin is None:
        raise UsageError(f"no {what} given and there is no stdin to read it from")
    return sys.stdin.read()


def _checked_value(key: str, raw: str) -> Any:
    from .. import _config

    value = raw.strip()
    if not value:
        raise UsageError(f"{key}: the value is empty", f"to remove it, run `cekura config unset {key}`")
    if key in _config.INTEGER_KEYS:
        try:
            return _types.positive_id(value)
        except Exception:
            raise UsageError(f"{key} must be a positive whole number, got {raw!r}") from None
    if key == _config.ALLOW_INSECURE_HTTP_KEY:
        flag = value.lower()
        if flag not in ("true", "false"):
            raise UsageError(f"{key} must be true or false, got {raw!r}")
        return flag == "true"
    if key == "api_url":
        try:
            return _types.api_url(value).rstrip("/")
        except Exception:
            raise UsageError(
                f"api_url must start with https://, http:// or sandbox://, got {raw!r}"
            ) from None
    return _checked_key(value)


def _checked_key(value: str) -> str:
    key = value.strip()
    if not key:
        raise UsageError("the API key is empty", "paste the key from the Cekura dashboard")
    if any(c.isspace() for c in key) or not key.isprintable():
        raise UsageError(
            "the API key contains spaces or control characters", "give the key alone, on one line"
        )
    return key


def _store(rt: Any, key: str, value: Any) -> Any:
    """Set (or with None remove) `key` in the config file: its top level, or --profile's section."""
    from .. import _config

    data = _config.read_config_file()
    profile = _config.chosen_profile(rt.args.profile)
    if profile is None:
        section = data
    else:
        profiles = data.setdefault(_config.PROFILES, {})
        if not isinstance(profiles, dict):
            raise UsageError(f"{_config.config_path()}: `{_config.PROFILES}` is not a table", "fix or remove it")
        section = profiles.setdefault(profile, {})
    if value is None:
        present = section.pop(key, None) is not None
        if profile is not None and not section:
            data[_config.PROFILES].pop(profile, None)
            if not data[_config.PROFILES]:
                data.pop(_config.PROFILES)
    else:
        section[key], present = value, True
    path = _config.write_config_file(data) if present else _config.config_path()
    env = _config.ENV_VARS.get(key, _config.ALLOW_INSECURE_HTTP_ENV)
    if os.environ.get(env):
        rt.note(f"note: {env} is set in the environment and takes precedence over the config file")
    return path, present


def config_set(rt: Any) -> None:
    from .. import _config

    key, raw = rt.args.key, rt.args.value
    if raw == "-":
        raw = _read_secret_stdin(key)
    value = _checked_value(key, raw)
    if key == _config.ALLOW_INSECURE_HTTP_KEY and _config.chosen_profile(rt.args.profile):
        raise UsageError(
            f"{key} is read from the top level of the config file only, not from a profile",
            f"run `cekura config set {key} {raw}` without --profile (and with CEKURA_PROFILE unset)",
        )
    path, _ = _store(rt, key, value)
    shown = _config.mask(value) if key == "api_key" else value
    rt.say(f"Set {key} = {shown} in {path}{_where(rt)}")


def config_unset(rt: Any) -> None:
    key = rt.args.key
    path, present = _store(rt, key, None)
    rt.say(f"Removed {key} from {path}{_where(rt)}" if present else f"{key} was not set in {path}{_where(rt)}")


def _where(rt: Any) -> str:
    from .. import _config

    profile = _config.chosen_profile(rt.args.profile)
    return f" (profile {profile})" if profile else ""


def config_path(rt: Any) -> None:
    from .. import _config

    if rt.structured:
        rt.show(str(_config.config_path()))
    else:
        print(_config.config_path())


# ----------------------------------------------------------------------------- auth
def auth_login(rt: Any) -> None:
    from .. import _config

    raw = rt.args.login_key
    if raw is None and sys.stdin is not None and sys.stdin.isatty():
        import getpass

        raw = getpass.getpass("Cekura API key (input hidden): ")
    elif raw is None or raw == "-":
        raw = _read_secret_stdin("API key")
    key = _checked_key(raw)
    path, _ = _store(rt, "api_key", key)
    rt.say(f"Saved API key {_config.mask(key)} to {path}{_where(rt)} (mode 600: readable only by you)")


def auth_logout(rt: Any) -> None:
    path, present = _store(rt, "api_key", None)
    rt.say(f"Removed the API key from {path}{_where(rt)}" if present else f"No API key is stored in {path}{_where(rt)}")


def auth_status(rt: Any) -> int:
    from .. import _config

    settings = _settings(rt)
    values = _effective(settings)
    status = {
        "api_key": values["api_key"],
        "api_key_source": _source(settings, "api_key"),
        "api_url": settings.api_url,
        "api_url_source": _source(settings, "api_url"),
        "default_project_id": settings.project_id,
        "config_file": str(_config.config_path()),
        "profile": settings.profile,
    }
    rt.show(status)
    if values["api_key"] is None and not settings.sandbox:
        rt.note("Not logged in: run `cekura auth login --api-key -`, or set CEKURA_API_KEY.")
        return 1  # like `gh auth status`: scripts can test for a usable key
    return 0


# ----------------------------------------------------------------------------- completion, sandbox
def completion(rt: Any) -> None:
    import shtab

    from ._parser import build

    sys.stdout.write(shtab.complete(build(None), shell=rt.args.shell))


def _listen_problem(host: str, port: int, exc: OSError) -> UsageError:
    import errno

    if exc.errno == errno.EADDRINUSE:
        return UsageError(
            f"port {port} on {host} is already in use (another sandbox or server is listening there)",
            "pick another with --port N, or --port 0 to let the system choose a free one",
        )
    if exc.errno == errno.EACCES:
        return UsageError(f"not allowed to listen on port {port}", "ports below 1024 need privileges; use --port 8765")
    return UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", "check --host and --port")


def _check_port_free(host: str, port: int) -> None:
    """Refuse a busy port before anything starts (the server binds the same way: SO_REUSEADDR)."""
    import socket

    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise UsageError(f"--host {host}: not an address of this machine ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise _listen_problem(host, port, exc) from None


def sandbox_serve(rt: Any) -> int:
    args = rt.args
    _check_port_free(args.host, args.port)
    from ..sandbox import serve_main

    options: dict[str, Any] = {"port": args.port, "db": args.db, "host": args.host, "keys": args.keys}
    if args.job_seconds is not None:
        options["job_seconds"] = args.job_seconds
    # server options, passed only when given (so the defaults live in one place: serve_main)
    for name in ("workers", "strict", "admin", "fixture", "fresh"):
        value = getattr(args, name, None)
        if value not in (None, False, 1):
            options[name] = value
    try:
        return serve_main(**options) or 0
    except KeyboardInterrupt:
        rt.note("Sandbox stopped.")
        return 0
    except OSError as exc:  # taken between the check and the server's own bind
        if exc.errno is None or exc.filename is not None:
            raise
        raise _listen_problem(args.host, args.port, exc) from None
