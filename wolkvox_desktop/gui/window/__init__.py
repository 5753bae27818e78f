"""The main window: pick the operation, see its campaigns, start or stop one in one click.

:mod:`.main_window` puts it together from its parts: :mod:`.top_bar`, :mod:`.welcome_page`
and :mod:`.campaign_page`, which holds the list (:mod:`.campaign_model`,
:mod:`.campaign_table`), what to act on (:mod:`.action_rows`, :mod:`.action_target`), the
answer to the last action (:mod:`.result_line`) and the status panel (:mod:`.status_panel`,
:mod:`.status_entry`). Beside them: the window's own calls (:mod:`.window_calls`) and its
two questions (:mod:`.confirmations`), the list refreshing itself (:mod:`.auto_refresh`),
Settings as the window opens it (:mod:`.settings_link`), the window's frame
(:mod:`.window_frame`), and what its parts share: a control's names (:mod:`.control`), text
that gives way (:mod:`.eliding`), and where a button added later goes (:mod:`.placement`,
used by ``gui/bulk`` and ``gui/plans``).

Nothing is imported here: the first frame loads only the parts it shows.
"""
