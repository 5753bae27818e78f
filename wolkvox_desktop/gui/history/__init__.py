"""The History window: every call the app made, filtered, sorted, copied and exported.

``filters`` (what to show), ``columns`` (what a column holds), ``model`` (the table and its
sorting), ``export`` (workbook or CSV), ``token_check`` (Wolkvox's own count) and
``window`` (the dialog that puts them together).
"""

from wolkvox_desktop.gui.history.model import HistoryTableModel
from wolkvox_desktop.gui.history.window import HistoryWindow

__all__ = ["HistoryTableModel", "HistoryWindow"]
