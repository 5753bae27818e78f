"""Fixtures for the main window: real app factory, real worker thread, real simulator.

``demo_window`` opens the window exactly as ``wolkvox-desktop --demo`` does (in-process
simulator, demo token in memory, its own demo store) and waits until the campaign list has
arrived. ``open_window`` opens it the normal way (store in WOLKVOX_DESKTOP_HOME, token and
API base from the environment) against the ``gui_simulator`` fixture.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication

from wolkvox_desktop.core import paths
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.gui.app import build
from wolkvox_desktop.gui.qtcompat import protect_bool_singletons
from wolkvox_desktop.gui.window.main_window import MainWindow
from wolkvox_desktop.gui.worker import leaked_threads
from wolkvox_desktop.simulator.server import Simulator, demo_campaigns

# PySide6 6.12.0 loses a reference to True on every Python-side emit (gui/qtcompat.py):
# without this, a long GUI test session aborts with "bool_dealloc" on Python < 3.12.
protect_bool_singletons()

DEMO_TOKEN = "demo-token"
# A token that must never be shown, logged or stored. Not a real one.
SECRET_TOKEN = "s3cr3t-T0KEN-4f9a2c7e1b"
SERVER = "0032"


class Catcher(QObject):
    """Collects a worker signal's values in the GUI thread (a ``@Slot`` of a GUI object:
    never ``qtbot.waitSignal`` on a worker signal, whose callback would run in the worker's
    thread)."""

    def __init__(self, signal: Any) -> None:
        super().__init__()
        self.values: list[Any] = []
        signal.connect(self.catch)

    @Slot(object)
    def catch(self, value: Any) -> None:
        self.values.append(value)


def puts(sim: Simulator) -> list[Any]:
    return [r for r in sim.requests if r.method == "PUT"]


def wait_ready(qtbot: Any, window: MainWindow, *, rows: bool = True) -> None:
    """Until the window has its operation, its campaign list (if ``rows``) and is idle, and
    what it loads just after its first frame (its calls, keys, welcome page) is in place."""
    qtbot.waitUntil(
        lambda: window.current_server() is not None
        and window.is_loaded()
        and not window.is_busy()
        and (window.campaignModel.rowCount() > 0 or not rows),
        timeout=10_000,
    )


def wait_idle(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)


def close_window(window: MainWindow) -> None:
    window.close()
    assert not window.handle.thread.isRunning()
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    """As the app does (gui/main_thread_gc.py): no automatic garbage collection while Qt objects
    and worker threads live, so that no Qt object is ever destroyed from a worker thread;
    collect here, on the GUI thread, once the test is over."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()


@pytest.fixture
def demo_window(qtbot: Any) -> Iterator[MainWindow]:
    _app, window = build(["--demo"])
    sim = window.demo_session.simulator  # type: ignore[attr-defined]
    sim.faults.latency = 0.0  # the demo's pause is for people, not for tests
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_ready(qtbot, window)
    yield window
    close_window(window)
    assert sim.errors == [], "the simulator raised:\n" + "\n".join(sim.errors)
    assert not leaked_threads()


@pytest.fixture
def demo_sim(demo_window: MainWindow) -> Simulator:
    return demo_window.demo_session.simulator  # type: ignore[attr-defined,no-any-return]


@pytest.fixture
def gui_simulator() -> Iterator[Simulator]:
    sim = Simulator(tokens={DEMO_TOKEN: 3000, SECRET_TOKEN: 3000}, campaigns=demo_campaigns())
    sim.start(port=0)
    try:
        yield sim
    finally:
        sim.stop()
    assert sim.errors == [], "the simulator raised:\n" + "\n".join(sim.errors)


def seed_operations(*operations: Operation) -> Path:
    path = paths.store_path()
    with Store(path) as store:
        for op in operations:
            store.upsert_operation(op)
    return path


@pytest.fixture
def open_window(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, gui_simulator: Simulator
) -> Iterator[Callable[..., MainWindow]]:
    """``open_window(*args, token=SECRET_TOKEN, ready=True)``: the normal (non-demo) app."""
    opened: list[MainWindow] = []

    def _open(*args: str, token: str | None = SECRET_TOKEN, ready: bool = True,
              api_base: str | None = None) -> MainWindow:
        if token is not None:
            monkeypatch.setenv("WOLKVOX_TOKEN", token)
        monkeypatch.setenv("WOLKVOX_API_BASE", api_base or gui_simulator.base_url)
        _app, window = build(list(args))
        opened.append(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        if ready:
            wait_ready(qtbot, window)
        return window

    yield _open
    for window in opened:
        close_window(window)
    assert not leaked_threads()
