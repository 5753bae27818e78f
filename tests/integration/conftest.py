"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.store import Store


@pytest.fixture
def store() -> Iterator[Store]:
    """The real store file of this test's app-data folder (``WOLKVOX_DESKTOP_HOME``)."""
    s = Store(store_path())
    try:
        yield s
    finally:
        s.close()
