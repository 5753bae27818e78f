"""What every command shares: the front door it opens, and whether a call may be in flight
(which decides between exit code 5 and 1/130 when something goes wrong)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from wolkvox_desktop.core.operations import Operations
from wolkvox_desktop.core.store import Store


class _State:
    calling = False


state = _State()


@contextlib.contextmanager
def calling() -> Iterator[None]:
    """Mark calls as possibly in flight; an exception leaves the mark for ``main``."""
    state.calling = True
    yield
    state.calling = False


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
