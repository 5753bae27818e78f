"""A real Secret Service for the tests, on a PRIVATE D-Bus session (a pytest plugin).

At the start of the test session (autouse, session scope) this plugin starts its own
``dbus-daemon`` (a minimal session config: no service activation, a socket in a temp
folder) and ``gnome-keyring-daemon --unlock --components=secrets`` on it, with its data in
a temp folder, and points ``DBUS_SESSION_BUS_ADDRESS`` at it for the whole test process.
So every keyring call made by any test (even ``Credentials()`` with the default backend on
Linux) lands in a throw-away keyring: your own keyring is never touched, and the tests run
the same on a desktop, in a bare container, and in CI (where ``.ci/run`` already wraps the
suite in ``dbus-run-session``: this plugin still starts its own bus).

Fixtures:

* ``secret_service`` (session): the running :class:`SecretServiceBus`. Skips the test when
  ``dbus-daemon``/``gnome-keyring-daemon`` are missing or do not start, unless
  ``WOLKVOX_REQUIRE_KEYRING=1`` (CI), where that is a failure.
* ``secret_service_backend`` (function): ``keyring.backends.SecretService.Keyring()`` on
  the private bus; pass it as ``Credentials(backend=...)``. Items saved by the test under
  the ``wolkvox-desktop`` service are deleted afterwards.

Both daemons are ended at the end of the session, by their own pids.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REQUIRE_ENV = "WOLKVOX_REQUIRE_KEYRING"
KEYRING_PASSWORD = "wolkvox-tests-keyring"  # a throw-away keyring's password, not a secret
DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default"
START_TIMEOUT = 15.0

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class SecretServiceUnavailable(RuntimeError):
    """The private Secret Service could not be started; ``str()`` says why."""


@dataclass
class SecretServiceBus:
    """A private D-Bus session with an unlocked gnome-keyring on it."""

    address: str
    folder: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def stop(self) -> None:
        atexit.unregister(self.stop)
        for proc in reversed(self.processes):  # keyring first, then the bus
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=5)
            for stream in (proc.stdin, proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()
        self.processes.clear()
        shutil.rmtree(self.folder, ignore_errors=True)

    def default_collection_locked(self) -> bool:
        import secretstorage

        with closing(secretstorage.dbus_init()) as conn:
            return bool(secretstorage.Collection(conn, DEFAULT_COLLECTION).is_locked())

    def lock_default_collection(self) -> None:
        import secretstorage

        with closing(secretstorage.dbus_init()) as conn:
            secretstorage.Collection(conn, DEFAULT_COLLECTION).lock()


def _die_with_the_tests() -> None:  # pragma: no cover - runs in the child, before exec
    """Linux: the daemon gets SIGTERM when the test process dies, even by SIGKILL or a
    timeout, so no daemon outlives an interrupted test run."""
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


_PREEXEC = _die_with_the_tests if sys.platform.startswith("linux") else None


def _missing_programs() -> list[str]:
    return [p for p in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(p) is None]


def _wait_unlocked(address: str, keyring_proc: subprocess.Popen[bytes]) -> None:
    """Poll the private bus until the keyring's default collection exists and is unlocked."""
    import secretstorage
    from secretstorage.exceptions import SecretStorageException

    previous = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    try:
        deadline = time.monotonic() + START_TIMEOUT
        last_error = "no answer"
        while time.monotonic() < deadline:
            if keyring_proc.poll() is not None:
                err = keyring_proc.stderr.read().decode(errors="replace") if (
                    keyring_proc.stderr
                ) else ""
                raise SecretServiceUnavailable(
                    f"gnome-keyring-daemon exited with code {keyring_proc.returncode}: "
                    f"{err.strip()[:300]}"
                )
            try:
                with closing(secretstorage.dbus_init()) as conn:
                    if secretstorage.check_service_availability(conn):
                        collection = secretstorage.Collection(conn, DEFAULT_COLLECTION)
                        if not collection.is_locked():
                            return
                        last_error = "the login keyring is still locked"
            except (SecretStorageException, OSError) as exc:
                last_error = f"{type(exc).__name__}: {exc}"
            time.sleep(0.05)
        raise SecretServiceUnavailable(
            f"the private Secret Service did not come up in {START_TIMEOUT:.0f} s "
            f"({last_error})"
        )
    finally:
        if previous is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = previous


def start_secret_service() -> SecretServiceBus:
    """Start a private bus and an unlocked gnome-keyring on it (raise if impossible)."""
    missing = _missing_programs()
    if missing:
        raise SecretServiceUnavailable(
            f"{' and '.join(missing)} not found (Debian: apt-get install dbus gnome-keyring)"
        )
    # Unix socket paths are limited to ~100 bytes: keep the folder short, under /tmp.
    folder = Path(tempfile.mkdtemp(prefix="wvx-bus-"))
    folder.chmod(0o700)
    socket = folder / "bus"
    config = folder / "session.conf"
    config.write_text(_BUS_CONFIG.format(socket=socket), encoding="utf-8")
    runtime = folder / "run"
    runtime.mkdir(mode=0o700)
    bus = SecretServiceBus(address="", folder=folder)
    try:
        dbus = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=_PREEXEC,
        )
        bus.processes.append(dbus)
        assert dbus.stdout is not None
        address = dbus.stdout.readline().decode().strip()
        if not address:
            err = dbus.stderr.read().decode(errors="replace") if dbus.stderr else ""
            raise SecretServiceUnavailable(f"dbus-daemon did not start: {err.strip()[:300]}")
        bus.address = address
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DBUS_SESSION_BUS_ADDRESS": address,
            "HOME": str(folder),
            "XDG_DATA_HOME": str(folder / "data"),
            "XDG_CONFIG_HOME": str(folder / "config"),
            "XDG_CACHE_HOME": str(folder / "cache"),
            "XDG_RUNTIME_DIR": str(runtime),
            "LANG": "C.UTF-8",
        }
        keyring = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            preexec_fn=_PREEXEC,
        )
        bus.processes.append(keyring)
        assert keyring.stdin is not None
        keyring.stdin.write(KEYRING_PASSWORD.encode())
        keyring.stdin.close()
        _wait_unlocked(address, keyring)
        atexit.register(bus.stop)  # also when the session ends without its teardown
        return bus
    except BaseException:
        bus.stop()
        raise


@contextmanager
def private_secret_service() -> Iterator[SecretServiceBus]:
    """A private Secret Service for the duration of a ``with`` block, with
    ``DBUS_SESSION_BUS_ADDRESS`` pointing at it (and restored afterwards)."""
    bus = start_secret_service()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
        # keyring picks the highest-priority backend class *defined so far*, and test
        # modules define stand-in backends: name the real one, for this process and for
        # the CLI and app subprocesses the tests start.
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
        try:
            yield bus
        finally:
            bus.stop()


def _unavailable(reason: str) -> None:
    message = f"no real Secret Service for the keyring tests: {reason}"
    if os.environ.get(REQUIRE_ENV, "") == "1":
        pytest.fail(f"{message} ({REQUIRE_ENV}=1)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session", autouse=True)
def _private_session_bus() -> Iterator[SecretServiceBus | str]:
    """Every test runs against the private bus (or, if it cannot start, the reason why)."""
    try:
        bus = start_secret_service()
    except SecretServiceUnavailable as exc:
        yield str(exc)
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
        # keyring picks the highest-priority backend class *defined so far*, and test
        # modules define stand-in backends: name the real one, for this process and for
        # the CLI and app subprocesses the tests start.
        mp.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.SecretService.Keyring")
        try:
            yield bus
        finally:
            bus.stop()


@pytest.fixture(scope="session")
def secret_service(_private_session_bus: SecretServiceBus | str) -> SecretServiceBus:
    """The private, unlocked Secret Service (skip, or fail in CI, when there is none)."""
    if isinstance(_private_session_bus, str):
        _unavailable(_private_session_bus)
    assert isinstance(_private_session_bus, SecretServiceBus)
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS") != _private_session_bus.address:
        pytest.fail("DBUS_SESSION_BUS_ADDRESS no longer points at the private bus")
    return _private_session_bus


@pytest.fixture
def secret_service_backend(secret_service: SecretServiceBus) -> Iterator[Any]:
    """``keyring.backends.SecretService.Keyring`` on the private bus; cleaned afterwards."""
    from keyring.backends import SecretService

    if secret_service.default_collection_locked():
        pytest.fail("a previous test left the private keyring locked")
    backend = SecretService.Keyring()
    yield backend
    import secretstorage

    with closing(secretstorage.dbus_init()) as conn:
        collection = secretstorage.Collection(conn, DEFAULT_COLLECTION)
        if collection.is_locked():
            return
        for item in list(collection.search_items({"service": "wolkvox-desktop"})):
            item.delete()
