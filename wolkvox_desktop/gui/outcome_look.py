"""How an outcome looks in the window: its glyph, its words, its colour and its icon.

The one place for it: the status panel, the result line, the bulk dialog and the History
window all ask here. Colour is never the only signal (colour-blind supervisors): each
outcome also has its own glyph and its own words; the colour only repeats them.

Keys are ``Outcome`` values (``ok``, ``invalid``, ``refused``, ``undelivered``,
``unknown``), ``pending`` (with ``in_progress=True``: a call in flight; without it: a call
whose answer never came), ``running`` (a call in flight), ``interrupted`` (the app stopped
before the answer), and the bulk run's states that made no call: ``skipped``,
``in_state``, ``not_run`` / ``cancelled``.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

# Keys are core.errors.Outcome values, compared as strings: the window's first frame loads
# neither the core's values nor the painting classes (icons are painted on first use).


#: How one outcome is shown: a glyph, translated words and a colour. (The functional form:
#: the class form's annotations are strings here, each compiled at import.)
Look = NamedTuple("Look", [("glyph", str), ("text", str), ("color", QColor)])  # noqa: UP014


# Okabe-Ito based, darkened for text contrast on a light background; lighter on dark.
_LIGHT = {
    "ok": "#00704a",
    "refused": "#b23c00",
    "undelivered": "#8a5a00",
    "unknown": "#005b96",
    "invalid": "#555555",
    "pending": "#555555",
    "no_call": "#5f5f5f",
}
_DARK = {
    "ok": "#4fd6a4",
    "refused": "#ff8a50",
    "undelivered": "#f0c050",
    "unknown": "#6cb8f0",
    "invalid": "#bbbbbb",
    "pending": "#bbbbbb",
    "no_call": "#a8a8a8",
}
_GLYPHS = {
    "ok": "✓",
    "refused": "✗",
    "undelivered": "⊘",
    "unknown": "?",
    "invalid": "!",
    "pending": "…",
    "no_call": "\u2013",  # en dash
}
NO_CALL = frozenset({"skipped", "cancelled", "in_state", "not_run"})


def _key(outcome: object) -> str:
    return str(outcome.value if isinstance(outcome, Enum) else outcome)  # an Outcome


def _base(key: str, in_progress: bool) -> str:
    """The colour/glyph family of a key."""
    if key in NO_CALL:
        return "no_call"
    if key == "running" or (key == "pending" and in_progress):
        return "pending"
    if key in ("pending", "interrupted"):
        return "unknown"
    return key if key in _LIGHT else "unknown"


def _dark_palette() -> bool:
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return app.palette().base().color().lightness() < 128


def outcome_colour(outcome: object, *, in_progress: bool = False) -> QColor:
    table = _DARK if _dark_palette() else _LIGHT
    return QColor(table[_base(_key(outcome), in_progress)])


def outcome_glyph(outcome: object, *, in_progress: bool = False) -> str:
    return _GLYPHS[_base(_key(outcome), in_progress)]


def outcome_words(outcome: object, *, in_progress: bool = False) -> str:
    """A short label for an outcome, in the window's language."""
    key = _key(outcome)
    # named _translate: lupdate reads it as QCoreApplication.translate (see tools/)
    _translate = QCoreApplication.translate
    if key == "running" or (key == "pending" and in_progress):
        return _translate("Messages", "In progress")
    if key == "interrupted":
        return _translate("BulkDialog", "Outcome unknown (interrupted)")
    if key == "skipped":
        return _translate("BulkDialog", "Skipped")
    if key in ("cancelled", "not_run"):
        return _translate("BulkDialog", "Not run (cancelled)")
    if key == "in_state":
        return _translate("BulkDialog", "Already in that state")
    if key == "ok":
        return _translate("Messages", "Done")
    if key == "invalid":
        return _translate("Messages", "Not sent")
    if key == "refused":
        return _translate("Messages", "Refused by Wolkvox")
    if key == "undelivered":
        return _translate("Messages", "Not delivered")
    if key in ("unknown", "pending"):
        return _translate("Messages", "Outcome unknown")
    return key


def look(outcome: object, *, in_progress: bool = False) -> Look:
    return Look(
        outcome_glyph(outcome, in_progress=in_progress),
        outcome_words(outcome, in_progress=in_progress),
        outcome_colour(outcome, in_progress=in_progress),
    )


# ---------------------------------------------------------------- painted icons
def _paint_icon(kind: str, colour: QColor, size: int = 16) -> QIcon:
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QIcon, QPainter, QPainterPath, QPen, QPixmap

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
        elif kind == "no_call":  # a circle with a dash
            p.drawEllipse(QRectF(s * 0.1, s * 0.1, s * 0.8, s * 0.8))
            p.drawLine(QPointF(s * 0.31, s * 0.5), QPointF(s * 0.69, s * 0.5))
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


def _cached_icon(kind: str, colour: QColor) -> QIcon:
    key = (kind, colour.name())
    if key not in _icon_cache:
        _icon_cache[key] = _paint_icon(kind, colour)
    return _icon_cache[key]


def outcome_icon(outcome: object, *, in_progress: bool = False) -> QIcon:
    """The painted icon of an outcome (a dash badge for bulk items that made no call)."""
    kind = _base(_key(outcome), in_progress)
    return _cached_icon(kind, outcome_colour(outcome, in_progress=in_progress))


def status_icon(status: str) -> QIcon:
    """A campaign's last known status: a play triangle, a square, or a question mark."""
    value = (status or "").lower()
    if value == "started":
        return _cached_icon("started", outcome_colour("ok"))
    if value == "stopped":
        return _cached_icon("stopped", outcome_colour("invalid"))
    return _cached_icon("unknown", outcome_colour("invalid"))
