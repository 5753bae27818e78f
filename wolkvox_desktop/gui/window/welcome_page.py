"""The first-start page: what to set up, a way into Settings, and *Try the demo* (the app
again, in demo mode, as a process of its own: nothing of this one is touched)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wolkvox_desktop.gui.window.control import control

_translate = QCoreApplication.translate  # the window's context (see top_bar)

DEMO_OPENING_MS = 4000

#: starts ``program`` with ``arguments`` detached from this process; True if it started
Launcher = Callable[[str, Sequence[str]], bool]


def demo_command() -> tuple[str, list[str]]:
    """How to start this app in demo mode: the frozen executable with ``--demo``, or this
    Python with ``-m wolkvox_desktop --demo`` from source."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "wolkvox_desktop", "--demo"]


def start_detached(program: str, arguments: Sequence[str]) -> bool:
    from PySide6.QtCore import QProcess

    started, _pid = QProcess.startDetached(program, list(arguments))
    return bool(started)


class WelcomePage(QWidget):
    """Public parts: ``settingsButton`` (the window's ``emptySettingsButton``),
    ``demoButton``, ``message`` (the window's ``emptyStateMessage``). ``launcher`` starts
    the demo process (tests put a fake here)."""

    def __init__(self, parent: QWidget | None = None, *,
                 launcher: Launcher = start_detached) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.launcher = launcher
        title = QLabel(_translate("MainWindow", "Welcome to Wolkvox Desktop"))
        title.setObjectName("emptyStateTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            _translate(
                "MainWindow",
                "No operation is set up yet. Open Settings and add your operation's server "
                "code (the digits in wv0032.wolkvox.com) and its API token. The token is kept "
                "in your system's keyring.\n\nTo look around first, try the demo: a simulated "
                "Wolkvox on this computer, in a window of its own. Nothing reaches Wolkvox.",
            )
        )
        text.setObjectName("emptyStateText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(540)  # a word-wrapped label reads best at a set measure
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.settingsButton = control(
            QPushButton(_translate("MainWindow", "Open Settings…")), "emptySettingsButton",
            _translate("MainWindow", "Open Settings"),
        )
        self.demoButton = control(
            QPushButton(_translate("MainWindow", "Try the demo")), "tryDemoButton",
            _translate("MainWindow", "Try the demo"),
            _translate("MainWindow", "Opens Wolkvox Desktop in demo mode in a second window, "
                       "with sample campaigns. Your own settings are not touched."),
        )
        self.message = QLabel()
        self.message.setObjectName("emptyStateMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.settingsButton)
        buttons.addWidget(self.demoButton)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text):
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(2)
        self.demoButton.clicked.connect(self.launch_demo)

    @Slot()
    def launch_demo(self) -> bool:
        program, arguments = demo_command()
        try:
            started = self.launcher(program, arguments)
        except OSError:
            started = False
        self.message.setText(
            self._opening_text()
            if started
            else _translate("MainWindow", "The demo could not be started. From a terminal: "
                            "wolkvox-desktop --demo")
        )
        if started:  # a second click while the demo is still opening would open two
            self.demoButton.setEnabled(False)
            QTimer.singleShot(DEMO_OPENING_MS, self._demo_opened)
        return started

    @Slot()
    def _demo_opened(self) -> None:
        self.demoButton.setEnabled(True)
        if self.message.text() == self._opening_text():
            self.message.setText("")

    @staticmethod
    def _opening_text() -> str:
        return _translate("MainWindow", "The demo is opening in a window of its own…")
