"""Fixtures that run the project's simulator on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wolkvox_desktop.simulator.server import Simulator, demo_campaigns

DEMO_TOKEN = "demo-token"  # the simulator's public demo token; not a secret


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    # the dialer's clock stands still (pace 0): live figures move only with sim.advance()
    sim = Simulator(tokens={DEMO_TOKEN: 3000}, campaigns=demo_campaigns(), pace=0)
    sim.start(port=0)
    try:
        yield sim
    finally:
        sim.stop()
    # A traceback inside the simulator is a simulator bug, whatever the test saw.
    assert sim.errors == [], "the simulator raised:\n" + "\n".join(sim.errors)
