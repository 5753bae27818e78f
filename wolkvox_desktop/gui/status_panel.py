"""The status panel: every answer, newest first, in words, glyph and colour.

How an outcome looks comes from :mod:`~wolkvox_desktop.gui.outcome_look`. The text is
selectable so a supervisor can copy Wolkvox's raw answer into a ticket.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextBlockFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from wolkvox_desktop.core.errors import CallResult
from wolkvox_desktop.core.store import HISTORY_ACTIONS, HISTORY_OUTCOMES
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.local_format import clock, number
from wolkvox_desktop.gui.outcome_look import outcome_colour, outcome_glyph, outcome_words

MAX_ENTRIES = 200  # the History window holds everything
OUTCOMES = HISTORY_OUTCOMES
ACTIONS = HISTORY_ACTIONS
CAMPAIGN_CHARS = 12  # digits of a campaign id shown whole; a longer one is shortened

@dataclass(frozen=True)
class StatusEntry:
    """One line of the panel: a history row, or a call refused locally (never sent)."""

    key: str
    at: datetime
    server: str
    action: str
    campaign_id: str | None
    outcome: str  # an Outcome value, or "pending"
    reason: str | None = None
    http_status: int | None = None
    code: int | None = None
    error: str | None = None
    msg: str | None = None
    duration_ms: int | None = None
    message: str = ""  # the core's English sentence: fallback when no translation exists
    in_progress: bool = False

    @classmethod
    def from_history(cls, row: object, *, in_progress: bool = False) -> StatusEntry:
        """From a ``store.HistoryRow`` (duck-typed to keep this module light)."""
        outcome = str(getattr(row, "outcome", "unknown"))
        return cls(
            key="h:{}".format(getattr(row, "id", "")),
            at=getattr(row, "started_at", None) or datetime.now().astimezone(),
            server=str(getattr(row, "server", "")),
            action=str(getattr(row, "action", "")),
            campaign_id=getattr(row, "campaign_id", None),
            outcome=outcome,
            reason=getattr(row, "reason", None),
            http_status=getattr(row, "http_status", None),
            code=getattr(row, "code", None),
            error=getattr(row, "error", None),
            msg=getattr(row, "msg", None),
            duration_ms=getattr(row, "duration_ms", None),
            message=str(getattr(row, "message", None) or ""),
            in_progress=in_progress and outcome == "pending",
        )

    @classmethod
    def from_result(
        cls, key: str, server: str, action: str, campaign_id: str | None, result: CallResult,
        at: datetime | None = None,
    ) -> StatusEntry:
        return cls(
            key=key,
            at=at or datetime.now().astimezone(),
            server=server,
            action=action,
            campaign_id=campaign_id,
            outcome=result.outcome.value,
            reason=result.reason.value,
            http_status=result.http_status,
            code=result.code,
            error=result.error,
            msg=result.msg,
            duration_ms=result.duration_ms or None,
            message=result.message,
        )

    def sentence(self) -> str:
        if self.reason == "no_token" and "keyring" in self.message.lower():
            return messages.keyring_unreadable_sentence()
        return messages.describe_row(
            self.outcome, self.reason, self.action, self.campaign_id,
            fallback=self.message, in_progress=self.in_progress,
        )

    def label(self) -> str:
        return outcome_words(self.outcome, in_progress=self.in_progress)

    def raw_details(self) -> str:
        """Wolkvox's own code / error / msg, for whoever needs them."""
        parts: list[str] = []
        if self.code is not None:
            parts.append(str(self.code))
        if self.error:
            parts.append(str(self.error))
        if self.msg and self.msg != self.message and self.reason != messages.INTERRUPTED:
            parts.append(str(self.msg))
        return " · ".join(parts)


class StatusPanel(QTextBrowser):
    """Read-only, selectable list of answers for the current operation, newest first.

    Shows the store's history rows (set with :meth:`set_history`) merged with calls that
    were refused locally and never sent (:meth:`add_local`), which the history does not keep.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPanel")
        self.setOpenLinks(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName(self.tr("Answers from Wolkvox"))
        self.setAccessibleDescription(
            self.tr("Each call with its time, campaign, action, outcome and Wolkvox's answer, "
                    "newest first.")
        )
        self._history: list[StatusEntry] = []
        self._local: list[StatusEntry] = []
        self._empty_text = self.tr("No calls yet. Answers from Wolkvox will appear here.")
        self._rendered = ""
        self.document().setUndoRedoEnabled(False)
        self._render()

    # ---- data ----
    def set_history(self, entries: list[StatusEntry]) -> None:
        self._history = list(entries)[:MAX_ENTRIES]
        self._render()

    def add_local(self, entry: StatusEntry) -> None:
        self._local.insert(0, entry)
        del self._local[MAX_ENTRIES:]
        self._render()

    def clear_local(self) -> None:
        self._local = []
        self._render()

    def entries(self) -> list[StatusEntry]:
        merged = self._history + self._local
        merged.sort(key=lambda e: e.at, reverse=True)
        return merged[:MAX_ENTRIES]

    def mark_in_progress(self, keys: set[str]) -> None:
        self._history = [
            replace(e, in_progress=(e.key in keys) and e.outcome == "pending")
            for e in self._history
        ]
        self._render()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(640, 160)

    # ---- rendering ----
    def _cells(self, e: StatusEntry) -> list[str]:
        """The head line's plain texts: time, outcome words, campaign, action, HTTP, ms."""
        return [
            clock(e.at, seconds=True),
            e.label(),
            e.campaign_id or "—",
            messages.action_label(e.action),
            self.tr("HTTP {0}").format(e.http_status) if e.http_status is not None else "—",
            self.tr("{0} ms").format(number(e.duration_ms)) if e.duration_ms is not None else "",
        ]

    def _tab_stops(self, rows: list[list[str]]) -> list[float]:
        """Column stops measured in the current font and language, from what is shown (and
        every outcome's and action's words, so columns do not move from one answer to the
        next): the widest cell of each column fits, then a gap of 1.5 em."""
        metrics = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        glyph = QFontMetrics(bold).horizontalAdvance("✓") + metrics.horizontalAdvance(" ")
        words = [outcome_words(o) for o in OUTCOMES]
        words.append(outcome_words("pending", in_progress=True))
        actions = [messages.action_label(a) for a in ACTIONS]
        widths = [
            max(metrics.horizontalAdvance(r[0]) for r in rows),
            glyph + max(metrics.horizontalAdvance(t) for t in words + [r[1] for r in rows]),
            min(max(metrics.horizontalAdvance(r[2]) for r in rows), self._campaign_room()),
            max(metrics.horizontalAdvance(t) for t in actions + [r[3] for r in rows]),
            max(metrics.horizontalAdvance(r[4]) for r in rows),
        ]
        gap = metrics.horizontalAdvance("M") * 1.5
        stops, x = [], 0.0
        for width in widths:
            x += width + gap
            stops.append(x)
        return stops

    def _campaign_room(self) -> int:
        """The campaign column's widest: a longer id is shortened in the middle."""
        return self.fontMetrics().horizontalAdvance("0" * CAMPAIGN_CHARS)

    def _render(self) -> None:
        """Plain paragraphs with tab stops: a table laid out by QTextDocument costs ~0.5 ms a
        row on every update (a stall in the event loop); paragraphs cost a tenth of that."""
        entries = self.entries()
        if not entries:
            text = f"<p style='color:gray'>{html.escape(self._empty_text)}</p>"
        else:
            rows = [self._cells(e) for e in entries]
            stops = self._tab_stops(rows)
            indent = int(stops[0])
            room = self._campaign_room()
            metrics = self.fontMetrics()
            blocks = []
            for e, cells in zip(entries, rows, strict=True):
                colour = outcome_colour(e.outcome, in_progress=e.in_progress).name()
                glyph = outcome_glyph(e.outcome, in_progress=e.in_progress)
                cells[2] = metrics.elidedText(cells[2], Qt.TextElideMode.ElideMiddle, room)
                plain = [html.escape(c) for c in cells]
                plain[1] = (f"<span style='color:{colour}'><b>{html.escape(glyph)}</b> "
                            f"{plain[1]}</span>")  # fmt: skip
                head = "\t".join(plain)
                body = f"<b style='color:{colour}'>{html.escape(e.sentence())}</b>"
                details = e.raw_details()
                if details:
                    body += f"<br><span style='color:gray'>{html.escape(details)}</span>"
                blocks.append(
                    f"<p style='margin-top:6px; margin-bottom:0; white-space:pre-wrap'>{head}</p>"
                    f"<p style='margin-left:{indent}px; margin-top:0; margin-bottom:0'>{body}</p>"
                )
            text = "".join(blocks)
        if text == self._rendered:
            return  # the same answers again (a state snapshot): no relayout, no stall
        self._rendered = text
        self.setHtml(text)
        if entries:
            # QTextDocument ignores the default text option's tab array: tab positions
            # belong to the blocks (one merge for the whole document)
            cursor = QTextCursor(self.document())
            cursor.select(QTextCursor.SelectionType.Document)
            tabs = QTextBlockFormat()
            tabs.setTabPositions([QTextOption.Tab(x, QTextOption.TabType.LeftTab) for x in stops])
            cursor.mergeBlockFormat(tabs)
