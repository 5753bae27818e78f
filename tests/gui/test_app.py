"""The application factory, the command line, the smoke test and crash reporting."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import SECRET_TOKEN, close_window, wait_ready
from wolkvox_desktop.core import logsetup
from wolkvox_desktop.gui.app import build, parse_args
from wolkvox_desktop.gui.crash_reporter import install_exception_hooks

ROOT = Path(__file__).resolve().parents[2]


def test_build_reuses_the_application_and_enters_no_event_loop(
    qtbot: Any, qapp: QApplication
) -> None:
    app, window = build(["--demo"])
    qtbot.addWidget(window)  # deleted (not just dropped) at the end of the test
    try:
        assert app is qapp
        assert not window.isVisible()
        assert window.demo and window.demoBadge.text() == "DEMO"
        assert window.handle.thread.isRunning()
    finally:
        window.close()
    assert not window.handle.thread.isRunning()
    assert window.demo_session.simulator is None  # stopped with the window


def test_command_line_options() -> None:
    opts = parse_args(["--demo", "--server", "wv0032", "--lang", "es", "-platform", "offscreen"])
    assert (opts.demo, opts.server, opts.lang, opts.smoke_test) == (True, "0032", "es", False)
    assert "-platform" in opts.qt_args
    assert parse_args([]).server is None


@pytest.mark.parametrize("argv", [["--demo"], ["--smoke-test"], ["--smoke-test", "--demo"]])
def test_the_plain_flags_read_without_the_parser_mean_what_the_parser_says(
    argv: list[str],
) -> None:
    """``--demo`` and ``--smoke-test`` alone skip argparse (start-up time): same options."""
    opts = parse_args(argv)
    assert (opts.demo, opts.smoke_test) == ("--demo" in argv, "--smoke-test" in argv)
    assert (opts.server, opts.lang, opts.qt_args) == (None, None, ())
    assert parse_args(["--dem"]).demo  # an abbreviation still goes through argparse


def test_version_option(capsys: Any) -> None:
    from wolkvox_desktop import __version__

    with pytest.raises(SystemExit) as exc:
        parse_args(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"wolkvox-desktop {__version__}"


@pytest.mark.parametrize("argv", [["--server", "0032.evil.com/"], ["--lang", "fr"]])
def test_bad_options_are_refused(argv: list[str], capsys: Any) -> None:
    with pytest.raises(SystemExit) as exc:
        parse_args(argv)
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err


def test_spanish_user_interface(qtbot: Any, qapp: QApplication) -> None:
    from wolkvox_desktop.gui import i18n

    try:
        _app, window = build(["--demo", "--lang", "es"])
        window.demo_session.simulator.faults.latency = 0.0
        qtbot.addWidget(window)
        window.show()
        wait_ready(qtbot, window)
        assert window.startButton.text() == "▶ Iniciar"
        assert window.tokenUsageLabel.text().startswith("Tokens hoy")
        window._select_campaign("3303")
        window.startButton.click()
        qtbot.waitUntil(lambda: not window.is_busy())
        assert "3303" in window.resultLabel.text()
        assert "Done" not in window.resultLabel.text()
        assert "Start" not in window.statusPanel.toPlainText()
        close_window(window)
    finally:
        i18n.install_translators(qapp, "en")


def test_smoke_test_runs_one_demo_start_and_prints_one_json_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WOLKVOX_")}
    env.update(WOLKVOX_DESKTOP_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "wolkvox_desktop", "--smoke-test"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, done.stdout + done.stderr
    report = json.loads(lines[0])
    assert done.returncode == 0, report
    assert report["ok"] is True
    assert isinstance(report["window_shown_ms"], int) and report["window_shown_ms"] > 0
    assert isinstance(report["start_ms"], int) and report["start_ms"] >= 0
    assert isinstance(report["keyring_backend"], str) and report["keyring_backend"]
    assert report["qt"].startswith("6.")
    assert "Traceback" not in done.stderr
    # the demo never writes to the real store
    assert not (tmp_path / "home" / "wolkvox-desktop.sqlite3").exists()


# QMessageBox fixes its size when shown; the offscreen platform warns that it cannot pass
# size hints on. Harmless, and specific to the offscreen test platform.
OFFSCREEN_SIZE_HINTS = "This plugin does not support propagateSizeHints"


@pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS)
def test_uncaught_exception_is_logged_redacted_and_shown_in_a_dialog(
    qtbot: Any, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logsetup.setup_logging()
    logsetup.register_secret(SECRET_TOKEN)
    reporter = install_exception_hooks(qapp)
    try:
        raise RuntimeError(f"broken while sending wolkvox-token: {SECRET_TOKEN}")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    box = reporter.last_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "may or may not have reached Wolkvox" in box.text()
    assert str(logsetup.log_file_path()) in box.informativeText()
    box.close()
    qtbot.waitUntil(lambda: not reporter._showing)

    worker = threading.Thread(target=lambda: 1 / 0, name="failing-thread")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.last_box is not box and reporter.last_box.isVisible())
    reporter.last_box.close()

    text = logsetup.log_file_path().read_text(encoding="utf-8")
    assert "uncaught exception in main thread" in text
    assert "RuntimeError: broken while sending wolkvox-token: [redacted]" in text
    assert "uncaught exception in failing-thread" in text and "ZeroDivisionError" in text
    assert SECRET_TOKEN not in text


def test_emitting_signals_never_exhausts_the_bool_singletons() -> None:
    """PySide6 6.12.0 drops a reference to True per emit (gui/qtcompat.py); the app is
    protected, so a shift's worth of emits does not abort the interpreter."""
    from PySide6.QtCore import QObject, Signal

    from wolkvox_desktop.gui.qtcompat import protect_bool_singletons

    class Pinger(QObject):
        ping = Signal(object)

    protect_bool_singletons()
    pinger = Pinger()
    for i in range(20_000):
        pinger.ping.emit(i)
    assert sys.getrefcount(True) > 1_000


def test_the_app_runs_and_ends_cleanly_on_sigterm(tmp_path: Path) -> None:
    """The real script: event loop, then a signal closes the window the normal way."""
    import signal
    import time

    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("WOLKVOX_")}
    env.update(WOLKVOX_DESKTOP_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "wolkvox_desktop", "--demo"], cwd=tmp_path, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        log_file = home / "logs" / "wolkvox-desktop.log"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and "window shown" not in (
            log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        ):
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "QThread" not in err
    assert (home / "settings.ini").is_file()  # geometry saved on the way out
