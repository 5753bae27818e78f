"""The Settings dialog as the main window opens it: one at a time, its requests sent to the
window's worker, the worker's answers (token sources, keyring status, save and test
results) passed on to it, and the language choice saved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from wolkvox_desktop.core.store import Operation
    from wolkvox_desktop.gui.calls import SaveOutcome
    from wolkvox_desktop.gui.worker import WorkerHandle


class SettingsLink(QObject):
    """``dialog`` is the open Settings dialog, or ``None``. ``token_sources`` and
    ``backend_status`` are the worker's latest news (the dialog opens with them)."""

    def __init__(self, window: QWidget, handle: WorkerHandle, settings: QSettings,
                 on_saved: Callable[[SaveOutcome], None]) -> None:
        super().__init__(window)
        self.window_ = window
        self.handle = handle
        self.settings = settings
        self.on_saved = on_saved
        self.dialog: Any = None
        self.token_sources: dict[str, Any] = {}
        self.backend_status: Any = None
        worker = handle.worker
        worker.tokenSourcesChanged.connect(self._on_token_sources)
        worker.backendStatusChanged.connect(self._on_backend_status)
        worker.saveFinished.connect(self._on_save_finished)
        worker.testFinished.connect(self._on_test_finished)

    def open(self, operations: Sequence[Operation], current: str | None, language: str) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        from wolkvox_desktop.core.credentials import TokenSource
        from wolkvox_desktop.gui.settings.dialog import SettingsDialog

        sources = {
            op.server: self.token_sources.get(op.server, TokenSource.NONE) for op in operations
        }
        from wolkvox_desktop.gui.settings.settings_jobs import NEW_OPERATION

        sources[NEW_OPERATION] = self.token_sources.get(NEW_OPERATION, TokenSource.NONE)
        from wolkvox_desktop.gui.window.confirmations import confirm_stop_wanted

        dialog = SettingsDialog(list(operations), current, sources, self.backend_status,
                                language, self.window_,
                                confirm_stop=confirm_stop_wanted(self.settings))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.saveRequested.connect(self.handle.save_operation)
        dialog.testConnectionRequested.connect(self.handle.test_connection)
        dialog.removeTokenRequested.connect(self.handle.remove_token)
        dialog.deleteOperationRequested.connect(self.handle.delete_operation)
        dialog.languageChanged.connect(self._on_language_changed)
        dialog.confirmStopChanged.connect(self._on_confirm_stop_changed)
        dialog.destroyed.connect(self._on_closed)
        self.dialog = dialog
        self.handle.load_settings_info()
        if dialog.layout() is not None:  # settle its size constraints before it is native
            dialog.layout().activate()
        dialog.open()

    def close(self) -> None:
        """The window closes (its worker goes): the dialog goes too, without asking."""
        if self.dialog is not None:
            self.dialog.discard_and_close()

    @Slot()
    def _on_closed(self) -> None:
        self.dialog = None

    @Slot(bool)
    def _on_confirm_stop_changed(self, ask: bool) -> None:
        from wolkvox_desktop.gui.window.confirmations import CONFIRM_STOP_KEY

        self.settings.setValue(CONFIRM_STOP_KEY, ask)
        self.settings.sync()

    @Slot(str)
    def _on_language_changed(self, language: str) -> None:
        try:
            from wolkvox_desktop.gui.i18n import set_language_setting

            set_language_setting(language)
        except (ImportError, ValueError):
            self.settings.setValue("ui/language", language)
            self.settings.sync()

    @Slot(object)
    def _on_token_sources(self, sources: dict[str, Any]) -> None:
        self.token_sources = dict(sources)
        if self.dialog is not None and hasattr(self.dialog, "set_token_sources"):
            self.dialog.set_token_sources(self.token_sources)

    @Slot(object)
    def _on_backend_status(self, status: Any) -> None:
        self.backend_status = status
        if self.dialog is not None:
            self.dialog.set_backend_status(status)

    @Slot(object)
    def _on_save_finished(self, outcome: SaveOutcome) -> None:
        if self.dialog is not None:
            self.dialog.show_save_result(outcome)
        self.on_saved(outcome)

    @Slot(object)
    def _on_test_finished(self, result: Any) -> None:
        if self.dialog is not None:
            self.dialog.show_test_result(result)
