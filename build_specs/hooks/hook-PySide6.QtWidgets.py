# Overrides PyInstaller's hook for PySide6.QtWidgets: the same collection, trimmed (bundle_trim.py).
from bundle_trim import trim
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries, datas = trim(binaries), trim(datas)
