"""The plan form: name, operation, start or stop, the campaigns in their order, a schedule.

A new plan starts from the main window's selection (:func:`draft_from_selection`: its
operation, its campaigns in the order they were selected); an edit from the saved plan
(:func:`draft_of`). The values are checked once, by the core (:meth:`Plan.create
<wolkvox_desktop.core.plans.Plan.create>`, :meth:`Schedule.parse`); a
:class:`~wolkvox_desktop.core.plans.PlanError` is shown under the field it is about, in the
window's language, and the focus goes there. Saving is a job of the window's worker
(the store refuses a name another plan has, in any case).

Signals: ``saved(str)``: the plan was saved under that name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.campaigns import Action, CampaignRef
from wolkvox_desktop.core.plans import (
    DAILY,
    DAY_NAMES,
    EVERY_DAY,
    MAX_PLAN_CAMPAIGNS,
    MAX_PLAN_NAME_LENGTH,
    WEEKDAYS,
    WEEKDAYS_WORD,
    Plan,
    PlanError,
    PlanField,
    Schedule,
)
from wolkvox_desktop.core.store import SavedPlan
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.bulk.parts import button_row
from wolkvox_desktop.gui.jobs import Lane
from wolkvox_desktop.gui.outcome_look import outcome_colour

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.core.store import SavedCampaign
    from wolkvox_desktop.gui.plans.selection import WindowSelection
    from wolkvox_desktop.gui.worker import WorkerHandle

CHOSEN_DAYS = "days"


@dataclass(frozen=True)
class DraftCampaign:
    ref: CampaignRef
    name: str = ""


@dataclass(frozen=True)
class PlanDraft:
    """What the form opens with. ``previous``: the saved plan's name (an edit);
    ``untyped``: selected campaigns left out because their type is not known."""

    name: str = ""
    server: str | None = None
    action: Action = Action.START
    campaigns: tuple[DraftCampaign, ...] = ()
    schedule: Schedule | None = None
    previous: str | None = None
    untyped: int = 0


def drafts_of(selected: Sequence[SavedCampaign]) -> tuple[list[DraftCampaign], int]:
    """The selected campaigns with a known type, in order; and how many have none."""
    typed = [DraftCampaign(CampaignRef(s.campaign.id, s.campaign.type), s.campaign.name)
             for s in selected if s.campaign.type is not None]
    return typed, len(selected) - len(typed)


def draft_from_selection(server: str | None, selected: Sequence[SavedCampaign]) -> PlanDraft:
    campaigns, untyped = drafts_of(selected)
    return PlanDraft(server=server, campaigns=tuple(campaigns), untyped=untyped)


def draft_of(saved: SavedPlan, names: Mapping[str, str]) -> PlanDraft:
    plan = saved.plan
    return PlanDraft(plan.name, plan.server, plan.action,
                     tuple(DraftCampaign(ref, names.get(ref.id, "")) for ref in plan.campaigns),
                     plan.schedule, previous=saved.name)


class _Gone:
    """The plan being edited was deleted meanwhile."""


class PlanEditor(QDialog):
    """The form (see the module docstring). ``selection`` is the main window's."""

    saved = Signal(str)

    def __init__(self, draft: PlanDraft, handle: WorkerHandle, selection: WindowSelection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planEditor")
        self.setWindowTitle(self.tr("Edit plan") if draft.previous else self.tr("New plan"))
        self.draft = draft
        self._handle = handle
        self._selection = selection
        self._saving = False
        self._build()
        self._fill(draft)
        self.resize(600, 560)

    # ------------------------------------------------------------ building
    def _build(self) -> None:
        self.nameEdit = QLineEdit(self)
        self.nameEdit.setObjectName("planNameEdit")
        self.nameEdit.setPlaceholderText(self.tr("For example: Morning shift"))
        self.operationCombo = QComboBox(self)
        self.operationCombo.setObjectName("planOperationCombo")
        self.actionCombo = QComboBox(self)
        self.actionCombo.setObjectName("planActionCombo")
        self.actionCombo.addItem(self.tr("Start the campaigns"), Action.START.value)
        self.actionCombo.addItem(self.tr("Stop the campaigns"), Action.STOP.value)

        self.campaignList = QListWidget(self)
        self.campaignList.setObjectName("planCampaignList")
        self.campaignList.setAccessibleName(self.tr("Campaigns of the plan, in order"))
        self.campaignList.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.campaignList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addSelectedButton = self._button("planAddSelectedButton",
                                              self.tr("Add selected"))
        self.addSelectedButton.setToolTip(self.tr(
            "Add the campaigns selected in the main window's list, in the order you selected "
            "them"))
        self.upButton = self._button("planUpButton", self.tr("Up"))
        self.downButton = self._button("planDownButton", self.tr("Down"))
        self.removeButton = self._button("planRemoveButton", self.tr("Remove"))
        moves = QVBoxLayout()
        for button in (self.addSelectedButton, self.upButton, self.downButton,
                       self.removeButton):
            moves.addWidget(button)
        moves.addStretch(1)
        campaigns = QHBoxLayout()
        campaigns.addWidget(self.campaignList, 1)
        campaigns.addLayout(moves)

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
        self.dayChecks = [QCheckBox(QLocale().dayName(i + 1, QLocale.FormatType.ShortFormat),
                                    self) for i in range(7)]
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
        schedule = QVBoxLayout()
        for row in (when, days):
            schedule.addLayout(row)

        self.errors = {f: self._error_label(f) for f in PlanField}
        self.statusLabel = self.errors[PlanField.FILE]  # anything not about one field
        form = QFormLayout()
        form.addRow(self.tr("Name"), self._with_error(self.nameEdit, PlanField.NAME))
        form.addRow(self.tr("Operation"), self._with_error(self.operationCombo,
                                                          PlanField.SERVER))
        form.addRow(self.tr("Action"), self._with_error(self.actionCombo, PlanField.ACTION))
        form.addRow(self.tr("Campaigns"), self._with_error(campaigns, PlanField.CAMPAIGNS))
        form.addRow(self.tr("Schedule"), self._with_error(
            self.scheduleCheck, PlanField.AT, schedule, self.errors[PlanField.DAYS]))

        self.saveButton = self._button("planSaveButton", self.tr("Save"))
        self.saveButton.setDefault(True)
        self.cancelButton = self._button("planCancelButton", self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.statusLabel)
        layout.addLayout(button_row(self.cancelButton, self.saveButton))

        self.saveButton.clicked.connect(self.save)
        self.cancelButton.clicked.connect(self.reject)
        self.addSelectedButton.clicked.connect(self.add_selected)
        self.upButton.clicked.connect(lambda: self._move(-1))
        self.downButton.clicked.connect(lambda: self._move(1))
        self.removeButton.clicked.connect(self.remove_current)
        self.scheduleCheck.toggled.connect(self._update)
        self.daysCombo.currentIndexChanged.connect(self._update)
        self.campaignList.currentRowChanged.connect(self._update)

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def _error_label(self, field: PlanField) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"plan{field.value.capitalize()}Error")
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {outcome_colour('refused').name()};")
        label.setVisible(False)
        return label

    def _with_error(self, field: QWidget | QLayout, kind: PlanField,
                    *more: QWidget | QLayout) -> QVBoxLayout:
        """``field`` (and ``more``), with ``kind``'s error under them."""
        box = QVBoxLayout()
        box.setSpacing(2)
        for part in (field, *more, self.errors[kind]):
            if isinstance(part, QWidget):
                box.addWidget(part)
            else:
                box.addLayout(part)
        return box

    def _fill(self, draft: PlanDraft) -> None:
        self.nameEdit.setText(draft.name)
        operations = self._selection.operations()
        if draft.server and draft.server not in {code for code, _ in operations}:
            operations.append((draft.server, draft.server))
        for code, label in operations:
            self.operationCombo.addItem(label, code)
        self.operationCombo.setCurrentIndex(self.operationCombo.findData(draft.server))
        self.actionCombo.setCurrentIndex(self.actionCombo.findData(draft.action.value))
        for campaign in draft.campaigns:
            self._add(campaign)
        schedule = draft.schedule
        self.scheduleCheck.setChecked(schedule is not None)
        self.atEdit.setText(schedule.at_text if schedule else "")
        days = schedule.days if schedule else EVERY_DAY
        kind = DAILY if days == EVERY_DAY else WEEKDAYS_WORD if days == WEEKDAYS else CHOSEN_DAYS
        self.daysCombo.setCurrentIndex(self.daysCombo.findData(kind))
        for number, check in enumerate(self.dayChecks):
            check.setChecked(kind == CHOSEN_DAYS and number in days)
        if draft.untyped:
            self._say(PlanField.CAMPAIGNS, self.tr(
                "%n selected campaign(s) left out: their type (preview or predictive) is not "
                "known. Refresh the list, or add them by hand in the main window first.", "",
                draft.untyped))
        self._update()

    def _add(self, campaign: DraftCampaign) -> None:
        ref = campaign.ref
        parts = [ref.id, campaign.name, messages.campaign_type_label(ref.type.value)]
        item = QListWidgetItem(" · ".join(p for p in parts if p))
        item.setToolTip(item.text())
        item.setData(Qt.ItemDataRole.UserRole, campaign)
        self.campaignList.addItem(item)

    @Slot()
    def _update(self) -> None:
        scheduled = self.scheduleCheck.isChecked()
        chosen = self.daysCombo.currentData() == CHOSEN_DAYS
        self.atEdit.setEnabled(scheduled)
        self.daysCombo.setEnabled(scheduled)
        for check in self.dayChecks:
            check.setVisible(chosen)
            check.setEnabled(scheduled)
        row, count = self.campaignList.currentRow(), self.campaignList.count()
        self.upButton.setEnabled(row > 0)
        self.downButton.setEnabled(0 <= row < count - 1)
        self.removeButton.setEnabled(row >= 0)

    # ------------------------------------------------------------ the campaigns
    def campaigns(self) -> list[DraftCampaign]:
        items = (self.campaignList.item(i) for i in range(self.campaignList.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i is not None]

    @Slot()
    def add_selected(self) -> None:
        """The main window's selected campaigns, at the end, each once."""
        server = self.operationCombo.currentData()
        if self._selection.server() != server:
            self._say(PlanField.CAMPAIGNS, self.tr(
                "The main window shows another operation: choose this plan's operation there "
                "and select its campaigns first."))
            return
        selected, untyped = drafts_of(self._selection.campaigns())
        have = {c.ref.id for c in self.campaigns()}
        for campaign in selected:
            if campaign.ref.id not in have:
                self._add(campaign)
        self._say(PlanField.CAMPAIGNS, self.tr(
            "%n selected campaign(s) left out: their type (preview or predictive) is not "
            "known.", "", untyped) if untyped else "")
        self._update()

    def _move(self, step: int) -> None:
        row = self.campaignList.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.campaignList.count():
            return
        item = self.campaignList.takeItem(row)
        self.campaignList.insertItem(target, item)
        self.campaignList.setCurrentRow(target)

    @Slot()
    def remove_current(self) -> None:
        row = self.campaignList.currentRow()
        if row >= 0:
            self.campaignList.takeItem(row)
        self._update()

    # ------------------------------------------------------------ saving
    def plan(self) -> Plan:
        """The plan the form describes; raises :class:`PlanError` at the first problem,
        from the top of the form down."""
        plan = Plan.create(self.nameEdit.text(), self.operationCombo.currentData() or "",
                           self.actionCombo.currentData(), [c.ref for c in self.campaigns()])
        if not self.scheduleCheck.isChecked():
            return plan
        days = self.daysCombo.currentData()
        if days == CHOSEN_DAYS:
            days = [DAY_NAMES[n] for n, check in enumerate(self.dayChecks) if check.isChecked()]
        return replace(plan, schedule=Schedule.parse(self.atEdit.text(), days))

    @Slot()
    def save(self) -> None:
        if self._saving:
            return
        for kind in PlanField:
            self._say(kind, "")
        try:
            plan = self.plan()
        except PlanError as error:
            self.show_error(error)
            return
        previous = self.draft.previous

        def keep(ops: Operations) -> SavedPlan | PlanError | _Gone:
            if previous is not None and ops.store.plan(previous) is None:
                return _Gone()
            try:
                return ops.store.save_plan(plan, previous=previous)[0]
            except PlanError as error:
                return error

        self._saving = True
        self.saveButton.setEnabled(False)
        self._handle.submit(keep, lane=Lane.STORE, done=self._on_saved, owner=self,
                            what=f"saving plan {plan.name!r}")

    def _on_saved(self, value: Any) -> None:
        self._saving = False
        self.saveButton.setEnabled(True)
        if isinstance(value, SavedPlan):
            self.saved.emit(value.name)
            self.accept()
        elif isinstance(value, PlanError):
            self.show_error(value)
        elif isinstance(value, _Gone):
            self._say(PlanField.FILE, self.tr(
                "This plan was deleted meanwhile (in another window or from the command line). "
                "Save it under a name to keep it as a new plan."))
            self.draft = PlanDraft(previous=None)
        else:
            self._say(PlanField.FILE, self.tr(
                "The plan could not be saved: the local database is not available. The log "
                "file has the details."))

    def show_error(self, error: PlanError) -> None:
        """The problem under its field, in the window's language; the focus goes there."""
        self._say(error.field, self.sentence(error))
        widget: QWidget = {
            PlanField.NAME: self.nameEdit, PlanField.SERVER: self.operationCombo,
            PlanField.ACTION: self.actionCombo, PlanField.CAMPAIGNS: self.campaignList,
            PlanField.AT: self.atEdit, PlanField.DAYS: self.daysCombo,
        }.get(error.field, self.saveButton)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def sentence(self, error: PlanError) -> str:
        """A :class:`PlanError` in the window's language (the core's is English)."""
        kind = error.field
        name = self.nameEdit.text().strip()
        if kind is PlanField.NAME:
            if not name:
                return self.tr("Give the plan a name.")
            if len(name) > MAX_PLAN_NAME_LENGTH:
                return self.tr("A plan's name is at most %n character(s) long.", "",
                               MAX_PLAN_NAME_LENGTH)
            if not name.isprintable():
                return self.tr("A plan's name cannot contain control characters.")
            return self.tr("Another plan is named “{name}” (in any case): choose another "
                           "name.").format(name=name)
        if kind is PlanField.SERVER:
            return self.tr("Choose the operation the plan runs on.")
        if kind is PlanField.CAMPAIGNS:
            if len(self.campaigns()) > MAX_PLAN_CAMPAIGNS:
                return self.tr("A plan holds at most %Ln campaign(s).", "", MAX_PLAN_CAMPAIGNS)
            return self.tr("Add at least one campaign: select them in the main window's list, "
                           "then “Add selected”.")
        if kind is PlanField.AT:
            return self.tr("Give the time as HH:MM on a 24-hour clock, such as 07:00 or "
                           "19:30.")
        if kind is PlanField.DAYS:
            return self.tr("Choose at least one day.")
        return error.message

    def _say(self, kind: PlanField, text: str) -> None:
        label = self.errors[kind]
        label.setText(text)
        label.setVisible(bool(text))
