"""Settings in Spanish and at 800 × 500 (issue 10, point 8): plural forms through Qt's
numerus, numbers through QLocale, no clipped text, and nothing out of reach.

The strings this change adds are not in the catalog yet (one translation pass adds them):
:class:`PendingCatalog` plays them, over the real catalog, with the forms proposed for it.
Once they are in ``resources/translations``, drop ``PENDING`` and the class.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QLocale, QTranslator
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

S = "SettingsDialog"
#: (context, source) -> Spanish, or (singular, plural) for a numerus entry.
PENDING_ES: dict[tuple[str, str], str | tuple[str, str]] = {
    ("OperationEditor", "Daily budget: %Ln token use(s)"): (
        "Presupuesto diario: %Ln uso de token", "Presupuesto diario: %Ln usos de token"
    ),
    (S, "The connection works: %Ln campaign(s) found."): (
        "La conexión funciona: se encontró %Ln campaña.",
        "La conexión funciona: se encontraron %Ln campañas.",
    ),
    (S, "Secret Service / GNOME Keyring"): "Secret Service / llavero de GNOME",
    (S, "Windows Credential Manager"): "Administrador de credenciales de Windows",
    (S, "macOS Keychain"): "Llavero de macOS",
    (S, "Demo mode: tokens are kept in memory for this session only."):
        "Modo demostración: los tokens se conservan en memoria solo durante esta sesión.",
    (S, "Your token is kept in this computer's password store."):
        "Su token se guarda en el almacén de contraseñas de este equipo.",
    (S, "Your token is kept in this computer's password store ({place})."):
        "Su token se guarda en el almacén de contraseñas de este equipo ({place}).",
    (S, "The system keyring is locked: unlock it (log in again, or open your system's "
        "passwords app) and try again. Until then, a token you enter is kept for this "
        "session only."):
        "El llavero del sistema está bloqueado: desbloquéelo (inicie sesión de nuevo o abra "
        "la aplicación de contraseñas del sistema) e inténtelo otra vez. Mientras tanto, el "
        "token que ingrese se conserva solo durante esta sesión.",
    (S, "The system keyring cannot be reached right now: a token you enter is kept for this "
        "session only."):
        "No se puede acceder al llavero del sistema en este momento: el token que ingrese se "
        "conserva solo durante esta sesión.",
    (S, "No system keyring was found: the token is kept for this session only."):
        "No se encontró un llavero del sistema: el token se conserva solo durante esta sesión.",
    (S, "Leave empty to keep the current token"): "Deje vacío para conservar el token actual",
    (S, "{name} (this session only)"): "{name} (solo esta sesión)",
    (S, "For this session only: this operation came with --server and WOLKVOX_TOKEN. Save it "
        "to find it here at the next start."):
        "Solo para esta sesión: esta operación llegó con --server y WOLKVOX_TOKEN. Guárdela "
        "para encontrarla aquí la próxima vez que inicie.",
    (S, "Wolkvox allows at most {most} per token; {safest} is safest."):
        "Wolkvox admite como máximo {most} por token; {safest} es lo más seguro.",
}  # fmt: skip
#: English plural forms (``wolkvox_desktop_en.ts`` holds only those).
PENDING_EN: dict[tuple[str, str], str | tuple[str, str]] = {
    ("OperationEditor", "Daily budget: %Ln token use(s)"): (
        "Daily budget: %Ln token use",
        "Daily budget: %Ln token uses",
    ),
    (S, "The connection works: %Ln campaign(s) found."): (
        "The connection works: %Ln campaign found.",
        "The connection works: %Ln campaigns found.",
    ),
}


class PendingCatalog(QTranslator):
    """The proposed translations of this change's strings (asked before the real catalog)."""

    def __init__(self, entries: dict[tuple[str, str], str | tuple[str, str]]) -> None:
        super().__init__()
        self._entries = entries

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
        entry = self._entries.get((context, source))
        if isinstance(entry, tuple):
            return entry[0] if n == 1 else entry[1]  # Spanish and English: one, other
        return entry  # None: not ours, the next translator answers

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


@contextmanager
def speaking(qapp, lang: str) -> Iterator[str]:
    """The window's language, with a locale that writes 1000 as its people do."""
    locale = QLocale()
    assert i18n.install_translators(qapp, lang) == lang
    pending = PendingCatalog(PENDING_ES if lang == "es" else PENDING_EN)
    qapp.installTranslator(pending)
    QLocale.setDefault(QLocale("es_CO" if lang == "es" else "en_US"))
    try:
        yield lang
    finally:
        qapp.removeTranslator(pending)
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
