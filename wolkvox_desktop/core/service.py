"""What a supervisor can do on one operation, recorded in the store: the core's front door.

The CLI and the GUI worker both go through :class:`OperationService`. Every call that may
reach Wolkvox gets a ``pending`` history row *before* the request and is completed after,
so a crash mid-call leaves a visible trace. Calls refused locally (invalid input, budget)
are returned as ``invalid`` results and are not recorded: nothing was sent.

* **The budget is reserved**: today's count and the pending row are one write transaction
  (:meth:`Store.begin_call <wolkvox_desktop.core.store.history.HistoryLog.begin_call>` with
  ``budget``), in every process, so racing calls never pass it together.
* **What Wolkvox said is never lost to a busy store**: when the row cannot be finished after
  the call, the answer goes to the journal beside the store (:mod:`.store.journal`), the
  caller still gets Wolkvox's answer (and a ``HISTORY_DEFERRED`` notice), and the history
  ends with the real outcome once the store can take it.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from wolkvox_desktop.core.campaigns import Action, Campaign, CampaignRef
from wolkvox_desktop.core.errors import (
    CallResult,
    Notice,
    NoticeKind,
    NoticeSink,
    Outcome,
    Reason,
)
from wolkvox_desktop.core.limits import WARN_FRACTION, daily_budget
from wolkvox_desktop.core.store import BudgetExceeded, Operation, Store, StoreError

if TYPE_CHECKING:  # the client (and requests) load only when a call is made
    from wolkvox_desktop.core.api import WolkvoxClient

log = logging.getLogger(__name__)

#: Pauses before sending again a call Wolkvox refused as busy (simultaneous limit).
BUSY_BACKOFF_S: tuple[float, ...] = (1.0, 2.0, 4.0)
BUSY_JITTER = 0.2


@dataclass(frozen=True)
class Usage:
    """Today's token uses for one operation against its budget."""

    used: int
    budget: int
    #: today's uses could not be counted exactly (the data file was rebuilt today and
    #: some of today's history was unreadable): ``used`` is at least what was recorded
    uncertain: bool = False

    @property
    def remaining(self) -> int:
        return max(0, self.budget - self.used)

    @property
    def near_limit(self) -> bool:
        return self.used >= self.budget * WARN_FRACTION

    @property
    def exhausted(self) -> bool:
        return self.used >= self.budget

    def would_exceed(self, calls: int = 1) -> bool:
        return self.used + calls > self.budget


def usage_of(store: Store, server: str) -> Usage:
    """Today's token uses of an operation (from the store's history) against its budget."""
    op = store.operation(server)
    return Usage(store.calls_today(server), daily_budget(op.licenses if op else 1),
                 store.usage_uncertain(server))


def budget_exceeded_result(usage: Usage) -> CallResult:
    return CallResult(
        Outcome.INVALID,
        Reason.BUDGET_EXHAUSTED,
        f"Today's token budget for this operation is used up ({usage.used} of "
        f"{usage.budget}). Nothing was sent; confirm to go over it, or raise the number of "
        "licenses in the settings.",
    )


class OperationService:
    """One operation (server code) with its client and the shared store.

    ``enforce_budget=True`` makes calls past today's budget come back as ``invalid`` /
    ``BUDGET_EXHAUSTED`` without sending anything; pass ``allow_over_budget=True`` to a call
    once the supervisor has confirmed.

    Wolkvox's refusal "EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS PER TOKEN" (other
    workstations are using the token) means the call was not carried out: it is the one
    answer sent again by itself, after ``busy_backoff`` seconds (1, 2, 4 by default, with
    ±20 % jitter), at most that many times, each attempt a row of its own in the history and
    announced to ``on_notice``. No other answer is ever sent again.
    """

    def __init__(
        self,
        store: Store,
        client: WolkvoxClient,
        server: str,
        *,
        enforce_budget: bool = True,
        busy_backoff: Sequence[float] = BUSY_BACKOFF_S,
        on_notice: NoticeSink | None = None,
        plan_name: str | None = None,
        reading_client: Callable[[], WolkvoxClient] | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.server = server
        self.enforce_budget = enforce_budget
        self.busy_backoff = tuple(busy_backoff)
        #: hears the news of every call that does not bring its own ``on_notice``
        self.on_notice = on_notice
        #: the shift plan this service runs (set by core.plan_runs): its calls' history
        #: rows carry the name
        self.plan_name = plan_name
        # live readings (core/live_calls.py): a client of their own that never waits for
        # the token's slot (gate timeout 0), cut short when an action has to wait for it
        self._reading_factory = reading_client
        self._reading_client: WolkvoxClient | None = None
        self._readings: set[WolkvoxClient] = set()  # readings in flight
        self._actions = 0  # start/stop/speed calls under way
        self._guard = threading.Lock()

    # ---- reads on the store (no token used) ----
    def operation(self) -> Operation:
        return self.store.operation(self.server) or Operation(server=self.server)

    def usage(self) -> Usage:
        return usage_of(self.store, self.server)

    # ---- calls that cost a token ----
    def campaign_action(
        self,
        action: Action,
        campaign: CampaignRef,
        *,
        allow_over_budget: bool = False,
        on_notice: NoticeSink | None = None,
    ) -> CallResult:
        """Start or stop ``campaign`` (checked where it was typed), recorded in the history;
        on success its saved status follows."""
        notice = self.yielding(on_notice or self.on_notice)
        status = (self.server, campaign.id, action.resulting_status.value)
        with self.action_under_way():
            return self._recorded(_Call(
                action.value, campaign.id, campaign.type.value, allow_over_budget,
                lambda: self.client.campaign_action(action, campaign, on_notice=notice),
                status,
            ), notice)

    def start(self, campaign: CampaignRef, *, allow_over_budget: bool = False) -> CallResult:
        return self.campaign_action(Action.START, campaign, allow_over_budget=allow_over_budget)

    def stop(self, campaign: CampaignRef, *, allow_over_budget: bool = False) -> CallResult:
        return self.campaign_action(Action.STOP, campaign, allow_over_budget=allow_over_budget)

    def refresh_campaigns(
        self, *, allow_over_budget: bool = False, on_notice: NoticeSink | None = None
    ) -> CallResult:
        """List the account's campaigns (costs one token) and cache them in the store. An
        answer that is not a clean list never replaces the saved one."""
        notice = on_notice or self.on_notice
        result = self._recorded(_Call(
            "campaigns", None, None, allow_over_budget,
            lambda: self.client.list_campaigns(on_notice=notice),
        ), notice)
        if result.ok and isinstance(result.data, list):
            campaigns: list[Campaign] = [c for c in result.data if isinstance(c, Campaign)]
            self.store.replace_api_campaigns(self.server, campaigns)
        return result

    def token_info(
        self, *, allow_over_budget: bool = False, on_notice: NoticeSink | None = None
    ) -> CallResult:
        """Wolkvox's own count of today's token use. This call itself costs one token.
        Its answer is kept (:meth:`Store.note_token_info`) beside this computer's count."""
        notice = on_notice or self.on_notice
        result = self._recorded(_Call(
            "token_info", None, None, allow_over_budget,
            lambda: self.client.token_info(on_notice=notice),
        ), notice)
        if result.ok and result.data is not None:
            from wolkvox_desktop.core.live_calls import note_token_info

            note_token_info(self, result)
        return result

    # ---- actions and live readings (core/live_calls.py) ----
    @contextmanager
    def action_under_way(self) -> Iterator[None]:
        """A start, stop or speed call is under way: no live reading begins meanwhile."""
        with self._guard:
            self._actions += 1
        try:
            yield
        finally:
            with self._guard:
                self._actions -= 1

    @property
    def actions_under_way(self) -> int:
        with self._guard:
            return self._actions

    def yielding(self, on_notice: NoticeSink | None) -> NoticeSink:
        """An action's notice sink: when the action has to wait for the token's slot, the
        live readings in flight in this process are cut short (a reading is a GET: safe
        to cut), so it waits for nothing but that."""

        def hear(notice: Notice) -> None:
            if notice.kind is NoticeKind.WAITING_FOR_TOKEN and self._readings:
                # told under the gate's lock, which aborting a client takes: cut them from
                # a thread of its own
                threading.Thread(target=self.cut_readings, name="wolkvox-cut-readings",
                                 daemon=True).start()
            if on_notice is not None:
                on_notice(notice)

        return hear

    def cut_readings(self) -> None:
        """Cut short every live reading in flight (from any thread)."""
        with self._guard:
            clients = list(self._readings)
        for client in clients:
            if client is not self.client:
                client.abort()

    def close_readings(self) -> None:
        """Release the readings' client (aborting a reading in flight)."""
        with self._guard:
            client, self._reading_client = self._reading_client, None
            clients = {*self._readings, *([client] if client is not None else [])}
        for each in clients:
            if each is not self.client:
                each.close()

    @contextmanager
    def reading_client(self) -> Iterator[WolkvoxClient]:
        """The client a live reading uses (its own when the front door gave a factory:
        it never waits for the slot), registered while the reading is in flight."""
        spent: WolkvoxClient | None = None
        with self._guard:
            client = self._reading_client
            if self._reading_factory is None or self.client.aborted:
                client = self.client  # (an aborted service's calls end at once)
            elif client is None or client.aborted:  # none yet, or cut short by an action
                if client is not None and client not in self._readings:
                    spent = client
                client = self._reading_client = self._reading_factory()
            self._readings.add(client)
        if spent is not None:
            spent.close()  # its connections
        try:
            yield client
        finally:
            with self._guard:
                self._readings.discard(client)
                done = client is not self.client and client is not self._reading_client
            if done:  # cut short and replaced meanwhile: nothing else will use it
                client.close()

    def live_reading(self, **options: object) -> CallResult:
        """One live reading; see :func:`wolkvox_desktop.core.live_calls.live_reading`."""
        from wolkvox_desktop.core.live_calls import live_reading

        return live_reading(self, **options)  # type: ignore[arg-type]

    def set_speed(self, campaign: CampaignRef, speed: int, **options: object) -> CallResult:
        """Set a campaign's speed; see :func:`wolkvox_desktop.core.live_calls.set_speed`."""
        from wolkvox_desktop.core.live_calls import set_speed

        return set_speed(self, campaign, speed, **options)  # type: ignore[arg-type]

    def read_services(self, **options: object) -> CallResult:
        """The operation's licenses from Wolkvox; see
        :func:`wolkvox_desktop.core.live_calls.read_services`."""
        from wolkvox_desktop.core.live_calls import read_services

        return read_services(self, **options)  # type: ignore[arg-type]

    def recorded_call(
        self,
        action: str,
        send: Callable[[], CallResult],
        *,
        campaign: CampaignRef | None = None,
        allow_over_budget: bool = False,
        budget: int | None = None,
        detail: str | None = None,
        resend_when_busy: bool = True,
        on_notice: NoticeSink | None = None,
    ) -> CallResult:
        """One call of any kind with its history row (budget reserved before, finished
        after), sent again only when Wolkvox refused it as busy (and ``resend_when_busy``).
        ``budget``: the reservation's ceiling instead of today's budget (a reading leaves
        the reserve for start/stop)."""
        return self._recorded(_Call(
            action, campaign.id if campaign else None,
            campaign.type.value if campaign else None, allow_over_budget, send,
            detail=detail, budget=budget,
        ), on_notice, resend=resend_when_busy)

    # ---- internals ----
    def _recorded(
        self, call: _Call, on_notice: NoticeSink | None, *, resend: bool = True
    ) -> CallResult:
        """One call (and its resends while Wolkvox says it is busy), each in the history."""
        result = self._attempt(call, on_notice)
        for attempt, pause in enumerate(self.busy_backoff if resend else (), start=1):
            if result.reason is not Reason.SIMULTANEOUS_LIMIT or self.client.aborted:
                break
            seconds = pause * random.uniform(1 - BUSY_JITTER, 1 + BUSY_JITTER)
            if on_notice is not None:
                on_notice(Notice(
                    NoticeKind.BUSY_RETRY,
                    "Wolkvox is busy with other calls on this token; trying again in "
                    f"{seconds:.0f} s.",
                    seconds=seconds, attempt=attempt,
                ))
            log.info("%s: Wolkvox busy (simultaneous limit); attempt %d in %.1f s",
                     call.action, attempt + 1, seconds)
            if self.client.wait(seconds):
                break  # the app is closing: the last answer stands
            result = self._attempt(call, on_notice)
        return result

    def _attempt(self, call: _Call, on_notice: NoticeSink | None = None) -> CallResult:
        """One request with its history row: reserved (committed, within today's budget)
        before, finished after."""
        try:
            budget = None
            if self.enforce_budget and not call.allow_over_budget:
                budget = self.usage().budget if call.budget is None else call.budget
            base = self.client.base_url if self.client.is_override else None
            row_id = self.store.begin_call(
                self.server, call.action, call.campaign_id, call.campaign_type,
                api_base=base, plan=self.plan_name, budget=budget, detail=call.detail,
            )
        except BudgetExceeded as exc:
            if call.budget is not None:  # a reading, stopped at the reserve for start/stop
                from wolkvox_desktop.core.live_calls import reserve_reached_result

                return reserve_reached_result(self.usage())
            return budget_exceeded_result(Usage(exc.used, exc.budget))
        except StoreError as exc:
            # Without a pending row a crash would leave no trace: do not send anything.
            return CallResult(
                Outcome.INVALID,
                Reason.STORE_FAILURE,
                f"Nothing was sent, because the activity history could not be written first. "
                f"{exc}",
            )
        try:
            result = call.send()
        except Exception:  # a bug in our code must still end in a sentence and a row
            log.exception("unexpected error during %s", call.action)
            result = CallResult.unexpected()
        status = call.status if result.ok else None
        try:
            self.store.finish_call(row_id, result)
            if status is not None:
                self.store.set_campaign_status(*status)
        except StoreError as exc:
            self._keep_in_journal(row_id, result, status, exc, on_notice)
        return result

    def _keep_in_journal(
        self,
        row_id: int,
        result: CallResult,
        status: tuple[str, str, str] | None,
        failure: StoreError,
        on_notice: NoticeSink | None,
    ) -> None:
        """The store would not take Wolkvox's answer: keep it beside the store, to be
        folded into the history by the next process (or query) that can write it."""
        from wolkvox_desktop.core.store import journal

        log.warning("could not record the end of history row %s now (%s); kept in the "
                    "journal", row_id, failure)
        try:
            journal.keep(self.store.path, row_id, result, status=status)
        except OSError:
            log.exception("could not keep history row %s in the journal either", row_id)
            return
        if on_notice is not None:
            on_notice(Notice(
                NoticeKind.HISTORY_DEFERRED,
                "The data file was busy, so Wolkvox's answer is kept beside it and goes "
                "into the history the next time the app can write there.",
            ))


class _Call(NamedTuple):
    """One kind of call as the history records it, and how to send it. (A NamedTuple, not
    a dataclass: it never leaves this module, and a frozen dataclass costs about a
    millisecond of every ``wolkvox`` start-up to create.)"""

    action: str  # store.HISTORY_ACTIONS: "start", "stop", "campaigns", "real_time", …
    campaign_id: str | None
    campaign_type: str | None
    allow_over_budget: bool
    send: Callable[[], CallResult]
    #: (server, campaign id, status) the campaign has once the call succeeded
    status: tuple[str, str, str] | None = None
    detail: str | None = None  # the history row's detail (a speed's "40 → 55")
    budget: int | None = None  # the reservation's ceiling, if not today's budget
