"""The server code field: a typed address is made a code when the field is left, a pasted
one at once, and a problem is shown while typing only when more typing cannot fix it."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from wolkvox_desktop.core.campaigns import MAX_SERVER_CODE_LENGTH
from wolkvox_desktop.core.errors import Outcome
from wolkvox_desktop.gui.settings.drafts import parsed_server
from wolkvox_desktop.gui.settings.widgets import INFO, WrappingLabel, named, show_message

_translate = QCoreApplication.translate  # lupdate reads it as QCoreApplication.translate

#: Room for a pasted address; the code itself is core's MAX_SERVER_CODE_LENGTH digits.
MAX_SERVER_INPUT_LENGTH = 256
_SCHEMES = ("https://", "http://")
_DOMAIN = ".wolkvox.com"
_DIGITS = re.compile(r"[0-9]*", re.ASCII)


def _host_may_follow(text: str, *, url: bool) -> bool:
    """``text`` may still grow into ``wv0032``, ``wv0032.wolkvox.com`` or one with a path."""
    if "wv".startswith(text):
        return True
    if not text.startswith("wv"):
        return False
    digits = _DIGITS.match(text, 2)
    count = digits.end() - 2 if digits else 0
    if not 0 < count <= MAX_SERVER_CODE_LENGTH:
        return False
    tail = text[2 + count :]
    if _DOMAIN.startswith(tail):
        return True
    if not tail.startswith(_DOMAIN):
        return False
    return tail[len(_DOMAIN) : len(_DOMAIN) + 1] in (("", "/", "?", "#") if url else ("", "/"))


def may_become_server_code(text: str) -> bool:
    """Whether typing more could still make ``text`` a server code: a start of ``0032``,
    ``wv0032``, ``wv0032.wolkvox.com/…`` or ``https://wv0032.wolkvox.com/…``."""
    value = text.lstrip().lower()
    if parsed_server(value) is not None:
        return True
    digits = _DIGITS.match(value)
    if digits is not None and digits.end() == len(value) <= MAX_SERVER_CODE_LENGTH:
        return True
    for scheme in _SCHEMES:
        if scheme.startswith(value):
            return True
        if value.startswith(scheme):
            return _host_may_follow(value[len(scheme) :], url=True)
    return _host_may_follow(value, url=False)


def _inserted(before: str, after: str) -> str:
    """What one edit put in: ``after`` without the start and end it shares with ``before``."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return after[start : len(after) - end]


class ServerCodeField(QWidget):
    """The server code's line edit (``serverEdit``) and the sentence under it
    (``serverError``).

    A paste is any edit that puts in more than one character at once (Ctrl+V, the context
    menu, a middle click, a drop): it is made a code at once. ``clashes(code)`` says
    whether another operation already has that code.

    Signals:
        changed(): the text changed (typed, pasted, or made a code).
    """

    changed = Signal()

    def __init__(self, clashes: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clashes = clashes
        self._previous = ""
        self.edit = named(QLineEdit(), "serverEdit")
        self.edit.setMaxLength(MAX_SERVER_INPUT_LENGTH)
        self.edit.setPlaceholderText(
            _translate("SettingsDialog", "e.g. 0032, or paste the Wolkvox address")
        )
        self.edit.setAccessibleName(_translate("SettingsDialog", "Server code"))
        self.edit.textEdited.connect(self._on_edited)
        self.edit.editingFinished.connect(self._on_left)
        self.error = named(WrappingLabel(), "serverError")
        self.error.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)

    def load(self, text: str, *, read_only: bool) -> None:
        """Show a draft's text (a saved operation's code cannot change)."""
        self._previous = text
        self.edit.setText(text)
        self.edit.setReadOnly(read_only)
        self.edit.setToolTip(
            _translate(
                "SettingsDialog",
                "To change the server code, add a new operation and delete this one.",
            )
            if read_only
            else _translate(
                "SettingsDialog",
                "The server code Wolkvox support gave your operation (wv0032 → 0032).",
            )
        )
        self.check(final=False)

    def text(self) -> str:
        return self.edit.text()

    def problem(self) -> str | None:
        """What is wrong with the text, as a sentence, or None if it is a free code."""
        text = self.edit.text()
        if not text.strip():
            return _translate("SettingsDialog", "Enter the server code, such as 0032.")
        code = parsed_server(text)
        if code is None:
            return _translate(
                "SettingsDialog",
                "Not a server code: use the digits Wolkvox gave your operation, such as 0032, "
                "or paste a https://wv0032.wolkvox.com address.",
            )
        if self._clashes(code):
            return _translate(
                "SettingsDialog", "There is already an operation with server code {code}."
            ).format(code=code)
        return None

    def check(self, *, final: bool, show_empty: bool = False) -> bool:
        """Show the problem, if there is one to show now; True when the text is a free code.

        ``final``: the supervisor is done with the field (left it, pasted, saved)."""
        text = self.edit.text()
        problem = self.problem()
        if problem is None:
            shown = False
        elif not text.strip():
            shown = show_empty
        else:  # a code that clashes, or a text no more typing can make a code
            shown = final or parsed_server(text) is not None or not may_become_server_code(text)
        if problem is not None and shown:
            show_message(self.error, Outcome.INVALID.value, problem)
            self.edit.setAccessibleDescription(problem)
        else:
            show_message(self.error, INFO, "")
            self.edit.setAccessibleDescription("")
        return problem is None

    @Slot(str)
    def _on_edited(self, text: str) -> None:
        pasted = len(_inserted(self._previous, text)) > 1
        self._previous = text
        if pasted:
            self._make_code()
        self.check(final=pasted)
        self.changed.emit()

    @Slot()
    def _on_left(self) -> None:
        if self._make_code():
            self.changed.emit()
        self.check(final=True)

    def _make_code(self) -> bool:
        """Replace an address (or ``wv0032``) by its server code; True if it changed."""
        if self.edit.isReadOnly():
            return False
        code = parsed_server(self.edit.text())
        if code is None or code == self.edit.text():
            return False
        self._previous = code
        self.edit.setText(code)
        return True
