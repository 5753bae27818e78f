"""What the store hands out (operations, saved campaigns) and its time rules (history rows:
:mod:`.history_rows`; plans: :mod:`.plan_rows`).

Times are stored as UTC ISO-8601 text (fixed format, so text order is time order) and
returned as timezone-aware *local* datetimes. A naive datetime handed in is local time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from enum import Enum
from typing import Any

from wolkvox_desktop.core.campaigns import Campaign, CampaignType
from wolkvox_desktop.core.limits import DEFAULT_IN_FLIGHT, DEFAULT_TIMEOUT_S

PENDING = "pending"
#: the words of the history's ``action`` column
HISTORY_ACTIONS = ("start", "stop", "campaigns", "token_info", "real_time", "speed",
                   "services", "alert")
#: history rows that are not calls (an alert seen in a live reading): they cost no token
EVENT_ACTIONS = ("alert",)
#: the words of its ``outcome`` column, in the order a supervisor reads them (``PENDING``:
#: no answer yet)
HISTORY_OUTCOMES = ("ok", "refused", "undelivered", "unknown", "invalid", PENDING)
INTERRUPTED = "interrupted"  # the ``reason`` of a pending row whose process is gone
INTERRUPTED_MESSAGE = (
    "The app stopped before Wolkvox answered, so this call may or may not have happened; "
    "check the campaign's status (refresh the list) before trying again."
)


class StoreError(Exception):
    """``str(exc)`` is a sentence for the supervisor; the sqlite error is the ``__cause__``."""


# a shift plan's slot, as the plan_slots table keeps it (records: plan_rows.py)
class SlotState(str, Enum):
    RUNNING = "running"  # claimed; its run is under way
    DONE = "done"  # its run ended (``outcome`` says how)
    NOT_STARTED = "not_started"  # its run did not start (budget, no token): nothing sent
    MISSED = "missed"  # more than 15 minutes late (or could not begin within them): not run
    COVERED = "covered"  # a run of the plan (by hand) was under way at its time: not run
    INTERRUPTED = "interrupted"  # claimed by a process that is gone (read so, or marked)


# one run of a shift plan, as the plan_runs table keeps it (records: plan_rows.py)
class PlanRunState(str, Enum):
    RUNNING = "running"  # begun; its calls are under way
    DONE = "done"  # ended (every campaign called, or stopped at a failure)
    STOPPED = "stopped"  # stopped by a person or a signal (Ctrl-C, SIGTERM, Stop the run)
    NOT_STARTED = "not_started"  # did not start (budget, no token): nothing sent
    INTERRUPTED = "interrupted"  # its process died mid-run (kill, crash, power cut)


@dataclass(frozen=True)
class Operation:
    """One Wolkvox operation (server code) and its settings.

    ``saved`` is False for an operation known only for this session (started with
    ``--server X`` while ``WOLKVOX_TOKEN`` is set): it works like a saved one, with the
    default settings, and is never written to the store.
    """

    server: str  # validated server code, e.g. "0032"
    label: str = ""
    licenses: int = 1  # daily budget = licenses x 1000
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_in_flight: int = DEFAULT_IN_FLIGHT  # 1 or 2
    saved: bool = True


@dataclass(frozen=True)
class SavedCampaign:
    server: str
    campaign: Campaign
    manual: bool  # added by hand (True) or from information.php?api=campaigns (False)
    last_action: str | None = None  # "start" / "stop"
    last_outcome: str | None = None  # Outcome value or "pending"
    last_at: datetime | None = None


# ---------------------------------------------------------------- time helpers
def utc_text(moment: datetime) -> str:
    """UTC ISO text (fixed format, so text order is time order). Naive means local."""
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def as_moment(value: datetime | date) -> datetime:
    """A datetime as is; a date as the local midnight that starts it."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time())  # naive: local


def local_time(text: str | None) -> datetime | None:
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone()


def local_midnight(now: datetime) -> datetime:
    """The local midnight starting ``now``'s local day (DST-safe), timezone-aware."""
    local_now = now.astimezone()
    naive = local_now.replace(tzinfo=None, hour=0, minute=0, second=0, microsecond=0)
    return naive.astimezone()


def next_local_midnight(midnight: datetime) -> datetime:
    # +26 h always lands on the next local day, whatever the DST shift
    return local_midnight(midnight + timedelta(hours=26))


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------- rows to records
HISTORY_COLUMNS = (
    "id, started_at, server, action, campaign_id, campaign_type, outcome, reason, "
    "http_status, code, error, msg, duration_ms, finished_at, message, api_base, plan, detail"
)
OPERATION_COLUMNS = "server, label, licenses, timeout_s, max_in_flight"


def operation_row(row: Sequence[Any]) -> Operation:
    return Operation(
        server=row[0],
        label=row[1],
        licenses=int(row[2]),
        timeout_s=float(row[3]),
        max_in_flight=int(row[4]),
    )


def campaign_type_or_none(value: str | None) -> CampaignType | None:
    if value is None:
        return None
    try:
        return CampaignType(value)
    except ValueError:
        return None
