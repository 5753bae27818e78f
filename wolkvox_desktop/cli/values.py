"""What each option of the ``wolkvox`` command accepts: its argument type.

Every value typed on the command line is checked here, by the parser, before the command
runs: a bad one ends in ``argument --OPTION: RULE`` and exit 2, nothing sent. A refusal
names the rule, never the value (a token pasted into the wrong option must not be printed
back, nor reach the log). The checks are the core's own (server codes, campaign ids and
types, plan names and schedules), so the window and the files refuse the same values;
numbers are plain ASCII digits (``int``/``float`` would take full-width ``３``).

Each type returns what the command expects to find in its namespace: the checked text
(the commands check core values again where they use them), a number, or a ``Path``.
"""

from __future__ import annotations

import argparse
import os
import stat
from datetime import date, datetime, time, timedelta
from pathlib import Path

from wolkvox_desktop.core.campaigns import (
    CampaignType,
    parse_server_code,
    validate_campaign_id,
)
from wolkvox_desktop.core.errors import InvalidInput
from wolkvox_desktop.core.limits import (
    MAX_LICENSES,
    MAX_TIMEOUT_S,
    MIN_LICENSES,
    MIN_TIMEOUT_S,
)

#: an operation's name, as long as the Settings dialog lets one be typed
MAX_OPERATION_NAME_LENGTH = 80

Refused = argparse.ArgumentTypeError


def _clause(sentence: str) -> str:
    """A core sentence as the end of ``argument --OPTION: ...``."""
    text = sentence.rstrip(".")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


# ------------------------------------------------------------------------- numbers
def plain_digits(text: str) -> int:
    """A whole number in ASCII digits (``ValueError`` otherwise: the parser words it)."""
    if not (text.isascii() and text.isdigit()):
        raise ValueError("not plain digits")
    return int(text)


def row_limit(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise Refused("must be a whole number, 1 or more")
    return int(text)


def watch_minutes(text: str) -> int:
    """``live --watch``: whole minutes, no faster than one reading every 2 minutes."""
    if not (text.isascii() and text.isdigit()) or not 2 <= int(text) <= 1440:
        raise Refused("must be a whole number of minutes from 2 to 1440 (Wolkvox asks for "
                      "readings a few minutes apart)")
    return int(text)


def speed_value(text: str) -> int:
    """``speed --set``: a whole number from 0 to 100 (Wolkvox's speed)."""
    if not (text.isascii() and text.isdigit()) or int(text) > 100:
        raise Refused("must be a whole number from 0 to 100")
    return int(text)


def speed_setting(text: str) -> tuple[str, int]:
    """``plan add --speed ID=N``: a campaign of the plan and the speed it is started at."""
    campaign, sep, speed = text.partition("=")
    if not sep:
        raise Refused("must be ID=SPEED, such as 3301=55")
    try:
        cid = validate_campaign_id(campaign)
    except InvalidInput as exc:
        raise Refused(_clause(exc.message)) from None
    return cid, speed_value(speed.strip())


def timeout_seconds(text: str) -> float:
    try:
        if not text.isascii():
            raise ValueError(text)
        value = float(text)
    except ValueError:
        raise Refused("not a number of seconds") from None
    if not MIN_TIMEOUT_S <= value <= MAX_TIMEOUT_S:
        raise Refused(
            f"the timeout must be between {MIN_TIMEOUT_S:g} and {MAX_TIMEOUT_S:g} seconds"
        )
    return value


def licenses_count(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not MIN_LICENSES <= int(text) <= MAX_LICENSES:
        raise Refused(
            f"the licenses must be a whole number from {MIN_LICENSES} to {MAX_LICENSES}"
        )
    return int(text)


# ------------------------------------------------------------------------- dates
def _parse_when(text: str, *, end_of_day: bool) -> datetime:
    raw = text.strip().lower()
    today = date.today()
    named = {"today": today, "yesterday": today - timedelta(days=1)}
    if raw in named:
        day: date | None = named[raw]
    else:
        day = None
        try:
            if not raw.isascii():
                raise ValueError(raw)
            day = date.fromisoformat(raw)
        except ValueError:
            try:
                if not raw.isascii():
                    raise ValueError(raw) from None
                moment = datetime.fromisoformat(text.strip())
            except ValueError:
                raise Refused(
                    "not a date (use YYYY-MM-DD, YYYY-MM-DDTHH:MM, today or yesterday)"
                ) from None
            return moment if moment.tzinfo else moment.astimezone()
    assert day is not None
    if end_of_day:  # the store's ``until`` is exclusive: the next midnight
        return datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return datetime.combine(day, time.min).astimezone()


def since_day(text: str) -> datetime:
    return _parse_when(text, end_of_day=False)


def until_day(text: str) -> datetime:
    return _parse_when(text, end_of_day=True)


# ------------------------------------------------------------------------- the core's values
def server_code(text: str) -> str:
    try:
        return parse_server_code(text)
    except InvalidInput:
        raise Refused(
            "must be the operation's server code, the digits Wolkvox gave it, such as 0032 "
            "(or a https://wv0032.wolkvox.com address)"
        ) from None


def campaign_id(text: str) -> str:
    try:
        return validate_campaign_id(text)
    except InvalidInput as exc:  # its sentences never repeat the value
        raise Refused(_clause(exc.message)) from None


def campaign_type(text: str) -> str:
    try:
        return CampaignType.parse(text).value
    except InvalidInput:
        raise Refused("must be 'preview' or 'predictive'") from None


def plan_name(text: str) -> str:
    """A plan's name, NFC-normalised (as the plans are saved, so it is found)."""
    from wolkvox_desktop.core.plans import PlanError, validate_plan_name

    try:
        return validate_plan_name(text)
    except PlanError as exc:
        raise Refused(_clause(exc.message)) from None


def plan_time(text: str) -> str:
    from wolkvox_desktop.core.plans import PlanError, parse_time

    try:
        parse_time(text)
    except PlanError as exc:
        raise Refused(_clause(exc.message)) from None
    return text.strip()


def plan_days(text: str) -> str:
    from wolkvox_desktop.core.plans import PlanError, parse_days

    try:
        parse_days(text)
    except PlanError as exc:
        raise Refused(_clause(exc.message)) from None
    return text


def operation_name(text: str) -> str:
    value = text.strip()
    if len(value) > MAX_OPERATION_NAME_LENGTH:
        raise Refused(f"an operation's name is at most {MAX_OPERATION_NAME_LENGTH} characters")
    if not value.isprintable():
        raise Refused("an operation's name cannot contain control characters")
    return value


# ------------------------------------------------------------------------- files
def existing_file(text: str) -> Path:
    """A file to read. Its name is not repeated in a refusal (it was typed)."""
    path = Path(text)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise Refused("there is no such file (its name is not shown)") from None
    except OSError as exc:
        raise Refused(f"the file cannot be used ({exc.strerror or type(exc).__name__})") from None
    if stat.S_ISDIR(mode):
        raise Refused("that is a folder, not a file")
    return path


def file_to_write(text: str) -> Path:
    """A file to write (made or replaced): its folder must exist and be writable."""
    path = Path(text)
    try:
        if stat.S_ISDIR(path.stat().st_mode):
            raise Refused("that is a folder, not a file")
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise Refused(f"the file cannot be used ({exc.strerror or type(exc).__name__})") from None
    folder = path.parent
    try:
        is_folder = stat.S_ISDIR(folder.stat().st_mode)
    except OSError:
        is_folder = False
    if not is_folder:
        raise Refused("the folder to write it in does not exist (its name is not shown)")
    if not os.access(folder, os.W_OK):
        raise Refused("the folder to write it in cannot be written")
    return path


def export_target(text: str) -> str:
    """``plan export``'s file, or ``-`` for standard output."""
    return text if text == "-" else str(file_to_write(text))
