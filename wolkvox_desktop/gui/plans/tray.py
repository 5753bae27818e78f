"""The app in the system tray: its icon and menu, its notifications, and closing to it.

* :class:`TrayMenu`: *Open Wolkvox Desktop*, *Run plan ▸* (one entry per plan), *Pause
  schedules* (checkable), *Quit*. A plain ``QMenu``: it is built (and tested) where no tray
  exists.
* :class:`AppTray`: the ``QSystemTrayIcon`` with that menu, where the desktop has a tray
  (``QSystemTrayIcon.isSystemTrayAvailable()``; some Linux desktops and the offscreen
  platform have none: then there is no icon and closing the window closes the app as
  always). Notifications go to the icon's balloon; the window's result line tells them too.
* **Closing to the tray.** Closing the window while plans are scheduled asks once whether
  to keep running in the tray; the answer is kept in the app's settings file
  (:data:`KEEP_SETTING`). Kept: the window hides, the worker (and so the scheduler) stays,
  and the app no longer quits when its last window is hidden or closed. *Quit* closes the
  window the normal way (a run in progress still asks first), then the app.

Signals of :class:`AppTray`: ``runPlanRequested(str)`` (a plan's name, from *Run plan ▸*),
``pauseToggled(bool)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QSystemTrayIcon, QWidget

from wolkvox_desktop.gui.qsettings import app_settings

KEEP_SETTING = "ui/keep_running_in_tray"  # "true" / "false"; absent: ask at the next close
QUESTION_NAME = "keepInTrayQuestion"
MESSAGE_MS = 10_000
_WARNINGS = frozenset({"refused", "undelivered", "unknown", "invalid", "not_run"})


def tray_available() -> bool:
    return bool(QSystemTrayIcon.isSystemTrayAvailable())


class TrayMenu(QMenu):
    """The tray's menu. Signals: ``openRequested()``, ``runPlanRequested(str)``,
    ``pauseToggled(bool)``, ``quitRequested()``."""

    openRequested = Signal()
    runPlanRequested = Signal(str)
    pauseToggled = Signal(bool)
    quitRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trayMenu")
        self.openAction = self.addAction(self.tr("Open Wolkvox Desktop"))
        self.openAction.setObjectName("trayOpenAction")
        self.openAction.triggered.connect(self.openRequested)
        self.runMenu = self.addMenu(self.tr("Run plan"))
        self.runMenu.setObjectName("trayRunPlanMenu")
        self.pauseAction = self.addAction(self.tr("Pause schedules"))
        self.pauseAction.setObjectName("trayPauseAction")
        self.pauseAction.setCheckable(True)
        self.pauseAction.toggled.connect(self.pauseToggled)
        self.addSeparator()
        self.quitAction = self.addAction(self.tr("Quit"))
        self.quitAction.setObjectName("trayQuitAction")
        self.quitAction.triggered.connect(self.quitRequested)
        self.set_plans(())

    def set_plans(self, names: Sequence[str]) -> None:
        """One *Run plan ▸* entry per plan, by name."""
        self.runMenu.clear()
        for name in names:
            action = self.runMenu.addAction(name.replace("&", "&&"))
            action.setData(name)
            action.triggered.connect(lambda _checked=False, n=name: self.runPlanRequested.emit(n))
        if not names:
            empty = self.runMenu.addAction(self.tr("No plans yet"))
            empty.setEnabled(False)

    def plan_names(self) -> list[str]:
        return [str(a.data()) for a in self.runMenu.actions() if a.data() is not None]

    def set_paused(self, paused: bool) -> None:
        self.pauseAction.blockSignals(True)
        self.pauseAction.setChecked(paused)
        self.pauseAction.blockSignals(False)


class KeepRunningQuestion(QMessageBox):
    """Keep running in the tray (the default), Quit, or Cancel (the window stays)."""

    def __init__(self, parent: QWidget, scheduled: int) -> None:
        super().__init__(parent)
        self.setObjectName(QUESTION_NAME)
        self.setIcon(QMessageBox.Icon.Question)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("Keep running in the tray?"))
        self.setText(self.tr("%n plan(s) are scheduled. Keep Wolkvox Desktop running in the "
                             "system tray so that they run at their time?", "", scheduled))
        self.setInformativeText(self.tr(
            "From the tray's icon you can open the window, run a plan, pause the schedules "
            "or quit. Your answer is remembered; change it in Plans."))
        self.keepButton = self.addButton(self.tr("Keep running in the tray"),
                                         QMessageBox.ButtonRole.AcceptRole)
        self.keepButton.setObjectName("keepInTrayButton")
        self.quitButton = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        self.quitButton.setObjectName("quitNotTrayButton")
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("keepInTrayCancelButton")
        self.setDefaultButton(self.keepButton)
        self.setEscapeButton(cancel)


class AppTray(QObject):
    """The tray icon (where there is a tray), its menu, and closing the window to it.

    ``window`` is the main window (``close()``, ``add_close_callback()``);
    ``scheduled()`` how many plans are scheduled (closing asks only then); ``available``
    overrides the desktop's answer (tests); ``settings`` is the app's settings file.
    """

    runPlanRequested = Signal(str)
    pauseToggled = Signal(bool)

    def __init__(self, window: Any, *, scheduled: Callable[[], int],
                 available: bool | None = None, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self.setObjectName("appTray")
        self.window_ = window
        self.available = tray_available() if available is None else available
        self._scheduled = scheduled
        self._settings = settings if settings is not None else app_settings()
        self._quitting = False
        self._hidden_once = False
        self._quit_on_close = False  # the app stays when its windows go: quit it ourselves
        self.last_notification: tuple[str, str] | None = None
        self.menu = TrayMenu(window)
        self.menu.openRequested.connect(self.open_window)
        self.menu.runPlanRequested.connect(self.runPlanRequested)
        self.menu.pauseToggled.connect(self.pauseToggled)
        self.menu.quitRequested.connect(self.quit)
        self.icon: QSystemTrayIcon | None = None
        if self.available:
            self.icon = QSystemTrayIcon(self)
            self.icon.setObjectName("trayIcon")
            self.icon.setToolTip(self.tr("Wolkvox Desktop"))
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._on_activated)
            window.windowIconChanged.connect(self._show_icon)
            self._show_icon(window.windowIcon())  # the app icon comes after the first show
        window.installEventFilter(self)
        window.add_close_callback(self._on_window_closed)

    # ------------------------------------------------------------ the choice
    @property
    def keep_running(self) -> bool | None:
        """The remembered answer (``None``: not asked yet)."""
        value = str(self._settings.value(KEEP_SETTING, "") or "")
        return {"true": True, "false": False}.get(value)

    @keep_running.setter
    def keep_running(self, keep: bool | None) -> None:
        if keep is None:
            self._settings.remove(KEEP_SETTING)
        else:
            self._settings.setValue(KEEP_SETTING, "true" if keep else "false")
        self._settings.sync()

    def set_paused(self, paused: bool) -> None:
        self.menu.set_paused(paused)
        if self.icon is not None:
            self.icon.setToolTip(self.tr("Wolkvox Desktop (schedules paused)") if paused
                                 else self.tr("Wolkvox Desktop"))

    # ------------------------------------------------------------ notifications
    def notify(self, title: str, body: str, outcome: str = "ok") -> None:
        """A balloon from the tray icon (nothing where there is no tray)."""
        self.last_notification = (title, body)
        if self.icon is not None and self.icon.isVisible():
            kind = (QSystemTrayIcon.MessageIcon.Warning if outcome in _WARNINGS
                    else QSystemTrayIcon.MessageIcon.Information)
            self.icon.showMessage(title, body, kind, MESSAGE_MS)

    # ------------------------------------------------------------ the window
    @Slot()
    def open_window(self) -> None:
        window = self.window_
        window.show()
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.raise_()
        window.activateWindow()

    @Slot()
    def quit(self) -> None:
        """Close the window the normal way (a run in progress asks first), then the app."""
        self._quitting = True
        self._quit_on_close = True
        self.window_.close()

    def hide_window(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication) and app.quitOnLastWindowClosed():
            app.setQuitOnLastWindowClosed(False)
            self._quit_on_close = True
        self.window_.hide()
        if not self._hidden_once:
            self._hidden_once = True
            self.notify(self.tr("Wolkvox Desktop is still running"),
                        self.tr("Scheduled plans run at their time. Open the window, run a "
                                "plan or quit from this icon."))

    @Slot(QIcon)
    def _show_icon(self, icon: QIcon) -> None:
        if self.icon is not None and not icon.isNull():
            self.icon.setIcon(icon)
            self.icon.show()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_window()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is not getattr(self, "window_", None) or event.type() != QEvent.Type.Close:
            return False
        scheduled = self._scheduled()
        if self._quitting or not self.available or scheduled <= 0:
            return False  # closes as always (a run in progress still asks)
        keep = self.keep_running
        if keep is False:
            return False
        event.ignore()
        if keep:
            self.hide_window()
        else:
            self._ask(scheduled)
        return True

    def _ask(self, scheduled: int) -> None:
        existing = self.window_.findChild(KeepRunningQuestion, QUESTION_NAME)
        if isinstance(existing, KeepRunningQuestion) and existing.isVisible():
            existing.raise_()
            return
        box = KeepRunningQuestion(self.window_, scheduled)

        def answered(button: object) -> None:
            if button is box.keepButton:
                self.keep_running = True
                self.hide_window()
            elif button is box.quitButton:
                self.keep_running = False
                self.window_.close()

        box.buttonClicked.connect(answered)
        box.open()

    def _on_window_closed(self) -> None:
        """The window closed for good (its worker has stopped): the icon goes, and the app
        quits if it was told to stay without windows."""
        if self.icon is not None:
            self.icon.hide()
        app = QApplication.instance()
        if self._quit_on_close and isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(True)
            QCoreApplication.quit()


def quit_app(window: QWidget) -> None:
    """Quit for good (Ctrl+C in a terminal, SIGTERM): the tray's *Quit* where the app lives
    there, else the window's ✕."""
    tray = window.findChild(AppTray, "appTray")
    if isinstance(tray, AppTray):
        tray.quit()
    else:
        window.close()
