"""The Settings dialog: validation as you type, the signals it emits, what it shows.

The dialog holds no keyring/HTTP/SQL, so these tests drive the real widget (offscreen)
and play the worker's part by calling its result slots.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from wolkvox_desktop.core import limits
from wolkvox_desktop.core.credentials import MAX_TOKEN_LENGTH, BackendStatus, TokenSource
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui import i18n
from wolkvox_desktop.gui.calls import OperationForm, SaveOutcome
from wolkvox_desktop.gui.settings.dialog import SettingsDialog

# The offscreen platform says this whenever a dialog is shown; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SECRET = "tok-3b9f-SECRET-never-shown"
KEYRING = BackendStatus(usable=True, name="SecretService Keyring", detail="")
NO_KEYRING = BackendStatus(
    usable=False, name="fail Keyring", detail="No recommended backend was available."
)
HOSTILE = [
    "0032.evil.com/",
    "0032@x",
    "00 32",
    "0032/",
    "0032?x=1",
    "https://wv0032.wolkvox.com.evil.com/",
    "https://user@wv0032.wolkvox.com/",
    "https://wv0032.wolkvox.com:8443/",
    "ftp://wv0032.wolkvox.com/",
    "wv0032.evil.com",
    "１２３４",  # full-width digits
    "0032\u200b",  # zero-width space
    "-1",
    "123456789",  # longer than any server code
]


@pytest.fixture
def make_dialog(qtbot):
    def make(
        operations: list[Operation] | None = None,
        current: str | None = None,
        sources: dict[str, TokenSource] | None = None,
        backend: BackendStatus | None = KEYRING,
        language: str = "system",
    ) -> SettingsDialog:
        dialog = SettingsDialog(operations or [], current, sources or {}, backend, language)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def child(dialog: SettingsDialog, cls: type, name: str):  # -> widget of type cls
    widget = dialog.findChild(cls, name)
    assert widget is not None, name
    return widget


def server_edit(d: SettingsDialog) -> QLineEdit:
    return child(d, QLineEdit, "serverEdit")


def token_edit(d: SettingsDialog) -> QLineEdit:
    return child(d, QLineEdit, "tokenEdit")


def button(d: SettingsDialog, name: str) -> QPushButton:
    return child(d, QPushButton, name)


def label(d: SettingsDialog, name: str) -> QLabel:
    return child(d, QLabel, name)


def all_visible_text(root: QWidget) -> str:
    """Every string a widget tree can show or tell a screen reader."""
    parts: list[str] = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        parts += [w.toolTip(), w.accessibleName(), w.accessibleDescription()]
        if isinstance(w, (QLabel, QAbstractButton)):
            parts.append(w.text())
        if isinstance(w, QLineEdit):
            parts += [w.placeholderText(), w.displayText()]
        if isinstance(w, QListWidget):
            parts += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())]
    return "\n".join(parts)


def confirm(qtbot, dialog: SettingsDialog, accept: bool) -> None:
    boxes = [b for b in dialog.findChildren(QMessageBox, "confirmBox") if b.isVisible()]
    assert len(boxes) == 1
    box = boxes[0]
    if accept:
        target = next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
        )
    else:
        target = box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)


# ---------------------------------------------------------------- server code


def test_server_code_is_validated_as_you_type(qtbot, make_dialog):
    d = make_dialog()
    edit, error, save = server_edit(d), label(d, "serverError"), button(d, "saveButton")
    assert not error.isVisible()  # an empty new operation is not scolded before typing
    qtbot.keyClicks(edit, "0032.")
    assert error.isVisible() and "0032" in error.text()
    assert not save.isEnabled()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == "0032"
    assert not error.isVisible()
    assert save.isEnabled()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_server_codes_are_refused_and_never_emitted(qtbot, make_dialog, hostile):
    d = make_dialog()
    with qtbot.assertNotEmitted(d.saveRequested), qtbot.assertNotEmitted(d.testConnectionRequested):
        server_edit(d).setFocus()
        server_edit(d).insert(hostile)  # like typing/pasting: emits textEdited
        server_edit(d).editingFinished.emit()
        assert label(d, "serverError").isVisible()
        assert not button(d, "saveButton").isEnabled()
        assert not button(d, "testButton").isEnabled()
        qtbot.keyClick(server_edit(d), Qt.Key.Key_Return)
        qtbot.mouseClick(button(d, "saveButton"), Qt.MouseButton.LeftButton)


def test_a_pasted_wolkvox_address_becomes_the_server_code(qtbot, make_dialog):
    d = make_dialog()
    QApplication.clipboard().setText("https://wv0032.wolkvox.com/api/v2/information.php?api=x")
    server_edit(d).setFocus()
    server_edit(d).paste()
    assert server_edit(d).text() == "0032"
    assert not label(d, "serverError").isVisible()
    assert d.findChild(QListWidget, "operationList").currentItem().text().startswith("0032")


def test_wv_host_form_is_understood_when_leaving_the_field(qtbot, make_dialog):
    d = make_dialog()
    qtbot.keyClicks(server_edit(d), "wv0041")
    server_edit(d).editingFinished.emit()
    assert server_edit(d).text() == "0041"


def test_a_server_code_already_configured_is_refused(qtbot, make_dialog):
    d = make_dialog([Operation("0032", "Norte")], "0032")
    qtbot.mouseClick(button(d, "addOperationButton"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(server_edit(d), "0032")
    assert "0032" in label(d, "serverError").text()
    assert label(d, "serverError").isVisible()
    assert not button(d, "saveButton").isEnabled()


def test_saved_operations_keep_their_server_code(make_dialog):
    d = make_dialog([Operation("0032", "Norte")], "0032")
    assert server_edit(d).isReadOnly()


# ---------------------------------------------------------------- save


def fill_new_operation(qtbot, d: SettingsDialog) -> None:
    qtbot.keyClicks(server_edit(d), "0032")
    child(d, QLineEdit, "labelEdit").insert("  Bogotá norte ")  # (keyClicks is ASCII-only)
    qtbot.keyClicks(token_edit(d), SECRET)
    child(d, QSpinBox, "licensesSpin").setValue(3)
    child(d, QSpinBox, "timeoutSpin").setValue(30)
    child(d, QSpinBox, "inFlightSpin").setValue(2)


def test_save_emits_the_form_and_clears_the_token_once_saved(qtbot, make_dialog):
    d = make_dialog()
    fill_new_operation(qtbot, d)
    assert token_edit(d).echoMode() == QLineEdit.EchoMode.Password
    assert SECRET not in token_edit(d).displayText()
    with qtbot.waitSignal(d.saveRequested) as sent:
        qtbot.mouseClick(button(d, "saveButton"), Qt.MouseButton.LeftButton)
    form = sent.args[0]
    assert form == OperationForm(
        server="0032", label="Bogotá norte", token=SECRET, licenses=3, timeout_s=30.0,
        max_in_flight=2,
    )  # fmt: skip
    assert SECRET not in repr(form)
    # while saving: no second request, the form cannot change under the worker's feet
    assert not button(d, "saveButton").isEnabled()
    with qtbot.assertNotEmitted(d.saveRequested):
        qtbot.mouseClick(button(d, "saveButton"), Qt.MouseButton.LeftButton)

    d.show_save_result(SaveOutcome("0032", True, TokenSource.KEYRING, ""))

    assert token_edit(d).text() == ""
    assert token_edit(d).placeholderText() == "Leave empty to keep the current token"
    assert label(d, "tokenStatusLabel").text() == (
        "A token is saved in Secret Service / GNOME Keyring."
    )
    assert server_edit(d).isReadOnly()
    assert button(d, "removeTokenButton").isEnabled()
    assert label(d, "saveStatusLabel").isVisible()
    assert label(d, "saveStatusLabel").property("kind") == "ok"
    assert "Secret Service / GNOME Keyring" in label(d, "saveStatusLabel").text()
    assert d.findChild(QListWidget, "operationList").item(0).text() == "Bogotá norte · 0032"
    assert SECRET not in all_visible_text(d)


def test_save_of_an_existing_operation_keeps_the_saved_token(qtbot, make_dialog):
    d = make_dialog(
        [Operation("0032", "Norte", licenses=2), Operation("0041", "Sur", timeout_s=20.0)],
        "0041",
        {"0032": TokenSource.KEYRING, "0041": TokenSource.KEYRING},
    )
    assert server_edit(d).text() == "0041"
    assert child(d, QSpinBox, "timeoutSpin").value() == 20
    assert token_edit(d).text() == ""  # a saved token is never put back in the field
    child(d, QSpinBox, "timeoutSpin").setValue(25)
    with qtbot.waitSignal(d.saveRequested) as sent:
        qtbot.mouseClick(button(d, "saveButton"), Qt.MouseButton.LeftButton)
    assert sent.args[0].server == "0041"
    assert sent.args[0].token == ""
    assert sent.args[0].timeout_s == 25


def test_a_failed_save_says_why_and_keeps_what_was_typed(qtbot, make_dialog):
    d = make_dialog(backend=NO_KEYRING)
    fill_new_operation(qtbot, d)
    with qtbot.waitSignal(d.saveRequested):
        qtbot.mouseClick(button(d, "saveButton"), Qt.MouseButton.LeftButton)
    d.show_save_result(SaveOutcome("0032", False, None, "The keyring is locked."))
    status = label(d, "saveStatusLabel")
    assert status.isVisible() and "not saved" in status.text()
    assert "The keyring is locked." in status.text()
    assert token_edit(d).text() == SECRET  # masked, still there to retry
    assert token_edit(d).echoMode() == QLineEdit.EchoMode.Password
    assert button(d, "saveButton").isEnabled()
    assert not server_edit(d).isReadOnly()  # still a new operation


def test_show_hide_toggles_only_the_typed_token(qtbot, make_dialog):
    d = make_dialog()
    qtbot.keyClicks(token_edit(d), SECRET)
    show = d.findChild(QAbstractButton, "showTokenButton")
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert token_edit(d).echoMode() == QLineEdit.EchoMode.Normal
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert token_edit(d).echoMode() == QLineEdit.EchoMode.Password


def test_switching_operations_keeps_drafts_and_hides_the_token_again(qtbot, make_dialog):
    d = make_dialog([Operation("0032", "Norte")], "0032", {"0032": TokenSource.KEYRING})
    qtbot.keyClicks(token_edit(d), SECRET)
    qtbot.mouseClick(d.findChild(QAbstractButton, "showTokenButton"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(d, "addOperationButton"), Qt.MouseButton.LeftButton)
    assert token_edit(d).text() == ""
    d.findChild(QListWidget, "operationList").setCurrentRow(0)
    assert token_edit(d).text() == SECRET
    assert token_edit(d).echoMode() == QLineEdit.EchoMode.Password


def test_budget_follows_the_number_of_licenses(make_dialog):
    d = make_dialog()
    child(d, QSpinBox, "licensesSpin").setValue(3)
    assert QLocale().toString(limits.daily_budget(3)) in label(d, "budgetLabel").text()


def test_the_limits_the_form_allows_are_cores(make_dialog):
    d = make_dialog()
    spins = {name: child(d, QSpinBox, name) for name in ("licensesSpin", "timeoutSpin",
                                                          "inFlightSpin")}  # fmt: skip
    shown = {name: (s.minimum(), s.maximum(), s.value()) for name, s in spins.items()}
    assert shown == {
        "licensesSpin": (limits.MIN_LICENSES, limits.MAX_LICENSES, limits.MIN_LICENSES),
        "timeoutSpin": (limits.MIN_TIMEOUT_S, limits.MAX_TIMEOUT_S, limits.DEFAULT_TIMEOUT_S),
        "inFlightSpin": (limits.MIN_IN_FLIGHT, limits.MAX_SIMULTANEOUS, limits.DEFAULT_IN_FLIGHT),
    }
    assert token_edit(d).maxLength() == MAX_TOKEN_LENGTH
    assert f"at most {limits.MAX_SIMULTANEOUS} per token" in all_visible_text(d)
    # a stored operation outside the limits is shown within them, never refused
    odd = Operation("0032", licenses=0, timeout_s=10_000.0, max_in_flight=7)
    d = make_dialog([odd], "0032")
    assert [s.value() for s in (child(d, QSpinBox, n) for n in spins)] == [
        limits.MIN_LICENSES, int(limits.MAX_TIMEOUT_S), limits.MAX_SIMULTANEOUS
    ]  # fmt: skip


# ---------------------------------------------------------------- token, operations


def test_remove_saved_token_asks_then_emits(qtbot, make_dialog):
    d = make_dialog([Operation("0032", "Norte")], "0032", {"0032": TokenSource.KEYRING})
    remove = button(d, "removeTokenButton")
    with qtbot.assertNotEmitted(d.removeTokenRequested):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
        confirm(qtbot, d, accept=False)
    with qtbot.waitSignal(d.removeTokenRequested) as sent:
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
        confirm(qtbot, d, accept=True)
    assert sent.args == ["0032"]
    assert not remove.isEnabled()
    assert "GNOME Keyring" not in label(d, "tokenStatusLabel").text()
    assert label(d, "tokenStatusLabel").text() == "No token saved for this operation yet."


def test_nothing_to_remove_when_the_token_comes_from_the_environment(make_dialog):
    d = make_dialog([Operation("0032")], "0032", {"0032": TokenSource.ENVIRONMENT})
    assert not button(d, "removeTokenButton").isEnabled()
    assert "WOLKVOX_TOKEN" in label(d, "tokenStatusLabel").text()


def test_delete_operation_asks_then_emits(qtbot, make_dialog):
    d = make_dialog([Operation("0032", "Norte"), Operation("0041", "Sur")], "0041")
    operations = d.findChild(QListWidget, "operationList")
    with qtbot.waitSignal(d.deleteOperationRequested) as sent:
        qtbot.mouseClick(button(d, "deleteOperationButton"), Qt.MouseButton.LeftButton)
        confirm(qtbot, d, accept=True)
    assert sent.args == ["0041"]
    assert operations.count() == 1
    assert server_edit(d).text() == "0032"


def test_deleting_an_unsaved_operation_emits_nothing(qtbot, make_dialog):
    d = make_dialog([Operation("0032")], "0032")
    qtbot.mouseClick(button(d, "addOperationButton"), Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(d.deleteOperationRequested):
        qtbot.mouseClick(button(d, "deleteOperationButton"), Qt.MouseButton.LeftButton)
    assert d.findChild(QListWidget, "operationList").count() == 1


def test_a_session_operation_is_shown_as_such_and_can_be_saved(qtbot, make_dialog):
    session = Operation("0099", saved=False)  # --server 0099 with WOLKVOX_TOKEN
    d = make_dialog([Operation("0032", "Norte"), session], "0099",
                    {"0032": TokenSource.KEYRING, "0099": TokenSource.ENVIRONMENT})  # fmt: skip
    operations = d.findChild(QListWidget, "operationList")
    assert operations.currentItem().text() == "0099 (this session only)"
    assert label(d, "sessionNote").isVisible()
    assert "this session only" in label(d, "sessionNote").text().lower()
    assert server_edit(d).isReadOnly()
    assert not button(d, "deleteOperationButton").isEnabled()  # nothing stored to delete
    assert not button(d, "removeTokenButton").isVisible()  # the token is the environment's
    child(d, QLineEdit, "labelEdit").insert("Cali")
    with qtbot.waitSignal(d.saveRequested) as sent:
        qtbot.mouseClick(button(d, "saveButton"), Qt.MouseButton.LeftButton)
    assert (sent.args[0].server, sent.args[0].label, sent.args[0].token) == ("0099", "Cali", "")
    d.show_save_result(SaveOutcome("0099", True, TokenSource.ENVIRONMENT, ""))
    assert operations.currentItem().text() == "Cali · 0099"
    assert not label(d, "sessionNote").isVisible()
    assert button(d, "deleteOperationButton").isEnabled()
    operations.setCurrentRow(0)
    assert not label(d, "sessionNote").isVisible()  # a stored operation has no such note


def test_no_widget_ever_shows_a_typed_token(qtbot, make_dialog):
    d = make_dialog([Operation("0032", "Norte")], "0032", {"0032": TokenSource.KEYRING})
    show = d.findChild(QAbstractButton, "showTokenButton")
    seen: list[str] = []

    def look() -> None:
        seen.append(all_visible_text(d))

    qtbot.keyClicks(token_edit(d), SECRET)
    look()
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)  # shown on purpose, in its field only
    assert token_edit(d).displayText() == SECRET
    assert SECRET not in all_visible_text(d).replace(SECRET, "", 1)
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    look()
    with qtbot.waitSignal(d.testConnectionRequested):
        qtbot.mouseClick(button(d, "testButton"), Qt.MouseButton.LeftButton)
    look()
    d.show_test_result(CallResult(Outcome.REFUSED, Reason.INVALID_TOKEN, "Rejected.", 403, 403))
    look()
    with qtbot.waitSignal(d.saveRequested):
        qtbot.mouseClick(button(d, "saveButton"), Qt.MouseButton.LeftButton)
    look()
    d.show_save_result(SaveOutcome("0032", False, None, "That token contains spaces."))
    look()
    qtbot.mouseClick(button(d, "addOperationButton"), Qt.MouseButton.LeftButton)
    look()
    d.findChild(QListWidget, "operationList").setCurrentRow(0)
    look()
    with qtbot.waitSignal(d.saveRequested):
        qtbot.mouseClick(button(d, "saveButton"), Qt.MouseButton.LeftButton)
    d.show_save_result(SaveOutcome("0032", True, TokenSource.SESSION, ""))
    look()
    assert token_edit(d).text() == ""  # saved: forgotten here
    assert [i for i, text in enumerate(seen) if SECRET in text] == []


# ---------------------------------------------------------------- test connection


def test_test_connection_emits_once_and_shows_the_campaign_count(qtbot, make_dialog):
    d = make_dialog([Operation("0032")], "0032", {"0032": TokenSource.KEYRING})
    test = button(d, "testButton")
    assert "token" in test.toolTip().lower()  # says that it costs one
    with qtbot.waitSignal(d.testConnectionRequested) as sent:
        qtbot.mouseClick(test, Qt.MouseButton.LeftButton)
    assert sent.args[0].server == "0032" and sent.args[0].token == ""
    with qtbot.assertNotEmitted(d.testConnectionRequested):
        qtbot.mouseClick(test, Qt.MouseButton.LeftButton)  # busy: one request only
    d.show_test_result(CallResult(Outcome.OK, Reason.OK, "ok", 200, 200, data=[1, 2, 3]))
    result = label(d, "testResultLabel")
    assert result.isVisible() and "3" in result.text()
    assert test.isEnabled()


def test_test_connection_shows_the_error_sentence(qtbot, make_dialog):
    d = make_dialog()
    qtbot.keyClicks(server_edit(d), "0032")
    qtbot.keyClicks(token_edit(d), SECRET)
    with qtbot.waitSignal(d.testConnectionRequested) as sent:
        qtbot.mouseClick(button(d, "testButton"), Qt.MouseButton.LeftButton)
    assert sent.args[0].token == SECRET
    sentence = "Wolkvox rejected the token."
    d.show_test_result(CallResult(Outcome.REFUSED, Reason.INVALID_TOKEN, sentence, 403, 403))
    assert label(d, "testResultLabel").isVisible()
    assert (
        label(d, "testResultLabel")
        .text()
        .endswith(("Wolkvox rejected the token.", "current token."))
    )


def test_test_connection_without_any_token_asks_for_one(qtbot, make_dialog):
    d = make_dialog()
    qtbot.keyClicks(server_edit(d), "0032")
    with qtbot.assertNotEmitted(d.testConnectionRequested):
        qtbot.mouseClick(button(d, "testButton"), Qt.MouseButton.LeftButton)
    assert label(d, "testResultLabel").isVisible()


# ---------------------------------------------------------------- backend, language


def test_warning_when_no_keyring_is_usable(make_dialog):
    d = make_dialog(backend=KEYRING)
    line = label(d, "backendLabel")
    assert line.property("kind") == "info"
    assert "Secret Service / GNOME Keyring" in line.text()
    d.set_backend_status(NO_KEYRING)
    assert line.isVisible() and line.property("kind") == "warning"
    assert "this session only" in line.text()


def test_backend_unknown_at_first_then_told(make_dialog):
    d = make_dialog(backend=None)
    assert label(d, "backendLabel").text() == "Token storage: checking…"
    d.set_backend_status(KEYRING)
    assert "Secret Service / GNOME Keyring" in label(d, "backendLabel").text()


def test_language_choice_is_emitted_and_says_it_needs_a_restart(qtbot, make_dialog):
    d = make_dialog(language="en")
    combo = child(d, QComboBox, "languageCombo")
    assert combo.currentData() == "en"
    assert "restart" in label(d, "languageNote").text().lower()
    with qtbot.waitSignal(d.languageChanged) as sent:
        combo.setCurrentIndex(combo.findData("es"))
    assert sent.args == ["es"]


# ---------------------------------------------------------------- accessibility, Spanish


def test_every_control_has_an_accessible_name(make_dialog):
    d = make_dialog([Operation("0032", "Norte")], "0032", {"0032": TokenSource.KEYRING})
    controls = [
        w
        for w in d.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and isinstance(w, (QAbstractButton, QLineEdit, QSpinBox, QComboBox, QListWidget))
        and w.parent() is not None
        and not isinstance(w.parent(), (QSpinBox, QComboBox))
    ]
    assert len(controls) >= 14
    unnamed = [w.objectName() or type(w).__name__ for w in controls if not w.accessibleName()]
    assert unnamed == []


def tab_stops(root: QWidget, start: QWidget, count: int) -> list[str]:
    """The widgets Tab visits from ``start``, as Qt picks them (focus chain, tab-focusable)."""
    order, widget = [], start
    while len(order) < count:
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(root)
            and widget.isEnabled()
        ):
            outer = widget.parentWidget()
            named = outer if isinstance(outer, (QSpinBox, QComboBox)) else widget  # inner editor
            if not order or order[-1] != named.objectName():
                order.append(named.objectName())
        widget = widget.nextInFocusChain()
    return order


def test_tab_order_follows_the_form(make_dialog):
    d = make_dialog([Operation("0032", "Norte")], "0032", {"0032": TokenSource.KEYRING})
    assert tab_stops(d, child(d, QListWidget, "operationList"), 16) == [
        "operationList", "addOperationButton", "deleteOperationButton", "serverEdit",
        "labelEdit", "tokenEdit", "showTokenButton", "removeTokenButton", "licensesSpin",
        "timeoutSpin", "inFlightSpin", "testButton", "languageCombo", "confirmStopCheck",
        "saveButton", "closeButton",
    ]  # fmt: skip


@pytest.fixture
def spanish(qapp) -> Iterator[None]:
    locale = QLocale()
    assert i18n.install_translators(qapp, "es") == "es"
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(locale)


def test_spanish_labels(spanish, make_dialog):
    d = make_dialog([Operation("0032", "Norte")], "0032", {"0032": TokenSource.KEYRING},
                    backend=NO_KEYRING)  # fmt: skip
    assert d.windowTitle() == "Configuración"
    assert button(d, "saveButton").text() == "Guardar"
    assert button(d, "testButton").text() == "Probar conexión"
    assert "reiniciar" in label(d, "languageNote").text()
    d.show_save_result(SaveOutcome("0032", True, TokenSource.SESSION, "Saved (English)."))
    assert "solo durante esta sesión" in label(d, "saveStatusLabel").text()
    # fits a 1024-pixel-wide screen in the longer language
    assert d.sizeHint().width() <= 1000


def test_token_sources_reported_later_update_the_form(make_dialog):
    d = make_dialog([Operation("0032", "Norte")], "0032", {})
    assert not button(d, "removeTokenButton").isEnabled()
    d.set_token_sources({"0032": TokenSource.KEYRING})
    assert button(d, "removeTokenButton").isEnabled()
    assert "Secret Service / GNOME Keyring" in label(d, "tokenStatusLabel").text()


def test_test_connection_through_the_real_worker_and_simulator(qtbot):
    """Opened from the demo window: the worker lists the simulator's campaigns (one token)."""
    from wolkvox_desktop.gui.app import build

    _app, window = build(["--demo", "--lang", "en"])
    qtbot.addWidget(window)
    sim = window.demo_session.simulator
    sim.faults.latency = 0.0
    window.show()
    qtbot.waitUntil(lambda: window.campaignModel.rowCount() > 0, timeout=10_000)
    window.open_settings()
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None, timeout=5_000)
    d = window.findChild(SettingsDialog)
    gets = sum(1 for r in sim.requests if r.method == "GET")
    qtbot.mouseClick(button(d, "testButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: label(d, "testResultLabel").property("kind") == "ok", timeout=10_000)
    assert str(window.campaignModel.rowCount()) in label(d, "testResultLabel").text()
    assert sum(1 for r in sim.requests if r.method == "GET") == gets + 1  # one token
    assert "demo-token" not in all_visible_text(d)
    qtbot.waitUntil(lambda: label(d, "backendLabel").text().startswith("Demo mode"))
    assert label(d, "backendLabel").text() == (
        "Demo mode: tokens are kept in memory for this session only."
    )
    d.close()
    window.close()
