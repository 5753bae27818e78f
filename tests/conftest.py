"""Shared test configuration: every test gets its own app-data folder and a clean env.

Real parts only: the simulator is a real HTTP server on loopback, the store a real SQLite
file, the keyring a real Secret Service on a private D-Bus session (tests/support/keyring_bus.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = [
    "tests.support.sim_fixtures", "tests.support.keyring_bus", "tests.support.os_schedule",
]

_ISOLATED_ENV = ("WOLKVOX_TOKEN", "WOLKVOX_API_BASE")


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh WOLKVOX_DESKTOP_HOME for every test; no token or API base leaks in."""
    home = tmp_path / "app-home"
    home.mkdir()
    monkeypatch.setenv("WOLKVOX_DESKTOP_HOME", str(home))
    # the token slots (core/token_slots.py) live in this data folder too: no variable pins
    # them apart (one would hide what differs between the window's and cron's environments)
    for name in _ISOLATED_ENV:
        monkeypatch.delenv(name, raising=False)
    yield home
