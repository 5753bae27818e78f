"""The plans as a list: each with what it does, its schedule, its next run and its last
run with the outcome's icon. A plan whose latest slot was missed carries the missed mark
on its next run; a last run cut short reads "Interrupted at 7:00 AM — 2 of 4 sent" (or
"Stopped at …")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.plan_runs import PlanState
from wolkvox_desktop.core.schedule import LocalZone
from wolkvox_desktop.core.store import SavedPlan
from wolkvox_desktop.core.store.records import PlanRunState
from wolkvox_desktop.gui.local_format import at_time, number
from wolkvox_desktop.gui.outcome_look import outcome_icon, outcome_words
from wolkvox_desktop.gui.plans.notices import MISSED
from wolkvox_desktop.gui.plans.selection import WindowSelection
from wolkvox_desktop.gui.plans.when import day_and_time, schedule_text

NAME, WHAT, SCHEDULE, NEXT, LAST = range(5)


class PlanList(QTreeWidget):
    """Rows carry the plan's name (``Qt.UserRole`` of the first column)."""

    def __init__(self, selection: WindowSelection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planTree")
        self._selection = selection
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setStyleSheet("QTreeView::item { padding: 5px 2px; }")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHeaderLabels([self.tr("Plan"), self.tr("What it does"), self.tr("Schedule"),
                              self.tr("Next run"), self.tr("Last run")])
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)

    def show_states(self, states: Sequence[PlanState], now: datetime, zone: LocalZone, *,
                    paused: bool) -> None:
        """The plans as of ``now``; the selected one stays selected."""
        chosen = self.selected_name()
        self.clear()
        several = len(self._selection.operations()) > 1
        for state in states:
            self.addTopLevelItem(self._row(state, now, zone, paused=paused, several=several))
        for column in (NAME, SCHEDULE, NEXT):
            self.resizeColumnToContents(column)
        if chosen is not None:
            self.select(chosen)

    def _row(self, state: PlanState, now: datetime, zone: LocalZone, *, paused: bool,
             several: bool) -> QTreeWidgetItem:
        plan, saved = state.plan, state.saved
        count = len(plan.campaigns)
        what = (self.tr("Start %Ln campaign(s)", "", count) if plan.action is Action.START
                else self.tr("Stop %Ln campaign(s)", "", count))
        operation = self._selection.label(plan.server)
        if several:  # which operation, where that is a question
            what = f"{what} · {operation}"
        texts = [plan.name, what, schedule_text(plan.schedule), "", ""]
        if state.next_slot is not None:
            texts[NEXT] = (self.tr("Paused") if paused
                           else day_and_time(state.next_slot.moment, zone, now))
        if saved.last_run_at is not None:
            texts[LAST] = (self._cut_short(saved, zone, now)
                           or day_and_time(saved.last_run_at, zone, now))
        item = QTreeWidgetItem(texts)
        item.setData(NAME, Qt.ItemDataRole.UserRole, plan.name)
        item.setToolTip(WHAT, f"{operation}: " + ", ".join(c.id for c in plan.campaigns))
        if saved.last_outcome:
            item.setIcon(LAST, outcome_icon(saved.last_outcome))
            item.setToolTip(LAST, self._last_tip(saved))
        if state.missed is not None:
            item.setIcon(NEXT, outcome_icon(MISSED))
            item.setToolTip(NEXT, self.tr("Missed: {when}").format(
                when=day_and_time(state.missed.moment, zone, now)))
        return item

    def _cut_short(self, saved: SavedPlan, zone: LocalZone, now: datetime) -> str | None:
        """The last run's words when it was interrupted or stopped before its end."""
        run = saved.last_run
        if run is None or not run.cut_short or run.sent is None:
            return None
        today = zone.wall(run.started_at).date() == zone.wall(now).date()
        interrupted = run.state is PlanRunState.INTERRUPTED
        sent, total = number(run.sent), number(run.total)
        if today:
            text = (self.tr("Interrupted {at} — {sent} of {total} sent") if interrupted
                    else self.tr("Stopped {at} — {sent} of {total} sent"))
            return text.format(at=at_time(zone.wall(run.started_at).time()), sent=sent,
                               total=total)
        text = (self.tr("Interrupted ({when}) — {sent} of {total} sent") if interrupted
                else self.tr("Stopped ({when}) — {sent} of {total} sent"))
        return text.format(when=day_and_time(run.started_at, zone, now), sent=sent,
                           total=total)

    def _last_tip(self, saved: SavedPlan) -> str:
        run = saved.last_run
        if run is not None and run.state is PlanRunState.INTERRUPTED:
            return self.tr("The run ended before its last campaign (the app or the computer "
                           "stopped). The campaigns it never called are in the history as "
                           "not sent; nothing is sent again.")
        if run is not None and run.state is PlanRunState.STOPPED:
            return self.tr("The run was stopped before its end. The campaigns it never "
                           "called are in the history as not sent.")
        return outcome_words(saved.last_outcome or "unknown")

    def names(self) -> list[str]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [str(i.data(NAME, Qt.ItemDataRole.UserRole)) for i in items if i is not None]

    def selected_name(self) -> str | None:
        items = self.selectedItems()
        return str(items[0].data(NAME, Qt.ItemDataRole.UserRole)) if items else None

    def select(self, name: str) -> None:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None and item.data(NAME, Qt.ItemDataRole.UserRole) == name:
                self.setCurrentItem(item)
                return
