"""The bulk dialog's two hooks for a plan's *Run now*: ``plan_name`` (every history row of
the run carries it) and ``include_in_state`` (a plan calls every campaign, whatever its
last known status). On the window's real worker, a real store file and the simulator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui import test_worker
from wolkvox_desktop.core.campaigns import Action, Campaign, CampaignStatus, CampaignType
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.gui.bulk import BulkDialog
from wolkvox_desktop.simulator.server import Simulator

SERVER = "0032"
WAIT_MS = 15_000

make_handle = test_worker.make_handle  # the fixture: the window's worker, as the app builds it

CAMPAIGNS = [Campaign("3303", "Renovación Ñandú", CampaignType.PREVIEW, CampaignStatus.STOPPED),
             Campaign("3301", "Cobranza Norte", CampaignType.PREDICTIVE, CampaignStatus.STARTED)]


def run(qtbot: QtBot, handle: Any, **hooks: Any) -> BulkDialog:
    dialog = BulkDialog(Action.START, CAMPAIGNS, handle, SERVER, server_label=SERVER, **hooks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.confirmPage.startButton.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.runFinished, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.confirmPage.startButton, Qt.MouseButton.LeftButton)
    return dialog


def starts(sim: Simulator) -> list[str]:
    return [r.query.get("campaign_id", "") for r in sim.requests if r.api == "start"]


def test_a_plans_run_now_calls_every_campaign_and_its_rows_carry_the_plan(
    qtbot: QtBot, make_handle: Any, gui_simulator: Simulator, tmp_path: Path
) -> None:
    dialog = run(qtbot, make_handle(), plan_name="Mañana", include_in_state=True)
    assert dialog.confirmPage.includeInStateCheck.isChecked()
    assert starts(gui_simulator) == ["3303", "3301"]  # the one already started too
    with Store(tmp_path / "worker.sqlite3") as store:
        rows = store.history(server=SERVER)
        assert [(r.campaign_id, r.plan) for r in reversed(rows)] == [
            ("3303", "Mañana"), ("3301", "Mañana")]
        assert len(store.history(plan="Mañana")) == 2
    dialog.close_now()


def test_a_bulk_run_without_the_hooks_is_as_before(
    qtbot: QtBot, make_handle: Any, gui_simulator: Simulator, tmp_path: Path
) -> None:
    dialog = run(qtbot, make_handle())
    assert not dialog.confirmPage.includeInStateCheck.isChecked()
    assert starts(gui_simulator) == ["3303"]  # 3301 is started already: skipped
    with Store(tmp_path / "worker.sqlite3") as store:
        assert [r.plan for r in store.history(server=SERVER)] == [None]
    dialog.close_now()
