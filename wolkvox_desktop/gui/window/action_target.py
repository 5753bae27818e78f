"""One named target: the campaign the single Start and Stop act on.

The campaign ID field is the target. A row highlighted in the list fills the field; a
field typed or set by hand moves the highlight to its campaign (or clears it when the
campaign is not in the list, or hidden by the filter). A listed campaign the filter hides
is never the target of an action: the buttons say so and stay disabled until it shows
again, or the visible selection names another one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from wolkvox_desktop.core.store import SavedCampaign
    from wolkvox_desktop.gui.window.campaign_table import CampaignTable


class Target:
    """What the ID field names: ``campaign_id`` (as typed, trimmed), the listed campaign
    with that id if any (``saved``), and whether the filter hides it. (A plain class: the
    first frame names a target, and a frozen dataclass or a NamedTuple costs 1-2 ms to
    make.)"""

    __slots__ = ("campaign_id", "saved", "hidden", "unconfirmed")

    def __init__(self, campaign_id: str, saved: SavedCampaign | None = None,
                 hidden: bool = False, unconfirmed: str | None = None) -> None:
        self.campaign_id = campaign_id
        self.saved = saved
        self.hidden = hidden
        self.unconfirmed = unconfirmed  # "start"/"stop": the status shown is not confirmed

    @property
    def name(self) -> str:
        return self.saved.campaign.name if self.saved is not None else ""

    @property
    def label(self) -> str:
        """``3302 · Cobranza Sur`` (or just the id)."""
        return f"{self.campaign_id} · {self.name}" if self.name else self.campaign_id

    @property
    def shown_started(self) -> bool:
        """The list shows it started (or perhaps started: unconfirmed)."""
        if self.unconfirmed is not None:
            return self.unconfirmed == "start"
        return self.saved is not None and self.saved.campaign.status.value == "started"


class ActionTarget(QObject):
    """Keeps the list's highlight and the ID field in step. Signals: ``changed()`` (the
    target or the selection changed: rename and enable the buttons)."""

    changed = Signal()

    def __init__(self, table: CampaignTable, id_edit: QLineEdit, type_combo: QComboBox,
                 name_edit: QLineEdit) -> None:
        super().__init__(table)
        self.table = table
        self.id_edit, self.type_combo, self.name_edit = id_edit, type_combo, name_edit
        self._quiet = False  # a change this object makes itself: no echo
        self._filled_name = ""
        self.next_highlight: str | None = None  # a campaign just added: highlight it next
        table.selectionModel().selectionChanged.connect(self._on_selection)
        id_edit.textChanged.connect(self._on_field)

    def target(self) -> Target:
        cid = self.id_edit.text().strip()
        model = self.table.campaigns
        saved = model.campaign(cid) if cid else None
        if saved is None:
            return Target(cid)
        hidden = not self.table.view_index(cid).isValid()
        return Target(cid, saved, hidden, model.unconfirmed().get(cid))

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        was, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = was

    # ---- the list -> the field ----
    @Slot()
    def _on_selection(self) -> None:
        if not self._quiet:
            saved = self.table.current_campaign()
            if saved is not None:
                self._fill(saved)
        self.changed.emit()

    def _fill(self, saved: SavedCampaign) -> None:
        c = saved.campaign
        with self._quietly():
            if self.id_edit.text().strip() != c.id:
                self.id_edit.setText(c.id)
        self.name_edit.setText(c.name)
        self.name_edit.setCursorPosition(0)  # its beginning in view, as a list shows it
        self._filled_name = c.name
        if c.type is not None:
            index = self.type_combo.findData(c.type.value)
            if index >= 0:
                self.type_combo.setCurrentIndex(index)

    # ---- the field -> the list ----
    @Slot(str)
    def _on_field(self, _text: str) -> None:
        if self._quiet:
            return
        target = self.target()
        with self._quietly():
            if target.saved is not None and self.table.select_campaign(target.campaign_id):
                self._fill(target.saved)
            else:
                self.table.clearSelection()
                if self.name_edit.text() == self._filled_name:
                    self.name_edit.clear()  # that name belonged to another row
                self._filled_name = ""
        self.changed.emit()

    # ---- the list changed under them ----
    def after_filter(self) -> None:
        """The filter changed: a target shown again is highlighted again; a hidden one
        gives way to what is still selected and visible."""
        target = self.target()
        if target.saved is not None and not target.hidden:
            if target.campaign_id not in {s.campaign.id for s in self.table.selected_campaigns()}:
                with self._quietly():
                    self.table.select_campaign(target.campaign_id,
                                               add=bool(self.table.selected_campaigns()))
        elif target.hidden:
            visible = self.table.current_campaign()
            if visible is not None:
                self._fill(visible)
        self.changed.emit()

    def after_reset(self, keep_ids: list[str]) -> None:
        """The list was read again: highlight :attr:`next_highlight` or ``keep_ids`` (in
        order) or, if none, the field's campaign when it is shown."""
        if self.next_highlight:
            keep_ids, self.next_highlight = [self.next_highlight], None
        with self._quietly():
            for n, cid in enumerate(keep_ids):
                self.table.select_campaign(cid, add=n > 0)
            target = self.target()
            if not keep_ids and target.saved is not None and not target.hidden:
                self.table.select_campaign(target.campaign_id)
        self.changed.emit()

    def selected_ids(self) -> list[str]:
        return [s.campaign.id for s in self.table.selected_campaigns()]
