"""A bare PySide6 window, frozen like the app (``frozen_bare_window.spec``): the floor that
``benchmarks/frozen.py`` compares the frozen app's ``--smoke-test`` ``window_shown_ms`` with.

Same clock as the app's smoke test: time zero at the top of the first module that runs
after PyInstaller's bootloader (the app's is ``gui/app.py``, before it imports PySide6),
the window shown at 1000x680 and the event loop run until Qt has exposed it (and so painted
it). Prints one JSON line ``{"ok": true, "window_shown_ms": N}`` (to the file named by
``WOLKVOX_BARE_REPORT`` when there is no console: a windowed Windows build).
"""

import time

_T0 = time.perf_counter()  # as gui/app.py does: the smoke test's time zero

import os  # noqa: E402
import sys  # noqa: E402

from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare window")
    window.resize(1000, 680)
    window.show()
    deadline = time.monotonic() + 5.0
    while not (window.windowHandle() and window.windowHandle().isExposed()):
        app.processEvents()
        if time.monotonic() > deadline:
            break
    shown = round((time.perf_counter() - _T0) * 1000)
    exposed = bool(window.windowHandle() and window.windowHandle().isExposed())
    import json  # after the clock, as the smoke test does

    line = json.dumps({"ok": exposed, "window_shown_ms": shown}) + "\n"
    if sys.stdout is not None:
        sys.stdout.write(line)
        sys.stdout.flush()
    elif os.environ.get("WOLKVOX_BARE_REPORT"):
        with open(os.environ["WOLKVOX_BARE_REPORT"], "w", encoding="utf-8") as out:
            out.write(line)
    window.close()
    return 0 if exposed else 1


if __name__ == "__main__":
    sys.exit(main())
