"""Drives a core :class:`~wolkvox_desktop.core.bulk_run.BulkRun` from the GUI thread, one job
at a time, through the window's one job mechanism (:meth:`WorkerHandle.submit
<wolkvox_desktop.gui.worker.WorkerHandle.submit>`).

The runner starts no thread and never waits. Each step is a job on the BACKGROUND lane:
opening the run's own service (``ops.open(server)``: a fresh client behind the same
per-token gate as the window's calls, so aborting it never disturbs them), one job per
call (``run_current``, ``retry``, ``token_info``), and releasing the service
(``ops.close_service``) when the run is over. A step is asked for only once the previous
job has answered, so a run never has two calls at once; nothing is retried automatically,
and an ``unknown`` outcome is retried only with the supervisor's confirmation (the core's
rules, see :mod:`wolkvox_desktop.core.bulk`).

Signals (GUI thread)::

    ready(object Usage)            the service is open; today's use against the budget
    openFailed(object CallResult)  it could not be opened (no token, bad code, closing)
    itemStarted(int, str)          index in the plan, campaign id: its call is being made
    itemFinished(int, object)      index, the CallResult of that call
    paused(int, object)            index, CallResult: a failed call; waiting for skip(),
                                   retry(confirmed_unknown) or abort()
    refused(object CallResult)     the ``before_run`` hook said no: nothing was sent, the
                                   run did not begin (it may be begun again)
    finished(object BulkSummary)   the run is over (done, cancelled or aborted)
    tokenInfo(object CallResult)   the answer of check_tokens() (Wolkvox's own figure)
    listChecked(object CallResult) the answer of check_list() at a pause (the campaigns)
    usageChanged(object Usage)     today's use after the run or a token check
    notice(object Notice)          the call in flight waits for the token, or Wolkvox was
                                   busy and it is sent again after a pause

``before_run(ops, plan)``, when given (a shift plan's *Run now*), is a job of its own
before the first call: ``None`` lets the run go on; a ``CallResult`` refuses it (the plan
is already running elsewhere), and a job that fails refuses it too (nothing is sent
without the run's start recorded).

The runner is a child of the handle: it outlives its dialog until its service is released
(:meth:`dispose`), and it goes with the window's worker at the latest.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from wolkvox_desktop.core.bulk import BulkPlan
from wolkvox_desktop.core.bulk_run import BulkRun, BulkStateError, ItemState
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Notice, Outcome, Reason
from wolkvox_desktop.core.service import OperationService, Usage
from wolkvox_desktop.gui.jobs import Lane

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.gui.worker import WorkerHandle

log = logging.getLogger(__name__)

BeforeRun = Callable[["Operations", BulkPlan], "CallResult | None"]


def closing_result() -> CallResult:
    return CallResult(Outcome.INVALID, Reason.CANCELLED, "The app is closing; nothing was sent.")


@dataclass(frozen=True)
class _Opened:
    service: OperationService
    usage: Usage


class _Session:
    """The run's service as the opening job's thread sees it: a run stopped while its
    service was still opening has it released by that job itself."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._service: OperationService | None = None
        self._stopped = False

    def opened(self, ops: Operations, service: OperationService) -> bool:
        """Keep ``service``; False (and released here) when the run was stopped meanwhile."""
        with self._lock:
            if not self._stopped:
                self._service = service
                return True
        ops.close_service(service)
        return False

    def stop(self) -> OperationService | None:
        """No new service from now on; the one already opened, if any."""
        with self._lock:
            self._stopped = True
            return self._service


class BulkRunner(QObject):
    """One bulk run on one operation (see the module docstring)."""

    ready = Signal(object)
    openFailed = Signal(object)
    itemStarted = Signal(int, str)
    itemFinished = Signal(int, object)
    paused = Signal(int, object)
    refused = Signal(object)
    finished = Signal(object)
    tokenInfo = Signal(object)
    listChecked = Signal(object)
    usageChanged = Signal(object)
    notice = Signal(object)

    def __init__(self, handle: WorkerHandle, server: str, plan_name: str | None = None,
                 before_run: BeforeRun | None = None) -> None:
        super().__init__(handle)
        self.setObjectName("bulkRunner")
        self._handle = handle
        self.server = server
        self.plan_name = plan_name  # a shift plan's run: its history rows carry the name
        self._before_run = before_run
        self._session = _Session()
        self._service: OperationService | None = None
        self._run: BulkRun | None = None
        self._in_flight = False  # a job of ours (opening, a call) has not answered yet
        self._done = False
        self._stop_after_call = False  # cancel() during a call: once it has answered
        self._stopping = False
        self._disposed = False

    # ------------------------------------------------------------ state
    @property
    def busy(self) -> bool:
        """The opening or a call is in flight: no other step may start."""
        return self._in_flight

    @property
    def run(self) -> BulkRun | None:
        return self._run

    def is_running(self) -> bool:
        return self._run is not None and not self._done

    def not_sent_yet(self) -> int:
        """Campaigns of the run not called yet (the one in flight is not counted)."""
        run = self._run
        if run is None:
            return 0
        current = run.progress().current_index if self._in_flight else None
        return sum(1 for i, r in enumerate(run.records())
                   if r.state is ItemState.PENDING and i != current)

    def _notice(self, news: Notice) -> None:
        """From the call's job thread: the call waits for the token, or a resend comes."""
        try:
            self.notice.emit(news)
        except RuntimeError:  # closing
            pass

    # ------------------------------------------------------------ control (GUI thread)
    def start(self) -> None:
        """Open the run's service; ``ready`` or ``openFailed`` follows."""
        session, server, plan_name = self._session, self.server, self.plan_name

        def open_service(ops: Operations) -> _Opened | CallResult | None:
            try:
                service = ops.open(server)
            except InvalidInput as exc:
                return CallResult.invalid(exc)
            service.plan_name = plan_name
            if not session.opened(ops, service):
                return None
            return _Opened(service, ops.usage(server))

        self._submit(open_service, self._on_opened, f"opening operation {server} for a bulk run")

    def begin(self, plan: BulkPlan, allow_over_budget: bool = False) -> bool:
        """Start the run (once); False when the service is not open or a job is in flight."""
        if self._service is None or self._run is not None or self._in_flight or self._stopping:
            return False
        run = BulkRun(self._service, plan, allow_over_budget=allow_over_budget,
                      on_notice=self._notice)
        self._run = run
        hook = self._before_run
        if hook is None:
            self._step()
            return True

        def begin(ops: Operations) -> CallResult | None:
            try:
                return hook(ops, plan)
            finally:
                if run.cancelled:  # stopped meanwhile (closing): record what was not sent
                    run.next_item()

        self._submit(begin, lambda value: self._on_begun(run, value),
                     "recording the start of a plan's run")
        return True

    def skip(self) -> None:
        """Skip the campaign the run is paused on, and go on."""
        run = self._run
        if run is None or self._done or self._in_flight or not run.paused:
            return
        run.skip()
        self._step()

    def retry(self, confirmed_unknown: bool = False) -> None:
        """Call the paused campaign again (the supervisor asked). For an ``unknown``
        outcome ``confirmed_unknown`` must be ``True``: they checked the campaign."""
        run = self._run
        if run is None or self._done or self._in_flight or not run.paused or run.cancelled:
            return
        if run.last_outcome is Outcome.UNKNOWN and not confirmed_unknown:
            return  # never without the supervisor's confirmation
        self._call(lambda: run.retry(confirm_unknown=confirmed_unknown))

    def cancel(self) -> None:
        """Stop before the next call (or at a pause: abort). The call already announced
        (``itemStarted``) is made, finishes and is shown first."""
        run = self._run
        if run is None or self._done:
            return
        if self._in_flight:
            self._stop_after_call = True
            return
        self._end(run)

    def abort(self) -> None:
        """The supervisor's *Stop the run* at a pause: the same as :meth:`cancel`."""
        self.cancel()

    def check_tokens(self) -> bool:
        """Ask Wolkvox for today's token use (costs one token); ``tokenInfo`` follows.
        Never during a run, nor beside another call."""
        service = self._service
        if service is None or self._in_flight or self._run is not None or self._stopping:
            return False

        def ask(_ops: Operations) -> CallResult:
            return service.token_info()

        self._submit(ask, self._on_token_info, "asking Wolkvox for the token count")
        return True

    def check_list(self) -> bool:
        """At a pause: ask Wolkvox for the campaign list (costs one token), to learn whether
        a call with an unknown outcome happened; ``listChecked`` follows. The list is kept,
        as a refresh keeps it (the window shows it)."""
        service, run = self._service, self._run
        if (service is None or run is None or self._in_flight or self._done
                or not run.paused or self._stopping):
            return False

        def ask(_ops: Operations) -> CallResult:
            return service.refresh_campaigns(allow_over_budget=run.allow_over_budget)

        def answered(value: Any) -> None:
            if not self._stopping:
                self.listChecked.emit(
                    value if isinstance(value, CallResult) else CallResult.unexpected())

        self._submit(ask, answered, "checking the campaign list at a pause")
        return True

    def stop(self) -> None:
        """Closing: stop the run now. A call in flight is aborted (recorded as unknown: it
        may have reached Wolkvox; its job then records the campaigns never sent). Without
        one, they are recorded here, on the GUI thread: the window is closing and its
        worker takes no new job. The service is released once no job of ours uses it."""
        self._stopping = True
        opened = self._session.stop()
        if self._service is None:
            self._service = opened
        run = self._run
        if run is not None and not self._done:
            if self._in_flight and self._service is not None:
                run.cancel()  # a call in flight: nothing recorded here (its job does it)
                try:
                    self._service.client.abort()  # thread-safe; the window's own is untouched
                except Exception:  # noqa: BLE001 - closing goes on
                    log.exception("aborting the bulk run's call failed")
            elif not self._in_flight:
                run.cancel()  # the campaigns not sent yet go to the history as not sent
                self._finish(run)
        self._release()

    def dispose(self) -> None:
        """The dialog is gone: stop, and delete this runner once nothing of it runs."""
        self._disposed = True
        self.stop()
        self._maybe_delete()

    # ------------------------------------------------------------ steps
    def _submit(self, job: Callable[[Operations], Any], done: Callable[[Any], None],
                what: str) -> None:
        def answered(value: Any) -> None:
            self._in_flight = False
            done(value)
            self._release()  # only once stopping, and when nothing else is in flight
            self._maybe_delete()

        self._in_flight = True
        self._handle.submit(job, lane=Lane.BACKGROUND, done=answered, owner=self, what=what)

    def _step(self) -> None:
        run = self._run
        if run is None or self._done or self._in_flight:
            return
        if run.cancelled:
            self._end(run)
            return
        if run.paused:
            return  # waiting for skip / retry / abort
        if run.next_item() is None:  # not cancelled: a read
            self._finish(run)
            return
        self._call(run.run_current)

    def _end(self, run: BulkRun) -> None:
        """Stop the run; the campaigns not sent yet go to the history as not sent (store
        writes: a job), then ``finished``."""
        self._submit(lambda _ops: run.cancel(), lambda _value: self._finish(run),
                     "ending a bulk run")

    def _call(self, call: Callable[[], CallResult]) -> None:
        run = self._run
        assert run is not None
        index = run.progress().current_index
        assert index is not None
        item = run.items[index]
        calls_before = len(run.records()[index].results)

        def make_call(_ops: Operations) -> CallResult:
            try:
                return call()
            except BulkStateError:
                log.exception("the bulk run refused a step")
                return CallResult.unexpected()
            finally:
                if run.cancelled:  # stopped meanwhile (closing): record what was not sent
                    run.next_item()

        self.itemStarted.emit(index, item.campaign_id)
        self._submit(make_call, lambda value: self._on_call_done(run, index, calls_before, value),
                     f"the bulk {run.action.value} of campaign {item.campaign_id}")

    def _on_call_done(self, run: BulkRun, index: int, calls_before: int, value: Any) -> None:
        if isinstance(value, CallResult):
            result = value
        elif len(run.records()[index].results) > calls_before:
            result = run.last_result or CallResult.unexpected()  # recorded by the run
        else:  # the job never ran (the app is closing): nothing was sent
            self._stop_after_call = True
            result = closing_result()
        self.itemFinished.emit(index, result)
        if self._stop_after_call or run.cancelled:
            self._end(run)  # the rest: not sent
        elif result.ok:
            self._step()  # the next campaign
        else:
            self.paused.emit(index, result)

    def _on_begun(self, run: BulkRun, value: Any) -> None:
        if value is None:  # begun
            if run.cancelled:  # closing meanwhile: its job recorded what was not sent
                self._finish(run)
            elif self._stop_after_call:  # Stop asked meanwhile: before the first call
                self._end(run)
            else:
                self._step()
            return
        self._run = None  # not begun: nothing was sent, it may be begun again
        if not isinstance(value, CallResult):  # the job failed (logged where it did)
            value = CallResult(Outcome.INVALID, Reason.STORE_FAILURE,
                               "The start of the run could not be recorded; nothing was sent.")
        if not self._stopping:
            self.refused.emit(value)

    def _finish(self, run: BulkRun) -> None:
        if self._done:
            return
        self._done = True
        self.finished.emit(run.summary())
        if not self._stopping:
            self._read_usage()
        self._stopping = True  # the run is over: its service goes
        self._release()

    def _read_usage(self) -> None:
        server = self.server

        def usage(ops: Operations) -> Usage:
            return ops.usage(server)

        def done(value: Any) -> None:
            if isinstance(value, Usage):
                self.usageChanged.emit(value)

        self._handle.submit(usage, lane=Lane.STORE, done=done, owner=self,
                            what="reading today's token use")

    def _release(self) -> None:
        """Close the service once stopping and nothing of ours is in flight on it."""
        service = self._service
        if not self._stopping or self._in_flight or service is None:
            return
        self._service = None
        self._session.stop()

        def close(ops: Operations) -> None:
            ops.close_service(service)

        self._handle.submit(close, lane=Lane.BACKGROUND, what="closing a bulk run's service")

    def _maybe_delete(self) -> None:
        if self._disposed and not self._in_flight and self._service is None:
            self.deleteLater()

    # ------------------------------------------------------------ answers
    def _on_opened(self, value: Any) -> None:
        if isinstance(value, _Opened):
            self._service = value.service
            if not self._stopping:
                self.ready.emit(value.usage)
            return
        if value is None:  # stopped while opening: the job released the service itself
            return
        if not isinstance(value, CallResult):  # logged where it happened
            value = CallResult.unexpected()
        if not self._stopping:
            self.openFailed.emit(value)

    def _on_token_info(self, value: Any) -> None:
        if self._stopping:
            return
        result = value if isinstance(value, CallResult) else CallResult.unexpected()
        self.tokenInfo.emit(result)
        self._read_usage()
