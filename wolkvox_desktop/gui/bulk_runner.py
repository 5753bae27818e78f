"""Drives a core :class:`~wolkvox_desktop.core.bulk.BulkRun` from its own QThread.

The GUI thread never waits: it creates a :class:`BulkRunner`, which moves itself to a fresh
:class:`QThread`, opens the operation's service there (keyring, store), and from then on
talks only through signals. Every call goes through ``OperationService`` and its client,
whose token gate is the process-wide one (``core.context.gate_for`` →
``core.limits.shared_gate()``), so the main window's single Start/Stop and a bulk run
together never exceed the operation's calls in flight.

Signals (all emitted from the runner's thread, delivered queued to GUI receivers)::

    ready(object Usage)            the service is open; today's use against the budget
    openFailed(object CallResult)  the service could not be opened (no token, bad code ...)
    itemStarted(int, str)          index in the plan, campaign id: its call is being made
    itemFinished(int, object)      index, CallResult of that call
    paused(int, object)            index, CallResult: a failed call; waiting for the user
                                   to skip(), retry() or abort()
    finished(object BulkSummary)   the run is over (done, cancelled or aborted)
    tokenInfo(object CallResult)   the answer of checkTokens() (Wolkvox's own figure)
    usageChanged(object Usage)     today's use after the run or a token check

Control, from the GUI thread (each is thread-safe and returns at once):
``begin(plan, allow_over_budget)``, ``skip()``, ``retry(confirmed_unknown)`` (never
automatic; for an ``unknown`` outcome the caller must pass ``True`` after the supervisor
confirmed), ``abort()`` (end the run at a pause), ``cancel()`` (stop before the next call),
``checkTokens()``, and ``shutdown(wait_ms)`` for closing: cancel, abort the client's call in
flight, quit the thread and wait for it, bounded.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from wolkvox_desktop.core.bulk import BulkPlan, BulkRun, BulkStateError
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason
from wolkvox_desktop.core.service import OperationService

log = logging.getLogger(__name__)

ServiceFactory = Callable[[], OperationService]
ServiceCloser = Callable[[OperationService], None]

# Runners whose thread outlived the bounded wait at shutdown stay referenced (with their
# QThread) so that neither is destroyed while running; pruned once their thread ended.
_lingering: list[BulkRunner] = []


def _unexpected(what: str) -> CallResult:
    return CallResult(
        Outcome.UNKNOWN,
        Reason.UNEXPECTED,
        f"Something went wrong inside Wolkvox Desktop while {what}. Refresh the campaign "
        "list before trying again.",
    )


def _close_client(service: OperationService) -> None:
    service.client.close()


class BulkRunner(QObject):
    """One bulk run's worker object, living in its own thread (see the module docstring).

    ``open_service`` is called in the runner's thread and returns a service the runner owns
    for the run (``core.context.open_operation(...)``); ``close_service`` releases it
    (default: ``service.client.close()``).
    """

    ready = Signal(object)
    openFailed = Signal(object)
    itemStarted = Signal(int, str)
    itemFinished = Signal(int, object)
    paused = Signal(int, object)
    finished = Signal(object)
    tokenInfo = Signal(object)
    usageChanged = Signal(object)

    # internal: queued into the runner's thread
    _beginRequested = Signal(object, bool)
    _stepRequested = Signal()
    _skipRequested = Signal()
    _retryRequested = Signal(bool)
    _abortRequested = Signal()
    _tokensRequested = Signal()

    def __init__(
        self,
        open_service: ServiceFactory,
        *,
        close_service: ServiceCloser | None = None,
    ) -> None:
        super().__init__()
        self._open_service = open_service
        self._close_service = close_service or _close_client
        self._service: OperationService | None = None
        self._run: BulkRun | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._in_call = False
        self._done = False
        self._service_closed = False

        self.thread_ = QThread()
        self.thread_.setObjectName("bulkRunnerThread")
        self.moveToThread(self.thread_)
        queued = Qt.ConnectionType.QueuedConnection
        self.thread_.started.connect(self._open, queued)
        self._beginRequested.connect(self._begin, queued)
        self._stepRequested.connect(self._step, queued)
        self._skipRequested.connect(self._skip, queued)
        self._retryRequested.connect(self._retry, queued)
        self._abortRequested.connect(self._abort, queued)
        self._tokensRequested.connect(self._check_tokens, queued)

    # ------------------------------------------------------------ control (any thread)
    def start(self) -> None:
        """Start the thread; ``ready`` or ``openFailed`` follows."""
        self.thread_.start()

    def begin(self, plan: BulkPlan, allow_over_budget: bool = False) -> None:
        self._beginRequested.emit(plan, bool(allow_over_budget))

    @Slot()
    def skip(self) -> None:
        self._skipRequested.emit()

    @Slot(bool)
    def retry(self, confirmed_unknown: bool = False) -> None:
        """Call the paused campaign again (the supervisor asked). For an ``unknown``
        outcome, ``confirmed_unknown`` must be ``True``: the supervisor confirmed they
        checked the campaign."""
        self._retryRequested.emit(bool(confirmed_unknown))

    @Slot()
    def abort(self) -> None:
        """End the run (the supervisor's *Abort* at a pause, or any time): no further call."""
        run = self._run
        if run is not None:
            run.abort()
        self._abortRequested.emit()

    @Slot()
    def cancel(self) -> None:
        """Stop before the next call; a call in flight finishes and is recorded."""
        run = self._run
        if run is not None:
            run.cancel()
        self._stepRequested.emit()

    @Slot()
    def checkTokens(self) -> None:  # noqa: N802 - Qt naming, like the signals
        """Ask Wolkvox for today's token use (costs one token); ``tokenInfo`` follows."""
        self._tokensRequested.emit()

    def is_running(self) -> bool:
        return self._run is not None and not self._done

    def shutdown(self, wait_ms: int = 5000) -> bool:
        """Closing: cancel, abort the call in flight, quit the thread and wait (bounded).

        Returns ``True`` when the thread ended within ``wait_ms``. Otherwise the thread is
        kept referenced until it ends (never destroyed while running).
        """
        self._stopping.set()
        run = self._run
        if run is not None:
            run.cancel()
        service = self._service
        with self._lock:
            in_call = self._in_call
        if service is not None and in_call:
            try:
                service.client.abort()
            except Exception:  # never let closing fail
                log.exception("aborting the bulk run's client failed")
        self._stepRequested.emit()  # lets a paused run end (and close its service)
        thread = self.thread_
        if not thread.isRunning():
            self._release()
            return True
        thread.quit()
        if thread.wait(wait_ms):
            self._release()  # a step posted after quit() never ran: release here
            return True
        log.warning("bulk runner thread still busy after %d ms; letting it finish", wait_ms)
        _lingering[:] = [r for r in _lingering if r.thread_.isRunning()]
        _lingering.append(self)
        return False

    # ------------------------------------------------------------ runner thread
    @Slot()
    def _open(self) -> None:
        try:
            service = self._open_service()
        except InvalidInput as exc:
            self.openFailed.emit(CallResult.invalid(exc))
            return
        except Exception:
            log.exception("opening the operation for a bulk run failed")
            self.openFailed.emit(_unexpected("opening the operation"))
            return
        self._service = service
        if self._stopping.is_set():
            self._release()
            return
        try:
            usage = service.usage()
        except Exception:
            log.exception("reading today's usage failed")
            self.openFailed.emit(_unexpected("reading today's token use"))
            return
        self.ready.emit(usage)

    @Slot(object, bool)
    def _begin(self, plan: BulkPlan, allow_over_budget: bool) -> None:
        if self._service is None or self._run is not None or self._stopping.is_set():
            return
        self._run = BulkRun(self._service, plan, allow_over_budget=allow_over_budget)
        self._step()

    @Slot()
    def _step(self) -> None:
        run = self._run
        if run is None:
            if self._stopping.is_set():
                self._release()
            return
        if self._done:
            return
        if self._stopping.is_set():
            run.cancel()
        if run.paused and not run.cancelled:
            return  # waiting for skip / retry / abort
        item = run.next_item()
        if item is None:
            self._finish()
            return
        progress = run.progress()
        index = progress.current_index if progress.current_index is not None else 0
        self._call(index, item.campaign_id, run.run_current)

    @Slot()
    def _skip(self) -> None:
        run = self._run
        if run is None or self._done or not run.paused:
            return
        try:
            run.skip()
        except BulkStateError:
            log.exception("skip refused")
            return
        self._step()

    @Slot(bool)
    def _retry(self, confirmed_unknown: bool) -> None:
        run = self._run
        if run is None or self._done or not run.paused or run.cancelled:
            return
        if run.last_outcome is Outcome.UNKNOWN and not confirmed_unknown:
            return  # never retry an unknown outcome without the supervisor's confirmation
        progress = run.progress()
        index = progress.current_index if progress.current_index is not None else 0
        item = run.items[index]
        self._call(
            index, item.campaign_id, lambda: run.retry(confirm_unknown=confirmed_unknown)
        )

    @Slot()
    def _abort(self) -> None:
        run = self._run
        if run is None or self._done:
            return
        run.abort()
        self._step()

    def _call(self, index: int, campaign_id: str, call: Callable[[], CallResult]) -> None:
        run = self._run
        assert run is not None
        self.itemStarted.emit(index, campaign_id)
        with self._lock:
            self._in_call = True
        try:
            result = call()
        except BulkStateError:
            log.exception("bulk run refused a step")
            result = _unexpected("running the campaign list")
        except Exception:  # e.g. the store closed under us: the run records it as unknown
            log.exception("a bulk call failed unexpectedly")
            result = run.last_result or _unexpected("calling Wolkvox")
        finally:
            with self._lock:
                self._in_call = False
        self.itemFinished.emit(index, result)
        if run.cancelled or result.reason is Reason.CANCELLED:
            self._step()  # ends the run: nothing else is called
        elif result.ok:
            self._stepRequested.emit()  # let queued cancel/abort/shutdown in first
        else:
            self.paused.emit(index, result)

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        run = self._run
        assert run is not None
        summary = run.summary()
        usage = None
        if self._service is not None and not self._stopping.is_set():
            try:
                usage = self._service.usage()
            except Exception:
                log.exception("reading today's usage failed")
        self._release()
        self.finished.emit(summary)
        if usage is not None:
            self.usageChanged.emit(usage)

    @Slot()
    def _check_tokens(self) -> None:
        service = self._service
        if service is None or self._service_closed or self._stopping.is_set():
            return
        if self._run is not None and not self._done:
            return  # never in the middle of a run
        with self._lock:
            self._in_call = True
        try:
            result = service.token_info()
        except Exception:
            log.exception("token_info failed")
            result = _unexpected("asking Wolkvox for the token count")
        finally:
            with self._lock:
                self._in_call = False
        self.tokenInfo.emit(result)
        try:
            self.usageChanged.emit(service.usage())
        except Exception:
            log.exception("reading today's usage failed")

    def _release(self) -> None:
        if self._service is None or self._service_closed:
            return
        self._service_closed = True
        try:
            self._close_service(self._service)
        except Exception:
            log.exception("closing the bulk run's service failed")


def worker_service_opener(worker: object, server: str) -> ServiceFactory:
    """How a bulk run (or a token check) opens its own service: through the worker's front
    door (its token rule, API base, gate and observed store), as a *fresh* service (its own
    client, so aborting it never disturbs the window's calls). Raises ``InvalidInput``."""

    def open_service() -> OperationService:
        ops = getattr(worker, "operations", None)
        if ops is None:
            raise InvalidInput(Reason.CANCELLED, "The local database is not available.")
        service: OperationService = ops.open(server)
        return service

    return open_service
