"""A live reading of ``real_time.php?api=campaigns``: what every campaign is doing now.
Qt-free; parsed defensively (no answer ever crashes it).

Wolkvox shows two shapes (``wolkvox-api.md``): a **bare JSON array** of rows (its Postman
collection) and the usual wrapper ``{"code", "error", "msg", "data": [...]}`` (its web
page); both are read. In a row:

* the id comes from ``campaign_id`` when it is there and usable, else from the start of
  ``campaign`` (``"32841 - Cobranza Norte …"``: public code takes the id from that
  prefix); the name from ``campaign_name``, else the rest of ``campaign``;
* numbers may be strings (``"1840"``, ``"45.3"``, ``"45,3 %"``, ``"1,840"``); a field that
  is missing, empty or unreadable is ``None``, never 0;
* ``busy/congestion/failed`` is one key, with its slashes;
* a row without a usable id is skipped (and counted in :attr:`LiveReading.skipped`).

Anything else (a string, a number, an object without ``data``, rows that are not objects)
raises :class:`LiveDataError` with a sentence. Imported only by the live paths, never by a
``wolkvox start`` (its dataclasses would cost start-up).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from wolkvox_desktop.core.campaigns import CampaignStatus, validate_campaign_id
from wolkvox_desktop.core.errors import InvalidInput

#: alert codes (the CLI's JSON, the history's ``reason`` of an ``alert`` row)
LIST_FINISHED = "list_finished"
NOT_DIALLING = "not_dialling"
CHANGED_ELSEWHERE = "changed_elsewhere"
ALERT_CODES = (LIST_FINISHED, NOT_DIALLING, CHANGED_ELSEWHERE)

#: the key Wolkvox names with slashes
FAILED_KEY = "busy/congestion/failed"
MAX_NAME = 200
#: a number of more digits than this is not a count Wolkvox sends
_MAX_DIGITS = 18
_LIMIT = 10**_MAX_DIGITS

_PREFIX = re.compile(r"\s*([^\s\-–—]+)\s*(?:[-–—]\s*(.*))?\s*\Z", re.DOTALL)
_THOUSANDS = re.compile(r"[0-9]{1,3}(,[0-9]{3})+\Z")
_DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]+\Z")


class LiveDataError(ValueError):
    """An answer that is not a live reading; ``str(exc)`` is the end of a sentence
    ("Wolkvox sent …")."""


@dataclass(frozen=True)
class LiveCampaign:
    """One campaign as the live reading shows it. ``None``: Wolkvox did not say."""

    id: str
    name: str = ""
    status: CampaignStatus = CampaignStatus.UNKNOWN
    speed: int | None = None
    skill_id: str | None = None
    records: int | None = None
    remaining: int | None = None  # ``clean``: records never dialled
    dialed: int | None = None
    answered: int | None = None
    no_answer: int | None = None
    failed: int | None = None  # ``busy/congestion/failed``
    machine: int | None = None  # ``answer_machine``
    penetration_day: float | None = None
    penetration_now: float | None = None
    hits: int | None = None
    calls_per_minute: float | None = None  # ``calls_x_min``
    recycled: int | None = None

    @property
    def started(self) -> bool:
        return self.status is CampaignStatus.STARTED

    @property
    def penetration(self) -> float | None:
        """The day's penetration (the current one when the day's is missing)."""
        return self.penetration_day if self.penetration_day is not None else self.penetration_now

    def to_json_dict(self, alerts: Iterable[str] = ()) -> dict[str, Any]:
        """The CLI's ``--json`` object of one campaign: exactly these keys."""
        return {
            "id": self.id,
            "name": self.name,
            "status": self.status.value if self.status is not CampaignStatus.UNKNOWN else None,
            "speed": self.speed,
            "records": self.records,
            "remaining": self.remaining,
            "dialed": self.dialed,
            "answered": self.answered,
            "no_answer": self.no_answer,
            "failed": self.failed,
            "machine": self.machine,
            "calls_per_minute": _plain(self.calls_per_minute),
            "penetration": _plain(self.penetration),
            "alerts": list(alerts),
        }


@dataclass(frozen=True)
class LiveReading:
    """One reading: when it was taken, its campaigns in Wolkvox's order, and (once compared
    with the previous reading, :mod:`~wolkvox_desktop.core.live_alerts`) the alerts of each
    campaign and those that appeared with it."""

    at: datetime  # aware
    campaigns: tuple[LiveCampaign, ...]
    skipped: int = 0  # rows without a usable id
    alerts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    new_alerts: tuple[tuple[str, str], ...] = ()  # (campaign id, code), first seen now

    def campaign(self, campaign_id: str) -> LiveCampaign | None:
        for campaign in self.campaigns:
            if campaign.id == campaign_id:
                return campaign
        return None

    @property
    def any_started(self) -> bool:
        return any(c.started for c in self.campaigns)

    def alerts_of(self, campaign_id: str) -> tuple[str, ...]:
        return tuple(self.alerts.get(campaign_id, ()))

    def to_json_dict(self, server: str) -> dict[str, Any]:
        """``wolkvox live --json``: ``{"server", "at", "campaigns": [...]}``."""
        return {
            "server": server,
            "at": self.at.isoformat(timespec="seconds"),
            "campaigns": [c.to_json_dict(self.alerts_of(c.id)) for c in self.campaigns],
        }


# ---------------------------------------------------------------------------- numbers
def _plain(value: float | None) -> float | int | None:
    """A rate as JSON shows it best: 12 rather than 12.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _number_text(text: str) -> float | None:
    raw = text.strip().rstrip("%").strip().replace(" ", "")
    if not raw or not raw.isascii() or len(raw) > 40:
        return None
    if _THOUSANDS.match(raw.lstrip("-")):
        raw = raw.replace(",", "")
    elif _DECIMAL_COMMA.match(raw.lstrip("-")):
        raw = raw.replace(",", ".")
    try:
        number = float(raw)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def to_number(value: object) -> float | None:
    """A Wolkvox number (an int, a float, or such a text); ``None`` when unusable."""
    if isinstance(value, str):
        if value.isdigit() and value.isascii() and len(value) <= _MAX_DIGITS:
            return float(value)  # the usual "1840"
        return _number_text(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return float(value) if -_LIMIT < value < _LIMIT else None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return None


def to_count(value: object) -> int | None:
    """A whole, non-negative count (``"1840"``, ``1840.0``); ``None`` when unusable."""
    if isinstance(value, int) and not isinstance(value, bool):  # a reading has thousands
        return value if 0 <= value < _LIMIT else None
    number = to_number(value)
    if number is None or number < 0 or number >= _LIMIT:
        return None
    return int(round(number))


def to_speed(value: object) -> int | None:
    speed = to_count(value)
    return speed if speed is not None and speed <= 100 else None


def _text(value: object) -> str:
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(value)
    else:
        return ""
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    return text


# ---------------------------------------------------------------------------- rows
def campaign_id_and_name(row: Mapping[str, Any]) -> tuple[str, str] | None:
    """The id (checked) and name of a row, or ``None`` without a usable id."""
    label = _text(row.get("campaign"))
    prefix_id = prefix_name = ""
    match = _PREFIX.match(label) if label else None
    if match is not None:
        prefix_id, prefix_name = match.group(1), (match.group(2) or "").strip()
    name = _text(row.get("campaign_name")) or prefix_name
    raw_id = row.get("campaign_id")
    given = (raw_id.strip() if isinstance(raw_id, str)  # unsanitised: a bad id is refused
             else _text(raw_id) if isinstance(raw_id, int) else "")
    for candidate, from_label in ((given, False), (prefix_id, True)):
        if not candidate:
            continue
        if from_label and not any(ch.isdigit() for ch in candidate):
            continue  # a name without an id ("Cobranza Norte"): Wolkvox's ids are numbers
        try:
            return validate_campaign_id(candidate), name[:MAX_NAME]
        except InvalidInput:
            continue
    return None


def parse_row(row: Mapping[str, Any]) -> LiveCampaign | None:
    found = campaign_id_and_name(row)
    if found is None:
        return None
    cid, name = found
    skill = _text(row.get("skill_id"))
    return LiveCampaign(
        id=cid,
        name=name,
        status=CampaignStatus.parse(_text(row.get("status"))),
        speed=to_speed(row.get("speed")),
        skill_id=skill[:64] or None,
        records=to_count(row.get("records")),
        remaining=to_count(row.get("clean")),
        dialed=to_count(row.get("dial")),
        answered=to_count(row.get("answer")),
        no_answer=to_count(row.get("no_answer")),
        failed=to_count(row.get(FAILED_KEY)),
        machine=to_count(row.get("answer_machine")),
        penetration_day=to_number(row.get("penetration_day")),
        penetration_now=to_number(row.get("penetration_now")),
        hits=to_count(row.get("hits")),
        calls_per_minute=_rate(row.get("calls_x_min")),
        recycled=to_count(row.get("recycled")),
    )


def _rate(value: object) -> float | None:
    number = to_number(value)
    return number if number is None or number >= 0 else None


def live_rows(body: object) -> list[Any]:
    """The rows of either shape; raises :class:`LiveDataError` for anything else."""
    if isinstance(body, list):
        return body
    if isinstance(body, Mapping):
        if "data" not in body:
            raise LiveDataError("an answer without campaign data")
        data = body["data"]
        if data is None:
            return []
        if isinstance(data, list):
            return data
        if isinstance(data, Mapping):  # one row, or rows keyed by id
            if "campaign" in data or "campaign_id" in data:
                return [data]
            return list(data.values())
        raise LiveDataError("campaign data in an unexpected shape")
    raise LiveDataError("data in an unexpected shape")


def parse_live(body: object, at: datetime) -> LiveReading:
    """A reading from a decoded answer (either shape). Rows without a usable id are
    skipped; a list with rows but none usable, or rows that are not objects, raises
    :class:`LiveDataError`."""
    rows = live_rows(body)
    campaigns: list[LiveCampaign] = []
    seen: set[str] = set()
    skipped = 0
    objects = 0
    for row in rows:
        if not isinstance(row, Mapping):
            continue
        objects += 1
        campaign = parse_row(row)
        if campaign is None or campaign.id in seen:
            skipped += 1
            continue
        seen.add(campaign.id)
        campaigns.append(campaign)
    if rows and not objects:
        raise LiveDataError("campaign rows that are not objects")
    if objects and not campaigns:
        raise LiveDataError("campaign rows without a campaign ID")
    return LiveReading(at, tuple(campaigns), skipped)


__all__ = [
    "ALERT_CODES",
    "CHANGED_ELSEWHERE",
    "FAILED_KEY",
    "LIST_FINISHED",
    "NOT_DIALLING",
    "LiveCampaign",
    "LiveDataError",
    "LiveReading",
    "parse_live",
    "to_count",
    "to_number",
]
