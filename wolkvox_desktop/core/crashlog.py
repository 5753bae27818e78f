"""A trace when the process dies natively: ``faulthandler`` writing to ``crash.log``.

A crash inside Qt or another C library (segmentation fault, abort) kills the process
before any Python handler runs, and a windowed app has no terminal to print to. With
:func:`enable`, Python's ``faulthandler`` writes the Python stack of every thread to
``<log folder>/crash.log`` at that moment. Qt-free, standard library only.

- The file is opened in append mode and kept open for the life of the process (the
  handler must not allocate or open anything when the crash happens). Each start adds
  one line (time, program, pid) so a trace can be dated: the trace follows the line of
  the run that died. Past :data:`MAX_BYTES` the file is renamed ``crash.log.old`` at the
  next start.
- Tolerant: a missing or unwritable log folder, or no file system at all, means no crash
  file, never an error (returns None).
- A ``faulthandler`` that someone else enabled first (``python -X faulthandler``,
  ``PYTHONFAULTHANDLER``, pytest) is left alone: that person chose where traces go.
- Idempotent: a second call with the same folder keeps the same file; with another folder
  (tests changing ``WOLKVOX_DESKTOP_HOME``) it moves to the new one.
- Holds no secret: a faulthandler trace is file names, line numbers and function names.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import threading
import time
from pathlib import Path
from typing import IO

from wolkvox_desktop.core import paths

CRASH_FILE_NAME = "crash.log"
MAX_BYTES = 512 * 1024

_lock = threading.Lock()
_file: IO[str] | None = None
_path: Path | None = None


def crash_file_path() -> Path:
    """Where :func:`enable` writes (the file may not exist yet)."""
    return paths.log_dir() / CRASH_FILE_NAME


def active_path() -> Path | None:
    """The crash file in use by this process, or None when :func:`enable` has not (or
    could not) set one up."""
    with _lock:
        if _file is not None and faulthandler.is_enabled():
            return _path
        return None


def enable() -> Path | None:
    """Send native crash traces of this process to ``crash.log`` in the log folder.

    Returns the file's path, or None when no file could be opened or another
    ``faulthandler`` target was already set. Never raises.
    """
    global _file, _path
    with _lock:
        if faulthandler.is_enabled() and _file is None:
            return None  # enabled by someone else: leave their choice alone
        try:
            path = crash_file_path()
            if _file is not None and path == _path:
                return path
            _rotate(path)
            handle = open(path, "a", encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            return None
        try:
            program = Path(sys.argv[0]).stem if sys.argv and sys.argv[0] else "python"
            handle.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S %z')} {program} "
                         f"pid {os.getpid()} started\n")
            handle.flush()
            faulthandler.enable(file=handle, all_threads=True)
        except (OSError, ValueError, RuntimeError):
            handle.close()
            return None
        old, _file, _path = _file, handle, path
        if old is not None:
            old.close()
        return path


def _rotate(path: Path) -> None:
    try:
        if path.stat().st_size > MAX_BYTES:
            os.replace(path, path.with_name(path.name + ".old"))
    except OSError:
        pass  # absent, or held open by another process (Windows): keep appending
