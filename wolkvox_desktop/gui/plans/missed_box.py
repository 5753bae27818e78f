"""The slots missed by more than 15 minutes, above the plans: a line each, with *Run now…*.
Hidden when none is missed. Signal: ``runRequested(str)`` (the plan's name)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wolkvox_desktop.core.plan_runs import PlanState
from wolkvox_desktop.core.schedule import LocalZone
from wolkvox_desktop.gui.outcome_look import outcome_colour, outcome_glyph
from wolkvox_desktop.gui.plans.notices import MISSED
from wolkvox_desktop.gui.plans.when import day_and_time


class MissedBox(QFrame):
    runRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plansMissedBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self.setVisible(False)

    def show_missed(self, missed: Sequence[PlanState], now: datetime, zone: LocalZone) -> None:
        """One line per plan whose latest slot was missed (``state.missed``)."""
        while self._layout.count():
            child = self._layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        for state in missed:
            if state.missed is not None:
                self._layout.addWidget(self._line(state.plan.name,
                                                  day_and_time(state.missed.moment, zone, now)))
        self.setVisible(bool(missed))

    def _line(self, name: str, when: str) -> QWidget:
        line = QWidget(self)
        text = QLabel(f"{outcome_glyph(MISSED)} " + self.tr(
            "Plan “{name}” was missed: not run at its time ({when}).").format(
                name=name, when=when), line)
        text.setWordWrap(True)
        text.setStyleSheet(f"color: {outcome_colour(MISSED).name()};")
        button = QPushButton(self.tr("Run now…"), line)
        button.setObjectName("missedRunNowButton")
        button.setAutoDefault(False)
        button.setProperty("plan", name)
        button.clicked.connect(lambda _checked=False: self.runRequested.emit(name))
        row = QHBoxLayout(line)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(text, 1)
        row.addWidget(button)
        return line
