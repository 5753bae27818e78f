"""The GUI's only way to the core: a worker object in its own QThread, running jobs.

The window never waits on I/O. Everything it needs from the core is a :class:`~wolkvox_
desktop.gui.jobs.Job` run by this worker through the front door (:class:`~wolkvox_desktop.
core.operations.Operations`, which alone resolves tokens, opens services and counts
usage): the single Start/Stop and refreshes, bulk runs, History queries, Settings' save and
test. Store jobs run in order on the worker's thread; jobs that may wait run on threads of
their own, so the worker's event loop (and therefore closing) always stays responsive.

Worker signals (plain Python values, emitted from the worker thread):

* ``operationsChanged(list[Operation])``
* ``operationState(OperationState)``: campaigns, refresh time, usage and history of one
  operation; emitted on selection, when a call starts and when it ends.
* ``callFinished(CallDone)``: the answer to an :class:`ActionRequest`/:class:`RefreshRequest`.
* ``callNotice(int, Notice)``: news of a request still in flight (its id): waiting for
  another call with the token, or Wolkvox busy and a resend coming.
* ``tokenSourcesChanged(dict[str, TokenSource])``, ``backendStatusChanged(BackendStatus)``
* ``saveFinished(SaveOutcome)``, ``testFinished(CallResult)``
* ``problem(str)``: something outside a call went wrong (English sentence, logged).
* ``storeRecovered(Recovery)``: the data file was rebuilt after damage and no person has
  seen it yet (``core.store.notices.Recovery``); emitted whenever the store opens or
  reopens a file with such a rebuild (the window says it once and marks it seen).
* ``jobFinished(int, object)``: a submitted job's value (for :class:`WorkerHandle`).
"""

from __future__ import annotations

import atexit
import itertools
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from wolkvox_desktop.gui.job_threads import BackgroundThreads, any_job_thread_alive
from wolkvox_desktop.gui.worker_config import WorkerConfig

if TYPE_CHECKING:
    # Imported where used, mostly on the worker thread: the store with sqlite3, uuid and
    # hashlib (~12 ms), the front door, the core's values (enums, dataclasses) and the
    # requests and answers of gui.calls stay off the window's first frame.
    from wolkvox_desktop.core.errors import CallResult, Notice
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.core.store import Operation, Store
    from wolkvox_desktop.core.store.notices import RecoveryNotice
    from wolkvox_desktop.gui.calls import ActionRequest, RefreshRequest
    from wolkvox_desktop.gui.jobs import Job, Lane

log = logging.getLogger(__name__)

HISTORY_LIMIT = 200
SHUTDOWN_JOIN_S = 2.0
_calling = threading.local()  # .own: this thread makes one of the window's single calls


class Worker(QObject):
    operationsChanged = Signal(object)
    operationState = Signal(object)
    callFinished = Signal(object)
    callNotice = Signal(int, object)
    tokenSourcesChanged = Signal(object)
    backendStatusChanged = Signal(object)
    saveFinished = Signal(object)
    testFinished = Signal(object)
    problem = Signal(str)
    storeRecovered = Signal(object)
    jobFinished = Signal(int, object)

    # internal: a BACKGROUND job ended (delivered to the worker thread); a row began/ended
    _backgroundDone = Signal(int, object, object)
    _storeTouched = Signal(str)

    def __init__(self, config: WorkerConfig) -> None:
        super().__init__()
        self.config = config
        self.operations: Operations | None = None
        self._store: Store | None = None
        self._listening = False  # a recovery listener is added (see start)
        self._lock = threading.Lock()
        self._threads = BackgroundThreads()
        self._active_rows: dict[int, str] = {}  # history row id -> server, calls in flight
        self._own_rows: set[int] = set()  # rows of the window's own single calls
        self._stopping = False
        # the --server operation when it is not saved but has a token (this session only)
        self.session_operation: Operation | None = None
        self._backgroundDone.connect(self._on_background_done)
        self._storeTouched.connect(self._emit_state)

    # ---------------------------------------------------- any thread
    def abort_all(self) -> None:
        """Every call in flight returns promptly; no new one starts (any thread)."""
        with self._lock:
            self._stopping = True
        if self.operations is not None:
            self.operations.abort_all()

    def in_flight(self) -> int:
        """BACKGROUND jobs still running."""
        return self._threads.running()

    # ---------------------------------------------------- slots (worker thread)
    @Slot()
    def start(self) -> None:
        threading.current_thread().name = "wolkvox-worker"  # for the log lines
        if self.config.prepare is not None:
            try:
                self.config.prepare(self.config)  # the demo's simulator
            except Exception:  # noqa: BLE001 - the window must still open and say why
                log.exception("preparing the worker failed")
                self.problem.emit("The demo could not be started. The log file has the details.")
                return
        try:
            from wolkvox_desktop.core.credentials import Credentials
            from wolkvox_desktop.core.operations import Operations
            from wolkvox_desktop.core.store import Store
            from wolkvox_desktop.core.store.connection import add_recovery_listener
            from wolkvox_desktop.gui.observed_store import ObservedStore

            add_recovery_listener(self._on_recovery_notice)
            self._listening = True
            self._store = Store(self.config.store_path)
            for op in self.config.seed_operations:
                self._store.upsert_operation(op)
            demo = self.config.demo
            credentials = Credentials(use_env=self.config.use_env and not demo,
                                      use_keyring=not demo)
            for server, token in self.config.session_tokens.items():
                credentials.set_session_token(server, token)
            observed = ObservedStore(self._store, self._row_began, self._row_finished)
            self.operations = Operations(
                observed,  # type: ignore[arg-type] # the store, observed
                credentials,
                api_base=self.config.api_base,
                use_env=self.config.use_env,
            )
        except Exception:  # noqa: BLE001 - the window must still open and say why
            log.exception("cannot open the store at %s", self.config.store_path)
            self.problem.emit(
                "The local database could not be opened. The log file has the details."
            )
            return
        from wolkvox_desktop.gui.settings import settings_jobs

        session = self.config.session_server
        if session is not None and self._store.operation(session) is None:
            # listed with the saved ones once we know it has a token (may read the keyring)
            self.run(settings_jobs.session_operation_job(self))
        else:
            self.emit_operations()
        # token sources and the keyring's status come with the settings info, which the
        # window asks for once it is on screen (the keyring import stays off start-up)

    @Slot(int, object)
    def runJob(self, job_id: int, job: Job) -> None:  # noqa: N802 - Qt naming
        """Run a job on its lane; ``jobFinished(job_id, value)`` follows."""
        self.run(job, job_id)

    @Slot()
    def _on_recovery_notice(self, notice: RecoveryNotice) -> None:
        """A store of this process opened the data file with an unseen rebuild (any
        thread)."""
        if Path(notice.path) == Path(self.config.store_path):
            self.storeRecovered.emit(notice.recovery)

    def shutdown(self) -> None:
        """Abort in-flight calls, wait for them a bounded time, release what can be."""
        if self._listening:
            from wolkvox_desktop.core.store.connection import remove_recovery_listener

            remove_recovery_listener(self._on_recovery_notice)
            self._listening = False
        self.abort_all()
        alive = self._threads.join(SHUTDOWN_JOIN_S)
        if alive:
            log.warning("calls still running at shutdown: %s", alive)
            return  # the store stays open for them; the process exit ends them
        if self.operations is not None:
            self.operations.close()
        if self._store is not None:
            try:
                self._store.close()
            except Exception:  # noqa: BLE001
                log.exception("store close failed")
            self._store = None

    # ---------------------------------------------------- running jobs (worker thread)
    def run(self, job: Job, job_id: int = 0) -> None:
        from wolkvox_desktop.gui.jobs import JobFailed, Lane, execute

        ops = self.operations
        with self._lock:
            stopping = self._stopping
        if ops is None or stopping:
            why = "the app is closing" if stopping else "the local database is not available"
            self._finish(job_id, job, JobFailed(job.what, why))
            return
        if job.lane is Lane.STORE:
            self._finish(job_id, job, execute(job, ops))
            return

        def background() -> None:
            value = execute(job, ops)
            try:
                self._backgroundDone.emit(job_id, job, value)
            except RuntimeError:  # the worker is gone (app closing)
                pass

        self._threads.start(background)

    @Slot(int, object, object)
    def _on_background_done(self, job_id: int, job: Job, value: Any) -> None:
        self._finish(job_id, job, value)

    def _finish(self, job_id: int, job: Job, value: Any) -> None:
        if job.then is not None:
            try:
                job.then(value)
            except Exception:  # noqa: BLE001
                log.exception("handling the end of %s failed", job.what)
        if job_id:
            self.jobFinished.emit(job_id, value)

    # ---------------------------------------------------- the window's own jobs
    def select_job(self, server: str) -> Job:
        from wolkvox_desktop.gui.jobs import Job, Lane

        return Job(lambda ops: None, Lane.STORE, lambda _v: self._emit_state(server),
                   "reading an operation")

    def action_job(self, request: ActionRequest | RefreshRequest) -> Job:
        """A single start, stop or refresh, then its answer and a fresh state."""
        from wolkvox_desktop.gui.jobs import Job, Lane

        def notice(news: Notice) -> None:
            try:
                self.callNotice.emit(request.id, news)
            except RuntimeError:  # closing
                pass

        def call(ops: Operations) -> CallResult:
            _calling.own = True  # its history rows are the window's own (see _row_finished)
            try:
                return calling(ops)
            finally:
                _calling.own = False

        def calling(ops: Operations) -> CallResult:
            from wolkvox_desktop.core.errors import CallResult, InvalidInput
            from wolkvox_desktop.gui.calls import ActionRequest

            try:
                service = ops.service(request.server)
            except InvalidInput as exc:
                return CallResult.invalid(exc)
            if isinstance(request, ActionRequest):
                return service.campaign_action(
                    request.action, request.campaign,
                    allow_over_budget=request.allow_over_budget, on_notice=notice,
                )
            return service.refresh_campaigns(
                allow_over_budget=request.allow_over_budget, on_notice=notice
            )

        def then(value: Any) -> None:
            from wolkvox_desktop.core.errors import CallResult, Reason
            from wolkvox_desktop.gui.calls import CallDone
            from wolkvox_desktop.gui.settings import settings_jobs

            result = value if isinstance(value, CallResult) else CallResult.unexpected()
            self.callFinished.emit(CallDone(request, result))
            self._emit_state(request.server)
            if result.reason in (Reason.NO_TOKEN, Reason.INVALID_TOKEN):
                self.run(settings_jobs.settings_info_job(self))

        return Job(call, Lane.BACKGROUND, then, f"the call {request!r}")

    def campaign_list_job(self, server: str, add: Any = None, remove: str | None = None) -> Job:
        """Add a campaign to the list by hand, or remove one (no token used)."""
        from wolkvox_desktop.gui.jobs import Job, JobFailed, Lane

        def change(ops: Operations) -> None:
            if add is not None:
                ops.store.add_manual_campaign(server, add)
            if remove is not None:
                ops.store.remove_manual_campaign(server, remove)

        def then(value: Any) -> None:
            if isinstance(value, JobFailed):
                self.problem.emit("The campaign list could not be changed.")
            self._emit_state(server)

        return Job(change, Lane.STORE, then, "changing the campaign list")

    # ---------------------------------------------------- state (worker thread)
    def emit_operations(self) -> None:
        ops = self.operations
        if ops is None:
            return
        try:
            operations: list[Operation] = ops.store.operations()
        except Exception:  # noqa: BLE001
            log.exception("reading operations failed")
            operations = []
        extra = self.session_operation
        if extra is not None and extra.server not in {op.server for op in operations}:
            operations.append(extra)
        self.operationsChanged.emit(operations)

    @Slot(str)
    def _emit_state(self, server: str) -> None:
        ops = self.operations
        if ops is None or not server:
            return
        from wolkvox_desktop.gui.calls import OperationState

        try:
            store = ops.store
            with self._lock:
                active = frozenset(r for r, s in self._active_rows.items() if s == server)
            state = OperationState(
                server=server,
                operation=store.operation(server),
                campaigns=store.campaigns(server),
                refreshed_at=store.campaigns_refreshed_at(server),
                usage=ops.usage(server),
                history=store.history(server=server, limit=HISTORY_LIMIT),
                active_rows=active,
            )
        except Exception:  # noqa: BLE001
            log.exception("reading operation %s failed", server)
            self.problem.emit("The saved campaigns and history could not be read.")
            return
        self.operationState.emit(state)

    def _row_began(self, server: str, row_id: int) -> None:
        with self._lock:
            self._active_rows[row_id] = server
            if getattr(_calling, "own", False):
                self._own_rows.add(row_id)
        self._touch(server)

    def _row_finished(self, row_id: int) -> None:
        with self._lock:
            server = self._active_rows.pop(row_id, None)
            own = row_id in self._own_rows
            self._own_rows.discard(row_id)
        # The window's own single call is followed by its callFinished and a fresh state
        # (in that order, so the window is idle before it shows the answer's effects);
        # anyone else's call (a bulk run's) needs a touch here.
        if server and not own:
            self._touch(server)

    def _touch(self, server: str) -> None:
        try:
            self._storeTouched.emit(server)
        except RuntimeError:
            pass


# ---------------------------------------------------------------- the GUI-side handle
class WorkerHandle(QObject):
    """Lives in the GUI thread: owns the worker's thread and hands it jobs.

    :meth:`submit` is the one way for a widget to get background work done; its ``done``
    callback runs on the GUI thread (never after ``owner`` is deleted). The named methods
    below are the window's own requests; their answers come through ``handle.worker``'s
    signals (connect GUI slots decorated ``@Slot``).
    """

    _start = Signal()
    _job = Signal(int, object)
    _shutdown = Signal()

    def __init__(self, config: WorkerConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None], QObject | None]] = {}
        self.thread = QThread()
        self.thread.setObjectName("wolkvox-worker")
        self.worker = Worker(config)
        self.worker.moveToThread(self.thread)
        self._start.connect(self.worker.start)
        self._job.connect(self.worker.runJob)
        self._shutdown.connect(self.worker.shutdown, Qt.ConnectionType.BlockingQueuedConnection)
        self.worker.jobFinished.connect(self._on_job_finished)
        self._closed = False

    def start(self) -> None:
        self.thread.start()
        self._start.emit()
        _LIVE.append(self)  # never garbage-collected with its thread running
        app = QCoreApplication.instance()
        if app is not None:  # a process that quits without closing the window first
            app.aboutToQuit.connect(self.shutdown)

    def next_id(self) -> int:
        return next(self._ids)

    # ---- the one way to background work ----
    def submit(
        self,
        run: Callable[[Operations], Any],
        *,
        lane: Lane | None = None,
        done: Callable[[Any], None] | None = None,
        owner: QObject | None = None,
        what: str = "a background job",
    ) -> int:
        """Run ``run(operations)`` on ``lane``; ``done(value)`` follows on the GUI thread
        (a :class:`~wolkvox_desktop.gui.jobs.JobFailed` if it raised or the app is closing).
        Returns the job's id. ``lane`` defaults to ``Lane.BACKGROUND``."""
        from wolkvox_desktop.gui.jobs import Job, Lane

        return self.submit_job(Job(run, lane or Lane.BACKGROUND, None, what), done=done,
                               owner=owner)

    def submit_job(self, job: Job, *, done: Callable[[Any], None] | None = None,
                   owner: QObject | None = None) -> int:
        job_id = next(self._ids)
        if done is not None:
            self._callbacks[job_id] = (done, owner)
        if self._closed:
            self._callbacks.pop(job_id, None)
            return job_id
        self._job.emit(job_id, job)
        return job_id

    @Slot(int, object)
    def _on_job_finished(self, job_id: int, value: Any) -> None:
        entry = self._callbacks.pop(job_id, None)
        if entry is None or self._closed:
            return
        callback, owner = entry
        if owner is not None and not _alive(owner):
            return
        try:
            callback(value)
        except Exception:  # noqa: BLE001 - a widget's follow-up must not take the app down
            log.exception("handling a finished job failed")

    # ---- the window's own requests ----
    def select_operation(self, server: str) -> None:
        self.submit_job(self.worker.select_job(server))

    def run_action(self, request: ActionRequest) -> None:
        self.submit_job(self.worker.action_job(request))

    def refresh(self, request: RefreshRequest) -> None:
        self.submit_job(self.worker.action_job(request))

    def add_campaign(self, server: str, campaign: Any) -> None:
        self.submit_job(self.worker.campaign_list_job(server, add=campaign))

    def remove_campaign(self, server: str, campaign_id: str) -> None:
        self.submit_job(self.worker.campaign_list_job(server, remove=campaign_id))

    def save_operation(self, form: Any) -> None:
        self.submit_job(_settings_jobs().save_job(self.worker, form))

    def test_connection(self, form: Any) -> None:
        self.submit_job(_settings_jobs().test_job(self.worker, form))

    def remove_token(self, server: str) -> None:
        self.submit_job(_settings_jobs().remove_token_job(self.worker, server))

    def delete_operation(self, server: str) -> None:
        self.submit_job(_settings_jobs().delete_job(self.worker, server))

    def load_settings_info(self) -> None:
        self.submit_job(_settings_jobs().settings_info_job(self.worker))

    # ---- the end ----
    def shutdown(self, bound_ms: int = 5000) -> bool:
        """Abort in-flight calls and stop the thread within ``bound_ms``; True if it stopped."""
        if self._closed:
            return not self.thread.isRunning()
        self._closed = True
        self._callbacks.clear()
        self.worker.abort_all()  # direct call: works even while a call is stuck
        if self.thread.isRunning():
            self._shutdown.emit()  # blocking: bounded by SHUTDOWN_JOIN_S
            self.thread.quit()
            if not self.thread.wait(bound_ms):
                log.error("the worker thread did not stop within %d ms", bound_ms)
                _LEAKED.append(self)  # never destroy a running QThread
                return False
        if self in _LIVE:
            _LIVE.remove(self)
        return True

    def calls_running(self) -> int:
        return self.worker.in_flight()


def _settings_jobs() -> Any:
    """gui.settings.settings_jobs (the core's values with it): loaded when Settings first
    needs it."""
    from wolkvox_desktop.gui.settings import settings_jobs

    return settings_jobs


def _alive(obj: QObject) -> bool:
    try:
        from shiboken6 import isValid
    except ImportError:  # pragma: no cover - PySide6 always ships shiboken6
        return True
    return bool(isValid(obj))


_LIVE: list[WorkerHandle] = []
_LEAKED: list[WorkerHandle] = []


@atexit.register
def _shutdown_at_exit() -> None:
    """A process that exits with a window still open: stop its worker before Python tears
    Qt down (never "QThread: Destroyed while thread is still running")."""
    for handle in list(_LIVE):
        try:
            handle.shutdown()
        except Exception:  # noqa: BLE001, S110 - exiting anyway
            pass


def leaked_threads() -> bool:
    """True when a worker thread or a job thread outlived the shutdown bound."""
    return bool(_LEAKED) or any_job_thread_alive()


def __getattr__(name: str) -> Any:
    """The requests and answers of gui.calls, still importable from here
    (``from wolkvox_desktop.gui.worker import ActionRequest``), loaded when first asked for:
    the window's first frame needs none of them."""
    if name in ("ActionRequest", "CallDone", "OperationState", "RefreshRequest"):
        from wolkvox_desktop.gui import calls

        return getattr(calls, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Worker",
    "WorkerConfig",
    "WorkerHandle",
    "leaked_threads",
]
