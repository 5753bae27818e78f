"""One rule for sending a campaign's call again when the last one's outcome is unknown (it
may have happened): ask first, offering *Check now* (the campaign list, one token) before
*Send again*. The window's single Start and Stop and the bulk run's *Retry* ask the same
question, which never blocks the event loop (it ``open()``\\s; the answer calls back).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from wolkvox_desktop.gui import messages

_translate = QCoreApplication.translate

BOX_NAME = "resendQuestion"


def ask_before_resending(parent: QWidget, *, action: str, last_action: str, campaign: str,
                         on_check: Callable[[], None], on_send: Callable[[], None],
                         can_check: bool = True) -> QMessageBox:
    """"The outcome of the last start of 3302 · Cobranza Sur is unknown" with *Check now
    (1 token)* (the default), *Send again* and *Cancel* (Esc). ``action`` is the call about
    to be sent, ``last_action`` the one whose outcome is unknown (``start``/``stop``)."""
    box = QMessageBox(parent)
    box.setObjectName(BOX_NAME)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(_translate("ResendQuestion", "Outcome unknown"))
    if last_action == "stop":
        text = _translate("ResendQuestion", "The outcome of the last stop of {campaign} is "
                          "unknown: it may have happened.")
    else:
        text = _translate("ResendQuestion", "The outcome of the last start of {campaign} is "
                          "unknown: it may have happened.")
    box.setText(text.format(campaign=campaign))
    box.setInformativeText(_translate(
        "ResendQuestion",
        "Check now asks Wolkvox for the campaign list (one token) and shows the campaign's "
        "status. Send the call again only if you know the last one did not happen."))
    check = box.addButton(_translate("ResendQuestion", "Check now (1 token)"),
                          QMessageBox.ButtonRole.AcceptRole)
    check.setObjectName("resendCheckButton")
    check.setEnabled(can_check)
    send_text = (_translate("ResendQuestion", "Send “{action}” again")
                 .format(action=messages.action_label(action)))
    send = box.addButton(send_text, QMessageBox.ButtonRole.DestructiveRole)
    send.setObjectName("resendSendButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(check if can_check else cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def answered(_result: int) -> None:
        clicked = box.clickedButton()
        if clicked is check:
            on_check()
        elif clicked is send:
            on_send()

    box.finished.connect(answered)
    box.open()
    return box
