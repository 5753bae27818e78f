"""A fixture for tests that read the window's words: ``spoken`` installs English or Spanish
exactly as ``--lang`` does (the app's catalog, Qt's, and the locale for numbers and times)
and puts everything back after the test. Import it into a test module to use it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from wolkvox_desktop.gui import i18n


@pytest.fixture(params=["en", "es"])
def spoken(request: Any, qapp: Any) -> Iterator[str]:
    """The window's language for the test: ``"en"``, then ``"es"``."""
    locale = QLocale()
    assert i18n.install_translators(qapp, request.param) == request.param
    try:
        yield str(request.param)
    finally:
        i18n.remove_translators(qapp)
        QLocale.setDefault(locale)


def words(language: str, english: str, spanish: str) -> str:
    """The words a reader of ``language`` expects."""
    return spanish if language == "es" else english
