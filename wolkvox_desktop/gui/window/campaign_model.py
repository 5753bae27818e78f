"""The campaign table: a model of one operation's saved campaigns, and its filter.

Rows are :class:`~wolkvox_desktop.core.store.SavedCampaign` values (from Wolkvox's list
and from campaigns added by hand). Columns: ID, Name, Type, Status (icon and words),
Last action (action, outcome icon and words, time).

A status the app cannot vouch for (the last start or stop ended with an unknown outcome
after the list was last refreshed) is shown as unconfirmed: "Started?" with the unknown
icon, until a refresh brings the list (:func:`unconfirmed_marks`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.local_format import clock
from wolkvox_desktop.gui.outcome_look import outcome_icon, outcome_words, status_icon

if TYPE_CHECKING:  # start-up time: the store (sqlite3...) loads on the worker thread
    from datetime import datetime

    from wolkvox_desktop.core.store import SavedCampaign

CampaignRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
SearchRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


def _fold(text: str) -> str:
    """Lower case without accents: "Renovación Ñandú" matches "renovacion nandu"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _id_sort_key(cid: str) -> tuple[int, int, str]:
    return (0, int(cid), "") if cid.isdigit() else (1, 0, cid.casefold())


def unconfirmed_marks(
    campaigns: Iterable[SavedCampaign], refreshed_at: datetime | None
) -> dict[str, str]:
    """Campaign id -> ``"start"``/``"stop"``: campaigns whose last start or stop ended with
    an unknown outcome after the list was last refreshed (from this window, a bulk run or
    the command line alike): their status is not known."""
    marks: dict[str, str] = {}
    for saved in campaigns:
        action = saved.last_action
        if saved.last_outcome != "unknown" or action not in ("start", "stop"):
            continue
        if refreshed_at is None or saved.last_at is None or saved.last_at > refreshed_at:
            marks[saved.campaign.id] = action
    return marks


class CampaignTableModel(QAbstractTableModel):
    ID, NAME, TYPE, STATUS, LAST = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SavedCampaign] = []
        self._row_of: dict[str, int] = {}
        self._busy_ids: set[str] = set()
        self._in_flight: dict[str, str] = {}  # campaign id -> action, calls of anyone
        self._unconfirmed: dict[str, str] = {}

    # ---- data in ----
    def set_campaigns(self, campaigns: list[SavedCampaign]) -> bool:
        """The operation's campaigns. The same campaigns in the same order (a call's
        snapshot: a status, a last action) update their rows in place, so that the sorting,
        the filter and the selection stay as they are; any other list resets the model
        (returns True: the selection is gone)."""
        rows = list(campaigns)
        if rows and [s.campaign.id for s in rows] == [s.campaign.id for s in self._rows]:
            changed = [i for i, (old, new) in enumerate(zip(self._rows, rows, strict=True))
                       if old != new]  # fmt: skip
            self._rows = rows
            for i in changed:
                self.dataChanged.emit(self.index(i, 0), self.index(i, self.COLUMN_COUNT - 1))
            return False
        self.beginResetModel()
        self._rows = rows
        self._row_of = {saved.campaign.id: i for i, saved in enumerate(self._rows)}
        self.endResetModel()
        return True

    def _rows_changed(self, ids: set[str], column: int) -> None:
        for cid in ids:
            row = self._row_of.get(cid)
            if row is not None:
                self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def set_unconfirmed(self, marks: Mapping[str, str]) -> None:
        """Campaign id -> the action (``start``/``stop``) whose outcome is unknown: their
        status shows as unconfirmed ("Started?"). An empty mapping clears the marks."""
        if dict(marks) == self._unconfirmed:
            return
        touched = set(marks) ^ set(self._unconfirmed) | {
            cid for cid in marks if self._unconfirmed.get(cid) != marks[cid]
        }
        self._unconfirmed = dict(marks)
        self._rows_changed(touched, self.STATUS)

    def unconfirmed(self) -> dict[str, str]:
        """The marks shown, for campaigns in the list."""
        return {cid: a for cid, a in self._unconfirmed.items() if cid in self._row_of}

    def set_busy(self, campaign_ids: set[str]) -> None:
        """Campaigns with a call in flight (their Last column says so)."""
        if campaign_ids == self._busy_ids:
            return
        touched = set(campaign_ids) ^ self._busy_ids
        self._busy_ids = set(campaign_ids)
        self._rows_changed(touched, self.LAST)

    def set_in_flight(self, calls: Mapping[str, str]) -> None:
        """Campaign id -> action (``start``/``stop``) of the calls in flight, whoever made
        them (a bulk run, a plan, this window): their Last column says so."""
        if dict(calls) == self._in_flight:
            return
        touched = set(calls) ^ set(self._in_flight) | {
            cid for cid in calls if self._in_flight.get(cid) != calls[cid]
        }
        self._in_flight = dict(calls)
        self._rows_changed(touched, self.LAST)

    def in_progress(self, saved: SavedCampaign) -> bool:
        """A call about this campaign is in flight (a pending answer is never "unknown")."""
        cid = saved.campaign.id
        return (cid in self._busy_ids or cid in self._in_flight
                or saved.last_outcome == messages.PENDING)

    def campaign_at(self, row: int) -> SavedCampaign | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, campaign_id: str) -> int:
        return self._row_of.get(campaign_id, -1)

    def campaign(self, campaign_id: str) -> SavedCampaign | None:
        return self.campaign_at(self.row_of(campaign_id))

    def campaigns(self) -> list[SavedCampaign]:
        return list(self._rows)

    # ---- Qt model API ----
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.ID: self.tr("ID"),
            self.NAME: self.tr("Name"),
            self.TYPE: self.tr("Type"),
            self.STATUS: self.tr("Status"),
            self.LAST: self.tr("Last action"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        saved = self._rows[index.row()]
        c = saved.campaign
        col = index.column()
        if role == CampaignRole:
            return saved
        if role == SearchRole:
            words = [c.id, c.name, self._type_text(saved), self._status_text(saved)]
            if c.id in self._unconfirmed:
                words.append(self.tr("unconfirmed"))
            return _fold(" ".join(words))
        if role == Qt.ItemDataRole.AccessibleTextRole and col == self.STATUS:
            if c.id in self._unconfirmed:
                return self.tr("{0} (unconfirmed)").format(self._status_text(saved))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == self.ID:
                return c.id
            if col == self.NAME:
                if saved.manual:
                    return self.tr("{0} (added by hand)").format(c.name) if c.name else self.tr(
                        "(added by hand)"
                    )
                return c.name
            if col == self.TYPE:
                return self._type_text(saved)
            if col == self.STATUS:
                return self._status_text(saved)
            if col == self.LAST:
                return self._last_text(saved)
        if role == Qt.ItemDataRole.DecorationRole:
            if col == self.STATUS:
                if c.id in self._unconfirmed:
                    return outcome_icon("unknown")
                return status_icon(c.status.value)
            if col == self.LAST and self.in_progress(saved):
                return outcome_icon("pending", in_progress=True)
            if col == self.LAST and saved.last_outcome:
                return outcome_icon(saved.last_outcome)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.LAST and self.in_progress(saved):
                return messages.plain_tooltip(messages.pending_sentence(True))
            if col == self.LAST and saved.last_outcome:
                return messages.plain_tooltip(messages.describe_row(
                    saved.last_outcome, None, saved.last_action, c.id,
                ))
            if col in (self.ID, self.NAME):  # Wolkvox's text: shown as typed, never as HTML
                return messages.plain_tooltip(c.name if col == self.NAME else c.id)
            if col == self.STATUS:
                if self._unconfirmed.get(c.id) == "start":
                    return self.tr(
                        "Unconfirmed: the outcome of the last start is unknown, so this "
                        "campaign may or may not have started. Check now asks Wolkvox for "
                        "the list (one token)."
                    )
                if self._unconfirmed.get(c.id) == "stop":
                    return self.tr(
                        "Unconfirmed: the outcome of the last stop is unknown, so this "
                        "campaign may or may not have stopped. Check now asks Wolkvox for "
                        "the list (one token)."
                    )
                return self.tr(
                    "Status as of the last campaign list refresh or the last action from "
                    "this app."
                )
        if role == SortRole:
            if col == self.ID:
                return _id_sort_key(c.id)
            if col == self.LAST:
                return saved.last_at.timestamp() if saved.last_at else 0.0
            return _fold(str(self.data(index, Qt.ItemDataRole.DisplayRole) or ""))
        return None

    # ---- texts ----
    def _type_text(self, saved: SavedCampaign) -> str:
        t = saved.campaign.type
        return messages.campaign_type_label(t.value if t is not None else None)

    def _status_text(self, saved: SavedCampaign) -> str:
        mark = self._unconfirmed.get(saved.campaign.id)
        if mark == "start":
            return self.tr("Started?")
        if mark == "stop":
            return self.tr("Stopped?")
        return messages.campaign_status_label(saved.campaign.status.value)

    def _last_text(self, saved: SavedCampaign) -> str:
        if self.in_progress(saved):
            action = self._in_flight.get(saved.campaign.id) or (
                saved.last_action if saved.last_outcome == messages.PENDING else None)
            if action:
                return self.tr("{0}: In progress…").format(messages.action_label(action))
            return self.tr("In progress…")
        if not saved.last_action:
            return "—"
        when = clock(saved.last_at) if saved.last_at else ""
        return self.tr("{0}: {1} {2}").format(
            messages.action_label(saved.last_action),
            outcome_words(saved.last_outcome or "unknown"),
            when,
        ).strip()


class CampaignFilterProxy(QSortFilterProxyModel):
    """Filters rows on id, name, type and status; accents and case ignored."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        needle = _fold(text.strip())
        if needle == self._needle:
            return
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._needle = needle
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        if not self._needle:
            return True
        model = self.sourceModel()
        haystack = model.data(model.index(source_row, 0, source_parent), SearchRole) or ""
        return all(word in haystack for word in self._needle.split())

    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        a = left.data(SortRole)
        b = right.data(SortRole)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
