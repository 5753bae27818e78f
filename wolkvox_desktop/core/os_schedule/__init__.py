"""The OS's own schedule for ``plan run-due``: the switch "Run plans when the app is closed".

* :mod:`.command`: what is scheduled (the window's own program with ``--run-due``);
* :mod:`.windows`, :mod:`.macos`, :mod:`.linux`: the text each OS takes (task XML,
  LaunchAgent plist, systemd units, a crontab line; pure functions) and the small class
  that registers it (the OS's tools, through :mod:`.runner`);
* :mod:`.heartbeat`: the traces the scheduled checks leave in the data folder;
* :mod:`.service`: :class:`~.service.OsSchedule` (status, on, off) for the window and the
  ``wolkvox plan schedule`` command.

Plain Python: no Qt, nothing loaded by the ``wolkvox start`` path.
"""
