"""One deadline per call (issue 16, point 9).

The operation's timeout bounds the whole call — connect, TLS, send, every read — not each
socket read: a server trickling its answer a byte every 0.5 s (the simulator's ``trickle``
fault; every read gets its byte in time, the whole answer would take minutes) ends the call
at the timeout, as *unknown* (the request reached Wolkvox; it is never resent), and the
token's slot is free at once. Bounds below are generous (timeout + 3 s in this process;
the trickled answers would take 100 s and more); nothing else here is timed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from tests.support.processes import wait_for
from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.api import WolkvoxClient
from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.limits import TokenGate
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.core.transport import Attempt, watch_deadline
from wolkvox_desktop.simulator import Simulator

P3303 = CampaignRef("3303", CampaignType.PREVIEW)  # stopped in the demo campaigns
TIMEOUT = 2.0
TRICKLE = 0.5  # seconds between bytes: each read gets one well within TIMEOUT
BOUND = TIMEOUT + 3.0  # generous; the trickled answer itself takes over 100 s


def client_for(base: str, gate: TokenGate, **kw: float) -> WolkvoxClient:
    options = {"connect_timeout": TIMEOUT, "read_timeout": TIMEOUT, "retry_delay": 0.05}
    options.update(kw)
    return WolkvoxClient("0032", DEMO_TOKEN, api_base=base, gate=gate, **options)


def call_in_thread(call: object) -> tuple[threading.Thread, list[CallResult]]:
    results: list[CallResult] = []
    thread = threading.Thread(target=lambda: results.append(call()), daemon=True)  # type: ignore[operator]
    thread.start()
    return thread, results


# ---------------------------------------------------------------- the watchdog itself
def test_the_watchdog_cuts_an_unfinished_attempt_and_leaves_a_finished_one() -> None:
    finished, running = Attempt(), Attempt()
    ours, theirs = socket.socketpair()
    try:
        assert running.watch(ours)
        finished.finish()
        now = time.monotonic()
        # deadlines already past: the finished attempt's comes first in the watchdog's order
        with watch_deadline(finished, now - 2), watch_deadline(running, now - 1):
            wait_for(lambda: running.expired)
        assert running.aborted and not finished.expired and not finished.aborted
        theirs.settimeout(5)
        assert theirs.recv(1) == b""  # the running attempt's socket was shut down
    finally:
        running.close()
        ours.close()
        theirs.close()


# ---------------------------------------------------------------- a trickling answer
@pytest.mark.parametrize("trickle_body", [False, True], ids=["from-the-status-line", "body"])
def test_a_trickled_answer_ends_at_the_deadline_as_unknown_and_frees_the_slot(
    simulator: Simulator, trickle_body: bool
) -> None:
    simulator.faults.trickle = TRICKLE
    simulator.faults.trickle_body = trickle_body
    gate = TokenGate(1)
    client = client_for(simulator.base_url, gate)
    other = client_for(simulator.base_url, gate, gate_timeout=0.0)
    try:
        began = time.monotonic()
        thread, results = call_in_thread(lambda: client.start(P3303))
        wait_for(lambda: len(simulator.requests) == 1)
        # the control: while the call runs it holds the token's only slot
        assert gate.in_flight(DEMO_TOKEN) == 1
        assert other.list_campaigns().reason is Reason.GATE_BUSY
        thread.join(BOUND)
        elapsed = time.monotonic() - began
        assert not thread.is_alive(), "the call outlived its deadline"
        assert elapsed < BOUND
        (result,) = results
        assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.READ_TIMEOUT)
        assert "did not answer within 2 seconds" in result.message
        assert "may or may not have happened" in result.message
        # the slot is free at once: another call with the token takes the gate without waiting
        assert gate.in_flight(DEMO_TOKEN) == 0
        simulator.reset_faults()
        assert other.list_campaigns().ok
    finally:
        client.close()
        other.close()
    assert [r.query.get("api") for r in simulator.requests] == ["start", "campaigns"]  # once
    assert simulator.campaign("3303").started  # it did reach Wolkvox: unknown is the truth


@pytest.mark.parametrize("trickle_body", [False, True], ids=["from-the-status-line", "body"])
def test_a_trickled_answer_that_ends_in_time_is_read_whole(
    simulator: Simulator, trickle_body: bool
) -> None:
    """The control: the trickle fault sends a whole, valid answer; one that is complete
    before the deadline is Wolkvox's answer like any other."""
    simulator.faults.update({"trickle": 0.001, "trickle_body": trickle_body})
    with client_for(simulator.base_url, TokenGate(1), read_timeout=30.0) as client:
        result = client.start(P3303)
    assert result.ok, result.message
    assert result.http_status == 202 and result.code == 202
    with pytest.raises(ValueError):
        simulator.faults.update({"trickle": -1})


@pytest.fixture
def trickling_tls_server() -> Iterator[tuple[int, list[int]]]:
    """Accepts TCP and answers the TLS handshake with a record header announcing 16 KB,
    then one byte every 0.5 s: the handshake never completes, yet every read gets data."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    sent: list[int] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            count = 0
            with conn:
                try:
                    for byte in b"\x16\x03\x03\x40\x00" + b"\x02" * 16384:
                        conn.sendall(bytes([byte]))
                        count += 1
                        if stop.wait(TRICKLE):
                            break
                except OSError:
                    pass
            sent.append(count)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1]), sent
    finally:
        stop.set()
        thread.join(10)
        listener.close()


def test_a_trickled_tls_handshake_ends_at_the_deadline_with_nothing_sent(
    trickling_tls_server: tuple[int, list[int]],
) -> None:
    """The connect phase is inside the call's deadline too: a connect timeout longer than
    what is left of the call (and its retry) does not stretch it."""
    port, sent = trickling_tls_server
    client = client_for(f"https://127.0.0.1:{port}", TokenGate(1), connect_timeout=3 * TIMEOUT)
    try:
        began = time.monotonic()
        thread, results = call_in_thread(lambda: client.start(P3303))
        thread.join(BOUND)
        assert not thread.is_alive(), "the handshake outlived the call's deadline"
        assert time.monotonic() - began < BOUND
    finally:
        client.close()
    (result,) = results
    # the request is written only after the handshake: nothing reached the server
    assert (result.outcome, result.reason) == (Outcome.UNDELIVERED, Reason.CONNECT_TIMEOUT)
    assert "Nothing reached Wolkvox" in result.message
    wait_for(lambda: len(sent) == 1)  # one connection: no retry once the time is up
    assert sent[0] < 100


# ---------------------------------------------------------------- a real wolkvox process
def test_wolkvox_start_with_a_timeout_exits_5_against_a_trickling_server(
    simulator: Simulator,
) -> None:
    simulator.faults.trickle = TRICKLE
    env = dict(os.environ)
    env.update(WOLKVOX_API_BASE=simulator.base_url, WOLKVOX_TOKEN=DEMO_TOKEN,
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    began = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "wolkvox_desktop.cli", "start", "--server", "0032",
         "--type", "preview", "--campaign", "3303", "--timeout", "2"],
        env=env, capture_output=True, text=True, timeout=90, encoding="utf-8",
    )
    elapsed = time.monotonic() - began
    assert proc.returncode == 5, proc.stderr  # outcome unknown
    assert "Traceback" not in proc.stderr
    assert "did not answer within 2 seconds" in proc.stderr
    assert "may or may not have happened" in proc.stderr
    assert elapsed < TIMEOUT + 20  # a process start on a loaded machine; the answer: 100 s+
    assert len(simulator.requests) == 1  # never resent
    store = Store(store_path())
    try:
        (row,) = store.history()
    finally:
        store.close()
    assert (row.campaign_id, row.outcome, row.reason) == ("3303", "unknown", "read_timeout")
