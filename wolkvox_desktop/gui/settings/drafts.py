"""One operation as Settings edits it: what is saved, and what is being typed."""

from __future__ import annotations

from dataclasses import dataclass, field

from wolkvox_desktop.core.campaigns import parse_server_code
from wolkvox_desktop.core.credentials import TokenSource
from wolkvox_desktop.core.errors import InvalidInput
from wolkvox_desktop.core.limits import (
    DEFAULT_IN_FLIGHT,
    DEFAULT_TIMEOUT_S,
    MAX_TIMEOUT_S,
    MIN_LICENSES,
    MIN_TIMEOUT_S,
    clamp_in_flight,
    clamp_licenses,
)
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui.calls import OperationForm


def parsed_server(text: str) -> str | None:
    """The server code in ``text`` (a code, ``wv0032`` or a Wolkvox address), or None."""
    try:
        return parse_server_code(text)
    except InvalidInput:
        return None


@dataclass
class OperationDraft:
    """One row of the operation list.

    ``saved`` is None for a new operation; an :class:`Operation` with ``saved=False`` is
    one known for this session only (``--server`` with ``WOLKVOX_TOKEN``), which the
    supervisor may save. ``token`` is typed here and not saved yet: memory only."""

    saved: Operation | None
    server_text: str = ""
    label: str = ""
    token: str = field(default="", repr=False)
    licenses: int = MIN_LICENSES
    timeout_s: int = int(DEFAULT_TIMEOUT_S)
    max_in_flight: int = DEFAULT_IN_FLIGHT
    source: TokenSource = TokenSource.NONE

    @classmethod
    def from_operation(cls, op: Operation, source: TokenSource) -> OperationDraft:
        return cls(
            saved=op,
            server_text=op.server,
            label=op.label,
            licenses=clamp_licenses(op.licenses),
            timeout_s=int(min(MAX_TIMEOUT_S, max(MIN_TIMEOUT_S, round(op.timeout_s)))),
            max_in_flight=clamp_in_flight(op.max_in_flight),
            source=source,
        )

    @property
    def is_new(self) -> bool:
        return self.saved is None

    @property
    def session_only(self) -> bool:
        """Known for this session only: listed, usable, not in the store."""
        return self.saved is not None and not self.saved.saved

    @property
    def stored(self) -> bool:
        return self.saved is not None and self.saved.saved

    @property
    def server(self) -> str | None:
        return parsed_server(self.server_text)

    def form(self) -> OperationForm | None:
        """What a save or a test would send (None while the server code is not one)."""
        code = self.server
        if code is None:
            return None
        return OperationForm(
            server=code,
            label=self.label.strip(),
            token=self.token.strip(),
            licenses=self.licenses,
            timeout_s=float(self.timeout_s),
            max_in_flight=self.max_in_flight,
        )

    def changed(self) -> bool:
        """Something typed here is not saved yet: a token, or a new operation's fields, or a
        saved one's name, licenses or limits (what a Close would lose)."""
        if self.token.strip():
            return True
        if self.saved is None:
            return bool(self.server_text.strip() or self.label.strip())
        was = OperationDraft.from_operation(self.saved, self.source)
        return (self.label.strip(), self.licenses, self.timeout_s, self.max_in_flight) != (
            was.label.strip(), was.licenses, was.timeout_s, was.max_in_flight)

    def mark_saved(self, source: TokenSource | None) -> None:
        """The worker saved this draft: it is now the stored operation; the typed token is
        forgotten here (it lives in the keyring or the session store now)."""
        form = self.form()
        if form is not None:
            self.saved = Operation(
                server=form.server,
                label=form.label,
                licenses=form.licenses,
                timeout_s=form.timeout_s,
                max_in_flight=form.max_in_flight,
            )
            self.server_text = form.server
            self.label = form.label
        if source is not None:
            self.source = source
        self.token = ""
