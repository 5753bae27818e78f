"""The Plans window: every shift plan with its schedule, next run and last run; the slots
missed, each with *Run now*; new, edit, delete, run now, export and import.

Made of :class:`~.missed_box.MissedBox` and :class:`~.plan_list.PlanList`, with the
buttons under them. It holds no thread and no store: the list
(:func:`~wolkvox_desktop.core.plan_runs.plan_states` on the scheduler's clock and zone),
deleting and the plans file (:mod:`.plans_file`) are jobs of the main window's worker.
*Run now* and the schedules' pause belong to the window's plan controls; this window asks
for them.

Under the choices, the switch *Run plans when the app is closed*
(:class:`~.schedule_switch.ScheduleSwitch`, the system's own schedule for the plans).

Signals: ``runRequested(str)`` (a plan's name: *Run now*, of the list or of a missed slot),
``pauseToggled(bool)``, ``keepInTrayToggled(bool)``, ``plansChanged()`` (a plan was saved,
deleted or imported), ``loaded(int)`` (plans listed; ``-1``: the list could not be read),
``exported(str)``/``imported(int)`` and ``fileFailed(str)`` (the sentence shown).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.plan_runs import PlanState, plan_states
from wolkvox_desktop.core.plans import PlanError
from wolkvox_desktop.gui.bulk.parts import button_row, text_label
from wolkvox_desktop.gui.jobs import Lane
from wolkvox_desktop.gui.local_format import number
from wolkvox_desktop.gui.plans import plans_file
from wolkvox_desktop.gui.plans.draft import PlanDraft, draft_from_selection, draft_of
from wolkvox_desktop.gui.plans.editor import PlanEditor
from wolkvox_desktop.gui.plans.missed_box import MissedBox
from wolkvox_desktop.gui.plans.plan_list import PlanList
from wolkvox_desktop.gui.plans.schedule_switch import ScheduleSwitch

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.gui.plans.scheduler import PlanScheduler
    from wolkvox_desktop.gui.plans.selection import WindowSelection
    from wolkvox_desktop.gui.worker import WorkerHandle

DELETE_QUESTION = "deletePlanQuestion"


class PlansPanel(QDialog):
    """The plans (non-modal). ``keep_in_tray``: the remembered answer to closing to the
    tray (``None``: no tray here, the choice is not shown). ``os_schedule``: makes the
    system's schedule for the switch (``None``: the switch is off and disabled, as in the
    demo)."""

    runRequested = Signal(str)
    pauseToggled = Signal(bool)
    keepInTrayToggled = Signal(bool)
    plansChanged = Signal()
    loaded = Signal(int)
    exported = Signal(str)
    imported = Signal(int)
    fileFailed = Signal(str)

    def __init__(self, handle: WorkerHandle, scheduler: PlanScheduler,
                 selection: WindowSelection, parent: QWidget | None = None, *,
                 keep_in_tray: bool | None = None,
                 os_schedule: Callable[[], Any] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plansPanel")
        self.setWindowTitle(self.tr("Plans"))
        self.setModal(False)
        self._handle = handle
        self._scheduler = scheduler
        self._selection = selection
        self.states: list[PlanState] = []
        self.editor: PlanEditor | None = None
        self._serial = 0
        self._select_next: str | None = None
        self._build(keep_in_tray, os_schedule)
        self.set_paused(scheduler.paused)
        self.resize(780, 460)
        scheduler.runFinished.connect(self.refresh)
        scheduler.slotsMissed.connect(self.refresh)
        scheduler.looked.connect(self._on_looked)
        scheduler.pausedChanged.connect(self.set_paused)
        self.refresh()

    # ------------------------------------------------------------ building
    def _build(self, keep_in_tray: bool | None, os_schedule: Callable[[], Any] | None) -> None:
        self.missedBox = MissedBox(self)
        self.planTree = PlanList(self._selection, self)
        self.newButton = self._button("planNewButton", self.tr("New from selection…"),
                                      self.tr("A new plan with the campaigns selected in the "
                                              "main window, in the order you selected them"))
        self.editButton = self._button("planEditButton", self.tr("Edit…"))
        self.deleteButton = self._button("planDeleteButton", self.tr("Delete…"))
        self.runNowButton = self._button("planRunNowButton", self.tr("Run now…"),
                                         self.tr("Start or stop the plan's campaigns now "
                                                 "(asks first, with the token cost)"))
        self.importButton = self._button("planImportButton", self.tr("Import…"),
                                         self.tr("Add the plans of a plans file; plans of the "
                                                 "same name are replaced"))
        self.exportButton = self._button("planExportButton", self.tr("Export…"),
                                         self.tr("Write every plan to a file, for other "
                                                 "workstations"))
        self.pauseCheck = QCheckBox(self.tr("Pause schedules"), self)
        self.pauseCheck.setObjectName("planPauseCheck")
        self.pauseCheck.setToolTip(self.tr("No plan runs at its time while this is on (the "
                                           "system scheduler's wolkvox plan run-due still "
                                           "does)"))
        self.keepInTrayCheck = QCheckBox(self.tr("Keep running in the tray when the window "
                                                 "is closed"), self)
        self.keepInTrayCheck.setObjectName("planKeepInTrayCheck")
        self.keepInTrayCheck.setVisible(keep_in_tray is not None)
        self.keepInTrayCheck.setChecked(bool(keep_in_tray))
        self.scheduleSwitch = ScheduleSwitch(self._handle, os_schedule,
                                             zone=self._scheduler.zone, parent=self)
        self.statusLabel = text_label(self, "plansStatusLabel")
        self.emptyHint = text_label(self, "plansEmptyHint")
        self.emptyHint.setText(self.tr(
            "No plans yet. A plan starts or stops a set of campaigns in one action, or at a "
            "set time. Select the campaigns in the main window, in the order they should "
            "go, then “New from selection…”; or “Import…” a plans file from another "
            "workstation."))
        self.emptyHint.setVisible(False)
        self.closeButton = self._button("plansCloseButton", self.tr("Close"))

        actions = QHBoxLayout()
        for button in (self.newButton, self.editButton, self.deleteButton, self.runNowButton):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.importButton)
        actions.addWidget(self.exportButton)
        choices = QHBoxLayout()
        choices.addWidget(self.pauseCheck)
        choices.addWidget(self.keepInTrayCheck)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.missedBox)
        layout.addWidget(self.emptyHint)
        layout.addWidget(self.planTree, 1)
        layout.addLayout(actions)
        layout.addLayout(choices)
        layout.addWidget(self.scheduleSwitch)
        layout.addWidget(self.statusLabel)
        layout.addLayout(button_row(self.closeButton))

        self.missedBox.runRequested.connect(self.runRequested)
        self.planTree.itemSelectionChanged.connect(self._update)
        self.planTree.itemDoubleClicked.connect(lambda *_: self.edit_selected())
        self.newButton.clicked.connect(self.new_from_selection)
        self.editButton.clicked.connect(self.edit_selected)
        self.deleteButton.clicked.connect(self.ask_delete)
        self.runNowButton.clicked.connect(self._run_selected)
        self.importButton.clicked.connect(self._ask_import)
        self.exportButton.clicked.connect(self._ask_export)
        self.pauseCheck.toggled.connect(self.pauseToggled)
        self.keepInTrayCheck.toggled.connect(self.keepInTrayToggled)
        self.closeButton.clicked.connect(self.close)
        self._update()

    def _button(self, name: str, text: str, tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        if tip:
            button.setToolTip(tip)
        return button

    # ------------------------------------------------------------ the list
    @Slot()
    def refresh(self) -> None:
        """Read the plans again (a job); ``loaded`` follows."""
        self._serial += 1
        serial, scheduler = self._serial, self._scheduler
        now, zone = scheduler.now(), scheduler.zone

        def read(ops: Operations) -> list[PlanState]:
            return plan_states(ops.store, now=now, zone=zone)

        self._handle.submit(read, lane=Lane.STORE, done=lambda v: self._on_states(serial, v),
                            owner=self, what="listing the plans")

    @Slot(object)
    def _on_looked(self, _look: object) -> None:
        if self.isVisible():  # "Today"/"Tomorrow" and the next runs move with the clock
            self.refresh()
            self.scheduleSwitch.refresh()  # and the last scheduled check grows old

    def _on_states(self, serial: int, value: Any) -> None:
        if serial != self._serial:
            return  # a newer list is on its way
        if not isinstance(value, list):
            self.statusLabel.setText(self.tr("The plans could not be read: the local database "
                                             "is not available."))
            self.loaded.emit(-1)
            return
        self.states = value
        self.emptyHint.setVisible(not value)
        now, zone = self._scheduler.now(), self._scheduler.zone
        self.planTree.show_states(value, now, zone, paused=self._scheduler.paused)
        if self._select_next is not None:
            self.planTree.select(self._select_next)
            self._select_next = None
        self.missedBox.show_missed([s for s in value if s.missed is not None], now, zone)
        self._update()
        self.loaded.emit(len(value))

    def missed_names(self) -> list[str]:
        return [s.plan.name for s in self.states if s.missed is not None]

    def selected_name(self) -> str | None:
        return self.planTree.selected_name()

    def select(self, name: str) -> None:
        self.planTree.select(name)

    @Slot()
    def _update(self) -> None:
        chosen = self.selected_name() is not None
        for button in (self.editButton, self.deleteButton, self.runNowButton):
            button.setEnabled(chosen)
        self.exportButton.setEnabled(bool(self.states))

    @Slot(bool)
    def set_paused(self, paused: bool) -> None:
        self.pauseCheck.blockSignals(True)
        self.pauseCheck.setChecked(paused)
        self.pauseCheck.blockSignals(False)
        if self.states:
            self.refresh()  # the next runs read "Paused"

    # ------------------------------------------------------------ new, edit, delete, run
    @Slot()
    def new_from_selection(self) -> PlanEditor:
        """The form with the main window's operation and selected campaigns, in order."""
        draft = draft_from_selection(self._selection.server(), self._selection.campaigns())
        return self._open_editor(draft)

    @Slot()
    def edit_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return

        def read(ops: Operations) -> PlanDraft | None:
            saved = ops.store.plan(name)
            if saved is None:
                return None
            known = ops.store.campaigns(saved.plan.server)
            return draft_of(saved, {s.campaign.id: s.campaign.name for s in known})

        self._handle.submit(read, lane=Lane.STORE, done=self._on_draft, owner=self,
                            what=f"reading plan {name!r}")

    def _on_draft(self, value: Any) -> None:
        if isinstance(value, PlanDraft):
            self._open_editor(value)
        else:
            self.statusLabel.setText(self.tr("That plan is no longer there."))
            self.refresh()

    def _open_editor(self, draft: PlanDraft) -> PlanEditor:
        if self.editor is not None:
            self.editor.close()
        editor = PlanEditor(draft, self._handle, self._selection, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        editor.saved.connect(self._on_saved)
        editor.destroyed.connect(self._on_editor_gone)
        self.editor = editor
        editor.open()
        return editor

    @Slot()
    def _on_editor_gone(self) -> None:
        self.editor = None

    @Slot(str)
    def _on_saved(self, name: str) -> None:
        self.statusLabel.setText(self.tr("Plan “{name}” saved.").format(name=name))
        self._select_next = name
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.plansChanged.emit()

    @Slot()
    def _run_selected(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.runRequested.emit(name)

    @Slot()
    def ask_delete(self) -> QMessageBox | None:
        name = self.selected_name()
        if name is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete plan"),
                          self.tr("Delete plan “{name}”?").format(name=name),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName(DELETE_QUESTION)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.setInformativeText(self.tr("It no longer runs at its time. Its runs stay in the "
                                       "history."))
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("deletePlanButton")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(lambda b: self.delete(name) if b is delete else None)
        box.open()
        return box

    def delete(self, name: str) -> None:
        def forget(ops: Operations) -> bool:
            return ops.store.delete_plan(name)

        def done(value: Any) -> None:
            self.statusLabel.setText(self.tr("Plan “{name}” deleted.").format(name=name)
                                     if value is True else
                                     self.tr("That plan is no longer there."))
            self._changed()

        self._handle.submit(forget, lane=Lane.STORE, done=done, owner=self,
                            what=f"deleting plan {name!r}")

    # ------------------------------------------------------------ the file
    @Slot()
    def _ask_export(self) -> None:
        path = plans_file.ask_export_path(self)
        if path is not None:
            self.export_to(path)

    @Slot()
    def _ask_import(self) -> None:
        path = plans_file.ask_import_path(self)
        if path is not None:
            self.import_from(path)

    def export_to(self, path: Path) -> None:
        """Every plan to ``path`` (a job: the file is written off the GUI thread)."""
        def done(value: Any) -> None:
            if isinstance(value, int):
                self.statusLabel.setText(self.tr("%n plan(s) exported to {path}.", "", value)
                                         .format(path=str(path)))
                self.exported.emit(str(path))
                return
            why = ((value.strerror or type(value).__name__) if isinstance(value, OSError)
                   else type(value).__name__)
            self._file_failed(self.tr("The plans could not be written to {path}. Choose "
                                      "another folder, or close the file if another program "
                                      "has it open.").format(path=str(path)))
            self.statusLabel.setToolTip(why)  # the system's words, for a ticket

        self._handle.submit(plans_file.export_job(path), lane=Lane.BACKGROUND, done=done,
                            owner=self, what="exporting the plans")

    def import_from(self, path: Path) -> None:
        """The plans of a file: all of them, or none when one is wrong (a job)."""
        def done(value: Any) -> None:
            if isinstance(value, plans_file.Imported):
                count = value.added + value.replaced
                self.statusLabel.setText(
                    self.tr("%n plan(s) imported", "", count) + " "
                    + self.tr("({added} new, {replaced} replaced).").format(
                        added=number(value.added), replaced=number(value.replaced)))
                self._changed()
                self.imported.emit(count)
            elif isinstance(value, PlanError):
                self._file_failed(self.tr("Nothing was imported: {why}").format(
                    why=plans_file.import_problem(value)))
                self.statusLabel.setToolTip(value.message)  # the details, for a ticket
            else:
                self._file_failed(self.tr("Nothing was imported: the local database is not "
                                          "available."))

        self._handle.submit(plans_file.import_job(path), lane=Lane.BACKGROUND, done=done,
                            owner=self, what="importing plans")

    def _file_failed(self, sentence: str) -> None:
        self.statusLabel.setToolTip("")
        self.statusLabel.setText(sentence)
        self.fileFailed.emit(sentence)

    # ------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.editor is not None:
            self.editor.close()
        super().closeEvent(event)
