"""Wolkvox Desktop: start and stop Wolkvox dialer campaigns in one click."""

# Kept by hand in step with ``version`` in pyproject.toml (tests/unit/test_version.py checks
# it): reading the installed package metadata instead costs ~20 ms of every start-up.
__version__ = "0.1.0"

APP_NAME = "Wolkvox Desktop"
APP_ID = "wolkvox-desktop"
