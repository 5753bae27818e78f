"""Where the app keeps its data and finds its bundled resources.

``WOLKVOX_DESKTOP_HOME`` overrides the whole app-data location (tests, portable use).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from wolkvox_desktop import APP_ID

HOME_ENV = "WOLKVOX_DESKTOP_HOME"


def app_data_dir() -> Path:
    """The folder holding the SQLite store, the log files and the settings file."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        path = Path(override).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=True))
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_path() -> Path:
    return app_data_dir() / "wolkvox-desktop.sqlite3"


def log_dir() -> Path:
    path = app_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """``resources/`` from a checkout, or the copy PyInstaller bundled."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"  # <checkout>/resources
