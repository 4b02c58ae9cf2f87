"""Re-record the SDK test cassettes (`make record`).

    make record                                    # against a sandbox served on a loopback port
    CEKURA_API_URL=https://api.cekura.ai CEKURA_API_KEY=... make record   # against the real API

Cassettes live in tests/sdk/cassettes/; the API key header is filtered out of every one
(and this script checks that no key value landed in them).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "tests" / "sdk" / "cassettes"
RECORDED_TESTS = ["tests/sdk/test_snippets.py", "tests/sdk/test_lifecycle.py"]


def main() -> int:
    env = dict(os.environ, CEKURA_RECORD="1")
    for old in CASSETTES.glob("*.yaml"):
        old.unlink()
    CASSETTES.mkdir(parents=True, exist_ok=True)
    code = subprocess.call([sys.executable, "-m", "pytest", "-q", *RECORDED_TESTS], cwd=ROOT, env=env)
    if code != 0:
        return code
    key = os.environ.get("CEKURA_API_KEY")
    for cassette in CASSETTES.glob("*.yaml"):
        text = cassette.read_text()
        if "x-cekura-api-key" in text.lower() or (key and key in text):
            print(f"{cassette}: an API key was recorded; refusing to keep it", file=sys.stderr)
            cassette.unlink()
            return 1
    print(f"recorded {len(list(CASSETTES.glob('*.yaml')))} cassettes in {CASSETTES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
