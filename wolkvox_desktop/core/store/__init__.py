"""One SQLite file: operations, saved campaigns, shift plans, and the append-only call
history.

:class:`Store` is made of one class per table over one connection: :mod:`.connection`
(opening, migrations, transactions), :mod:`.operations`, :mod:`.campaigns`, :mod:`.plans`,
:mod:`.live` (the kept live reading, Wolkvox's figures), :mod:`.history`; :mod:`.records`
holds what they hand out. The token is never stored here (there is no column that could
hold it). Server codes are normalised with
``parse_server_code`` (``wv0032`` means ``0032``); an invalid one raises ``InvalidInput``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wolkvox_desktop.core.store.campaigns import CAMPAIGN_ACTIONS, CampaignTable
from wolkvox_desktop.core.store.connection import BUSY_TIMEOUT_MS, SYNC_INTERVAL_S
from wolkvox_desktop.core.store.history import NOT_SENT_OUTCOMES, BudgetExceeded, HistoryLog
from wolkvox_desktop.core.store.live import LiveTable
from wolkvox_desktop.core.store.operations import OperationTable
from wolkvox_desktop.core.store.plans import PlanTable
from wolkvox_desktop.core.store.records import (
    EVENT_ACTIONS,
    HISTORY_ACTIONS,
    HISTORY_OUTCOMES,
    INTERRUPTED,
    INTERRUPTED_MESSAGE,
    PENDING,
    Operation,
    SavedCampaign,
    SlotState,
    StoreError,
    local_midnight,
)
from wolkvox_desktop.core.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from wolkvox_desktop.core.store.history_rows import HistoryRow
    from wolkvox_desktop.core.store.plan_rows import SavedPlan, SlotRecord

#: loaded on first use: a start or a stop reads no history row and no plan (see
#: :mod:`.history_rows`, :mod:`.plan_rows`)
_LAZY = {"HistoryRow": "history_rows", "SavedPlan": "plan_rows", "SlotRecord": "plan_rows"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Store(OperationTable, CampaignTable, PlanTable, LiveTable, HistoryLog):
    """The app's data file. Thread-safe; ``Store(path)`` opens and migrates it, marking
    pending rows of processes that are gone as interrupted."""

    @classmethod
    def open_default(cls) -> Store:
        """The app's store: ``paths.store_path()`` (``WOLKVOX_DESKTOP_HOME`` honoured)."""
        from wolkvox_desktop.core import paths

        return cls(paths.store_path())

    def __enter__(self) -> Store:
        return self


__all__ = [
    "BUSY_TIMEOUT_MS",
    "BudgetExceeded",
    "CAMPAIGN_ACTIONS",
    "EVENT_ACTIONS",
    "HISTORY_ACTIONS",
    "HISTORY_OUTCOMES",
    "INTERRUPTED",
    "INTERRUPTED_MESSAGE",
    "MIGRATIONS",
    "NOT_SENT_OUTCOMES",
    "PENDING",
    "SCHEMA_VERSION",
    "SYNC_INTERVAL_S",
    "HistoryRow",
    "Operation",
    "SavedCampaign",
    "SavedPlan",
    "SlotRecord",
    "SlotState",
    "Store",
    "StoreError",
    "local_midnight",
]
