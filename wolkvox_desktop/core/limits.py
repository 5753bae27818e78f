"""The API's limits, enforced on our side. CONTRACT STUB: public names are fixed here.

* :class:`TokenGate`: at most ``max_in_flight`` calls in flight per token (default 1,
  configurable up to 2, never more), across threads of this process. Keys are a hash of the
  token, never the token itself.
* Daily budget: licenses × 1000 uses per operation per local day; usage is counted from the
  store's history (see ``store.Store.calls_today``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

MAX_SIMULTANEOUS = 2
TOKENS_PER_LICENSE = 1000
WARN_FRACTION = 0.8


def daily_budget(licenses: int) -> int:
    return max(1, int(licenses)) * TOKENS_PER_LICENSE


class TokenGate:
    def __init__(self, max_in_flight: int = 1) -> None:
        raise NotImplementedError

    @contextmanager
    def slot(self, token: str, timeout: float | None = None) -> Iterator[None]:
        """Hold one of the token's slots; raise ``GateTimeout`` if none frees in time."""
        raise NotImplementedError
        yield

    def in_flight(self, token: str) -> int:
        raise NotImplementedError


class GateTimeout(Exception):
    pass


def shared_gate() -> TokenGate:
    """The process-wide gate every client uses unless given another."""
    raise NotImplementedError
