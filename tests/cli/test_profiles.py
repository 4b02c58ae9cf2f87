"""Profiles: [profiles.NAME] sections of ~/.cekura/config.toml, chosen by --profile or CEKURA_PROFILE."""

from __future__ import annotations

import tomllib

import pytest

PROD = "ck_live_prodprodprod0001"
STAGING = "ck_test_stagingstaging02"


def stored(home) -> dict:
    return tomllib.loads((home / ".cekura" / "config.toml").read_text())


@pytest.fixture
def staging():
    from cekura.sandbox import start_background

    with start_background(allowed_keys=[STAGING]) as running:
        yield running.url


def test_config_set_and_login_write_the_profile_section(run, isolated_home, staging):
    assert run("auth", "login", "--api-key", PROD).code == 0
    assert run("config", "set", "--profile", "staging", "api_url", staging).code == 0
    result = run("auth", "login", "--profile", "staging", "--api-key", STAGING)
    assert result.code == 0 and "(profile staging)" in result.out
    assert stored(isolated_home) == {"api_key": PROD, "profiles": {"staging": {"api_url": staging, "api_key": STAGING}}}


def test_the_profile_is_used_by_flag_or_environment(run, isolated_home, staging, monkeypatch):
    run("auth", "login", "--api-key", PROD)
    run("config", "set", "--profile", "staging", "api_url", staging)
    run("auth", "login", "--profile", "staging", "--api-key", STAGING)
    by_flag = run("--profile", "staging", "metrics", "get", "55", "--format", "json")
    assert by_flag.code == 0, by_flag.err  # the served sandbox accepts only the staging key
    monkeypatch.setenv("CEKURA_PROFILE", "staging")
    assert run("metrics", "get", "55", "--format", "json").json["id"] == 55
    status = run("auth", "status", "--format", "json").json
    assert status["profile"] == "staging" and status["api_key_source"] == "config file, profile staging"
    assert status["api_url"] == staging


def test_config_get_shows_the_profile_and_each_source(run, isolated_home, staging, monkeypatch):
    run("config", "set", "--profile", "staging", "api_url", staging)
    run("config", "set", "--profile", "staging", "default_project_id", "7")
    monkeypatch.setenv("CEKURA_PROJECT_ID", "9")  # precedence unchanged: the environment beats the file
    table = run("--profile", "staging", "config", "get", "--format", "table")
    assert "profile staging (from argument (--profile))" in table.out
    assert "config file, profile staging" in table.out and "environment (CEKURA_PROJECT_ID)" in table.out
    data = run("--profile", "staging", "config", "get", "--format", "json").json
    assert data["profile"] == "staging" and data["default_project_id"] == 9
    assert data["sources"]["api_url"] == "config file, profile staging"


def test_an_unknown_profile_is_a_usage_error(run, isolated_home, requests_sent):
    run("config", "set", "--profile", "staging", "default_project_id", "7")
    result = run("--profile", "prod", "metrics", "get", "55")
    assert result.code == 2 and requests_sent == []
    assert "no profile 'prod'" in result.err and "staging" in result.err


def test_unset_and_logout_in_a_profile(run, isolated_home):
    run("auth", "login", "--api-key", PROD)
    run("auth", "login", "--profile", "ci", "--api-key", STAGING)
    assert run("auth", "logout", "--profile", "ci").code == 0
    assert stored(isolated_home) == {"api_key": PROD}  # the emptied profile is gone, the top level kept
