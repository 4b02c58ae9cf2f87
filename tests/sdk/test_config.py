"""Settings resolve as argument > environment > ~/.cekura/config.toml > default (FACTS.md)."""

from __future__ import annotations

import stat

import pytest

from cekura import Cekura, ConfigurationError
from cekura._config import config_path, write_config_file


@pytest.fixture
def home(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("CEKURA_API_KEY", "CEKURA_API_URL", "CEKURA_PROJECT_ID", "CEKURA_ORGANIZATION_ID"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_default_url_and_no_key_is_an_error(home):
    with pytest.raises(ConfigurationError, match="cekura auth login"):
        Cekura()
    assert Cekura(api_key="k").api_url == "https://api.cekura.ai"


@pytest.mark.parametrize("setting", ["api_key", "api_url", "project_id"])
def test_each_setting_resolves_by_precedence(home, monkeypatch, setting):
    file_key = {"api_key": "api_key", "api_url": "api_url", "project_id": "default_project_id"}[setting]
    env = {"api_key": "CEKURA_API_KEY", "api_url": "CEKURA_API_URL", "project_id": "CEKURA_PROJECT_ID"}[setting]
    values = {
        "api_key": ("key-arg", "key-env", "key-file"),
        "api_url": ("https://arg.example", "https://env.example", "https://file.example"),
        "project_id": (1, 2, 3),
    }[setting]
    base = {"api_key": "k"} if setting != "api_key" else {}

    def resolved(**kw):
        client = Cekura(**base, **kw)
        return {"api_key": client._settings.api_key, "api_url": client.api_url, "project_id": client.project_id}[setting]

    write_config_file({file_key: values[2]})
    assert resolved() == values[2]
    monkeypatch.setenv(env, str(values[1]))
    assert resolved() == values[1]
    assert resolved(**{setting: values[0]}) == values[0]


def test_config_file_is_private(home):
    write_config_file({"api_key": "secret-key-123456"})
    assert stat.S_IMODE(config_path().stat().st_mode) == 0o600
    assert stat.S_IMODE(config_path().parent.stat().st_mode) == 0o700


def test_the_default_project_fills_in_project_on_create(home, monkeypatch):
    monkeypatch.setenv("CEKURA_PROJECT_ID", "1")
    sent = []
    with Cekura(api_url="sandbox://memory") as client:
        original = client._send

        def spy(request):
            sent.append(request)
            return original(request)

        client._send = spy
        metric = client.metrics.create(name="Greets caller", prompt="Did the agent greet?")
    assert metric["project"] == 1 and metric["eval_type"] == "binary"
    assert b'"project":1' in sent[0].content


def test_bad_project_or_url_settings_are_configuration_errors(home, monkeypatch):
    monkeypatch.setenv("CEKURA_PROJECT_ID", "abc")
    with pytest.raises(ConfigurationError, match="default_project_id"):
        Cekura(api_key="k")
    monkeypatch.delenv("CEKURA_PROJECT_ID")
    with pytest.raises(ConfigurationError, match="api_url"):
        Cekura(api_key="k", api_url="ftp://example.com")
