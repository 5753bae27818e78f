"""The window at the edges (issue 9): it says where calls go, waits visibly for a call of
another process with the same token, says when Wolkvox is busy and it tries again, and
never sends a saved token to a test server."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest

from tests.gui.conftest import DEMO_TOKEN, Catcher, puts, seed_operations, wait_idle
from wolkvox_desktop.core.errors import Reason
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui.window.main_window import MainWindow


def select(w: MainWindow, campaign_id: str, ctype: str = "preview") -> None:
    w.campaignIdEdit.setText(campaign_id)
    w.typeCombo.setCurrentIndex(w.typeCombo.findData(ctype))


def test_the_test_server_badge_names_where_calls_go(open_window: Any, gui_simulator: Any) -> None:
    seed_operations(Operation("0032", "Norte"))
    w = open_window()
    assert w.testServerBadge.isVisible()
    assert w.testServerBadge.text() == f"Test server: {gui_simulator.base_url}"


def test_demo_mode_has_no_test_server_badge(demo_window: MainWindow) -> None:
    assert not demo_window.testServerBadge.isVisible()


def test_a_test_server_without_wolkvox_token_sends_nothing(
    qtbot: Any, open_window: Any, gui_simulator: Any
) -> None:
    seed_operations(Operation("0032", "Norte"))
    w = open_window(token=None, ready=False)
    qtbot.waitUntil(lambda: w.current_server() == "0032", timeout=10_000)
    wait_idle(qtbot, w)
    done = Catcher(w.handle.worker.callFinished)
    select(w, "3303")
    w.startButton.click()
    qtbot.waitUntil(lambda: bool(done.values), timeout=10_000)
    assert done.values[-1].result.reason is Reason.TEST_SERVER_NEEDS_TOKEN
    assert "WOLKVOX_TOKEN" in w.resultLabel.text()
    assert puts(gui_simulator) == []


def test_the_window_waits_visibly_for_a_script_using_the_same_token(
    qtbot: Any, open_window: Any, gui_simulator: Any, tmp_path: Any
) -> None:
    """The window and a ``wolkvox`` process share the token: one call at Wolkvox at once."""
    seed_operations(Operation("0032", "Norte"))
    w = open_window(token=DEMO_TOKEN)
    gui_simulator.faults.hang = True
    # the script runs as cron would start it: no XDG_RUNTIME_DIR, its own TMPDIR, no LANG;
    # it shares only the user's data folder with the window
    (tmp_path / "cron-tmp").mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_RUNTIME_DIR", "LANG")}
    env.update(TMPDIR=str(tmp_path / "cron-tmp"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    script = subprocess.Popen(
        [sys.executable, "-m", "wolkvox_desktop.cli", "start", "--server", "0032",
         "--type", "preview", "--campaign", "3306"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        qtbot.waitUntil(lambda: gui_simulator.hung == 1, timeout=20_000)
        select(w, "3303")
        w.startButton.click()
        qtbot.waitUntil(
            lambda: "Waiting for another call with this token" in w.resultLabel.text(),
            timeout=10_000,
        )
        assert len(puts(gui_simulator)) == 1  # the window's call has not gone out
        gui_simulator.faults.hang = False
        gui_simulator.release()
        wait_idle(qtbot, w)
    finally:
        script.communicate(timeout=30)
    assert script.returncode == 0
    assert "Done" in w.resultLabel.text()
    assert gui_simulator.max_concurrency_for(DEMO_TOKEN) == 1
    assert [r.query["campaign_id"] for r in puts(gui_simulator)] == ["3306", "3303"]


def test_wolkvox_busy_is_said_and_the_call_sent_again(
    qtbot: Any, open_window: Any, gui_simulator: Any
) -> None:
    seed_operations(Operation("0032", "Norte"))
    w = open_window(token=DEMO_TOKEN)
    gui_simulator.faults.busy = 1
    select(w, "3303")
    seen: list[str] = []
    w.startButton.click()
    qtbot.waitUntil(lambda: seen.append(w.resultLabel.text()) or "trying again" in seen[-1],
                    timeout=10_000)
    wait_idle(qtbot, w)
    assert "Done" in w.resultLabel.text()
    assert len(puts(gui_simulator)) == 2


@pytest.mark.parametrize("lang", ["es"])
def test_the_notices_read_in_spanish(lang: str, qapp: Any) -> None:
    from wolkvox_desktop.core.errors import Notice, NoticeKind
    from wolkvox_desktop.gui import i18n, messages

    i18n.install_translators(qapp, lang)
    try:
        waiting = messages.notice_sentence(Notice(NoticeKind.WAITING_FOR_TOKEN, ""))
        busy = messages.notice_sentence(Notice(NoticeKind.BUSY_RETRY, "", seconds=2.0))
    finally:
        i18n.install_translators(qapp, "en")
    assert "token" in waiting and "Waiting" not in waiting
    assert "2 segundos" in busy


def test_wolkvox_text_is_plain_text_in_the_table_and_its_tooltips(qapp: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextDocument

    from wolkvox_desktop.core.campaigns import Campaign
    from wolkvox_desktop.core.store import SavedCampaign
    from wolkvox_desktop.gui.window.campaign_model import CampaignTableModel

    odd = "<b>Cobranza</b><img src='http://x/y.png'> & co"
    model = CampaignTableModel()
    model.set_campaigns([SavedCampaign("0032", Campaign("<i>7</i>", odd), False, "start", "ok")])
    for column in (model.ID, model.NAME, model.LAST):
        tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
        doc = QTextDocument()
        doc.setHtml(tip)
        shown = doc.toPlainText()
        assert "<" not in tip.split(">", 1)[1].rsplit("</p>", 1)[0]  # all escaped
        assert ("<b>Cobranza</b>" in shown) if column == model.NAME else True
    assert model.data(model.index(0, model.NAME), Qt.ItemDataRole.DisplayRole) == odd


def test_a_damaged_data_file_is_set_aside_and_the_window_says_where(
    qtbot: Any, open_window: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from wolkvox_desktop.core import paths

    damaged = paths.store_path()
    damaged.write_bytes(b"this is not a database, it was cut short by a crash " * 100)
    w = open_window(ready=False)

    def box() -> Any:
        found = w.findChild(QMessageBox, "storeRecoveredBox")
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: box() is not None, timeout=10_000)
    kept = [p for p in damaged.parent.iterdir() if ".corrupt-" in p.name and
            not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1
    assert str(kept[0]) in box().text()
    assert b"cut short by a crash" in kept[0].read_bytes()  # nothing lost: kept aside
    box().close()
    qtbot.waitUntil(lambda: w.pages.currentWidget().objectName() == "emptyState", timeout=5000)

    from wolkvox_desktop.core.store import Store

    def seen() -> bool:  # shown by the window: no other process says it again
        with Store(damaged) as store:
            return store.unseen_recoveries() == []

    qtbot.waitUntil(seen, timeout=5000)


def test_a_rebuild_another_process_made_is_shown_once_and_marked_seen(
    qtbot: Any, open_window: Any
) -> None:
    """A rebuild found unseen when the window opens (the scheduler's run-due did it, and
    nobody read its output): the window says it once, with what was kept and restored."""
    from PySide6.QtWidgets import QMessageBox

    from wolkvox_desktop.core import paths
    from wolkvox_desktop.core.store import Operation, Store

    path = paths.store_path()
    with Store(path) as store:
        store.upsert_operation(Operation("0032", "Ventas", licenses=3))
    with path.open("r+b") as fh:
        fh.write(b"not SQLite here!")  # the header alone
    with Store(path) as store:  # the scheduler's process rebuilds it
        assert store.recovered_from is not None
        assert len(store.unseen_recoveries()) == 1
    w = open_window(ready=False)

    def box() -> Any:
        found = w.findChild(QMessageBox, "storeRecoveredBox")
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: box() is not None, timeout=10_000)
    text = box().text()
    assert "operations 1" in text and "Nothing was lost." in text
    box().close()

    def seen() -> bool:
        with Store(path) as store:
            return store.unseen_recoveries() == []

    qtbot.waitUntil(seen, timeout=5000)
    with Store(path) as store:
        assert [op.server for op in store.operations()] == ["0032"]
