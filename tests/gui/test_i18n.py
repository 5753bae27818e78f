"""Languages: the setting, the translators, and the translation files themselves.

The catalogue checks run the real ``pyside6-lupdate``/``pyside6-lrelease`` over the GUI
code: a new ``tr()`` string without its Spanish translation fails here, and so does a
``.qm`` that was not rebuilt after the ``.ts`` changed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from tools import update_translations
from wolkvox_desktop.gui import i18n
from wolkvox_desktop.gui.qsettings import app_settings, settings_path

ES_TS = update_translations.TRANSLATIONS / "wolkvox_desktop_es.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d|&&")


@pytest.fixture
def restore_language(qapp) -> Iterator[None]:
    locale = QLocale()
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(locale)


# ---------------------------------------------------------------- the setting


def test_language_setting_defaults_to_system_and_persists(app_home: Path):
    assert i18n.current_language_setting() == "system"
    i18n.set_language_setting("es")
    assert i18n.current_language_setting() == "es"
    assert settings_path() == app_home / "settings.ini"
    assert "language=es" in settings_path().read_text()
    assert app_settings().value("ui/language") == "es"


def test_unknown_language_setting_is_refused_and_ignored_when_read():
    with pytest.raises(ValueError):
        i18n.set_language_setting("fr")
    settings = app_settings()
    settings.setValue(i18n.SETTINGS_KEY, "klingon")
    settings.sync()
    assert i18n.current_language_setting() == "system"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("es", "es"), ("ES", "es"), ("es-CO", "es"), ("es_419", "es"), ("en_US", "en"),
     ("system", "system"), ("fr", "system"), ("", "system"), (None, "system")],
)  # fmt: skip
def test_normalize_language(value, expected):
    assert i18n.normalize_language(value) == expected


# ---------------------------------------------------------------- the translators


def test_spanish_translators_translate_ours_and_qts(qapp, restore_language):
    assert i18n.install_translators(qapp, "es") == "es"
    assert QCoreApplication.translate("SettingsDialog", "Save") == "Guardar"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"  # qtbase_es
    assert QLocale().language() in (QLocale.Language.Spanish, QLocale.system().language())


def test_english_and_reinstalling_replace_the_previous_language(qapp, restore_language):
    i18n.install_translators(qapp, "es")
    assert i18n.install_translators(qapp, "en") == "en"
    assert QCoreApplication.translate("SettingsDialog", "Save") == "Save"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.parametrize(
    ("os_locale", "expected"), [("es_CO.UTF-8", "es"), ("en_US.UTF-8", "en"), ("fr_FR.UTF-8", "en")]
)
def test_system_follows_the_os_locale(os_locale, expected):
    """In a fresh process: Qt reads the OS locale once, at start-up."""
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from wolkvox_desktop.gui import i18n\n"
        "app = QApplication([])\n"
        "print(i18n.install_translators(app, 'system'))\n"
    )
    env = dict(os.environ, LC_ALL=os_locale, LANG=os_locale, LANGUAGE="")
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [expected]


def test_missing_catalog_falls_back_to_english(qapp, restore_language, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)  # an empty folder
    assert i18n.install_translators(qapp, "es") == "en"
    assert QCoreApplication.translate("SettingsDialog", "Save") == "Save"


def test_spanish_main_window(qtbot, restore_language):
    """The real window in Spanish, answers included (a refusal, translated by reason)."""
    from wolkvox_desktop.gui.app import build

    _app, window = build(["--demo", "--lang", "es"])
    qtbot.addWidget(window)
    sim = window.demo_session.simulator
    sim.faults.latency = 0.0
    window.show()
    qtbot.waitUntil(lambda: window.campaignModel.rowCount() > 0, timeout=10_000)
    assert window.startButton.text().endswith("Iniciar")
    assert window.stopButton.text().endswith("Detener")
    assert window.refreshButton.text().replace("&", "") == "Actualizar"

    first = window.campaignModel.campaign_at(0)
    window.campaignIdEdit.setText(first.campaign.id)
    qtbot.waitUntil(window.startButton.isEnabled, timeout=10_000)
    sim.faults.maintenance = True
    window.startButton.click()
    qtbot.waitUntil(
        lambda: "Wolkvox rechazó la llamada" in window.statusPanel.toPlainText(), timeout=10_000
    )
    assert "Rechazado por Wolkvox" in window.statusPanel.toPlainText()
    window.close()
    assert not window.handle.thread.isRunning()


def test_every_reason_has_a_spanish_sentence(qapp, restore_language):
    """A new core Reason without its sentence in gui/messages.py would show English."""
    from wolkvox_desktop.core.errors import Reason
    from wolkvox_desktop.gui import messages

    english = {r: messages.reason_sentence(r) for r in Reason if r is not Reason.OK}
    assert [r.value for r, text in english.items() if not text] == []
    i18n.install_translators(qapp, "es")
    untranslated = [r.value for r in english if messages.reason_sentence(r) == english[r]]
    assert untranslated == []


# ---------------------------------------------------------------- the catalogues


def test_every_gui_string_is_translated_and_the_qm_files_are_fresh():
    """Runs lupdate over wolkvox_desktop/gui into a copy of the .ts: nothing unfinished."""
    problems = update_translations.check()
    assert problems == [], "\n".join(
        ["run `python tools/update_translations.py`, translate, run it again:", *problems]
    )


def test_no_unfinished_entries_in_the_committed_ts():
    text = ES_TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert 'type="vanished"' not in text and 'type="obsolete"' not in text


def _messages(ts: Path) -> Iterator[tuple[str, str, list[str]]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") == "unfinished":
                continue  # reported by the tests above
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            yield name, message.findtext("source") or "", forms


def test_translations_keep_the_placeholders_of_their_source():
    broken = []
    for context, source, forms in _messages(ES_TS):
        wanted = sorted(p for p in PLACEHOLDER.findall(source) if p != "%n")
        for form in forms:
            got = sorted(p for p in PLACEHOLDER.findall(form) if p != "%n")
            if got != wanted or not form.strip():
                broken.append((context, source, form))
    assert broken == []


def test_spanish_is_really_spanish():
    """A copied English source is not a translation (a few words are the same in both)."""
    same_in_both = {"ID", "HTTP", "Preview", "{ms} ms", "{0} ms", " s", "Wolkvox Desktop",
                    "{0}: {1} {2}", "Demo", "Token", "Total", "Error", "OK", "CSV",
                    "Wolkvox Desktop — Demo", "Plan", "Plan “{name}”",
                    "Plan “{name}”: {headline}", "{days} {at}"}  # fmt: skip
    copied = [
        (context, source)
        for context, source, forms in _messages(ES_TS)
        if forms == [source] and source not in same_in_both and re.search("[a-z]{3}", source)
    ]
    assert copied == []
