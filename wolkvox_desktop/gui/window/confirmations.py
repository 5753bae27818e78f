"""The window's two questions, each asked once and never blocking the event loop (they
``open()``; the answer calls back):

* stopping a campaign the list shows as started (unless the supervisor ticked *Don't ask
  again*, kept as ``ui/confirm_stop`` in the window's settings file);
* sending a call when today's token budget is used up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from wolkvox_desktop.gui import messages

_translate = QCoreApplication.translate  # the window's context (see top_bar)

CONFIRM_STOP_KEY = "ui/confirm_stop"
STOP_BOX = "stopConfirmBox"
OVER_BUDGET_BOX = "overBudgetBox"


def confirm_stop_wanted(settings: QSettings) -> bool:
    """Ask before stopping a started campaign? (yes unless turned off)"""
    value = settings.value(CONFIRM_STOP_KEY, True)
    if isinstance(value, str):  # an .ini file gives text back
        return value.strip().lower() not in ("false", "0", "no")
    return bool(value)


def ask_to_stop(parent: QWidget, target: str, settings: QSettings,
                on_stop: Callable[[], None]) -> QMessageBox:
    """"Stop 3302 · Cobranza Sur?" with *Stop* (the default) and *Cancel*, and *Don't ask
    again* (saved only when the answer is Stop)."""
    box = QMessageBox(parent)
    box.setObjectName(STOP_BOX)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_translate("MainWindow", "Stop campaign"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_translate("MainWindow", "Stop {0}?").format(target))
    box.setInformativeText(
        _translate("MainWindow", "The list shows this campaign as started. Stopping it pauses "
                   "its dialing in Wolkvox; the call costs one token.")
    )
    stop = box.addButton(_translate("MainWindow", "■ Stop"), QMessageBox.ButtonRole.AcceptRole)
    stop.setObjectName("stopConfirmButton")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(stop)
    check = QCheckBox(_translate("MainWindow", "Don't ask again"))
    check.setObjectName("dontAskAgainCheck")
    check.setToolTip(
        _translate("MainWindow", "Stop started campaigns at once from now on. Settings can "
                   "turn the question back on.")
    )
    box.setCheckBox(check)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def answered(_result: int) -> None:
        if box.clickedButton() is not stop:
            return
        if check.isChecked():
            settings.setValue(CONFIRM_STOP_KEY, False)
            settings.sync()
        on_stop()

    box.finished.connect(answered)
    box.open()
    return box


def ask_over_budget(parent: QWidget, action: str, campaign_id: str,
                    on_yes: Callable[[], None]) -> QMessageBox:
    """Today's budget is used up: send this one call anyway?"""
    box = QMessageBox(parent)
    box.setObjectName(OVER_BUDGET_BOX)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_translate("MainWindow", "Daily token budget used up"))
    box.setText(
        _translate(
            "MainWindow",
            "Today's token budget for this operation is used up. Wolkvox may refuse the "
            "call. Send \"{0}\" for campaign {1} anyway? It costs one more token.",
        ).format(messages.action_label(action), campaign_id)
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def answered(button: int) -> None:
        if button == QMessageBox.StandardButton.Yes:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box
