"""Compile openapi/cekura-metrics.yaml into the low-level client in generated/.

    python scripts/generate.py            # rewrite generated/, cekura/types/ and docs/reference.md
    python scripts/generate.py --check    # regenerate into a temp folder, fail on any difference

The output is deterministic: the generator and ruff (its formatting post-hook) are pinned in
pyproject.toml, and this script runs them with a fixed environment. Besides generated/, it
emits the response/request TypedDicts (cekura/types/__init__.py, scripts/typesgen.py) and
the method reference (docs/reference.md, scripts/refgen.py, from the SDK's signatures).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "cekura-metrics.yaml"
CONFIG = ROOT / "openapi" / "generator-config.yaml"
TEMPLATES = ROOT / "openapi" / "templates"  # our overrides of the generator's templates
TARGET = ROOT / "generated"
TYPES = ROOT / "cekura" / "types" / "__init__.py"
REFERENCE = ROOT / "docs" / "reference.md"


def _script(name: str) -> Any:
    """A sibling script as a module (this file is also loaded by path, from the tests)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"_cekura_{name}", Path(__file__).resolve().parent / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def emitted(spec: Path = SPEC, *, write: bool = False) -> dict[Path, str]:
    """The files emitted beside generated/, by path: the TypedDicts, then the reference.

    The reference is read from the SDK's signatures, which name the types: with `write`, the
    types are written first so that the reference sees the fresh ones.
    """
    types_text = _script("typesgen").emit(spec)
    if write:
        TYPES.parent.mkdir(parents=True, exist_ok=True)
        TYPES.write_text(types_text)
    return {TYPES: types_text, REFERENCE: _script("refgen").emit(spec, types_text)}


def generate(into: Path, spec: Path = SPEC) -> None:
    """Run openapi-python-client on `spec` so that `into` holds exactly the generated package."""
    env = dict(os.environ)
    # The generator's post-hooks call `ruff`: take the one installed beside this interpreter.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.pop("RUFF_CACHE_DIR", None)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pkg"
        cmd = [
            sys.executable, "-m", "openapi_python_client", "generate",
            "--path", str(spec), "--config", str(CONFIG), "--custom-template-path", str(TEMPLATES),
            "--meta", "none", "--output-path", str(out), "--overwrite", "--fail-on-warning",
        ]
        proc = subprocess.run(cmd, env=env, cwd=tmp, capture_output=True, text=True)
        if proc.returncode != 0 or not out.is_dir():
            sys.stderr.write(proc.stdout + proc.stderr)
            raise SystemExit(f"openapi-python-client failed (exit {proc.returncode})")
        for cache in out.rglob("__pycache__"):
            shutil.rmtree(cache)
        if into.exists():
            shutil.rmtree(into)
        shutil.copytree(out, into)


def differences(a: Path, b: Path) -> list[str]:
    """Every path that differs between two trees, byte for byte."""
    out: list[str] = []
    cmp = filecmp.dircmp(a, b, ignore=["__pycache__"])

    def walk(c: filecmp.dircmp, prefix: str) -> None:
        out.extend(f"only in {c.left}: {prefix}{n}" for n in c.left_only)
        out.extend(f"only in {c.right}: {prefix}{n}" for n in c.right_only)
        for name in c.common_files:
            if (Path(c.left) / name).read_bytes() != (Path(c.right) / name).read_bytes():
                out.append(f"differs: {prefix}{name}")
        for name, sub in sorted(c.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(cmp, "")
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if generated/ is not what the spec compiles to")
    args = parser.parse_args(argv)
    if not args.check:
        generate(TARGET)
        print(f"generated {TARGET.relative_to(ROOT)}/ from {SPEC.relative_to(ROOT)}")
        for path, text in emitted(write=True).items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            print(f"emitted {path.relative_to(ROOT)}")
        return 0
    stale = [p for p, text in emitted().items() if not p.is_file() or p.read_text() != text]
    if stale:
        print("emitted files are stale (run `make generate` and commit):", file=sys.stderr)
        for path in stale:
            print("  " + str(path.relative_to(ROOT)), file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "generated"
        generate(fresh)
        if not TARGET.is_dir():
            print("generated/ is missing: run `make generate`", file=sys.stderr)
            return 1
        diff = differences(fresh, TARGET)
        if diff:
            print("generated/ does not match the spec (run `make generate` and commit):", file=sys.stderr)
            for line in diff:
                print("  " + line, file=sys.stderr)
            return 1
    print("generated/, cekura/types/ and docs/reference.md match openapi/cekura-metrics.yaml and the SDK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
