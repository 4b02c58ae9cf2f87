"""config and auth: the file's mode, the masked key, precedence flag > environment > file."""

from __future__ import annotations

import stat
import tomllib

import pytest

KEY = "ck_live_0123456789abcdef"
ENV_KEY = "ck_env_fedcba9876543210"
FLAG_KEY = "ck_flag_aaaabbbbccccdddd"


def config_file(home):
    return home / ".cekura" / "config.toml"


def stored(home) -> dict:
    return tomllib.loads(config_file(home).read_text())


def test_login_stores_the_key_with_mode_0600(run, isolated_home):
    result = run("auth", "login", "--api-key", KEY)
    assert result.code == 0, result.err
    path = config_file(isolated_home)
    assert stored(isolated_home)["api_key"] == KEY
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert KEY not in result.out + result.err
    assert "ck_l" in result.out


def test_login_reads_the_key_from_stdin(run, isolated_home):
    result = run("auth", "login", "--api-key", "-", stdin=KEY + "\n")
    assert result.code == 0, result.err
    assert stored(isolated_home)["api_key"] == KEY


@pytest.mark.parametrize("text", ["", "\n", "two words\n"])
def test_login_refuses_an_empty_or_spaced_key(run, isolated_home, text):
    result = run("auth", "login", "--api-key", "-", stdin=text)
    assert result.code == 2 and result.err.startswith("error: ")
    assert not config_file(isolated_home).exists()


def test_login_keeps_other_settings_and_logout_removes_only_the_key(run, isolated_home):
    assert run("config", "set", "default_project_id", "7").code == 0
    run("auth", "login", "--api-key", KEY)
    assert stored(isolated_home) == {"api_key": KEY, "default_project_id": 7}
    result = run("auth", "logout")
    assert result.code == 0 and "Removed" in result.out
    assert stored(isolated_home) == {"default_project_id": 7}
    assert "No API key" in run("auth", "logout").out


def test_status_reports_the_source_masked(run, isolated_home, monkeypatch):
    none = run("auth", "status", "--format", "json").json
    assert none["api_key"] is None and none["api_key_source"] == "none"
    run("auth", "login", "--api-key", KEY)
    from_file = run("auth", "status", "--format", "json").json
    assert from_file["api_key_source"] == "config file"
    monkeypatch.setenv("CEKURA_API_KEY", ENV_KEY)
    from_env = run("auth", "status", "--format", "json").json
    assert from_env["api_key_source"] == "environment (CEKURA_API_KEY)"
    from_flag = run("--api-key", FLAG_KEY, "auth", "status", "--format", "json").json
    assert from_flag["api_key_source"] == "argument (--api-key)"
    table = run("--api-key", FLAG_KEY, "auth", "status")
    for secret in (KEY, ENV_KEY, FLAG_KEY):
        assert secret not in str([none, from_file, from_env, from_flag]) + table.out + table.err
    assert from_flag["api_key"] == "ck_f…dd"
    assert from_flag["api_url"] == "https://api.cekura.ai"


def test_status_in_the_sandbox_needs_no_key(run):
    status = run("--sandbox", "auth", "status", "--format", "json").json
    assert status["api_url"].startswith("sandbox:") and "sandbox" in status["api_key_source"]


def test_api_url_precedence_flag_env_file(run, isolated_home, monkeypatch, tmp_path, job_seconds):
    run("config", "set", "api_url", f"sandbox://{tmp_path}/file.db")
    assert run("auth", "status", "--format", "json").json["api_url_source"] == "config file"
    # the file's URL is really used: no key, no flag, and the seeded metric is there
    assert run("metrics", "get", "55", "--format", "json").json["id"] == 55
    monkeypatch.setenv("CEKURA_API_URL", f"sandbox://{tmp_path}/env.db")
    status = run("auth", "status", "--format", "json").json
    assert (status["api_url"], status["api_url_source"]) == (
        f"sandbox://{tmp_path}/env.db",
        "environment (CEKURA_API_URL)",
    )
    status = run("--api-url", "https://example.test", "auth", "status", "--format", "json").json
    assert (status["api_url"], status["api_url_source"]) == ("https://example.test", "argument (--api-url)")
    # a metric created through the env URL is not in the file's sandbox
    run("metrics", "delete", "55")
    monkeypatch.delenv("CEKURA_API_URL")
    assert run("metrics", "get", "55").code == 0


def test_config_get_masks_the_key(run, isolated_home):
    run("auth", "login", "--api-key", KEY)
    table = run("config", "get")
    assert table.code == 0 and KEY not in table.out and "ck_l…ef" in table.out
    everything = run("config", "get", "--format", "json").json
    assert everything["api_key"] == "ck_l…ef"
    assert set(everything) == {
        "api_key", "api_url", "default_project_id", "default_organization_id", "allow_insecure_http",
        "profile", "sources",
    }
    assert everything["sources"] == {"api_key": "config file", "api_url": "default"}
    one = run("config", "get", "api_key")
    assert one.out.strip() == "ck_l…ef"


def test_config_set_get_unset_path(run, isolated_home):
    assert run("config", "path").out.strip() == str(config_file(isolated_home))
    assert run("config", "set", "default_project_id", "12").code == 0
    assert run("config", "set", "default_organization_id", "3").code == 0
    assert run("config", "set", "api_url", "https://api.example.test/").code == 0
    assert stored(isolated_home) == {
        "default_project_id": 12,
        "default_organization_id": 3,
        "api_url": "https://api.example.test",
    }
    assert stat.S_IMODE(config_file(isolated_home).stat().st_mode) == 0o600
    assert run("config", "get", "default_project_id").out.strip() == "12"
    assert run("config", "get", "default_project_id", "--format", "json").json == 12
    assert run("config", "unset", "default_project_id").code == 0
    assert "default_project_id" not in stored(isolated_home)
    unset_again = run("config", "unset", "default_project_id")
    assert unset_again.code == 0 and "was not set" in unset_again.out
    missing = run("config", "get", "default_project_id")
    assert missing.code == 0 and missing.out == "" and "not set" in missing.err


def test_config_set_api_key_from_stdin(run, isolated_home):
    result = run("config", "set", "api_key", "-", stdin=KEY)
    assert result.code == 0 and KEY not in result.out
    assert stored(isolated_home)["api_key"] == KEY


def test_config_set_notes_an_overriding_environment_variable(run, monkeypatch):
    monkeypatch.setenv("CEKURA_PROJECT_ID", "4")
    result = run("config", "set", "default_project_id", "5")
    assert result.code == 0 and "CEKURA_PROJECT_ID" in result.err


def test_loosely_readable_config_file_warns(run, isolated_home, job_seconds):
    run("config", "set", "api_url", "sandbox://memory")
    config_file(isolated_home).chmod(0o644)
    for argv in (("config", "get"), ("auth", "status"), ("metrics", "get", "55")):
        result = run(*argv)
        assert result.code == 0, result.err
        assert "warning:" in result.err and "chmod 600" in result.err
    run("config", "set", "default_project_id", "1")  # rewriting restores 0600
    assert stat.S_IMODE(config_file(isolated_home).stat().st_mode) == 0o600
    assert "warning:" not in run("config", "get").err


def test_broken_config_file_is_a_usage_error(run, isolated_home):
    path = config_file(isolated_home)
    path.parent.mkdir()
    path.write_text("api_key = [unterminated")
    result = run("auth", "status")
    assert result.code == 2 and "not valid TOML" in result.err


def test_status_exits_1_when_no_key_is_set(run, isolated_home):
    none = run("auth", "status")
    assert none.code == 1 and "Not logged in" in none.err
    assert run("auth", "status", "--format", "json").code == 1
    assert run("--sandbox", "auth", "status").code == 0
    run("auth", "login", "--api-key", KEY)
    assert run("auth", "status").code == 0


def test_config_set_allow_insecure_http_is_a_top_level_boolean(run, isolated_home, monkeypatch):
    monkeypatch.delenv("CEKURA_ALLOW_INSECURE_HTTP", raising=False)
    url = "http://example.invalid"
    refused = run("--api-key", KEY, "--api-url", url, "metrics", "list")
    assert refused.code == 2 and "clear text" in refused.err
    assert run("config", "set", "allow_insecure_http", "maybe").code == 2
    assert run("--profile", "staging", "config", "set", "allow_insecure_http", "true").code == 2
    assert "allow_insecure_http" not in (stored(isolated_home) if config_file(isolated_home).exists() else {})
    result = run("config", "set", "allow_insecure_http", "true")
    assert result.code == 0, result.err
    assert stored(isolated_home)["allow_insecure_http"] is True
    shown = run("config", "get", "allow_insecure_http")
    assert shown.code == 0 and shown.out.strip() == "True"
    # Opted in: the refusal is gone (the request then fails to connect: .invalid never resolves).
    opted = run("--api-key", KEY, "--api-url", url, "--max-retries", "0", "metrics", "list")
    assert "clear text" not in opted.err and opted.code == 1
    assert run("config", "unset", "allow_insecure_http").code == 0
    assert run("--api-key", KEY, "--api-url", url, "metrics", "list").code == 2
