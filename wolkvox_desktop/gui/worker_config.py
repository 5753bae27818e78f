"""Where the worker finds its parts (:class:`WorkerConfig`). A module of its own: the window
builds one before its first frame, and nothing else of :mod:`~wolkvox_desktop.gui.calls`
(the requests and answers, with the core's values) is needed that early."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wolkvox_desktop.core.store import Operation


class WorkerConfig:
    """Where the worker finds its parts.

    ``api_base``: an explicit loopback base (demo); ``None`` means the real Wolkvox host, or
    ``WOLKVOX_API_BASE`` when ``use_env``. ``session_tokens``: tokens held in memory only
    (demo). ``demo``: never read or write the keyring. ``seed_operations`` are saved to the
    store when the worker starts (the demo operation). ``session_server``: the operation the
    window was started with (``--server``), listed for this session when it is not saved
    but has a token (``WOLKVOX_TOKEN``), as the command line would use it. ``prepare``:
    called with this config first thing on the worker's thread, before the store opens (the
    demo starts its simulator there, after the window's first frame, and fills in
    ``api_base`` and ``seed_operations``); if it raises, the window says the worker could
    not start.

    A plain class rather than a dataclass: the window makes one before its first frame,
    and ``dataclasses`` (with the class it writes) is ~3 ms of start-up.
    """

    def __init__(
        self,
        store_path: Path,
        api_base: str | None = None,
        use_env: bool = True,
        session_tokens: dict[str, str] | None = None,
        demo: bool = False,
        seed_operations: list[Operation] | None = None,
        session_server: str | None = None,
        prepare: Callable[[WorkerConfig], None] | None = None,
    ) -> None:
        self.store_path = store_path
        self.api_base = api_base
        self.use_env = use_env
        self.session_tokens: dict[str, str] = dict(session_tokens or {})
        self.demo = demo
        self.seed_operations: list[Operation] = list(seed_operations or [])
        self.session_server = session_server
        self.prepare = prepare

    def __repr__(self) -> str:  # never the session tokens
        return (f"WorkerConfig(store_path={str(self.store_path)!r}, api_base={self.api_base!r}, "
                f"use_env={self.use_env}, demo={self.demo}, "
                f"session_server={self.session_server!r})")
