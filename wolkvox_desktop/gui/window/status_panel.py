"""The status panel: every answer, newest first, in words, glyph and colour.

How an outcome looks comes from :mod:`~wolkvox_desktop.gui.outcome_look`. The text is
selectable so a supervisor can copy Wolkvox's raw answer into a ticket. A call resent while
Wolkvox was busy is one entry with its final outcome, and a stopped run's campaigns never
sent are one line (:mod:`~wolkvox_desktop.gui.call_groups`); a web page instead of
Wolkvox's answer is summarised, its raw text one click away (*Show the raw answer*).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from wolkvox_desktop.gui.local_format import clock, number
from wolkvox_desktop.gui.outcome_look import outcome_colour, outcome_glyph, outcome_words

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from wolkvox_desktop.gui.window.status_entry import StatusEntry

MAX_ENTRIES = 200  # the History window holds everything
CAMPAIGN_CHARS = 12  # digits of a campaign id shown whole; a longer one is shortened


def _escape(text: str) -> str:
    """``html.escape(text)``, without importing ``html`` (its entity table costs ~1 ms of
    the first frame, which shows this panel's empty text)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


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
        from dataclasses import replace

        self._history = [
            replace(e, in_progress=(e.key in keys) and e.outcome == "pending")
            for e in self._history
        ]
        self._render()

    def toggle_raw(self, key: str) -> None:
        """Show (or hide again) the raw text of an entry's summarised answer."""
        self._raw_shown ^= {key}
        self._render()

    def _on_link(self, url: QUrl) -> None:  # no @Slot(QUrl): its enums cost the first frame
        if url.scheme() == "raw":
            self.toggle_raw(url.path())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(640, 160)

    # ---- rendering ----
    def _cells(self, e: StatusEntry) -> list[str]:
        """The head line's plain texts: time, outcome words, campaign, action, HTTP, ms."""
        from wolkvox_desktop.gui import messages

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
        from PySide6.QtGui import QFont, QFontMetrics

        from wolkvox_desktop.core.store import HISTORY_ACTIONS, HISTORY_OUTCOMES
        from wolkvox_desktop.gui import messages

        metrics = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        glyph = QFontMetrics(bold).horizontalAdvance("✓") + metrics.horizontalAdvance(" ")
        words = [outcome_words(o) for o in (*HISTORY_OUTCOMES, "running", "not_run")]
        actions = [messages.action_label(a) for a in HISTORY_ACTIONS]
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
        part = f" <a href='raw:{_escape(key)}'>{_escape(link)}</a>"
        if shown:
            part += (f"<pre style='color:gray; white-space:pre-wrap'>"
                     f"{_escape(raw.strip())}</pre>")
        return part

    def _campaign_room(self) -> int:
        """The campaign column's widest: a longer id is shortened in the middle."""
        return self.fontMetrics().horizontalAdvance("0" * CAMPAIGN_CHARS)

    def _render(self) -> None:
        """Plain paragraphs with tab stops: a table laid out by QTextDocument costs ~0.5 ms a
        row on every update (a stall in the event loop); paragraphs cost a tenth of that."""
        entries = self.entries()
        if not entries:
            text = f"<p style='color:gray'>{_escape(self._empty_text)}</p>"
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
                plain = [_escape(c) for c in cells]
                plain[1] = (f"<span style='color:{colour}'><b>{_escape(glyph)}</b> "
                            f"{plain[1]}</span>")  # fmt: skip
                head = "\t".join(plain)
                body = f"<b style='color:{colour}'>{_escape(e.sentence())}</b>"
                details = e.raw_details()
                if details:
                    body += f"<br><span style='color:gray'>{_escape(details)}</span>"
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
            from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextOption

            # QTextDocument ignores the default text option's tab array: tab positions
            # belong to the blocks (one merge for the whole document)
            cursor = QTextCursor(self.document())
            cursor.select(QTextCursor.SelectionType.Document)
            tabs = QTextBlockFormat()
            tabs.setTabPositions([QTextOption.Tab(x, QTextOption.TabType.LeftTab) for x in stops])
            cursor.mergeBlockFormat(tabs)


def __getattr__(name: str) -> object:
    """:class:`~wolkvox_desktop.gui.window.status_entry.StatusEntry`, still importable from here
    (``from wolkvox_desktop.gui.window.status_panel import StatusEntry``), loaded when asked for."""
    if name == "StatusEntry":
        from wolkvox_desktop.gui.window.status_entry import StatusEntry

        return StatusEntry
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
