"""The selected operation's form: server code, name, token, licenses, limits, and the
connection test. It edits an :class:`~.drafts.OperationDraft` in place; the dialog saves."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.credentials import TokenSource
from wolkvox_desktop.core.limits import (
    MAX_LICENSES,
    MAX_SIMULTANEOUS,
    MAX_TIMEOUT_S,
    MIN_IN_FLIGHT,
    MIN_LICENSES,
    MIN_TIMEOUT_S,
    daily_budget,
)
from wolkvox_desktop.gui.settings.drafts import OperationDraft
from wolkvox_desktop.gui.settings.server_field import ServerCodeField
from wolkvox_desktop.gui.settings.token_box import TokenBox
from wolkvox_desktop.gui.settings.widgets import INFO, WrappingLabel, named, show_message

_translate = QCoreApplication.translate  # lupdate reads it as QCoreApplication.translate

MAX_LABEL_LENGTH = 80  # an operation's name, as typed here


def _spin(name: str, low: float, high: float, accessible: str) -> QSpinBox:
    spin = named(QSpinBox(), name)
    spin.setRange(int(low), int(high))
    spin.setAccessibleName(accessible)
    return spin


def _beside(field: QWidget, note: QLabel) -> QWidget:
    """A field with its note to the right (the note wraps when room is short)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field)
    layout.addWidget(note, 1)
    return row


class OperationEditor(QGroupBox):
    """The form (``operationEditor``) of the operation selected in the list.

    Signals:
        edited(): the draft changed (it is written through on every edit).
        testClicked(): "Test connection" was pressed.
        removeTokenClicked(): the token box's remove button was pressed.
    """

    edited = Signal()
    testClicked = Signal()
    removeTokenClicked = Signal()

    def __init__(self, clashes: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(_translate("SettingsDialog", "Operation"), parent)
        self.setObjectName("operationEditor")
        self._draft: OperationDraft | None = None
        self._loading = False
        locale = QLocale()

        self.session_note = named(
            WrappingLabel(
                _translate(
                    "SettingsDialog",
                    "For this session only: this operation came with --server and WOLKVOX_TOKEN. "
                    "Save it to find it here at the next start.",
                )
            ),
            "sessionNote",
        )
        self.server = ServerCodeField(clashes)
        self.server.changed.connect(self._on_edited)
        self.label_edit = named(QLineEdit(), "labelEdit")
        self.label_edit.setMaxLength(MAX_LABEL_LENGTH)
        self.label_edit.setPlaceholderText(_translate("SettingsDialog", "e.g. Bogotá north"))
        self.label_edit.setAccessibleName(_translate("SettingsDialog", "Operation name"))
        self.label_edit.textEdited.connect(self._on_edited)
        self.token_box = TokenBox()
        self.token_box.edited.connect(self._on_edited)
        self.token_box.removeClicked.connect(self.removeTokenClicked)

        self.licenses_spin = _spin(
            "licensesSpin",
            MIN_LICENSES,
            MAX_LICENSES,
            _translate("SettingsDialog", "Number of licenses"),
        )
        self.budget = named(WrappingLabel(), "budgetLabel")
        self.timeout_spin = _spin(
            "timeoutSpin",
            MIN_TIMEOUT_S,
            MAX_TIMEOUT_S,
            _translate("SettingsDialog", "Request timeout in seconds"),
        )
        self.timeout_spin.setSuffix(_translate("SettingsDialog", " s"))
        # what Wolkvox itself may take (the reason for core's default), not a limit of ours
        timeout_hint = WrappingLabel(_translate("SettingsDialog", "Wolkvox may take up to 60 s."))
        self.in_flight_spin = _spin(
            "inFlightSpin",
            MIN_IN_FLIGHT,
            MAX_SIMULTANEOUS,
            _translate("SettingsDialog", "Simultaneous calls"),
        )
        in_flight_hint = WrappingLabel(
            _translate(
                "SettingsDialog", "Wolkvox allows at most {most} per token; {safest} is safest."
            ).format(most=locale.toString(MAX_SIMULTANEOUS), safest=locale.toString(MIN_IN_FLIGHT))
        )
        self.in_flight_spin.setAccessibleDescription(in_flight_hint.text())
        for spin in (self.licenses_spin, self.timeout_spin, self.in_flight_spin):
            spin.valueChanged.connect(self._on_edited)

        self.test_button = named(
            QPushButton(_translate("SettingsDialog", "Test connection")), "testButton"
        )
        self.test_button.setAccessibleName(_translate("SettingsDialog", "Test the connection"))
        test_note = _translate("SettingsDialog", "Lists the campaigns once; uses one token.")
        self.test_button.setToolTip(test_note)
        self.test_button.setAccessibleDescription(test_note)
        self.test_button.clicked.connect(self.testClicked)
        self.test_result = named(WrappingLabel(), "testResultLabel")
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.setVisible(False)
        test_box = QVBoxLayout()
        test_box.setSpacing(2)
        test_box.addWidget(_beside(self.test_button, WrappingLabel(test_note)))
        test_box.addWidget(self.test_result)

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(self.session_note)
        rows: list[tuple[str, QWidget, QWidget]] = [
            (_translate("SettingsDialog", "Server code:"), self.server.edit, self.server),
            (_translate("SettingsDialog", "Name:"), self.label_edit, self.label_edit),
            (_translate("SettingsDialog", "API token:"), self.token_box.edit, self.token_box),
            (
                _translate("SettingsDialog", "Licenses:"),
                self.licenses_spin,
                _beside(self.licenses_spin, self.budget),
            ),
            (
                _translate("SettingsDialog", "Request timeout:"),
                self.timeout_spin,
                _beside(self.timeout_spin, timeout_hint),
            ),
            (
                _translate("SettingsDialog", "Simultaneous calls:"),
                self.in_flight_spin,
                _beside(self.in_flight_spin, in_flight_hint),
            ),
        ]
        for text, buddy, field in rows:
            title = QLabel(text)
            title.setBuddy(buddy)
            form.addRow(title, field)
        form.addRow("", test_box)
        self.setEnabled(False)

    @property
    def draft(self) -> OperationDraft | None:
        return self._draft

    def load(self, draft: OperationDraft | None, saved_in: str) -> None:
        """Show ``draft`` (None: nothing selected); ``saved_in`` names the keyring."""
        self._draft = draft
        shown = draft or OperationDraft(saved=None)
        self._loading = True
        try:
            self.setEnabled(draft is not None)
            self.session_note.setVisible(shown.session_only)
            self.server.load(shown.server_text, read_only=not shown.is_new)
            self.label_edit.setText(shown.label)
            self.token_box.load(shown.token)
            self.licenses_spin.setValue(shown.licenses)
            self.timeout_spin.setValue(shown.timeout_s)
            self.in_flight_spin.setValue(shown.max_in_flight)
        finally:
            self._loading = False
        self._show_budget()
        self.show_token_source(saved_in)
        show_message(self.test_result, INFO, "")

    def show_token_source(self, saved_in: str) -> None:
        draft = self._draft
        source = draft.source if draft is not None else TokenSource.NONE
        removable = (
            draft is not None
            and draft.stored
            and source in (TokenSource.KEYRING, TokenSource.SESSION)
        )
        self.token_box.show_source(source, saved_in, removable=removable)

    def show_test_result(self, kind: str, text: str) -> None:
        show_message(self.test_result, kind, text)

    def _show_budget(self) -> None:
        uses = daily_budget(self.licenses_spin.value())
        # self.tr: lupdate knows plural forms only there (context "OperationEditor")
        self.budget.setText(self.tr("Daily budget: %Ln token use(s)", "", uses))

    @Slot()
    def _on_edited(self) -> None:
        self._show_budget()
        draft = self._draft
        if self._loading or draft is None:
            return
        draft.server_text = self.server.text()
        draft.label = self.label_edit.text()
        draft.token = self.token_box.token()
        draft.licenses = self.licenses_spin.value()
        draft.timeout_s = self.timeout_spin.value()
        draft.max_in_flight = self.in_flight_spin.value()
        self.edited.emit()
