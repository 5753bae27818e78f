"""Settings in Spanish and at 800 × 500 (issue 10, point 8): plural forms through Qt's
numerus, numbers through QLocale, no clipped text, and nothing out of reach.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from tests.gui.test_settings_dialog import (
    KEYRING,
    NO_KEYRING,
    all_visible_text,
    child,
    label,
    make_dialog,
    server_edit,
)
from wolkvox_desktop.core.credentials import BackendStatus, TokenSource
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui import i18n

# The offscreen platform says this whenever a dialog is shown; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
__all__ = ["make_dialog"]  # the fixture, shared with test_settings_dialog

@contextmanager
def speaking(qapp, lang: str) -> Iterator[str]:
    """The window's language, with a locale that writes 1000 as its people do."""
    locale = QLocale()
    assert i18n.install_translators(qapp, lang) == lang  # the real catalogs
    try:
        yield lang
    finally:
        i18n.remove_translators(qapp)
        QLocale.setDefault(locale)


@pytest.fixture(params=["en", "es"])
def language(request, qapp) -> Iterator[str]:
    with speaking(qapp, request.param) as lang:
        yield lang


@pytest.fixture
def spanish(qapp) -> Iterator[str]:
    with speaking(qapp, "es") as lang:
        yield lang


@pytest.fixture
def english(qapp) -> Iterator[str]:
    with speaking(qapp, "en") as lang:
        yield lang


def test_counts_read_as_a_spanish_supervisor_reads_them(spanish, make_dialog):
    d = make_dialog([Operation("0032", "Norte")], "0032", {"0032": TokenSource.KEYRING})
    assert label(d, "budgetLabel").text() == "Presupuesto diario: 1.000 usos de token"
    child(d, QSpinBox, "licensesSpin").setValue(12)
    assert label(d, "budgetLabel").text() == "Presupuesto diario: 12.000 usos de token"
    counts = {1: "se encontró 1 campaña.", 0: "se encontraron 0 campañas.",
              1234: "se encontraron 1.234 campañas."}  # fmt: skip
    for count, words in counts.items():
        d.show_test_result(CallResult(Outcome.OK, Reason.OK, "ok", 200, 200, data=[0] * count))
        assert label(d, "testResultLabel").text().endswith("La conexión funciona: " + words)


def test_counts_in_english_have_their_plural_forms(english, make_dialog):
    d = make_dialog([Operation("0032", "Norte", licenses=1)], "0032")
    assert label(d, "budgetLabel").text() == "Daily budget: 1,000 token uses"
    d.show_test_result(CallResult(Outcome.OK, Reason.OK, "ok", 200, 200, data=[0]))
    assert label(d, "testResultLabel").text().endswith("The connection works: 1 campaign found.")


def test_the_spanish_dialog_says_it_all_in_spanish(spanish, make_dialog):
    d = make_dialog([Operation("0032", "Norte"), Operation("0099", saved=False)], "0099",
                    {"0032": TokenSource.KEYRING}, backend=NO_KEYRING)  # fmt: skip
    assert d.windowTitle() == "Configuración"
    assert label(d, "backendLabel").text() == (
        "⚠ No se encontró un llavero del sistema: el token se conserva solo durante esta sesión."
    )
    assert d.findChild(QListWidget, "operationList").item(1).text() == "0099 (solo esta sesión)"
    assert "Guárdela" in label(d, "sessionNote").text()
    assert "como máximo 2 por token; 1 es lo más seguro" in all_visible_text(d)
    d.set_backend_status(KEYRING)
    assert "(Secret Service / llavero de GNOME)" in label(d, "backendLabel").text()


# ---------------------------------------------------------------- 800 x 500


def clipped(root: QWidget) -> list[str]:
    """Visible texts that do not fit their widget (a word-wrapped label: its height)."""
    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root) or isinstance(w.parentWidget(), (QSpinBox, QComboBox)):
            continue
        room = w.contentsRect()
        if isinstance(w, QLabel) and w.text():
            if w.wordWrap():
                fits = w.heightForWidth(room.width()) <= room.height()
            else:
                fits = w.fontMetrics().horizontalAdvance(w.text()) <= room.width()
            if not fits:
                found.append(f"label {w.objectName()!r}: {w.text()!r}")
        elif isinstance(w, (QAbstractButton, QComboBox, QSpinBox)):
            if w.sizeHint().width() > w.width() or w.minimumSizeHint().height() > w.height():
                found.append(f"{type(w).__name__} {w.objectName()!r}")
        elif isinstance(w, QLineEdit) and w.placeholderText() and not w.text():
            if w.fontMetrics().horizontalAdvance(w.placeholderText()) > room.width() - 8:
                found.append(f"placeholder of {w.objectName()!r}: {w.placeholderText()!r}")
    return found


def states(d) -> Iterator[str]:
    """The dialog's longest moments: each keyring sentence, errors, a session operation."""
    locked = BackendStatus(False, "SecretService Keyring", "The system keyring is locked.",
                           transient=True)  # fmt: skip
    for status in (KEYRING, NO_KEYRING, locked):
        d.set_backend_status(status)
        yield status.name
    d.show_test_result(CallResult(Outcome.REFUSED, Reason.INVALID_TOKEN, "Rejected.", 403, 403))
    yield "test refused"
    operations = d.findChild(QListWidget, "operationList")
    operations.setCurrentRow(1)
    yield "session operation"
    d.findChild(QAbstractButton, "addOperationButton").click()
    server_edit(d).insert("0032.evil.com/")
    yield "new operation, bad server code"


def test_usable_at_800_by_500_with_nothing_clipped(language, qtbot, make_dialog):
    d = make_dialog([Operation("0032", "Bogotá norte", licenses=3),
                     Operation("0099", "Cobranza Sur", saved=False)], "0032",
                    {"0032": TokenSource.KEYRING, "0099": TokenSource.ENVIRONMENT})  # fmt: skip
    hint = d.minimumSizeHint()
    assert hint.width() <= 800 and hint.height() <= 500
    d.resize(800, 500)
    qtbot.waitUntil(lambda: (d.width(), d.height()) == (800, 500))
    scroll = d.findChild(QScrollArea)
    for state in states(d):
        qtbot.wait(20)  # let the layouts settle
        assert clipped(d) == [], state
        assert not scroll.horizontalScrollBar().isVisible(), state
        buttons = [child(d, QAbstractButton, n) for n in ("saveButton", "closeButton")]
        assert all(d.rect().contains(b.geometry()) for b in buttons), state
