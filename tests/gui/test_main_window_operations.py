"""The window the normal way: store in WOLKVOX_DESKTOP_HOME, token and API base from the
environment (as the CLI), operations, settings wiring, remembered geometry, the token's
secrecy."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from tests.gui.conftest import (
    SECRET_TOKEN,
    SERVER,
    Catcher,
    close_window,
    puts,
    seed_operations,
    wait_idle,
)
from wolkvox_desktop.core import paths
from wolkvox_desktop.core.store import Operation, Store


def gets(sim: Any, api: str = "campaigns") -> list[Any]:
    return [r for r in sim.requests if r.method == "GET" and r.query.get("api") == api]


def test_environment_token_and_api_base_are_used_like_the_cli(
    qtbot: Any, open_window: Any, gui_simulator: Any
) -> None:
    seed_operations(Operation(SERVER, "Bogotá norte", licenses=3))
    w = open_window()
    assert w.operationCombo.currentText() == "Bogotá norte · 0032"
    assert not w.demoBadge.isVisible()
    # the cached list was empty (never refreshed): one refresh on start-up
    assert len(gets(gui_simulator)) == 1
    assert gets(gui_simulator)[0].token == SECRET_TOKEN
    w._select_campaign("3303")
    w.startButton.click()
    wait_idle(qtbot, w)
    assert [r.token for r in puts(gui_simulator)] == [SECRET_TOKEN]
    assert gui_simulator.campaign("3303").started
    assert w.tokenUsageLabel.text() == "Tokens today: 2 / 3,000"


def test_a_fresh_list_is_not_refreshed_again_on_start_up(
    qtbot: Any, open_window: Any, gui_simulator: Any
) -> None:
    seed_operations(Operation(SERVER, "Norte"))
    first = open_window()
    assert len(gets(gui_simulator)) == 1
    assert first.lastRefreshLabel.text().startswith("Updated ")
    close_window(first)
    second = open_window()
    assert second.campaignModel.rowCount() == 8  # from the store
    assert len(gets(gui_simulator)) == 1  # no token spent on a fresh list
    second.refreshButton.click()
    wait_idle(qtbot, second)
    assert len(gets(gui_simulator)) == 2


def test_a_wrong_token_is_refused_in_words(
    qtbot: Any, open_window: Any, gui_simulator: Any
) -> None:
    seed_operations(Operation(SERVER))
    w = open_window(token="not-the-right-token", ready=False)
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: "Wolkvox rejected the token" in w.resultLabel.text())
    assert "Refused by Wolkvox" in w.resultLabel.text()
    # the history snapshot follows the answer
    qtbot.waitUntil(lambda: "PLEASE VALIDATE TOKEN" in w.statusPanel.toPlainText())


def test_server_option_preselects_the_operation(open_window: Any) -> None:
    seed_operations(Operation("0032", "Norte"), Operation("0033", "Sur"))
    w = open_window("--server", "wv0033")
    assert w.current_server() == "0033"
    assert w.operationCombo.currentData() == "0033"
    assert w.operationCombo.isEnabled() and w.operationCombo.count() == 2


def test_an_unknown_server_option_without_a_token_says_so(
    qtbot: Any, open_window: Any
) -> None:
    seed_operations(Operation("0032", "Norte"))
    w = open_window("--server", "0099", token=None, ready=False)
    qtbot.waitUntil(lambda: w.current_server() == "0032", timeout=10_000)
    assert "Operation 0099 is not set up yet" in w.resultLabel.text()


def test_the_environment_token_and_server_option_work_as_in_the_command_line(
    qtbot: Any, open_window: Any, gui_simulator: Any
) -> None:
    """``WOLKVOX_TOKEN=… wolkvox-desktop --server 0099`` as ``wolkvox start --server 0099``:
    an operation for this session, shown as such, never written to the store."""
    from tests.gui.conftest import SECRET_TOKEN, puts

    w = open_window("--server", "0099", ready=False)
    qtbot.waitUntil(lambda: w.current_server() == "0099", timeout=10_000)
    assert w.pages.currentWidget().objectName() == "campaignPage"
    assert "this session" in w.operationCombo.currentText()
    assert "not set up" not in w.resultLabel.text()
    wait_idle(qtbot, w)
    w.campaignIdEdit.setText("3303")
    w.typeCombo.setCurrentIndex(w.typeCombo.findData("preview"))
    w.startButton.click()
    qtbot.waitUntil(lambda: bool(puts(gui_simulator)), timeout=10_000)
    wait_idle(qtbot, w)
    assert [r.token for r in puts(gui_simulator)] == [SECRET_TOKEN]
    assert gui_simulator.campaign("3303").started
    with Store(paths.store_path()) as store:
        assert store.operation("0099") is None


def test_first_run_shows_a_friendly_empty_state_that_opens_settings(
    qtbot: Any, open_window: Any
) -> None:
    w = open_window(ready=False)
    qtbot.waitUntil(lambda: w.pages.currentWidget().objectName() == "emptyState")
    assert w.current_server() is None
    assert not w.startButton.isEnabled()
    assert w.emptySettingsButton.isVisible()
    qtbot.mouseClick(w.emptySettingsButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.settings_dialog is not None and w.settings_dialog.isVisible())
    w.settings_dialog.close()


def test_saving_an_operation_in_settings_goes_through_the_worker(
    qtbot: Any, open_window: Any
) -> None:
    from wolkvox_desktop.gui.calls import OperationForm

    w = open_window(ready=False)
    qtbot.waitUntil(lambda: w.pages.currentWidget().objectName() == "emptyState")
    w.open_settings()
    dialog = w.settings_dialog
    results = Catcher(w.handle.worker.saveFinished)
    dialog.saveRequested.emit(
        OperationForm(server="https://wv0040.wolkvox.com/", label="Medellín", token="",
                      licenses=2, timeout_s=30.0, max_in_flight=1)
    )
    qtbot.waitUntil(lambda: len(results.values) == 1)
    assert results.values[0].ok and results.values[0].server == "0040"
    qtbot.waitUntil(lambda: w.current_server() == "0040")
    assert w.pages.currentWidget().objectName() == "campaignPage"
    assert w.operationCombo.currentText() == "Medellín · 0040"
    dialog.close()
    wait_idle(qtbot, w)
    qtbot.waitUntil(lambda: w.tokenUsageLabel.text() == "Tokens today: 1 / 2,000")


def test_window_geometry_is_remembered_in_the_app_data_folder(
    qtbot: Any, open_window: Any, app_home: Path
) -> None:
    seed_operations(Operation(SERVER))
    first = open_window()
    # the offscreen screen is 800 x 600: vary the height
    first.resize(first.minimumWidth(), 520)
    qtbot.waitUntil(lambda: first.height() == 520)
    close_window(first)
    settings_file = app_home / "settings.ini"
    assert settings_file.is_file()
    assert "geometry" in settings_file.read_text()
    second = open_window()
    assert second.height() == 520


def _texts(widget: QWidget) -> list[str]:
    found = []
    for name in ("text", "toolTip", "accessibleName", "accessibleDescription", "windowTitle",
                 "placeholderText", "toPlainText", "statusTip", "whatsThis", "currentText"):
        getter = getattr(widget, name, None)
        if callable(getter):
            try:
                value = getter()
            except TypeError:
                continue
            if isinstance(value, str):
                found.append(value)
    model = getattr(widget, "model", None)
    if callable(model) and model() is not None:
        m = model()
        try:
            columns = m.columnCount(QModelIndex())
        except TypeError:  # a list model keeps it private: one column
            columns = 1
        for r in range(m.rowCount(QModelIndex())):
            for c in range(columns):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = m.index(r, c).data(role)
                    if isinstance(value, str):
                        found.append(value)
    return found


def test_the_token_never_appears_in_widgets_log_store_or_settings(
    qtbot: Any, open_window: Any, gui_simulator: Any, app_home: Path
) -> None:
    logging.getLogger().setLevel(logging.DEBUG)  # the most talkative log there is
    seed_operations(Operation(SERVER, "Norte"))
    w = open_window()
    w._select_campaign("3303")
    w.startButton.click()
    wait_idle(qtbot, w)
    gui_simulator.faults.html_502 = True
    w._settings.setValue("ui/confirm_stop", False)  # no question: straight to the 502
    w.stopButton.click()
    wait_idle(qtbot, w)
    assert "Outcome unknown" in w.resultLabel.text()
    gui_simulator.reset_faults()
    gui_simulator.set_token_use(SECRET_TOKEN, 3000)
    w.startButton.click()  # the last stop's outcome is unknown: asked first
    assert w.calls.resend_box is not None
    assert SECRET_TOKEN not in w.calls.resend_box.text() + w.calls.resend_box.informativeText()
    w.calls.resend_box.findChild(QPushButton, "resendSendButton").click()
    wait_idle(qtbot, w)
    assert "daily limit" in w.resultLabel.text()
    logging.getLogger("test").info("header was wolkvox-token: %s", SECRET_TOKEN)
    w.open_settings()
    qtbot.waitUntil(lambda: w.settings_dialog is not None)
    texts = [t for widget in QApplication.allWidgets() for t in _texts(widget)]
    assert any("3303" in t for t in texts)  # the walk does see the window's content
    assert not [t for t in texts if SECRET_TOKEN in t]
    w.settings_dialog.close()
    close_window(w)
    files = [p for p in app_home.rglob("*") if p.is_file()]
    assert any(p.suffix == ".log" for p in files)
    assert any(p.name.endswith(".sqlite3") for p in files)
    assert any(p.name == "settings.ini" for p in files)
    log_text = (paths.log_dir() / "wolkvox-desktop.log").read_text(encoding="utf-8")
    assert "header was wolkvox-token: [redacted]" in log_text
    leaking = [p.name for p in files if SECRET_TOKEN.encode() in p.read_bytes()]
    assert leaking == []
