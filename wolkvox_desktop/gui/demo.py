"""Demo mode: a simulated Wolkvox inside the app, on a free loopback port.

The demo token (the public string ``demo-token``) is held in memory only: it is never
written to the keyring. Demo activity goes to its own store file (``demo.sqlite3``, fresh
on every run) so it never mixes with the real history.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from wolkvox_desktop.core import paths
from wolkvox_desktop.core.store import Operation

log = logging.getLogger(__name__)

DEMO_SERVER = "9999"
DEMO_TOKEN = "demo-token"  # the simulator's public demo token; not a secret
DEMO_STORE_NAME = "demo.sqlite3"
DEMO_LICENSES = 3
DEMO_LATENCY_S = 0.25  # long enough to see the busy state, short enough not to bore


def demo_store_path() -> Path:
    return paths.app_data_dir() / DEMO_STORE_NAME


class DemoSession:
    """The in-process simulator plus what the worker needs to use it."""

    def __init__(self, *, latency: float = DEMO_LATENCY_S) -> None:
        self.latency = latency
        self.simulator: Any = None
        self.store_path = demo_store_path()
        self.operation = Operation(
            server=DEMO_SERVER, label="Demo", licenses=DEMO_LICENSES, timeout_s=20.0
        )

    @property
    def base_url(self) -> str:
        if self.simulator is None:
            raise RuntimeError("the demo simulator is not running")
        return str(self.simulator.base_url)

    def start(self) -> None:
        from wolkvox_desktop.simulator.server import Simulator, demo_campaigns

        self._fresh_store()
        sim = Simulator(tokens={DEMO_TOKEN: DEMO_LICENSES * 1000}, campaigns=demo_campaigns())
        sim.start(port=0)
        sim.faults.latency = self.latency
        self.simulator = sim
        log.info("demo simulator listening on %s", sim.base_url)

    def stop(self) -> None:
        sim, self.simulator = self.simulator, None
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
