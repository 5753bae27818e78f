"""The window's top bar: which operation, today's token use, the DEMO and test-server
badges, and Settings (the History button joins it once installed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from wolkvox_desktop.gui.control import control
from wolkvox_desktop.gui.eliding import ElidingLabel
from wolkvox_desktop.gui.local_format import number
from wolkvox_desktop.gui.outcome_look import outcome_colour

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


class TopBar(QWidget):
    """Public parts: ``operationLabel``, ``operationCombo`` (item data: the server code),
    ``tokenUsageLabel``, ``demoBadge``, ``testServerBadge``, ``settingsButton``."""

    def __init__(self, *, demo: bool, test_server: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topBar")
        self.operationLabel = QLabel(_translate("MainWindow", "&Operation:"))
        self.operationCombo = control(
            QComboBox(), "operationCombo", _translate("MainWindow", "Operation"),
            _translate("MainWindow", "The Wolkvox operation (server) you work on"),
        )
        self.operationCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.operationCombo.setMinimumContentsLength(14)
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
            QLabel(_translate("MainWindow", "Test server: {0}").format(test_server or "")),
            "testServerBadge", "",
            _translate("MainWindow", "WOLKVOX_API_BASE is set: calls go to this test server, "
                       "not to Wolkvox, and only the token in WOLKVOX_TOKEN is sent there."),
        )
        self.testServerBadge.setTextFormat(Qt.TextFormat.PlainText)
        self.testServerBadge.setStyleSheet(
            BADGE_STYLE.format(name="testServerBadge", colour="#ffb74d")
        )
        self.testServerBadge.setVisible(test_server is not None)

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
        row.addWidget(self.testServerBadge)
        row.addWidget(self.settingsButton)
        self.set_usage(None)

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
