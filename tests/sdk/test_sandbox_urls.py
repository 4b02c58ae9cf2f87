"""sandbox:// URLs: one meaning each; ambiguous forms and missing folders are refused up front."""

from __future__ import annotations

import pytest

from cekura import Cekura, ConfigurationError
from cekura._config import sandbox_db


def test_the_documented_forms(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    assert sandbox_db("sandbox://") is None  # the default file, ~/.cekura/sandbox.db
    assert sandbox_db("sandbox:") is None
    assert sandbox_db("sandbox://memory") == ":memory:"
    assert sandbox_db(f"sandbox://{tmp_path}/x.db") == f"{tmp_path}/x.db"  # sandbox:///abs/path
    assert sandbox_db("sandbox:data/x.db") == "data/x.db"  # relative to the current directory
    assert sandbox_db("sandbox:./x.db") == "./x.db"


@pytest.mark.parametrize("url", ["sandbox://tmp/x.db", "sandbox://x.db", "sandbox://data/x.db"])
def test_two_slashes_and_a_path_is_refused_with_both_spellings(url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigurationError) as info:
        Cekura(api_url=url)
    rest = url[len("sandbox://") :]
    assert f"sandbox:///{rest}" in str(info.value) and f"sandbox:{rest}" in str(info.value)
    assert not (tmp_path / "tmp").exists() and not (tmp_path / "data").exists()


def test_a_missing_folder_is_refused_not_created(tmp_path):
    with pytest.raises(ConfigurationError, match="does not exist"):
        Cekura(api_url=f"sandbox://{tmp_path}/no/such/dir/x.db")
    assert not (tmp_path / "no").exists()
