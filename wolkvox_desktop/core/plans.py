"""Shift plans: a saved set of campaigns started or stopped in one action, maybe on a
schedule. The value, its checks and its JSON file. Qt-free; nothing here reads the clock,
the store or the network.

A :class:`Plan` is a name, an operation (server code), an action, the campaigns in the
order they are called (each a checked :class:`~wolkvox_desktop.core.campaigns.CampaignRef`)
and optionally a :class:`Schedule`: a local wall-clock time (``HH:MM``) and the days it
applies (``daily``, ``weekdays`` or a list of days). When its slots fall is
:mod:`wolkvox_desktop.core.schedule`'s job; where plans are kept is the store's
(:class:`~wolkvox_desktop.core.store.plans.PlanTable`); running one is
:mod:`wolkvox_desktop.core.plan_runs`.

Values are checked once, where a person typed them: :meth:`Plan.create` (the CLI's
arguments, the window's plan form), :func:`parse_time`, :func:`parse_days`, and
:func:`plans_from_json` for a file IT hands to every workstation. A problem raises
:class:`PlanError`: an English sentence (the CLI prints it) and the :class:`PlanField` it is
about (the window words it in the user's language and puts the focus there). Campaign ids
and types refuse with the campaigns' own :class:`~wolkvox_desktop.core.errors.InvalidInput`.

The file (``wolkvox plan export|import``; what the window's Export…/Import… write)::

    {"format": "wolkvox-desktop-plans", "version": 2, "plans": [
      {"name": "Morning", "server": "0032", "action": "start",
       "campaigns": [{"id": "3301", "type": "predictive", "speed": 55},
                     {"id": "3302", "type": "preview"}],
       "at": "07:00", "days": "weekdays"}]}

A campaign's ``speed`` (0–100, start plans only) is sent after its start; a file with one
is version 2 (one without is still written as version 1). ``at``/``days`` are ``null``
for a plan run by hand only; ``days`` is ``"daily"``,
``"weekdays"`` or a list such as ``["mon", "wed"]`` (a ``"mon,wed"`` text is read too).
Importing is all or nothing: one bad plan refuses the file, naming the plan and the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import time
from enum import Enum
from pathlib import Path
from typing import Any

from wolkvox_desktop.core.campaigns import (
    Action,
    CampaignRef,
    CampaignType,
    parse_server_code,
    validate_campaign_id,
)
from wolkvox_desktop.core.errors import InvalidInput

MAX_PLAN_NAME_LENGTH = 60
#: as many campaigns as a campaigns file may list (core.campaign_file.MAX_CAMPAIGNS)
MAX_PLAN_CAMPAIGNS = 10_000
MAX_PLANS_FILE_BYTES = 5_000_000
MAX_PLANS_IN_FILE = 500
#: a plans file nests 5 levels (the document, its plans, a plan, its campaigns, a campaign)
MAX_PLANS_FILE_DEPTH = 20
#: no whole number of a plans file has more digits (a version; a campaign id given as one)
MAX_NUMBER_DIGITS = 30
FILE_FORMAT = "wolkvox-desktop-plans"
#: version 2: a campaign may carry the speed a start plan sets it to (written only when a
#: plan has one, so files without speeds stay readable by version 1)
FILE_VERSION = 2

#: Monday first, as ``date.weekday()`` counts them.
DAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EVERY_DAY: frozenset[int] = frozenset(range(7))
WEEKDAYS: frozenset[int] = frozenset(range(5))
DAILY = "daily"
WEEKDAYS_WORD = "weekdays"

_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})", re.ASCII)
_PLAN_KEYS = ("name", "server", "action", "campaigns", "at", "days")
_TOO_BIG = (
    "The plans file is over 5 MB: too big to be a plans file. Check that it is the right one."
)
_NOT_PLANS = "The plans file cannot be read as a plans file. Check that it is the right one."
_HUGE_NUMBER = (
    f"The plans file holds a number of more than {MAX_NUMBER_DIGITS} digits: it is not a plans "
    "file. Check that it is the right one."
)
_BAD_TIME = "The time must be HH:MM on a 24-hour clock, such as 07:00 or 19:30."


class PlanField(str, Enum):
    """What a :class:`PlanError` is about (the window puts the focus there)."""

    NAME = "name"
    SERVER = "server"
    ACTION = "action"
    CAMPAIGNS = "campaigns"
    AT = "at"
    DAYS = "days"
    SPEEDS = "speeds"
    FILE = "file"


class PlanError(ValueError):
    """A plan that cannot be made or read. ``str(exc)`` is an English sentence; nothing is
    saved or sent."""

    def __init__(self, plan_field: PlanField, message: str) -> None:
        super().__init__(message)
        self.field = plan_field
        self.message = message


# ---------------------------------------------------------------------------- schedules
@dataclass(frozen=True)
class Schedule:
    """A local wall-clock time and the days it applies (0 = Monday … 6 = Sunday)."""

    at: time
    days: frozenset[int] = EVERY_DAY

    def __post_init__(self) -> None:
        if not self.days or not self.days <= EVERY_DAY:
            raise PlanError(PlanField.DAYS, "A schedule needs at least one day.")
        if self.at.second or self.at.microsecond or self.at.tzinfo is not None:
            raise PlanError(PlanField.AT, "A schedule's time is a local HH:MM.")

    @classmethod
    def parse(cls, at: str, days: str | Sequence[str] | None = None) -> Schedule:
        """From what was typed: ``"07:00"`` and ``"weekdays"`` (``None``: daily)."""
        return cls(parse_time(at), parse_days(days))

    @property
    def at_text(self) -> str:
        return f"{self.at.hour:02d}:{self.at.minute:02d}"

    @property
    def days_text(self) -> str:
        """``daily``, ``weekdays`` or ``mon,wed,fri``."""
        if self.days == EVERY_DAY:
            return DAILY
        if self.days == WEEKDAYS:
            return WEEKDAYS_WORD
        return ",".join(DAY_NAMES[d] for d in sorted(self.days))

    def days_json(self) -> str | list[str]:
        text = self.days_text
        return text if text in (DAILY, WEEKDAYS_WORD) else text.split(",")

    def applies_on(self, weekday: int) -> bool:
        return weekday in self.days


def parse_time(text: object) -> time:
    """``HH:MM`` on a 24-hour clock (``7:05`` too); raises :class:`PlanError`."""
    raw = text.strip() if isinstance(text, str) else ""
    match = _TIME.fullmatch(raw)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise PlanError(PlanField.AT, _BAD_TIME)  # what was typed is not repeated
    return time(int(match.group(1)), int(match.group(2)))


def parse_days(value: object) -> frozenset[int]:
    """``daily`` (also ``None``), ``weekdays``, or days such as ``mon,tue`` (a text with
    commas or a list of names; any case). Raises :class:`PlanError`."""
    if value is None:
        return EVERY_DAY
    if isinstance(value, str):
        word = value.strip().lower()
        if word == DAILY:
            return EVERY_DAY
        if word == WEEKDAYS_WORD:
            return WEEKDAYS
        names: list[object] = list(word.split(","))
    elif isinstance(value, (list, tuple)):
        names = list(value)
    else:
        names = [value]
    days: set[int] = set()
    for number, name in enumerate(names, start=1):
        key = name.strip().lower() if isinstance(name, str) else ""
        if key not in DAY_NAMES:  # named by its place: what was typed is not repeated
            which = "" if len(names) == 1 else (
                f"; day {number} of the {len(names)} given is not one of them")
            raise PlanError(
                PlanField.DAYS,
                f"The days must be daily, weekdays, or days such as mon,wed,fri (from "
                f"{', '.join(DAY_NAMES)}){which}.",
            )
        days.add(DAY_NAMES.index(key))
    if not days:
        raise PlanError(PlanField.DAYS, "Give at least one day.")
    return frozenset(days)


# ---------------------------------------------------------------------------- the plan
def validate_plan_name(text: object) -> str:
    """Trimmed and NFC-normalised (``Mañana`` typed composed or decomposed is one name);
    non-empty, printable, at most :data:`MAX_PLAN_NAME_LENGTH` characters. The sentence
    never repeats the name."""
    value = text.strip() if isinstance(text, str) else ""
    if not value.isascii():
        import unicodedata  # only for the names that need it

        value = unicodedata.normalize("NFC", value)
    problem = (
        "Give the plan a name." if not value
        else f"A plan's name is at most {MAX_PLAN_NAME_LENGTH} characters long."
        if len(value) > MAX_PLAN_NAME_LENGTH
        else "A plan's name cannot contain control characters." if not value.isprintable()
        else None
    )
    if problem is not None:
        raise PlanError(PlanField.NAME, problem)
    return value


def parse_action(value: object) -> Action:
    text = value.strip().lower() if isinstance(value, str) else ""
    for action in Action:
        if action.value == text:
            return action
    raise PlanError(PlanField.ACTION, "A plan's action is start or stop.")


@dataclass(frozen=True)
class Plan:
    """A shift plan. Build it with :meth:`create` (checks everything); the fields of a
    plan read from the store were checked when it was saved."""

    name: str
    server: str
    action: Action
    campaigns: tuple[CampaignRef, ...]
    schedule: Schedule | None = field(default=None)
    #: (campaign id, speed 0–100) a start plan sets after starting it, in campaign order
    speeds: tuple[tuple[str, int], ...] = ()

    def speed_for(self, campaign_id: str) -> int | None:
        for cid, speed in self.speeds:
            if cid == campaign_id:
                return speed
        return None

    @classmethod
    def create(
        cls,
        name: object,
        server: object,
        action: Action | str,
        campaigns: Iterable[CampaignRef],
        schedule: Schedule | None = None,
        speeds: Mapping[str, object] | None = None,
    ) -> Plan:
        """A checked plan: a valid name and server code, at least one campaign, each once;
        ``speeds`` (a start plan's only) for some of its campaigns, each 0–100. Raises
        :class:`PlanError`."""
        plan_name = validate_plan_name(name)
        try:
            code = parse_server_code(server if isinstance(server, str) else "")
        except InvalidInput as exc:
            raise PlanError(PlanField.SERVER, exc.message) from None
        refs = tuple(campaigns)
        if not refs:
            raise PlanError(PlanField.CAMPAIGNS, "A plan needs at least one campaign.")
        if len(refs) > MAX_PLAN_CAMPAIGNS:
            too_many = f"A plan holds at most {MAX_PLAN_CAMPAIGNS:,} campaigns."
            raise PlanError(PlanField.CAMPAIGNS, too_many)
        seen: dict[str, int] = {}
        for number, ref in enumerate(refs, start=1):
            if ref.id in seen:  # named by place: an id typed on a command line is not repeated
                raise PlanError(
                    PlanField.CAMPAIGNS,
                    f"Campaign {number} of the list is listed twice (also as campaign "
                    f"{seen[ref.id]}); each campaign can be in a plan once.",
                )
            seen[ref.id] = number
        verb = action if isinstance(action, Action) else parse_action(action)
        return cls(plan_name, code, verb, refs, schedule, _speeds(verb, refs, speeds or {}))

    @property
    def scheduled(self) -> bool:
        return self.schedule is not None

    def to_json_dict(self) -> dict[str, Any]:
        """The plan as the file and ``wolkvox plan list --json`` write it."""
        return {
            "name": self.name,
            "server": self.server,
            "action": self.action.value,
            "campaigns": [self._campaign_json(c) for c in self.campaigns],
            "at": self.schedule.at_text if self.schedule else None,
            "days": self.schedule.days_json() if self.schedule else None,
        }

    def _campaign_json(self, campaign: CampaignRef) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": campaign.id, "type": campaign.type.value}
        speed = self.speed_for(campaign.id)
        if speed is not None:
            entry["speed"] = speed
        return entry

    @classmethod
    def from_json_dict(cls, obj: object) -> Plan:
        """A plan from its JSON object (see the module); raises :class:`PlanError` (a bad
        campaign: the campaigns' :class:`InvalidInput`, worded as a :class:`PlanError`)."""
        if not isinstance(obj, Mapping):
            raise PlanError(PlanField.FILE, "Each plan must be a JSON object.")
        unknown = sorted(str(k) for k in obj if k not in _PLAN_KEYS)
        if unknown:
            raise PlanError(
                PlanField.FILE,
                f"It has a field this app does not know ({', '.join(map(repr, unknown))}); "
                f"the fields are {', '.join(_PLAN_KEYS)}.",
            )
        for key in ("name", "server", "action", "campaigns"):
            if key not in obj:
                raise PlanError(PlanField.FILE, f"The field {key!r} is missing.")
        at, days = obj.get("at"), obj.get("days")
        if at is None and days is not None:
            raise PlanError(PlanField.AT, "It has days but no time ('at').")
        schedule = Schedule(parse_time(at), parse_days(days)) if at is not None else None
        speeds: dict[str, object] = {}
        refs = _campaigns(obj["campaigns"], speeds)
        return cls.create(obj["name"], obj["server"], parse_action(obj["action"]), refs,
                          schedule, speeds)


def _speeds(
    action: Action, refs: tuple[CampaignRef, ...], speeds: Mapping[str, object]
) -> tuple[tuple[str, int], ...]:
    """A start plan's speeds, checked, in the order of its campaigns."""
    if not speeds:
        return ()
    if action is not Action.START:
        raise PlanError(PlanField.SPEEDS, "Only a plan that starts campaigns can set speeds.")
    places = {ref.id: number for number, ref in enumerate(refs, start=1)}
    checked: dict[str, int] = {}
    for cid, speed in speeds.items():
        if cid not in places:  # the id is not repeated: it may have been typed anywhere
            raise PlanError(PlanField.SPEEDS,
                            "A speed is given for a campaign that is not in the plan.")
        if isinstance(speed, bool) or not isinstance(speed, int) or not 0 <= speed <= 100:
            raise PlanError(PlanField.SPEEDS, f"Campaign {places[cid]}: a speed is a whole "
                            "number from 0 to 100.")
        checked[cid] = speed
    return tuple((ref.id, checked[ref.id]) for ref in refs if ref.id in checked)


def _campaigns(value: object, speeds: dict[str, object] | None = None) -> list[CampaignRef]:
    if not isinstance(value, list):
        raise PlanError(PlanField.CAMPAIGNS,
                        "'campaigns' must be a list of {\"id\": …, \"type\": …} objects.")
    refs: list[CampaignRef] = []
    for number, entry in enumerate(value, start=1):
        if not isinstance(entry, Mapping) or set(entry) not in ({"id", "type"},
                                                                 {"id", "type", "speed"}):
            raise PlanError(
                PlanField.CAMPAIGNS,
                f"Campaign {number} must be an object with exactly \"id\" and \"type\" "
                "(and, in a start plan, \"speed\").",
            )
        raw_id = entry["id"]
        if not isinstance(raw_id, str):  # 3301 as a number may have lost a leading zero
            raise PlanError(
                PlanField.CAMPAIGNS,
                f"Campaign {number}: the id must be text in quotes (\"3301\"), not a number.",
            )
        try:
            refs.append(CampaignRef(validate_campaign_id(raw_id),
                                    CampaignType.parse(entry["type"])))
        except InvalidInput as exc:
            raise PlanError(PlanField.CAMPAIGNS, f"Campaign {number}: {exc.message}") from None
        if "speed" in entry and speeds is not None:
            speeds[refs[-1].id] = entry["speed"]
    return refs


# ---------------------------------------------------------------------------- the file
def plans_to_json(plans: Iterable[Plan]) -> str:
    """The file's text (UTF-8 when written), plans in the order given."""
    chosen = list(plans)
    document = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION if any(plan.speeds for plan in chosen) else 1,
        "plans": [plan.to_json_dict() for plan in chosen],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def read_plans_file(path: Path) -> bytes:
    """A plans file's bytes; :class:`PlanError` (``FILE``) when it cannot be read or is
    over :data:`MAX_PLANS_FILE_BYTES` (only that much plus one byte is read)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_PLANS_FILE_BYTES + 1)
    except OSError as exc:  # the name is not repeated: it was typed, maybe in the wrong place
        raise PlanError(
            PlanField.FILE,
            f"The plans file cannot be read ({exc.strerror or type(exc).__name__}).",
        ) from None
    if len(data) > MAX_PLANS_FILE_BYTES:
        raise PlanError(PlanField.FILE, _TOO_BIG)
    return data


def plans_from_json(data: bytes | str) -> list[Plan]:
    """Every plan of a file, or :class:`PlanError` (``field`` FILE, or the bad field) with
    a sentence naming the plan: nothing is kept from a file with one bad plan."""
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "replace"))
    if size > MAX_PLANS_FILE_BYTES:
        raise PlanError(PlanField.FILE, _TOO_BIG)
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    except UnicodeDecodeError:
        raise PlanError(PlanField.FILE, "The plans file is not UTF-8 text.") from None
    _check_nesting(text)
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicate_keys,
                              parse_int=_bounded_int)
    except _DuplicateKey as exc:
        raise PlanError(
            PlanField.FILE, f"The plans file gives the field {exc.key!r} twice in one object."
        ) from None
    except _HugeNumber:
        raise PlanError(PlanField.FILE, _HUGE_NUMBER) from None
    except json.JSONDecodeError as exc:
        raise PlanError(
            PlanField.FILE,
            f"The plans file is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg}).",
        ) from None
    except (RecursionError, ValueError):  # a last guard: nesting, or a number JSON allows
        raise PlanError(PlanField.FILE, _NOT_PLANS) from None
    entries = _entries(document)
    plans: list[Plan] = []
    names: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        label = f"Plan {number}"
        if isinstance(entry, Mapping) and isinstance(entry.get("name"), str):
            label += f" ({entry['name'].strip()[:MAX_PLAN_NAME_LENGTH]!r})"
        try:
            plan = Plan.from_json_dict(entry)
        except PlanError as exc:
            raise PlanError(exc.field, f"{label} of the plans file: {exc.message}") from None
        if plan.name.casefold() in names:
            raise PlanError(PlanField.NAME,
                            f"{label} of the plans file: the name is used twice in the file.")
        names.add(plan.name.casefold())
        plans.append(plan)
    return plans


def _entries(document: object) -> list[Any]:
    if isinstance(document, list):  # a bare list of plans, as someone may write by hand
        entries: object = document
    elif isinstance(document, Mapping):
        kind = document.get("format", FILE_FORMAT)
        if kind != FILE_FORMAT:
            raise PlanError(PlanField.FILE,
                            f"This is not a plans file (its format is {str(kind)[:40]!r}).")
        version = document.get("version", FILE_VERSION)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise PlanError(PlanField.FILE, "The plans file's version is not a number.")
        if version > FILE_VERSION:
            raise PlanError(
                PlanField.FILE,
                f"The plans file was written by a newer version of Wolkvox Desktop (version "
                f"{version}; this one reads {FILE_VERSION}). Update the app.",
            )
        if "plans" not in document:
            raise PlanError(PlanField.FILE, "The plans file has no \"plans\" list.")
        entries = document["plans"]
    else:
        entries = None
    if not isinstance(entries, list):
        raise PlanError(PlanField.FILE, "The plans file must hold a list of plans.")
    if len(entries) > MAX_PLANS_IN_FILE:
        raise PlanError(PlanField.FILE,
                        f"The plans file holds more than {MAX_PLANS_IN_FILE} plans.")
    return entries


_BRACKETS = re.compile(r"[\[\]{}]")
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_INNERMOST = re.compile(r"\[\]|\{\}")  # in a skeleton of brackets only


def _check_nesting(text: str) -> None:
    """Refuse a file nested deeper than :data:`MAX_PLANS_FILE_DEPTH` before it is parsed:
    the innermost brackets (strings set aside) are taken away one level at a time, so a
    200,000-deep file costs a few quick passes, never a deep recursion."""
    if not _BRACKETS.search(text):
        return
    skeleton = _NOT_BRACKETS.sub("", _STRING.sub("", text))
    for _ in range(MAX_PLANS_FILE_DEPTH):
        if not skeleton:
            return
        skeleton, removed = _INNERMOST.subn("", skeleton)
        if not removed:
            break  # what is left does not pair: the JSON parser says where, unless deep
    if not _INNERMOST.search(skeleton) and len(skeleton) <= MAX_PLANS_FILE_DEPTH:
        return
    raise PlanError(
        PlanField.FILE,
        f"The plans file is nested more than {MAX_PLANS_FILE_DEPTH} levels deep: it is not "
        "a plans file. Check that it is the right one.",
    )


class _HugeNumber(ValueError):
    pass


def _bounded_int(digits: str) -> int:
    """JSON's whole numbers, refused past :data:`MAX_NUMBER_DIGITS` digits (Python itself
    refuses one of more than 4,300 digits, with an error no person can act on)."""
    if len(digits) > MAX_NUMBER_DIGITS:
        raise _HugeNumber
    return int(digits)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result
