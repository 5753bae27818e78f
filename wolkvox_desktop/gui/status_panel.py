"""The status panel: every answer, newest first, in words, glyph and colour.

How an outcome looks comes from :mod:`~wolkvox_desktop.gui.outcome_look`. The text is
selectable so a supervisor can copy Wolkvox's raw answer into a ticket. A call resent while
Wolkvox was busy is one entry with its final outcome, and a stopped run's campaigns never
sent are one line (:mod:`~wolkvox_desktop.gui.call_groups`); a web page instead of
Wolkvox's answer is summarised, its raw text one click away (*Show the raw answer*).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QUrl, Slot
from PySide6.QtGui import QFont, QFontMetrics, QTextBlockFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from wolkvox_desktop.core.errors import CallResult
from wolkvox_desktop.core.store import HISTORY_ACTIONS, HISTORY_OUTCOMES
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.local_format import clock, number
from wolkvox_desktop.gui.outcome_look import outcome_colour, outcome_glyph, outcome_words

if TYPE_CHECKING:
    from wolkvox_desktop.gui.call_groups import CallGroup

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
    attempts: int = 1  # sent this many times (Wolkvox was busy before the last one)
    not_sent: tuple[str, ...] = ()  # a stopped run's campaigns never sent (one line)

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
    def from_group(cls, group: CallGroup, active: frozenset[int] | set[int]) -> StatusEntry:
        """One entry for a call and its busy resends, or for a stopped run's not-sent rows
        (``active``: the history rows whose calls are in flight)."""
        last = group.last
        entry = cls.from_history(last, in_progress=last.id in active)
        if group.not_sent and len(group.rows) > 1:
            return replace(entry, campaign_id=None, duration_ms=None,
                           not_sent=tuple(group.campaign_ids))
        if group.not_sent:
            return replace(entry, duration_ms=None)
        if group.resent:
            return replace(entry, at=group.first.started_at, duration_ms=group.duration_ms,
                           attempts=group.attempts)
        return entry

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

    @property
    def look_key(self) -> str:
        """The outcome as :mod:`~.outcome_look` knows it: a call with no answer yet is in
        progress (here or elsewhere), never "unknown"; a campaign a run never sent is
        ``not_run``."""
        if self.outcome == messages.PENDING:
            return "running"
        if self.reason == messages.NOT_RUN:
            return "not_run"
        return self.outcome

    def sentence(self) -> str:
        if self.not_sent:
            return _Words().not_sent(self.not_sent)
        if self.reason == "no_token" and "keyring" in self.message.lower():
            return messages.keyring_unreadable_sentence()
        sentence = messages.describe_row(
            self.outcome, self.reason, self.action, self.campaign_id,
            fallback=self.message, in_progress=self.in_progress,
        )
        if self.attempts > 1:
            sentence += " " + messages.resent_sentence(self.attempts)
        return sentence

    def label(self) -> str:
        if self.not_sent:
            return outcome_words("invalid")
        return outcome_words(self.look_key)

    def _msg(self) -> str | None:
        if self.msg and self.msg != self.message and self.reason != messages.INTERRUPTED:
            return self.msg
        return None

    def raw_details(self) -> str:
        """Wolkvox's own code / error / msg, for whoever needs them (a web page
        summarised: :meth:`raw_answer` holds it as it came)."""
        from wolkvox_desktop.gui.answer_text import shown_answer  # after the first frame

        parts: list[str] = []
        if self.code is not None:
            parts.append(str(self.code))
        answer = shown_answer(self.error, self._msg(), self.http_status)
        if answer:
            parts.append(answer)
        return " · ".join(parts)

    def raw_answer(self) -> str:
        """The answer's raw text when :meth:`raw_details` shows a summary of it, else ``""``."""
        from wolkvox_desktop.gui.answer_text import has_raw_answer, raw_answer

        msg = self._msg()
        return raw_answer(self.error, msg) if has_raw_answer(self.error, msg) else ""


class _Words(QObject):
    """Sentences with a count (``self.tr``: lupdate records plural forms only there)."""

    def not_sent(self, campaigns: tuple[str, ...]) -> str:
        return self.tr("The run stopped before these %n campaign(s): nothing was sent for "
                       "them. {campaigns}", "", len(campaigns)).format(
            campaigns=", ".join(campaigns))


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
        self._raw_shown: set[str] = set()  # entries whose raw answer is unfolded
        self.anchorClicked.connect(self._on_link)
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

    def toggle_raw(self, key: str) -> None:
        """Show (or hide again) the raw text of an entry's summarised answer."""
        self._raw_shown ^= {key}
        self._render()

    @Slot(QUrl)
    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "raw":
            self.toggle_raw(url.path())

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
        words = [outcome_words(o) for o in (*OUTCOMES, "running", "not_run")]
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

    def _raw_part(self, key: str, raw: str) -> str:
        shown = key in self._raw_shown
        link = self.tr("Hide the raw answer") if shown else self.tr("Show the raw answer")
        part = f" <a href='raw:{html.escape(key)}'>{html.escape(link)}</a>"
        if shown:
            part += (f"<pre style='color:gray; white-space:pre-wrap'>"
                     f"{html.escape(raw.strip())}</pre>")
        return part

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
                colour = outcome_colour(e.look_key).name()
                glyph = outcome_glyph(e.look_key)
                cells[2] = metrics.elidedText(cells[2], Qt.TextElideMode.ElideMiddle, room)
                plain = [html.escape(c) for c in cells]
                plain[1] = (f"<span style='color:{colour}'><b>{html.escape(glyph)}</b> "
                            f"{plain[1]}</span>")  # fmt: skip
                head = "\t".join(plain)
                body = f"<b style='color:{colour}'>{html.escape(e.sentence())}</b>"
                details = e.raw_details()
                if details:
                    body += f"<br><span style='color:gray'>{html.escape(details)}</span>"
                raw = e.raw_answer()
                if raw:
                    body += self._raw_part(e.key, raw)
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
