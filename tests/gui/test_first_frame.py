"""The window's first frame waits for nothing it does not show (issue 20).

Each case is a real ``wolkvox-desktop`` process (``gui.app.main()``) in its own app-data
folder, whose event loop is replaced by one that runs until the window is first exposed
(Qt paints a widget window while it handles the exposure), then reports what the GUI
thread had loaded by then and which page it shows. The worker thread, which reads the
store just after the first frame, is held for the whole check (its at-the-latest release
is pushed back), so what is reported is what the first frame itself waited for.

Timings are benchmarks/startup.py's business; here only *what* is loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wolkvox_desktop.core.store import Operation, Store

ROOT = Path(__file__).resolve().parents[2]

#: never before the first frame, whatever the environment
NOT_BEFORE_FIRST_FRAME = (
    # the network, the keyring and spreadsheets
    "requests", "urllib3", "truststore", "certifi", "keyring", "openpyxl",
    # the store (read on the worker thread just after), the front door, the HTTP client
    "sqlite3", "wolkvox_desktop.core.store", "wolkvox_desktop.core.operations",
    "wolkvox_desktop.core.service", "wolkvox_desktop.core.api",
    "wolkvox_desktop.core.credentials",
    # the demo's simulator (started on the worker thread) and the first log record's
    # handler module
    "wolkvox_desktop.simulator", "http.server", "logging.handlers",
    # what the window loads just after its first frame
    "wolkvox_desktop.gui.window.window_calls", "wolkvox_desktop.gui.bulk",
    "wolkvox_desktop.gui.history", "wolkvox_desktop.gui.plans",  # with the tray
    "wolkvox_desktop.gui.settings",
)

CHILD = r"""
import json, sys
from PySide6.QtWidgets import QApplication
from wolkvox_desktop.gui import app as appmod

appmod.FirstFrameWorkerHandle.RELEASE_AT_LATEST_MS = 60_000  # held for the whole check
NOT_BEFORE = tuple(sys.argv.pop(1).split(","))

def exec_until_first_frame(qapp):
    window = next(w for w in qapp.topLevelWidgets() if w.objectName() == "mainWindow")
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        qapp.processEvents()
    report = {
        "loaded": sorted(m for m in sys.modules
                         if any(m == n or m.startswith(n + ".") for n in NOT_BEFORE)),
        "page": "campaigns" if window.pages.currentWidget() is window.campaignPage
                else "welcome",
        "buttons": window.startButton.isVisible() and window.refreshButton.isVisible(),
        "list": window.campaignTable.isVisible(),
        "worker_started": window.handle.worker.operations is not None,
        "test_server_badge": window.testServerBadge.isVisible(),
        "demo_badge": window.demoBadge.isVisible(),
    }
    print("REPORT " + json.dumps(report), flush=True)
    return 0

QApplication.exec = exec_until_first_frame
sys.exit(appmod.main(sys.argv[1:]))
"""


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An app-data folder with one saved operation, last used in a window closed the
    normal way (the window opens on its campaign page, as a supervisor's does)."""
    folder = tmp_path / "home"
    folder.mkdir()
    with Store(folder / "wolkvox-desktop.sqlite3") as store:
        store.upsert_operation(Operation(server="0032", label="Bogotá norte", licenses=3))
    (folder / "settings.ini").write_text("[ui]\nlast_server=0032\n", encoding="utf-8")
    return folder


def first_frame(home: Path, args: list[str], env: dict[str, str]) -> dict[str, object]:
    child_env = {k: v for k, v in os.environ.items()
                 if k not in ("WOLKVOX_TOKEN", "WOLKVOX_API_BASE")}
    child_env.update(QT_QPA_PLATFORM="offscreen", WOLKVOX_DESKTOP_HOME=str(home), **env)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, ",".join(NOT_BEFORE_FIRST_FRAME), *args], cwd=ROOT,
        env=child_env, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert done.returncode == 0 and lines, (
        f"the window did not start (exit {done.returncode}):\n{done.stderr[-3000:]}"
    )
    return json.loads(lines[0][len("REPORT "):])  # type: ignore[no-any-return]


CASES = {
    "saved operation": ([], {}),
    "token in the environment, --server": (
        ["--server", "0032"], {"WOLKVOX_TOKEN": "first-frame-token-not-real"}),
    "test server": ([], {"WOLKVOX_API_BASE": "http://127.0.0.1:9",
                         "WOLKVOX_TOKEN": "first-frame-token-not-real"}),
    "demo": (["--demo"], {}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_first_frame_shows_the_real_layout_and_loads_nothing_it_does_not_show(
    home: Path, case: str
) -> None:
    args, env = CASES[case]
    report = first_frame(home, args, env)

    assert report["loaded"] == [], (
        f"{case}: loaded before the first frame, which does not show them: "
        f"{', '.join(report['loaded'])}. Import them where used, or after the first frame "
        "(see DEVELOPERS.md, \"What keeps the first frame quick\")."
    )
    assert not report["worker_started"]  # the check saw the GUI thread's first frame alone
    # the real layout: the campaign page with its operation, list and buttons, not a
    # placeholder nor the welcome page flashing before the list
    assert report["page"] == "campaigns"
    assert report["buttons"] and report["list"]
    assert report["test_server_badge"] == (case == "test server")
    assert report["demo_badge"] == (case == "demo")


def test_a_first_start_shows_the_welcome_page_first(tmp_path: Path) -> None:
    """No operation was ever used: the welcome page is the real layout."""
    report = first_frame(tmp_path, [], {})
    assert report["page"] == "welcome"
    assert report["loaded"] == []
