"""The Settings dialog: operations (server code, label, token, licenses, limits), language.

The dialog holds no keyring, HTTP or SQL: it emits requests and shows the results it is
given. It never receives a saved token, so it can never display one; a token typed here
lives only in memory until the supervisor saves it, and the field is cleared once saved.
Closing it (Close, Esc, ✕) with something typed and not saved asks first: *Save*,
*Discard* or *Cancel* (a new operation and its token are never lost silently).

Signals:
    saveRequested(OperationForm): save the selected operation (and the typed token, if
        any). The operation stays "saving" until :meth:`show_save_result` is called.
    testConnectionRequested(OperationForm): list the campaigns once (costs one token);
        answer with :meth:`show_test_result`. ``token == ""`` means "use the saved one".
    removeTokenRequested(str): forget the saved token of this server code.
    deleteOperationRequested(str): delete this operation (asked for confirmation here).
    languageChanged(str): ``"system"``, ``"en"`` or ``"es"``; applies after a restart.
    confirmStopChanged(bool): ask (or not) before stopping a campaign shown as started.

Slots the worker's answers go to: :meth:`show_save_result`, :meth:`show_test_result`,
:meth:`set_backend_status`, :meth:`set_token_sources` / :meth:`set_token_source`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop.core.credentials import BackendStatus, TokenSource
from wolkvox_desktop.core.errors import CallResult, Outcome
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.calls import OperationForm, SaveOutcome
from wolkvox_desktop.gui.settings.confirm import Confirmation
from wolkvox_desktop.gui.settings.drafts import OperationDraft
from wolkvox_desktop.gui.settings.keyring_words import saved_in, storage_sentence
from wolkvox_desktop.gui.settings.language_choice import LanguageChoice
from wolkvox_desktop.gui.settings.operation_form import OperationEditor
from wolkvox_desktop.gui.settings.operation_list import OperationList, draft_title
from wolkvox_desktop.gui.settings.widgets import (
    INFO,
    WARNING,
    FittingScrollArea,
    WrappingLabel,
    named,
    show_message,
)


class SettingsDialog(QDialog):
    """Operations and their tokens, limits, the keyring in use, and the language."""

    saveRequested = Signal(object)
    testConnectionRequested = Signal(object)
    removeTokenRequested = Signal(str)
    deleteOperationRequested = Signal(str)
    languageChanged = Signal(str)
    confirmStopChanged = Signal(bool)

    def __init__(
        self,
        operations: list[Operation],
        current_server: str | None,
        token_sources: dict[str, TokenSource],
        backend: BackendStatus | None,
        language: str,
        parent: QWidget | None = None,
        *,
        confirm_stop: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._confirm_stop_initial = confirm_stop
        self.setWindowTitle(self.tr("Settings"))
        self._backend = backend
        self._saving: OperationDraft | None = None
        self._testing = False
        self._closing = False  # "Save" was the answer to closing: close once all are saved
        self._language_at_open = language
        self._language_now = language
        # where a new operation's token would come from (WOLKVOX_TOKEN serves every one)
        self._new_source = TokenSource(token_sources.get("", TokenSource.NONE))
        self._confirm = Confirmation(self)
        self._list = OperationList(
            [
                OperationDraft.from_operation(op, token_sources.get(op.server, TokenSource.NONE))
                for op in operations
            ]
        )
        self._editor = OperationEditor(self._clashes)
        self._build(language)
        self._show_backend()

        self._list.currentChanged.connect(self._on_current_changed)
        self._list.addClicked.connect(self._add_draft)
        self._list.deleteClicked.connect(self._on_delete_clicked)
        self._editor.edited.connect(self._on_draft_edited)
        self._editor.testClicked.connect(self._on_test_clicked)
        self._editor.removeTokenClicked.connect(self._on_remove_token_clicked)
        drafts = self._list.drafts
        if not drafts:
            self._add_draft()
        else:
            current = next((d for d in drafts if d.server_text == current_server), drafts[0])
            self._list.select(current)
        self._update_buttons()

    # ------------------------------------------------------------------ construction

    def _build(self, language: str) -> None:
        scroll = FittingScrollArea(self._editor, spare_lines=4)  # a problem, a test's answer
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top = QHBoxLayout()
        top.addWidget(self._list, 0)
        top.addWidget(scroll, 1)

        self._backend_label = named(WrappingLabel(), "backendLabel")
        self._language = LanguageChoice(language)
        self._language.languageChanged.connect(self.languageChanged)
        self._language.languageChanged.connect(self._on_language)
        self.confirmStopCheck = named(
            QCheckBox(self.tr("Ask before stopping a campaign shown as started")),
            "confirmStopCheck",
        )
        self.confirmStopCheck.setAccessibleName(
            self.tr("Ask before stopping a campaign shown as started")
        )
        self.confirmStopCheck.setChecked(self._confirm_stop_initial)
        self.confirmStopCheck.toggled.connect(self.confirmStopChanged)

        self._save_status = named(WrappingLabel(), "saveStatusLabel")
        self._save_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._save_status.setVisible(False)
        policy = self._save_status.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the buttons stay where they are
        self._save_status.setSizePolicy(policy)
        self._save_button = named(QPushButton(self.tr("Save")), "saveButton")
        self._save_button.setAccessibleName(self.tr("Save the operation"))
        self._save_button.setDefault(True)
        self._save_button.clicked.connect(self._on_save_clicked)
        close_button = named(QPushButton(self.tr("Close")), "closeButton")
        close_button.setAccessibleName(self.tr("Close the settings"))
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)
        self.closeButton = close_button
        bottom = QHBoxLayout()
        bottom.addWidget(self._save_status, 1)
        bottom.addWidget(self._save_button, 0, Qt.AlignmentFlag.AlignBottom)
        bottom.addWidget(close_button, 0, Qt.AlignmentFlag.AlignBottom)

        root = QVBoxLayout(self)
        root.addLayout(top, 1)
        root.addWidget(self._backend_label)
        root.addWidget(self._language)
        root.addWidget(self.confirmStopCheck)
        root.addLayout(bottom)

        editor, box = self._editor, self._editor.token_box
        chain = [
            self._list.view,
            self._list.add_button,
            self._list.delete_button,
            editor.server.edit,
            editor.label_edit,
            box.edit,
            box.show_button,
            box.remove_button,
            editor.licenses_spin,
            editor.timeout_spin,
            editor.in_flight_spin,
            editor.test_button,
            self._language.combo,
            self.confirmStopCheck,
            self._save_button,
            close_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ drafts

    def _clashes(self, code: str) -> bool:
        """Whether another operation than the one in the form has server code ``code``."""
        return any(d is not self._editor.draft and d.server == code for d in self._list.drafts)

    @Slot()
    def _add_draft(self) -> None:
        unsaved = next((d for d in self._list.drafts if d.is_new), None)
        if unsaved is not None:  # one new operation at a time
            self._list.select(unsaved)
        else:
            self._list.append(OperationDraft(saved=None, source=self._new_source))
        self._editor.server.edit.setFocus()

    @Slot(object)
    def _on_current_changed(self, draft: OperationDraft | None) -> None:
        if draft is None and not self._list.drafts:
            self._add_draft()  # never an empty dialog
            return
        self._editor.load(draft, saved_in(self._backend))
        self._update_buttons()

    @Slot()
    def _on_draft_edited(self) -> None:
        draft = self._editor.draft
        if draft is not None:
            self._list.refresh(draft)
        self._save_status.setVisible(False)
        policy = self._save_status.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the buttons stay where they are
        self._save_status.setSizePolicy(policy)
        self._update_buttons()

    def _checked_form(self) -> OperationForm | None:
        """The form to send, or None after showing why not (the server code first)."""
        draft = self._editor.draft
        if draft is None:
            return None
        if not self._editor.server.check(final=True, show_empty=True):
            self._editor.server.edit.setFocus()
            return None
        return draft.form()

    # ------------------------------------------------------------------ token, delete

    @Slot()
    def _on_remove_token_clicked(self) -> None:
        draft = self._editor.draft
        if draft is None or not draft.stored or draft.server is None:
            return
        server = draft.server
        self._confirm.ask(
            self.tr("Remove the saved token?"),
            self.tr(
                "The token of operation {server} will be removed from this computer. "
                "You will need to paste it again to start or stop campaigns."
            ).format(server=server),
            self.tr("Remove token"),
            lambda: self._remove_token_confirmed(draft, server),
        )

    def _remove_token_confirmed(self, draft: OperationDraft, server: str) -> None:
        if draft in self._list.drafts:
            self.removeTokenRequested.emit(server)
            self.set_token_source(server, TokenSource.NONE)

    @Slot(str, object)
    def set_token_source(self, server: str, source: TokenSource) -> None:
        """Where the token of ``server`` now lives (e.g. after a removal was carried out)."""
        for draft in self._list.drafts:
            if not draft.is_new and draft.server == server:
                draft.source = TokenSource(source)
                if draft is self._editor.draft:
                    self._editor.show_token_source(saved_in(self._backend))

    @Slot(object)
    def set_token_sources(self, sources: dict[str, TokenSource]) -> None:
        """Where each operation's token lives, as the worker found it (key ``""``: where a
        new operation's would come from)."""
        for server, source in sources.items():
            if server:
                self.set_token_source(server, source)
        if "" in sources:
            self._new_source = TokenSource(sources[""])
            for draft in self._list.drafts:
                if draft.is_new:
                    draft.source = self._new_source
                    if draft is self._editor.draft:
                        self._editor.show_token_source(saved_in(self._backend))

    @Slot()
    def _on_delete_clicked(self) -> None:
        draft = self._editor.draft
        if draft is None or draft.session_only:
            return
        if draft.is_new or draft.server is None:
            self._list.remove(draft)
            return
        server = draft.server
        self._confirm.ask(
            self.tr("Delete this operation?"),
            self.tr(
                "Operation {name} will be removed from Wolkvox Desktop, with its saved token "
                "and its list of campaigns. The history of calls is kept."
            ).format(name=draft_title(draft)),
            self.tr("Delete operation"),
            lambda: self._delete_confirmed(draft, server),
        )

    def _delete_confirmed(self, draft: OperationDraft, server: str) -> None:
        if draft in self._list.drafts:
            self.deleteOperationRequested.emit(server)
            self._list.remove(draft)

    # ------------------------------------------------------------------ save

    @Slot(str)
    def _on_language(self, language: str) -> None:
        self._language_now = language

    @Slot()
    def _on_save_clicked(self) -> None:
        if self._saving is not None:
            return
        draft = self._editor.draft
        if draft is not None and draft.stored and not draft.changed():
            # nothing of the operation to save (a language change is saved as it is made)
            show_message(self._save_status, INFO, self._nothing_to_save())
            return
        form = self._checked_form()
        if form is None:
            self._closing = False
            return
        self._saving = self._editor.draft
        show_message(self._save_status, INFO, self.tr("Saving…"))
        self._update_buttons()
        self.saveRequested.emit(form)

    @Slot(object)
    def show_save_result(self, outcome: SaveOutcome) -> None:
        draft = self._saving
        if draft is None or draft.server != outcome.server:
            draft = next((d for d in self._list.drafts if d.server == outcome.server), None)
        self._saving = None
        if draft is not None and outcome.ok:
            draft.mark_saved(outcome.source)
            self._list.refresh(draft)
            if draft is self._editor.draft:
                self._editor.load(draft, saved_in(self._backend))
        if outcome.ok:
            warn = outcome.source is TokenSource.SESSION
            show_message(
                self._save_status, WARNING if warn else Outcome.OK.value, self._saved_text(outcome)
            )
        else:
            # why, in the window's language (gui/messages.py: worker_sentence)
            text = self.tr("The operation was not saved.")
            if outcome.message:
                text += " " + messages.worker_sentence(outcome.message)
            show_message(self._save_status, Outcome.REFUSED.value, text)
        self._update_buttons()
        if self._closing:
            if outcome.ok:
                self._save_next_then_close()
            else:
                self._closing = False  # the failure is shown: the dialog stays

    def _nothing_to_save(self) -> str:
        if self._language_now != self._language_at_open:
            return self.tr("The language is saved: it applies after restarting Wolkvox "
                           "Desktop. Nothing else has changed.")
        return self.tr("Nothing has changed: there is nothing to save.")

    def _saved_text(self, outcome: SaveOutcome) -> str:
        """What a successful save did with the token, in the supervisor's language."""
        if outcome.source is TokenSource.KEYRING:
            return self.tr("Saved. The token is in {backend}.").format(
                backend=saved_in(self._backend)
            )
        if outcome.source is TokenSource.SESSION:
            return self.tr(
                "Saved. The token is kept in memory for this session only: enter it again "
                "after a restart."
            )
        if outcome.source is TokenSource.ENVIRONMENT:
            return self.tr("Saved. The token comes from the WOLKVOX_TOKEN environment variable.")
        return self.tr("Saved.")

    # ------------------------------------------------------------------ test

    @Slot()
    def _on_test_clicked(self) -> None:
        if self._testing:
            return
        form = self._checked_form()
        draft = self._editor.draft
        if form is None or draft is None:
            return
        if not form.token and draft.source is TokenSource.NONE:
            self._editor.show_test_result(
                Outcome.INVALID.value, self.tr("Enter the token first, then test it.")
            )
            self._editor.token_box.edit.setFocus()
            return
        self._testing = True
        self._editor.show_test_result(INFO, self.tr("Testing… (uses one token)"))
        self._update_buttons()
        self.testConnectionRequested.emit(form)

    @Slot(object)
    def show_test_result(self, result: CallResult) -> None:
        self._testing = False
        if not result.ok:
            self._editor.show_test_result(result.outcome.value, messages.describe(result, "test"))
        elif isinstance(result.data, (list, tuple)):
            self._editor.show_test_result(
                Outcome.OK.value,
                self.tr("The connection works: %Ln campaign(s) found.", "", len(result.data)),
            )
        else:
            self._editor.show_test_result(Outcome.OK.value, self.tr("The connection works."))
        self._update_buttons()

    # ------------------------------------------------------------------ keyring

    @Slot(object)
    def set_backend_status(self, status: BackendStatus) -> None:
        self._backend = status
        self._show_backend()
        self._editor.show_token_source(saved_in(status))

    def _show_backend(self) -> None:
        kind, sentence = storage_sentence(self._backend)
        show_message(self._backend_label, kind, sentence)
        self._backend_label.setAccessibleName(self._backend_label.text())

    # ------------------------------------------------------------------ closing

    def unsaved(self) -> list[OperationDraft]:
        """The operations with something typed and not saved."""
        return [d for d in self._list.drafts if d.changed()]

    def reject(self) -> None:
        """Close, Esc, ✕: with something typed and not saved, ask first."""
        if self._saving is not None:
            return  # a save is under way: its answer decides
        if not self.unsaved():
            super().reject()
            return
        self._ask_to_save()

    def _ask_to_save(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("saveChangesQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("Settings"))
        box.setText(self.tr("Save changes?"))
        names = ", ".join(" · ".join(p for p in (d.label.strip(), d.server or "") if p)
                          or draft_title(d) for d in self.unsaved())
        box.setInformativeText(self.tr(
            "Not saved yet: {operations}. Discard forgets what was typed here, the token "
            "included.").format(operations=names))
        save = box.addButton(QMessageBox.StandardButton.Save)
        discard = box.addButton(QMessageBox.StandardButton.Discard)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def answered(_result: int) -> None:
            clicked = box.clickedButton()
            if clicked is save:
                self._closing = True
                self._save_next_then_close()
            elif clicked is discard:
                self.discard_and_close()

        box.finished.connect(answered)
        box.open()
        return box

    def _save_next_then_close(self) -> None:
        """Save the next operation with unsaved changes; close when none is left."""
        pending = self.unsaved()
        if not pending:
            self._closing = False
            self.accept()
            return
        self._list.select(pending[0])
        self._on_save_clicked()

    def discard_and_close(self) -> None:
        """Close now; what was typed and not saved is forgotten."""
        self._closing = False
        QDialog.reject(self)

    # ------------------------------------------------------------------ state

    def _update_buttons(self) -> None:
        draft = self._editor.draft
        saving = self._saving is not None
        self._list.set_busy(saving)
        self._list.delete_button.setEnabled(
            not saving and draft is not None and not draft.session_only
        )
        self._editor.setEnabled(not saving and draft is not None)
        valid = draft is not None and self._editor.server.problem() is None
        self._save_button.setEnabled(not saving and valid)
        self._save_button.setText(self.tr("Saving…") if saving else self.tr("Save"))
        self._editor.test_button.setEnabled(not self._testing and valid)
