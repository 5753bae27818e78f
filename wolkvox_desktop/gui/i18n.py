"""Languages: English and Spanish, following the OS locale unless the supervisor overrides it.

The translations are Qt Linguist files under ``resources/translations/``:
``wolkvox_desktop_es.ts`` (source, edited by people) compiled to ``wolkvox_desktop_es.qm``
(what the app loads); ``wolkvox_desktop_en.ts`` holds only the English plural forms.
``tools/update_translations.py`` refreshes the sources from the code and compiles them.
Qt's own strings (standard buttons, context menus) come from Qt's ``qtbase_<lang>.qm``.

Call :func:`install_translators` once, *before* any widget is built. The language choice
is kept in the app's settings file (:mod:`wolkvox_desktop.gui.qsettings`) and applies
after a restart.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from wolkvox_desktop.core.paths import resources_dir
from wolkvox_desktop.gui.qsettings import app_settings

log = logging.getLogger(__name__)

SYSTEM = "system"
SUPPORTED_LANGUAGES = ("en", "es")
LANGUAGE_SETTINGS = (SYSTEM, *SUPPORTED_LANGUAGES)
DEFAULT_LANGUAGE = "en"
SETTINGS_KEY = "ui/language"
CATALOG_PREFIX = "wolkvox_desktop_"

# The locale used for numbers and dates when the language is forced away from the OS one.
# Spanish as Colombia writes it (Wolkvox's home): "1.000", "3,5", dd/mm/yyyy
_LOCALE_FOR = {"en": "en_US", "es": "es_CO"}

# QTranslator objects must outlive their installation: keep references here.
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def normalize_language(value: object) -> str:
    """``"system"``, ``"en"`` or ``"es"`` (anything unknown becomes ``"system"``)."""
    text = str(value or "").strip().lower().replace("-", "_")
    if text in LANGUAGE_SETTINGS:
        return text
    base = text.split("_", 1)[0]
    return base if base in SUPPORTED_LANGUAGES else SYSTEM


def system_language() -> str:
    """The supported language closest to the OS locale (``"en"`` when none matches)."""
    for name in QLocale.system().uiLanguages():
        base = name.replace("-", "_").split("_", 1)[0].lower()
        if base in SUPPORTED_LANGUAGES:
            return base
    return DEFAULT_LANGUAGE


def resolve_language(setting: str) -> str:
    setting = normalize_language(setting)
    return system_language() if setting == SYSTEM else setting


def current_language_setting() -> str:
    """The saved choice: ``"system"`` (default), ``"en"`` or ``"es"``."""
    return normalize_language(app_settings().value(SETTINGS_KEY, SYSTEM))


def set_language_setting(lang: str) -> None:
    """Save the choice (applies at the next start). Raises ValueError for unknown values."""
    value = str(lang).strip().lower()
    if value not in LANGUAGE_SETTINGS:
        raise ValueError(f"unknown language setting {lang!r}")
    settings = app_settings()
    settings.setValue(SETTINGS_KEY, value)
    settings.sync()


def _qt_translation_dirs() -> list[Path]:
    from PySide6.QtCore import QLibraryInfo  # not for English (the first frame's usual case)

    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    dirs.append(translations_dir())  # a frozen build may ship qtbase_*.qm beside ours
    return dirs


def _load(app: QApplication, file_stem: str, directories: list[Path]) -> bool:
    for directory in directories:
        if not (directory / f"{file_stem}.qm").is_file():
            continue
        translator = QTranslator(app)
        if translator.load(file_stem, str(directory)) and app.installTranslator(translator):
            _installed.append(translator)
            return True
    return False


def remove_translators(app: QApplication) -> None:
    """Uninstall what :func:`install_translators` installed (tests switch languages)."""
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()


def install_translators(app: QApplication, language: str = SYSTEM) -> str:
    """Install the app's and Qt's translations for ``language`` and return the one applied.

    ``language`` is ``"system"``, ``"en"`` or ``"es"``; ``"system"`` follows the OS locale.
    Falls back to English (returns ``"en"``) when the catalog cannot be loaded. Installing
    again replaces the previous translators.
    """
    remove_translators(app)
    wanted = resolve_language(language)
    applied = wanted
    if wanted != DEFAULT_LANGUAGE:
        if not _load(app, CATALOG_PREFIX + wanted, [translations_dir()]):
            log.warning("no %s catalog in %s; using English", wanted, translations_dir())
            applied = DEFAULT_LANGUAGE
        elif not _load(app, f"qtbase_{wanted}", _qt_translation_dirs()):
            log.info("Qt's own %s translation not found; standard buttons stay English", wanted)
    # English plural forms ("1 campaign" / "2 campaigns"); harmless when missing.
    if applied == DEFAULT_LANGUAGE:
        _load(app, CATALOG_PREFIX + DEFAULT_LANGUAGE, [translations_dir()])
    if QLocale.system().language() != QLocale(_LOCALE_FOR[applied]).language():
        QLocale.setDefault(QLocale(_LOCALE_FOR[applied]))
    else:
        QLocale.setDefault(QLocale.system())
    return applied
