"""A plan's times as the window's language writes them: a slot's day and time, a schedule.

Slots are moments (UTC); they are shown as the wall-clock time of the scheduler's zone
(:class:`~wolkvox_desktop.core.schedule.LocalZone`: the computer's, or a test's), in the
locale's short formats (``7:00 AM``, ``7:00 a. m.``; ``Wed 11 Mar``, ``mié 11 mar``).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from wolkvox_desktop.core.plans import EVERY_DAY, WEEKDAYS, Schedule
from wolkvox_desktop.core.schedule import LocalZone
from wolkvox_desktop.gui.local_format import at_time, wall_clock

_translate = QCoreApplication.translate


def clock_text(at: time) -> str:
    """A wall-clock time in the locale's short format."""
    return wall_clock(at.replace(second=0, microsecond=0))


def day_and_time(moment: datetime, zone: LocalZone, now: datetime) -> str:
    """``Today 7:00 AM``, ``Tomorrow 7:00 AM``, ``Yesterday 7:00 AM`` or ``Wed 11 Mar 7:00 AM``
    (the day as ``zone`` sees it from ``now``)."""
    wall = zone.wall(moment)
    today = zone.wall(now).date()
    at = clock_text(wall.time())
    if wall.date() == today:
        return _translate("PlanTimes", "Today {time}").format(time=at)
    if wall.date() == today + timedelta(days=1):
        return _translate("PlanTimes", "Tomorrow {time}").format(time=at)
    if wall.date() == today - timedelta(days=1):
        return _translate("PlanTimes", "Yesterday {time}").format(time=at)
    day = QLocale().toString(QDate(wall.year, wall.month, wall.day), "ddd d MMM")
    return f"{day} {at}"


def schedule_text(schedule: Schedule | None) -> str:
    """``Every day at 7:00 AM``, ``Weekdays at 7:00 AM``, ``Mon, Wed at 7:00 AM``, or
    ``By hand only`` (``{at}``: "at 7:00 AM", see :func:`~..local_format.at_time`)."""
    if schedule is None:
        return _translate("PlanTimes", "By hand only")
    at = at_time(schedule.at)
    if schedule.days == EVERY_DAY:
        return _translate("PlanTimes", "Every day {at}").format(at=at)
    if schedule.days == WEEKDAYS:
        return _translate("PlanTimes", "Weekdays {at}").format(at=at)
    locale = QLocale()
    days = ", ".join(locale.dayName(d + 1, QLocale.FormatType.ShortFormat)
                     for d in sorted(schedule.days))
    return _translate("PlanTimes", "{days} {at}").format(days=days, at=at)
