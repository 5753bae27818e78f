"""The ``wolkvox`` entry point: parse, run one command, and turn anything that goes wrong
into a sentence and an exit code (never a traceback).

Every call goes through the front door (:mod:`wolkvox_desktop.core.operations`): token
rule, gate, budget, history. The token is read from ``WOLKVOX_TOKEN`` or the OS keyring and
is never printed, logged or accepted as an argument.

Files the command creates are private (``paths.restrict_umask``: 0600 on Linux/macOS). A
data folder that cannot be made or written ends in one sentence naming it and the reason
(exit 1); a data file rebuilt after damage is told on stderr by every command until a
person has seen it (see :func:`_say_recovered`).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from wolkvox_desktop.cli.output import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_LOCAL, err
from wolkvox_desktop.cli.parser import ParserExit, build_parser
from wolkvox_desktop.cli.runtime import state
from wolkvox_desktop.core import paths
from wolkvox_desktop.core.errors import InvalidInput, Outcome
from wolkvox_desktop.core.store import StoreError
from wolkvox_desktop.core.store import connection as store_connection

if TYPE_CHECKING:
    from wolkvox_desktop.core.store.notices import RecoveryNotice

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``wolkvox`` command; returns the exit code (see ``wolkvox --help``)."""
    state.calling = False
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    umask = paths.restrict_umask()
    from wolkvox_desktop.core import crashlog

    crashlog.enable()  # a native crash leaves its trace in the log folder (a no-op in tests)
    raise_exceptions = logging.raiseExceptions
    logging.raiseExceptions = False  # a log file that fails mid-run prints no traceback
    store_connection.add_recovery_listener(_say_recovered)
    try:
        return _main(argv)
    finally:
        store_connection.remove_recovery_listener(_say_recovered)
        logging.raiseExceptions = raise_exceptions
        if sys.platform != "win32":
            os.umask(umask)  # main() may run inside another program (tests)


def run_command() -> NoReturn:
    """The ``wolkvox`` program: :func:`main`, then the process ends at once.

    Once the output is flushed and the log closed, nothing is left for the interpreter's
    own teardown to do (the store is closed, no thread runs, no file is pending), and that
    teardown, freeing every loaded module one by one, took about a sixth of the whole
    command (benchmarks/cli_startup.py). So the process ends with ``os._exit`` and the exit
    code. Under a tracer (a debugger, coverage) it ends the ordinary way, so their own exit
    hooks still run. :func:`main` itself always returns (tests and embedders call it).
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        # a reader that went away (``wolkvox history | head -1``) is not an error
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.flush()
    logging.shutdown()  # flushes and closes the log file
    if sys.gettrace() is None:
        os._exit(code)
    sys.exit(code)


def _say_recovered(notice: RecoveryNotice) -> None:
    """The data file was rebuilt and no person has seen it yet: said on stderr by every
    command (the scheduler's `plan run-due` too) until it is seen. Seen means printed to
    a terminal (a person read it) or shown by the window; output that goes to a file or a
    scheduler's mail keeps it unseen, so the next command or the window says it again."""
    err(notice.sentence())
    if _is_terminal(sys.stderr):
        try:
            notice.mark_seen()
        except StoreError as exc:  # said again next time: no harm
            log.warning("the rebuild notice could not be marked seen: %s", exc)


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


def _main(argv: Sequence[str] | None) -> int:
    typed = list(sys.argv[1:] if argv is None else argv)
    args: argparse.Namespace | None = None
    try:
        try:
            args = build_parser(typed).parse_args(typed)
        except ParserExit as exc:
            if exc.message:  # refused: kept in the log too (a scheduler's run is read there)
                _setup_logging()
                log.warning("the command line was refused (exit 2): %s", exc.message)
            return exc.status
        _setup_logging()
        return run(args)
    except paths.DataFolderError as exc:  # the data folder cannot be made or written
        err(exc.sentence)
        return Outcome.UNKNOWN.exit_code if state.calling else EXIT_LOCAL
    except BrokenPipeError:  # the reader went away (`wolkvox history | head`): nothing to say
        log.info("standard output was closed by its reader")
        return Outcome.UNKNOWN.exit_code if state.calling else EXIT_LOCAL
    except OSError as exc:  # a file cannot be used
        why = exc.strerror or type(exc).__name__
        if _named_on_the_command_line(exc, args):  # its name is not repeated
            log.warning("file error with a file named on the command line: %s", why)
            err(f"Wolkvox Desktop cannot use the file named on the command line: {why}.")
        else:
            log.warning("file error: %s", exc)
            where = f" ({exc.filename})" if exc.filename else ""
            err(f"Wolkvox Desktop cannot use a file or folder it needs{where}: {why}.")
        return Outcome.UNKNOWN.exit_code if state.calling else EXIT_LOCAL
    except StoreError as exc:
        log.warning("store error: %s", exc)
        err(str(exc))
        return Outcome.UNKNOWN.exit_code if state.calling else EXIT_LOCAL
    except InvalidInput as exc:  # a safety net: commands report these themselves
        err(exc.message)
        return Outcome.UNKNOWN.exit_code if state.calling else EXIT_INVALID
    except KeyboardInterrupt:
        if state.calling:
            err("Interrupted while a call was in flight: it may or may not have reached "
                "Wolkvox. Check the campaign (wolkvox campaigns) before trying again.")
            return Outcome.UNKNOWN.exit_code
        err("Interrupted; nothing was being sent.")
        return EXIT_INTERRUPTED
    except Exception:  # noqa: BLE001 - the last resort: a sentence, never a traceback
        log.exception("internal error in the wolkvox command")
        details = f"Details are in {_log_file()}."
        if state.calling:
            err("Wolkvox Desktop hit an internal error while a call was in flight: it may or "
                f"may not have reached Wolkvox. Check the campaign before trying again. {details}")
            return Outcome.UNKNOWN.exit_code
        err(f"Wolkvox Desktop hit an internal error. {details}")
        return EXIT_LOCAL


_FILE_OPTIONS = ("from_file", "csv", "file")  # the options that name a file


def _named_on_the_command_line(exc: OSError, args: argparse.Namespace | None) -> bool:
    """Whether the file of ``exc`` is one the command line named (or a temporary file
    beside it, named after it): such a name was typed, and is not repeated."""
    named = [Path(str(getattr(args, option))).name for option in _FILE_OPTIONS
             if getattr(args, option, None) is not None]
    failed = [Path(str(n)).name for n in (exc.filename, exc.filename2) if n]
    return any(name in path for path in failed for name in named
               if name not in ("", "-"))


def run(args: argparse.Namespace) -> int:
    """Send a parsed command to the module that does it (imported only when needed)."""
    command: str = args.command
    if command in ("start", "stop"):
        from wolkvox_desktop.cli import actions

        return actions.cmd_action(args)
    if command == "campaigns":
        from wolkvox_desktop.cli import reads

        return reads.cmd_campaigns(args)
    if command in ("live", "speed"):
        from wolkvox_desktop.cli import live

        return live.cmd_live(args) if command == "live" else live.cmd_speed(args)
    if command == "token":
        if args.token_command == "info":
            from wolkvox_desktop.cli import reads

            return reads.cmd_token_info(args)
        from wolkvox_desktop.cli import token

        return token.run(args)
    if command in ("operations", "operation"):
        from wolkvox_desktop.cli import operations

        return operations.run(args)
    if command == "plan":
        from wolkvox_desktop.cli import plans

        return plans.run(args)
    from wolkvox_desktop.cli import history

    if command == "usage":
        return history.cmd_usage(args)
    return history.cmd_history(args)


def _log_file() -> str:
    try:
        from wolkvox_desktop.core.logsetup import log_file_path

        return str(log_file_path())
    except Exception:  # noqa: BLE001 - only a hint
        return "the log file"


def _setup_logging() -> None:
    try:
        from wolkvox_desktop.core.logsetup import setup_logging

        setup_logging(logging.INFO, console=False)
    except Exception:  # noqa: BLE001 - a log we cannot open must not stop the command
        logging.getLogger().addHandler(logging.NullHandler())


if __name__ == "__main__":
    from wolkvox_desktop.cli import run_command as program

    program()
