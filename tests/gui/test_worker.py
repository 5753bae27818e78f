"""The worker: a QObject in its own QThread; calls on background threads; bounded stop."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread

from tests.gui.conftest import DEMO_TOKEN, SECRET_TOKEN, Catcher, puts
from wolkvox_desktop.core.campaigns import Action, CampaignRef
from wolkvox_desktop.core.errors import Outcome, Reason
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.gui.worker import (
    ActionRequest,
    RefreshRequest,
    WorkerConfig,
    WorkerHandle,
    leaked_threads,
)

SERVER = "0032"


@pytest.fixture
def make_handle(
    tmp_path: Path, gui_simulator: Any, qtbot: Any
) -> Iterator[Any]:
    handles: list[WorkerHandle] = []

    def _make(**overrides: Any) -> WorkerHandle:
        config = WorkerConfig(
            store_path=tmp_path / "worker.sqlite3",
            api_base=gui_simulator.base_url,
            use_env=False,
            session_tokens={SERVER: DEMO_TOKEN},
            seed_operations=[Operation(SERVER, "Norte", timeout_s=5.0)],
        )
        for key, value in overrides.items():
            setattr(config, key, value)
        handle = WorkerHandle(config)
        handles.append(handle)
        ops = Catcher(handle.worker.operationsChanged)
        handle.start()
        qtbot.waitUntil(lambda: bool(ops.values))
        return handle

    yield _make
    for handle in handles:
        assert handle.shutdown()
    assert not leaked_threads()


def action(handle: WorkerHandle, what: Action = Action.START, cid: str = "3303",
           ctype: str = "preview", server: str = SERVER) -> ActionRequest:
    request = ActionRequest(handle.next_id(), server, what, CampaignRef.parse(cid, ctype))
    handle.run_action(request)
    return request


def test_the_worker_lives_in_its_own_thread_and_answers_on_the_gui_thread(
    qtbot: Any, make_handle: Any, gui_simulator: Any, qapp: Any
) -> None:
    handle = make_handle()
    assert handle.worker.thread() is handle.thread
    assert handle.thread is not QThread.currentThread()
    done = Catcher(handle.worker.callFinished)
    request = action(handle)
    qtbot.waitUntil(lambda: len(done.values) == 1)
    assert done.values[0].request == request
    assert done.values[0].result.ok
    assert gui_simulator.campaign("3303").started
    assert [r.token for r in puts(gui_simulator)] == [DEMO_TOKEN]


def test_a_second_action_waits_for_the_gate_one_request_at_a_time(
    qtbot: Any, make_handle: Any, gui_simulator: Any
) -> None:
    handle = make_handle()
    gui_simulator.faults.latency = 0.2
    done = Catcher(handle.worker.callFinished)
    action(handle, Action.START, "3303", "preview")
    action(handle, Action.START, "3306", "preview")
    handle.refresh(RefreshRequest(handle.next_id(), SERVER))
    qtbot.waitUntil(lambda: len(done.values) == 3, timeout=10_000)
    assert all(d.result.ok for d in done.values)
    assert gui_simulator.max_concurrency == 1


def test_state_marks_the_running_call_and_then_its_answer(
    qtbot: Any, make_handle: Any, gui_simulator: Any
) -> None:
    handle = make_handle()
    states = Catcher(handle.worker.operationState)
    gui_simulator.faults.hang = True
    action(handle)
    qtbot.waitUntil(lambda: gui_simulator.hung == 1)
    qtbot.waitUntil(lambda: any(s.active_rows for s in states.values))
    running = next(s for s in states.values if s.active_rows)
    (row_id,) = running.active_rows
    assert [r.outcome for r in running.history if r.id == row_id] == ["pending"]
    gui_simulator.release()
    qtbot.waitUntil(
        lambda: any(not s.active_rows and s.history and s.history[0].outcome == "ok"
                    for s in states.values)
    )


def test_shutdown_during_a_hung_call_aborts_it_and_joins_in_bounded_time(
    qtbot: Any, make_handle: Any, gui_simulator: Any, tmp_path: Path
) -> None:
    handle = make_handle()
    gui_simulator.faults.hang = True
    action(handle)
    qtbot.waitUntil(lambda: gui_simulator.hung == 1)
    assert handle.calls_running() >= 1
    assert handle.shutdown(bound_ms=5000)
    assert not handle.thread.isRunning()
    assert handle.calls_running() == 0
    assert not any(t.name.startswith("wolkvox-job-") for t in threading.enumerate())
    with Store(tmp_path / "worker.sqlite3") as store:
        (row,) = store.history(action="start")
    assert row.outcome == Outcome.UNKNOWN.value  # it may have reached Wolkvox
    # a request after shutdown is never sent
    before = len(gui_simulator.requests)
    action(handle)
    assert len(gui_simulator.requests) == before


def test_no_token_means_nothing_is_sent(
    qtbot: Any, make_handle: Any, gui_simulator: Any
) -> None:
    handle = make_handle(session_tokens={}, demo=True)
    done = Catcher(handle.worker.callFinished)
    action(handle)
    qtbot.waitUntil(lambda: len(done.values) == 1)
    result = done.values[0].result
    assert (result.outcome, result.reason) == (Outcome.INVALID, Reason.NO_TOKEN)
    assert gui_simulator.requests == []


def test_demo_mode_keeps_a_saved_token_in_memory_only(
    qtbot: Any, make_handle: Any, gui_simulator: Any
) -> None:
    from wolkvox_desktop.core.credentials import TokenSource
    from wolkvox_desktop.gui.calls import OperationForm

    handle = make_handle(demo=True)
    saved = Catcher(handle.worker.saveFinished)
    handle.save_operation(OperationForm(server="0040", label="Sur", token=SECRET_TOKEN,
                                        licenses=1, timeout_s=5.0, max_in_flight=1))
    qtbot.waitUntil(lambda: len(saved.values) == 1)
    assert saved.values[0].ok and saved.values[0].source is TokenSource.SESSION
    assert handle.worker.operations is not None
    assert handle.worker.operations.credentials._backend is None  # the keyring: never opened
    done = Catcher(handle.worker.callFinished)
    action(handle, server="0040")
    qtbot.waitUntil(lambda: len(done.values) == 1)
    assert puts(gui_simulator)[-1].token == SECRET_TOKEN
    assert done.values[0].result.ok


def test_test_connection_lists_campaigns_with_the_typed_token(
    qtbot: Any, make_handle: Any, gui_simulator: Any
) -> None:
    from wolkvox_desktop.gui.calls import OperationForm

    handle = make_handle()
    tested = Catcher(handle.worker.testFinished)
    handle.test_connection(OperationForm(server="0032", label="", token=SECRET_TOKEN,
                                         licenses=1, timeout_s=5.0, max_in_flight=1))
    qtbot.waitUntil(lambda: len(tested.values) == 1)
    assert tested.values[0].ok and len(tested.values[0].data) == 8
    assert gui_simulator.requests[-1].token == SECRET_TOKEN
    handle.test_connection(OperationForm(server="0032.evil.com/", label="", token="",
                                         licenses=1, timeout_s=5.0, max_in_flight=1))
    qtbot.waitUntil(lambda: len(tested.values) == 2)
    assert tested.values[1].reason is Reason.BAD_SERVER_CODE
    assert len(gui_simulator.requests) == 1


@pytest.mark.keyring
def test_a_token_saved_in_settings_goes_to_the_keyring_and_is_used(
    qtbot: Any, make_handle: Any, gui_simulator: Any, secret_service_backend: Any
) -> None:
    from wolkvox_desktop.core.credentials import SERVICE_NAME, TokenSource
    from wolkvox_desktop.gui.calls import OperationForm

    handle = make_handle(session_tokens={})  # the normal app: no token in memory
    saved = Catcher(handle.worker.saveFinished)
    handle.save_operation(OperationForm(server="0032", label="Norte", token=SECRET_TOKEN,
                                        licenses=1, timeout_s=5.0, max_in_flight=1))
    qtbot.waitUntil(lambda: len(saved.values) == 1, timeout=10_000)
    assert saved.values[0].ok and saved.values[0].source is TokenSource.KEYRING
    assert secret_service_backend.get_password(SERVICE_NAME, "0032") == SECRET_TOKEN
    done = Catcher(handle.worker.callFinished)
    action(handle)
    qtbot.waitUntil(lambda: len(done.values) == 1, timeout=10_000)
    assert done.values[0].result.ok
    assert [r.token for r in puts(gui_simulator)] == [SECRET_TOKEN]


@pytest.mark.keyring
def test_a_locked_keyring_sends_nothing_and_says_so(
    qtbot: Any, make_handle: Any, gui_simulator: Any, secret_service: Any
) -> None:
    from tests.support.keyring_bus import private_secret_service
    from wolkvox_desktop.gui import messages
    from wolkvox_desktop.gui.calls import OperationForm

    with private_secret_service() as bus:
        handle = make_handle(session_tokens={})
        saved = Catcher(handle.worker.saveFinished)
        handle.save_operation(OperationForm(server="0032", label="", token=SECRET_TOKEN,
                                            licenses=1, timeout_s=5.0, max_in_flight=1))
        qtbot.waitUntil(lambda: len(saved.values) == 1, timeout=10_000)
        bus.lock_default_collection()
        done = Catcher(handle.worker.callFinished)
        action(handle)
        qtbot.waitUntil(lambda: len(done.values) == 1, timeout=10_000)
        result = done.values[0].result
        assert (result.outcome, result.reason) == (Outcome.INVALID, Reason.NO_TOKEN)
        assert "locked" in result.message and SECRET_TOKEN not in result.message
        assert "keyring" in messages.describe(result)
        assert puts(gui_simulator) == []
        assert handle.shutdown()


def test_the_environment_token_wins_over_a_session_token_as_in_the_cli(
    qtbot: Any, make_handle: Any, gui_simulator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WOLKVOX_TOKEN", SECRET_TOKEN)
    handle = make_handle(use_env=True)  # the session holds DEMO_TOKEN for SERVER
    done = Catcher(handle.worker.callFinished)
    action(handle)
    qtbot.waitUntil(lambda: len(done.values) == 1)
    assert done.values[0].result.ok, done.values[0].result.message
    assert [r.token for r in puts(gui_simulator)] == [SECRET_TOKEN]
