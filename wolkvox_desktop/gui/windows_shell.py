"""What the windowed app does differently on Windows: the installer's named mutex, and text
meant for a console shown in a message box (a windowed program has no console there:
``sys.stdout`` is ``None``).

* :func:`hold_app_mutex`: creates the named mutex the installer's ``AppMutex=`` looks for
  (``build_specs/windows/installer.iss``), so Setup and the uninstaller ask to close a
  running copy (one in the tray too) instead of replacing its files under it. Held until
  the process ends; Windows releases it then. Elsewhere: nothing (not even ``ctypes``).
* :func:`option_parser` / :func:`show`: ``--help``, ``--version`` and a refused option go
  to the console when there is one, else into a message box (Windows), else nowhere.

Standard library only and loaded lazily: start-up pays nothing for it on Linux/macOS.
"""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

APP_MUTEX = "WolkvoxDesktop-6C3E2E0B-7D0A-4C55-9B9F-1F1D2B7A4C21"  # = build_specs/project.py
TITLE = "Wolkvox Desktop"
MB_OK, MB_ICONINFORMATION, MB_ICONWARNING = 0x0, 0x40, 0x30

_held: list[Any] = []  # the mutex handle(s): alive as long as the process


def hold_app_mutex(name: str = APP_MUTEX) -> bool:
    """Windows: create (or open) the named mutex and keep it for the process's lifetime.
    Returns whether a handle is held; False on other systems or if Windows refused."""
    if sys.platform != "win32":
        return False
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    create = kernel32.CreateMutexW
    create.argtypes = (wintypes.LPVOID, wintypes.BOOL, wintypes.LPCWSTR)
    create.restype = wintypes.HANDLE
    handle = create(None, False, name)
    if not handle:
        return False
    _held.append(handle)
    return True


def show(text: str, *, warning: bool = False, stream: IO[str] | None = None) -> None:
    """``text`` on ``stream`` (default: stdout) when it exists, else in a message box on
    Windows; dropped elsewhere (there is always a stream there when someone could read)."""
    target = stream if stream is not None else sys.stdout
    if target is not None:
        try:
            target.write(text if text.endswith("\n") else text + "\n")
            target.flush()
            return
        except (AttributeError, OSError, ValueError):
            pass
    if sys.platform == "win32":
        import ctypes

        flags = MB_OK | (MB_ICONWARNING if warning else MB_ICONINFORMATION)
        ctypes.windll.user32.MessageBoxW(None, text.rstrip(), TITLE, flags)  # type: ignore[attr-defined]


def option_parser(**kwargs: Any) -> argparse.ArgumentParser:
    """An argparse parser whose messages (help, usage, errors) reach the person who typed
    the options even in the windowed app on Windows (argparse loads only here: the
    double-click start has no arguments and pays nothing)."""
    import argparse

    class OptionParser(argparse.ArgumentParser):
        def _print_message(self, message: str, file: IO[str] | None = None) -> None:
            if message:  # help and usage: stdout; an error: stderr (both None: a box)
                show(message, warning=file is not None and file is sys.stderr,
                     stream=file if file is not None else sys.stdout)

    return OptionParser(**kwargs)
