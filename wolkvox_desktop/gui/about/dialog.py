"""*About Wolkvox Desktop*: the version, the third-party licences, *About Qt*, and the
news of a newer version when the release feed IT set names one.

:func:`install_about` puts *About Wolkvox Desktop* at the right of the main window's status
bar (F1 opens it too) and the update notice (:mod:`.update_notice`) beside it. The dialog shows:

* the app's name, version and purpose;
* *Third-party licences…*: ``THIRD-PARTY-NOTICES.txt``, written by the build from what
  the app bundles (beside the executable on Windows and Linux, in the bundle's Resources
  on macOS), with the CycloneDX list (``wolkvox-desktop.cdx.json``) named; from a source
  checkout there is none, and the dialog says so;
* *About Qt* (``QMessageBox.aboutQt``: Qt's version and licence);
* "Version X is available" with a link, when the last check found one.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wolkvox_desktop import APP_NAME, __version__
from wolkvox_desktop.gui.window.control import control

NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"  # build_specs/notices.py
SBOM_NAME = "wolkvox-desktop.cdx.json"


def bundled_file(name: str) -> Path | None:
    """A file the build put into the app: beside the executable (Windows, Linux), else in
    PyInstaller's data folder (``_internal``; macOS: reached from Contents/Frameworks)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if not frozen:
        return None
    for folder in (Path(sys.executable).resolve().parent, Path(frozen)):
        if (folder / name).is_file():
            return folder / name
    return None


def bring_up(dialog: QDialog) -> None:
    """Show ``dialog``, or bring it to the front when it is already open."""
    if dialog.isVisible():
        dialog.raise_()
        dialog.activateWindow()
    else:
        dialog.show()


class LicencesDialog(QDialog):
    """The third-party notices, read-only. ``notices``: the file (None: not built)."""

    def __init__(self, notices: Path | None, sbom: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("licencesDialog")
        self.setWindowTitle(self.tr("Third-party licences"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("licencesIntro")
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit()
        self.text.setObjectName("licencesText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(self.tr("Third-party licences"))
        if notices is None:
            self.intro.setText(self.tr(
                "The list of third-party licences is written when the app is built. This "
                "copy runs from its source code, so there is none to show."))
            self.text.hide()
        else:
            intro = self.tr("Wolkvox Desktop includes the software below; each part keeps "
                            "its own licence. This text is in {0}.").format(str(notices))
            if sbom is not None:
                intro += " " + self.tr("The same list for software inventories (CycloneDX): "
                                       "{0}.").format(str(sbom))
            self.intro.setText(intro)
            try:
                self.text.setPlainText(notices.read_text(encoding="utf-8", errors="replace"))
            except OSError as exc:
                self.text.setPlainText(self.tr("The file could not be read: {0}").format(
                    exc.strerror or type(exc).__name__))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class AboutDialog(QDialog):
    """Public parts: ``titleLabel``, ``versionLabel``, ``updateLabel`` (hidden unless a
    newer version is known), ``licencesButton``, ``aboutQtButton``."""

    def __init__(self, parent: QWidget | None = None, *, update: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Wolkvox Desktop"))
        self.licences: LicencesDialog | None = None
        layout = QVBoxLayout(self)
        self.titleLabel = QLabel(APP_NAME)
        self.titleLabel.setObjectName("aboutTitle")
        font = self.titleLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.titleLabel.setFont(font)
        self.versionLabel = QLabel(self.tr("Version {0}").format(__version__))
        self.versionLabel.setObjectName("aboutVersion")
        self.versionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        purpose = QLabel(self.tr("Start and stop Wolkvox dialer campaigns in one click."))
        purpose.setWordWrap(True)
        built = QLabel(self.tr(
            "Built with Qt for Python (PySide6) and the Qt libraries, used under the GNU "
            "LGPL version 3, with Python and other open-source software: see the "
            "third-party licences."))
        built.setObjectName("aboutBuiltWith")
        built.setWordWrap(True)
        self.updateLabel = QLabel()
        self.updateLabel.setObjectName("aboutUpdate")
        self.updateLabel.setTextFormat(Qt.TextFormat.RichText)
        self.updateLabel.setOpenExternalLinks(True)
        self.updateLabel.setWordWrap(True)
        self.updateLabel.hide()
        self.show_update(update)

        self.licencesButton = control(
            QPushButton(self.tr("Third-party &licences…")), "licencesButton",
            self.tr("Third-party licences"),
            self.tr("The licences of the open-source software this app includes"))
        self.aboutQtButton = control(QPushButton(self.tr("About &Qt")), "aboutQtButton",
                                     self.tr("About Qt"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.licencesButton)
        row.addWidget(self.aboutQtButton)
        row.addStretch(1)
        row.addWidget(buttons)
        for widget in (self.titleLabel, self.versionLabel, purpose, built, self.updateLabel):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addLayout(row)
        self.licencesButton.clicked.connect(self.open_licences)
        self.aboutQtButton.clicked.connect(self.about_qt)

    def show_update(self, update: Any) -> None:
        """``update``: a ``core.updates.UpdateCheck`` (or None); shown when it is newer."""
        if update is None or not getattr(update, "newer", False):
            self.updateLabel.hide()
            return
        self.updateLabel.setText(update_html(update))
        self.updateLabel.show()

    @Slot()
    def open_licences(self) -> LicencesDialog:
        if self.licences is None:
            self.licences = LicencesDialog(bundled_file(NOTICES_NAME), bundled_file(SBOM_NAME),
                                           self)
        bring_up(self.licences)
        return self.licences

    @Slot()
    def about_qt(self) -> None:
        QMessageBox.aboutQt(self, self.tr("About Qt"))


def update_html(update: Any) -> str:
    """"Version X is available" as rich text, with the release page as its link."""
    from html import escape

    translate = QCoreApplication.translate
    words = translate("AboutDialog", "Version {0} is available.").format(
        escape(str(update.latest)))
    if update.url:
        link = translate("AboutDialog", "See what is new and download it")
        words += f' <a href="{escape(update.url, quote=True)}">{escape(link)}</a>'
    return words


class AboutEntry(QToolButton):
    """*About Wolkvox Desktop* at the right of the main window's status bar (the top bar
    has no room left at the window's smallest size, in Spanish); opens (and keeps) one
    :class:`AboutDialog`."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.setText(self.tr("About Wolkvox Desktop"))
        self.setAutoRaise(True)
        control(self, "aboutButton", self.tr("About Wolkvox Desktop"),
                self.tr("Version, licences, and whether a newer version is out (F1)"))
        self.window_ = window
        self.dialog: AboutDialog | None = None
        self.update: Any = None
        self.clicked.connect(self.open)
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), window).activated \
            .connect(self.open)

    @Slot()
    def open(self) -> AboutDialog:
        if self.dialog is None:
            self.dialog = AboutDialog(self.window_, update=self.update)
        self.dialog.show_update(self.update)
        bring_up(self.dialog)
        return self.dialog

    def set_update(self, update: Any) -> None:
        self.update = update
        if self.dialog is not None:
            self.dialog.show_update(update)


def install_about(window: Any) -> AboutEntry:
    """*About Wolkvox Desktop* on the window's status bar, and the update notice (which
    puts its news beside it)."""
    from wolkvox_desktop.gui.about.update_notice import UpdateNotice

    entry = AboutEntry(window)
    window.statusBar().addPermanentWidget(entry)
    notice = UpdateNotice(window, on_result=entry.set_update)
    window.add_close_callback(notice.stop)
    return entry
