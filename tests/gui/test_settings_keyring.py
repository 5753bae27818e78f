"""The keyring line says in words where a token will be kept (issue 10, point 9): a human
name per platform from the backend's module, never a backend class name or a ``repr``.
Real backends wherever the test machine has them: a Secret Service on a private bus (also
locked, also unreachable), keyring's ``fail`` backend, and the demo window."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends import SecretService, Windows, chainer, fail, kwallet, libsecret, macOS

from tests.gui.test_settings_dialog import SECRET, all_visible_text, label, make_dialog
from wolkvox_desktop.core.credentials import BackendStatus, Credentials, TokenSource
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui.settings.settings_jobs import DEMO_KEYRING_NAME

# The offscreen platform says this whenever a dialog is shown; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
__all__ = ["make_dialog"]  # the fixture, shared with test_settings_dialog

IN_THE_STORE = "Your token is kept in this computer's password store ({place})."
NONE_FOUND = "No system keyring was found: the token is kept for this session only."
LOCKED = (
    "The system keyring is locked: unlock it (log in again, or open your system's passwords "
    "app) and try again. Until then, a token you enter is kept for this session only."
)
UNREACHABLE = (
    "The system keyring cannot be reached right now: a token you enter is kept for this "
    "session only."
)
DEMO = "Demo mode: tokens are kept in memory for this session only."


def keyring_line(make_dialog, status: BackendStatus, source=TokenSource.KEYRING):
    """The dialog as the worker's answer leaves it; never a class name, repr or detail."""
    d = make_dialog([Operation("0032", "Norte")], "0032", {"0032": source}, backend=None)
    d.set_backend_status(status)
    shown = all_visible_text(d)
    for leak in (status.name, "Keyring(", "BackendStatus", "keyring.backends", "<"):
        assert leak not in shown, leak
    if status.detail:
        assert status.detail not in shown  # an English detail that names classes
    line = label(d, "backendLabel")
    assert line.isVisible()
    return d, line


@pytest.mark.keyring
def test_the_real_secret_service_is_named_in_words(make_dialog, secret_service_backend):
    status = Credentials(backend=secret_service_backend, use_env=False).status()
    assert status.usable and status.name == "SecretService Keyring"
    d, line = keyring_line(make_dialog, status)
    assert line.text() == IN_THE_STORE.format(place="Secret Service / GNOME Keyring")
    assert line.property("kind") == "info"
    assert label(d, "tokenStatusLabel").text() == (
        "A token is saved in Secret Service / GNOME Keyring."
    )


def test_keyrings_fail_backend_says_none_was_found(make_dialog):
    status = Credentials(backend=fail.Keyring(), use_env=False).status()
    assert not status.usable and status.name == "fail Keyring"
    _d, line = keyring_line(make_dialog, status, TokenSource.NONE)
    assert line.text() == "⚠ " + NONE_FOUND
    assert line.property("kind") == "warning"


@pytest.mark.keyring
def test_a_locked_keyring_says_how_to_unlock_it(make_dialog, secret_service):
    from tests.support.keyring_bus import private_secret_service

    with private_secret_service() as bus:
        creds = Credentials(backend=SecretService.Keyring(), use_env=False)
        creds.save("0032", SECRET)
        bus.lock_default_collection()
        status = creds.status()
        assert status.transient and not status.usable
        d, line = keyring_line(make_dialog, status)
    assert line.text() == "⚠ " + LOCKED
    assert line.property("kind") == "warning"
    assert SECRET not in all_visible_text(d)


def test_an_unreachable_secret_service_says_so(
    make_dialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus-here")
    status = Credentials(backend=SecretService.Keyring(), use_env=False).status()
    assert status.transient and not status.usable
    _d, line = keyring_line(make_dialog, status)
    assert line.text() == "⚠ " + UNREACHABLE


def test_demo_mode_says_tokens_stay_in_memory(make_dialog):
    _d, line = keyring_line(
        make_dialog, BackendStatus(True, DEMO_KEYRING_NAME, ""), TokenSource.SESSION
    )
    assert line.text() == DEMO
    assert line.property("kind") == "info"


@pytest.mark.parametrize(
    ("backend", "place"),
    [
        (Windows.WinVaultKeyring, "Windows Credential Manager"),
        (macOS.Keyring, "macOS Keychain"),
        (kwallet.DBusKeyring, "KWallet"),
        (SecretService.Keyring, "Secret Service / GNOME Keyring"),
        (libsecret.Keyring, "Secret Service / GNOME Keyring"),
    ],
)
def test_each_platforms_store_has_its_human_name(make_dialog, backend, place):
    status = BackendStatus(True, backend.name, "")  # as core reports a usable backend
    _d, line = keyring_line(make_dialog, status)
    assert line.text() == IN_THE_STORE.format(place=place)


def test_a_chain_names_the_store_it_saves_in_first(make_dialog):
    name = f"{kwallet.DBusKeyring.name} + {SecretService.Keyring.name}"
    _d, line = keyring_line(make_dialog, BackendStatus(True, name, ""))
    assert line.text() == IN_THE_STORE.format(place="KWallet")


def test_a_store_we_do_not_know_is_not_named(make_dialog):
    status = BackendStatus(True, f"thirdparty {chainer.ChainerBackend.__name__}", "")
    _d, line = keyring_line(make_dialog, status)
    assert line.text() == "Your token is kept in this computer's password store."
