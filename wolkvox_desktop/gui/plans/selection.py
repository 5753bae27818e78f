"""What the plans read of the main window: its operation, the campaigns selected in its list
(in the order they were selected) and the operations it lists, by their public parts
(``current_server()``, ``campaignTable`` with ``CampaignRole``, ``operationCombo``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wolkvox_desktop.gui.window.campaign_model import CampaignRole

if TYPE_CHECKING:
    from wolkvox_desktop.core.store import SavedCampaign


class WindowSelection:
    """Reads the window on the GUI thread; holds nothing of its own."""

    def __init__(self, window: Any) -> None:
        self._window = window

    def server(self) -> str | None:
        server = self._window.current_server()
        return server if isinstance(server, str) and server else None

    def campaigns(self) -> list[SavedCampaign]:
        rows = self._window.campaignTable.selectionModel().selectedRows()
        return [saved for saved in (i.data(CampaignRole) for i in rows) if saved is not None]

    def operations(self) -> list[tuple[str, str]]:
        """``(server, label)`` of every operation the window lists."""
        combo = self._window.operationCombo
        found = ((combo.itemData(i), combo.itemText(i)) for i in range(combo.count()))
        return [(str(server), str(text)) for server, text in found if server]

    def label(self, server: str) -> str:
        """How the window names an operation (its server code when it is not listed)."""
        return next((text for code, text in self.operations() if code == server), server)
