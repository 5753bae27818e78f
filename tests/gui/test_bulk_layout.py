"""How the bulk dialog reads: the Outcome column at 800×500 (names elide, outcomes never),
and Qt's plural forms in English (``Start 1 campaign`` / ``Start 2 campaigns``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui import test_bulk_dialog, test_worker
from tests.gui.test_bulk_dialog import WAIT_MS, campaigns, click, start_until_paused
from wolkvox_desktop.core.bulk_run import BulkSummary
from wolkvox_desktop.core.campaigns import Action
from wolkvox_desktop.gui import i18n
from wolkvox_desktop.gui.bulk import BulkDialog
from wolkvox_desktop.gui.bulk.results_table import ResultsTable
from wolkvox_desktop.simulator.server import Simulator

# the fixtures: the same real worker, store and simulator as the dialog's tests
make_handle = test_worker.make_handle
handle = test_bulk_dialog.handle
bulk = test_bulk_dialog.bulk

LONG_NAME = "Cobranza preventiva tarjetas de crédito región Caribe lote 7"  # 60 characters


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    locale = QLocale()

    def use(lang: str) -> None:
        assert i18n.install_translators(qapp, lang) == lang

    yield use
    i18n.remove_translators(qapp)
    QLocale.setDefault(locale)


def finished_run(qtbot: QtBot, sim: Simulator, dlg: BulkDialog) -> BulkSummary:
    """Run to the end: an unknown outcome on the first campaign, skipped; the rest ok."""
    start_until_paused(qtbot, sim, dlg, "html_502")
    with qtbot.waitSignal(dlg.runFinished, timeout=WAIT_MS) as finished:
        click(qtbot, dlg.progressPage.pauseBox.skipButton)
    summary = finished.args[0]
    assert isinstance(summary, BulkSummary)
    return summary


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_outcome_column_stays_in_view_at_800x500_with_a_60_character_name(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog],
    language: Callable[[str], None], lang: str,
) -> None:
    assert len(LONG_NAME) == 60
    language(lang)
    ids = ["3302", "3303", "3305"]
    dlg = bulk(Action.START, campaigns(gui_simulator, ids, dict.fromkeys(ids, LONG_NAME)))
    dlg.resize(800, 500)
    finished_run(qtbot, gui_simulator, dlg)
    qtbot.waitUntil(lambda: dlg.width() == 800 and dlg.height() == 500)
    QApplication.processEvents()
    assert dlg.minimumSizeHint().width() <= 800 and dlg.minimumSizeHint().height() <= 500

    table = dlg.progressPage.resultsTable
    header = table.horizontalHeader()
    outcome = ResultsTable.COL_OUTCOME
    right_edge = header.sectionViewportPosition(outcome) + header.sectionSize(outcome)
    assert 0 <= header.sectionViewportPosition(outcome) and right_edge <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0  # nothing off to the right
    assert header.sectionSize(outcome) >= table.sizeHintForColumn(outcome)  # never elided
    words = [table.outcome_text(r) for r in range(3)]
    assert " · " in words[0]  # "Outcome unknown · Skipped", the longest, in full
    metrics = table.fontMetrics()
    assert header.sectionSize(outcome) > metrics.horizontalAdvance(words[0])
    # the name gives way: elided, its full text in the tooltip
    name = ResultsTable.COL_NAME
    assert header.sectionSize(name) < metrics.horizontalAdvance(LONG_NAME)
    assert table.item(0, name).toolTip() == LONG_NAME
    assert table.textElideMode() is Qt.TextElideMode.ElideRight
    assert not dlg.progressPage.summaryBox.countsLabel.visibleRegion().isEmpty()
    assert not dlg.progressPage.closeButton.visibleRegion().isEmpty()


def test_english_counts_use_plural_forms_for_one_and_two_campaigns(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog],
    language: Callable[[str], None],
) -> None:
    """Needs the English plural forms in resources/translations/wolkvox_desktop_en.qm
    (``tools/update_translations.py``)."""
    language("en")
    one = bulk(Action.START, campaigns(gui_simulator, ["3302"]))
    assert one.confirmPage.startButton.text() == "Start 1 campaign"
    title = one.confirmPage.titleLabel.text()
    assert title.startswith("Start 1 campaign on operation 0032") and "(s)" not in title
    assert "Cost: 1 token, one per campaign." in one.confirmPage.budgetLabel.text()

    two = bulk(Action.STOP, campaigns(gui_simulator, ["3301", "3304", "3302"]))
    assert two.confirmPage.startButton.text() == "Stop 2 campaigns"
    assert two.confirmPage.includeInStateCheck.text() == (
        "Include the 1 campaign already stopped anyway")
    assert "Cost: 2 tokens, one per campaign." in two.confirmPage.budgetLabel.text()
    with qtbot.waitSignal(two.runFinished, timeout=WAIT_MS):
        click(qtbot, two.confirmPage.startButton)
    counts = two.progressPage.summaryBox.countsLabel.text()
    assert "2 calls made" in counts and "(s)" not in counts


def test_a_spanish_window_writes_numbers_as_spanish(
    qtbot: QtBot, gui_simulator: Simulator, bulk: Callable[..., BulkDialog],
    language: Callable[[str], None],
) -> None:
    language("es")  # the window's locale follows its language: 1.000, not 1,000
    dlg = bulk(Action.START, campaigns(gui_simulator, ["3302"]))
    budget = dlg.confirmPage.budgetLabel.text()
    assert budget.count("1.000") == 2 and "1,000" not in budget  # used 0 of 1.000; 1.000 left
