"""``wolkvox``: the command-line face of the core (start/stop, campaigns, token, operations,
history, plans). :func:`run_command` is the program; :func:`main` runs one command and
returns its exit code (tests and embedders call it).

This package's own start is kept empty on purpose: :func:`run_command` pauses Python's
cycle collector before any other module of the command is imported.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from wolkvox_desktop.cli.command import main

__all__ = ["main", "run_command"]


def run_command() -> NoReturn:
    """The ``wolkvox`` program (the console script, ``python -m wolkvox_desktop.cli``, the
    frozen app's ``wolkvox``).

    The cycle collector is paused before the command's modules load and runs again when its
    calls begin (:func:`~wolkvox_desktop.cli.runtime.calling`): loading modules allocates
    much and frees almost nothing, so every pass of the collector there is wasted work
    (benchmarks/cli_startup.py). Then :func:`wolkvox_desktop.cli.command.run_command`,
    which ends the process.
    """
    gc.disable()
    from wolkvox_desktop.cli import command, runtime

    runtime.state.gc_paused = True
    command.run_command()


def __getattr__(name: str) -> Any:
    if name == "main":  # loaded when asked for, so that run_command comes first
        from wolkvox_desktop.cli.command import main

        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
