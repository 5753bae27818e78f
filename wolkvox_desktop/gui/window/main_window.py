"""The main window: pick the operation, see its campaigns, start or stop one in one click.

Assembled from parts, each in its own module: :class:`~.top_bar.TopBar`, the first-start
:class:`~.welcome_page.WelcomePage`, and the :class:`~.campaign_page.CampaignPage` (filter,
list, :class:`~.action_rows.ActionRows` with the named target of
:mod:`~.action_target`, :class:`~.result_line.ResultLine`, the status panel). The window
keeps the parts' widgets as its own public attributes (``startButton``, ``campaignTable``…).

It holds no HTTP, keyring or SQL: every request goes to ``self.handle`` (the worker) and
every answer comes back through its signals into the ``@Slot`` methods below.

Signals: ``busyChanged(bool)`` (a call of this window's is in flight, or not).
Keys: Enter (on the list) and Ctrl+Return start, Ctrl+Shift+Return stops (the bulk start or
stop when several campaigns are selected), F5 refreshes, Ctrl+F filters, Ctrl+, Settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.gui.qsettings import app_settings
from wolkvox_desktop.gui.window import window_frame
from wolkvox_desktop.gui.window.auto_refresh import AutoRefresh
from wolkvox_desktop.gui.window.campaign_page import CampaignPage
from wolkvox_desktop.gui.window.settings_link import SettingsLink
from wolkvox_desktop.gui.window.top_bar import TopBar, choose_operation

if TYPE_CHECKING:
    # Start-up time: the store (sqlite3, uuid, hashlib) loads on the worker thread; the
    # window's calls (with the core's values, enums and dataclasses) and its keys load
    # just after the first frame (see "After the first frame" below).
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from wolkvox_desktop.core.errors import CallResult
    from wolkvox_desktop.core.store import Operation, SavedCampaign
    from wolkvox_desktop.gui.calls import OperationState, SaveOutcome
    from wolkvox_desktop.gui.window.welcome_page import WelcomePage
    from wolkvox_desktop.gui.window.window_calls import WindowCalls
    from wolkvox_desktop.gui.worker import WorkerHandle

log = logging.getLogger(__name__)

EXTRAS_DELAY_MS = 100  # keyring status, bulk/history controls: just after the first show
# Fixed, so that texts changing (named buttons, answers) never resize the native window;
# every part fits in it, in English and Spanish (tests/gui/test_main_window_layout.py).
MINIMUM_SIZE = QSize(760, 460)


class MainWindow(QMainWindow):
    """The window. ``handle`` is a started-or-not :class:`WorkerHandle`; this window starts
    it, and stops it when closed.

    Its first frame shows the whole layout (operation, list, buttons); what that frame
    does not show loads just after it, on this thread, one step per turn of the event loop:
    the window's calls (:attr:`calls`), its keyboard shortcuts, the welcome page when the
    campaign page is shown first (:attr:`welcomePage`). :meth:`finish_loading`
    does what is left at once; :meth:`is_loaded` is true once nothing is left; ``loaded()`` is
    emitted when the last step is done. :attr:`calls` and :attr:`welcomePage` load
    themselves when needed sooner.
    Signals: ``busyChanged(bool)``, ``loaded()``."""

    busyChanged = Signal(bool)
    loaded = Signal()

    def __init__(
        self,
        handle: WorkerHandle,
        *,
        demo: bool = False,
        preselect: str | None = None,
        settings: QSettings | None = None,
        auto_refresh: bool = True,
        language: str = "system",
        test_server: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.handle = handle
        self._recoveries_shown: set[int] = set()  # rebuild notices this window showed
        self.demo = demo
        self.test_server = test_server
        self.language = language
        self._settings = settings if settings is not None else app_settings()
        self._preselect = preselect
        self._preselect_reported = False
        self._operations: list[Operation] = []
        self._current: str | None = None
        self._refreshed_at: Any = None
        self._state_seen: set[str] = set()
        self._once_painted = window_frame.Callbacks("a first-frame callback", late=True)
        self._once_shown = window_frame.Callbacks("a start-up extra", late=True)
        self._once_closed = window_frame.Callbacks("a close callback", late=False)
        self._closed = False
        self._store_problem = False
        self._was_busy = False
        self._shown_once = False

        self.setWindowTitle(
            self.tr("Wolkvox Desktop — Demo") if demo else self.tr("Wolkvox Desktop")
        )
        self._calls: WindowCalls | None = None
        self._welcome: WelcomePage | None = None
        self._painted = False
        self._keys_loaded = False
        self._steps: list[Callable[[], None]] = [self._load_calls, self._load_keys,
                                                 self._load_welcome]
        # The operations arrive from the worker a moment after the first frame: when one is
        # expected, paint the campaign page at once instead of flashing the welcome page
        # (which is then built just after the first frame).
        expected = bool(demo or preselect or self._settings.value("ui/last_server"))
        self._build(demo, test_server, welcome_first=not expected)
        self.settingsLink = SettingsLink(self, handle, self._settings, self._on_saved)
        self.autoRefresh = AutoRefresh(self, self._maybe_auto_refresh, enabled=auto_refresh)
        self._wire()
        self._update_buttons()
        window_frame.restore_geometry(self, self.splitter, self._settings)
        # settle the size constraints now, before a native window exists to be told of them
        self.layout().activate()
        if not handle.thread.isRunning():
            handle.start()

    # ================================================================ building
    def _build(self, demo: bool, test_server: str | None, *, welcome_first: bool) -> None:
        central = QWidget(self)
        central.setMinimumSize(MINIMUM_SIZE)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)
        self.topBar = TopBar(demo=demo, test_server=test_server)
        self.campaignPage = CampaignPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.campaignPage)
        if welcome_first:
            self._load_welcome()
            self.pages.setCurrentWidget(self._welcome)
        outer.addWidget(self.topBar)
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.resize(1000, 680)

        # the parts' widgets, under the names tests and gui/bulk know
        top, page, rows = self.topBar, self.campaignPage, self.campaignPage.rows
        self.operationLabel, self.operationCombo = top.operationLabel, top.operationCombo
        self.tokenUsageLabel, self.settingsButton = top.tokenUsageLabel, top.settingsButton
        self.demoBadge, self.testServerBadge = top.demoBadge, top.testServerBadge
        self.campaignFilter, self.refreshButton = page.campaignFilter, page.refreshButton
        self.lastRefreshLabel, self.splitter = page.lastRefreshLabel, page.splitter
        self.campaignModel, self.campaignProxy = page.campaignModel, page.campaignProxy
        self.campaignTable, self.statusPanel = page.campaignTable, page.statusPanel
        self.resultLine = line = page.resultLine
        self.resultLabel, self.checkNowButton = line.label, line.checkNowButton
        self.campaignIdEdit, self.typeCombo = rows.campaignIdEdit, rows.typeCombo
        self.campaignNameEdit = rows.campaignNameEdit
        self.addCampaignButton = rows.addCampaignButton
        self.removeCampaignButton = rows.removeCampaignButton
        self.startButton, self.stopButton, self.busyBar = (
            rows.startButton, rows.stopButton, rows.busyBar
        )
        self.target = page.target

        # the order they are read in: row by row (History… and Plans…, when added, go
        # where they are seen: gui/window/placement.py)
        chain = [self.operationCombo, self.settingsButton, self.campaignFilter,
                 self.refreshButton, self.campaignTable, self.campaignIdEdit, self.typeCombo,
                 self.campaignNameEdit, self.addCampaignButton, self.removeCampaignButton,
                 self.startButton, self.stopButton, self.checkNowButton,
                 self.statusPanel]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)

    def _wire(self) -> None:
        w = self.handle.worker
        w.operationsChanged.connect(self._on_operations)
        w.operationState.connect(self._on_operation_state)
        w.tokenSourcesChanged.connect(self._maybe_auto_refresh)  # after settingsLink's
        w.problem.connect(self._on_problem)
        w.storeRecovered.connect(self._on_store_recovered)

        self.operationCombo.currentIndexChanged.connect(self._on_operation_chosen)
        self.settingsButton.clicked.connect(self.open_settings)
        self.refreshButton.clicked.connect(self.refresh_campaigns)
        self.checkNowButton.clicked.connect(self.refresh_campaigns)
        self.startButton.clicked.connect(self.start_campaign)
        self.stopButton.clicked.connect(self.stop_campaign)
        self.campaignIdEdit.returnPressed.connect(self.start_campaign)
        self.addCampaignButton.clicked.connect(self.add_campaign)
        self.removeCampaignButton.clicked.connect(self.remove_campaign)
        self.campaignTable.enterPressed.connect(self.start_selected)
        self.target.changed.connect(self._update_buttons)

    # ================================================================ after the first frame
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._first_frame_done)  # once the whole frame is out

    def after_first_frame(self, callback: Callable[[], object]) -> None:
        """Run ``callback()`` once the window's first frame is painted (before the
        window's own deferred steps); at once if that already happened."""
        self._once_painted.add(callback)

    @Slot()
    def _first_frame_done(self) -> None:
        self._once_painted.run()
        self._next_step()

    @Slot()
    def _next_step(self) -> None:
        if self._steps and not self._closed:
            self._steps.pop(0)()
            QTimer.singleShot(0, self._next_step)  # one step per turn: input stays live

    def finish_loading(self) -> None:
        """Load now what the first frame did without (idempotent)."""
        while self._steps:
            self._steps.pop(0)()

    def is_loaded(self) -> bool:
        return not self._steps

    def _step_done(self, step: Callable[[], None]) -> None:
        if step in self._steps:
            self._steps.remove(step)
        if not self._steps:
            self.loaded.emit()

    @property
    def calls(self) -> WindowCalls:
        """The window's own calls (single start/stop, refresh, list edits): loaded just
        after the first frame, or now when something needs them sooner."""
        if self._calls is None:
            self._load_calls()
        assert self._calls is not None
        return self._calls

    def _load_calls(self) -> None:
        if self._calls is None:
            from wolkvox_desktop.gui.window.window_calls import WindowCalls

            self._calls = WindowCalls(self, self.handle, self.campaignPage, self._settings)
            self._calls.closed = self._closed
            self._calls.changed.connect(self._update_buttons)
        self._step_done(self._load_calls)

    @property
    def welcomePage(self) -> WelcomePage:  # noqa: N802 - the parts' public names
        """The first-start page (built just after the first frame when another page is
        shown first, or now when needed sooner)."""
        if self._welcome is None:
            self._load_welcome()
        assert self._welcome is not None
        return self._welcome

    @property
    def emptySettingsButton(self) -> QPushButton:  # noqa: N802
        return self.welcomePage.settingsButton

    @property
    def emptyStateMessage(self) -> QLabel:  # noqa: N802
        return self.welcomePage.message

    def _load_welcome(self) -> None:
        if self._welcome is None:
            from wolkvox_desktop.gui.window.welcome_page import WelcomePage

            page = self._welcome = WelcomePage()
            self.pages.insertWidget(0, page)  # the page shown stays shown
            page.settingsButton.clicked.connect(self.open_settings)
            self.setTabOrder(page.settingsButton, page.demoButton)
        self._step_done(self._load_welcome)

    def _show_page(self, campaigns: bool) -> None:
        self.pages.setCurrentWidget(self.campaignPage if campaigns else self.welcomePage)

    def _load_keys(self) -> None:
        """The window's shortcuts, and the filter's keys into the list (once)."""
        if self._keys_loaded:
            return
        self._keys_loaded = True
        from PySide6.QtGui import QKeySequence, QShortcut

        keys: list[tuple[str | QKeySequence.StandardKey, Any]] = [
            ("Ctrl+Return", self.start_selected), ("Ctrl+Enter", self.start_selected),
            ("Ctrl+Shift+Return", self.stop_selected), ("Ctrl+Shift+Enter", self.stop_selected),
            (QKeySequence.StandardKey.Refresh, self.refresh_campaigns),
            ("Ctrl+F", self.campaignPage.focus_filter), ("Ctrl+,", self.open_settings),
        ]
        for sequence, slot in keys:
            QShortcut(QKeySequence(sequence), self).activated.connect(slot)
        self.campaignPage.install_keys()
        self._step_done(self._load_keys)

    # ================================================================ state
    def current_server(self) -> str | None:
        return self._current

    def is_busy(self) -> bool:
        """True while any request sent by this window has not been answered, or its answer
        is shown but the refreshed list and history that follow it have not arrived yet."""
        return self._calls is not None and self._calls.is_busy()

    def _busy(self) -> bool:
        return self._calls is not None and self._calls.busy(self._current)

    def selected_campaign_ids(self) -> list[str]:
        return self.target.selected_ids()

    def selected_campaign(self) -> SavedCampaign | None:
        return self.campaignTable.current_campaign()

    def select_campaign(self, campaign_id: str, *, add: bool = False) -> None:
        """Highlight a listed, shown campaign (it fills the ID field)."""
        self.campaignTable.select_campaign(campaign_id, add=add)

    _select_campaign = select_campaign

    @property
    def settings_dialog(self) -> Any:
        """The open Settings dialog, or ``None``."""
        return self.settingsLink.dialog

    @Slot()
    def _update_buttons(self) -> None:
        busy = self._busy()
        calls = self._calls  # none yet before the first frame: nothing in flight
        self.campaignPage.update_actions(
            has_operation=self._current is not None and not self._store_problem, busy=busy,
            actions=calls.actions(self._current) if calls is not None else set(),
            busy_ids=calls.campaign_ids(self._current) if calls is not None else set(),
        )
        if busy != self._was_busy:
            self._was_busy = busy
            self.busyChanged.emit(busy)

    def show_result(self, outcome: str, sentence: str, *, in_progress: bool = False) -> None:
        """Put an answer where the eye already is: icon, words and colour."""
        self.resultLine.show_result(outcome, sentence, in_progress=in_progress)

    # ================================================================ user actions
    @Slot()
    def start_campaign(self) -> None:
        if self._current is not None and self.startButton.isEnabled():
            self.calls.start(self._current)

    @Slot()
    def stop_campaign(self) -> None:
        if self._current is not None and self.stopButton.isEnabled():
            self.calls.stop(self._current)

    @Slot()
    def start_selected(self) -> None:
        """Enter / Ctrl+Return: start the named campaign; with several campaigns selected,
        the bulk start (which confirms once)."""
        self._act_on_selection("startSelectedButton", self.start_campaign)

    @Slot()
    def stop_selected(self) -> None:
        """Ctrl+Shift+Return: stop the named campaign, or the selected ones (bulk stop)."""
        self._act_on_selection("stopSelectedButton", self.stop_campaign)

    def _act_on_selection(self, bulk_name: str, single: Any) -> None:
        if len(self.selected_campaign_ids()) <= 1:
            single()
            return
        bulk = self.findChild(QPushButton, bulk_name)
        if bulk is not None and bulk.isEnabled():
            bulk.click()

    @Slot()
    def refresh_campaigns(self) -> None:
        """Ask Wolkvox for the campaign list (costs one token): Refresh and Check now."""
        self._refresh(automatic=False)

    def _refresh(self, *, automatic: bool) -> None:
        server = self._current
        if server is not None and not self._closed and self.calls.refresh(server,
                                                                           automatic=automatic):
            self.autoRefresh.attempted(server)

    @Slot()
    def add_campaign(self) -> None:
        if self._current is not None:
            self.calls.add_campaign(self._current)

    @Slot()
    def remove_campaign(self) -> None:
        if self._current is not None:
            self.calls.remove_campaign(self._current)

    @Slot()
    def open_settings(self) -> None:
        self.settingsLink.open(self._operations, self._current, self.language)

    def _on_saved(self, outcome: SaveOutcome) -> None:
        if outcome.ok and self._current is None:
            self._preselect = outcome.server
        if outcome.ok and outcome.server == self._current:
            self.handle.select_operation(outcome.server)

    def show_local(self, server: str, action: str, campaign_id: str | None,
                   result: CallResult) -> None:
        """A call refused before sending: in the result line and the status panel."""
        self.campaignPage.show_local(server, action, campaign_id, result)

    # ================================================================ worker → window
    @Slot(object)
    def _on_operations(self, operations: list[Operation]) -> None:
        self._operations = list(operations)
        servers = [op.server for op in operations]
        wanted = choose_operation(servers, self._current, self._preselect,
                                  self._settings.value("ui/last_server"))
        self.topBar.set_operations(operations, wanted)
        self._show_page(bool(servers))
        if wanted != self._current:
            self._select_operation(wanted)
        if self._preselect and self._preselect not in servers and not self._preselect_reported:
            self._preselect_reported = True  # said once, where the eye is on either page
            missing = self.tr("Operation {0} is not set up yet. Add it in Settings.")
            self.emptyStateMessage.setText(missing.format(self._preselect))
            self.show_result("invalid", missing.format(self._preselect))
        self._update_buttons()

    @Slot(int)
    def _on_operation_chosen(self, index: int) -> None:
        server = self.operationCombo.itemData(index) if index >= 0 else None
        if server != self._current:
            self._select_operation(server)

    def _select_operation(self, server: str | None) -> None:
        self._current = server
        self._refreshed_at = None
        self.campaignPage.clear()
        self.topBar.set_usage(None)
        if server is not None:
            self.handle.select_operation(server)
        self._update_buttons()

    @Slot(object)
    def _on_operation_state(self, state: OperationState) -> None:
        if self._calls is not None:
            self._calls.state_due.discard(state.server)
        if state.server != self._current:
            return
        first = state.server not in self._state_seen
        self._state_seen.add(state.server)
        # the whole selection, in its order, stays highlighted
        self.campaignPage.show_state(state, self.selected_campaign_ids())
        self._refreshed_at = state.refreshed_at
        self.topBar.set_usage(state.usage)
        self._update_buttons()
        if first:
            self._maybe_auto_refresh()

    @Slot(str)
    def _on_problem(self, text: str) -> None:
        if self._calls is not None:
            self._calls.state_due.clear()  # no snapshot will follow a failed read
        if "database" in text:
            self._store_problem = True
            self._update_buttons()
        from wolkvox_desktop.gui import messages

        sentence = messages.worker_sentence(text)
        self.show_result("refused", self.tr("Problem: {0}").format(sentence))
        self.emptyStateMessage.setText(sentence)

    @Slot(object)
    def _on_store_recovered(self, recovery: Any) -> None:
        """The data file was rebuilt and no person has seen it yet
        (``core.store.notices.Recovery``): said once by this window, then marked seen in
        the store, so no other process says it again."""
        if recovery.id in self._recoveries_shown:
            return
        from PySide6.QtWidgets import QMessageBox

        from wolkvox_desktop.gui import messages
        from wolkvox_desktop.gui.jobs import Lane

        self._recoveries_shown.add(recovery.id)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Data file rebuilt"),
                          messages.recovered_sentence(recovery), QMessageBox.StandardButton.Ok,
                          self)
        box.setObjectName("storeRecoveredBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()
        recovery_id = int(recovery.id)
        self.handle.submit(lambda ops: ops.store.mark_recovery_seen(recovery_id),
                           lane=Lane.STORE, what="mark the rebuild notice seen")

    # ================================================================ auto refresh
    @Slot()
    def _maybe_auto_refresh(self) -> None:
        server = self._current
        if (server is None or self._closed or self._busy()
                or server not in self._state_seen or not self.isVisible()
                or self.isMinimized()):
            return
        source = self.settingsLink.token_sources.get(server)
        if self.autoRefresh.due(server, self._refreshed_at, source):
            self._refresh(automatic=True)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # after the first frames are on screen, not in the same turn of the event loop
            QTimer.singleShot(EXTRAS_DELAY_MS, self._after_first_show)
        QTimer.singleShot(0, self._maybe_auto_refresh)

    def after_first_show(self, callback: Any) -> None:
        """Run ``callback()`` once the window is first on screen (slower extras: keeps
        them off the start-up path). Runs at once if that already happened."""
        self._once_shown.add(callback)

    @Slot()
    def _after_first_show(self) -> None:
        if not self._closed:
            self.finish_loading()  # in case no frame was painted yet (started minimised)
            self.handle.load_settings_info()  # token sources, keyring status (keyring)
            window_frame.set_app_icon(self)
            self._once_shown.run()

    # ================================================================ closing
    def add_close_callback(self, callback: Any) -> None:
        """Called once after the worker stopped (e.g. stop the demo simulator)."""
        self._once_closed.add(callback)

    def shutdown(self) -> bool:
        """Stop the worker (aborting in-flight calls) and run the close callbacks. Idempotent."""
        if self._closed:
            return True
        self._closed = True
        if self._calls is not None:
            self._calls.closed = True
        self.autoRefresh.stop()
        stopped = self.handle.shutdown()
        self._once_closed.run()
        return stopped

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self._closed:
            try:
                window_frame.save_geometry(self, self.splitter, self._settings)
                if self._current and not self.demo:
                    self._settings.setValue("ui/last_server", self._current)
                self._settings.sync()
            except Exception:  # noqa: BLE001
                log.exception("saving the window geometry failed")
            self.settingsLink.close()
            self.shutdown()
        event.accept()

    def settings_path(self) -> Path:
        return Path(self._settings.fileName())
