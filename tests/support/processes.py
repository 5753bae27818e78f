"""Helpers for tests that run real ``wolkvox`` processes and wait on real servers."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable

from tests.support.sim_fixtures import DEMO_TOKEN


def wait_for(predicate: Callable[[], object], what: str = "the condition",
             seconds: float = 30.0) -> None:
    """Poll ``predicate`` until it is true; fail after ``seconds`` naming ``what``."""
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def finish(proc: subprocess.Popen[str], *, seconds: float = 90.0) -> tuple[int, str, str]:
    """``(exit code, stdout, stderr)`` of a ``wolkvox`` process, which must end in words
    (no traceback) and never show the token."""
    out, err = proc.communicate(timeout=seconds)
    assert "Traceback" not in err
    assert DEMO_TOKEN not in out + err
    return proc.returncode, out, err
