"""Work-arounds for defects of the Qt binding, applied once at start-up.

**PySide6 6.12.0: ``SignalInstance.emit()`` returns a bool it does not own.** Every call of
``signal.emit(...)`` from Python takes one reference away from ``True``. On Python 3.12 and
later ``True`` is immortal and nothing happens; on 3.10/3.11 its reference count (a few
hundred to a few thousand) reaches zero after that many emits and the interpreter aborts
with "Fatal Python error: bool_dealloc" — in the middle of a supervisor's shift.
:func:`protect_bool_singletons` measures the leak on a throw-away object and, only when it
is there, gives ``True`` and ``False`` a reference count no app session can exhaust
(what 3.12 does for every interpreter). It is a no-op on a fixed binding or a newer Python.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_HEADROOM = 1 << 40  # ~10^12 emits
_checked = False
_applied = False


class _Probe(QObject):
    ping = Signal()


def emit_leaks_bool_reference(samples: int = 8) -> bool:
    """True when emitting a signal from Python loses a reference to ``True``."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(samples):
        probe.ping.emit()
    after = sys.getrefcount(True)
    # give back what the probe took, so measuring never costs anything
    if after < before and sys.version_info < (3, 12):
        import ctypes  # only for a leaking binding (~2 ms of start-up otherwise)

        ctypes.c_ssize_t.from_address(id(True)).value += before - after
    return after < before


def protect_bool_singletons() -> bool:
    """Apply the work-around if (and only if) this binding needs it; return whether it did."""
    global _checked, _applied
    if _checked:
        return _applied
    _checked = True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # immortal bools: the leak is harmless
    if not emit_leaks_bool_reference():
        return False
    import ctypes

    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _HEADROOM
    _applied = True
    log.info("PySide6 signal emit leaks a bool reference: True/False protected")
    return True
