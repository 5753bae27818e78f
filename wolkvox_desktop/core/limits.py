"""The API's limits, enforced on our side.

* :class:`TokenGate`: at most ``max_in_flight`` calls in flight per token (default 1,
  configurable up to 2, never more), across threads of this process and (the shared gate)
  across processes. Keys are a SHA-256 hash of the token, never the token itself.
* Daily budget: licenses × 1000 uses per operation per local day; usage is counted from the
  store's history (see ``store.Store.calls_today``), not here.

The seed says the same token must not be consumed simultaneously and that Wolkvox accepts at
most two simultaneous requests per token. One in flight is the default; two is the ceiling.
Asking for more than two (or fewer than one) raises :class:`ValueError` rather than being
clamped silently: a caller that asks for three has misread the limit and should hear so.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

#: Calls in flight per token: 1 by default, at most 2 (Wolkvox refuses a third).
MIN_IN_FLIGHT = 1
MAX_SIMULTANEOUS = 2
DEFAULT_IN_FLIGHT = 1
#: Daily budget: licenses x 1000 token uses; a warning from 80 %.
TOKENS_PER_LICENSE = 1000
WARN_FRACTION = 0.8
MIN_LICENSES = 1
MAX_LICENSES = 10_000
#: Seconds to wait for Wolkvox's answer to one call (the operation's setting).
MIN_TIMEOUT_S = 1.0
MAX_TIMEOUT_S = 600.0
DEFAULT_TIMEOUT_S = 90.0  # Wolkvox may take up to 60 s: its answer must have time to come
#: The connection itself must be made within this (or the read timeout, if shorter).
CONNECT_TIMEOUT_CAP_S = 10.0


def daily_budget(licenses: int) -> int:
    return clamp_licenses(licenses) * TOKENS_PER_LICENSE


def clamp_in_flight(value: int) -> int:
    """An operation's calls in flight, kept within 1..2."""
    return max(MIN_IN_FLIGHT, min(MAX_SIMULTANEOUS, int(value)))


def clamp_licenses(value: int) -> int:
    return max(MIN_LICENSES, min(MAX_LICENSES, int(value)))


def valid_timeout(value: float) -> float:
    """An operation's read timeout; one outside [MIN_TIMEOUT_S, MAX_TIMEOUT_S] (or not a
    number) falls back to :data:`DEFAULT_TIMEOUT_S`."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return DEFAULT_TIMEOUT_S
    if not MIN_TIMEOUT_S <= seconds <= MAX_TIMEOUT_S:
        return DEFAULT_TIMEOUT_S
    return seconds


def token_key(token: str) -> str:
    """The gate's key for a token: hex SHA-256, so the token itself is never held as a key."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _checked_max(max_in_flight: int) -> int:
    if isinstance(max_in_flight, bool) or not isinstance(max_in_flight, int):
        raise TypeError("max_in_flight must be an int")
    if not 1 <= max_in_flight <= MAX_SIMULTANEOUS:
        raise ValueError(
            f"max_in_flight must be between 1 and {MAX_SIMULTANEOUS} "
            f"(Wolkvox accepts at most {MAX_SIMULTANEOUS} simultaneous requests per token)"
        )
    return max_in_flight


class GateTimeout(Exception):
    """No slot freed for the token within the requested time. Nothing was sent."""


class GateCancelled(GateTimeout):
    """The wait for a slot was cancelled (``cancel`` event set). Nothing was sent."""


class GateUnavailable(Exception):
    """The cross-process slot cannot be had at all (its folder or files are not usable):
    the call is refused, never limited within this process only. ``str()`` is a sentence
    saying why and what to do. Nothing was sent."""


class TokenGate:
    """At most ``max_in_flight`` (1 or 2) holders of a slot per token, across threads and,
    with ``across_processes=True``, across every process of this OS user
    (:mod:`~wolkvox_desktop.core.token_slots`).

    ``slot(token)`` blocks until a slot is free (or ``timeout`` passes → :class:`GateTimeout`,
    or the ``cancel`` event is set → :class:`GateCancelled`, or the cross-process slots
    cannot be used → :class:`GateUnavailable`); ``on_wait()`` is called once
    when it has to wait. :meth:`interrupt` wakes every waiter so that it re-checks its
    ``cancel`` event (the client calls it from ``abort()``).
    """

    def __init__(self, max_in_flight: int = 1, *, across_processes: bool = False) -> None:
        self._max = _checked_max(max_in_flight)
        self._cond = threading.Condition(threading.Lock())
        self._counts: dict[str, int] = {}
        self._limits: dict[str, int] = {}  # per-token overrides of ``max_in_flight``
        self._across = across_processes

    @property
    def max_in_flight(self) -> int:
        return self._max

    @property
    def across_processes(self) -> bool:
        return self._across

    def set_max_in_flight(self, max_in_flight: int) -> None:
        """Change the limit (1 or 2). Holders above a lowered limit finish normally."""
        value = _checked_max(max_in_flight)
        with self._cond:
            self._max = value
            self._cond.notify_all()

    def set_token_limit(self, token: str, max_in_flight: int | None) -> None:
        """Give one token its own limit (1 or 2); ``None`` returns it to the gate's default.

        One gate with per-token limits keeps the cap honest when operations are configured
        differently: two gates for one token would allow the sum of their limits.
        """
        key = token_key(token)
        with self._cond:
            if max_in_flight is None:
                self._limits.pop(key, None)
            else:
                self._limits[key] = _checked_max(max_in_flight)
            self._cond.notify_all()

    def limit_for(self, token: str) -> int:
        with self._cond:
            return self._limits.get(token_key(token), self._max)

    @contextmanager
    def slot(
        self,
        token: str,
        timeout: float | None = None,
        *,
        cancel: threading.Event | None = None,
        on_wait: Callable[[], None] | None = None,
    ) -> Iterator[None]:
        """Hold one of the token's slots; raise ``GateTimeout`` if none frees in time."""
        key = token_key(token)
        deadline = None if timeout is None else time.monotonic() + max(0.0, timeout)
        waited = False

        def waiting() -> None:
            nonlocal waited
            if not waited and on_wait is not None:
                waited = True
                on_wait()

        with self._cond:
            while True:
                if cancel is not None and cancel.is_set():
                    raise GateCancelled("the wait for the token was cancelled")
                limit = self._limits.get(key, self._max)
                if self._counts.get(key, 0) < limit:
                    break
                waiting()
                if deadline is None:
                    self._cond.wait()
                else:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise GateTimeout("another call with this token is still in flight")
                    self._cond.wait(remaining)
            self._counts[key] = self._counts.get(key, 0) + 1
        try:
            with ExitStack() as stack:
                if self._across:
                    from wolkvox_desktop.core.token_slots import (
                        SlotTimeout,
                        SlotUnavailable,
                        shared_slots,
                    )

                    try:
                        stack.enter_context(shared_slots().hold(
                            key, limit, deadline=deadline, on_wait=waiting,
                            cancelled=lambda: cancel is not None and cancel.is_set(),
                        ))
                    except SlotTimeout as exc:
                        if cancel is not None and cancel.is_set():
                            raise GateCancelled(str(exc)) from None
                        raise GateTimeout(str(exc)) from None
                    except SlotUnavailable as exc:
                        raise GateUnavailable(str(exc)) from None
                yield
        finally:
            with self._cond:
                left = self._counts.get(key, 1) - 1
                if left <= 0:
                    self._counts.pop(key, None)
                else:
                    self._counts[key] = left
                self._cond.notify_all()

    def in_flight(self, token: str) -> int:
        """Calls in flight with ``token`` in this process."""
        with self._cond:
            return self._counts.get(token_key(token), 0)

    def interrupt(self) -> None:
        """Wake every waiter so it re-checks its ``cancel`` event."""
        with self._cond:
            self._cond.notify_all()


_SHARED = TokenGate(1, across_processes=True)


def shared_gate() -> TokenGate:
    """The gate every client uses unless given another: one call in flight per token (two
    when the operation says so) in every process of this OS user."""
    return _SHARED
