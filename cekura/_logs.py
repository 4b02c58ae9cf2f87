"""Logging: every record goes to `logging.getLogger("cekura")`; `CEKURA_LOG` turns it on.

    CEKURA_LOG=debug   each attempt (method, path, status, time), retries, job polls
    CEKURA_LOG=info    each call's outcome, retries and job polls

Records never carry the API key: they name the method, the path (with its query) and the
status, never headers or bodies. Structured fields ride on each record as `cekura_event`
("attempt", "response", "retry", "failed", "job_poll"), `cekura_method`, `cekura_path`,
`cekura_status`, `cekura_elapsed_ms` and `cekura_attempt`.
"""

from __future__ import annotations

import os

LOGGER_NAME = "cekura"
ENV = "CEKURA_LOG"
_LEVELS = {"debug": 10, "info": 20, "warning": 30, "warn": 30, "error": 40}


def configure_from_env() -> None:
    """Send the "cekura" logger to stderr at the level CEKURA_LOG names (once per process)."""
    value = os.environ.get(ENV, "").strip().lower()
    level = _LEVELS.get(value)
    if level is None:
        return
    import logging

    logger = logging.getLogger(LOGGER_NAME)
    if not any(getattr(handler, "_cekura_env", False) for handler in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[cekura %(levelname)s %(asctime)s] %(message)s"))
        handler._cekura_env = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(level)


def logger() -> object:
    import logging

    return logging.getLogger(LOGGER_NAME)
