"""The main window: pick the operation, see its campaigns, start or stop one in one click.

Holds no HTTP, keyring or SQL: every request goes to the worker (``gui/worker.py``) and
every answer comes back through its signals into the ``@Slot`` methods below.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QIcon, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core import paths
from wolkvox_desktop.core.campaigns import Action, Campaign, CampaignRef, CampaignStatus
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Notice, Outcome, Reason
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.calls import (
    ActionRequest,
    CallDone,
    OperationState,
    RefreshRequest,
    SaveOutcome,
)
from wolkvox_desktop.gui.campaign_model import CampaignFilterProxy, CampaignRole, CampaignTableModel
from wolkvox_desktop.gui.outcome_look import outcome_colour, outcome_glyph, outcome_words
from wolkvox_desktop.gui.status_panel import StatusEntry, StatusPanel
from wolkvox_desktop.gui.worker import WorkerHandle

if TYPE_CHECKING:  # start-up time: the store (sqlite3, uuid, hashlib) loads on the worker thread
    from wolkvox_desktop.core.store import Operation, SavedCampaign

log = logging.getLogger(__name__)

AUTO_REFRESH_EVERY = timedelta(minutes=5)
AUTO_REFRESH_CHECK_MS = 30_000
EXTRAS_DELAY_MS = 100  # keyring status, bulk/history controls: just after the first show
SETTINGS_FILE_NAME = "settings.ini"


try:
    from wolkvox_desktop.gui.qsettings import app_settings
except ImportError:  # pragma: no cover - until the settings module lands

    def app_settings() -> QSettings:
        """The app's settings file in the app-data folder (never the user's registry)."""
        return QSettings(
            str(paths.app_data_dir() / SETTINGS_FILE_NAME), QSettings.Format.IniFormat
        )


class _EnterStarts(QObject):
    """Enter/Return on the campaign table starts the selected campaign."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self._window.start_selected()
                return True
        return False


class MainWindow(QMainWindow):
    """The window. ``handle`` is a started-or-not :class:`WorkerHandle`; this window starts
    it, and stops it when closed."""

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
        self.demo = demo
        self.test_server = test_server
        self.language = language
        self._settings = settings if settings is not None else app_settings()
        self._preselect = preselect
        self._preselect_reported = False
        self._auto_refresh = auto_refresh
        self._operations: list[Operation] = []
        self._current: str | None = None
        self._requests: dict[int, ActionRequest | RefreshRequest] = {}
        self._state_due: set[str] = set()  # answered; the worker's snapshot is on its way
        self._token_sources: dict[str, Any] = {}
        self._backend_status: Any = None
        self._refreshed_at: datetime | None = None
        self._last_auto_attempt: dict[str, float] = {}
        self._state_seen: set[str] = set()
        self._settings_dialog: Any = None
        self._on_closed: list[Any] = []
        self._closed = False
        self._store_problem = False
        self._select_after_update: str | None = None
        self._shown_once = False
        self._first_show_done = False
        self._first_show_callbacks: list[Any] = []

        self.setWindowTitle(
            self.tr("Wolkvox Desktop — Demo") if demo else self.tr("Wolkvox Desktop")
        )
        self._build_ui()
        # The operations arrive from the worker a moment after the first frame: when one is
        # expected, paint the campaign page at once instead of flashing the welcome page.
        if demo or preselect or self._settings.value("ui/last_server"):
            self.pages.setCurrentIndex(1)
        self._wire()
        self._restore_geometry()
        # settle the size constraints now, before a native window exists to be told of them
        self.layout().activate()

        self._auto_timer = QTimer(self)
        self._auto_timer.setInterval(AUTO_REFRESH_CHECK_MS)
        self._auto_timer.timeout.connect(self._maybe_auto_refresh)
        if auto_refresh:
            self._auto_timer.start()

        if not handle.thread.isRunning():
            handle.start()

    # ================================================================ building
    def _build_ui(self) -> None:
        central = QWidget(self)
        # An explicit minimum keeps the window's size constraints stable while texts change
        # (each change would otherwise be pushed to the window system again).
        central.setMinimumSize(880, 460)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(6)

        # ---- top bar: operation, tokens, demo badge, settings
        top = QHBoxLayout()
        self.operationLabel = QLabel(self.tr("&Operation:"))
        self.operationCombo = QComboBox()
        self.operationCombo.setObjectName("operationCombo")
        self.operationCombo.setAccessibleName(self.tr("Operation"))
        self.operationCombo.setToolTip(self.tr("The Wolkvox operation (server) you work on"))
        self.operationCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.operationCombo.setMinimumContentsLength(16)
        self.operationLabel.setBuddy(self.operationCombo)
        self.tokenUsageLabel = QLabel()
        self.tokenUsageLabel.setObjectName("tokenUsageLabel")
        self.tokenUsageLabel.setAccessibleName(self.tr("Tokens used today"))
        self.tokenUsageLabel.setToolTip(
            self.tr(
                "Every call to Wolkvox, list refreshes included, uses one token. The daily "
                "budget is the number of licenses × 1000. Counted by this app on this computer."
            )
        )
        self.demoBadge = QLabel(self.tr("DEMO"))
        self.demoBadge.setObjectName("demoBadge")
        self.demoBadge.setAccessibleName(self.tr("Demo mode"))
        self.demoBadge.setToolTip(
            self.tr("Demo mode: a simulated Wolkvox on this computer. Nothing reaches Wolkvox.")
        )
        self.demoBadge.setStyleSheet(
            "QLabel#demoBadge { background: #ffd54f; color: #000; border-radius: 4px;"
            " padding: 2px 10px; font-weight: bold; }"
        )
        self.demoBadge.setVisible(self.demo)
        # WOLKVOX_API_BASE left set: say where the calls go, all the time
        self.testServerBadge = QLabel(
            self.tr("Test server: {0}").format(self.test_server or "")
        )
        self.testServerBadge.setObjectName("testServerBadge")
        self.testServerBadge.setTextFormat(Qt.TextFormat.PlainText)
        self.testServerBadge.setToolTip(
            self.tr("WOLKVOX_API_BASE is set: calls go to this test server, not to Wolkvox, "
                    "and only the token in WOLKVOX_TOKEN is sent there.")
        )
        self.testServerBadge.setStyleSheet(
            "QLabel#testServerBadge { background: #ffb74d; color: #000; border-radius: 4px;"
            " padding: 2px 10px; font-weight: bold; }"
        )
        self.testServerBadge.setVisible(self.test_server is not None)
        self.settingsButton = QPushButton(self.tr("&Settings…"))
        self.settingsButton.setObjectName("settingsButton")
        self.settingsButton.setAccessibleName(self.tr("Settings"))
        self.settingsButton.setToolTip(self.tr("Operations, tokens and language (Ctrl+,)"))
        top.addWidget(self.operationLabel)
        top.addWidget(self.operationCombo)
        top.addSpacing(16)
        top.addWidget(self.tokenUsageLabel)
        top.addStretch(1)
        top.addWidget(self.demoBadge)
        top.addWidget(self.testServerBadge)
        top.addWidget(self.settingsButton)
        outer.addLayout(top)

        # ---- the two pages: first run (empty state) and the campaigns
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_empty_state())
        self.pages.addWidget(self._build_campaign_page())
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.resize(1000, 680)

        self.setTabOrder(self.operationCombo, self.settingsButton)
        self.setTabOrder(self.settingsButton, self.campaignFilter)
        self.setTabOrder(self.campaignFilter, self.refreshButton)
        self.setTabOrder(self.refreshButton, self.campaignTable)
        self.setTabOrder(self.campaignTable, self.campaignIdEdit)
        self.setTabOrder(self.campaignIdEdit, self.typeCombo)
        self.setTabOrder(self.typeCombo, self.startButton)
        self.setTabOrder(self.startButton, self.stopButton)
        self.setTabOrder(self.stopButton, self.campaignNameEdit)
        self.setTabOrder(self.campaignNameEdit, self.addCampaignButton)
        self.setTabOrder(self.addCampaignButton, self.removeCampaignButton)
        self.setTabOrder(self.removeCampaignButton, self.statusPanel)
        self._update_usage(None)
        self._update_refreshed_label()
        self._update_buttons()

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        page.setObjectName("emptyState")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = QLabel(self.tr("Welcome to Wolkvox Desktop"))
        title.setObjectName("emptyStateTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "No operation is set up yet. Open Settings and add your operation's server "
                "code (the digits in wv0032.wolkvox.com) and its API token. The token is kept "
                "in your system's keyring.\n\nTo look around first, start the app in demo "
                "mode: wolkvox-desktop --demo"
            )
        )
        text.setObjectName("emptyStateText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMinimumWidth(480)
        text.setMaximumWidth(560)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.emptySettingsButton = QPushButton(self.tr("Open Settings…"))
        self.emptySettingsButton.setObjectName("emptySettingsButton")
        self.emptySettingsButton.setAccessibleName(self.tr("Open Settings"))
        self.emptyStateMessage = QLabel()
        self.emptyStateMessage.setObjectName("emptyStateMessage")
        self.emptyStateMessage.setWordWrap(True)
        self.emptyStateMessage.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (title, text, self.emptySettingsButton, self.emptyStateMessage):
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _build_campaign_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("campaignPage")
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.setObjectName("mainSplitter")
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        upper = QWidget()
        up = QVBoxLayout(upper)
        up.setContentsMargins(0, 0, 0, 0)
        up.setSpacing(6)

        # filter row
        filter_row = QHBoxLayout()
        self.campaignFilter = QLineEdit()
        self.campaignFilter.setObjectName("campaignFilter")
        self.campaignFilter.setPlaceholderText(self.tr("Filter campaigns…"))
        self.campaignFilter.setAccessibleName(self.tr("Filter campaigns"))
        self.campaignFilter.setClearButtonEnabled(True)
        self.campaignFilter.setMaximumWidth(360)
        self.lastRefreshLabel = QLabel()
        self.lastRefreshLabel.setObjectName("lastRefreshLabel")
        self.lastRefreshLabel.setAccessibleName(self.tr("Campaign list last updated"))
        self.lastRefreshLabel.setToolTip(
            self.tr(
                "Refreshing the list costs one token. It refreshes by itself at most every "
                "5 minutes while the window is open."
            )
        )
        self.refreshButton = QPushButton(self.tr("&Refresh"))
        self.refreshButton.setObjectName("refreshButton")
        self.refreshButton.setAccessibleName(self.tr("Refresh the campaign list"))
        self.refreshButton.setToolTip(
            self.tr("Ask Wolkvox for the campaign list (F5). Costs one token.")
        )
        filter_row.addWidget(self.campaignFilter, 1)
        filter_row.addStretch(1)
        filter_row.addWidget(self.lastRefreshLabel)
        filter_row.addWidget(self.refreshButton)
        up.addLayout(filter_row)

        # the table
        self.campaignModel = CampaignTableModel(self)
        self.campaignProxy = CampaignFilterProxy(self)
        self.campaignProxy.setSourceModel(self.campaignModel)
        self.campaignTable = QTableView()
        self.campaignTable.setObjectName("campaignTable")
        self.campaignTable.setAccessibleName(self.tr("Campaigns"))
        self.campaignTable.setModel(self.campaignProxy)
        self.campaignTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.campaignTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.campaignTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.campaignTable.setSortingEnabled(True)
        self.campaignTable.sortByColumn(CampaignTableModel.ID, Qt.SortOrder.AscendingOrder)
        self.campaignTable.setAlternatingRowColors(True)
        self.campaignTable.verticalHeader().setVisible(False)
        self.campaignTable.setWordWrap(False)
        header = self.campaignTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CampaignTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.campaignTable.setColumnWidth(CampaignTableModel.ID, 90)
        self.campaignTable.setColumnWidth(CampaignTableModel.TYPE, 110)
        self.campaignTable.setColumnWidth(CampaignTableModel.STATUS, 120)
        header.setSectionResizeMode(
            CampaignTableModel.LAST, QHeaderView.ResizeMode.ResizeToContents
        )
        self.campaignTable.installEventFilter(_EnterStarts(self))
        up.addWidget(self.campaignTable, 1)

        # action rows
        self.campaignIdLabel = QLabel(self.tr("Campaign &ID:"))
        self.campaignIdEdit = QLineEdit()
        self.campaignIdEdit.setObjectName("campaignIdEdit")
        self.campaignIdEdit.setAccessibleName(self.tr("Campaign ID"))
        self.campaignIdEdit.setPlaceholderText(self.tr("e.g. 3301"))
        self.campaignIdEdit.setToolTip(
            self.tr("Filled from the selected campaign; type any ID to act on a campaign "
                    "that is not in the list. Enter starts it.")
        )
        self.campaignIdEdit.setMaxLength(64)
        self.campaignIdEdit.setMinimumWidth(110)
        self.campaignIdLabel.setBuddy(self.campaignIdEdit)
        self.typeLabel = QLabel(self.tr("&Type:"))
        self.typeCombo = QComboBox()
        self.typeCombo.setObjectName("typeCombo")
        self.typeCombo.setAccessibleName(self.tr("Campaign type"))
        self.typeCombo.addItem(messages.campaign_type_label("predictive"), "predictive")
        self.typeCombo.addItem(messages.campaign_type_label("preview"), "preview")
        self.typeLabel.setBuddy(self.typeCombo)
        self.startButton = QPushButton(self.tr("▶ Start"))
        self.startButton.setObjectName("startButton")
        self.startButton.setAccessibleName(self.tr("Start campaign"))
        self.startButton.setToolTip(self.tr("Start the campaign (Enter or Ctrl+Return)"))
        self.startButton.setDefault(False)
        self.startButton.setAutoDefault(False)
        self.stopButton = QPushButton(self.tr("■ Stop"))
        self.stopButton.setObjectName("stopButton")
        self.stopButton.setAccessibleName(self.tr("Stop campaign"))
        self.stopButton.setToolTip(self.tr("Stop (pause) the campaign"))
        self.stopButton.setAutoDefault(False)
        for button in (self.startButton, self.stopButton):
            button.setMinimumWidth(110)
        self.busyBar = QProgressBar()
        self.busyBar.setObjectName("busyIndicator")
        self.busyBar.setAccessibleName(self.tr("Waiting for Wolkvox"))
        self.busyBar.setRange(0, 0)
        self.busyBar.setTextVisible(False)
        self.busyBar.setMaximumWidth(90)
        self.busyBar.setMaximumHeight(14)
        self.busyBar.setVisible(False)
        sp = self.busyBar.sizePolicy()
        sp.setRetainSizeWhenHidden(True)
        self.busyBar.setSizePolicy(sp)

        self.campaignNameLabel = QLabel(self.tr("&Name:"))
        self.campaignNameEdit = QLineEdit()
        self.campaignNameEdit.setObjectName("campaignNameEdit")
        self.campaignNameEdit.setAccessibleName(self.tr("Campaign name (for the list)"))
        self.campaignNameEdit.setPlaceholderText(self.tr("optional, for your list"))
        self.campaignNameLabel.setBuddy(self.campaignNameEdit)
        self.addCampaignButton = QPushButton(self.tr("&Add to list"))
        self.addCampaignButton.setObjectName("addCampaignButton")
        self.addCampaignButton.setAccessibleName(self.tr("Add the campaign to the list"))
        self.addCampaignButton.setToolTip(
            self.tr("Keep this campaign ID, name and type in your list (costs no token)")
        )
        self.addCampaignButton.setAutoDefault(False)
        self.removeCampaignButton = QPushButton(self.tr("Remo&ve from list"))
        self.removeCampaignButton.setObjectName("removeCampaignButton")
        self.removeCampaignButton.setAccessibleName(
            self.tr("Remove the selected campaign from the list")
        )
        self.removeCampaignButton.setToolTip(
            self.tr("Only campaigns you added by hand can be removed")
        )
        self.removeCampaignButton.setAutoDefault(False)

        # row 1: what to act on (and what to keep in the list)
        fields = QHBoxLayout()
        fields.addWidget(self.campaignIdLabel)
        fields.addWidget(self.campaignIdEdit, 1)
        fields.addSpacing(8)
        fields.addWidget(self.typeLabel)
        fields.addWidget(self.typeCombo)
        fields.addSpacing(8)
        fields.addWidget(self.campaignNameLabel)
        fields.addWidget(self.campaignNameEdit, 2)
        fields.addWidget(self.addCampaignButton)
        fields.addWidget(self.removeCampaignButton)
        up.addLayout(fields)
        # row 2: the actions (bulk buttons, when installed, go right after Stop)
        buttons = QHBoxLayout()
        buttons.setObjectName("actionButtonsLayout")
        buttons.addWidget(self.startButton)
        buttons.addWidget(self.stopButton)
        buttons.addWidget(self.busyBar)
        buttons.addStretch(1)
        up.addLayout(buttons)

        # the answer to the last action, where the eye already is
        self.resultLabel = QLabel()
        self.resultLabel.setObjectName("lastResultLabel")
        self.resultLabel.setAccessibleName(self.tr("Answer to the last action"))
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextFormat(Qt.TextFormat.RichText)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.resultLabel.setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum
        )
        up.addWidget(self.resultLabel)

        self.statusPanel = StatusPanel()
        splitter.addWidget(upper)
        splitter.addWidget(self.statusPanel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        return page

    def _wire(self) -> None:
        w = self.handle.worker
        w.operationsChanged.connect(self._on_operations)
        w.operationState.connect(self._on_operation_state)
        w.callFinished.connect(self._on_call_finished)
        w.callNotice.connect(self._on_call_notice)
        w.tokenSourcesChanged.connect(self._on_token_sources)
        w.backendStatusChanged.connect(self._on_backend_status)
        w.saveFinished.connect(self._on_save_finished)
        w.testFinished.connect(self._on_test_finished)
        w.problem.connect(self._on_problem)

        self.operationCombo.currentIndexChanged.connect(self._on_operation_chosen)
        self.settingsButton.clicked.connect(self.open_settings)
        self.emptySettingsButton.clicked.connect(self.open_settings)
        self.campaignFilter.textChanged.connect(self.campaignProxy.set_filter_text)
        self.refreshButton.clicked.connect(self.refresh_campaigns)
        self.startButton.clicked.connect(self.start_campaign)
        self.stopButton.clicked.connect(self.stop_campaign)
        self.campaignIdEdit.returnPressed.connect(self.start_campaign)
        self.campaignIdEdit.textChanged.connect(self._update_buttons)
        self.addCampaignButton.clicked.connect(self.add_campaign)
        self.removeCampaignButton.clicked.connect(self.remove_campaign)
        self.campaignTable.selectionModel().selectionChanged.connect(self._on_selection)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.start_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self,
                  activated=self.refresh_campaigns)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self._focus_filter)
        QShortcut(QKeySequence("Ctrl+,"), self, activated=self.open_settings)

    # ================================================================ geometry
    def _restore_geometry(self) -> None:
        geometry = self._settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        splitter = self._settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def _save_geometry(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        if self._current and not self.demo:
            self._settings.setValue("ui/last_server", self._current)
        self._settings.sync()

    # ================================================================ state helpers
    def current_server(self) -> str | None:
        return self._current

    def is_busy(self) -> bool:
        """True while any request sent by this window has not been answered, or its answer
        is shown but the refreshed list and history that follow it have not arrived yet."""
        return bool(self._requests) or bool(self._state_due)

    def _busy(self, server: str | None = None) -> bool:
        server = server or self._current
        return any(r.server == server for r in self._requests.values())

    def _busy_actions(self) -> set[str]:
        return {
            r.action.value if isinstance(r, ActionRequest) else "campaigns"
            for r in self._requests.values()
            if r.server == self._current
        }

    def _busy_campaign_ids(self) -> set[str]:
        return {
            r.campaign_id
            for r in self._requests.values()
            if isinstance(r, ActionRequest) and r.server == self._current
        }

    def selected_campaign_ids(self) -> list[str]:
        from wolkvox_desktop.core.store import SavedCampaign

        ids: list[str] = []
        for index in self.campaignTable.selectionModel().selectedRows():
            saved = index.data(CampaignRole)
            if isinstance(saved, SavedCampaign):
                ids.append(saved.campaign.id)
        return ids

    def selected_campaign(self) -> SavedCampaign | None:
        indexes = self.campaignTable.selectionModel().selectedRows()
        if not indexes:
            return None
        from wolkvox_desktop.core.store import SavedCampaign

        saved = indexes[0].data(CampaignRole)
        return saved if isinstance(saved, SavedCampaign) else None

    @Slot()
    def _update_buttons(self) -> None:
        has_op = self._current is not None and not self._store_problem
        busy = self._busy()
        actions = self._busy_actions()
        can_act = has_op and not busy
        self.startButton.setEnabled(can_act)
        self.stopButton.setEnabled(can_act)
        self.refreshButton.setEnabled(can_act)
        self.startButton.setText(self.tr("Starting…") if "start" in actions else self.tr("▶ Start"))
        self.stopButton.setText(self.tr("Stopping…") if "stop" in actions else self.tr("■ Stop"))
        self.refreshButton.setText(
            self.tr("Refreshing…") if "campaigns" in actions else self.tr("&Refresh")
        )
        self.busyBar.setVisible(busy)
        self.addCampaignButton.setEnabled(has_op and bool(self.campaignIdEdit.text().strip()))
        selected = self.selected_campaign()
        self.removeCampaignButton.setEnabled(has_op and selected is not None and selected.manual)
        self.campaignModel.set_busy(self._busy_campaign_ids())

    def _update_usage(self, usage: Any) -> None:
        if usage is None:
            self.tokenUsageLabel.setText("")
            return
        text = self.tr("Tokens today: {0} / {1}").format(usage.used, usage.budget)
        if usage.exhausted:
            colour = outcome_colour("refused").name()
            text = "⚠ " + text + " — " + self.tr("daily budget used up")
        elif usage.near_limit:
            colour = outcome_colour("undelivered").name()
            text = "⚠ " + text + " — " + self.tr("near the daily limit")
        else:
            colour = ""
        self.tokenUsageLabel.setText(text)
        self.tokenUsageLabel.setStyleSheet(
            f"QLabel {{ color: {colour}; font-weight: bold; }}" if colour else ""
        )
        self.tokenUsageLabel.setAccessibleDescription(text)

    def _update_refreshed_label(self) -> None:
        at = self._refreshed_at
        if at is None:
            self.lastRefreshLabel.setText(self.tr("Not updated yet"))
            return
        local = at.astimezone()
        if local.date() == datetime.now().astimezone().date():
            self.lastRefreshLabel.setText(self.tr("Updated {0}").format(local.strftime("%H:%M")))
        else:
            self.lastRefreshLabel.setText(
                self.tr("Updated {0}").format(local.strftime("%Y-%m-%d %H:%M"))
            )

    def show_result(self, outcome: str, sentence: str, *, in_progress: bool = False) -> None:
        """Put an answer where the eye already is: icon, words and colour."""
        import html

        colour = outcome_colour(outcome, in_progress=in_progress).name()
        glyph = outcome_glyph(outcome, in_progress=in_progress)
        label = outcome_words(outcome, in_progress=in_progress)
        self.resultLabel.setText(
            f"<span style='color:{colour}'><b>{html.escape(glyph)} {html.escape(label)}:</b> "
            f"{html.escape(sentence)}</span>"
        )
        self.resultLabel.setAccessibleDescription(f"{label}: {sentence}")

    # ================================================================ user actions
    @Slot()
    def start_campaign(self) -> None:
        self._send_action(Action.START)

    @Slot()
    def stop_campaign(self) -> None:
        self._send_action(Action.STOP)

    @Slot()
    def start_selected(self) -> None:
        """Enter / Ctrl+Return: start what the ID field holds (filled by the selection);
        with several campaigns selected, the bulk start (which confirms once)."""
        if len(self.selected_campaign_ids()) > 1:
            bulk = self.findChild(QPushButton, "startSelectedButton")
            if bulk is not None and bulk.isEnabled():
                bulk.click()
            return
        if self.startButton.isEnabled():
            self._send_action(Action.START)

    def _send_action(self, action: Action, *, allow_over_budget: bool = False,
                     campaign: CampaignRef | None = None) -> None:
        server = self._current
        if server is None or self._busy(server) or self._closed:
            return
        if campaign is None:
            raw_id = self.campaignIdEdit.text()
            try:  # checked here, where it was typed; the layers below trust it
                campaign = CampaignRef.parse(raw_id, self.typeCombo.currentData())
            except InvalidInput as exc:
                self._show_local(server, action.value, raw_id.strip() or None,
                                 CallResult.invalid(exc))
                return
        cid = campaign.id
        request = ActionRequest(self.handle.next_id(), server, action, campaign, allow_over_budget)
        self._requests[request.id] = request
        self._update_buttons()  # before anything else: a second click finds them disabled
        self.show_result(
            "pending",
            self.tr("Starting campaign {0}…").format(cid)
            if action is Action.START
            else self.tr("Stopping campaign {0}…").format(cid),
            in_progress=True,
        )
        self.handle.run_action(request)

    @Slot()
    def refresh_campaigns(self) -> None:
        """Ask Wolkvox for the campaign list (costs one token)."""
        self._refresh(automatic=False)

    def _refresh(self, *, automatic: bool) -> None:
        server = self._current
        if server is None or self._busy(server) or self._closed:
            return
        request = RefreshRequest(self.handle.next_id(), server, automatic=automatic)
        self._requests[request.id] = request
        self._last_auto_attempt[server] = time.monotonic()
        self._update_buttons()
        if not automatic:
            self.show_result(
                "pending", self.tr("Asking Wolkvox for the campaign list…"), in_progress=True
            )
        self.handle.refresh(request)

    @Slot()
    def add_campaign(self) -> None:
        server = self._current
        if server is None:
            return
        try:
            ref = CampaignRef.parse(self.campaignIdEdit.text(), self.typeCombo.currentData())
        except InvalidInput as exc:
            self._show_local(server, "add", None, CallResult.invalid(exc))
            return
        cid = ref.id
        name = self.campaignNameEdit.text().strip()
        self.handle.add_campaign(
            server, Campaign(id=cid, name=name, type=ref.type, status=CampaignStatus.UNKNOWN)
        )
        self._select_after_update = cid
        self.show_result("ok", self.tr("Campaign {0} was added to your list.").format(cid))

    @Slot()
    def remove_campaign(self) -> None:
        server = self._current
        selected = self.selected_campaign()
        if server is None or selected is None or not selected.manual:
            return
        self.handle.remove_campaign(server, selected.campaign.id)
        self.show_result(
            "ok", self.tr("Campaign {0} was removed from your list.").format(selected.campaign.id)
        )

    @Slot()
    def open_settings(self) -> None:
        if self._settings_dialog is not None:
            self._settings_dialog.raise_()
            self._settings_dialog.activateWindow()
            return
        from wolkvox_desktop.core.credentials import TokenSource

        sources = {
            op.server: self._token_sources.get(op.server, TokenSource.NONE)
            for op in self._operations
        }
        from wolkvox_desktop.gui.settings import SettingsDialog

        dialog = SettingsDialog(
            list(self._operations), self._current, sources, self._backend_status,
            self.language, self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.saveRequested.connect(self.handle.save_operation)
        dialog.testConnectionRequested.connect(self.handle.test_connection)
        dialog.removeTokenRequested.connect(self.handle.remove_token)
        dialog.deleteOperationRequested.connect(self.handle.delete_operation)
        dialog.languageChanged.connect(self._on_language_changed)
        dialog.destroyed.connect(self._on_settings_closed)
        self._settings_dialog = dialog
        self.handle.load_settings_info()
        if dialog.layout() is not None:  # settle its size constraints before it is native
            dialog.layout().activate()
        dialog.open()

    @Slot()
    def _on_settings_closed(self) -> None:
        self._settings_dialog = None

    @Slot(str)
    def _on_language_changed(self, language: str) -> None:
        try:
            from wolkvox_desktop.gui.i18n import set_language_setting

            set_language_setting(language)
        except (ImportError, ValueError):
            self._settings.setValue("ui/language", language)
            self._settings.sync()

    @Slot()
    def _focus_filter(self) -> None:
        self.campaignFilter.setFocus()
        self.campaignFilter.selectAll()

    def _show_local(self, server: str, action: str, campaign_id: str | None,
                    result: CallResult) -> None:
        """A call refused before sending: the history does not keep it, the panel does."""
        entry = StatusEntry.from_result(
            f"l:{self.handle.next_id()}", server, action, campaign_id, result
        )
        self.statusPanel.add_local(entry)
        self.show_result(result.outcome.value, entry.sentence())

    # ================================================================ worker → window
    @Slot(object)
    def _on_operations(self, operations: list[Operation]) -> None:
        self._operations = list(operations)
        servers = [op.server for op in operations]
        missing = ""
        wanted = self._current
        if wanted not in servers:
            wanted = None
        if wanted is None and self._preselect:
            if self._preselect in servers:
                wanted = self._preselect
            elif not self._preselect_reported:
                self._preselect_reported = True
                missing = self.tr("Operation {0} is not set up yet. Add it in Settings.").format(
                    self._preselect
                )
        if wanted is None:
            last = self._settings.value("ui/last_server")
            if isinstance(last, str) and last in servers:
                wanted = last
        if wanted is None and servers:
            wanted = servers[0]
        self.operationCombo.blockSignals(True)
        self.operationCombo.clear()
        for op in operations:
            text = f"{op.label} · {op.server}" if op.label else op.server
            if not op.saved:
                text = self.tr("{0} (this session only)").format(text)
            self.operationCombo.addItem(text, op.server)
        index = servers.index(wanted) if wanted in servers else -1
        self.operationCombo.setCurrentIndex(index)
        self.operationCombo.blockSignals(False)
        self.operationCombo.setEnabled(bool(servers))
        self.operationLabel.setVisible(bool(servers))
        self.operationCombo.setVisible(bool(servers))
        self.pages.setCurrentIndex(1 if servers else 0)
        if wanted != self._current:
            self._select_operation(wanted)
        if missing:
            self.emptyStateMessage.setText(missing)
            self.show_result("invalid", missing)
        self._update_buttons()

    @Slot(int)
    def _on_operation_chosen(self, index: int) -> None:
        server = self.operationCombo.itemData(index) if index >= 0 else None
        if server != self._current:
            self._select_operation(server)

    def _select_operation(self, server: str | None) -> None:
        self._current = server
        self._refreshed_at = None
        self.campaignModel.set_campaigns([])
        self.statusPanel.clear_local()
        self.statusPanel.set_history([])
        self._update_usage(None)
        self._update_refreshed_label()
        self.resultLabel.setText("")
        if server is not None:
            self.handle.select_operation(server)
        self._update_buttons()

    @Slot(object)
    def _on_operation_state(self, state: OperationState) -> None:
        self._state_due.discard(state.server)
        if state.server != self._current:
            return
        first = state.server not in self._state_seen
        self._state_seen.add(state.server)
        keep = self._select_after_update
        # keep the whole (multi-row) selection across the model reset, in its order
        keep_ids = [keep] if keep else self.selected_campaign_ids()
        self._select_after_update = None
        self.campaignModel.set_campaigns(state.campaigns)
        for n, campaign_id in enumerate(keep_ids):
            self._select_campaign(campaign_id, add=n > 0)
        self._refreshed_at = state.refreshed_at
        self._update_refreshed_label()
        self._update_usage(state.usage)
        self.statusPanel.set_history(
            [
                StatusEntry.from_history(row, in_progress=row.id in state.active_rows)
                for row in state.history
            ]
        )
        self._update_buttons()
        if first:
            self._maybe_auto_refresh()

    def _select_campaign(self, campaign_id: str, *, add: bool = False) -> None:
        row = self.campaignModel.row_of(campaign_id)
        if row < 0:
            return
        index = self.campaignProxy.mapFromSource(self.campaignModel.index(row, 0))
        if index.isValid():
            self.campaignTable.selectionModel().select(
                index,
                (QItemSelectionModel.SelectionFlag.Select if add
                 else QItemSelectionModel.SelectionFlag.ClearAndSelect)
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            if not add:
                self.campaignTable.scrollTo(index)

    @Slot()
    def _on_selection(self) -> None:
        saved = self.selected_campaign()
        if saved is not None:
            c = saved.campaign
            self.campaignIdEdit.setText(c.id)
            self.campaignNameEdit.setText(c.name)
            if c.type is not None:
                i = self.typeCombo.findData(c.type.value)
                if i >= 0:
                    self.typeCombo.setCurrentIndex(i)
        self._update_buttons()

    @Slot(object)
    def _on_call_finished(self, done: CallDone) -> None:
        request = self._requests.pop(done.request.id, None)
        if request is None:
            return
        self._state_due.add(request.server)
        self._update_buttons()
        if request.server != self._current or self._closed:
            return
        result = done.result
        action = request.action.value if isinstance(request, ActionRequest) else "campaigns"
        cid = request.campaign_id if isinstance(request, ActionRequest) else None
        sentence = messages.describe(result, action, cid)
        if isinstance(request, RefreshRequest) and request.automatic and result.ok:
            return  # a quiet background refresh: the last action's answer stays in view
        if result.outcome is Outcome.INVALID:
            self._show_local(request.server, action, cid, result)
        else:
            self.show_result(result.outcome.value, sentence)
        if (
            isinstance(request, ActionRequest)
            and result.reason is Reason.BUDGET_EXHAUSTED
            and not request.allow_over_budget
        ):
            self._confirm_over_budget(request)

    @Slot(int, object)
    def _on_call_notice(self, request_id: int, notice: Notice) -> None:
        """A call still in flight waits (another call with the token, Wolkvox busy): say so."""
        request = self._requests.get(request_id)
        if request is None or request.server != self._current or self._closed:
            return
        self.show_result("pending", messages.notice_sentence(notice), in_progress=True)

    def _confirm_over_budget(self, request: ActionRequest) -> None:
        box = QMessageBox(self)
        box.setObjectName("overBudgetBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Daily token budget used up"))
        box.setText(
            self.tr(
                "Today's token budget for this operation is used up. Wolkvox may refuse the "
                "call. Send \"{0}\" for campaign {1} anyway? It costs one more token."
            ).format(messages.action_label(request.action.value), request.campaign_id)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                self._send_action(request.action, allow_over_budget=True,
                                  campaign=request.campaign)

        box.finished.connect(answered)
        box.open()

    @Slot(object)
    def _on_token_sources(self, sources: dict[str, Any]) -> None:
        self._token_sources = dict(sources)
        if self._settings_dialog is not None and hasattr(self._settings_dialog,
                                                         "set_token_sources"):
            self._settings_dialog.set_token_sources(self._token_sources)
        self._maybe_auto_refresh()

    @Slot(object)
    def _on_backend_status(self, status: Any) -> None:
        self._backend_status = status
        if self._settings_dialog is not None:
            self._settings_dialog.set_backend_status(status)

    @Slot(object)
    def _on_save_finished(self, outcome: SaveOutcome) -> None:
        if self._settings_dialog is not None:
            self._settings_dialog.show_save_result(outcome)
        if outcome.ok and self._current is None:
            self._preselect = outcome.server
        if outcome.ok and outcome.server == self._current:
            self.handle.select_operation(outcome.server)

    @Slot(object)
    def _on_test_finished(self, result: CallResult) -> None:
        if self._settings_dialog is not None:
            self._settings_dialog.show_test_result(result)

    @Slot(str)
    def _on_problem(self, text: str) -> None:
        self._state_due.clear()  # no snapshot will follow a failed read
        if "database" in text:
            self._store_problem = True
            self._update_buttons()
        self.show_result("refused", self.tr("Problem: {0}").format(text))
        self.emptyStateMessage.setText(text)

    # ================================================================ auto refresh
    @Slot()
    def _maybe_auto_refresh(self) -> None:
        server = self._current
        if (
            not self._auto_refresh
            or server is None
            or self._closed
            or self._busy(server)
            or server not in self._state_seen
            or not self.isVisible()
            or self.isMinimized()
        ):
            return
        source = self._token_sources.get(server)
        if source is None or getattr(source, "value", source) == "none":
            return  # no token (or not known yet): a refresh could only fail
        now = datetime.now().astimezone()
        if self._refreshed_at is not None and now - self._refreshed_at < AUTO_REFRESH_EVERY:
            return
        last = self._last_auto_attempt.get(server)
        if last is not None and time.monotonic() - last < AUTO_REFRESH_EVERY.total_seconds():
            return
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
        if self._first_show_done:
            callback()
        else:
            self._first_show_callbacks.append(callback)

    @Slot()
    def _after_first_show(self) -> None:
        if self._closed:
            return
        self.handle.load_settings_info()  # token sources, keyring status (imports keyring)
        self._set_app_icon()
        callbacks, self._first_show_callbacks = self._first_show_callbacks, []
        self._first_show_done = True
        for callback in callbacks:
            try:
                callback()
            except Exception:  # noqa: BLE001 - an extra must not take the window down
                log.exception("a start-up extra failed")

    def _set_app_icon(self) -> None:
        """The app icon in every size shipped (title bar, task bar, Alt+Tab)."""
        icon = QIcon()
        folder = paths.resources_dir() / "icons"
        for size in (16, 24, 32, 48, 64, 128, 256):
            path = folder / f"wolkvox-desktop-{size}.png"
            if path.is_file():
                icon.addFile(str(path), QSize(size, size))
        if icon.isNull():
            log.warning("app icon not found in %s", folder)
            return
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setWindowIcon(icon)
        self.setWindowIcon(icon)

    # ================================================================ closing
    def add_close_callback(self, callback: Any) -> None:
        """Called once after the worker stopped (e.g. stop the demo simulator)."""
        self._on_closed.append(callback)

    def shutdown(self) -> bool:
        """Stop the worker (aborting in-flight calls) and run the close callbacks. Idempotent."""
        if self._closed:
            return True
        self._closed = True
        self._auto_timer.stop()
        stopped = self.handle.shutdown()
        for callback in self._on_closed:
            try:
                callback()
            except Exception:  # noqa: BLE001 - closing must go on
                log.exception("close callback failed")
        self._on_closed = []
        return stopped

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self._closed:
            try:
                self._save_geometry()
            except Exception:  # noqa: BLE001
                log.exception("saving the window geometry failed")
            if self._settings_dialog is not None:
                self._settings_dialog.close()
            self.shutdown()
        event.accept()

    def settings_path(self) -> Path:
        return Path(self._settings.fileName())
