"""The window reads as written by a person (issue 19): one locale for every number and time
(the window's language), "a la 1" and "a las 7", campaign types named alike, Qt's file
dialog in Spanish too, file names in the window's language, and no English inside a
Spanish sentence (a plans file refused, a problem outside a call). English and Spanish.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QLabel

from tests.gui.spoken import spoken, words
from wolkvox_desktop.core.api_request import TokenInfo
from wolkvox_desktop.core.bulk import plan_bulk
from wolkvox_desktop.core.campaigns import Action, Campaign, CampaignStatus, CampaignType
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.plans import PlanError, plans_from_json
from wolkvox_desktop.core.service import Usage
from wolkvox_desktop.core.store.history_rows import HistoryRow
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.bulk.confirm_page import ConfirmPage
from wolkvox_desktop.gui.history import columns
from wolkvox_desktop.gui.history import export as history_export
from wolkvox_desktop.gui.local_format import at_time, number, wall_clock
from wolkvox_desktop.gui.plans import plans_file

__all__ = ["spoken"]

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ENGLISH_WORDS = re.compile(r"\b(the|of|is|not|was|must|file|plans?|nothing)\b", re.I)


# ---------------------------------------------------------------- one locale


@pytest.mark.parametrize("locale", ["es_CO", "es_ES"])  # a 12-hour and a 24-hour clock
def test_the_hour_one_takes_la_and_every_other_hour_las(spoken: str, locale: str) -> None:
    QLocale.setDefault(QLocale(locale if spoken == "es" else "en_US"))  # the fixture restores
    one, seven, thirteen = (wall_clock(time(h, 4)) for h in (1, 7, 13))
    if spoken == "en":
        assert at_time(time(13, 4)) == f"at {thirteen}" and at_time(time(1, 4)) == f"at {one}"
        return
    assert at_time(time(1, 4)) == f"a la {one}"
    assert at_time(time(7, 4)) == f"a las {seven}"
    # 1:04 p. m. on a 12-hour clock is "a la"; 13:04 on a 24-hour one is "a las"
    assert at_time(time(13, 4)) == (f"a la {thirteen}" if locale == "es_CO"
                                    else f"a las {thirteen}")


def test_wolkvoxs_own_count_is_written_with_the_windows_digits_and_clock(spoken: str) -> None:
    result = CallResult(Outcome.OK, Reason.OK, "Counted.", 200, 200,
                        data=TokenInfo(token_limit=30000, token_use_today=12000))
    text = messages.token_info_sentence(result)
    assert f"{number(12000)} " in text and f" {number(30000)} " in text
    assert "12000" not in text and "30000" not in text  # never a bare figure beside "3.000"
    assert at_time(datetime.now().astimezone()).split(" ", 1)[0] in text  # "at"/"a la(s)"
    assert words(spoken, "checked at ", "consultado a la") in text


def test_the_budget_line_agrees_with_its_numbers(qtbot: Any, spoken: str) -> None:
    items = [Campaign("3302", "Sur", CampaignType.PREDICTIVE, CampaignStatus.STOPPED)]
    page = ConfirmPage(Action.START, plan_bulk(Action.START, items), None, "0032")
    qtbot.addWidget(page)
    page.set_can_start(True)
    page.set_usage(Usage(1, 3000))
    assert page.budgetLabel.text() == words(
        spoken, "Cost: 1 token, one per campaign. Today 1 of 3,000 are used; 2,999 left.",
        "Costo: 1 token, uno por campaña. Consumo de hoy: 1 de 3.000; saldo: 2.999.")


def test_the_history_writes_times_and_durations_as_the_window_does(spoken: str) -> None:
    at = datetime(2026, 3, 11, 13, 4, 5).astimezone()
    row = HistoryRow(1, at, "0032", "start", "3302", "preview", "ok", "ok", 202, 202, None,
                     "started", 1234, at + timedelta(seconds=1))
    when = columns.text(row, columns.WHEN)
    assert wall_clock(time(13, 4, 5), seconds=True) in when
    assert "2026-03-11" not in when  # not a machine's date in a person's table
    assert columns.text(row, columns.DURATION) == f"{number(1234)} ms"
    assert columns.text(row, columns.TYPE) == words(spoken, "Preview", "Vista previa")


def test_both_campaign_types_are_named_alike(spoken: str) -> None:
    assert (messages.campaign_type_label("preview"),
            messages.campaign_type_label("predictive")) == (
        words(spoken, "Preview", "Vista previa"), words(spoken, "Predictive", "Predictiva"))
    sentence = messages.reason_sentence(Reason.BAD_CAMPAIGN_TYPE) or ""
    assert words(spoken, "preview or predictive", "vista previa o predictiva") in sentence


# ---------------------------------------------------------------- Qt's words, file names


def test_qts_file_dialog_speaks_the_windows_language(qtbot: Any, spoken: str) -> None:
    dialog = QFileDialog(None, "x", str(Path.home()))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    texts = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert texts["lookInLabel"] == words(spoken, "&Look in:", "&Buscar en:")
    assert texts["fileTypeLabel"] == words(spoken, "Files of &type:", "Archivos de &tipo:")
    assert texts["fileNameLabel"] == words(spoken, "File &name:", "&Nombre de fichero:")


def test_suggested_file_names_are_in_the_windows_language(
    qtbot: Any, spoken: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[str] = []

    def fake(_parent: object, _title: str, start: str, *_rest: object) -> tuple[str, str]:
        seen.append(Path(start).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    history_export.ask_export_path(None, tmp_path)  # type: ignore[arg-type]
    plans_file.ask_export_path(None)  # type: ignore[arg-type]
    today = f"{datetime.now():%Y%m%d}"
    assert seen == [words(spoken, f"wolkvox-history-{today}.xlsx",
                          f"historial-wolkvox-{today}.xlsx"),
                    words(spoken, "wolkvox-plans.json", "planes-wolkvox.json")]


# ---------------------------------------------------------------- no English in Spanish


def refused(document: object) -> PlanError:
    with pytest.raises(PlanError) as caught:
        plans_from_json(json.dumps(document))
    return caught.value


def test_a_refused_plans_file_says_why_in_the_windows_language(spoken: str) -> None:
    plan = {"name": "Mañana", "server": "0032", "action": "start",
            "campaigns": [{"id": "3301", "type": "preview"}], "at": "07:00"}
    bad_time = refused({"format": "wolkvox-desktop-plans", "version": 1,
                        "plans": [plan, {**plan, "name": "Tarde", "at": "25:00"}]})
    assert plans_file.import_problem(bad_time) == words(
        spoken, "Plan 2 of the file: its time must be HH:MM on a 24-hour clock.",
        "Plan 2 del archivo: su hora debe ser HH:MM en formato de 24 horas.")
    newer = refused({"format": "wolkvox-desktop-plans", "version": 9, "plans": []})
    assert words(spoken, "newer version", "versión más reciente") in (
        plans_file.import_problem(newer))
    other = refused({"format": "something else", "plans": []})
    sentence = plans_file.import_problem(other)
    if spoken == "es":
        assert not ENGLISH_WORDS.search(sentence), sentence
    assert "something else" not in sentence  # what the file holds is not repeated


@pytest.mark.parametrize("english", [
    "The saved campaigns and history could not be read.",
    "The local database could not be opened. The log file has the details.",
    "The operation could not be deleted completely.",
    "That token contains spaces, line breaks or characters a Wolkvox token does not have; "
    "copy only the token from the Wolkvox manager.",
    "Some sentence the window has never heard of.",
])
def test_a_problem_outside_a_call_reads_in_the_windows_language(
    spoken: str, english: str
) -> None:
    sentence = messages.worker_sentence(english)
    if spoken == "en":
        assert sentence.split(":")[0].split(";")[0] in english
    else:
        assert sentence and not ENGLISH_WORDS.search(sentence), sentence


@pytest.mark.parametrize(("os_locale", "digits"), [("es_ES.UTF-8", "3000 12.000"),
                                                   ("es_CO.UTF-8", "3.000 12.000"),
                                                   ("en_US.UTF-8", "3.000 12.000")])
def test_spanish_writes_numbers_the_same_whether_chosen_in_settings_or_by_the_os(
    os_locale: str, digits: str
) -> None:
    """One locale: the window's language, with the OS's region when the OS speaks it
    (Spain writes "3000" but "12.000"), else the language's default (es_CO); whether
    Spanish came from the OS ("system") or from Settings ("es") makes no difference."""
    import os
    import subprocess
    import sys

    code = (
        "from PySide6.QtCore import QLocale\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from wolkvox_desktop.gui import i18n\n"
        "from wolkvox_desktop.gui.local_format import number\n"
        "app = QApplication([])\n"
        "for setting in ('system', 'es'):\n"
        "    applied = i18n.install_translators(app, setting)\n"
        "    print(setting, applied, number(3000), number(12000))\n"
    )
    env = dict(os.environ, LC_ALL=os_locale, LANG=os_locale, LANGUAGE="",
               QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert lines["es"] == f"es {digits}"
    if os_locale.startswith("es"):
        assert lines["system"] == lines["es"]  # from the OS or from Settings: the same
