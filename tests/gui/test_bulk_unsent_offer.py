"""At the next start, the campaigns a stopped run never sent are offered once (issue 10,
point 2): the real window on a real store, the run made by the core against the simulator."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from tests.gui.conftest import SECRET_TOKEN, seed_operations
from wolkvox_desktop.core.api import WolkvoxClient
from wolkvox_desktop.core.bulk import plan_bulk
from wolkvox_desktop.core.bulk_run import BulkRun
from wolkvox_desktop.core.campaigns import Action, CampaignType
from wolkvox_desktop.core.limits import TokenGate
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.service import OperationService
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.gui.bulk import install_bulk_and_history
from wolkvox_desktop.gui.bulk.unsent_offer import BOX_NAME

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
P, Q = CampaignType.PREVIEW, CampaignType.PREDICTIVE


def stopped_run(sim: Any) -> None:
    """A run of four starts that stops at a refusal: 3303 and 3306 are never sent."""
    with Store(store_path()) as store:
        client = WolkvoxClient("0032", SECRET_TOKEN, api_base=sim.base_url, gate=TokenGate())
        try:
            plan = plan_bulk(Action.START, [("3302", Q), ("9999", P), ("3303", P), ("3306", P)])
            BulkRun(OperationService(store, client, "0032"), plan).run_all(stop_on_failure=True)
        finally:
            client.close()


def offer_box(window: Any) -> QMessageBox | None:
    box = window.findChild(QMessageBox, BOX_NAME)
    return box if box is not None and box.isVisible() else None


def test_the_campaigns_never_sent_are_offered_once_at_the_next_start(
    qtbot: Any, open_window: Any, gui_simulator: Any
) -> None:
    seed_operations(Operation("0032", "Norte"))
    stopped_run(gui_simulator)
    w = open_window()
    controls = install_bulk_and_history(w)
    qtbot.waitUntil(lambda: offer_box(w) is not None, timeout=10_000)
    box = offer_box(w)
    assert box is not None
    assert box.text() == "2 campaigns of the last run were not sent — start them now?"
    assert box.informativeText() == "3303, 3306"
    box.findChild(QAbstractButton, "unsentGoButton").click()
    qtbot.waitUntil(lambda: controls.bulk_dialog is not None, timeout=5000)
    dialog = controls.bulk_dialog
    assert dialog.action is Action.START
    plan = dialog.confirmPage.current_plan()
    assert plan is not None and [i.campaign_id for i in plan.items] == ["3303", "3306"]
    assert [i.name for i in plan.items] == [  # named as the window's list names them
        gui_simulator.campaign("3303").campaign_name, gui_simulator.campaign("3306").campaign_name
    ]
    dialog.close_now()
    w.close()
    again = open_window()
    install_bulk_and_history(again)
    qtbot.wait(500)  # the question would have come by now
    assert offer_box(again) is None  # asked once for that run
    assert gui_simulator.campaign("3303").status == "Stopped"  # nothing was sent by itself
