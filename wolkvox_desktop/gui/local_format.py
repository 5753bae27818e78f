"""Numbers, times and dates as the window's language writes them, the same in every sentence.

One locale for all of them: ``QLocale()``, which :func:`~wolkvox_desktop.gui.i18n.
install_translators` sets to the window's language with the OS's region when the OS speaks
that language, otherwise the language's default (``1.234`` and ``8:01 p. m.`` in Spanish).
A sentence never formats a number or a time itself (no ``f"{n}"``, no ``strftime``): it
asks here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

if TYPE_CHECKING:  # values come with the first list, after the first frame
    from datetime import date, datetime, time


def number(value: int) -> str:
    """A count with the locale's digit grouping: ``1,234`` / ``1.234``."""
    return QLocale().toString(int(value))


def _twelve_hour(pattern: str) -> bool:
    """Qt's ``h`` is a 12-hour hour only beside an AM/PM marker (``a``/``A``/``ap``)."""
    return "h" in pattern and "a" in pattern.lower()


def wall_clock(at: time, *, seconds: bool = False) -> str:
    """A wall-clock time in the locale's short format (with seconds if asked)."""
    locale = QLocale()
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "s" not in pattern:
        pattern = pattern.replace("mm", "mm:ss", 1)
    return locale.toString(QTime(at.hour, at.minute, at.second), pattern)


def clock(at: datetime, *, seconds: bool = False) -> str:
    """The local time of ``at`` in the locale's short format (with seconds if asked)."""
    local = at.astimezone()
    return wall_clock(local.time(), seconds=seconds)


def date_pattern() -> str:
    """The locale's short date with the year whole (``M/d/yyyy``, ``d/MM/yyyy``)."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def day(on: date) -> str:
    """A date in the locale's short format, the year whole (``3/11/2026``, ``11/03/2026``)."""
    return QLocale().toString(QDate(on.year, on.month, on.day), date_pattern())


def date_and_time(at: datetime, *, seconds: bool = False) -> str:
    """The local date and time of ``at``, both in the locale's short formats."""
    local = at.astimezone()
    return f"{day(local.date())} {clock(local, seconds=seconds)}"


def moment(at: datetime) -> str:
    """The time alone today; the short date and the time on another day."""
    from datetime import datetime

    local = at.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return clock(local)
    return date_and_time(local)


def shown_hour(at: time) -> int:
    """The hour as the locale's short time shows it (1 for 1:04 PM on a 12-hour clock)."""
    if _twelve_hour(QLocale().timeFormat(QLocale.FormatType.ShortFormat)):
        return at.hour % 12 or 12
    return at.hour


def at_time(at: time | datetime) -> str:
    """"at 7:00 AM": the time with its preposition, which in Spanish agrees with the hour
    ("a la 1:04", "a las 7:00")."""
    from datetime import datetime

    wall = at.astimezone().time() if isinstance(at, datetime) else at
    text = wall_clock(wall)
    # two entries, so that a language can write the hour 1 apart (context "LocalFormat")
    _translate = QCoreApplication.translate
    if shown_hour(wall) == 1:
        return _translate("LocalFormat", "at {time}", "the hour shown is 1").format(time=text)
    return _translate("LocalFormat", "at {time}", "any other hour").format(time=text)
