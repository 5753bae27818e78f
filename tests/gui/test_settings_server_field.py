"""The server code field: a typed address is left alone until the field is left; a pasted
one becomes its code at once; a problem shows while typing only when no more typing can
fix it (issue 10, point 7)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QListWidget

from tests.gui.test_settings_dialog import HOSTILE, button, label, make_dialog, server_edit
from wolkvox_desktop.core.campaigns import MAX_SERVER_CODE_LENGTH
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui.settings.server_field import may_become_server_code

# The offscreen platform says this whenever a dialog is shown; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ADDRESS = "https://wv0032.wolkvox.com/manager"
__all__ = ["make_dialog"]  # the fixture, shared with test_settings_dialog


@pytest.fixture
def focused_dialog(make_dialog, qtbot):
    """A dialog that is the active window, its server field focused (real focus events)."""

    def make(*args, **kwargs):
        d = make_dialog(*args, **kwargs)
        d.activateWindow()
        qtbot.waitUntil(d.isActiveWindow)
        server_edit(d).setFocus()
        qtbot.waitUntil(server_edit(d).hasFocus)
        return d

    return make


@pytest.mark.parametrize(
    "typed", [ADDRESS, "http://WV0032.Wolkvox.com/?x=1", "wv0032.wolkvox.com/manager", "0032"]
)
def test_every_start_of_an_address_may_still_become_a_code(typed):
    assert all(may_become_server_code(typed[:n]) for n in range(len(typed) + 1))


@pytest.mark.parametrize(
    "text",
    [
        *HOSTILE,
        "0032.",
        "0032/x",
        "https://wv0032.wolkvox.com.",
        "https://wv0032.wolkvox.com:8",
        "https://wv.",
        "https://wv" + "1" * (MAX_SERVER_CODE_LENGTH + 1),
        "ftp:",
        "wv0032wolkvox",
    ],
)
def test_a_text_no_typing_can_fix_is_known_at_once(text):
    assert not may_become_server_code(text)


def test_typing_an_address_is_left_alone_until_the_field_is_left(qtbot, focused_dialog):
    d = focused_dialog()
    edit, error = server_edit(d), label(d, "serverError")
    for n, char in enumerate(ADDRESS, start=1):
        qtbot.keyClicks(edit, char)
        assert edit.text() == ADDRESS[:n]  # never rewritten mid-typing
        assert not error.isVisible(), ADDRESS[:n]  # never scolded mid-typing
    assert edit.hasFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # leave the field, as a person does
    qtbot.waitUntil(lambda: not edit.hasFocus())
    assert edit.text() == "0032"
    assert not error.isVisible()
    assert button(d, "saveButton").isEnabled()
    assert d.findChild(QListWidget, "operationList").currentItem().text().startswith("0032")


def test_a_typed_address_that_is_no_code_is_said_when_the_field_is_left(qtbot, focused_dialog):
    d = focused_dialog()
    edit, error = server_edit(d), label(d, "serverError")
    qtbot.keyClicks(edit, "https://wv0032.wolkvox.co")  # could still become .com
    assert not error.isVisible()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(error.isVisible)
    assert edit.text() == "https://wv0032.wolkvox.co"  # not a code: left as typed
    assert "Not a server code" in error.text()
    assert not button(d, "saveButton").isEnabled()


def test_pasting_an_address_makes_it_the_code_at_once(qtbot, focused_dialog):
    d = focused_dialog()
    edit = server_edit(d)
    QGuiApplication.clipboard().setText(ADDRESS)
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert edit.hasFocus()  # still in the field
    assert edit.text() == "0032"
    assert not label(d, "serverError").isVisible()
    assert button(d, "saveButton").isEnabled()


def test_pasting_over_a_typed_start_makes_the_whole_text_a_code(qtbot, focused_dialog):
    d = focused_dialog()
    edit = server_edit(d)
    qtbot.keyClicks(edit, "https://")
    QGuiApplication.clipboard().setText("wv0041.wolkvox.com/manager")
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "0041"


def test_a_pasted_text_that_is_no_code_is_said_at_once(qtbot, focused_dialog):
    d = focused_dialog()
    edit = server_edit(d)
    QGuiApplication.clipboard().setText("https://wv0032.wolkvox.com.evil.com/")
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert edit.hasFocus()
    assert label(d, "serverError").isVisible()
    assert edit.text() == "https://wv0032.wolkvox.com.evil.com/"


def test_a_clash_is_said_while_typing(qtbot, focused_dialog):
    d = focused_dialog([Operation("0032", "Norte")], "0032")
    qtbot.mouseClick(button(d, "addOperationButton"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(server_edit(d), "wv0032")
    assert server_edit(d).text() == "wv0032"  # left alone while typing...
    assert "0032" in label(d, "serverError").text()  # ...but the clash is known already
    assert not button(d, "saveButton").isEnabled()


def test_a_saved_code_is_never_rewritten(qtbot, make_dialog):
    d = make_dialog([Operation("0032", "Norte")], "0032")
    edit = d.findChild(QLineEdit, "serverEdit")
    assert edit.isReadOnly()
    edit.editingFinished.emit()
    assert edit.text() == "0032"
