"""The test plugin itself: the private Secret Service is private, and missing daemons
skip the keyring tests (or fail them in CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support import keyring_bus
from tests.support.keyring_bus import (
    REQUIRE_ENV,
    SecretServiceBus,
    SecretServiceUnavailable,
    start_secret_service,
)


@pytest.mark.keyring
def test_the_bus_is_our_own(secret_service: SecretServiceBus) -> None:
    address = os.environ["DBUS_SESSION_BUS_ADDRESS"]
    assert address == secret_service.address
    assert address.startswith(f"unix:path={secret_service.folder}/")
    # the keyring files live in the throw-away folder, not in the user's home
    assert (secret_service.folder / "data" / "keyrings").is_dir()
    assert all(p.poll() is None for p in secret_service.processes)
    assert secret_service.default_collection_locked() is False


def test_missing_daemons_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing to run here
    with pytest.raises(SecretServiceUnavailable, match="dbus-daemon and gnome-keyring-daemon"):
        start_secret_service()


def test_unavailable_skips_locally_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="no real Secret Service"):
        keyring_bus._unavailable("gnome-keyring-daemon not found")
    monkeypatch.setenv(REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match=f"{REQUIRE_ENV}=1"):
        keyring_bus._unavailable("gnome-keyring-daemon not found")
