"""Suite-wide setup: every sandbox the project's own tests start is strict.

Strict sandboxes refuse what our client must never send (a path without its trailing slash,
a form-encoded or multipart body), so a regression in the SDK or CLI fails a test instead of
being quietly answered. Tests of the lenient, upstream-like behaviour pass ``strict=False``.
Servers started in subprocesses inherit the variable.
"""

import os

os.environ.setdefault("CEKURA_SANDBOX_STRICT", "1")

pytest_plugins = ["pytester"]  # tests of the cekura pytest plugin run pytest inside pytest
