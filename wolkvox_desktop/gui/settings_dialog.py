"""The Settings dialog: operations (server code, label, token, licenses, limits), language.

The dialog holds no keyring, HTTP or SQL: it emits requests and shows the results it is
given. It never receives a saved token, so it can never display one; a token typed here
lives only in memory until the supervisor saves it, and the field is cleared once saved.

Signals:
    saveRequested(OperationForm): save the selected operation (and the typed token, if
        any). The operation stays "saving" until :meth:`show_save_result` is called.
    testConnectionRequested(OperationForm): list the campaigns once (costs one token);
        answer with :meth:`show_test_result`. ``token == ""`` means "use the saved one".
    removeTokenRequested(str): forget the saved token of this server code.
    deleteOperationRequested(str): delete this operation (asked for confirmation here).
    languageChanged(str): ``"system"``, ``"en"`` or ``"es"``; applies after a restart.

Slots the worker's answers go to: :meth:`show_save_result`, :meth:`show_test_result`,
:meth:`set_backend_status`, :meth:`set_token_sources` / :meth:`set_token_source`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.campaigns import parse_server_code
from wolkvox_desktop.core.credentials import MAX_TOKEN_LENGTH, BackendStatus, TokenSource
from wolkvox_desktop.core.errors import CallResult, InvalidInput
from wolkvox_desktop.core.limits import (
    DEFAULT_TIMEOUT_S,
    MAX_LICENSES,
    MAX_SIMULTANEOUS,
    MAX_TIMEOUT_S,
    MIN_TIMEOUT_S,
    daily_budget,
)
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.calls import OperationForm, SaveOutcome

MAX_SERVER_INPUT_LENGTH = 256  # room for a pasted URL; the code itself is a few digits


@dataclass
class _Entry:
    """One row of the operation list: what is saved, and what is being edited."""

    saved: Operation | None  # None: new, not saved yet
    server_text: str = ""
    label: str = ""
    token: str = field(default="", repr=False)  # typed, not saved yet (memory only)
    licenses: int = 1
    timeout_s: int = int(DEFAULT_TIMEOUT_S)
    max_in_flight: int = 1
    source: TokenSource = TokenSource.NONE

    @classmethod
    def from_operation(cls, op: Operation, source: TokenSource) -> _Entry:
        return cls(
            saved=op,
            server_text=op.server,
            label=op.label,
            licenses=max(1, int(op.licenses)),
            timeout_s=int(min(MAX_TIMEOUT_S, max(MIN_TIMEOUT_S, round(op.timeout_s)))),
            max_in_flight=min(MAX_SIMULTANEOUS, max(1, int(op.max_in_flight))),
            source=source,
        )


_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    """Give a widget its Qt object name (tests and automation find widgets by it)."""
    widget.setObjectName(name)
    return widget


class WrappingLabel(QLabel):
    """A word-wrapped label that claims the height its text needs at its current width.

    Qt does not pass height-for-width up through nested layouts, so a long sentence in a
    narrow column would otherwise be cut off (longer languages first)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.width() > 0:
            wanted = max(0, self.heightForWidth(self.width()))
            if wanted != self.minimumHeight():
                self.setMinimumHeight(wanted)


def _set_message(label: QLabel, kind: str, text: str) -> None:
    """Show ``text`` in ``label`` coloured by ``kind`` (ok / error / warning / info).

    The icon says it too, for supervisors who do not tell the colours apart."""
    icons = {"ok": "✓ ", "error": "✗ ", "warning": "⚠ ", "info": ""}
    colours = {"ok": "#1b7f3b", "error": "#b3261e", "warning": "#8a5300", "info": ""}
    label.setProperty("kind", kind)
    colour = colours.get(kind, "")
    label.setStyleSheet(f"color: {colour};" if colour else "")
    label.setText(icons.get(kind, "") + text if text else "")
    label.setVisible(bool(text))


class SettingsDialog(QDialog):
    """Operations and their tokens, limits, the keyring in use, and the language."""

    saveRequested = Signal(object)
    testConnectionRequested = Signal(object)
    removeTokenRequested = Signal(str)
    deleteOperationRequested = Signal(str)
    languageChanged = Signal(str)

    def __init__(
        self,
        operations: list[Operation],
        current_server: str | None,
        token_sources: dict[str, TokenSource],
        backend: BackendStatus | None,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._entries: list[_Entry] = [
            _Entry.from_operation(op, token_sources.get(op.server, TokenSource.NONE))
            for op in operations
        ]
        self._backend = backend
        self._loading = False
        self._current: _Entry | None = None
        self._saving: _Entry | None = None
        self._testing = False
        self._confirm: QMessageBox | None = None
        self._confirm_accept: QAbstractButton | None = None
        self._confirm_action: Callable[[], None] | None = None

        self._build()
        self._fill_language_combo(language)
        self.set_backend_status_text()

        for entry in self._entries:
            self._list.addItem(self._make_item(entry))
        if not self._entries:
            self._add_entry()
        else:
            row = next(
                (i for i, e in enumerate(self._entries) if e.server_text == current_server), 0
            )
            self._list.setCurrentRow(row)
        self._update_buttons()

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        # --- left: the operations
        self._list = _named(QListWidget(), "operationList")
        self._list.setAccessibleName(self.tr("Operations"))
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._list.setMinimumWidth(160)
        self._list.setMaximumWidth(240)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._list.currentRowChanged.connect(self._on_row_changed)
        self._add_button = _named(QPushButton(self.tr("Add")), "addOperationButton")
        self._add_button.setAccessibleName(self.tr("Add an operation"))
        self._add_button.clicked.connect(self._add_entry)
        self._delete_button = _named(QPushButton(self.tr("Delete")), "deleteOperationButton")
        self._delete_button.setAccessibleName(self.tr("Delete the selected operation"))
        self._delete_button.clicked.connect(self._on_delete_clicked)
        list_title = QLabel(self.tr("Operations"))
        list_title.setBuddy(self._list)
        left = QVBoxLayout()
        left.addWidget(list_title)
        left.addWidget(self._list, 1)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self._add_button)
        list_buttons.addWidget(self._delete_button)
        left.addLayout(list_buttons)

        # --- right: the selected operation
        self._editor = _named(QGroupBox(self.tr("Operation")), "operationEditor")
        form = QFormLayout(self._editor)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        self._server_edit = _named(QLineEdit(), "serverEdit")
        self._server_edit.setMaxLength(MAX_SERVER_INPUT_LENGTH)
        self._server_edit.setPlaceholderText(self.tr("e.g. 0032, or paste the Wolkvox address"))
        self._server_edit.setAccessibleName(self.tr("Server code"))
        self._server_edit.setToolTip(
            self.tr("The server code Wolkvox support gave your operation (wv0032 → 0032).")
        )
        self._server_edit.textEdited.connect(self._on_server_edited)
        self._server_edit.editingFinished.connect(self._normalize_server_text)
        self._server_error = _named(WrappingLabel(), "serverError")
        self._server_error.setVisible(False)
        server_box = QVBoxLayout()
        server_box.setSpacing(2)
        server_box.addWidget(self._server_edit)
        server_box.addWidget(self._server_error)
        self._server_label = QLabel(self.tr("Server code:"))
        self._server_label.setBuddy(self._server_edit)
        form.addRow(self._server_label, server_box)

        self._label_edit = _named(QLineEdit(), "labelEdit")
        self._label_edit.setMaxLength(80)
        self._label_edit.setPlaceholderText(self.tr("e.g. Bogotá north"))
        self._label_edit.setAccessibleName(self.tr("Operation name"))
        self._label_edit.textEdited.connect(self._on_form_edited)
        self._label_label = QLabel(self.tr("Name:"))
        self._label_label.setBuddy(self._label_edit)
        form.addRow(self._label_label, self._label_edit)

        self._token_edit = _named(QLineEdit(), "tokenEdit")
        self._token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._token_edit.setMaxLength(MAX_TOKEN_LENGTH)
        self._token_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self._token_edit.setAccessibleName(self.tr("API token"))
        self._token_edit.textEdited.connect(self._on_form_edited)
        self._show_token = _named(QToolButton(), "showTokenButton")
        self._show_token.setCheckable(True)
        self._show_token.setAccessibleName(self.tr("Show the typed token"))
        self._show_token.toggled.connect(self._on_show_token_toggled)
        self._show_token.setText(self.tr("Show"))
        token_row = QHBoxLayout()
        token_row.addWidget(self._token_edit, 1)
        token_row.addWidget(self._show_token)
        self._token_status = _named(WrappingLabel(), "tokenStatusLabel")
        self._remove_token = _named(QPushButton(self.tr("Remove saved token")), "removeTokenButton")
        self._remove_token.setAccessibleName(self.tr("Remove the saved token"))
        self._remove_token.clicked.connect(self._on_remove_token_clicked)
        token_box = QVBoxLayout()
        token_box.setSpacing(2)
        token_box.addLayout(token_row)
        token_box.addWidget(self._token_status)
        token_box.addWidget(self._remove_token, 0, Qt.AlignmentFlag.AlignLeft)
        self._token_label = QLabel(self.tr("API token:"))
        self._token_label.setBuddy(self._token_edit)
        form.addRow(self._token_label, token_box)

        self._licenses_spin = _named(QSpinBox(), "licensesSpin")
        self._licenses_spin.setRange(1, MAX_LICENSES)
        self._licenses_spin.setAccessibleName(self.tr("Number of licenses"))
        self._licenses_spin.valueChanged.connect(self._on_licenses_changed)
        self._budget_label = _named(QLabel(), "budgetLabel")
        licenses_row = QHBoxLayout()
        licenses_row.addWidget(self._licenses_spin)
        licenses_row.addWidget(self._budget_label, 1)
        self._licenses_label = QLabel(self.tr("Licenses:"))
        self._licenses_label.setBuddy(self._licenses_spin)
        form.addRow(self._licenses_label, licenses_row)

        self._timeout_spin = _named(QSpinBox(), "timeoutSpin")
        self._timeout_spin.setRange(int(MIN_TIMEOUT_S), int(MAX_TIMEOUT_S))
        self._timeout_spin.setSuffix(self.tr(" s"))
        self._timeout_spin.setAccessibleName(self.tr("Request timeout in seconds"))
        self._timeout_spin.valueChanged.connect(self._on_form_edited)
        timeout_hint = QLabel(self.tr("Wolkvox may take up to 60 s."))
        timeout_row = QHBoxLayout()
        timeout_row.addWidget(self._timeout_spin)
        timeout_row.addWidget(timeout_hint, 1)
        self._timeout_label = QLabel(self.tr("Request timeout:"))
        self._timeout_label.setBuddy(self._timeout_spin)
        form.addRow(self._timeout_label, timeout_row)

        self._in_flight_spin = _named(QSpinBox(), "inFlightSpin")
        self._in_flight_spin.setRange(1, MAX_SIMULTANEOUS)
        self._in_flight_spin.setAccessibleName(self.tr("Simultaneous calls"))
        self._in_flight_spin.valueChanged.connect(self._on_form_edited)
        in_flight_hint = QLabel(self.tr("Wolkvox allows at most 2 per token; 1 is safest."))
        self._in_flight_spin.setAccessibleDescription(in_flight_hint.text())
        in_flight_row = QHBoxLayout()
        in_flight_row.addWidget(self._in_flight_spin)
        in_flight_row.addWidget(in_flight_hint, 1)
        self._in_flight_label = QLabel(self.tr("Simultaneous calls:"))
        self._in_flight_label.setBuddy(self._in_flight_spin)
        form.addRow(self._in_flight_label, in_flight_row)

        self._test_button = _named(QPushButton(self.tr("Test connection")), "testButton")
        self._test_button.setAccessibleName(self.tr("Test the connection"))
        test_note = self.tr("Lists the campaigns once; uses one token.")
        self._test_button.setToolTip(test_note)
        self._test_button.setAccessibleDescription(test_note)
        self._test_button.clicked.connect(self._on_test_clicked)
        test_hint = WrappingLabel(test_note)
        test_row = QHBoxLayout()
        test_row.addWidget(self._test_button)
        test_row.addStretch(1)
        self._test_result = _named(WrappingLabel(), "testResultLabel")
        self._test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._test_result.setVisible(False)
        test_box = QVBoxLayout()
        test_box.setSpacing(2)
        test_box.addLayout(test_row)
        test_box.addWidget(test_hint)
        test_box.addWidget(self._test_result)
        form.addRow("", test_box)

        # --- below: where tokens are kept, the language, save/close
        self._backend_label = _named(WrappingLabel(), "backendLabel")
        self._backend_warning = _named(WrappingLabel(), "backendWarning")
        self._backend_warning.setFrameShape(QFrame.Shape.StyledPanel)
        self._backend_warning.setMargin(6)
        self._backend_warning.setVisible(False)

        self._language_combo = _named(QComboBox(), "languageCombo")
        self._language_combo.setAccessibleName(self.tr("Language"))
        language_label = QLabel(self.tr("Language:"))
        language_label.setBuddy(self._language_combo)
        self._language_note = _named(
            WrappingLabel(self.tr("Applies after restarting Wolkvox Desktop.")), "languageNote"
        )
        language_row = QHBoxLayout()
        language_row.addWidget(language_label)
        language_row.addWidget(self._language_combo)
        language_row.addWidget(self._language_note, 1)

        self._save_status = _named(WrappingLabel(), "saveStatusLabel")
        self._save_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._save_status.setVisible(False)
        self._save_button = _named(QPushButton(self.tr("Save")), "saveButton")
        self._save_button.setAccessibleName(self.tr("Save the operation"))
        self._save_button.setDefault(True)
        self._save_button.clicked.connect(self._on_save_clicked)
        self._close_button = _named(QPushButton(self.tr("Close")), "closeButton")
        self._close_button.setAccessibleName(self.tr("Close the settings"))
        self._close_button.setAutoDefault(False)
        self._close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self._save_status, 1)
        bottom.addStretch(1)
        bottom.addWidget(self._save_button, 0, Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(self._close_button, 0, Qt.AlignmentFlag.AlignBottom)

        top = QHBoxLayout()
        top.addLayout(left, 0)
        top.addWidget(self._editor, 1)
        root = QVBoxLayout(self)
        root.addLayout(top, 1)
        root.addWidget(self._backend_label)
        root.addWidget(self._backend_warning)
        root.addLayout(language_row)
        root.addLayout(bottom)

        chain = [
            self._list, self._add_button, self._delete_button, self._server_edit,
            self._label_edit, self._token_edit, self._show_token, self._remove_token,
            self._licenses_spin, self._timeout_spin, self._in_flight_spin, self._test_button,
            self._language_combo, self._save_button, self._close_button,
        ]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(760)

    def _fill_language_combo(self, language: str) -> None:
        combo = self._language_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("System language"), "system")
        combo.addItem("English", "en")  # names of languages are written in that language
        combo.addItem("Español", "es")
        index = combo.findData(language if language in ("system", "en", "es") else "system")
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        combo.currentIndexChanged.connect(self._on_language_changed)

    # ------------------------------------------------------------------ entries and form

    def _entry_title(self, entry: _Entry) -> str:
        server = self._parsed_server(entry.server_text) or ""  # never echo a hostile text
        name = entry.label.strip()
        if entry.saved is None and not server and not name:
            return self.tr("New operation")
        title = " · ".join(part for part in (name, server) if part)
        if entry.saved is None:
            title = self.tr("{name} (not saved)").format(name=title)
        return title

    def _make_item(self, entry: _Entry) -> QListWidgetItem:
        item = QListWidgetItem(self._entry_title(entry))
        item.setToolTip(item.text())
        return item

    def _refresh_item(self, entry: _Entry) -> None:
        row = self._entries.index(entry)
        item = self._list.item(row)
        if item is not None:
            item.setText(self._entry_title(entry))
            item.setToolTip(item.text())

    @Slot()
    def _add_entry(self) -> None:
        unsaved = next((e for e in self._entries if e.saved is None), None)
        if unsaved is not None:  # one new operation at a time
            self._list.setCurrentRow(self._entries.index(unsaved))
            self._server_edit.setFocus()
            return
        entry = _Entry(saved=None)
        self._entries.append(entry)
        self._list.addItem(self._make_item(entry))
        self._list.setCurrentRow(len(self._entries) - 1)
        self._server_edit.setFocus()

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        self._store_form()
        self._current = self._entries[row] if 0 <= row < len(self._entries) else None
        self._load_form()
        self._test_result.setVisible(False)
        self._update_buttons()

    def _store_form(self) -> None:
        entry = self._current
        if entry is None or self._loading:
            return
        entry.server_text = self._server_edit.text()
        entry.label = self._label_edit.text()
        entry.token = self._token_edit.text()
        entry.licenses = self._licenses_spin.value()
        entry.timeout_s = self._timeout_spin.value()
        entry.max_in_flight = self._in_flight_spin.value()

    def _load_form(self) -> None:
        entry = self._current
        self._loading = True
        try:
            self._editor.setEnabled(entry is not None)
            entry = entry or _Entry(saved=None)
            self._server_edit.setText(entry.server_text)
            self._server_edit.setReadOnly(entry.saved is not None)
            self._server_edit.setToolTip(
                self.tr("To change the server code, add a new operation and delete this one.")
                if entry.saved is not None
                else self.tr("The server code Wolkvox support gave your operation (wv0032 → 0032).")
            )
            self._label_edit.setText(entry.label)
            self._show_token.setChecked(False)
            self._token_edit.setText(entry.token)
            self._licenses_spin.setValue(entry.licenses)
            self._timeout_spin.setValue(entry.timeout_s)
            self._in_flight_spin.setValue(entry.max_in_flight)
        finally:
            self._loading = False
        self._on_licenses_changed(self._licenses_spin.value())
        self._validate_server(show_empty=False)
        self._update_token_status()

    @Slot()
    def _on_form_edited(self) -> None:
        if self._loading or self._current is None:
            return
        self._store_form()
        self._refresh_item(self._current)
        self._save_status.setVisible(False)
        self._update_buttons()

    # ------------------------------------------------------------------ server code

    @staticmethod
    def _parsed_server(text: str) -> str | None:
        try:
            return parse_server_code(text)
        except InvalidInput:
            return None

    def _server_problem(self, text: str) -> str | None:
        """A sentence explaining what is wrong with ``text``, or None if it is fine."""
        if not text.strip():
            return self.tr("Enter the server code, such as 0032.")
        code = self._parsed_server(text)
        if code is None:
            return self.tr(
                "Not a server code: use the digits Wolkvox gave your operation, such as 0032, "
                "or paste a https://wv0032.wolkvox.com address."
            )
        clash = any(
            e is not self._current and self._parsed_server(e.server_text) == code
            for e in self._entries
        )
        if clash:
            return self.tr("There is already an operation with server code {code}.").format(
                code=code
            )
        return None

    def _validate_server(self, *, show_empty: bool) -> bool:
        text = self._server_edit.text()
        problem = self._server_problem(text)
        if problem is not None and (text.strip() or show_empty):
            _set_message(self._server_error, "error", problem)
            self._server_edit.setAccessibleDescription(problem)
        else:
            _set_message(self._server_error, "info", "")
            self._server_edit.setAccessibleDescription("")
        return problem is None

    @Slot(str)
    def _on_server_edited(self, text: str) -> None:
        lowered = text.strip().lower()
        if "://" in lowered or ".wolkvox.com" in lowered:  # a pasted address
            self._normalize_server_text()
        self._validate_server(show_empty=False)
        self._on_form_edited()

    @Slot()
    def _normalize_server_text(self) -> None:
        """Replace a pasted Wolkvox address (or ``wv0032``) by its server code."""
        if self._server_edit.isReadOnly():
            return
        text = self._server_edit.text()
        code = self._parsed_server(text)
        if code is not None and code != text:
            self._server_edit.setText(code)
            self._validate_server(show_empty=False)
            self._on_form_edited()

    # ------------------------------------------------------------------ token

    def _update_token_status(self) -> None:
        entry = self._current
        source = entry.source if entry is not None else TokenSource.NONE
        backend = self._backend.name if self._backend is not None else ""
        if source is TokenSource.KEYRING:
            status = self.tr("A token is saved in {backend}.").format(
                backend=backend or self.tr("the system keyring")
            )
            placeholder = self.tr("Saved in {backend} — leave empty to keep it").format(
                backend=backend or self.tr("the keyring")
            )
        elif source is TokenSource.SESSION:
            status = self.tr("A token is held for this session only (not saved).")
            placeholder = self.tr("Held for this session — leave empty to keep it")
        elif source is TokenSource.ENVIRONMENT:
            status = self.tr("The token comes from the WOLKVOX_TOKEN environment variable.")
            placeholder = self.tr("From WOLKVOX_TOKEN — leave empty to keep it")
        else:
            status = self.tr("No token saved for this operation yet.")
            placeholder = self.tr("Paste the operation's API token")
        self._token_status.setText(status)
        self._token_edit.setPlaceholderText(placeholder)
        # wide enough for the whole hint, in the longer language too
        wanted = self._token_edit.fontMetrics().horizontalAdvance(placeholder) + 24
        self._token_edit.setMinimumWidth(min(wanted, 560))
        self._token_edit.setAccessibleDescription(status)
        self._update_buttons()

    @Slot(bool)
    def _on_show_token_toggled(self, shown: bool) -> None:
        self._token_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self._show_token.setText(self.tr("Hide") if shown else self.tr("Show"))
        self._show_token.setAccessibleName(
            self.tr("Hide the typed token") if shown else self.tr("Show the typed token")
        )

    def _clear_typed_token(self, entry: _Entry) -> None:
        entry.token = ""
        if entry is self._current:
            self._loading = True
            try:
                self._token_edit.clear()
                self._show_token.setChecked(False)
            finally:
                self._loading = False

    @Slot()
    def _on_remove_token_clicked(self) -> None:
        entry = self._current
        if entry is None or entry.saved is None:
            return
        server = entry.saved.server
        self._ask(
            self.tr("Remove the saved token?"),
            self.tr(
                "The token of operation {server} will be removed from this computer. "
                "You will need to paste it again to start or stop campaigns."
            ).format(server=server),
            self.tr("Remove token"),
            lambda: self._remove_token_confirmed(entry),
        )

    def _remove_token_confirmed(self, entry: _Entry) -> None:
        if entry not in self._entries or entry.saved is None:
            return
        self.removeTokenRequested.emit(entry.saved.server)
        entry.source = TokenSource.NONE
        if entry is self._current:
            self._update_token_status()

    @Slot(str, object)
    def set_token_source(self, server: str, source: TokenSource) -> None:
        """Where the token of ``server`` now lives (e.g. after a removal was carried out)."""
        for entry in self._entries:
            if entry.saved is not None and entry.saved.server == server:
                entry.source = TokenSource(source)
                if entry is self._current:
                    self._update_token_status()

    @Slot(object)
    def set_token_sources(self, sources: dict[str, TokenSource]) -> None:
        """Where each operation's token lives, as the worker found it."""
        for server, source in sources.items():
            self.set_token_source(server, source)

    # ------------------------------------------------------------------ delete

    @Slot()
    def _on_delete_clicked(self) -> None:
        entry = self._current
        if entry is None:
            return
        if entry.saved is None:
            self._remove_entry(entry)
            return
        server = entry.saved.server
        self._ask(
            self.tr("Delete this operation?"),
            self.tr(
                "Operation {name} will be removed from Wolkvox Desktop, with its saved token "
                "and its list of campaigns. The history of calls is kept."
            ).format(name=self._entry_title(entry)),
            self.tr("Delete operation"),
            lambda: self._delete_confirmed(entry, server),
        )

    def _delete_confirmed(self, entry: _Entry, server: str) -> None:
        if entry not in self._entries:
            return
        self.deleteOperationRequested.emit(server)
        self._remove_entry(entry)

    def _remove_entry(self, entry: _Entry) -> None:
        row = self._entries.index(entry)
        self._current = None  # do not store the form into the entry being removed
        self._entries.pop(row)
        self._list.takeItem(row)
        if not self._entries:
            self._add_entry()
        self._update_buttons()

    def _ask(self, title: str, text: str, accept_text: str, on_accept: Callable[[], None]) -> None:
        """A window-modal confirmation that does not block the event loop (one box, reused)."""
        if self._confirm is None:
            self._confirm = QMessageBox(self)
            self._confirm.setObjectName("confirmBox")
            self._confirm.setIcon(QMessageBox.Icon.Question)
            self._confirm.finished.connect(self._on_confirm_finished)
        box = self._confirm
        for old in box.buttons():
            box.removeButton(old)
            old.deleteLater()
        box.setWindowTitle(title)
        box.setText(text)
        self._confirm_accept = box.addButton(accept_text, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self._confirm_action = on_accept
        box.open()

    @Slot(int)
    def _on_confirm_finished(self, _result: int) -> None:
        action, self._confirm_action = self._confirm_action, None
        if (
            self._confirm is not None
            and action is not None
            and self._confirm.clickedButton() is self._confirm_accept
        ):
            action()

    # ------------------------------------------------------------------ limits

    @Slot(int)
    def _on_licenses_changed(self, licenses: int) -> None:
        budget = QLocale().toString(daily_budget(licenses))
        self._budget_label.setText(self.tr("Daily budget: {budget} tokens").format(budget=budget))
        self._on_form_edited()

    # ------------------------------------------------------------------ save / test

    def _form(self, entry: _Entry) -> OperationForm | None:
        code = self._parsed_server(entry.server_text)
        if code is None:
            return None
        return OperationForm(
            server=code,
            label=entry.label.strip(),
            token=entry.token.strip(),
            licenses=entry.licenses,
            timeout_s=float(entry.timeout_s),
            max_in_flight=entry.max_in_flight,
        )

    def _checked_form(self) -> OperationForm | None:
        self._store_form()
        entry = self._current
        if entry is None:
            return None
        if not self._validate_server(show_empty=True):
            self._server_edit.setFocus()
            return None
        return self._form(entry)

    @Slot()
    def _on_save_clicked(self) -> None:
        if self._saving is not None:
            return
        form = self._checked_form()
        if form is None or self._current is None:
            return
        self._saving = self._current
        _set_message(self._save_status, "info", self.tr("Saving…"))
        self._update_buttons()
        self.saveRequested.emit(form)

    @Slot(object)
    def show_save_result(self, outcome: SaveOutcome) -> None:
        entry = self._saving
        if entry is None or self._parsed_server(entry.server_text) != outcome.server:
            entry = next(
                (e for e in self._entries if self._parsed_server(e.server_text) == outcome.server),
                None,
            )
        self._saving = None
        if entry is not None and outcome.ok:
            form = self._form(entry)
            if form is not None:
                entry.saved = Operation(
                    server=form.server,
                    label=form.label,
                    licenses=form.licenses,
                    timeout_s=form.timeout_s,
                    max_in_flight=form.max_in_flight,
                )
                entry.server_text = form.server
                entry.label = form.label
            if outcome.source is not None:
                entry.source = outcome.source
            self._clear_typed_token(entry)
            self._refresh_item(entry)
            if entry is self._current:
                self._load_form()
        if outcome.ok:
            warn = outcome.source is TokenSource.SESSION
            _set_message(self._save_status, "warning" if warn else "ok", self._saved_text(outcome))
        else:
            # the worker's sentence says why (it may not be translated: keep it, after ours)
            text = self.tr("The operation was not saved.")
            if outcome.message:
                text += " " + outcome.message
            _set_message(self._save_status, "error", text)
        self._update_buttons()

    def _saved_text(self, outcome: SaveOutcome) -> str:
        """What a successful save did with the token, in the supervisor's language."""
        if outcome.source is TokenSource.KEYRING:
            backend = self._backend.name if self._backend is not None else ""
            return self.tr("Saved. The token is in {backend}.").format(
                backend=backend or self.tr("the system keyring")
            )
        if outcome.source is TokenSource.SESSION:
            return self.tr(
                "Saved. The token is kept in memory for this session only: enter it again "
                "after a restart."
            )
        if outcome.source is TokenSource.ENVIRONMENT:
            return self.tr("Saved. The token comes from the WOLKVOX_TOKEN environment variable.")
        return self.tr("Saved.")

    @Slot()
    def _on_test_clicked(self) -> None:
        if self._testing:
            return
        form = self._checked_form()
        if form is None or self._current is None:
            return
        if not form.token and self._current.source is TokenSource.NONE:
            _set_message(
                self._test_result, "error", self.tr("Enter the token first, then test it.")
            )
            self._token_edit.setFocus()
            return
        self._testing = True
        _set_message(self._test_result, "info", self.tr("Testing… (uses one token)"))
        self._update_buttons()
        self.testConnectionRequested.emit(form)

    @Slot(object)
    def show_test_result(self, result: CallResult) -> None:
        self._testing = False
        if result.ok:
            count = len(result.data) if isinstance(result.data, (list, tuple)) else None
            if count is None:
                text = self.tr("The connection works.")
            else:
                text = self.tr("The connection works: campaigns found: {count}.").format(
                    count=QLocale().toString(count)
                )
            _set_message(self._test_result, "ok", text)
        else:
            _set_message(self._test_result, "error", describe_result(result))
        self._update_buttons()

    # ------------------------------------------------------------------ backend, language

    @Slot(object)
    def set_backend_status(self, status: BackendStatus) -> None:
        self._backend = status
        self.set_backend_status_text()
        self._update_token_status()

    def set_backend_status_text(self) -> None:
        status = self._backend
        if status is None:
            self._backend_label.setText(self.tr("Token storage: checking…"))
            _set_message(self._backend_warning, "warning", "")
        elif status.usable:
            self._backend_label.setText(
                self.tr("Tokens are kept in: {backend}.").format(backend=status.name)
            )
            _set_message(self._backend_warning, "warning", "")
        else:
            self._backend_label.setText(
                self.tr("Token storage: no usable keyring ({backend}).").format(
                    backend=status.name or self.tr("none")
                )
            )
            _set_message(
                self._backend_warning,
                "warning",
                self.tr(
                    "No usable keyring on this computer: a token you enter will work for this "
                    "session only, and you will have to enter it again after a restart."
                ),
            )
            self._backend_warning.setToolTip(status.detail)
        self._backend_warning.setAccessibleName(self._backend_warning.text())

    @Slot(int)
    def _on_language_changed(self, index: int) -> None:
        value = self._language_combo.itemData(index)
        if value:
            self.languageChanged.emit(str(value))

    # ------------------------------------------------------------------ state

    def _update_buttons(self) -> None:
        entry = self._current
        saving = self._saving is not None
        self._list.setEnabled(not saving)
        self._add_button.setEnabled(not saving)
        self._delete_button.setEnabled(not saving and entry is not None)
        self._editor.setEnabled(not saving and entry is not None)
        valid = entry is not None and self._server_problem(self._server_edit.text()) is None
        self._save_button.setEnabled(not saving and valid)
        self._save_button.setText(self.tr("Saving…") if saving else self.tr("Save"))
        self._test_button.setEnabled(not self._testing and valid)
        removable = (
            entry is not None
            and entry.saved is not None
            and entry.source in (TokenSource.KEYRING, TokenSource.SESSION)
        )
        self._remove_token.setEnabled(removable)
        held = entry is not None and entry.source is TokenSource.SESSION
        self._remove_token.setText(
            self.tr("Forget token") if held else self.tr("Remove saved token")
        )
        self._remove_token.setVisible(removable)  # nothing to remove: no button


def describe_result(result: CallResult) -> str:
    """The sentence for a call's result, in the supervisor's language."""
    return messages.describe(result, "test")
