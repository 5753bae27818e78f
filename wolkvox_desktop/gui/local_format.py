"""Numbers, times and dates as the window's language writes them (``QLocale()``: the locale
:mod:`~wolkvox_desktop.gui.i18n` chose, "1.234" and "8:01 p. m." in Spanish)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QTime

if TYPE_CHECKING:  # values come with the first list, after the first frame
    from datetime import datetime


def number(value: int) -> str:
    """A count with the locale's digit grouping: ``1,234`` / ``1.234``."""
    return QLocale().toString(int(value))


def clock(at: datetime, *, seconds: bool = False) -> str:
    """The local time of ``at`` in the locale's short format (with seconds if asked)."""
    local = at.astimezone()
    locale = QLocale()
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "s" not in pattern:
        pattern = pattern.replace("mm", "mm:ss", 1)
    return locale.toString(QTime(local.hour, local.minute, local.second), pattern)


def moment(at: datetime) -> str:
    """The time alone today; the short date and the time on another day."""
    from datetime import datetime

    local = at.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return clock(local)
    date = QLocale().toString(
        QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat
    )
    return f"{date} {clock(local)}"
