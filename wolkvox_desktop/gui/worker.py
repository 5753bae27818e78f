"""The GUI's only way to the core: a worker object living in its own QThread.

The window never waits on I/O. It sends requests to :class:`Worker` through the signals of
a :class:`WorkerHandle` (queued across threads) and renders what comes back through the
worker's signals. The worker thread itself never blocks on the network or the keyring:
those calls run on short-lived background threads whose results are handed back to the
worker thread, so the worker's event loop (and therefore shutdown) always stays
responsive. SQLite work (fast) runs on the worker thread.

Worker signals (all carry plain Python values, emitted from the worker thread):

* ``operationsChanged(list[Operation])``
* ``operationState(OperationState)``: campaigns, refresh time, usage and history of one
  operation; emitted on selection, when a call starts and when it ends.
* ``callFinished(CallDone)``: the answer to an :class:`ActionRequest`/:class:`RefreshRequest`.
* ``tokenSourcesChanged(dict[str, TokenSource])``, ``backendStatusChanged(BackendStatus)``
* ``saveFinished(SaveOutcome)``, ``testFinished(CallResult)``
* ``problem(str)``: something outside a call went wrong (English sentence, logged).
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from wolkvox_desktop.core.campaigns import Action, Campaign, CampaignType, parse_server_code
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason
from wolkvox_desktop.core.logsetup import register_secret

if TYPE_CHECKING:
    # Imported where used, on the worker thread: requests/keyring (service, credentials)
    # and the store with sqlite3, uuid and hashlib (~12 ms) stay off the window's start-up.
    from wolkvox_desktop.core.credentials import BackendStatus, Credentials, TokenSource
    from wolkvox_desktop.core.service import OperationService, Usage
    from wolkvox_desktop.core.store import HistoryRow, Operation, SavedCampaign, Store

log = logging.getLogger(__name__)

HISTORY_LIMIT = 200
_JOB_THREAD_PREFIX = "wolkvox-call-"
SHUTDOWN_JOIN_S = 2.0


# ---------------------------------------------------------------- values in and out
@dataclass(frozen=True)
class ActionRequest:
    id: int
    server: str
    action: Action
    campaign_id: str
    campaign_type: str
    allow_over_budget: bool = False


@dataclass(frozen=True)
class RefreshRequest:
    id: int
    server: str
    allow_over_budget: bool = False
    automatic: bool = False  # the window's own 5-minute refresh, not a click

    action = "campaigns"
    campaign_id = None


@dataclass(frozen=True)
class CallDone:
    request: ActionRequest | RefreshRequest
    result: CallResult
    finished_at: datetime = field(default_factory=lambda: datetime.now().astimezone())


@dataclass(frozen=True)
class OperationState:
    server: str
    operation: Operation | None
    campaigns: list[SavedCampaign]
    refreshed_at: datetime | None
    usage: Usage
    history: list[HistoryRow]
    active_rows: frozenset[int]


@dataclass(frozen=True)
class SaveOutcome:
    """What the settings dialog's save ended in (``message`` is an English sentence)."""

    server: str
    ok: bool
    source: TokenSource | None
    message: str


@dataclass
class WorkerConfig:
    """Where the worker finds its parts.

    ``api_base``: an explicit loopback base (demo); ``None`` means the real Wolkvox host, or
    ``WOLKVOX_API_BASE`` when ``use_env``. ``session_tokens``: tokens held in memory only
    (demo). ``demo``: never read or write the keyring. ``seed_operations`` are saved to the
    store when the worker starts (the demo operation).
    """

    store_path: Path
    api_base: str | None = None
    use_env: bool = True
    session_tokens: dict[str, str] = field(default_factory=dict)
    demo: bool = False
    seed_operations: list[Operation] = field(default_factory=list)


def no_token_result(server: str) -> CallResult:
    return CallResult(
        Outcome.INVALID,
        Reason.NO_TOKEN,
        f"No token is saved for operation {server}. Add it in Settings. Nothing was sent.",
    )


def unexpected_result() -> CallResult:
    return CallResult(
        Outcome.UNKNOWN,
        Reason.UNEXPECTED,
        "Something went wrong inside Wolkvox Desktop during this call; it may or may not "
        "have reached Wolkvox. Refresh the campaign list before trying again.",
    )


class _Failed:
    """A background job raised: carries the exception to the worker thread."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


class _ObservedStore:
    """The real store, telling the worker when a call's history row begins and ends."""

    def __init__(self, store: Store, on_begin: Callable[[str, int], None],
                 on_finish: Callable[[int], None]) -> None:
        self._store = store
        self._on_begin = on_begin
        self._on_finish = on_finish

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def begin_call(self, server: str, *args: Any, **kwargs: Any) -> int:
        row_id = self._store.begin_call(server, *args, **kwargs)
        self._on_begin(server, row_id)
        return row_id

    def finish_call(self, row_id: int, result: CallResult) -> None:
        try:
            self._store.finish_call(row_id, result)
        finally:
            self._on_finish(row_id)


# ---------------------------------------------------------------- the worker
class Worker(QObject):
    operationsChanged = Signal(object)
    operationState = Signal(object)
    callFinished = Signal(object)
    tokenSourcesChanged = Signal(object)
    backendStatusChanged = Signal(object)
    saveFinished = Signal(object)
    testFinished = Signal(object)
    problem = Signal(str)

    # internal: a background job finished (delivered to the worker thread)
    _jobDone = Signal(int, object)
    # internal: a history row began/ended on a background thread
    _storeTouched = Signal(str)

    def __init__(self, config: WorkerConfig) -> None:
        super().__init__()
        self.config = config
        self._store: Store | None = None
        self._credentials: Credentials | None = None
        self._lock = threading.RLock()
        self._services: dict[str, tuple[OperationService, str, float, int]] = {}
        self._retired: list[OperationService] = []
        self._threads: set[threading.Thread] = set()
        self._callbacks: dict[int, Callable[[Any], None]] = {}
        self._job_ids = itertools.count(1)
        self._active_rows: dict[int, str] = {}
        self._session_tokens = dict(config.session_tokens)
        self._stopping = False
        for token in self._session_tokens.values():
            register_secret(token)
        self._jobDone.connect(self._on_job_done)
        self._storeTouched.connect(self._emit_state)

    # ---------------------------------------------------- thread-safe, from any thread
    def abort_all(self) -> None:
        """Make every in-flight call return promptly and refuse new ones (any thread)."""
        with self._lock:
            self._stopping = True
            services = [entry[0] for entry in self._services.values()] + list(self._retired)
        for svc in services:
            try:
                svc.client.abort()
            except Exception:  # noqa: BLE001 - shutting down: log and carry on
                log.exception("abort failed")

    def in_flight(self) -> int:
        """Background jobs (calls, keyring work) still running."""
        with self._lock:
            return sum(1 for t in self._threads if t.is_alive())

    def open_service(self, server: str) -> OperationService:
        """A *fresh* service for ``server`` (its own client) sharing the window's token,
        API base, token gate and observed store; for bulk runs and token checks.

        Call it from a background thread (it may read the keyring). Raises
        :class:`InvalidInput` when there is no token or no database. The caller closes
        ``service.client`` when done; :meth:`abort_all` aborts it too.
        """
        if self._store is None:
            raise InvalidInput(Reason.CANCELLED, "The local database is not available.")
        with self._lock:
            if self._stopping:
                raise InvalidInput(Reason.CANCELLED, "The app is closing.")
        token, _source = self._token_for(server)
        if not token:
            raise InvalidInput(Reason.NO_TOKEN, no_token_result(server).message)
        register_secret(token)
        svc = self._open(server, token)
        with self._lock:
            self._retired = [s for s in self._retired if not s.client.aborted]
            self._retired.append(svc)
        return svc

    # ---------------------------------------------------- slots (worker thread)
    @Slot()
    def start(self) -> None:
        threading.current_thread().name = "wolkvox-worker"  # for the log lines
        try:
            from wolkvox_desktop.core.store import Store

            self._store = Store(self.config.store_path)
            for op in self.config.seed_operations:
                self._store.upsert_operation(op)
        except Exception:  # noqa: BLE001 - the window must still open and say why
            log.exception("cannot open the store at %s", self.config.store_path)
            self.problem.emit(
                "The local database could not be opened. The log file has the details."
            )
            return
        self._emit_operations()
        # token sources and the keyring's status come with loadSettingsInfo(), which the
        # window asks for once it is on screen (the keyring import stays off start-up)

    @Slot(str)
    def selectOperation(self, server: str) -> None:  # noqa: N802 - Qt naming
        self._emit_state(server)

    @Slot(object)
    def runAction(self, request: ActionRequest) -> None:  # noqa: N802
        def call() -> CallResult:
            svc = self._service(request.server)
            if isinstance(svc, CallResult):
                return svc
            return svc.campaign_action(
                request.action,
                request.campaign_id,
                request.campaign_type,
                allow_over_budget=request.allow_over_budget,
            )

        self._spawn_call(request, call)

    @Slot(object)
    def refresh(self, request: RefreshRequest) -> None:
        def call() -> CallResult:
            svc = self._service(request.server)
            if isinstance(svc, CallResult):
                return svc
            return svc.refresh_campaigns(allow_over_budget=request.allow_over_budget)

        self._spawn_call(request, call)

    @Slot(str, object)
    def addCampaign(self, server: str, campaign: Campaign) -> None:  # noqa: N802
        if self._store is None:
            return
        try:
            self._store.add_manual_campaign(server, campaign)
        except Exception:  # noqa: BLE001
            log.exception("add_manual_campaign failed")
            self.problem.emit("The campaign could not be added to the list.")
        self._emit_state(server)

    @Slot(str, str)
    def removeCampaign(self, server: str, campaign_id: str) -> None:  # noqa: N802
        if self._store is None:
            return
        try:
            self._store.remove_manual_campaign(server, campaign_id)
        except Exception:  # noqa: BLE001
            log.exception("remove_manual_campaign failed")
            self.problem.emit("The campaign could not be removed from the list.")
        self._emit_state(server)

    @Slot()
    def loadSettingsInfo(self) -> None:  # noqa: N802
        """Token sources of every operation and the keyring's status (keyring: background)."""
        servers = [op.server for op in self._operations()]

        def job() -> tuple[dict[str, TokenSource], BackendStatus | None]:
            from wolkvox_desktop.core.credentials import BackendStatus, TokenSource

            sources: dict[str, TokenSource] = {}
            status: BackendStatus | None = None
            if self.config.demo:
                status = BackendStatus(True, "Demo (memory only)", "")
                for server in servers:
                    sources[server] = (
                        TokenSource.SESSION if server in self._session_tokens else TokenSource.NONE
                    )
                return sources, status
            creds = self._creds()
            try:
                status = creds.status()
            except Exception:  # noqa: BLE001
                log.exception("keyring status failed")
            for server in servers:
                sources[server] = self._token_source(server)
            return sources, status

        def done(value: Any) -> None:
            if isinstance(value, _Failed):
                return
            sources, status = value
            self.tokenSourcesChanged.emit(sources)
            if status is not None:
                self.backendStatusChanged.emit(status)

        self._spawn(job, done)

    @Slot(object)
    def saveOperation(self, form: Any) -> None:  # noqa: N802
        """Save an operation (store) and its token (keyring; session-only when unusable)."""
        from wolkvox_desktop.core.credentials import TokenSource
        from wolkvox_desktop.core.store import Operation

        try:
            server = parse_server_code(str(form.server))
            op = Operation(
                server=server,
                label=str(form.label or "").strip(),
                licenses=max(1, int(form.licenses)),
                timeout_s=float(form.timeout_s),
                max_in_flight=min(2, max(1, int(form.max_in_flight))),
            )
        except InvalidInput as exc:
            self.saveFinished.emit(SaveOutcome(str(form.server), False, None, exc.message))
            return
        except (TypeError, ValueError):
            self.saveFinished.emit(
                SaveOutcome(str(form.server), False, None, "Check the numbers in the form.")
            )
            return
        if self._store is None:
            self.saveFinished.emit(
                SaveOutcome(server, False, None, "The local database is not available.")
            )
            return
        try:
            self._store.upsert_operation(op)
        except Exception:  # noqa: BLE001
            log.exception("upsert_operation failed")
            self.saveFinished.emit(
                SaveOutcome(server, False, None, "The operation could not be saved.")
            )
            return
        token = str(form.token or "")
        self._retire_service(server)
        self._emit_operations()

        def job() -> SaveOutcome:
            if not token:
                return SaveOutcome(server, True, self._token_source(server), "Saved.")
            register_secret(token)
            if self.config.demo:
                self._session_tokens[server] = token
                return SaveOutcome(
                    server, True, TokenSource.SESSION,
                    "Demo mode: the token is kept in memory for this session only.",
                )
            from wolkvox_desktop.core.credentials import KeyringUnavailable

            creds = self._creds()
            try:
                source = creds.save(server, token)
                return SaveOutcome(server, True, source, "Saved. The token is in the keyring.")
            except KeyringUnavailable as exc:
                creds.set_session_token(server, token)
                return SaveOutcome(
                    server, True, TokenSource.SESSION,
                    f"{exc} The token works for this session only.",
                )

        def done(value: Any) -> None:
            if isinstance(value, _Failed):
                value = SaveOutcome(server, False, None, "The token could not be saved.")
            self._retire_service(server)
            self.saveFinished.emit(value)
            self.loadSettingsInfo()

        self._spawn(job, done)

    @Slot(object)
    def testConnection(self, form: Any) -> None:  # noqa: N802
        """List campaigns with the form's server and token (or the saved one): costs a token."""
        try:
            server = parse_server_code(str(form.server))
        except InvalidInput as exc:
            self.testFinished.emit(CallResult.invalid(exc))
            return
        token = str(getattr(form, "token", "") or "")
        timeout = float(getattr(form, "timeout_s", 60.0) or 60.0)

        def job() -> CallResult:
            try:
                tok = token or self._token_for(server)[0]
            except InvalidInput as exc:
                return CallResult.invalid(exc)
            if not tok:
                return no_token_result(server)
            register_secret(tok)
            try:
                svc = self._open(server, tok, read_timeout=timeout, enforce_budget=False)
            except InvalidInput as exc:
                return CallResult.invalid(exc)
            with self._lock:
                self._retired.append(svc)
            try:
                return svc.refresh_campaigns()
            finally:
                svc.client.close()

        def done(value: Any) -> None:
            result = unexpected_result() if isinstance(value, _Failed) else value
            self.testFinished.emit(result)
            self._emit_state(server)

        self._spawn(job, done)

    @Slot(str)
    def removeToken(self, server: str) -> None:  # noqa: N802
        def job() -> None:
            self._session_tokens.pop(server, None)
            if not self.config.demo:
                self._creds().delete(server)

        def done(value: Any) -> None:
            if isinstance(value, _Failed):
                self.problem.emit("The token could not be removed from the keyring.")
            self._retire_service(server)
            self.loadSettingsInfo()

        self._spawn(job, done)

    @Slot(str)
    def deleteOperation(self, server: str) -> None:  # noqa: N802
        if self._store is None:
            return
        try:
            self._store.delete_operation(server)
        except Exception:  # noqa: BLE001
            log.exception("delete_operation failed")
            self.problem.emit("The operation could not be deleted.")
        self._retire_service(server)
        self._emit_operations()
        self.removeToken(server)

    @Slot()
    def shutdown(self) -> None:
        """Abort in-flight calls, wait for them a bounded time, release what can be."""
        self.abort_all()
        deadline = time.monotonic() + SHUTDOWN_JOIN_S
        with self._lock:
            threads = list(self._threads)
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))
        alive = [t.name for t in threads if t.is_alive()]
        if alive:
            log.warning("calls still running at shutdown: %s", alive)
            return  # the store stays open for them; the process exit ends them
        with self._lock:
            services = [entry[0] for entry in self._services.values()] + self._retired
            self._services.clear()
            self._retired = []
        for svc in services:
            try:
                svc.client.close()
            except Exception:  # noqa: BLE001
                log.exception("client close failed")
        if self._store is not None:
            try:
                self._store.close()
            except Exception:  # noqa: BLE001
                log.exception("store close failed")
            self._store = None

    # ---------------------------------------------------- internals (worker thread)
    def _operations(self) -> list[Operation]:
        if self._store is None:
            return []
        try:
            return self._store.operations()
        except Exception:  # noqa: BLE001
            log.exception("reading operations failed")
            return []

    def _emit_operations(self) -> None:
        self.operationsChanged.emit(self._operations())

    @Slot(str)
    def _emit_state(self, server: str) -> None:
        store = self._store
        if store is None or not server:
            return
        from wolkvox_desktop.core.limits import daily_budget
        from wolkvox_desktop.core.service import Usage

        try:
            op = store.operation(server)
            usage = Usage(
                store.calls_today(server),
                daily_budget(op.licenses if op is not None else 1),
            )
            with self._lock:
                active = frozenset(r for r, s in self._active_rows.items() if s == server)
            state = OperationState(
                server=server,
                operation=op,
                campaigns=store.campaigns(server),
                refreshed_at=store.campaigns_refreshed_at(server),
                usage=usage,
                history=store.history(server=server, limit=HISTORY_LIMIT),
                active_rows=active,
            )
        except Exception:  # noqa: BLE001
            log.exception("reading operation %s failed", server)
            self.problem.emit("The saved campaigns and history could not be read.")
            return
        self.operationState.emit(state)

    def _spawn_call(
        self, request: ActionRequest | RefreshRequest, call: Callable[[], CallResult]
    ) -> None:
        def done(value: Any) -> None:
            result = unexpected_result() if isinstance(value, _Failed) else value
            self.callFinished.emit(CallDone(request, result))
            self._emit_state(request.server)
            if result.reason in (Reason.NO_TOKEN, Reason.INVALID_TOKEN):
                self.loadSettingsInfo()

        with self._lock:
            stopping = self._stopping
        if stopping:
            done(CallResult(Outcome.INVALID, Reason.CANCELLED, "The app is closing."))
            return
        self._spawn(call, done)

    def _spawn(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        job_id = next(self._job_ids)
        self._callbacks[job_id] = done

        def run() -> None:
            try:
                value: Any = job()
            except BaseException as exc:  # noqa: BLE001 - handed to the worker as a value
                log.exception("background job failed")
                value = _Failed(exc)
            finally:
                with self._lock:
                    self._threads.discard(threading.current_thread())
            try:
                self._jobDone.emit(job_id, value)
            except RuntimeError:  # the worker is gone (app closing)
                pass

        thread = threading.Thread(target=run, name=f"{_JOB_THREAD_PREFIX}{job_id}", daemon=True)
        with self._lock:
            self._threads.add(thread)
        thread.start()

    @Slot(int, object)
    def _on_job_done(self, job_id: int, value: Any) -> None:
        callback = self._callbacks.pop(job_id, None)
        if callback is not None:
            try:
                callback(value)
            except Exception:  # noqa: BLE001
                log.exception("handling a finished job failed")

    # ---------------------------------------------------- internals (any thread)
    def _creds(self) -> Credentials:
        with self._lock:
            if self._credentials is None:
                from wolkvox_desktop.core.credentials import Credentials

                self._credentials = Credentials(use_env=self.config.use_env)
            return self._credentials

    def _token_for(self, server: str) -> tuple[str | None, TokenSource]:
        from wolkvox_desktop.core.credentials import TOKEN_ENV, TokenSource

        env_token = os.environ.get(TOKEN_ENV, "").strip()
        if env_token and self.config.use_env and not self.config.demo:
            return env_token, TokenSource.ENVIRONMENT  # as the CLI: the environment wins
        token = self._session_tokens.get(server)
        if token:
            return token, TokenSource.SESSION
        if self.config.demo:
            return None, TokenSource.NONE
        from wolkvox_desktop.core.credentials import KeyringUnavailable

        try:
            return self._creds().get(server)
        except KeyringUnavailable as exc:  # a locked or unreachable keyring: nothing sent
            raise InvalidInput(
                Reason.NO_TOKEN,
                f"The token of operation {server} could not be read from the keyring: {exc} "
                "Nothing was sent.",
            ) from None

    def _token_source(self, server: str) -> TokenSource:
        from wolkvox_desktop.core.credentials import TOKEN_ENV, TokenSource

        if os.environ.get(TOKEN_ENV, "").strip() and self.config.use_env and not self.config.demo:
            return TokenSource.ENVIRONMENT
        if server in self._session_tokens:
            return TokenSource.SESSION
        if self.config.demo:
            return TokenSource.NONE
        try:
            return self._creds().has_token(server)
        except Exception:  # noqa: BLE001
            log.exception("has_token failed")
            return TokenSource.NONE

    def _open(self, server: str, token: str, **kwargs: Any) -> OperationService:
        """A service on the observed store (raises InvalidInput: bad server or API base)."""
        from wolkvox_desktop.core.context import open_operation

        return open_operation(
            server,
            self._observed_store(),
            self._credentials,  # type: ignore[arg-type] # unused: the token is explicit
            api_base=self.config.api_base,
            use_env=self.config.use_env,
            token=token,
            **kwargs,
        )

    def _observed_store(self) -> Store:
        assert self._store is not None
        observed = _ObservedStore(self._store, self._row_began, self._row_finished)
        return observed  # type: ignore[return-value]

    def _row_began(self, server: str, row_id: int) -> None:
        with self._lock:
            self._active_rows[row_id] = server
        self._touch(server)

    def _row_finished(self, row_id: int) -> None:
        with self._lock:
            server = self._active_rows.pop(row_id, None)
        # A call of the worker's own is followed by its callFinished and a fresh state (in
        # that order, so the window is idle before it shows the answer's effects); only
        # calls made by others on this store (a bulk run) need a touch here.
        if server and not threading.current_thread().name.startswith(_JOB_THREAD_PREFIX):
            self._touch(server)

    def _touch(self, server: str) -> None:
        try:
            self._storeTouched.emit(server)
        except RuntimeError:
            pass

    def _service(self, server: str) -> OperationService | CallResult:
        """The cached service of an operation (built on first use), or why there is none."""
        if self._store is None:
            return CallResult(
                Outcome.INVALID, Reason.CANCELLED, "The local database is not available."
            )
        from wolkvox_desktop.core.store import Operation

        op = self._store.operation(server) or Operation(server=server)
        try:
            token, _source = self._token_for(server)
        except InvalidInput as exc:
            return CallResult.invalid(exc)
        if not token:
            return no_token_result(server)
        register_secret(token)
        with self._lock:
            if self._stopping:
                return CallResult(Outcome.INVALID, Reason.CANCELLED, "The app is closing.")
            cached = self._services.get(server)
            if cached is not None:
                svc, cached_token, timeout, max_in_flight = cached
                if (cached_token, timeout, max_in_flight) == (
                    token, op.timeout_s, op.max_in_flight
                ):
                    return svc
                del self._services[server]
                self._retired.append(svc)
            try:
                svc = self._open(server, token)
            except InvalidInput as exc:
                return CallResult.invalid(exc)
            self._services[server] = (svc, token, op.timeout_s, op.max_in_flight)
            return svc

    def _retire_service(self, server: str) -> None:
        with self._lock:
            entry = self._services.pop(server, None)
            if entry is not None:
                self._retired.append(entry[0])


# ---------------------------------------------------------------- the GUI-side handle
class WorkerHandle(QObject):
    """Lives in the GUI thread: owns the worker's thread and sends it requests.

    Connect to ``handle.worker``'s signals with GUI slots decorated ``@Slot``.
    """

    _start = Signal()
    _select = Signal(str)
    _action = Signal(object)
    _refresh = Signal(object)
    _add = Signal(str, object)
    _remove = Signal(str, str)
    _save = Signal(object)
    _test = Signal(object)
    _remove_token = Signal(str)
    _delete = Signal(str)
    _settings_info = Signal()
    _shutdown = Signal()

    def __init__(self, config: WorkerConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config
        self._ids = itertools.count(1)
        self.thread = QThread()
        self.thread.setObjectName("wolkvox-worker")
        self.worker = Worker(config)
        self.worker.moveToThread(self.thread)
        w = self.worker
        self._start.connect(w.start)
        self._select.connect(w.selectOperation)
        self._action.connect(w.runAction)
        self._refresh.connect(w.refresh)
        self._add.connect(w.addCampaign)
        self._remove.connect(w.removeCampaign)
        self._save.connect(w.saveOperation)
        self._test.connect(w.testConnection)
        self._remove_token.connect(w.removeToken)
        self._delete.connect(w.deleteOperation)
        self._settings_info.connect(w.loadSettingsInfo)
        self._shutdown.connect(w.shutdown, Qt.ConnectionType.BlockingQueuedConnection)
        self._closed = False

    def start(self) -> None:
        self.thread.start()
        self._start.emit()

    def next_id(self) -> int:
        return next(self._ids)

    # ---- requests ----
    def select_operation(self, server: str) -> None:
        self._select.emit(server)

    def run_action(self, request: ActionRequest) -> None:
        self._action.emit(request)

    def refresh(self, request: RefreshRequest) -> None:
        self._refresh.emit(request)

    def add_campaign(self, server: str, campaign: Campaign) -> None:
        self._add.emit(server, campaign)

    def remove_campaign(self, server: str, campaign_id: str) -> None:
        self._remove.emit(server, campaign_id)

    def save_operation(self, form: object) -> None:
        self._save.emit(form)

    def test_connection(self, form: object) -> None:
        self._test.emit(form)

    def remove_token(self, server: str) -> None:
        self._remove_token.emit(server)

    def delete_operation(self, server: str) -> None:
        self._delete.emit(server)

    def load_settings_info(self) -> None:
        self._settings_info.emit()

    # ---- the end ----
    def shutdown(self, bound_ms: int = 5000) -> bool:
        """Abort in-flight calls and stop the thread within ``bound_ms``; True if it stopped."""
        if self._closed:
            return not self.thread.isRunning()
        self._closed = True
        self.worker.abort_all()  # direct call: works even while a call is stuck
        if self.thread.isRunning():
            self._shutdown.emit()  # blocking: bounded by SHUTDOWN_JOIN_S
            self.thread.quit()
            if not self.thread.wait(bound_ms):
                log.error("the worker thread did not stop within %d ms", bound_ms)
                _LEAKED.append(self)  # never destroy a running QThread
                return False
        return True

    def calls_running(self) -> int:
        return self.worker.in_flight()


_LEAKED: list[WorkerHandle] = []


def leaked_threads() -> bool:
    """True when a worker thread or a call thread outlived the shutdown bound."""
    return bool(_LEAKED) or any(
        t.name.startswith("wolkvox-call-") and t.is_alive() for t in threading.enumerate()
    )


def campaign_type_of(value: str | CampaignType | None) -> str:
    if isinstance(value, CampaignType):
        return value.value
    return str(value or "")
