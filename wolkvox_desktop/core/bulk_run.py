"""Bulk start/stop, the run: a step-wise runner over a :class:`~.bulk.BulkPlan`. Qt-free.

Used by the CLI (:meth:`BulkRun.run_all`) and by the GUI's bulk view (step by step from its
worker thread). The rules (issue 4, ``wolkvox-api.md``):

* Calls go one after the other, in the order given, each only after the previous returned,
  and every one through :class:`~wolkvox_desktop.core.service.OperationService` (so through
  the token gate, and recorded in the history).
* **Nothing is ever retried automatically.** After a failed call the run *pauses* on that
  item until the caller decides: :meth:`BulkRun.skip`, :meth:`BulkRun.retry` (for an
  ``unknown`` outcome only with ``confirm_unknown=True``, after the supervisor confirmed),
  or :meth:`BulkRun.abort`.
* :meth:`BulkRun.cancel` may be called from any thread; it is checked before each call, so
  a run stops *between* calls (a call already in flight finishes; to cut that one short,
  the GUI's close path aborts the client itself).
* Items the plan found already in the wanted state are not called.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from wolkvox_desktop.core.bulk import BulkItem, BulkPlan
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.core.errors import CallResult, NoticeSink, Outcome, Reason
from wolkvox_desktop.core.service import OperationService
from wolkvox_desktop.core.store import StoreError

log = logging.getLogger(__name__)


class ItemState(str, Enum):
    """Where one item of a run stands."""

    PENDING = "pending"  # not called yet
    RUNNING = "running"  # its call is in flight
    OK = "ok"  # the call succeeded
    FAILED = "failed"  # the call ended refused/undelivered/unknown/invalid (run paused)
    SKIPPED = "skipped"  # skipped by the caller after a failure, or before its call
    IN_STATE = "in_state"  # not called: already in the wanted state (plan)
    NOT_RUN = "not_run"  # not called: the run was cancelled or aborted first


@dataclass
class ItemRecord:
    """One item's state and every result it got (more than one only after a retry)."""

    item: BulkItem
    state: ItemState = ItemState.PENDING
    results: list[CallResult] = field(default_factory=list)
    #: the plan's speed sent after a successful start (``None``: none was sent)
    speed_result: CallResult | None = None

    @property
    def last_result(self) -> CallResult | None:
        return self.results[-1] if self.results else None


class BulkStateError(RuntimeError):
    """A runner method was called in a state that does not allow it (a programming error,
    e.g. ``run_current`` while paused on a failure, or two calls at once)."""


@dataclass(frozen=True)
class BulkProgress:
    total: int  # every item of the plan, in-state ones included
    done: int  # items that reached a final state (ok, skipped, in state, not run)
    ok: int
    failed: int  # items whose last call failed (at most one while running; more after keep-going)
    skipped: int
    in_state: int
    not_run: int
    current_index: int | None  # index of the item waiting to be called / paused on
    paused: bool  # the current item's last call failed: waiting for skip/retry/abort
    cancelled: bool
    finished: bool


@dataclass(frozen=True)
class BulkSummary:
    action: Action
    progress: BulkProgress
    records: tuple[ItemRecord, ...]

    @property
    def calls(self) -> int:
        return sum(len(r.results) for r in self.records)

    @property
    def failures(self) -> tuple[ItemRecord, ...]:
        return tuple(r for r in self.records if r.last_result is not None
                     and not r.last_result.ok)

    @property
    def first_failure(self) -> CallResult | None:
        for record in self.records:
            for result in record.results:
                if not result.ok:
                    return result
        return None

    @property
    def speed_failures(self) -> tuple[ItemRecord, ...]:
        """Campaigns started whose plan's speed could not be set."""
        return tuple(r for r in self.records if r.speed_result is not None
                     and not r.speed_result.ok)

    def _final_failures(self) -> list[CallResult]:
        failed = [r.last_result for r in self.failures if r.last_result is not None]
        return failed + [r.speed_result for r in self.speed_failures
                         if r.speed_result is not None]

    @property
    def worst_outcome(self) -> Outcome:
        """The most serious outcome among the items' final results and their speeds
        (``ok`` if none failed): unknown > undelivered > refused > invalid."""
        worst = Outcome.OK
        for result in self._final_failures():
            if result.outcome.exit_code > worst.exit_code:
                worst = result.outcome
        return worst

    @property
    def exit_code(self) -> int:
        """The command's exit code: the worst outcome's, 1 when that is a local problem
        (:attr:`CallResult.exit_code`)."""
        worst = self.worst_outcome
        codes = [r.exit_code for r in self._final_failures() if r.outcome is worst]
        return min(codes) if codes else worst.exit_code

    @property
    def all_ok(self) -> bool:
        return (not self.failures and not self.speed_failures and self.progress.not_run == 0
                and not self.progress.cancelled)


_FINAL = {ItemState.OK, ItemState.SKIPPED, ItemState.IN_STATE, ItemState.NOT_RUN}


def cancelled_result() -> CallResult:
    return CallResult(
        Outcome.INVALID,
        Reason.CANCELLED,
        "The run was cancelled before this campaign; nothing was sent for it.",
    )


def not_run_result(item: BulkItem) -> CallResult:
    return CallResult(
        Outcome.INVALID,
        Reason.NOT_RUN,
        f"The run stopped before campaign {item.campaign_id}; nothing was sent for it.",
    )


def interrupted_result() -> CallResult:
    return CallResult(
        Outcome.UNKNOWN,
        Reason.UNEXPECTED,
        "The run was interrupted while this campaign's call was in flight: it may or may not "
        "have reached Wolkvox. Refresh the campaign list before trying again.",
    )


class BulkRun:
    """A step-wise, pausable, cancellable run of one action over a plan's items.

    Stopping (:meth:`cancel`, or :meth:`next_item` after it) writes the campaigns not called
    to the history as not sent, on the calling thread.

    Thread safety: :meth:`cancel`/:meth:`abort`, :meth:`progress`, :meth:`summary`,
    :attr:`last_outcome` may be called from any thread. The stepping methods
    (:meth:`run_current`, :meth:`retry`) make the call without holding the lock; a second
    stepping call while one is in flight raises :class:`BulkStateError` (never two calls).
    """

    def __init__(
        self,
        service: OperationService,
        plan: BulkPlan,
        *,
        allow_over_budget: bool = False,
        on_notice: NoticeSink | None = None,
        on_speed: Callable[[BulkItem, CallResult], None] | None = None,
    ) -> None:
        self.service = service
        #: hears each speed a start plan sets after a start (its result)
        self.on_speed = on_speed
        self.plan = plan
        self.action = plan.action
        self.allow_over_budget = allow_over_budget
        self.on_notice = on_notice  # hears a call wait for the token or a busy resend
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._busy = False
        self._records = [
            ItemRecord(item, ItemState.PENDING if plan.will_call(item) else ItemState.IN_STATE)
            for item in plan.items
        ]
        self._cursor = 0
        self._last: CallResult | None = None
        self._not_sent: list[BulkItem] = []  # stopped before their call: to record
        self._advance_locked()

    # ---- reading the state (any thread) ----
    @property
    def items(self) -> tuple[BulkItem, ...]:
        return self.plan.items

    @property
    def total(self) -> int:
        return len(self._records)

    @property
    def last_result(self) -> CallResult | None:
        with self._lock:
            return self._last

    @property
    def last_outcome(self) -> Outcome | None:
        """The outcome of the most recent call (``None`` before any). The GUI must confirm
        explicitly before :meth:`retry` when this is ``unknown``."""
        with self._lock:
            return self._last.outcome if self._last is not None else None

    @property
    def paused(self) -> bool:
        with self._lock:
            return self._paused_locked()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def finished(self) -> bool:
        with self._lock:
            return self._cursor >= len(self._records)

    def records(self) -> tuple[ItemRecord, ...]:
        """Copies of the per-item records (state and results), in plan order."""
        with self._lock:
            return tuple(
                ItemRecord(r.item, r.state, list(r.results), r.speed_result)
                for r in self._records
            )

    def progress(self) -> BulkProgress:
        with self._lock:
            return self._progress_locked()

    def summary(self) -> BulkSummary:
        with self._lock:
            records = tuple(ItemRecord(r.item, r.state, list(r.results), r.speed_result)
                            for r in self._records)
            return BulkSummary(self.action, self._progress_locked(), records)

    # ---- stepping ----
    def next_item(self) -> BulkItem | None:
        """The item the run is at (waiting to be called, or paused on after a failure), or
        ``None`` once finished. After :meth:`cancel`, marks the rest not run and returns
        ``None``."""
        try:
            with self._lock:
                if self._cancel.is_set():
                    self._stop_locked()
                if self._cursor >= len(self._records):
                    return None
                return self._records[self._cursor].item
        finally:
            self._record_not_sent()

    def run_current(self) -> CallResult:
        """Make the current item's call (once). On ``ok`` the run moves on; on any other
        outcome it pauses on this item until :meth:`skip`, :meth:`retry` or :meth:`abort`.
        If the run was cancelled, nothing is sent and a ``CANCELLED`` result is returned."""
        return self._call(retrying=False, confirm_unknown=False)

    def retry(self, *, confirm_unknown: bool = False) -> CallResult:
        """Call the paused item again, because the caller asked. When its last outcome was
        ``unknown`` (it may have happened), ``confirm_unknown=True`` is required: the
        supervisor must have confirmed (raises :class:`BulkStateError` otherwise)."""
        return self._call(retrying=True, confirm_unknown=confirm_unknown)

    def skip(self) -> None:
        """Skip the current item (paused on a failure, or not called yet) and move on."""
        with self._lock:
            self._check_idle_locked()
            if self._cursor >= len(self._records):
                raise BulkStateError("The run is finished; there is nothing to skip.")
            self._records[self._cursor].state = ItemState.SKIPPED
            self._cursor += 1
            self._advance_locked()

    def cancel(self) -> None:
        """From any thread: stop before the next call. A call in flight is not cut short;
        every item not called yet is marked not run."""
        self._cancel.set()
        with self._lock:
            if not self._busy:
                self._stop_locked()
        self._record_not_sent()

    def abort(self) -> None:
        """Stop the run (the supervisor's choice at a pause, or any time): same as
        :meth:`cancel`. The paused item keeps its failed result."""
        self.cancel()

    def run_all(
        self,
        on_result: Callable[[int, BulkItem, CallResult], None] | None = None,
        *,
        stop_on_failure: bool = True,
    ) -> BulkSummary:
        """Run every remaining item in order (the CLI's loop). ``on_result(index, item,
        result)`` is called after each call. On a failure: abort the run
        (``stop_on_failure``) or skip the item and go on; never retry."""
        while True:
            item = self.next_item()
            if item is None:
                break
            with self._lock:
                index = self._cursor
            result = self.run_current()
            if on_result is not None:
                on_result(index, item, result)
            if result.reason is Reason.CANCELLED:
                break
            if not result.ok:
                if stop_on_failure:
                    self.abort()
                    break
                with self._lock:
                    # keep the FAILED state (it is a failure, not a choice to skip)
                    if self._cursor < len(self._records) and self._paused_locked():
                        self._cursor += 1
                        self._advance_locked()
        return self.summary()

    # ---- internals ----
    def _call(self, *, retrying: bool, confirm_unknown: bool) -> CallResult:
        try:
            return self._call_locked_steps(retrying=retrying, confirm_unknown=confirm_unknown)
        finally:
            self._record_not_sent()

    def _call_locked_steps(self, *, retrying: bool, confirm_unknown: bool) -> CallResult:
        with self._lock:
            self._check_idle_locked()
            if self._cancel.is_set():
                self._stop_locked()
                return cancelled_result()
            if self._cursor >= len(self._records):
                raise BulkStateError("The run is finished; there is nothing left to call.")
            record = self._records[self._cursor]
            paused = self._paused_locked()
            if retrying and not paused:
                raise BulkStateError("Retry is only possible on a campaign whose call failed.")
            if not retrying and paused:
                raise BulkStateError(
                    "The run is paused on a failed call: skip, retry or abort it first."
                )
            last = record.last_result
            if retrying and last is not None and last.outcome is Outcome.UNKNOWN and not (
                confirm_unknown
            ):
                raise BulkStateError(
                    "The last call for this campaign may have reached Wolkvox: retry only "
                    "after the supervisor confirmed (confirm_unknown=True)."
                )
            record.state = ItemState.RUNNING
            self._busy = True
            item = record.item
        try:
            result = self.service.campaign_action(
                self.action, item.ref, allow_over_budget=self.allow_over_budget,
                on_notice=self.on_notice,
            )
        except BaseException:  # e.g. KeyboardInterrupt mid-call: it may have been sent
            with self._lock:
                self._busy = False
                record.results.append(interrupted_result())
                record.state = ItemState.FAILED
                self._last = record.results[-1]
            raise
        speed_due = result.ok and self.action is Action.START and item.speed is not None
        with self._lock:
            self._busy = speed_due  # still busy while the plan's speed is being set
            record.results.append(result)
            self._last = result
            if result.ok:
                record.state = ItemState.OK
                self._cursor += 1
                self._advance_locked()
            else:
                record.state = ItemState.FAILED
            if self._cancel.is_set() and result.ok:
                self._stop_locked()
        if speed_due:
            try:
                speed = self._set_speed(item)
                with self._lock:
                    record.speed_result = speed
            finally:
                with self._lock:
                    self._busy = False
        return result

    def _set_speed(self, item: BulkItem) -> CallResult:
        """A start plan's speed, once its start succeeded: one call, never resent; a
        failure is told (``on_speed``, the summary) but does not stop the run (the campaign
        is started)."""
        assert item.speed is not None
        try:
            result = self.service.set_speed(item.ref, item.speed,
                                            allow_over_budget=self.allow_over_budget,
                                            on_notice=self.on_notice)
        except Exception:  # a bug must not lose the start's result
            log.exception("setting the speed of campaign %s", item.campaign_id)
            result = CallResult.unexpected()
        if self.on_speed is not None:
            self.on_speed(item, result)
        return result

    def _check_idle_locked(self) -> None:
        if self._busy:
            raise BulkStateError("A call of this run is already in flight.")

    def _paused_locked(self) -> bool:
        return (
            self._cursor < len(self._records)
            and self._records[self._cursor].state is ItemState.FAILED
        )

    def _advance_locked(self) -> None:
        while (
            self._cursor < len(self._records)
            and self._records[self._cursor].state is ItemState.IN_STATE
        ):
            self._cursor += 1

    def _stop_locked(self) -> None:
        for record in self._records[self._cursor :]:
            if record.state is ItemState.PENDING:
                record.state = ItemState.NOT_RUN
                self._not_sent.append(record.item)
        self._cursor = len(self._records)

    def _record_not_sent(self) -> None:
        """The campaigns a stopped run never called go to the history as not sent (they
        cost no token), so that the supervisor can find and start them later."""
        with self._lock:
            items, self._not_sent = self._not_sent, []
        store, server = self.service.store, self.service.server
        for item in items:
            try:
                row = store.begin_call(server, self.action, item.campaign_id,
                                       item.campaign_type, plan=self.service.plan_name)
                store.finish_call(row, not_run_result(item))
            except StoreError:
                log.exception("could not record campaign %s as not sent", item.campaign_id)

    def _progress_locked(self) -> BulkProgress:
        states = [r.state for r in self._records]
        finished = self._cursor >= len(self._records)
        return BulkProgress(
            total=len(states),
            done=sum(1 for s in states if s in _FINAL)
            + sum(1 for i, s in enumerate(states) if s is ItemState.FAILED
                  and (finished or i < self._cursor)),
            ok=states.count(ItemState.OK),
            failed=states.count(ItemState.FAILED),
            skipped=states.count(ItemState.SKIPPED),
            in_state=states.count(ItemState.IN_STATE),
            not_run=states.count(ItemState.NOT_RUN),
            current_index=None if finished else self._cursor,
            paused=self._paused_locked(),
            cancelled=self._cancel.is_set(),
            finished=finished,
        )

