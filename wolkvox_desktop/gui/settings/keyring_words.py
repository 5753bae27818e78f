"""Where a token will be kept, in words a supervisor understands.

The worker reports a :class:`~wolkvox_desktop.core.credentials.BackendStatus`; its
``name`` is the keyring library's backend name (``"SecretService Keyring"``,
``"Windows WinVaultKeyring"``, ``"fail Keyring"``), whose first word is the backend's
module. That word picks the store's human name; no class name or ``repr`` is ever shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wolkvox_desktop.core.credentials import BackendStatus
from wolkvox_desktop.gui.settings.settings_jobs import DEMO_KEYRING_NAME
from wolkvox_desktop.gui.settings.widgets import INFO, WARNING

# named _translate: lupdate reads it as QCoreApplication.translate (see tools/); the whole
# Settings package keeps the one context "SettingsDialog".
_translate = QCoreApplication.translate


def storage_place(status: BackendStatus | None) -> str | None:
    """The human name of the password store behind ``status`` (None: not one we know).

    A chain of backends (``"SecretService Keyring + kwallet DBusKeyring"``) saves in the
    first that works: that one is named."""
    if status is None or is_demo(status):
        return None
    module = status.name.split(" + ", 1)[0].split(" ", 1)[0].lower()
    if module in ("secretservice", "libsecret"):
        return _translate("SettingsDialog", "Secret Service / GNOME Keyring")
    if module == "kwallet":
        return "KWallet"
    if module == "windows":
        return _translate("SettingsDialog", "Windows Credential Manager")
    if module == "macos":
        return _translate("SettingsDialog", "macOS Keychain")
    return None


def is_demo(status: BackendStatus | None) -> bool:
    return status is not None and status.name == DEMO_KEYRING_NAME


def saved_in(status: BackendStatus | None) -> str:
    """ "the Windows Credential Manager" style words for a sentence's ``{backend}``."""
    return storage_place(status) or _translate("SettingsDialog", "the system keyring")


def storage_sentence(status: BackendStatus | None) -> tuple[str, str]:
    """The keyring line: (kind for :func:`~.widgets.show_message`, sentence)."""
    if status is None:
        return INFO, _translate("SettingsDialog", "Token storage: checking…")
    if is_demo(status):
        return INFO, _translate(
            "SettingsDialog", "Demo mode: tokens are kept in memory for this session only."
        )
    place = storage_place(status)
    if status.usable:
        if place is None:
            return INFO, _translate(
                "SettingsDialog", "Your token is kept in this computer's password store."
            )
        return INFO, _translate(
            "SettingsDialog", "Your token is kept in this computer's password store ({place})."
        ).format(place=place)
    if status.transient and "locked" in status.detail.lower():
        return WARNING, _translate(
            "SettingsDialog",
            "The system keyring is locked: unlock it (log in again, or open your system's "
            "passwords app) and try again. Until then, a token you enter is kept for this "
            "session only.",
        )
    if status.transient:
        return WARNING, _translate(
            "SettingsDialog",
            "The system keyring cannot be reached right now: a token you enter is kept for "
            "this session only.",
        )
    return WARNING, _translate(
        "SettingsDialog", "No system keyring was found: the token is kept for this session only."
    )
