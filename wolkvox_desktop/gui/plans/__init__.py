"""Shift plans in the window: the Plans window, the plan form, *Run now* through the bulk
dialog, and the controls that put them (with the scheduler and the tray) on the main window.

Rooms: :mod:`.controls` (the window's *Plans…* button; :func:`install_plans`);
:mod:`.panel` (the Plans window) with :mod:`.plan_list`, :mod:`.missed_box` and
:mod:`.plans_file`; :mod:`.editor` (the plan form) with :mod:`.draft`,
:mod:`.campaign_order` and :mod:`.schedule_fields`; :mod:`.run_now`; :mod:`.notices` (what
a run says when nobody watched it); :mod:`.when` (times and schedules in words);
:mod:`.selection` (what the plans read of the main window).
"""

from wolkvox_desktop.gui.plans.controls import PlansControls, install_plans

# the Plans window and the form load when first opened (gui.plans.panel, gui.plans.editor)
__all__ = ["PlansControls", "install_plans"]
