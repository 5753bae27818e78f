"""The Plans window's switch *Run plans when the app is closed*: on Linux it really adds the
account's crontab line (the account's crontab is put back exactly afterwards), the line
beside it says when the last scheduled check ran (after a real run of that line, as cron
runs it), an old check is a problem, and off removes the line. In the demo the switch is
off and disabled (its plans live in a temporary file)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui import test_tray
from tests.gui.test_tray import Opened
from tests.support.os_schedule import as_cron_runs, crontab_text
from wolkvox_desktop.core.os_schedule import heartbeat, linux
from wolkvox_desktop.core.os_schedule.heartbeat import Heartbeat, TurnedOn
from wolkvox_desktop.core.os_schedule.service import ScheduleStatus
from wolkvox_desktop.gui.plans.schedule_switch import ScheduleSwitch, this_computer
from wolkvox_desktop.gui.plans.when import clock_text

WAIT_MS = 15_000

plans_window = test_tray.plans_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def our_lines() -> list[str]:
    return [x for x in (crontab_text() or b"").decode().splitlines() if linux.is_our_line(x)]


def shown(qtbot: QtBot, switch: ScheduleSwitch, action: Callable[[], object]) -> ScheduleStatus:
    with qtbot.waitSignal(switch.changed, timeout=WAIT_MS) as caught:
        action()
    status = caught.args[0]
    assert isinstance(status, ScheduleStatus)
    return status


def test_in_the_demo_the_switch_is_off_and_disabled(
        qtbot: QtBot, plans_window: Callable[..., Opened]) -> None:
    _window, controls = plans_window()
    switch = controls.open_panel().scheduleSwitch
    assert not switch.check.isEnabled() and not switch.check.isChecked()
    assert switch.check.text() == "Run plans when the app is closed"
    assert switch.stateLabel.text() == "Not in the demo: its plans last only while it runs."


def test_the_switch_adds_the_crontab_line_shows_the_last_check_and_removes_it(
        qtbot: QtBot, plans_window: Callable[..., Opened], cron_is_the_choice: bytes | None,
        app_home: Path, tmp_path: Path) -> None:
    window, controls = plans_window()
    controls.os_schedule = this_computer  # the real one: this account's crontab
    panel = controls.open_panel()
    switch = panel.scheduleSwitch
    qtbot.waitUntil(lambda: switch.status is not None, timeout=WAIT_MS)
    assert switch.check.isEnabled() and not switch.check.isChecked()
    assert switch.stateLabel.text() == "Off: plans run only while the app is open."

    status = shown(qtbot, switch, lambda: qtbot.mouseClick(switch.check,
                                                           Qt.MouseButton.LeftButton))
    assert status.on and switch.check.isChecked()
    assert len(our_lines()) == 1
    assert switch.stateLabel.text() == "Runs with the window closed · no check yet"
    assert "--run-due" in switch.stateLabel.toolTip()

    ran = as_cron_runs(our_lines()[0], home=tmp_path)  # the scheduled check, for real
    assert ran.returncode == 0 and ran.stdout == ran.stderr == ""
    status = shown(qtbot, switch, switch.refresh)
    assert status.heartbeat is not None
    at = clock_text(controls.scheduler.zone.wall(status.heartbeat.at).time())
    assert switch.stateLabel.text() == f"Runs with the window closed · last check {at}"
    assert switch.stateLabel.styleSheet() == ""

    long_ago = datetime.now(timezone.utc) - timedelta(minutes=45)
    heartbeat.write_turned_on(app_home, TurnedOn(long_ago - timedelta(hours=1), "crontab"))
    heartbeat.write_heartbeat(app_home, Heartbeat(long_ago, 0, "No plan is due."))
    shown(qtbot, switch, switch.refresh)
    assert switch.stateLabel.text().startswith("✗ Problem: no check for 45 minutes (the last at ")
    assert switch.stateLabel.styleSheet().startswith("color: ")
    assert "No scheduled check for 45 minutes" in switch.stateLabel.toolTip()

    status = shown(qtbot, switch, lambda: qtbot.mouseClick(switch.check,
                                                           Qt.MouseButton.LeftButton))
    assert not status.on and not switch.check.isChecked()
    assert our_lines() == []
    assert window.isVisible()


def test_a_computer_without_a_scheduler_leaves_the_switch_disabled(
        qtbot: QtBot, plans_window: Callable[..., Opened], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _window, controls = plans_window()
    monkeypatch.setenv("PATH", str(tmp_path))  # neither systemctl nor crontab
    controls.os_schedule = this_computer
    switch = controls.open_panel().scheduleSwitch
    qtbot.waitUntil(lambda: switch.status is not None, timeout=WAIT_MS)
    assert not switch.check.isEnabled() and not switch.check.isChecked()
    assert switch.stateLabel.text() == "This computer has no scheduler the app can use."
