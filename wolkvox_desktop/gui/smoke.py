"""``wolkvox-desktop --smoke-test`` (packaging): builds and shows the window, runs one start
against the in-process demo simulator, prints ONE JSON line and exits 0 only if everything
worked. A watchdog ends the process within ``SMOKE_TIMEOUT_S`` whatever hangs."""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication

from wolkvox_desktop.core import paths

if TYPE_CHECKING:
    from wolkvox_desktop.gui.window.main_window import MainWindow

log = logging.getLogger(__name__)

SMOKE_TIMEOUT_S = 18.0
# an X server maps and exposes a new window asynchronously (offscreen: at once)
EXPOSE_WAIT_S = 5.0


def _keyring_backend() -> tuple[str, bool | None]:
    """The keyring backend's display name (e.g. "SecretService Keyring"), with a bound."""
    answer: dict[str, Any] = {"name": "unknown (timed out)", "usable": None}

    def probe() -> None:
        try:
            import keyring

            backend = keyring.get_keyring()
            answer["name"] = str(getattr(backend, "name", type(backend).__name__))
            priority = getattr(type(backend), "priority", 1)
            answer["usable"] = bool(priority and float(priority) > 0)
        except Exception as exc:  # noqa: BLE001 - reported, not raised
            answer["name"] = f"unavailable ({type(exc).__name__})"
            answer["usable"] = False

    t = threading.Thread(target=probe, name="keyring-probe", daemon=True)
    t.start()
    t.join(5.0)
    return answer["name"], answer["usable"]


def emit_json(payload: dict[str, Any]) -> None:
    import json

    line = json.dumps(payload, sort_keys=False)
    stream = sys.stdout
    if stream is not None:
        stream.write(line + "\n")
        stream.flush()
    else:  # a windowed build without a console: leave it next to the log
        try:
            (paths.log_dir() / "smoke-test.json").write_text(line + "\n", encoding="utf-8")
        except OSError:
            pass
    log.info("smoke test: %s", line)


def _wait_until_exposed(app: QApplication, window: MainWindow) -> bool:
    """Process events until the window is on the screen (at most :data:`EXPOSE_WAIT_S`):
    on X11 the server exposes it some time after ``show()``."""
    deadline = time.monotonic() + EXPOSE_WAIT_S
    while True:
        app.processEvents()
        handle = window.windowHandle()
        if handle is not None and handle.isExposed():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.01)


def run_smoke_test(app: QApplication, window: MainWindow, t0: float) -> int:
    """Show the window, start the first demo campaign by clicking Start, report as JSON.
    ``t0``: the process's time zero (``time.perf_counter()`` as early as start-up allows)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from wolkvox_desktop.gui.demo import DEMO_SERVER

    report: dict[str, Any] = {"ok": False, "qt": qVersion()}
    loop = QEventLoop()
    state: dict[str, Any] = {"clicked": None, "result": None, "refreshed": False}

    window.show()
    report["exposed"] = _wait_until_exposed(app, window)
    report["window_shown_ms"] = round((time.perf_counter() - t0) * 1000)

    def on_finished(done: Any) -> None:
        if state["clicked"] is not None and state["result"] is None:
            state["result"] = done.result
            state["elapsed"] = time.perf_counter() - state["clicked"]
            loop.quit()

    window.handle.worker.callFinished.connect(on_finished)

    def poll() -> None:
        if state["clicked"] is not None:
            return
        if (
            not state["refreshed"]
            and window.current_server() == DEMO_SERVER
            and window.campaignModel.rowCount() == 0
            and window.refreshButton.isEnabled()
        ):
            state["refreshed"] = True  # a fresh demo store: list the campaigns first
            window.refreshButton.click()
            return
        ready = (
            window.current_server() == DEMO_SERVER
            and window.campaignModel.rowCount() > 0
            and window.refreshButton.isEnabled()  # nothing in flight
        )
        if not ready:
            return
        first = window.campaignModel.campaign_at(0)
        assert first is not None
        if window.campaignIdEdit.text() != first.campaign.id:
            window.campaignIdEdit.setText(first.campaign.id)  # Start needs a campaign named
            ctype = first.campaign.type.value if first.campaign.type else "predictive"
            window.typeCombo.setCurrentIndex(window.typeCombo.findData(ctype))
        if not window.startButton.isEnabled():
            return
        report["campaign_id"] = first.campaign.id
        state["clicked"] = time.perf_counter()
        window.startButton.click()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    QTimer.singleShot(int((SMOKE_TIMEOUT_S - 4) * 1000), loop.quit)
    loop.exec()
    timer.stop()

    result = state["result"]
    if result is None:
        report["error"] = "no answer to the demo start in time"
    else:
        report["outcome"] = result.outcome.value
        report["start_ms"] = round(state["elapsed"] * 1000)
        if not result.ok:
            report["error"] = result.message
    name, usable = _keyring_backend()
    report["keyring_backend"] = name
    report["keyring_usable"] = usable
    report["ok"] = bool(result is not None and result.ok and report.get("exposed"))
    ordered = {k: report[k] for k in ("ok", "window_shown_ms", "start_ms", "keyring_backend",
                                      "qt") if k in report}
    ordered.update({k: v for k, v in report.items() if k not in ordered})
    emit_json(ordered)
    window.close()
    return 0 if report["ok"] else 1


def start_watchdog() -> threading.Timer:
    def expire() -> None:
        emit_json({"ok": False, "error": f"smoke test did not finish in {SMOKE_TIMEOUT_S} s",
                    "qt": qVersion()})
        logging.shutdown()
        os._exit(3)

    timer = threading.Timer(SMOKE_TIMEOUT_S, expire)
    timer.daemon = True
    timer.start()
    return timer
