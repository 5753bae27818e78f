"""The tray: its menu (built offscreen, where no tray exists), its Run plan ▸ action, its
notifications, closing the window to it (asked once, remembered), and Quit.

The window is the real one (``build(["--demo"])``: the in-process simulator, the worker
thread, the demo store); the plans' controls are installed before it shows, with the
scheduler's clock moved and the tray's availability injected where a test needs a tray
(the offscreen platform has none)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from tests.gui.conftest import wait_ready
from tests.gui.test_scheduler import ZONE, MovedClock, slot_at
from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
from wolkvox_desktop.core.plans import Plan, Schedule
from wolkvox_desktop.core.schedule import Clock, utc_now
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.gui.app import build
from wolkvox_desktop.gui.bulk import BulkDialog, install_bulk_and_history
from wolkvox_desktop.gui.demo import DEMO_SERVER
from wolkvox_desktop.gui.jobs import Lane
from wolkvox_desktop.gui.plans import PlansControls, install_plans
from wolkvox_desktop.gui.plans.tray import KEEP_SETTING, QUESTION_NAME, TrayMenu
from wolkvox_desktop.gui.qsettings import app_settings
from wolkvox_desktop.gui.window.main_window import MainWindow
from wolkvox_desktop.gui.worker import leaked_threads

WAIT_MS = 15_000
P = CampaignType.PREVIEW

# the offscreen platform's own notices when a window is raised or a tray icon is shown
# (a tray injected where the platform has none); not about this code
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise",
    "No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)

Opened = tuple[MainWindow, PlansControls]


@pytest.fixture
def plans_window(qtbot: QtBot) -> Iterator[Callable[..., Opened]]:
    """``plans_window(clock=..., tray=False)``: the demo window with its plans' controls
    installed first (the scheduler on ``clock``, a tray if ``tray``)."""
    opened: list[Opened] = []

    def _open(*, clock: Clock = utc_now, tray: bool = False) -> Opened:
        _app, window = build(["--demo"])
        window.demo_session.simulator.faults.latency = 0.0  # type: ignore[attr-defined]
        install_bulk_and_history(window)
        controls = install_plans(window, clock=clock, zone=ZONE, tray_available=tray)
        opened.append((window, controls))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        wait_ready(qtbot, window)
        return window, controls

    yield _open
    for window, controls in opened:
        if window.handle.thread.isRunning():
            controls.tray.quit()  # for good, even when the window would go to the tray
        assert not window.handle.thread.isRunning()
    assert not leaked_threads()
    app = QApplication.instance()
    assert isinstance(app, QApplication) and app.quitOnLastWindowClosed()


def save_plans(qtbot: QtBot, window: MainWindow, *plans: Plan) -> None:
    """Saved through the window's worker (as the Plans window would)."""
    saved: list[object] = []

    def keep(ops: Any) -> None:
        for plan in plans:
            ops.store.save_plan(plan)

    window.handle.submit(keep, lane=Lane.STORE, done=saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=WAIT_MS)


def plan(name: str = "Mañana", at: str | None = "07:00",
         ids: tuple[str, ...] = ("3303", "3306")) -> Plan:
    return Plan.create(name, DEMO_SERVER, "start", [CampaignRef(i, P) for i in ids],
                       Schedule.parse(at, "daily") if at else None)


def looked_at(qtbot: QtBot, controls: PlansControls, names: list[str]) -> None:
    controls.scheduler.check_now()
    qtbot.waitUntil(lambda: controls.tray.menu.plan_names() == names, timeout=WAIT_MS)


def starts(window: MainWindow) -> list[str]:
    sim = window.demo_session.simulator  # type: ignore[attr-defined]
    return [r.query.get("campaign_id", "") for r in sim.requests if r.api == "start"]


# ------------------------------------------------------------------ the menu


def test_the_tray_menu_is_built_where_no_tray_exists(qtbot: QtBot) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: no tray
    menu = TrayMenu()
    qtbot.addWidget(menu)
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == ["trayOpenAction", "", "trayPauseAction", "trayQuitAction"]
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Open Wolkvox Desktop", "Run plan", "Pause schedules", "Quit"]
    assert menu.actions()[1].menu() is menu.runMenu  # Run plan ▸
    assert [(a.text(), a.isEnabled()) for a in menu.runMenu.actions()] == [
        ("No plans yet", False)]
    menu.set_plans(["Cierre & cobro", "Mañana"])
    assert [a.text() for a in menu.runMenu.actions()] == ["Cierre && cobro", "Mañana"]
    assert menu.plan_names() == ["Cierre & cobro", "Mañana"]
    with qtbot.waitSignal(menu.runPlanRequested) as run:
        menu.runMenu.actions()[0].trigger()
    assert run.args == ["Cierre & cobro"]
    assert menu.pauseAction.isCheckable() and not menu.pauseAction.isChecked()
    with qtbot.assertNotEmitted(menu.pauseToggled):
        menu.set_paused(True)  # the scheduler's news: no echo
    assert menu.pauseAction.isChecked()
    with qtbot.waitSignal(menu.pauseToggled) as toggled:
        menu.pauseAction.trigger()
    assert toggled.args == [False]
    with qtbot.waitSignal(menu.quitRequested):
        menu.quitAction.trigger()


def test_without_a_tray_there_is_no_icon_and_closing_closes_as_always(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, controls = plans_window()  # the desktop's answer: offscreen has no tray
    assert not controls.tray.available and controls.tray.icon is None
    save_plans(qtbot, window, plan())
    looked_at(qtbot, controls, ["Mañana"])
    assert controls.scheduler.scheduled == 1
    window.close()
    assert asked(window) is None  # never asked
    assert not window.handle.thread.isRunning()


# ------------------------------------------------------------------ from the tray


def test_run_plan_from_the_tray_opens_its_confirmation_and_runs_it_with_its_name(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, controls = plans_window(tray=True)
    save_plans(qtbot, window, plan("Cierre", at=None, ids=("3308", "3303")), plan())
    looked_at(qtbot, controls, ["Cierre", "Mañana"])
    window.hide()
    controls.tray.menu.runMenu.actions()[0].trigger()  # Run plan ▸ Cierre
    assert window.isVisible()  # Open first
    qtbot.waitUntil(lambda: controls.runNow.dialog is not None, timeout=WAIT_MS)
    dialog = controls.runNow.dialog
    assert isinstance(dialog, BulkDialog) and dialog.windowTitle() == "Plan “Cierre”"
    qtbot.waitUntil(lambda: dialog.confirmPage.startButton.isEnabled(), timeout=WAIT_MS)
    assert starts(window) == []  # nothing before the confirmation
    with qtbot.waitSignal(controls.runNow.ended, timeout=WAIT_MS) as ended:
        qtbot.mouseClick(dialog.confirmPage.startButton, Qt.MouseButton.LeftButton)
    assert ended.args[0].ok and starts(window) == ["3308", "3303"]
    assert "Plan “Cierre”: Start of 2 campaign" in window.resultLabel.accessibleDescription()
    with Store(window.demo_session.store_path) as store:  # type: ignore[attr-defined]
        assert [r.campaign_id for r in reversed(store.history(plan="Cierre"))] == [
            "3308", "3303"]
        saved = store.plan("Cierre")
    assert saved is not None and saved.last_outcome == "ok"


def test_pause_schedules_in_the_tray_pauses_the_scheduler_and_the_plans_window(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, controls = plans_window(tray=True)
    panel = controls.open_panel()
    controls.tray.menu.pauseAction.trigger()
    assert controls.scheduler.paused and panel.pauseCheck.isChecked()
    assert controls.tray.icon is not None
    assert controls.tray.icon.toolTip() == "Wolkvox Desktop (schedules paused)"
    panel.pauseCheck.click()
    assert not controls.scheduler.paused and not controls.tray.menu.pauseAction.isChecked()


def test_a_scheduled_run_is_notified_from_the_tray_and_on_the_result_line(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    moment = slot_at(time(7, 0))
    window, controls = plans_window(clock=MovedClock(moment - timedelta(milliseconds=300)),
                                    tray=True)
    save_plans(qtbot, window, plan(ids=("3303", "3306", "3308")))
    controls.scheduler.check_now()
    qtbot.waitUntil(lambda: controls.tray.last_notification is not None, timeout=WAIT_MS)
    title, body = controls.tray.last_notification or ("", "")
    assert title == "Plan “Mañana” ran" and body.startswith("3 campaign")
    assert starts(window) == ["3303", "3306", "3308"]  # no confirmation at a slot
    assert f"{title}: {body}" in window.resultLabel.accessibleDescription()


# ------------------------------------------------------------------ closing to the tray


def asked(window: MainWindow) -> QMessageBox | None:
    """The close question on screen, if any (one answered may wait for its deletion)."""
    shown = [b for b in window.findChildren(QMessageBox, QUESTION_NAME) if b.isVisible()]
    return shown[0] if shown else None


def with_a_tray(qtbot: QtBot, plans_window: Callable[..., Opened], *plans: Plan) -> Opened:
    """The window with a tray and ``plans`` (default: one at 07:00), once it knows them."""
    window, controls = plans_window(tray=True)
    plans = plans or (plan(),)
    save_plans(qtbot, window, *plans)
    looked_at(qtbot, controls, sorted(p.name for p in plans))
    return window, controls


def question(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: asked(window) is not None)
    box = asked(window)
    assert box is not None
    return box


def click(qtbot: QtBot, box: QMessageBox, name: str) -> None:
    button = box.findChild(QPushButton, name)
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_closing_with_plans_scheduled_asks_once_then_hides_and_quit_stops_everything(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, controls = plans_window(tray=True)
    tray = controls.tray
    window.close()  # no plan scheduled yet: nothing to keep running for
    assert asked(window) is None
    assert not window.handle.thread.isRunning()

    window, controls = with_a_tray(qtbot, plans_window, plan("Sin hora", at=None), plan())
    tray = controls.tray
    assert tray.keep_running is None
    window.close()
    box = question(qtbot, window)
    assert box.text().startswith("1 plan")  # one of the two is scheduled
    click(qtbot, box, "keepInTrayButton")
    assert not window.isVisible() and window.handle.thread.isRunning()  # the worker stays
    assert app_settings().value(KEEP_SETTING) == "true" and tray.keep_running is True
    app = QApplication.instance()
    assert isinstance(app, QApplication) and not app.quitOnLastWindowClosed()
    assert tray.last_notification is not None
    assert tray.last_notification[0] == "Wolkvox Desktop is still running"

    tray.menu.openAction.trigger()
    assert window.isVisible()
    window.close()  # asked once: hides at once now
    assert asked(window) is None
    assert not window.isVisible() and window.handle.thread.isRunning()

    tray.menu.quitAction.trigger()  # Quit: the window closes the normal way, then the app
    assert not window.handle.thread.isRunning()
    assert not controls.scheduler.timer.isActive()
    assert tray.icon is not None and not tray.icon.isVisible()
    assert app.quitOnLastWindowClosed()
    assert not leaked_threads()


def test_quit_as_the_answer_is_remembered_and_the_window_closes(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, _controls = with_a_tray(qtbot, plans_window)
    window.close()
    click(qtbot, question(qtbot, window), "quitNotTrayButton")
    assert not window.handle.thread.isRunning()
    assert app_settings().value(KEEP_SETTING) == "false"

    # the next start (a fresh demo store): remembered, not asked
    window, controls = with_a_tray(qtbot, plans_window, plan("Tarde", at="15:00"))
    assert controls.tray.keep_running is False
    window.close()
    assert asked(window) is None
    assert not window.handle.thread.isRunning()


def test_cancel_keeps_the_window_open_and_asks_again_next_time(
    qtbot: QtBot, plans_window: Callable[..., Opened]
) -> None:
    window, controls = with_a_tray(qtbot, plans_window)
    window.close()
    click(qtbot, question(qtbot, window), "keepInTrayCancelButton")
    assert window.isVisible() and controls.tray.keep_running is None
    window.close()
    question(qtbot, window)

