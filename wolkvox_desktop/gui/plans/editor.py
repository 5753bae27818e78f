"""The plan form: name, operation, start or stop, the campaigns in their order, a schedule.

A new plan starts from the main window's selection, an edit from the saved plan
(:mod:`.draft`). Its parts: :class:`~.campaign_order.CampaignOrder` and
:class:`~.schedule_fields.ScheduleFields`. The values are checked once, by the core
(:meth:`Plan.create <wolkvox_desktop.core.plans.Plan.create>`, :meth:`Schedule.parse`),
from the top of the form down; a :class:`~wolkvox_desktop.core.plans.PlanError` is shown
under the field it is about, in the window's language, and the focus goes there. Saving is
a job of the window's worker (the store refuses a name another plan has, in any case).

Signals: ``saved(str)``: the plan was saved under that name.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.plans import (
    MAX_PLAN_CAMPAIGNS,
    MAX_PLAN_NAME_LENGTH,
    Plan,
    PlanError,
    PlanField,
)
from wolkvox_desktop.core.store import SavedPlan
from wolkvox_desktop.gui.bulk.parts import button_row
from wolkvox_desktop.gui.jobs import Lane
from wolkvox_desktop.gui.outcome_look import outcome_colour
from wolkvox_desktop.gui.plans.campaign_order import CampaignOrder
from wolkvox_desktop.gui.plans.draft import PlanDraft, drafts_of
from wolkvox_desktop.gui.plans.schedule_fields import ScheduleFields

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.gui.plans.draft import DraftCampaign
    from wolkvox_desktop.gui.plans.selection import WindowSelection
    from wolkvox_desktop.gui.worker import WorkerHandle


class _Gone:
    """The plan being edited was deleted meanwhile."""


class PlanEditor(QDialog):
    """The form (see the module docstring). ``selection`` is the main window's. Its fields
    are public, under the names tests and automation know (``nameEdit``, ``campaignList``,
    ``atEdit``…); ``errors`` holds the label of each :class:`PlanField`."""

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
        self.campaignOrder = order = CampaignOrder(self)
        self.campaignList, self.addSelectedButton = order.campaignList, order.addSelectedButton
        self.upButton, self.downButton = order.upButton, order.downButton
        self.removeButton = order.removeButton
        self.scheduleFields = when = ScheduleFields(self)
        self.scheduleCheck, self.atEdit = when.scheduleCheck, when.atEdit
        self.daysCombo, self.dayChecks = when.daysCombo, when.dayChecks

        self.errors = {f: self._error_label(f) for f in PlanField}
        self.statusLabel = self.errors[PlanField.FILE]  # anything not about one field
        form = QFormLayout()
        form.addRow(self.tr("Name"), self._with_error(self.nameEdit, PlanField.NAME))
        form.addRow(self.tr("Operation"), self._with_error(self.operationCombo,
                                                          PlanField.SERVER))
        form.addRow(self.tr("Action"), self._with_error(self.actionCombo, PlanField.ACTION))
        form.addRow(self.tr("Campaigns"), self._with_error(order, PlanField.CAMPAIGNS))
        form.addRow(self.tr("Schedule"), self._with_error(when, PlanField.AT,
                                                          self.errors[PlanField.DAYS]))

        self.saveButton = QPushButton(self.tr("Save"), self)
        self.saveButton.setObjectName("planSaveButton")
        self.saveButton.setDefault(True)
        self.cancelButton = QPushButton(self.tr("Cancel"), self)
        self.cancelButton.setObjectName("planCancelButton")
        self.cancelButton.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.statusLabel)
        layout.addLayout(button_row(self.cancelButton, self.saveButton))

        self.saveButton.clicked.connect(self.save)
        self.cancelButton.clicked.connect(self.reject)
        order.addSelectedClicked.connect(self.add_selected)

    def _error_label(self, field: PlanField) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"plan{field.value.capitalize()}Error")
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {outcome_colour('refused').name()};")
        label.setVisible(False)
        return label

    def _with_error(self, field: QWidget, kind: PlanField, *more: QWidget) -> QLayout:
        """``field`` with ``kind``'s error (and ``more``) under it."""
        box = QVBoxLayout()
        box.setSpacing(2)
        for part in (field, self.errors[kind], *more):
            box.addWidget(part)
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
        self.campaignOrder.add(draft.campaigns)
        self.scheduleFields.set_schedule(draft.schedule)
        if draft.untyped:
            self._say(PlanField.CAMPAIGNS, self.tr(
                "%n selected campaign(s) left out: their type (preview or predictive) is not "
                "known. Refresh the list, or add them by hand in the main window first.", "",
                draft.untyped))

    # ------------------------------------------------------------ the campaigns
    def campaigns(self) -> list[DraftCampaign]:
        return self.campaignOrder.campaigns()

    @Slot()
    def add_selected(self) -> None:
        """The main window's selected campaigns, at the end, each once."""
        if self._selection.server() != self.operationCombo.currentData():
            self._say(PlanField.CAMPAIGNS, self.tr(
                "The main window shows another operation: choose this plan's operation there "
                "and select its campaigns first."))
            return
        selected, untyped = drafts_of(self._selection.campaigns())
        self.campaignOrder.add(selected)
        self._say(PlanField.CAMPAIGNS, self.tr(
            "%n selected campaign(s) left out: their type (preview or predictive) is not "
            "known.", "", untyped) if untyped else "")

    # ------------------------------------------------------------ saving
    def plan(self) -> Plan:
        """The plan the form describes; raises :class:`PlanError` at the first problem,
        from the top of the form down."""
        plan = Plan.create(self.nameEdit.text(), self.operationCombo.currentData() or "",
                           self.actionCombo.currentData(), [c.ref for c in self.campaigns()])
        return replace(plan, schedule=self.scheduleFields.schedule())

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
