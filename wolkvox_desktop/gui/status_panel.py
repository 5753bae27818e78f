"""The status panel: every answer, newest first, in words, icon and colour.

Colour is never the only signal (colour-blind supervisors): each outcome also has its own
symbol and its own words. The text is selectable so a supervisor can copy Wolkvox's raw
answer into a ticket.

Also holds the small painted icons used for outcomes and campaign statuses (no image
files needed, crisp at any scale).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QTextBrowser, QWidget

from wolkvox_desktop.core.errors import CallResult
from wolkvox_desktop.gui import messages

MAX_ENTRIES = 200  # the History window holds everything

# Okabe-Ito based, darkened for text contrast on a light background; lighter on dark.
_LIGHT = {
    "ok": "#00704a",
    "refused": "#b23c00",
    "undelivered": "#8a5a00",
    "unknown": "#005b96",
    "invalid": "#555555",
    "pending": "#555555",
}
_DARK = {
    "ok": "#4fd6a4",
    "refused": "#ff8a50",
    "undelivered": "#f0c050",
    "unknown": "#6cb8f0",
    "invalid": "#bbbbbb",
    "pending": "#bbbbbb",
}
_GLYPHS = {
    "ok": "✓",
    "refused": "✗",
    "undelivered": "⊘",
    "unknown": "?",
    "invalid": "!",
    "pending": "…",
}


def _dark_palette() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return app.palette().base().color().lightness() < 128


def outcome_colour(outcome: str, *, in_progress: bool = False) -> QColor:
    key = outcome if outcome in _LIGHT else "unknown"
    if outcome == "pending" and not in_progress:
        key = "unknown"
    table = _DARK if _dark_palette() else _LIGHT
    return QColor(table[key])


def outcome_glyph(outcome: str, *, in_progress: bool = False) -> str:
    if outcome == "pending" and not in_progress:
        return _GLYPHS["unknown"]
    return _GLYPHS.get(outcome, "?")


def _paint_icon(kind: str, colour: QColor, size: int = 16) -> QIcon:
    icon = QIcon()
    for scale in (1, 2):
        pix = QPixmap(size * scale, size * scale)
        pix.setDevicePixelRatio(scale)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(colour, 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        s = float(size)
        if kind == "started":  # a filled "play" triangle
            path = QPainterPath(QPointF(s * 0.28, s * 0.18))
            path.lineTo(QPointF(s * 0.82, s * 0.5))
            path.lineTo(QPointF(s * 0.28, s * 0.82))
            path.closeSubpath()
            p.fillPath(path, colour)
        elif kind == "stopped":  # a filled square
            p.fillRect(QRectF(s * 0.25, s * 0.25, s * 0.5, s * 0.5), colour)
        elif kind == "ok":  # a check mark
            path = QPainterPath(QPointF(s * 0.18, s * 0.52))
            path.lineTo(QPointF(s * 0.42, s * 0.76))
            path.lineTo(QPointF(s * 0.84, s * 0.26))
            p.drawPath(path)
        elif kind == "refused":  # a cross
            p.drawLine(QPointF(s * 0.22, s * 0.22), QPointF(s * 0.78, s * 0.78))
            p.drawLine(QPointF(s * 0.78, s * 0.22), QPointF(s * 0.22, s * 0.78))
        elif kind == "undelivered":  # a circle with a bar (no entry)
            p.drawEllipse(QRectF(s * 0.16, s * 0.16, s * 0.68, s * 0.68))
            p.drawLine(QPointF(s * 0.28, s * 0.72), QPointF(s * 0.72, s * 0.28))
        else:  # unknown / pending / invalid: a character in a circle
            p.drawEllipse(QRectF(s * 0.1, s * 0.1, s * 0.8, s * 0.8))
            font = p.font()
            font.setPixelSize(int(s * 0.62))
            font.setBold(True)
            p.setFont(font)
            glyph = {"invalid": "!", "pending": "…"}.get(kind, "?")
            p.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, glyph)
        p.end()
        icon.addPixmap(pix)
    return icon


_icon_cache: dict[tuple[str, str], QIcon] = {}


def outcome_icon(outcome: str, *, in_progress: bool = False) -> QIcon:
    kind = "unknown" if (outcome == "pending" and not in_progress) else outcome
    colour = outcome_colour(outcome, in_progress=in_progress)
    key = (kind, colour.name())
    if key not in _icon_cache:
        _icon_cache[key] = _paint_icon(kind, colour)
    return _icon_cache[key]


def status_icon(status: str) -> QIcon:
    value = (status or "").lower()
    if value == "started":
        kind, colour = "started", outcome_colour("ok")
    elif value == "stopped":
        kind, colour = "stopped", outcome_colour("invalid")
    else:
        kind, colour = "unknown", outcome_colour("invalid")
    key = (kind, colour.name())
    if key not in _icon_cache:
        _icon_cache[key] = _paint_icon(kind, colour)
    return _icon_cache[key]


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
        return messages.outcome_label(self.outcome, in_progress=self.in_progress)

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
    def _tab_stops(self) -> list[float]:
        """Column stops for time, outcome, campaign, action, HTTP and duration, measured in
        the current font and language so the longest label fits (Spanish is wider)."""
        metrics = self.fontMetrics()
        widest_label = max(
            metrics.horizontalAdvance(messages.outcome_label(o))
            for o in ("ok", "refused", "undelivered", "unknown", "invalid", "pending")
        )
        widths = [
            metrics.horizontalAdvance("00:00:00"),
            metrics.horizontalAdvance("✓ ") + widest_label,
            metrics.horizontalAdvance("W" * 8),
            max(metrics.horizontalAdvance(messages.action_label(a))
                for a in ("start", "stop", "campaigns", "token_info")),
            metrics.horizontalAdvance("HTTP 000"),
        ]
        gap = metrics.horizontalAdvance("  ") + 6
        stops, x = [], 0.0
        for width in widths:
            x += width + gap
            stops.append(x)
        return stops

    def _render(self) -> None:
        """Plain paragraphs with tab stops: a table laid out by QTextDocument costs ~0.5 ms a
        row on every update (a stall in the event loop); paragraphs cost a tenth of that."""
        entries = self.entries()
        if not entries:
            text = f"<p style='color:gray'>{html.escape(self._empty_text)}</p>"
        else:
            stops = self._tab_stops()
            indent = int(stops[0])
            blocks = []
            for e in entries:
                colour = outcome_colour(e.outcome, in_progress=e.in_progress).name()
                glyph = outcome_glyph(e.outcome, in_progress=e.in_progress)
                http_text = (
                    self.tr("HTTP {0}").format(e.http_status) if e.http_status is not None else "—"
                )
                duration = (
                    self.tr("{0} ms").format(e.duration_ms) if e.duration_ms is not None else ""
                )
                head = "\t".join(
                    [
                        html.escape(e.at.astimezone().strftime("%H:%M:%S")),
                        f"<span style='color:{colour}'><b>{html.escape(glyph)}</b> "
                        f"{html.escape(e.label())}</span>",
                        html.escape(e.campaign_id or "—"),
                        html.escape(messages.action_label(e.action)),
                        html.escape(http_text),
                        html.escape(duration),
                    ]
                )
                body = f"<b style='color:{colour}'>{html.escape(e.sentence())}</b>"
                details = e.raw_details()
                if details:
                    body += f"<br><span style='color:gray'>{html.escape(details)}</span>"
                blocks.append(
                    f"<p style='margin-top:6px; margin-bottom:0; white-space:pre-wrap'>{head}</p>"
                    f"<p style='margin-left:{indent}px; margin-top:0; margin-bottom:0'>{body}</p>"
                )
            text = "".join(blocks)
            option = self.document().defaultTextOption()
            option.setTabArray(stops)
            self.document().setDefaultTextOption(option)
        if text == self._rendered:
            return  # the same answers again (a state snapshot): no relayout, no stall
        self._rendered = text
        self.setHtml(text)
