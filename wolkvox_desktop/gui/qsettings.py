"""The app's one settings file (window geometry, language, UI choices). Never a secret.

Everything that is not the store (SQLite) or the keyring lives in ``settings.ini`` in the
app-data folder, so ``WOLKVOX_DESKTOP_HOME`` isolates it like everything else (tests,
portable use). Use :func:`app_settings` everywhere instead of ``QSettings()`` so that no
part of the app ends up in the registry / ``~/.config`` by accident.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from wolkvox_desktop.core.paths import app_data_dir

SETTINGS_FILE_NAME = "settings.ini"


def settings_path() -> Path:
    return app_data_dir() / SETTINGS_FILE_NAME


def app_settings() -> QSettings:
    """A ``QSettings`` on ``<app data>/settings.ini`` (INI format on every platform)."""
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)
