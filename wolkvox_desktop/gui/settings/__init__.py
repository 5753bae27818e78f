"""The Settings dialog, in rooms: the operation list, the operation form (with its server
code field and token box), the keyring's words, and the dialog that wires them.

Every string of the package is in the one translation context ``SettingsDialog`` (so the
catalog's translations carried over from the one-file dialog), except a plural, which is in
its class's context: pyside6-lupdate knows plural forms only in ``self.tr``.
"""

from wolkvox_desktop.gui.settings.dialog import SettingsDialog

__all__ = ["SettingsDialog"]
