"""The answer to the last action, where the eye already is: glyph, words and colour (from
:mod:`~wolkvox_desktop.gui.outcome_look`), and *Check now* beside it while some statuses
in the list are unconfirmed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from wolkvox_desktop.gui.outcome_look import look
from wolkvox_desktop.gui.window.control import control

_translate = QCoreApplication.translate  # the window's context (see top_bar)


class ResultLine(QWidget):
    """Public parts: ``label`` (the window's ``resultLabel``) and ``checkNowButton``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultLine")
        self.label = control(QLabel(), "lastResultLabel",
                             _translate("MainWindow", "Answer to the last action"))
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self._selectable = False  # selectable from its first answer on (see show_result)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.checkNowButton = control(
            QPushButton(_translate("MainWindow", "Check now (1 token)")), "checkNowButton",
            _translate("MainWindow", "Check the unconfirmed statuses now"),
            _translate("MainWindow", "Asks Wolkvox for the campaign list: one call, which "
                       "costs one token. The statuses marked with ? are then confirmed."),
        )
        self.checkNowButton.setVisible(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.checkNowButton, 0, Qt.AlignmentFlag.AlignTop)

    def show_result(self, outcome: str, sentence: str, *, in_progress: bool = False) -> None:
        import html

        if not self._selectable:  # a text control for an empty label: ~2 ms of the first frame
            self._selectable = True
            self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        glyph, words, colour = look(outcome, in_progress=in_progress)
        self.label.setText(
            f"<span style='color:{colour.name()}'><b>{html.escape(glyph)} "
            f"{html.escape(words)}:</b> {html.escape(sentence)}</span>"
        )
        self.label.setAccessibleDescription(f"{words}: {sentence}")

    def clear(self) -> None:
        self.label.setText("")
        self.label.setAccessibleDescription("")

    def offer_check(self, unconfirmed: int) -> None:
        """*Check now* shows while ``unconfirmed`` statuses wait for a list."""
        self.checkNowButton.setVisible(unconfirmed > 0)
