"""The store as the window's worker hands it to the front door: the real store, telling the
worker when a call's history row begins and ends, so that the window shows calls in flight
whoever made them (its own, a bulk run's, a plan's). Runs on the threads that make the
calls; the worker's callbacks only queue a signal."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wolkvox_desktop.core.errors import CallResult
    from wolkvox_desktop.core.store import Store


class ObservedStore:
    """The real store, telling the worker when a call's history row begins and ends (the
    panel shows calls in flight, whoever made them: the window or a bulk run).

    A start or stop that succeeded is told ended once the campaign's new status is written
    too (the service writes it just after the row), so that no snapshot shows "Start: Done"
    beside the old status."""

    def __init__(self, store: Store, on_begin: Callable[[str, int], None],
                 on_finish: Callable[[int], None]) -> None:
        self._store = store
        self._on_begin = on_begin
        self._on_finish = on_finish
        self._status_due = threading.local()  # .row: ended, its status not written yet
        self._actions: dict[int, str] = {}  # rows of starts and stops in flight
        self._actions_lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def begin_call(self, server: str, *args: Any, **kwargs: Any) -> int:
        row_id = self._store.begin_call(server, *args, **kwargs)
        action = args[0] if args else kwargs.get("action")
        if str(getattr(action, "value", action)) in ("start", "stop"):
            with self._actions_lock:
                self._actions[row_id] = "campaign"
        self._on_begin(server, row_id)
        return row_id

    def finish_call(self, row_id: int, result: CallResult) -> None:
        with self._actions_lock:
            campaign_call = self._actions.pop(row_id, None) is not None
        written = False
        try:
            self._store.finish_call(row_id, result)
            written = True
        finally:
            self._flush()  # an earlier row whose status never came
            if written and campaign_call and result.ok:
                self._status_due.row = row_id  # told with its status (set_campaign_status)
            else:
                self._on_finish(row_id)

    def set_campaign_status(self, *args: Any, **kwargs: Any) -> None:
        try:
            self._store.set_campaign_status(*args, **kwargs)
        finally:
            self._flush()

    def _flush(self) -> None:
        row_id = getattr(self._status_due, "row", None)
        if row_id is not None:
            self._status_due.row = None
            self._on_finish(row_id)
