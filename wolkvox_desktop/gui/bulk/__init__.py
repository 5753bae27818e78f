"""Bulk start/stop in the window: the dialog (confirm, progress, pause, summary), the run
it drives through the window's worker, and the window's buttons that open it.

Rooms: :mod:`.runner` (the run, as jobs), :mod:`.dialog` with its pages
(:mod:`.confirm_page`, :mod:`.progress_page`, :mod:`.results_table`, :mod:`.pause_box`,
:mod:`.summary`, :mod:`.close_question`, :mod:`.parts`), :mod:`.budget` (today's token
budget) and :mod:`.controls` (the main window's buttons).
"""

from wolkvox_desktop.gui.bulk.budget import budget_state, confirm_over_budget
from wolkvox_desktop.gui.bulk.controls import BulkControls, install_bulk_and_history
from wolkvox_desktop.gui.bulk.dialog import BulkDialog
from wolkvox_desktop.gui.bulk.runner import BulkRunner

__all__ = [
    "BulkControls",
    "BulkDialog",
    "BulkRunner",
    "budget_state",
    "confirm_over_budget",
    "install_bulk_and_history",
]
