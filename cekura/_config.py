"""Where settings come from. First match wins, for each setting separately:

1. an explicit argument (`Cekura(api_key=...)`, `--api-key`)
2. the environment (`CEKURA_API_KEY`, `CEKURA_API_URL`, `CEKURA_PROJECT_ID`, `CEKURA_ORGANIZATION_ID`)
3. the config file `~/.cekura/config.toml` (`cekura config set` / `cekura auth login`)
4. the default (`https://api.cekura.ai`; no key, no project)

The URL `sandbox://` (or `sandbox:///path/to.db`, `sandbox://memory`) selects the embedded
offline sandbox; it needs no key.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._errors import ConfigurationError

DEFAULT_API_URL = "https://api.cekura.ai"
SANDBOX_SCHEME = "sandbox:"
SANDBOX_KEY = "sandbox-key"

#: config-file key -> environment variable
ENV_VARS = {
    "api_key": "CEKURA_API_KEY",
    "api_url": "CEKURA_API_URL",
    "default_project_id": "CEKURA_PROJECT_ID",
    "default_organization_id": "CEKURA_ORGANIZATION_ID",
}
#: every key `cekura config set` writes: the settings above, and the plain-http opt-in (see below)
KNOWN_KEYS = (*ENV_VARS, "allow_insecure_http")
#: Profiles: named sections `[profiles.NAME]` of the config file, chosen by `profile=` /
#: `--profile NAME` or this variable; the chosen section stands in for the file's top level.
PROFILE_ENV = "CEKURA_PROFILE"
PROFILES = "profiles"
INTEGER_KEYS = ("default_project_id", "default_organization_id")


def config_path() -> Path:
    return Path.home() / ".cekura" / "config.toml"


def read_config_file(path: Path | None = None) -> dict[str, Any]:
    """The config file's table, or {} when there is none."""
    path = path or config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigurationError(f"cannot read config file {path}: {exc.strerror}") from None
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigurationError(
            f"config file {path} is not valid TOML ({exc}); fix it or delete it and run `cekura config set`"
        ) from None
    return data if isinstance(data, dict) else {}


def write_config_file(data: dict[str, Any], path: Path | None = None) -> Path:
    """Write the config table with mode 0600 (directory 0700), atomically."""
    import tomli_w

    path = path or config_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path == config_path():
        os.chmod(path.parent, 0o700)  # ~/.cekura holds the key: keep it private
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(tomli_w.dumps({k: v for k, v in data.items() if v is not None}).encode())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return path


def loosely_readable(path: Path | None = None) -> bool:
    """True when the config file exists and group or others may read it."""
    path = path or config_path()
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return bool(mode & (stat.S_IRWXG | stat.S_IRWXO))


def sandbox_db(url: str) -> str | None:
    """The SQLite file a sandbox URL names; None for the default file (~/.cekura/sandbox.db).

    sandbox:// -> the default file · sandbox://memory -> in memory · sandbox:///abs/x.db ->
    that absolute path · sandbox:rel/x.db (or sandbox:./x.db) -> relative to the current
    directory. `sandbox://tmp/x.db` is refused (absolute or relative?), and so is a path
    whose folder does not exist (it is never created silently).
    """
    rest = url[len(SANDBOX_SCHEME) :].strip()
    if rest in ("", "/", "//", "///"):
        return None
    if rest.lower() in ("//memory", "//:memory:", "memory", ":memory:"):
        return ":memory:"
    if rest.startswith("//") and not rest.startswith("///"):
        named = rest[2:]
        raise ConfigurationError(
            f"{url!r} is ambiguous: write sandbox:///{named} for the absolute path /{named}, "
            f"or sandbox:{named} for a path relative to the current directory"
        )
    path = rest[2:] if rest.startswith("///") else rest
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise ConfigurationError(
            f"the sandbox file's folder {folder} does not exist (from {url!r}); create it first"
        )
    return path


def is_sandbox_url(url: str | None) -> bool:
    return url is not None and url.lower().startswith(SANDBOX_SCHEME)


@dataclass(frozen=True)
class Settings:
    api_key: str | None
    api_url: str
    project_id: int | None
    organization_id: int | None
    #: where each setting came from: "argument", "environment", "config file", "default"
    sources: dict[str, str]
    #: the config-file profile in use (None: the file's top level)
    profile: str | None = None

    @property
    def sandbox(self) -> bool:
        return is_sandbox_url(self.api_url)

    def __repr__(self) -> str:  # never show the key
        return f"Settings(api_url={self.api_url!r}, project_id={self.project_id!r}, api_key={mask(self.api_key)!r})"


def mask(key: str | None) -> str:
    if not key:
        return "(none)"
    return f"{key[:4]}…{key[-2:]}" if len(key) >= 12 else "****"


def _as_int(name: str, value: Any, source: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ConfigurationError(f"{name} from the {source} must be a whole number, got {value!r}") from None
    if isinstance(value, bool) or number <= 0:
        raise ConfigurationError(f"{name} from the {source} must be a positive whole number, got {value!r}")
    return number


def chosen_profile(profile: str | None = None) -> str | None:
    """The profile asked for: the argument, else CEKURA_PROFILE, else None (the top level)."""
    name = profile if profile not in (None, "") else os.environ.get(PROFILE_ENV) or None
    if name is not None and not (name.isascii() and name.replace("-", "").replace("_", "").isalnum()):
        raise ConfigurationError(f"profile names are letters, digits, - and _; got {name!r}")
    return name


def profile_section(data: dict[str, Any], profile: str | None) -> dict[str, Any]:
    """The settings table of `profile` in a config file's data (the top level for None)."""
    if profile is None:
        return data
    profiles = data.get(PROFILES)
    section = profiles.get(profile) if isinstance(profiles, dict) else None
    if not isinstance(section, dict):
        known = sorted(k for k, v in profiles.items() if isinstance(v, dict)) if isinstance(profiles, dict) else []
        raise ConfigurationError(
            f"no profile {profile!r} in {config_path()}"
            + (f" (profiles: {', '.join(known)})" if known else " (it has no profiles)")
            + f"; create it with `cekura config set --profile {profile} api_key ...`"
        )
    return section


def resolve(
    *,
    api_key: str | None = None,
    api_url: str | None = None,
    project_id: int | None = None,
    organization_id: int | None = None,
    require_key: bool = True,
    profile: str | None = None,
) -> Settings:
    """Resolve every setting by the precedence above (the file is read only if needed).

    With a profile (`profile=` or CEKURA_PROFILE), the file's `[profiles.NAME]` section takes
    the place of its top level; arguments and the environment still come first.
    """
    profile = chosen_profile(profile)
    explicit = {
        "api_key": api_key,
        "api_url": api_url,
        "default_project_id": project_id,
        "default_organization_id": organization_id,
    }
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    file_data: dict[str, Any] | None = None
    for key, env in ENV_VARS.items():
        if explicit[key] not in (None, ""):
            values[key], sources[key] = explicit[key], "argument"
            continue
        env_value = os.environ.get(env)
        if env_value:
            values[key], sources[key] = env_value, "environment"
            continue
        if file_data is None:
            file_data = profile_section(read_config_file(), profile)
        if file_data.get(key) not in (None, ""):
            values[key], sources[key] = file_data[key], "config file"
            continue
        values[key], sources[key] = None, "default"

    url = str(values["api_url"] or DEFAULT_API_URL)
    if not is_sandbox_url(url):
        url = url.rstrip("/")
    if values["api_url"] is None:
        sources["api_url"] = "default"
    key_value = values["api_key"]
    if key_value is not None and not isinstance(key_value, str):
        raise ConfigurationError(f"api_key from the {sources['api_key']} must be a string")
    if key_value is None and is_sandbox_url(url):
        key_value, sources["api_key"] = SANDBOX_KEY, "default"
    if key_value is not None and not (
        key_value.isascii() and key_value.isprintable() and key_value.strip() == key_value
    ):
        raise ConfigurationError(
            f"the API key from the {sources['api_key']} contains spaces, control or non-ASCII characters; "
            "copy it again from the Cekura dashboard"
        )
    if not (is_sandbox_url(url) or url.startswith(("http://", "https://"))):
        raise ConfigurationError(
            f"api_url from the {sources['api_url']} must start with https://, http:// or sandbox://, got {url!r}"
        )
    if is_sandbox_url(url):
        sandbox_db(url)  # refuses ambiguous paths and missing folders now, before any use
    if profile is not None and file_data is None:
        profile_section(read_config_file(), profile)  # a profile that does not exist is an error
    if key_value is None and require_key:
        raise ConfigurationError(
            "No API key found. Pass Cekura(api_key=...), set the CEKURA_API_KEY environment variable, "
            "or run `cekura auth login --api-key KEY` (use api_url='sandbox://' for the offline sandbox)."
        )
    return Settings(
        api_key=key_value,
        api_url=url,
        project_id=_as_int("default_project_id", values["default_project_id"], sources["default_project_id"]),
        organization_id=_as_int(
            "default_organization_id", values["default_organization_id"], sources["default_organization_id"]
        ),
        sources=sources,
        profile=profile,
    )


# --------------------------------------------------------------------------- plain http://
#: Opt-ins for sending the key over plain http:// to a host that is not this machine.
ALLOW_INSECURE_HTTP_ENV = "CEKURA_ALLOW_INSECURE_HTTP"
ALLOW_INSECURE_HTTP_KEY = "allow_insecure_http"  # in ~/.cekura/config.toml: allow_insecure_http = true
#: Hosts that are this machine, or the embedded sandbox's stand-in host (never leaves the process).
LOCAL_HOSTS = frozenset({"localhost", "sandbox.local"})
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


def is_local_host(host: str | None) -> bool:
    """True for loopback addresses (127.0.0.0/8, ::1), localhost (and *.localhost), sandbox.local."""
    if not host:
        return False
    host = host.lower().rstrip(".")
    if host in LOCAL_HOSTS or host.endswith(".localhost"):
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _as_flag(name: str, value: Any, source: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ConfigurationError(f"{name} from the {source} must be true or false (1 or 0), got {value!r}")


def insecure_http_allowed(argument: bool | None = None) -> tuple[bool, str]:
    """(allowed, where that came from): argument > CEKURA_ALLOW_INSECURE_HTTP > config file > no."""
    if argument is not None:
        return bool(argument), "argument"
    env = os.environ.get(ALLOW_INSECURE_HTTP_ENV)
    if env is not None and env.strip():
        return _as_flag(ALLOW_INSECURE_HTTP_ENV, env, "environment"), "environment"
    value = read_config_file().get(ALLOW_INSECURE_HTTP_KEY)
    if value is not None:
        return _as_flag(ALLOW_INSECURE_HTTP_KEY, value, "config file"), "config file"
    return False, "default"


def refuse_cleartext(settings: Settings, allow: bool | None = None) -> None:
    """Refuse a plain http:// API URL to a host other than this machine, unless the user opted in.

    The API key travels in a header of every request: over http:// anyone on the way can read it.
    """
    url = settings.api_url
    if url[:7].lower() != "http://":
        return
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    if is_local_host(host) or insecure_http_allowed(allow)[0]:
        return
    error = ConfigurationError(
        f"refusing to send the API key in clear text to {url} (api_url from the {settings.sources['api_url']}): "
        "plain http:// is allowed only to this machine (localhost, 127.0.0.1, ::1); use https://, or opt in "
        f"with Cekura(allow_insecure_http=True), {ALLOW_INSECURE_HTTP_ENV}=1 or "
        f"`{ALLOW_INSECURE_HTTP_KEY} = true` in {config_path()}"
    )
    error.cli_hint = (  # type: ignore[attr-defined]
        f"use an https:// URL; if you must use plain http to that host, set {ALLOW_INSECURE_HTTP_ENV}=1 "
        f"(or `{ALLOW_INSECURE_HTTP_KEY} = true` in {config_path()})"
    )
    raise error


# --------------------------------------------------------------------------- answer size
MAX_RESPONSE_BYTES_ENV = "CEKURA_MAX_RESPONSE_BYTES"


def max_response_bytes(argument: Any, default: int) -> int | None:
    """The answer-size limit: argument (None lifts it) > CEKURA_MAX_RESPONSE_BYTES (0 lifts it) > default.

    `argument` is Ellipsis when not given.
    """
    if argument is ...:
        env = os.environ.get(MAX_RESPONSE_BYTES_ENV, "").strip()
        if not env:
            return default
        if env.lower() in ("0", "none"):
            return None
        if env.isdigit():
            return int(env)
        raise ConfigurationError(
            f"{MAX_RESPONSE_BYTES_ENV} must be a whole number of bytes (0 for no limit), got {env!r}"
        )
    if argument is None:
        return None
    if isinstance(argument, bool) or not isinstance(argument, int) or argument <= 0:
        raise ConfigurationError(
            f"max_response_bytes must be a positive whole number of bytes, or None for no limit; got {argument!r}"
        )
    return argument
