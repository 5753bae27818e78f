"""The main window's *Plans…* button and what runs plans while the window lives: the
scheduler, *Run now*, the tray, and their news on the window's result line.

:func:`install_plans` adds them once the window is on screen, from outside, like
:func:`~wolkvox_desktop.gui.bulk.install_bulk_and_history`: the button goes next to
*History…* (``historyButton``), and the window's public parts are all it uses
(``handle``, ``current_server()``, ``campaignTable``, ``operationCombo``, ``show_result()``,
``add_close_callback()``).

Closing the window: the tray may keep the app running (:class:`~wolkvox_desktop.gui.plans.tray.
AppTray`); a *Run now* in progress asks first, as a bulk run does; when the window closes
for good, the scheduler stops and the Plans window goes with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from wolkvox_desktop.core.plan_runs import MissedSlot, PlanRunResult, PlanRunStart
from wolkvox_desktop.core.schedule import Clock, LocalZone, utc_now
from wolkvox_desktop.gui.bulk.summary import worst_ending
from wolkvox_desktop.gui.plans import notices
from wolkvox_desktop.gui.plans.run_now import PlanRunNow
from wolkvox_desktop.gui.plans.schedule_switch import this_computer
from wolkvox_desktop.gui.plans.scheduler import Look, PlanScheduler
from wolkvox_desktop.gui.plans.selection import WindowSelection
from wolkvox_desktop.gui.plans.tray import AppTray
from wolkvox_desktop.gui.window.placement import place_beside

if TYPE_CHECKING:
    from wolkvox_desktop.gui.plans.panel import PlansPanel


class PlansControls(QObject):
    """The plans of the main window; a child of it (see the module docstring)."""

    def __init__(self, window: Any, *, clock: Clock = utc_now, zone: LocalZone | None = None,
                 speed: float = 1.0, tray_available: bool | None = None) -> None:
        super().__init__(window)
        self.setObjectName("plansControls")
        self.window_ = window
        self.handle = window.handle
        self.selection = WindowSelection(window)
        self.panel: PlansPanel | None = None
        # the system's schedule behind the Plans window's switch (not for the demo's plans)
        self.os_schedule: Any = None if getattr(window, "demo", False) else this_computer
        self._close_after_run = False
        self.scheduler = PlanScheduler(self.handle, clock=clock, zone=zone, speed=speed,
                                       parent=self)
        self.runNow = PlanRunNow(self.handle, window, label=self.selection.label,
                                 clock=self.scheduler.now, zone=self.scheduler.zone)
        window.installEventFilter(self)  # before the tray's: the tray hears a close first
        self.tray = AppTray(window, scheduled=lambda: self.scheduler.scheduled,
                            available=tray_available)

        self.plansButton = QPushButton(self.tr("&Plans…"), window)
        self.plansButton.setObjectName("plansButton")
        self.plansButton.setAccessibleName(self.tr("Shift plans"))
        self.plansButton.setToolTip(self.tr(
            "Saved sets of campaigns, started or stopped in one action or at a set time"))
        self.plansButton.setAutoDefault(False)
        history = window.findChild(QPushButton, "historyButton")
        anchor = history if history is not None else getattr(window, "settingsButton", None)
        place_beside(window, anchor, [self.plansButton], before=history is None)
        self.plansButton.clicked.connect(self.open_panel)

        s = self.scheduler
        s.runStarted.connect(self._on_run_started)
        s.runFinished.connect(self._on_run_finished)
        s.slotsMissed.connect(self._on_missed)
        s.looked.connect(self._on_looked)
        s.pausedChanged.connect(self.tray.set_paused)
        self.tray.runPlanRequested.connect(self.run_plan_from_tray)
        self.tray.pauseToggled.connect(s.set_paused)
        self.runNow.ended.connect(self._on_run_now_ended)
        self.runNow.missing.connect(lambda sentence: self._show("invalid", sentence))
        window.add_close_callback(self.shutdown)
        s.start()

    # ------------------------------------------------------------ the Plans window
    @Slot()
    def open_panel(self) -> PlansPanel:
        from wolkvox_desktop.gui.plans.panel import PlansPanel  # when first asked for

        if self.panel is not None:
            self.panel.show()
            self.panel.raise_()
            self.panel.activateWindow()
            return self.panel
        tray = self.tray
        panel = PlansPanel(self.handle, self.scheduler, self.selection, self.window_,
                           keep_in_tray=bool(tray.keep_running) if tray.available else None,
                           os_schedule=self.os_schedule)
        panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        panel.runRequested.connect(self.run_plan)
        panel.pauseToggled.connect(self.scheduler.set_paused)
        panel.keepInTrayToggled.connect(self._keep_in_tray)
        panel.plansChanged.connect(self.scheduler.check_now)
        panel.destroyed.connect(self._on_panel_gone)
        self.panel = panel
        panel.show()
        return panel

    @Slot()
    def _on_panel_gone(self) -> None:
        self.panel = None

    @Slot(bool)
    def _keep_in_tray(self, keep: bool) -> None:
        self.tray.keep_running = keep

    # ------------------------------------------------------------ running
    @Slot(str)
    def run_plan(self, name: str) -> None:
        """*Run now*: the plan's confirmation, progress and summary (the bulk dialog)."""
        self.runNow.open(name)

    @Slot(str)
    def run_plan_from_tray(self, name: str) -> None:
        self.tray.open_window()
        self.run_plan(name)

    @Slot(object)
    def _on_run_started(self, start: PlanRunStart) -> None:
        self.window_.show_result("running", notices.run_started(start), in_progress=True)

    @Slot(object)
    def _on_run_finished(self, result: PlanRunResult) -> None:
        self._tell(notices.run_ended(result))

    @Slot(object)
    def _on_missed(self, missed: tuple[MissedSlot, ...]) -> None:
        self._tell(notices.slots_missed(missed, self.scheduler.zone, self.scheduler.now()))

    @Slot(object)
    def _on_looked(self, look: Look) -> None:
        self.tray.menu.set_plans(look.names)

    @Slot(object)
    def _on_run_now_ended(self, result: PlanRunResult) -> None:
        if self.panel is not None:
            self.panel.refresh()
        self.scheduler.check_now()  # a missed slot is settled; the next run may move
        dialog = self.runNow.dialog
        if dialog is not None and dialog.counts is not None:
            self._show(worst_ending(dialog.counts), self.tr("Plan “{name}”: {headline}").format(
                name=result.plan.name, headline=dialog.headline()))
        if self._close_after_run:
            QTimer.singleShot(0, self.window_.close)

    def _tell(self, notification: notices.Notification) -> None:
        self.tray.notify(notification.title, notification.body, notification.outcome)
        self._show(notification.outcome, notification.sentence)

    def _show(self, outcome: str, sentence: str) -> None:
        self.window_.show_result(outcome, sentence)

    # ------------------------------------------------------------ closing
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # getattr: during teardown the Python side may already be half gone
        if watched is not getattr(self, "window_", None) or event.type() != QEvent.Type.Close:
            return False
        if self.runNow.is_running():
            if not self._close_after_run:
                event.ignore()  # ask first; the window closes once the run has stopped
                self.runNow.ask_to_stop(then=self._stop_then_close)
                return True
            self.runNow.close_now()  # before the worker (and the store the run writes) stops
        return False

    @Slot()
    def _stop_then_close(self) -> None:
        self._close_after_run = True

    def shutdown(self) -> None:
        """The window closed for good: no more schedules; the Plans window and a *Run now*
        dialog (no run in it any more) go."""
        self.scheduler.stop()
        self.runNow.close_now()
        if self.panel is not None:
            self.panel.close()


def install_plans(window: QWidget, *, clock: Clock = utc_now, zone: LocalZone | None = None,
                  speed: float = 1.0, tray_available: bool | None = None) -> PlansControls:
    """Add *Plans…* (``plansButton``), the scheduler and the tray to the main window.
    Idempotent: a second call returns the controls already installed. ``clock``, ``zone``
    and ``speed`` are the scheduler's (tests and benchmarks move the clock);
    ``tray_available`` overrides the desktop's answer."""
    existing = window.findChild(PlansControls, "plansControls")
    if isinstance(existing, PlansControls):
        return existing
    return PlansControls(window, clock=clock, zone=zone, speed=speed,
                         tray_available=tray_available)
