"""``wolkvox``: the command-line face of the core (start/stop, campaigns, token, operations,
history). :func:`~wolkvox_desktop.cli.command.main` is the entry point."""

from wolkvox_desktop.cli.command import main

__all__ = ["main"]
