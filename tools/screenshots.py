#!/usr/bin/env python3
"""Screenshots of the main window (800×500 and 1366×768; a row in flight; the top bar with
the test-server badge at 800×500), its stop question and the question before sending again
after an unknown outcome, the bulk dialog (confirm, progress, paused, the summary after a
stop, the summary), the History (and its focus order, numbered), the welcome page, the
Settings dialog (and its "Save changes?") and the shift plans (the Plans window with a
missed slot and the switch "Run plans when the app is closed", on and with a problem; the
plan form with an error, Run now, the tray menu, the keep-running question), in English
and Spanish.

    python tools/screenshots.py                # under Xvfb (xvfb-run -a), into docs/screenshots
    python tools/screenshots.py --offscreen    # Qt's offscreen platform instead (no Xvfb)
    python tools/screenshots.py --out DIR --lang es

Each language runs in its own process with a fresh app-data folder, in demo mode (the
in-process simulator), so no real account, token or keyring is involved. The window gets a
few answers of different outcomes (done, refused by Wolkvox, outcome unknown, not sent) and
two bulk runs (one paused on an unknown outcome) before it is captured with
``QWidget.grab()`` (the widget alone, no desktop around it).

The script fails if the demo token appears in any widget text of what it captured. Look at
every picture before committing them: truncated labels and overlaps are bugs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "docs" / "screenshots"
LANGUAGES = ("en", "es")
WINDOW_SIZE = (1040, 700)
SIZES = ((800, 500), (1366, 768))  # a small laptop's usable area and a common screen
XVFB_SCREEN = "1600x1200x24"


# ---------------------------------------------------------------- the child (one language)


def capture(lang: str, out: Path) -> list[Path]:
    from PySide6.QtCore import QEventLoop, QItemSelectionModel, QTimer
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMessageBox, QWidget

    from wolkvox_desktop.gui import app as appmod
    from wolkvox_desktop.gui.bulk import BulkDialog, install_bulk_and_history
    from wolkvox_desktop.gui.demo import DEMO_TOKEN
    from wolkvox_desktop.gui.settings.dialog import SettingsDialog
    from wolkvox_desktop.gui.window.welcome_page import WelcomePage

    qapp, window = appmod.build(["--demo", "--lang", lang])
    plans = install_plans_at_seven_twenty(window)
    window.resize(*WINDOW_SIZE)
    window.show()
    sim = window.demo_session.simulator  # type: ignore[attr-defined]
    sim.faults.latency = 0.0

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(predicate: Callable[[], bool], what: str, timeout_s: float = 15) -> None:
        for _ in range(int(timeout_s * 20)):
            if predicate():
                return
            settle(50)
        raise SystemExit(f"[{lang}] timed out waiting for {what}")

    def token_visible(root: QWidget) -> bool:
        for w in [root, *root.findChildren(QWidget)]:
            texts = [w.toolTip(), w.accessibleName(), w.accessibleDescription()]
            if isinstance(w, (QLabel, QAbstractButton)):
                texts.append(w.text())
            if isinstance(w, QLineEdit):
                texts += [w.displayText(), w.placeholderText()]
            if hasattr(w, "toPlainText"):
                texts.append(w.toPlainText())
            if any(DEMO_TOKEN in t for t in texts):
                return True
        return False

    def save(widget: QWidget, name: str) -> Path:
        settle()
        if token_visible(widget):
            raise SystemExit(f"[{lang}] the token is visible in {name}: not saved")
        path = out / f"{name}-{lang}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"[{lang}] could not write {path}")
        return path

    def at_sizes(widget: QWidget, name: str) -> list[Path]:
        """The widget at each size of :data:`SIZES` (its own minimum if larger)."""
        shots = []
        for width, height in SIZES:
            widget.resize(width, height)
            settle(100)
            if (widget.width(), widget.height()) != (width, height):
                print(f"[{lang}] {name}: {widget.width()}x{widget.height()}, "
                      f"not {width}x{height} (its minimum)", file=sys.stderr)
            shots.append(save(widget, f"{name}-{width}x{height}"))
        return shots

    def select(ids: list[str]) -> None:
        window.select_campaign(ids[0])
        model = window.campaignTable.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for cid in ids[1:]:
            model.select(window.campaignTable.view_index(cid), flags)

    # the campaigns of the demo operation
    wait_until(lambda: window.current_server() is not None, "the demo operation")
    if window.campaignModel.rowCount() == 0:
        wait_until(window.refreshButton.isEnabled, "the refresh button")
        window.refreshButton.click()
    wait_until(lambda: window.campaignModel.rowCount() >= 3, "the campaign list")
    window._settings.setValue("ui/confirm_stop", False)  # the question gets its own picture

    def act(row: int, action: str, fault: str | None = None) -> None:
        saved = window.campaignModel.campaign_at(row)
        assert saved is not None
        window.campaignIdEdit.setText(saved.campaign.id)
        ctype = saved.campaign.type.value if saved.campaign.type else "predictive"
        window.typeCombo.setCurrentIndex(window.typeCombo.findData(ctype))
        button = window.startButton if action == "start" else window.stopButton
        wait_until(button.isEnabled, f"the {action} button")
        before = len(window.statusPanel.entries())
        if fault:
            setattr(sim.faults, fault, True)
        button.click()
        wait_until(
            lambda: len(window.statusPanel.entries()) > before
            and window.statusPanel.entries()[0].outcome != "pending",
            f"the answer to {action}",
        )
        sim.reset_faults()
        sim.faults.latency = 0.0

    # a few answers, oldest first: not sent, outcome unknown, refused, done
    window.campaignIdEdit.setText("33·01")
    window.startButton.click()  # not a campaign id: refused here, nothing sent
    settle()
    act(2, "start", "html_502")  # outcome unknown (502 HTML page): "Started?", Check now
    act(1, "start", "maintenance")  # refused by Wolkvox
    act(0, "start")  # done
    window.select_campaign(window.campaignModel.campaign_at(0).campaign.id)
    shots = at_sizes(window, "main-window")

    # WOLKVOX_API_BASE left set: the test-server badge gives way first at 800×500
    window.topBar.demoBadge.hide()
    window.topBar.show_test_server("127.0.0.1:54321")
    window.resize(*SIZES[0])
    shots.append(save(window, "main-window-test-server-800x500"))
    shots.append(save(window.topBar, "top-bar-test-server-800x500"))
    window.topBar.show_test_server(None)
    window.topBar.demoBadge.show()

    # stopping a started campaign asks once
    window._settings.setValue("ui/confirm_stop", True)
    window.resize(*WINDOW_SIZE)
    window.stopButton.click()
    wait_until(lambda: window.calls.stop_box is not None, "the stop question")
    box = window.calls.stop_box
    assert isinstance(box, QMessageBox)
    shots.append(save(box, "stop-question"))
    box.reject()
    settle()

    # sending again after an unknown outcome asks first, with Check now
    unknown_id = window.campaignModel.campaign_at(2).campaign.id  # the 502 above
    window.select_campaign(unknown_id)
    window.startButton.click()
    wait_until(lambda: window.calls.resend_box is not None, "the resend question")
    resend = window.calls.resend_box
    shots.append(save(resend, "resend-question"))
    resend.reject()
    settle()

    # the bulk start: confirm, progress, paused, summary
    controls = install_bulk_and_history(window)

    def bulk(ids: list[str]) -> BulkDialog:
        select(ids)
        dialog = controls.start_selected()
        assert isinstance(dialog, BulkDialog)
        wait_until(dialog.confirmPage.startButton.isEnabled, "the bulk confirmation")
        return dialog

    stopped = [s.campaign.id for s in window.campaignModel.campaigns()
               if s.campaign.status.value == "stopped"][:4]
    dialog = bulk(stopped)
    shots += at_sizes(dialog, "bulk-confirm")
    sim.faults.latency = 3.0
    dialog.confirmPage.startButton.click()
    wait_until(lambda: sim.requests and sim.requests[-1].method == "PUT", "the run's first call")
    shots.append(save(dialog, "bulk-progress-1366x768"))
    dialog.resize(*SIZES[0])
    shots.append(save(dialog, "bulk-progress-800x500"))
    # the main window meanwhile: the campaign being called reads "In progress", not unknown
    wait_until(lambda: "…" in str(window.campaignModel.index(
        window.campaignModel.row_of(stopped[0]), window.campaignModel.LAST).data()),
        "the row in flight")
    window.resize(*WINDOW_SIZE)
    shots.append(save(window, "main-window-row-in-flight"))
    # stopped after the second call: "2 of 4 sent — stopped", the bar not full
    wait_until(lambda: len([r for r in sim.requests if r.method == "PUT"]) >= 2,
               "the run's second call", 30)
    dialog.reject()  # Esc asks first
    wait_until(lambda: dialog.findChild(QMessageBox, "bulkStopQuestion") is not None,
               "the stop question")
    question = dialog.findChild(QMessageBox, "bulkStopQuestion")
    question.findChild(QAbstractButton, "bulkStopRunButton").click()
    sim.faults.latency = 0.0
    wait_until(lambda: not dialog.is_running(), "the end of the first run", 30)
    shots += at_sizes(dialog, "bulk-summary-stopped")
    dialog.close()
    settle()
    started = [s.campaign.id for s in window.campaignModel.campaigns()
               if s.campaign.status.value == "started"][:3]
    select(started)
    dialog = controls.stop_selected()
    assert isinstance(dialog, BulkDialog)
    wait_until(dialog.confirmPage.startButton.isEnabled, "the bulk stop confirmation")
    sim.faults.only_api = "stop"
    sim.faults.html_502 = True  # the first stop: outcome unknown, the run pauses
    dialog.confirmPage.startButton.click()
    wait_until(lambda: dialog.progressPage.pauseBox.isVisible(), "the pause")
    shots += at_sizes(dialog, "bulk-paused")
    sim.reset_faults()
    dialog.progressPage.pauseBox.skipButton.click()
    wait_until(lambda: not dialog.is_running(), "the end of the second run", 30)
    shots += at_sizes(dialog, "bulk-summary")
    dialog.close()
    settle(300)
    window.resize(*SIZES[0])
    settle()
    marked = sorted(window.campaignModel.unconfirmed())
    if marked:  # "Stopped?" in view, with Check now beside the run's result line
        window.campaignTable.scrollTo(window.campaignTable.view_index(marked[0]))
    shots.append(save(window, "main-window-after-runs-800x500"))

    # the History of it all
    history = controls.open_history()
    wait_until(lambda: history.model.rowCount() > 0, "the history")
    shots += at_sizes(history, "history")
    history.resize(*SIZES[1])
    settle(100)
    shots.append(save_focus_order(history, out / f"history-focus-order-{lang}.png", settle))
    history.close()

    # the first start (another install would show it): the welcome page
    welcome = WelcomePage()
    welcome.show()
    shots += at_sizes(welcome, "welcome")
    welcome.close()

    # the Settings dialog, as opened from the window
    window.resize(*WINDOW_SIZE)
    window.open_settings()
    wait_until(lambda: window.findChild(SettingsDialog) is not None, "the settings dialog")
    settings = window.findChild(SettingsDialog)
    assert settings is not None
    settle(400)  # the worker reports the keyring backend
    shots.append(save(settings, "settings"))

    # a new operation with a pasted address that is not Wolkvox's: the inline error
    settings.findChild(QAbstractButton, "addOperationButton").click()
    server = settings.findChild(QLineEdit, "serverEdit")
    server.setFocus()
    server.insert("0032.evil.com/")
    settings.findChild(QLineEdit, "labelEdit").insert("Bogotá norte")
    shots.append(save(settings, "settings-new-operation"))

    # Close with a new operation typed: "Save changes?" (Save / Discard / Cancel)
    server.clear()
    server.insert("0045")
    settings.findChild(QLineEdit, "tokenEdit").insert("typed-and-not-saved")
    settings.findChild(QAbstractButton, "closeButton").click()
    wait_until(lambda: any(b.isVisible() for b in settings.findChildren(
        QMessageBox, "saveChangesQuestion")), "Settings' question")
    (ask,) = [b for b in settings.findChildren(QMessageBox, "saveChangesQuestion")
              if b.isVisible()]
    shots.append(save(ask, "settings-save-question"))
    ask.button(QMessageBox.StandardButton.Discard).click()  # closes Settings
    settle()
    shots += plans_shots(plans, window, save, at_sizes, settle, wait_until, select)
    window.shutdown()
    qapp.processEvents()
    return shots


def save_focus_order(window: Any, path: Path, settle: Callable[..., None]) -> Path:
    """``window`` with a number on each control in the order Tab visits them."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QFont, QPainter
    from PySide6.QtWidgets import QWidget

    settle()
    first = window.filters.sinceEdit
    chain: list[QWidget] = []
    widget = first
    while True:
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()
                and widget.isEnabled() and widget.window() is window
                and not any(widget.isAncestorOf(w) or w.isAncestorOf(widget) for w in chain)):
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is first or len(chain) > 40:
            break
    picture = window.grab()
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(window.font())
    font.setBold(True)
    painter.setFont(font)
    for number, widget in enumerate(chain, start=1):
        corner = widget.mapTo(window, QPoint(0, 0))
        badge = QRect(corner.x() - 6, corner.y() - 6, 22, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#b23c00"))
        painter.drawEllipse(badge)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(number))
    painter.end()
    if not picture.save(str(path)):
        raise SystemExit(f"could not write {path}")
    return path


def install_plans_at_seven_twenty(window: Any) -> Any:
    """The window's plans on a clock at 07:20 tomorrow (local): today's 07:00 slots are
    missed, the others come later."""
    from datetime import datetime, time, timedelta

    from wolkvox_desktop.core.schedule import LocalZone, utc_now
    from wolkvox_desktop.gui.bulk import install_bulk_and_history
    from wolkvox_desktop.gui.plans import install_plans

    zone = LocalZone.system()
    day = zone.wall(utc_now()).date() + timedelta(days=1)
    offset = zone.moment_of(datetime.combine(day, time(7, 20))) - utc_now()
    install_bulk_and_history(window)  # first: the Plans button goes next to History
    return install_plans(window, clock=lambda: utc_now() + offset, zone=zone,
                         tray_available=True)


def plans_shots(controls: Any, window: Any, save: Any, at_sizes: Any, settle: Any,
                wait_until: Any, select: Any) -> list[Path]:
    from PySide6.QtWidgets import QMessageBox

    from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
    from wolkvox_desktop.core.plans import Plan, Schedule
    from wolkvox_desktop.gui.jobs import Lane

    p, q = CampaignType.PREVIEW, CampaignType.PREDICTIVE
    server = window.current_server()
    plans = [
        Plan.create("Mañana cobranza", server, "start",
                    [CampaignRef("3301", q), CampaignRef("3302", q), CampaignRef("3305", q)],
                    Schedule.parse("07:00", "weekdays")),
        Plan.create("Cierre de la tarde", server, "stop",
                    [CampaignRef("3301", q), CampaignRef("3302", q), CampaignRef("3303", p),
                     CampaignRef("3304", p)], Schedule.parse("18:30", "mon,wed,fri")),
        Plan.create("Encuestas a mano", server, "start", [CampaignRef("3304", p)], None),
        Plan.create("Madrugada", server, "start", [CampaignRef("3307", q)],
                    Schedule.parse("07:00", "daily")),
    ]
    saved: list[object] = []

    def keep(ops: Any) -> None:
        for plan in plans:
            ops.store.save_plan(plan)

    window.handle.submit(keep, lane=Lane.STORE, done=saved.append, what="screenshot plans")
    wait_until(lambda: bool(saved), "the plans saved")
    controls.scheduler.check_now()
    settle(800)
    window.resize(*SIZES[0])
    shots = [save(window, "main-window-missed-plans-800x500")]

    staged = StagedSchedule(controls.scheduler.now(), minutes_ago=5)
    controls.os_schedule = lambda: staged  # the demo registers nothing with the system
    panel = controls.open_panel()
    wait_until(lambda: panel.scheduleSwitch.status is not None, "the switch's status")
    settle(600)
    shots += at_sizes(panel, "plans")
    staged.minutes_ago = 45  # no scheduled check for 45 minutes: a problem
    panel.scheduleSwitch.refresh()
    wait_until(lambda: bool(panel.scheduleSwitch.status.problems), "the switch's problem")
    panel.resize(*SIZES[0])
    shots.append(save(panel, "plans-schedule-problem-800x500"))

    select(["3306", "3303", "3308"])
    editor = panel.new_from_selection()
    editor.scheduleCheck.setChecked(True)
    editor.atEdit.setText("25:00")
    editor.save()
    settle(400)
    shots.append(save(editor, "plan-form-error"))
    editor.close()

    menu = controls.tray.menu
    menu.adjustSize()
    shots.append(save(menu, "tray-menu"))

    controls.run_plan("Cierre de la tarde")
    wait_until(lambda: controls.runNow.dialog is not None, "Run now's dialog")
    dialog = controls.runNow.dialog
    dialog.resize(*SIZES[0])
    shots.append(save(dialog, "plan-run-now-800x500"))
    controls.runNow.close_now()
    panel.close()
    settle(200)

    controls.tray.keep_running = None  # the first close with plans scheduled asks
    window.close()
    settle(300)
    boxes = [b for b in window.findChildren(QMessageBox, "keepInTrayQuestion") if b.isVisible()]
    if boxes:
        boxes[0].adjustSize()
        shots.append(save(boxes[0], "keep-running-question"))
    controls.tray.quit()
    settle(200)
    return shots


class StagedSchedule:
    """The system's schedule as the pictures show it: on (a crontab line running this
    interpreter), its last check ``minutes_ago`` minutes before the plans' clock."""

    def __init__(self, now: Any, minutes_ago: int) -> None:
        self.now = now
        self.minutes_ago = minutes_ago

    def status(self) -> Any:
        from datetime import timedelta

        from wolkvox_desktop.core.os_schedule.command import run_due_command
        from wolkvox_desktop.core.os_schedule.heartbeat import Heartbeat, TurnedOn
        from wolkvox_desktop.core.os_schedule.service import ScheduleStatus

        command = run_due_command(sys.executable, ("-m", "wolkvox_desktop"))
        beat = Heartbeat(self.now - timedelta(minutes=self.minutes_ago), 0, "No plan is due.")
        return ScheduleStatus(method="crontab", where="a line in your crontab", entry=command,
                              expected=command, loaded=True, heartbeat=beat,
                              turned_on=TurnedOn(self.now - timedelta(days=2), "crontab"),
                              now=self.now)


# ---------------------------------------------------------------- the parent


def run_language(lang: str, out: Path, offscreen: bool) -> int:
    env = dict(os.environ)
    env.pop("WOLKVOX_TOKEN", None)
    env.pop("WOLKVOX_API_BASE", None)
    env["LC_ALL"] = "C.UTF-8"  # the language comes from --lang; Qt wants a UTF-8 locale
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--lang", lang,
           "--out", str(out)]  # fmt: skip
    if offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env["QT_QPA_PLATFORM"] = "xcb"
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            raise SystemExit("xvfb-run not found: install xvfb, or use --offscreen")
        cmd = [xvfb, "-a", "-s", f"-screen 0 {XVFB_SCREEN} -dpi 96 -nolisten tcp", *cmd]
    with tempfile.TemporaryDirectory(prefix="wolkvox-shots-") as home:
        env["WOLKVOX_DESKTOP_HOME"] = home
        return subprocess.run(cmd, cwd=ROOT, env=env, timeout=300).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--offscreen", action="store_true", help="no Xvfb: Qt's offscreen")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    languages = args.lang or list(LANGUAGES)
    if args.child:
        for path in capture(languages[0], args.out):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        return 0
    status = 0
    for lang in languages:
        status |= run_language(lang, args.out, args.offscreen)
    return status


if __name__ == "__main__":
    sys.exit(main())
