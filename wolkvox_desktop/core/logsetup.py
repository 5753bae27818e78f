"""The app's log: a rotating file in the app-data folder, with every token redacted.

Qt-free. Works when the process has no console at all (a frozen, windowed Windows app has
``sys.stderr is None``): the file handler never touches the standard streams.

* :func:`register_secret` adds a value (a token) that must never appear in a log line.
* :class:`RedactingFilter` replaces registered values, and anything that looks like a
  ``wolkvox-token`` header, in a record's message, arguments and exception text.
* :func:`setup_logging` installs the rotating file handler (idempotent; a second call with
  another app-data folder, as in tests, moves the handler there). ``logging.handlers``
  (which drags in socket, pickle, queue: ~7 ms) is imported with the first record, not at
  start-up: see :class:`DeferredRotatingFileHandler`.
* :func:`log_uncaught` writes an uncaught exception to the log, redacted.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import sys
import threading
from pathlib import Path
from types import TracebackType

from wolkvox_desktop.core import paths

LOG_FILE_NAME = "wolkvox-desktop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
REDACTED = "[redacted]"
_MIN_SECRET_LENGTH = 4  # shorter values would redact ordinary words

# "wolkvox-token: abc", "wolkvox-token=abc", "'wolkvox-token': 'abc'", "wolkvoxtoken abc",
# and Python's repr of a value holding a quote: "'wolkvox-token': \"it's\"" (all of it).
# Compiled with the first line to redact (_header_pattern), not at start-up.
_HEADER_PATTERN = (
    r"""(?ix)
    (wolkvox[-_ ]?token['"]?\s*[:=]?\s*)         # the header name and separator
    (?:
        (["'])(?:(?!\2)[^\\\n]|\\.)*\2         # a quoted value, to its closing quote
      | [^\s'",}\]]+                             # a bare value
    )
    """
)

_secrets: set[str] = set()
_secrets_lock = threading.Lock()
_handler_lock = threading.Lock()
_file_handler: logging.Handler | None = None


def register_secret(value: str | None) -> None:
    """Remember a value (a token) that must be redacted from every log line."""
    if not value:
        return
    value = value.strip()
    if len(value) < _MIN_SECRET_LENGTH:
        return
    with _secrets_lock:
        _secrets.add(value)


def forget_secrets() -> None:
    """Tests only: clear the registry."""
    with _secrets_lock:
        _secrets.clear()


def redact(text: str) -> str:
    """``text`` with every registered secret and every token header value replaced."""
    if not text:
        return text
    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return _header_pattern().sub(_redacted_header, text)


@functools.cache
def _header_pattern() -> re.Pattern[str]:
    return re.compile(_HEADER_PATTERN)


def _redacted_header(match: re.Match[str]) -> str:
    quote = match.group(2) or ""
    return f"{match.group(1)}{quote}{REDACTED}{quote}"


class RedactingFilter(logging.Filter):
    """Redact tokens in a record before any formatter sees it. Never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the record
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        # the exception object itself may hold the token in its args: drop it once rendered
        record.exc_info = None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class RedactingFormatter(logging.Formatter):
    """A second line of defence: redact the final formatted line too."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class DeferredRotatingFileHandler(logging.Handler):
    """A ``RotatingFileHandler`` made (and ``logging.handlers`` imported) on the first record.

    Same file, size limit, backups and formatter; filters run here, before the real handler
    sees the record. ``baseFilename`` is known from the start, like the real one's.
    """

    def __init__(self, filename: Path, *, max_bytes: int, backup_count: int) -> None:
        super().__init__()
        self.baseFilename = os.path.abspath(filename)
        self._max_bytes = max_bytes
        self._backup_count = backup_count
        self._target: logging.Handler | None = None
        self._closed = False

    def _real(self) -> logging.Handler | None:
        if self._target is None and not self._closed:
            import logging.handlers

            target = logging.handlers.RotatingFileHandler(
                self.baseFilename, maxBytes=self._max_bytes, backupCount=self._backup_count,
                encoding="utf-8", delay=True,
            )  # fmt: skip
            target.setFormatter(self.formatter)
            self._target = target
        return self._target

    @property
    def target(self) -> logging.Handler | None:
        """The real handler, once a record made it (tests, diagnostics)."""
        return self._target

    def emit(self, record: logging.LogRecord) -> None:
        # called with this handler's lock held: the real one is made once
        try:
            target = self._real()
        except Exception:  # noqa: BLE001 - logging must never raise
            self.handleError(record)
            return
        if target is not None:
            target.handle(record)

    def flush(self) -> None:
        self.acquire()
        try:
            if self._target is not None:
                self._target.flush()
        finally:
            self.release()

    def close(self) -> None:
        self.acquire()
        try:
            self._closed = True
            if self._target is not None:
                self._target.close()
                self._target = None
        finally:
            self.release()
        super().close()


def log_file_path() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO, *, console: bool | None = None) -> Path:
    """Send the app's log records to a rotating file in ``paths.log_dir()``.

    ``console=None`` also logs warnings to ``sys.stderr`` when one exists and it is a
    terminal. Returns the log file's path. Safe to call again (the handler is replaced).
    """
    global _file_handler
    register_secret(os.environ.get("WOLKVOX_TOKEN"))
    path = log_file_path()
    root = logging.getLogger()
    with _handler_lock:
        old = _file_handler
        if old is not None and getattr(old, "baseFilename", None) == str(path):
            return path
        handler = DeferredRotatingFileHandler(
            path, max_bytes=MAX_BYTES, backup_count=BACKUP_COUNT
        )
        handler.setFormatter(
            RedactingFormatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
        )
        handler.addFilter(RedactingFilter())
        handler.set_name("wolkvox-desktop-file")
        root.addHandler(handler)
        _file_handler = handler
        if old is not None:
            root.removeHandler(old)
            old.close()
        if console is None:
            stream = sys.stderr
            console = stream is not None and hasattr(stream, "isatty") and stream.isatty()
        if console and sys.stderr is not None and not _has_console_handler(root):
            stream_handler = logging.StreamHandler()
            stream_handler.setLevel(logging.WARNING)
            stream_handler.setFormatter(RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
            stream_handler.addFilter(RedactingFilter())
            stream_handler.set_name("wolkvox-desktop-console")
            root.addHandler(stream_handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path


def _has_console_handler(root: logging.Logger) -> bool:
    return any(h.get_name() == "wolkvox-desktop-console" for h in root.handlers)


def teardown_logging() -> None:
    """Close and remove the handlers installed by :func:`setup_logging` (releases the file)."""
    global _file_handler
    root = logging.getLogger()
    with _handler_lock:
        for handler in list(root.handlers):
            if handler.get_name() in ("wolkvox-desktop-file", "wolkvox-desktop-console"):
                root.removeHandler(handler)
                handler.close()
        _file_handler = None


def log_uncaught(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    *,
    where: str = "main thread",
) -> None:
    """Write an uncaught exception to the log (redacted). Never raises."""
    try:
        logging.getLogger("wolkvox_desktop.crash").critical(
            "uncaught exception in %s", where, exc_info=(exc_type, exc, tb)  # type: ignore[arg-type]
        )
    except Exception:  # noqa: BLE001, S110 - the last resort must not raise
        pass
