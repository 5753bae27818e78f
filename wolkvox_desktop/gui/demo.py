"""Demo mode: a simulated Wolkvox inside the app, on a free loopback port.

The demo token (the public string ``demo-token``) is held in memory only: it is never
written to the keyring. Demo activity goes to its own store file (``demo.sqlite3``, fresh
on every run) so it never mixes with the real history.

The simulator starts after the window's first frame, on the worker's thread, just before
the worker opens the store (:meth:`DemoSession.prepare_worker`, the worker config's
``prepare``): importing and starting it (http.server, the simulator's modules) is no part
of what the first frame waits for. Whoever needs it earlier (a test setting its latency)
reads :attr:`DemoSession.simulator`, which starts it then.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wolkvox_desktop.core import paths

if TYPE_CHECKING:
    from wolkvox_desktop.core.store import Operation
    from wolkvox_desktop.gui.worker_config import WorkerConfig

log = logging.getLogger(__name__)

DEMO_SERVER = "9999"
DEMO_TOKEN = "demo-token"  # the simulator's public demo token; not a secret
DEMO_STORE_NAME = "demo.sqlite3"
DEMO_LICENSES = 3
DEMO_LATENCY_S = 0.25  # long enough to see the busy state, short enough not to bore


def demo_store_path() -> Path:
    return paths.app_data_dir() / DEMO_STORE_NAME


def demo_operation() -> Operation:
    from wolkvox_desktop.core.store import Operation

    return Operation(server=DEMO_SERVER, label="Demo", licenses=DEMO_LICENSES, timeout_s=20.0)


class DemoSession:
    """The in-process simulator plus what the worker needs to use it. Started once (by
    :meth:`start`, :meth:`prepare_worker` or reading :attr:`simulator`, from any thread),
    stopped once (:meth:`stop`: :attr:`simulator` is ``None`` from then on)."""

    def __init__(self, *, latency: float = DEMO_LATENCY_S) -> None:
        self.latency = latency
        self.store_path = demo_store_path()
        self._lock = threading.Lock()
        self._simulator: Any = None
        self._stopped = False
        self._fresh_store()  # now: what is written there after this (a test's plans) stays

    @property
    def operation(self) -> Operation:
        return demo_operation()

    @property
    def simulator(self) -> Any:
        """The running simulator (started now if nobody started it yet); ``None`` once the
        session is stopped."""
        return self.start()

    @property
    def base_url(self) -> str:
        sim = self._simulator
        if sim is None:
            raise RuntimeError("the demo simulator is not running")
        return str(sim.base_url)

    def start(self) -> Any:
        """Start the simulator, once; returns it (``None`` once stopped). The demo store
        was made fresh when this session was made."""
        with self._lock:
            if self._simulator is not None or self._stopped:
                return self._simulator
            from wolkvox_desktop.simulator.server import Simulator, demo_campaigns

            sim = Simulator(tokens={DEMO_TOKEN: DEMO_LICENSES * 1000},
                            campaigns=demo_campaigns())
            sim.start(port=0)
            sim.faults.latency = self.latency
            self._simulator = sim
        log.info("demo simulator listening on %s", sim.base_url)
        return sim

    def prepare_worker(self, config: WorkerConfig) -> None:
        """The worker config's ``prepare`` (on the worker's thread, before the store opens):
        the simulator runs, calls go to it and the demo operation is saved. Raises when it
        cannot start: the worker then opens nothing, so no call goes anywhere else."""
        if self.start() is None:
            raise RuntimeError("the demo session is stopped")
        config.api_base = self.base_url
        config.seed_operations = [demo_operation()]

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            sim, self._simulator = self._simulator, None
        if sim is not None:
            try:
                sim.stop()
            except Exception:  # noqa: BLE001 - closing must go on
                log.exception("stopping the demo simulator failed")

    def _fresh_store(self) -> None:
        """Every demo run starts from a clean demo store (the simulator starts fresh too)."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            path = self.store_path.with_name(self.store_path.name + suffix)
            try:
                path.unlink(missing_ok=True)
            except OSError:  # another demo window holds it (Windows): keep it
                log.info("could not remove %s; keeping it", path.name)
