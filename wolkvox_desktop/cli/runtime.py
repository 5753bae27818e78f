"""What every command shares: the front door it opens, and whether a call may be in flight
(which decides between exit code 5 and 1/130 when something goes wrong)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from wolkvox_desktop.cli.output import err
from wolkvox_desktop.core.errors import Notice
from wolkvox_desktop.core.operations import API_BASE_ENV, Operations
from wolkvox_desktop.core.service import OperationService
from wolkvox_desktop.core.store import Store


class _State:
    calling = False
    gc_paused = False  # the program paused the cycle collector for its start-up


state = _State()


@contextlib.contextmanager
def calling() -> Iterator[None]:
    """Mark calls as possibly in flight; an exception leaves the mark for ``main``. The
    start-up is over: a collector paused for it (:func:`wolkvox_desktop.cli.run_command`)
    runs again, however long the calls go on."""
    resume_gc()
    state.calling = True
    yield
    state.calling = False


def resume_gc() -> None:
    if state.gc_paused:
        state.gc_paused = False
        gc.enable()


@contextlib.contextmanager
def front_door() -> Iterator[Operations]:
    """The app's store and operations for one command, closed afterwards."""
    from wolkvox_desktop.core.paths import store_path

    store = Store(store_path())
    ops = Operations(store)
    try:
        yield ops
    finally:
        ops.close()
        store.close()


def open_service(ops: Operations, server: str, read_timeout: float | None) -> OperationService:
    """The operation's service for this command (raises ``InvalidInput``: nothing sent).
    While ``WOLKVOX_API_BASE`` is set, one line on stderr says where the calls go."""
    service = ops.open(server, read_timeout=read_timeout)
    service.on_notice = print_notice
    if service.client.is_override:
        err(f"Note: {API_BASE_ENV} is set: calls go to the test server "
            f"{service.client.base_url}, not to Wolkvox.")
    return service


def print_notice(notice: Notice) -> None:
    """News about a call while it waits (another call with this token, Wolkvox busy)."""
    err(notice.message)
