"""Settings never loses what was typed silently (issue 19): Close, Esc or ✕ with a new
operation, a typed token or an edited one asks "Save changes?" (Save / Discard / Cancel);
Test connection follows WOLKVOX_TOKEN for an operation not saved yet; Save with only a
language change says so, with no word about the token. In English and Spanish.

The dialog alone (its signals), and the real window with its worker where the worker is
what decides (where a new operation's token comes from; demo mode's session token)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QSpinBox

from tests.gui.conftest import SECRET_TOKEN, seed_operations, wait_ready
from tests.gui.spoken import spoken, words
from tests.gui.test_settings_dialog import (
    button,
    child,
    label,
    make_dialog,
    server_edit,
    token_edit,
)
from wolkvox_desktop.core.credentials import TokenSource
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui.calls import SaveOutcome
from wolkvox_desktop.gui.settings.dialog import SettingsDialog
from wolkvox_desktop.gui.settings.settings_jobs import NEW_OPERATION
from wolkvox_desktop.gui.window.main_window import MainWindow

__all__ = ["make_dialog", "spoken"]

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.qt_log_ignore("This plugin does not support raise")]  # fmt: skip


def question(qtbot: Any, d: SettingsDialog) -> QMessageBox:
    def shown() -> list[QMessageBox]:
        return [b for b in d.findChildren(QMessageBox, "saveChangesQuestion") if b.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def type_new_operation(qtbot: Any, d: SettingsDialog) -> None:
    server_edit(d).setFocus()
    qtbot.keyClicks(server_edit(d), "0032")
    qtbot.keyClicks(token_edit(d), SECRET_TOKEN)


def test_close_with_a_new_operation_and_its_token_asks_first(
    qtbot: Any, make_dialog: Any, spoken: str
) -> None:
    d = make_dialog()  # the first run: a new operation to fill in
    type_new_operation(qtbot, d)
    with qtbot.assertNotEmitted(d.saveRequested):
        qtbot.mouseClick(button(d, "closeButton"), Qt.MouseButton.LeftButton)
        box = question(qtbot, d)
    assert box.text() == words(spoken, "Save changes?", "¿Guardar los cambios?")
    assert "0032" in box.informativeText() and SECRET_TOKEN not in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Save)
    box.button(QMessageBox.StandardButton.Cancel).click()  # Cancel: back to the form
    qtbot.waitUntil(lambda: not [b for b in d.findChildren(QMessageBox) if b.isVisible()])
    assert d.isVisible() and token_edit(d).text() == SECRET_TOKEN
    d.reject()  # Esc asks too
    box = question(qtbot, d)
    with qtbot.waitSignal(d.saveRequested) as sent:
        box.button(QMessageBox.StandardButton.Save).click()
    assert (sent.args[0].server, sent.args[0].token) == ("0032", SECRET_TOKEN)
    assert d.isVisible()  # until the save is answered
    d.show_save_result(SaveOutcome("0032", True, TokenSource.KEYRING, "Saved."))
    qtbot.waitUntil(lambda: not d.isVisible())


def test_discard_closes_and_forgets_and_a_failed_save_keeps_the_dialog_open(
    qtbot: Any, make_dialog: Any
) -> None:
    d = make_dialog([Operation("0032", "Norte")], "0032", {"0032": TokenSource.KEYRING})
    child(d, QSpinBox, "licensesSpin").setValue(3)  # an edit of a saved operation
    d.reject()
    box = question(qtbot, d)
    with qtbot.waitSignal(d.saveRequested):
        box.button(QMessageBox.StandardButton.Save).click()
    d.show_save_result(SaveOutcome("0032", False, None, "The operation could not be saved."))
    assert d.isVisible()  # the failure is shown where the buttons are
    assert "could not be saved" in label(d, "saveStatusLabel").text()
    d.reject()
    box = question(qtbot, d)
    with qtbot.assertNotEmitted(d.saveRequested):
        box.button(QMessageBox.StandardButton.Discard).click()
        qtbot.waitUntil(lambda: not d.isVisible())


def test_close_without_changes_closes_at_once(qtbot: Any, make_dialog: Any) -> None:
    d = make_dialog([Operation("0032", "Norte")], "0032", {"0032": TokenSource.KEYRING})
    child(d, QComboBox, "languageCombo").setCurrentIndex(2)  # saved as it is chosen
    qtbot.mouseClick(button(d, "closeButton"), Qt.MouseButton.LeftButton)
    assert not d.isVisible()
    assert d.findChild(QMessageBox, "saveChangesQuestion") is None


def test_test_connection_uses_wolkvox_token_for_an_operation_not_saved_yet(
    qtbot: Any, make_dialog: Any
) -> None:
    d = make_dialog([], None, {NEW_OPERATION: TokenSource.ENVIRONMENT})
    qtbot.keyClicks(server_edit(d), "0032")
    assert label(d, "tokenStatusLabel").text() == (
        "The token comes from the WOLKVOX_TOKEN environment variable.")
    with qtbot.waitSignal(d.testConnectionRequested) as asked:
        qtbot.mouseClick(button(d, "testButton"), Qt.MouseButton.LeftButton)
    assert asked.args[0].token == ""  # "the token the rule finds": WOLKVOX_TOKEN
    assert "Enter the token first" not in label(d, "testResultLabel").text()


def test_the_window_tells_settings_where_a_new_operations_token_comes_from(
    qtbot: Any, open_window: Any
) -> None:
    w: MainWindow = open_window(ready=False)  # no operation saved; WOLKVOX_TOKEN is set
    qtbot.waitUntil(lambda: w.settingsLink.token_sources.get(NEW_OPERATION)
                    is TokenSource.ENVIRONMENT, timeout=10_000)
    w.open_settings()
    d = w.settings_dialog
    assert d is not None
    qtbot.keyClicks(server_edit(d), "0032")
    with qtbot.waitSignal(d.testConnectionRequested):
        qtbot.mouseClick(button(d, "testButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "The connection works" in label(d, "testResultLabel").text(),
                    timeout=10_000)
    d.discard_and_close()


def test_saving_only_a_language_change_in_demo_says_so_and_nothing_of_the_token(
    qtbot: Any, spoken: str
) -> None:
    from tests.gui.conftest import close_window
    from wolkvox_desktop.gui.app import build

    _app, w = build(["--demo", "--lang", spoken])
    qtbot.addWidget(w)
    w.show()
    wait_ready(qtbot, w)
    w.open_settings()
    d = w.settings_dialog
    assert d is not None
    held = words(spoken, "for this session only", "solo para esta sesión")
    qtbot.waitUntil(lambda: held in label(d, "tokenStatusLabel").text(), timeout=10_000)
    languages = child(d, QComboBox, "languageCombo")  # the other one, for the next start
    languages.setCurrentIndex(languages.findData("es" if spoken == "en" else "en"))
    with qtbot.assertNotEmitted(d.saveRequested):
        qtbot.mouseClick(button(d, "saveButton"), Qt.MouseButton.LeftButton)
    status = label(d, "saveStatusLabel")
    assert status.text() == words(
        spoken, "The language is saved: it applies after restarting Wolkvox Desktop. Nothing "
        "else has changed.", "El idioma está guardado: se aplica al reiniciar Wolkvox Desktop. "
        "Nada más ha cambiado.")
    assert status.property("kind") == "info"  # no warning, no word about the token
    d.discard_and_close()
    close_window(w)


def test_seeded_operations_open_with_nothing_unsaved(qtbot: Any, open_window: Any) -> None:
    seed_operations(Operation("0032", "Norte"))
    w: MainWindow = open_window()
    w.open_settings()
    d = w.settings_dialog
    assert d is not None and d.unsaved() == []
    d.reject()
    qtbot.waitUntil(lambda: w.settings_dialog is None)
