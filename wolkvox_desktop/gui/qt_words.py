"""Qt's own words that its Spanish catalog (``qtbase_es``) leaves in English.

Qt 6's file dialog labels its fields "&Look in:" and "Files of &type:", while
``qtbase_es.qm`` translates only the older "Look in:" and "Files of type:": a Spanish
window would show them in English. Translations are looked up in every catalog installed,
so listing the strings here, in Qt's own contexts, puts their Spanish in ours
(``resources/translations``). Nothing calls :func:`_for_lupdate`: pyside6-lupdate reads it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

_translate = QCoreApplication.translate


def _for_lupdate() -> None:  # pragma: no cover - read by pyside6-lupdate, never run
    _translate("QFileDialog", "&Look in:")
    _translate("QFileDialog", "Files of &type:")
