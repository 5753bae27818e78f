"""The window's top bar: which operation, today's token use, the DEMO and test-server
badges, and Settings (the History button joins it once installed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from wolkvox_desktop.gui.local_format import number
from wolkvox_desktop.gui.outcome_look import outcome_colour
from wolkvox_desktop.gui.window.control import control
from wolkvox_desktop.gui.window.eliding import ElidingLabel

if TYPE_CHECKING:
    from wolkvox_desktop.core.store import Operation

# Strings keep the window's translation context: the parts of one window read as one.
_translate = QCoreApplication.translate

BADGE_STYLE = (
    "QLabel#{name} {{ background: {colour}; color: #000; border-radius: 4px;"
    " padding: 2px 10px; font-weight: bold; }}"
)


def choose_operation(
    servers: Sequence[str], current: str | None, preselect: str | None, last: object
) -> str | None:
    """The operation to show: the one shown, else the one asked for (``--server``), else
    the last one used, else the first."""
    for wanted in (current, preselect, last):
        if isinstance(wanted, str) and wanted in servers:
            return wanted
    return servers[0] if servers else None


class OperationCombo(QComboBox):
    """The operations by name and server code ("Cobranza Bogotá · 0032"). When the window
    is narrow, the name gives way ("Cobranza B… · 0032"): the code always shows. (Painted
    by hand only then: the style's enums cost the first frame ~10 ms in PySide6.)"""

    SEPARATOR = " · "
    MIN_NAME_CHARS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Room for the code and a few letters of the name, whatever the name."""
        hint = super().minimumSizeHint()
        full = self.sizeHint().width()
        text = self.currentText()
        head, sep, code = text.rpartition(self.SEPARATOR)
        if not sep or len(head) <= self.MIN_NAME_CHARS:
            return QSize(min(hint.width(), full), hint.height())
        metrics = self.fontMetrics()
        keep = head[: self.MIN_NAME_CHARS] + "…" + sep + code
        saved = metrics.horizontalAdvance(text) - metrics.horizontalAdvance(keep)
        return QSize(max(1, full - max(0, saved)), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        if self.width() >= self.sizeHint().width():
            super().paintEvent(event)  # it all fits: the style's own painting
            return
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox, QStylePainter

        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        room = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option,
            QStyle.SubControl.SC_ComboBoxEditField, self).width()
        option.currentText = self.shown_text(room)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def shown_text(self, room: int) -> str:
        """The current text as it fits ``room`` pixels: the name shortened, the code whole."""
        text = self.currentText()
        metrics = self.fontMetrics()
        if metrics.horizontalAdvance(text) <= room:
            return text
        head, sep, code = text.rpartition(self.SEPARATOR)
        if not sep:
            return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        rest = room - metrics.horizontalAdvance(sep + code)
        return metrics.elidedText(head, Qt.TextElideMode.ElideRight, max(0, rest)) + sep + code


class TopBar(QWidget):
    """Public parts: ``operationLabel``, ``operationCombo`` (item data: the server code),
    ``tokenUsageLabel``, ``demoBadge``, ``testServerBadge``, ``settingsButton``."""

    def __init__(self, *, demo: bool, test_server: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.operationLabel = QLabel(_translate("MainWindow", "&Operation:"))
        self.operationCombo = control(
            OperationCombo(), "operationCombo", _translate("MainWindow", "Operation"),
            _translate("MainWindow", "The Wolkvox operation (server) you work on"),
        )
        self.operationLabel.setBuddy(self.operationCombo)

        self.tokenUsageLabel = control(ElidingLabel(min_width=120), "tokenUsageLabel",
                                       _translate("MainWindow", "Tokens used today"))
        self.tokenUsageLabel.set_tooltip(
            _translate(
                "MainWindow",
                "Every call to Wolkvox, list refreshes included, uses one token. The daily "
                "budget is the number of licenses × 1000. Counted by this app on this computer."
            )
        )

        self.demoBadge = control(
            QLabel(_translate("MainWindow", "DEMO")), "demoBadge",
            _translate("MainWindow", "Demo mode"),
            _translate("MainWindow", "Demo mode: a simulated Wolkvox on this computer. "
                       "Nothing reaches Wolkvox."),
        )
        self.demoBadge.setStyleSheet(BADGE_STYLE.format(name="demoBadge", colour="#ffd54f"))
        self.demoBadge.setVisible(demo)
        # WOLKVOX_API_BASE left set: say where the calls go, all the time
        self.testServerBadge = control(
            ElidingLabel(min_width=40), "testServerBadge", "",
            _translate("MainWindow", "WOLKVOX_API_BASE is set: calls go to this test server, "
                       "not to Wolkvox, and only the token in WOLKVOX_TOKEN is sent there."),
        )
        self._badge_tip = self.testServerBadge.toolTip()
        self._badge_text = self._badge_short = ""
        self.testServerBadge.setStyleSheet(
            BADGE_STYLE.format(name="testServerBadge", colour="#ffb74d")
        )
        self.show_test_server(test_server)

        self.settingsButton = control(
            QPushButton(_translate("MainWindow", "&Settings…")), "settingsButton",
            _translate("MainWindow", "Settings"),
            _translate("MainWindow", "Operations, tokens and language (Ctrl+,)"),
        )

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.operationLabel)
        row.addWidget(self.operationCombo)
        row.addSpacing(12)
        row.addWidget(self.tokenUsageLabel, 1)
        row.addWidget(self.demoBadge)
        row.addWidget(self.testServerBadge)  # the first to give way (ElidingLabel)
        row.addWidget(self.settingsButton)
        self._row = row
        self.set_usage(None)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """In a narrow window the test-server badge gives way first: everything else keeps
        the width it asks for (the operation's code, today's count and budget whole)."""
        self._fit_badge()
        super().resizeEvent(event)

    def _fit_badge(self) -> None:
        badge = self.testServerBadge
        row = getattr(self, "_row", None)
        if badge.isHidden() or row is None:
            return
        others = [row.itemAt(i).widget() for i in range(row.count())]
        shown = [w for w in others if w is not None and w is not badge and not w.isHidden()]
        spacing = max(0, row.spacing()) * len(shown) + 12  # the spacing after the combo
        margins = row.contentsMargins()
        needed = (sum(w.sizeHint().width() for w in shown) + spacing + margins.left()
                  + margins.right())
        room = max(badge.minimumSizeHint().width(), self.width() - needed)
        badge.setMaximumWidth(room)
        whole = badge.fontMetrics().horizontalAdvance(self._badge_text) + badge.margin() * 2
        padding = badge.sizeHint().width() - badge.fontMetrics().horizontalAdvance(badge.text())
        # too narrow for the address: the badge says what it is, the tooltip where
        badge.setText(self._badge_text if whole + padding <= room else self._badge_short)

    def show_test_server(self, test_server: str | None) -> None:
        """The badge that says where the calls go while WOLKVOX_API_BASE is set (the first
        to give way in a narrow window: "Test server", the address in its tooltip)."""
        self._badge_text = _translate("MainWindow", "Test server: {0}").format(
            test_server or "")
        self._badge_short = _translate("MainWindow", "Test server")
        badge = self.testServerBadge
        badge.setVisible(test_server is not None)
        if test_server is None:
            return  # no badge: nothing to measure (the first frame's time)
        badge.setText(self._badge_text)
        badge.set_tooltip(self._badge_text + "\n\n" + self._badge_tip)
        badge.keep_whole(self._badge_short)
        badge.setAccessibleName(self._badge_text)
        self._fit_badge()

    def set_operations(self, operations: Sequence[Operation], chosen: str | None) -> None:
        """List ``operations`` and show ``chosen`` (no ``currentIndexChanged`` meanwhile)."""
        combo = self.operationCombo
        combo.blockSignals(True)
        combo.clear()
        for op in operations:
            text = f"{op.label} · {op.server}" if op.label else op.server
            if not op.saved:
                text = _translate("MainWindow", "{0} (this session only)").format(text)
            combo.addItem(text, op.server)
        combo.setCurrentIndex(combo.findData(chosen) if chosen is not None else -1)
        combo.blockSignals(False)
        shown = bool(operations)
        combo.setEnabled(shown)
        combo.setVisible(shown)
        self.operationLabel.setVisible(shown)
        self._fit_badge()

    def set_usage(self, usage: Any) -> None:
        """Today's token use against the budget (``core.service.Usage``; ``None``: none)."""
        label = self.tokenUsageLabel
        if usage is None:
            label.setText("")
            label.setAccessibleDescription("")
            return
        text = _translate("MainWindow", "Tokens today: {0} / {1}").format(
            number(usage.used), number(usage.budget)
        )
        # the count and the budget stay whole at any width (the warning after may give way)
        label.keep_whole(text if not (usage.exhausted or usage.near_limit) else "⚠ " + text)
        colour = ""
        if usage.exhausted:
            colour = outcome_colour("refused").name()
            text = "⚠ " + text + " — " + _translate("MainWindow", "daily budget used up")
        elif usage.near_limit:
            colour = outcome_colour("undelivered").name()
            text = "⚠ " + text + " — " + _translate("MainWindow", "near the daily limit")
        label.setText(text)
        label.setStyleSheet(f"QLabel {{ color: {colour}; font-weight: bold; }}" if colour else "")
        label.setAccessibleDescription(text)
        self._fit_badge()
