"""A plan's schedule in the form: *Run on a schedule*, the time (typed as ``HH:MM``: the
core checks it) and the days (every day, weekdays, or chosen days)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.plans import (
    DAILY,
    DAY_NAMES,
    EVERY_DAY,
    WEEKDAYS,
    WEEKDAYS_WORD,
    Schedule,
)

CHOSEN_DAYS = "days"


class ScheduleFields(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scheduleCheck = QCheckBox(self.tr("Run on a schedule, while the app runs"), self)
        self.scheduleCheck.setObjectName("planScheduleCheck")
        self.atEdit = QLineEdit(self)
        self.atEdit.setObjectName("planAtEdit")
        self.atEdit.setPlaceholderText("07:00")
        self.atEdit.setFixedWidth(self.atEdit.fontMetrics().horizontalAdvance("00:00") * 2)
        self.atEdit.setToolTip(self.tr("HH:MM on a 24-hour clock, the computer's local time"))
        self.daysCombo = QComboBox(self)
        self.daysCombo.setObjectName("planDaysCombo")
        self.daysCombo.addItem(self.tr("Every day"), DAILY)
        self.daysCombo.addItem(self.tr("Weekdays (Monday to Friday)"), WEEKDAYS_WORD)
        self.daysCombo.addItem(self.tr("These days:"), CHOSEN_DAYS)
        locale = QLocale()
        self.dayChecks = [QCheckBox(locale.dayName(i + 1, QLocale.FormatType.ShortFormat), self)
                          for i in range(7)]
        at_label = QLabel(self.tr("At"), self)
        at_label.setBuddy(self.atEdit)
        when = QHBoxLayout()
        when.addWidget(at_label)
        when.addWidget(self.atEdit)
        when.addWidget(self.daysCombo)
        when.addStretch(1)
        days = QHBoxLayout()
        for check in self.dayChecks:
            days.addWidget(check)
        days.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scheduleCheck)
        layout.addLayout(when)
        layout.addLayout(days)
        self.scheduleCheck.toggled.connect(self._update)
        self.daysCombo.currentIndexChanged.connect(self._update)
        self._update()

    def set_schedule(self, schedule: Schedule | None) -> None:
        self.scheduleCheck.setChecked(schedule is not None)
        self.atEdit.setText(schedule.at_text if schedule else "")
        days = schedule.days if schedule else EVERY_DAY
        kind = DAILY if days == EVERY_DAY else WEEKDAYS_WORD if days == WEEKDAYS else CHOSEN_DAYS
        self.daysCombo.setCurrentIndex(self.daysCombo.findData(kind))
        for number, check in enumerate(self.dayChecks):
            check.setChecked(kind == CHOSEN_DAYS and number in days)
        self._update()

    def schedule(self) -> Schedule | None:
        """What the fields say (``None``: by hand only); raises :class:`PlanError`."""
        if not self.scheduleCheck.isChecked():
            return None
        days = self.daysCombo.currentData()
        if days == CHOSEN_DAYS:
            days = [DAY_NAMES[n] for n, check in enumerate(self.dayChecks) if check.isChecked()]
        return Schedule.parse(self.atEdit.text(), days)

    @Slot()
    def _update(self) -> None:
        scheduled = self.scheduleCheck.isChecked()
        chosen = self.daysCombo.currentData() == CHOSEN_DAYS
        self.atEdit.setEnabled(scheduled)
        self.daysCombo.setEnabled(scheduled)
        for check in self.dayChecks:
            check.setVisible(chosen)
            check.setEnabled(scheduled)
