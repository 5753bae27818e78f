"""Shift plans in the window: the Plans window, the plan form, *Run now* through the bulk
dialog, and the controls that put them (with the scheduler and the tray) on the main window.

Rooms: :mod:`.controls` (the window's *Plans…* button; :func:`install_plans`),
:mod:`.panel` (the Plans window), :mod:`.editor` (the plan form), :mod:`.run_now`,
:mod:`.notices` (what a run says when nobody watched it), :mod:`.when` (times and
schedules in words), :mod:`.selection` (what the plans read of the main window).
"""

from wolkvox_desktop.gui.plans.controls import PlansControls, install_plans
from wolkvox_desktop.gui.plans.editor import PlanEditor
from wolkvox_desktop.gui.plans.panel import PlansPanel

__all__ = ["PlanEditor", "PlansControls", "PlansPanel", "install_plans"]
