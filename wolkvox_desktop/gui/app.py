"""Start-up: ``wolkvox-desktop [--demo] [--server CODE] [--smoke-test] [--lang en|es]``.

* :func:`build` makes (or reuses) the ``QApplication`` and the main window without entering
  the event loop: tests and automation use it.
* :func:`main` is the console/GUI script: logging, crash reporting, the event loop.
* ``--smoke-test`` (packaging): builds and shows the window, runs one start against the
  in-process demo simulator, prints ONE JSON line and exits 0 only if everything worked.
  A watchdog ends the process within ``SMOKE_TIMEOUT_S`` whatever hangs.

Environment, as for the CLI: ``WOLKVOX_TOKEN`` (token for every operation, never saved),
``WOLKVOX_API_BASE`` (loopback only: a simulator), ``WOLKVOX_DESKTOP_HOME`` (app data).
"""

from __future__ import annotations

import time

_T0 = time.perf_counter()  # as early as this module allows: the smoke test's time zero

import logging  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QEvent,
    QObject,
    QTimer,
    Signal,
    Slot,
    qVersion,
)
from PySide6.QtWidgets import QApplication  # noqa: E402

from wolkvox_desktop import APP_ID, APP_NAME  # noqa: E402
from wolkvox_desktop.core import logsetup, paths  # noqa: E402
from wolkvox_desktop.gui import single_instance  # noqa: E402
from wolkvox_desktop.gui.crash_reporter import install_exception_hooks  # noqa: E402
from wolkvox_desktop.gui.main_thread_gc import MainThreadGC  # noqa: E402
from wolkvox_desktop.gui.qtcompat import protect_bool_singletons  # noqa: E402
from wolkvox_desktop.gui.window.main_window import MainWindow  # noqa: E402
from wolkvox_desktop.gui.worker import WorkerHandle, leaked_threads  # noqa: E402
from wolkvox_desktop.gui.worker_config import WorkerConfig  # noqa: E402

if TYPE_CHECKING:
    from wolkvox_desktop.gui.demo import DemoSession

# Start-up time (benchmarks/startup.py; DEVELOPERS.md "What keeps the first frame quick"):
# what the first frame does not need is imported where it is used (argparse and the server
# code's check when there are arguments, the smoke test's parts for --smoke-test,
# QMessageBox for a crash), after the first frame on the worker's thread (the store, the
# front door, the keyring; the demo's simulator) or after it on this thread (the window's
# calls and keys, then bulk/history, plans and the tray, the version).

log = logging.getLogger(__name__)

LANGUAGES = ("system", "en", "es")


class Options:
    """What the command line asks for. A plain class: a frozen dataclass or a NamedTuple
    (whose string annotations are each compiled) costs 1-3 ms of the first frame."""

    __slots__ = ("demo", "server", "smoke_test", "lang", "qt_args")

    def __init__(self, demo: bool = False, server: str | None = None, smoke_test: bool = False,
                 lang: str | None = None, qt_args: tuple[str, ...] = ()) -> None:
        self.demo = demo
        self.server = server
        self.smoke_test = smoke_test
        self.lang = lang
        self.qt_args = qt_args


#: flags without a value that the usual starts pass alone (the welcome page's "Try the demo",
#: the packaging smoke test): read without building the parser (~4 ms with its gettext)
_PLAIN_FLAGS = ("--demo", "--smoke-test")


def parse_args(argv: list[str]) -> Options:
    if not argv:
        return Options()  # the double-click start: no parser to build
    if all(arg in _PLAIN_FLAGS for arg in argv):  # what argparse would make of them
        return Options(demo="--demo" in argv, smoke_test="--smoke-test" in argv)
    from wolkvox_desktop.gui.windows_shell import option_parser, show  # no console on Windows

    parser = option_parser(
        prog="wolkvox-desktop",
        description="Start and stop Wolkvox dialer campaigns in one click.",
    )
    parser.add_argument(
        "--demo", action="store_true",
        help="try the app against a built-in simulator (no Wolkvox account needed)",
    )
    parser.add_argument("--server", metavar="CODE", help="open this operation (server code)")
    parser.add_argument(
        "--smoke-test", action="store_true",
        help="check the installation: open the window, run one demo start, print JSON, exit",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="user interface language")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    ns, unknown = parser.parse_known_args(argv)
    if ns.version:
        show(f"wolkvox-desktop {_version()}")
        parser.exit(0)
    server = None
    if ns.server:
        from wolkvox_desktop.core.addresses import parse_server_code  # a string check, light

        try:
            server = parse_server_code(ns.server)
        except ValueError as exc:  # InvalidInput: its str() is the sentence
            parser.error(str(exc))
    qt_args = tuple(a for a in unknown if a.startswith("-"))  # e.g. -platform offscreen
    return Options(
        demo=bool(ns.demo), server=server, smoke_test=bool(ns.smoke_test), lang=ns.lang,
        qt_args=qt_args if len(qt_args) == len(unknown) else tuple(unknown),
    )


def _version() -> str:
    from wolkvox_desktop import __version__

    return str(__version__)


def _application(opts: Options) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        raise RuntimeError("a QCoreApplication without widgets already exists")
    if (
        opts.smoke_test
        and sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # the smoke test needs no screen
    app = QApplication([sys.argv[0] if sys.argv and sys.argv[0] else APP_ID, *opts.qt_args])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    return app


def _install_translators(app: QApplication, lang: str | None) -> str:
    try:
        from wolkvox_desktop.gui import i18n
    except ImportError:  # translations not available in this build
        return "en"
    try:
        setting = lang or i18n.current_language_setting()
        return str(i18n.install_translators(app, setting))
    except Exception:  # noqa: BLE001 - English is always there
        log.exception("installing translations failed")
        return "en"


def _language_setting(lang: str | None) -> str:
    if lang:
        return lang
    try:
        from wolkvox_desktop.gui import i18n

        return str(i18n.current_language_setting())
    except Exception:  # noqa: BLE001
        return "system"


class _Gate(QObject):
    """Holds the worker thread's event loop until opened (see FirstFrameWorkerHandle)."""

    HOLD_AT_MOST_S = 5.0  # never a stuck thread, whatever happens to the window

    def __init__(self) -> None:
        super().__init__()
        self._open = threading.Event()

    @Slot()
    def hold(self) -> None:
        self._open.wait(self.HOLD_AT_MOST_S)  # releases the GIL while it waits

    def open(self) -> None:
        self._open.set()


class FirstFrameWorkerHandle(WorkerHandle):
    """A :class:`WorkerHandle` whose worker gets to work once the window has painted.

    ``start()`` (called by the window) starts the thread and queues the worker's start as
    usual, but a gate queued first holds the worker's event loop until :meth:`release`:
    the worker's own start-up (the demo's simulator, importing and opening the store,
    reading the operations) holds the GIL and would otherwise slow the first frame down.
    Requests sent meanwhile wait behind the worker's start, in order, as before.
    :func:`build` releases it once the window's first frame is painted, or at the latest
    ``RELEASE_AT_LATEST_MS`` after ``build()`` once the event loop runs (a window started
    minimised paints late).
    """

    RELEASE_AT_LATEST_MS = 50

    _hold = Signal()

    def __init__(self, config: WorkerConfig, parent: QObject | None = None) -> None:
        super().__init__(config, parent)
        self._gate = _Gate()
        self._gate.moveToThread(self.thread)
        self._hold.connect(self._gate.hold)

    def start(self) -> None:
        if not self.thread.isRunning():
            self.thread.start()
            self._hold.emit()  # first in the worker thread's queue
        super().start()

    def release(self) -> None:
        """Let the worker start (idempotent)."""
        self._gate.open()

    def shutdown(self, bound_ms: int = 5000) -> bool:
        self._gate.open()  # the worker must be free to hear the shutdown
        return super().shutdown(bound_ms)


def build(argv: list[str] | None = None) -> tuple[QApplication, MainWindow]:
    """The application and its main window, ready to ``show()``; no event loop entered.

    ``argv`` are the command-line arguments without the program name (default: none).
    Reuses an existing ``QApplication`` (tests). The window owns the worker thread and, in
    demo mode, the simulator: closing the window stops both.
    """
    opts = parse_args(list(argv or []))
    logsetup.setup_logging()
    protect_bool_singletons()  # before the first signal is emitted: see gui/qtcompat.py
    app = _application(opts)
    _install_translators(app, opts.lang)
    demo_session: DemoSession | None = None
    test_server: str | None = None
    if opts.demo or opts.smoke_test:
        from wolkvox_desktop.gui.demo import DEMO_SERVER, DEMO_TOKEN, DemoSession

        demo_session = DemoSession(latency=0.0 if opts.smoke_test else 0.25)
        config = WorkerConfig(
            store_path=demo_session.store_path,
            use_env=False,  # a real WOLKVOX_TOKEN never goes to the simulator
            session_tokens={DEMO_SERVER: DEMO_TOKEN},
            demo=True,
            # the simulator starts on the worker's thread after the first frame and sets
            # the config's api_base and seed_operations (the demo operation)
            prepare=demo_session.prepare_worker,
        )
        preselect: str | None = DEMO_SERVER
    else:
        config = WorkerConfig(store_path=paths.store_path(), use_env=True,
                              session_server=opts.server)
        preselect = opts.server
        if os.environ.get("WOLKVOX_API_BASE", "").strip():  # a test server: the badge says so
            from wolkvox_desktop.core.addresses import test_server_from_env  # string checks

            test_server = test_server_from_env()
    handle = FirstFrameWorkerHandle(config)
    try:
        window = MainWindow(
            handle,
            demo=demo_session is not None,
            preselect=preselect,
            auto_refresh=not opts.smoke_test,
            language=_language_setting(opts.lang),
            test_server=test_server,
        )
    except BaseException:
        handle.shutdown()
        if demo_session is not None:
            demo_session.stop()
        raise
    # the store, the operations and the campaign list come just after the first frame
    window.after_first_frame(handle.release)
    QTimer.singleShot(FirstFrameWorkerHandle.RELEASE_AT_LATEST_MS, handle.release)
    window.after_first_show(lambda: _install_extras(window))
    window.after_first_show(lambda: app.setApplicationVersion(_version()))
    if demo_session is not None:
        window.add_close_callback(demo_session.stop)
        window.demo_session = demo_session  # type: ignore[attr-defined]
    window.smoke_test = opts.smoke_test  # type: ignore[attr-defined]
    return app, window


def _install_extras(window: MainWindow) -> None:
    """Bulk start/stop and the activity history; the shift plans with their scheduler and
    the tray (after History: the Plans button goes next to it)."""
    from wolkvox_desktop.gui.bulk import install_bulk_and_history
    from wolkvox_desktop.gui.plans import install_plans

    install_bulk_and_history(window)
    install_plans(window)
    from wolkvox_desktop.gui.about.dialog import install_about  # About…, licences, update notice

    install_about(window)


def _close_on_interrupt(window: MainWindow) -> None:
    """Ctrl+C in the terminal (or SIGTERM) closes the window the normal way, and quits the
    app even when it would otherwise keep running in the tray."""
    import signal

    def quit_window() -> None:
        from wolkvox_desktop.gui.plans.tray import quit_app  # the tray loads after the first frame

        quit_app(window)

    def close(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, quit_window)

    for name in ("SIGINT", "SIGTERM"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                signal.signal(sig, close)
            except (ValueError, OSError):  # not the main thread, or not supported here
                pass


# ------------------------------------------------------------------ main
def _data_folder_problem(
    args: list[str], problem: paths.DataFolderError, watchdog: threading.Timer | None
) -> int:
    """The data folder cannot be made or written: a dialog with the folder and the reason
    (the smoke test: its JSON line), then exit 1. Nothing is logged: the log lives there."""
    if not logging.getLogger().handlers:
        logging.getLogger().addHandler(logging.NullHandler())  # never a traceback on stderr
    if watchdog is not None:
        from wolkvox_desktop.gui.smoke import emit_json

        watchdog.cancel()
        emit_json({"ok": False, "error": problem.sentence, "qt": qVersion()})
        return 1
    from PySide6.QtWidgets import QMessageBox

    try:
        opts = parse_args(args)
    except SystemExit:
        opts = Options()
    app = _application(opts)
    _install_translators(app, opts.lang or "system")  # the saved choice lives there too
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("App", "Wolkvox Desktop cannot start"),
        QCoreApplication.translate("App", "Wolkvox Desktop cannot use its data folder:\n{0}")
        .format(str(problem.folder)),
    )
    box.setObjectName("dataFolderDialog")
    box.setInformativeText(
        QCoreApplication.translate(
            "App",
            "Reason: {0}\n\nCheck that this folder can be created and written (permissions, "
            "free space), then start Wolkvox Desktop again.",
        ).format(problem.reason)
    )
    box.exec()
    return 1


def main(argv: list[str] | None = None) -> int:
    from wolkvox_desktop.core import crashlog

    paths.restrict_umask()  # Linux/macOS: the store, logs and settings are 0600
    args = sys.argv[1:] if argv is None else list(argv)
    if not single_instance.claim(args):  # this user's window runs: it was asked to show
        return 0
    crashlog.enable()  # native crashes (Qt, C libraries) leave a trace in the log folder
    from wolkvox_desktop.gui.windows_shell import hold_app_mutex

    hold_app_mutex()  # Windows: the installer's AppMutex (asks to close a running copy)
    watchdog = None
    if "--smoke-test" in args:
        from wolkvox_desktop.gui.smoke import start_watchdog

        watchdog = start_watchdog()
    try:
        logsetup.setup_logging()
        app, window = build(args)
    except paths.DataFolderError as problem:
        return _data_folder_problem(args, problem, watchdog)
    install_exception_hooks(app)
    single_instance.attach(window)  # a second start (the Dock icon on macOS) shows it
    collector = MainThreadGC(app)  # its timer also lets Python see Ctrl+C during exec()
    window.after_first_frame(lambda: _close_on_interrupt(window))  # signal: ~1 ms of enums
    try:
        if getattr(window, "smoke_test", False):
            from wolkvox_desktop.gui.smoke import run_smoke_test

            code = run_smoke_test(app, window, _T0)
        else:
            mode = "demo" if window.demo else "normal"
            # logged once on screen: the first record imports logging.handlers (see logsetup)
            window.after_first_show(lambda: log.info("window shown (%s)", mode))
            window.show()
            code = app.exec()
    finally:
        window.shutdown()
        # Delete the window while Qt and Python are both whole (not at interpreter exit).
        window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        collector.stop()
        if watchdog is not None:
            watchdog.cancel()
    if leaked_threads():
        # A call is stuck past every bound: never let Python tear down a running QThread.
        log.error("exiting with calls still running; their history rows stay pending")
        logging.shutdown()
        sys.stdout and sys.stdout.flush()
        os._exit(code)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
