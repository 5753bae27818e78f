"""The live board's calls, made through an operation's service (the front door): a live
reading, a campaign's speed, Wolkvox's licenses and token count. Qt-free.

Every one costs a token, has its history row with the budget reserved before it is sent
(:meth:`OperationService.recorded_call
<wolkvox_desktop.core.service.OperationService.recorded_call>`), and goes through the
token's slot. On top of that:

* **A reading is not an action** (ARCHITECTURE.md). A reading never begins while a start,
  stop or speed call of this service is under way, and it never waits for the token's
  slot: its client's gate timeout is 0, so when another call (of any process) holds the
  slot the reading is simply not taken (``GATE_BUSY``, nothing sent) and the governor
  tries later. The other way round, an action that has to wait for the slot cuts short the
  readings in flight in this process (a GET, safe to cut: its token may be spent), so it
  waits only for that; another process's action that finds the slot held by a reading
  waits at most the reading's deadline (:data:`~wolkvox_desktop.core.operations.
  READING_TIMEOUT_S`, 30 s, shorter than a call's). A reading is never sent again by
  itself, not even after Wolkvox's "too many simultaneous requests".
* **A reading leaves the reserve for start/stop**: its budget reservation stops at the
  budget less the reserve (10 % by default), in the same transaction as its row.
* **A speed is never resent** (like a start): one PUT per call, its row says
  ``40 → 55``; the GUI debounces a burst of presses, the core never merges nor repeats.
* ``services`` gives the operation's licenses: :func:`license_offer` is the offer the
  faces show ("Wolkvox says this operation has 3 licenses: 3,000 uses a day"); read with
  the operation's first token and then at most once a day (:func:`services_due`).
* ``token_info`` re-aligns the local count at most hourly (:func:`token_info_due`);
  :func:`alignment` shows Wolkvox's count beside ours when they differ.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from wolkvox_desktop.core.api_request import validate_speed
from wolkvox_desktop.core.campaigns import CampaignRef
from wolkvox_desktop.core.errors import CallResult, InvalidInput, NoticeSink, Outcome, Reason
from wolkvox_desktop.core.governor import DEFAULT_RESERVE, DEFAULT_SHARE, reserve_uses
from wolkvox_desktop.core.limits import daily_budget
from wolkvox_desktop.core.live import LiveReading
from wolkvox_desktop.core.live_alerts import with_alerts
from wolkvox_desktop.core.service import OperationService, Usage
from wolkvox_desktop.core.store import Store, StoreError

#: ``services`` at most this often; ``token_info`` at most this often
SERVICES_EVERY = timedelta(days=1)
TOKEN_INFO_EVERY = timedelta(hours=1)


def reserve_reached_result(usage: Usage) -> CallResult:
    return CallResult(
        Outcome.INVALID,
        Reason.BUDGET_EXHAUSTED,
        f"No live reading was taken: what is left of today's token budget ({usage.remaining:,} "
        f"of {usage.budget:,}) is the reserve kept for starting and stopping campaigns. "
        "Nothing was sent.",
    )


def busy_reading_result() -> CallResult:
    return CallResult(
        Outcome.INVALID,
        Reason.GATE_BUSY,
        "No live reading was taken: a start, stop or speed call was under way with this "
        "token, and a reading never makes one wait. Nothing was sent.",
    )


# ---------------------------------------------------------------------------- the calls
def live_reading(
    service: OperationService,
    *,
    allow_over_budget: bool = False,
    reserve: float = DEFAULT_RESERVE,
    on_notice: NoticeSink | None = None,
) -> CallResult:
    """One live reading (costs a token): ``result.data`` is a
    :class:`~wolkvox_desktop.core.live.LiveReading` with its alerts, compared with the
    reading the store keeps (which it then replaces). Not taken (``invalid``, nothing sent)
    while an action of this service is under way, when another call holds the token's slot
    (``GATE_BUSY``), or when only the reserve is left of today's budget."""
    if service.actions_under_way:
        return busy_reading_result()
    budget = None
    if not allow_over_budget:
        total = service.usage().budget
        budget = total - reserve_uses(total, reserve)
    with service.reading_client() as client:
        result = service.recorded_call(
            "real_time", lambda: client.real_time(on_notice=on_notice),
            allow_over_budget=allow_over_budget, budget=budget, resend_when_busy=False,
            on_notice=on_notice,
        )
    if result.reason is Reason.GATE_BUSY:
        return dataclasses.replace(result, message=(
            "No live reading was taken: another call with this token was under way, and a "
            "reading never makes one wait. Nothing was sent."))
    if result.ok and isinstance(result.data, LiveReading):
        reading = with_alerts(service.store, service.server, result.data)
        return dataclasses.replace(result, data=reading)
    return result


def set_speed(
    service: OperationService,
    campaign: CampaignRef,
    speed: int,
    *,
    previous: int | None = None,
    allow_over_budget: bool = False,
    on_notice: NoticeSink | None = None,
) -> CallResult:
    """Set a campaign's speed (0–100): one PUT, never sent again by itself (a refusal as
    busy excepted, as for a start: it was not carried out). ``previous``: the speed shown
    before (default: the kept reading's), for the history's ``40 → 55``. A bad speed is
    ``invalid`` and nothing is sent or recorded."""
    try:
        value = validate_speed(speed)
    except InvalidInput as exc:
        return CallResult.invalid(exc)
    if previous is None:
        previous = kept_speed(service.store, service.server, campaign.id)
    detail = f"{previous} → {value}" if previous is not None else f"→ {value}"
    notice = service.yielding(on_notice or service.on_notice)
    with service.action_under_way():
        result = service.recorded_call(
            "speed", lambda: service.client.set_speed(campaign, value, on_notice=notice),
            campaign=campaign, allow_over_budget=allow_over_budget, detail=detail,
            on_notice=notice,
        )
    if result.ok:
        try:
            service.store.note_speed(service.server, campaign.id, value)
        except StoreError:  # shown again by the next reading
            pass
    return result


def kept_speed(store: Store, server: str, campaign_id: str) -> int | None:
    """The campaign's speed as the kept reading shows it (``None``: not known)."""
    try:
        kept = store.kept_reading(server)
    except StoreError:
        return None
    if kept is None or campaign_id not in kept[1]:
        return None
    speed = kept[1][campaign_id][3]
    return speed if isinstance(speed, int) else None


def read_services(
    service: OperationService,
    *,
    allow_over_budget: bool = False,
    on_notice: NoticeSink | None = None,
) -> CallResult:
    """The operation's licenses from Wolkvox (costs a token): ``result.data`` is a
    :class:`LicenseOffer` when it answered. When it was read is kept (so it is asked at
    most once a day, :func:`services_due`), whatever it answered."""
    result = service.recorded_call(
        "services", lambda: service.client.services(on_notice=on_notice),
        allow_over_budget=allow_over_budget, on_notice=on_notice,
    )
    if result.outcome in (Outcome.INVALID, Outcome.UNDELIVERED):
        return result  # nothing reached Wolkvox: ask again next time
    licenses = result.data if result.ok and isinstance(result.data, int) else None
    try:
        service.store.note_services(service.server, _now(), licenses)
    except StoreError:
        pass
    if licenses is None:
        return result
    return dataclasses.replace(result, data=license_offer(licenses, service.operation().licenses))


def note_token_info(service: OperationService, result: CallResult) -> None:
    """Keep Wolkvox's count of today's uses beside ours (after a ``token_info`` call)."""
    info = result.data
    try:
        ours = service.store.calls_today(service.server)
        service.store.note_token_info(
            service.server, _now(), getattr(info, "token_use_today", None),
            getattr(info, "token_limit", None), ours)
    except StoreError:
        pass


# ---------------------------------------------------------------------------- offers
@dataclass(frozen=True)
class LicenseOffer:
    """What ``services`` said, offered as the operation's licenses (the faces decide)."""

    licenses: int  # Wolkvox's
    current: int  # the operation's setting

    @property
    def budget(self) -> int:
        return daily_budget(self.licenses)

    @property
    def differs(self) -> bool:
        return self.licenses != self.current

    def sentence(self) -> str:
        noun = "license" if self.licenses == 1 else "licenses"
        return (f"Wolkvox says this operation has {self.licenses:,} {noun}: "
                f"{self.budget:,} uses a day.")


def license_offer(licenses: int, current: int) -> LicenseOffer:
    return LicenseOffer(licenses, current)


@dataclass(frozen=True)
class Alignment:
    """Wolkvox's count of today's uses beside this computer's, when last asked."""

    at: datetime
    wolkvox: int | None
    ours: int

    @property
    def differs(self) -> bool:
        return self.wolkvox is not None and self.wolkvox != self.ours

    def sentence(self) -> str:
        if self.wolkvox is None:
            return "Wolkvox did not say how many uses it counts today."
        if not self.differs:
            return f"Wolkvox counts {self.wolkvox:,} uses today, as this computer does."
        return (f"Wolkvox counts {self.wolkvox:,} uses today; this computer counted "
                f"{self.ours:,} (other computers or programs use the token too, or a call "
                "was not counted here).")


def alignment(store: Store, server: str, now: datetime | None = None) -> Alignment | None:
    """The last ``token_info`` answer beside our count then, if it was today."""
    state = store.live_state(server)
    at = state["token_info_at"]
    if at is None or at.astimezone().date() != (now or _now()).astimezone().date():
        return None
    return Alignment(at, state["token_use_today"], int(state["our_count"] or 0))


def services_due(store: Store, server: str, now: datetime | None = None) -> bool:
    """Whether ``services`` should be read (never yet, or a day ago or more)."""
    at = store.live_state(server)["services_at"]
    return at is None or (now or _now()) - at >= SERVICES_EVERY


def token_info_due(store: Store, server: str, now: datetime | None = None) -> bool:
    """Whether ``token_info`` may be asked again to re-align (at most hourly)."""
    at = store.live_state(server)["token_info_at"]
    return at is None or (now or _now()) - at >= TOKEN_INFO_EVERY


def _now() -> datetime:
    return datetime.now(timezone.utc)


__all__ = [
    "DEFAULT_RESERVE",
    "DEFAULT_SHARE",
    "Alignment",
    "LicenseOffer",
    "alignment",
    "kept_speed",
    "live_reading",
    "read_services",
    "reserve_uses",
    "services_due",
    "set_speed",
    "token_info_due",
]
