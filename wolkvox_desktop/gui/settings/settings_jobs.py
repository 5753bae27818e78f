"""The jobs behind Settings (save, test, remove a token, delete an operation, where each
token comes from) and the session operation of ``--server``. Each is a
:class:`~wolkvox_desktop.gui.jobs.Job` through the front door; its follow-up emits the
worker's signals on the worker thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from wolkvox_desktop.core.campaigns import parse_server_code
from wolkvox_desktop.core.errors import CallResult, InvalidInput
from wolkvox_desktop.gui.calls import OperationForm, SaveOutcome
from wolkvox_desktop.gui.jobs import Job, JobFailed, Lane

if TYPE_CHECKING:
    from wolkvox_desktop.core.operations import Operations
    from wolkvox_desktop.core.store import Operation
    from wolkvox_desktop.gui.calls import WorkerConfig

DEMO_KEYRING_NAME = "Demo (memory only)"
#: the key under which settings_info_job says where a new operation's token would come
#: from (``WOLKVOX_TOKEN``, which applies to every operation, or nowhere yet)
NEW_OPERATION = ""
_ANY_CODE = "0000"


class _Signal(Protocol):
    def emit(self, *args: Any) -> None: ...


class Worker(Protocol):
    """What these jobs need of the worker (gui/worker.py) that runs them."""

    config: WorkerConfig
    session_operation: Operation | None
    saveFinished: _Signal  # noqa: N815 - the worker's Qt signal names
    testFinished: _Signal  # noqa: N815
    problem: _Signal
    tokenSourcesChanged: _Signal  # noqa: N815
    backendStatusChanged: _Signal  # noqa: N815

    def emit_operations(self) -> None: ...

    def run(self, job: Job, job_id: int = 0) -> None: ...

    def select_job(self, server: str) -> Job: ...


def save_job(worker: Worker, form: OperationForm) -> Job:
    """Save an operation (store) and its token (keyring; session-only when unusable)."""

    def save(ops: Operations) -> SaveOutcome:
        from wolkvox_desktop.core.store import Operation

        try:
            server = parse_server_code(str(form.server))
            op = Operation(server=server, label=str(form.label or "").strip(),
                           licenses=int(form.licenses), timeout_s=float(form.timeout_s),
                           max_in_flight=int(form.max_in_flight))
        except InvalidInput as exc:
            return SaveOutcome(str(form.server), False, None, exc.message)
        except (TypeError, ValueError):
            return SaveOutcome(str(form.server), False, None, "Check the numbers in the form.")
        ops.save_operation(op)
        if not form.token:
            return SaveOutcome(server, True, ops.token_source(server), "Saved.")
        try:
            saved = ops.save_token(server, form.token, session_fallback=True)
        except InvalidInput as exc:
            return SaveOutcome(server, False, None, exc.message)
        if saved.detail:
            return SaveOutcome(server, True, saved.source,
                               f"{saved.detail} The token works for this session only.")
        return SaveOutcome(server, True, saved.source, "Saved. The token is in the keyring.")

    def then(value: Any) -> None:
        if isinstance(value, JobFailed):
            value = SaveOutcome(str(form.server), False, None, "The operation could not be saved.")
        worker.emit_operations()
        worker.saveFinished.emit(value)
        worker.run(settings_info_job(worker))

    return Job(save, Lane.BACKGROUND, then, "saving an operation")


def test_job(worker: Worker, form: OperationForm) -> Job:
    """List campaigns with the form's server and token (or the saved one): costs a token."""

    def test(ops: Operations) -> CallResult:
        return ops.call_once(str(form.server), lambda service: service.refresh_campaigns(),
                             token=form.token or None, read_timeout=float(form.timeout_s),
                             enforce_budget=False)

    def then(value: Any) -> None:
        result = value if isinstance(value, CallResult) else CallResult.unexpected()
        worker.testFinished.emit(result)
        try:
            worker.run(worker.select_job(parse_server_code(str(form.server))))
        except InvalidInput:
            pass

    return Job(test, Lane.BACKGROUND, then, "testing the connection")


def remove_token_job(worker: Worker, server: str) -> Job:
    def then(value: Any) -> None:
        if isinstance(value, JobFailed):
            worker.problem.emit("The token could not be removed from the keyring.")
        worker.run(settings_info_job(worker))

    return Job(lambda ops: ops.forget_token(server), Lane.BACKGROUND, then, "removing a token")


def delete_job(worker: Worker, server: str) -> Job:
    """Remove the operation, its saved campaigns and its token (the history stays)."""

    def then(value: Any) -> None:
        if isinstance(value, JobFailed):
            worker.problem.emit("The operation could not be deleted completely.")
        worker.emit_operations()
        worker.run(settings_info_job(worker))

    return Job(lambda ops: ops.remove_operation(server), Lane.BACKGROUND, then,
               "deleting an operation")


def settings_info_job(worker: Worker) -> Job:
    """Where each operation's token comes from, and the keyring's status (may wait)."""

    def read(ops: Operations) -> tuple[dict[str, Any], Any]:
        from wolkvox_desktop.core.credentials import BackendStatus

        servers = [op.server for op in ops.store.operations()]
        if worker.session_operation is not None:
            servers.append(worker.session_operation.server)
        sources = {server: ops.token_source(server) for server in servers}
        # WOLKVOX_TOKEN (when this window reads it) serves a new operation too: never the
        # keyring or this session's tokens, which belong to saved operations
        sources[NEW_OPERATION] = ops.credentials.get(_ANY_CODE, keyring=False, session=False)[1]
        if worker.config.demo:
            return sources, BackendStatus(True, DEMO_KEYRING_NAME, "")
        return sources, ops.credentials.status()

    def then(value: Any) -> None:
        if isinstance(value, JobFailed):
            return
        sources, status = value
        worker.tokenSourcesChanged.emit(sources)
        worker.backendStatusChanged.emit(status)

    return Job(read, Lane.BACKGROUND, then, "reading where the tokens are")


def session_operation_job(worker: Worker) -> Job:
    """The ``--server`` operation, for this session, when it is not saved but has a token."""
    server = worker.config.session_server

    def find(ops: Operations) -> Any:
        listed = ops.operations(session_server=server)
        return next((op for op in listed if not op.saved), None)

    def then(value: Any) -> None:
        if not isinstance(value, JobFailed) and value is not None:
            worker.session_operation = value
        worker.emit_operations()  # the window's first list waits for this answer

    return Job(find, Lane.BACKGROUND, then, "looking for the session's operation")
