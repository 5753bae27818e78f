"""*Run now*: a saved plan through the bulk dialog, as a bulk run of its campaigns.

The same confirmation with the token cost (and the question before going over today's
budget), progress, pause on a failure and summary as *Start selected*: the dialog is
:class:`~wolkvox_desktop.gui.bulk.BulkDialog` on the plan's operation, with the plan's
name on every history row and every campaign called, whatever its last known status
(a plan is what the supervisor asked for). Before its first call the run is recorded as
begun (:func:`~wolkvox_desktop.core.plan_runs.begin_run_by_hand`, the dialog's
``before_run`` job): it claims the plan's slot if that is due, so the scheduler (this
window's or ``wolkvox plan run-due``) skips it, and it is refused while another run of the
plan is under way. When the run ends, its end is the plan's last run
(:func:`~wolkvox_desktop.core.plan_runs.record_run_end`; *stopped* when the supervisor
stopped it), which also settles a missed slot. A window closed or killed mid-run leaves
the run to be found as interrupted by the next process. Everything that reads or writes
the store is a job of the window's worker.

Signals: ``ended(object PlanRunResult)`` once the run's end is recorded;
``missing(str)``: the plan is gone (deleted meanwhile), with the sentence to show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from wolkvox_desktop.core.bulk import BulkPlan
from wolkvox_desktop.core.bulk_run import BulkSummary
from wolkvox_desktop.core.errors import CallResult, InvalidInput
from wolkvox_desktop.core.plan_runs import (
    PlanRunResult,
    RunTicket,
    begin_run_by_hand,
    bulk_plan_of,
    record_run_end,
)
from wolkvox_desktop.core.schedule import LocalZone
from wolkvox_desktop.core.store import SavedPlan
from wolkvox_desktop.gui.bulk import BulkDialog
from wolkvox_desktop.gui.jobs import Lane

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.gui.worker import WorkerHandle


class PlanRunNow(QObject):
    """Opens one plan's run at a time (a second *Run now* raises the running one)."""

    ended = Signal(object)
    missing = Signal(str)

    def __init__(self, handle: WorkerHandle, parent: QWidget, *,
                 label: Callable[[str], str], clock: Callable[[], datetime],
                 zone: LocalZone | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planRunNow")
        self._handle = handle
        self._parent = parent
        self._label = label
        self._clock = clock
        self._zone = zone or LocalZone.system()
        self.dialog: BulkDialog | None = None
        self._saved: SavedPlan | None = None
        self._started_at: datetime | None = None
        self._ticket: list[RunTicket] = []  # the run recorded as begun (set by its job)

    def is_running(self) -> bool:
        return self.dialog is not None and self.dialog.is_running()

    def open(self, name: str) -> None:
        """Look the plan up, then open its dialog (its confirmation page)."""
        if self.is_running() and self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return

        def read(ops: Operations) -> tuple[SavedPlan, BulkPlan | str] | None:
            saved = ops.store.plan(name)
            if saved is None:
                return None
            try:
                return saved, bulk_plan_of(saved.plan, ops.store)
            except InvalidInput as exc:  # checked when saved: only a safety net
                return saved, exc.message

        self._handle.submit(read, lane=Lane.STORE, done=lambda v: self._show(name, v),
                            owner=self, what=f"reading plan {name!r}")

    def _show(self, name: str, value: Any) -> None:
        if not isinstance(value, tuple):
            self.missing.emit(self.tr("There is no plan named “{name}” any more: it was "
                                      "deleted or renamed.").format(name=name))
            return
        saved, bulk = value
        if self.is_running():
            return
        if self.dialog is not None:
            self.dialog.close()
        plan = saved.plan
        items = list(bulk.items) if isinstance(bulk, BulkPlan) else list(plan.campaigns)
        self._ticket = []
        dialog = BulkDialog(plan.action, items, self._handle, plan.server, self._parent,
                            server_label=self._label(plan.server), plan_name=plan.name,
                            include_in_state=True,
                            before_run=self._begin_job(saved, self._ticket))
        dialog.setWindowTitle(self.tr("Plan “{name}”").format(name=plan.name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.itemStarted.connect(self._on_item_started)
        dialog.runFinished.connect(self._on_run_finished)
        dialog.finished.connect(self._on_closed)
        self.dialog, self._saved, self._started_at = dialog, saved, None
        dialog.show()

    # ---------------------------------------------------------------- the run
    def _begin_job(self, saved: SavedPlan, ticket: list[RunTicket]
                   ) -> Callable[[Operations, BulkPlan], CallResult | None]:
        """The dialog's ``before_run`` (a worker job): record the run as begun, or say
        why it may not begin (in the window's language)."""
        clock, zone = self._clock, self._zone
        busy = self.tr("Plan “{name}” is already running (on schedule, in another window or "
                       "in the wolkvox command). Nothing was sent; run it again once that run "
                       "has ended.").format(name=saved.name)
        gone = self.tr("There is no plan named “{name}” any more: it was deleted or "
                       "renamed.").format(name=saved.name)

        def begin(ops: Operations, _bulk: BulkPlan) -> CallResult | None:
            value = begin_run_by_hand(ops.store, saved, now=clock(), zone=zone, clock=clock)
            if isinstance(value, CallResult):
                deleted = ops.store.plan(saved.name) is None
                return CallResult(value.outcome, value.reason, gone if deleted else busy)
            ticket[:] = [value]
            return None

        return begin

    @Slot(int, str)
    def _on_item_started(self, _index: int, _campaign_id: str) -> None:
        if self._started_at is None:
            self._started_at = self._clock()

    @Slot(object)
    def _on_run_finished(self, summary: BulkSummary) -> None:
        saved = self._saved
        if saved is None:
            return
        started_at = self._started_at or self._clock()
        ticket = self._ticket[0] if self._ticket else None
        stopped = summary.progress.cancelled  # the supervisor stopped it (or the window)

        def record(ops: Operations) -> PlanRunResult:
            return record_run_end(ops.store, saved, summary, started_at=started_at,
                                  ticket=ticket, stopped=stopped)

        def done(value: Any) -> None:
            if isinstance(value, PlanRunResult):
                self.ended.emit(value)

        self._handle.submit(record, lane=Lane.STORE, done=done, owner=self,
                            what=f"recording the run of plan {saved.name!r}")

    @Slot(int)
    def _on_closed(self, _result: int) -> None:
        self.dialog = None

    # ---------------------------------------------------------------- closing
    def ask_to_stop(self, then: Callable[[], None]) -> None:
        """The window is closing during the run: *Stop after this call* (then ``then()``)
        or *Keep running*."""
        if self.dialog is not None:
            self.dialog.show()
            self.dialog.raise_()
            self.dialog.ask_to_stop(window_closing=True, then=then)

    def close_now(self) -> None:
        """The window closes for good: stop the run now (a call in flight is aborted)."""
        if self.dialog is not None:
            self.dialog.close_now()
