"""The token gate: one (at most two) calls in flight per token, across threads."""

from __future__ import annotations

import threading
import time

import pytest

from wolkvox_desktop.core.limits import (
    GateCancelled,
    GateTimeout,
    TokenGate,
    daily_budget,
    shared_gate,
    token_key,
)


def _wait_until(predicate: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        time.sleep(0.005)


def test_daily_budget_is_licenses_times_1000() -> None:
    assert daily_budget(3) == 3000
    assert daily_budget(0) == 1000  # at least one license
    assert daily_budget(-5) == 1000


@pytest.mark.parametrize("bad", [0, 3, -1, 100])
def test_more_than_two_in_flight_is_refused(bad: int) -> None:
    with pytest.raises(ValueError):
        TokenGate(bad)
    gate = TokenGate(1)
    with pytest.raises(ValueError):
        gate.set_max_in_flight(bad)
    assert gate.max_in_flight == 1


def test_non_int_limits_are_refused() -> None:
    with pytest.raises(TypeError):
        TokenGate(True)
    with pytest.raises(TypeError):
        TokenGate(1.5)  # type: ignore[arg-type]


def test_keys_are_hashes_never_the_token() -> None:
    gate = TokenGate(1)
    with gate.slot("my-secret-token"):
        assert gate.in_flight("my-secret-token") == 1
        assert gate.in_flight("other") == 0
        held = repr(gate._counts)  # the only state the gate keeps
    assert "my-secret-token" not in held
    assert token_key("my-secret-token") in held
    assert gate.in_flight("my-secret-token") == 0


def test_second_holder_times_out_while_the_first_holds() -> None:
    gate = TokenGate(1)
    with gate.slot("t"):
        with pytest.raises(GateTimeout):
            with gate.slot("t", timeout=0.05):
                pass
        with gate.slot("another token", timeout=0.05):  # other tokens are independent
            assert gate.in_flight("another token") == 1
    with gate.slot("t", timeout=0.05):
        assert gate.in_flight("t") == 1


def test_two_slots_when_configured_never_three() -> None:
    gate = TokenGate(2)
    with gate.slot("t"), gate.slot("t", timeout=0.05):
        assert gate.in_flight("t") == 2
        with pytest.raises(GateTimeout):
            with gate.slot("t", timeout=0.05):
                pass


def test_slot_is_released_when_the_body_raises() -> None:
    gate = TokenGate(1)
    with pytest.raises(RuntimeError):
        with gate.slot("t"):
            raise RuntimeError("boom")
    assert gate.in_flight("t") == 0
    with gate.slot("t", timeout=0.05):
        pass


def test_threads_never_exceed_the_limit() -> None:
    gate = TokenGate(1)
    lock = threading.Lock()
    now = 0
    peak = 0

    def worker() -> None:
        nonlocal now, peak
        for _ in range(20):
            with gate.slot("t"):
                with lock:
                    now += 1
                    peak = max(peak, now)
                time.sleep(0.0005)
                with lock:
                    now -= 1

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert peak == 1
    assert gate.in_flight("t") == 0


def test_a_waiter_blocks_until_the_holder_leaves() -> None:
    gate = TokenGate(1)
    entered = threading.Event()
    release = threading.Event()
    order: list[str] = []

    def holder() -> None:
        with gate.slot("t"):
            entered.set()
            release.wait(5)
            order.append("holder done")

    def waiter() -> None:
        with gate.slot("t"):
            order.append("waiter in")

    first = threading.Thread(target=holder)
    first.start()
    assert entered.wait(5)
    second = threading.Thread(target=waiter)
    second.start()
    time.sleep(0.05)
    assert order == []  # still waiting
    release.set()
    first.join(5)
    second.join(5)
    assert order == ["holder done", "waiter in"]


def test_interrupt_wakes_a_cancelled_waiter() -> None:
    gate = TokenGate(1)
    cancel = threading.Event()
    outcome: list[str] = []

    def waiter() -> None:
        try:
            with gate.slot("t", cancel=cancel):
                outcome.append("entered")
        except GateCancelled:
            outcome.append("cancelled")

    with gate.slot("t"):
        thread = threading.Thread(target=waiter)
        thread.start()
        _wait_until(lambda: thread.is_alive())
        time.sleep(0.02)
        cancel.set()
        gate.interrupt()
        thread.join(5)
        assert not thread.is_alive()
    assert outcome == ["cancelled"]


def test_raising_the_limit_wakes_waiters() -> None:
    gate = TokenGate(1)
    got_in = threading.Event()

    def waiter() -> None:
        with gate.slot("t"):
            got_in.set()

    with gate.slot("t"):
        thread = threading.Thread(target=waiter)
        thread.start()
        assert not got_in.wait(0.05)
        gate.set_max_in_flight(2)
        assert got_in.wait(5)
    thread.join(5)


def test_shared_gate_is_one_process_wide_object_with_one_slot() -> None:
    assert shared_gate() is shared_gate()
    assert shared_gate().max_in_flight == 1


def test_per_token_limits_on_one_gate() -> None:
    gate = TokenGate(1)
    gate.set_token_limit("two", 2)
    assert gate.limit_for("two") == 2 and gate.limit_for("one") == 1
    with gate.slot("two"), gate.slot("two", timeout=0.05):
        with pytest.raises(GateTimeout):
            with gate.slot("two", timeout=0.05):
                pass
    with gate.slot("one"):
        with pytest.raises(GateTimeout):
            with gate.slot("one", timeout=0.05):
                pass
    with pytest.raises(ValueError):
        gate.set_token_limit("two", 3)
    gate.set_token_limit("two", None)
    assert gate.limit_for("two") == 1
    assert "two" not in repr(gate._limits)
