"""Wolkvox Desktop: start and stop Wolkvox dialer campaigns in one click."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("wolkvox-desktop")
except _metadata.PackageNotFoundError:  # frozen without metadata, or a bare checkout
    __version__ = "0.1.0"

APP_NAME = "Wolkvox Desktop"
APP_ID = "wolkvox-desktop"
