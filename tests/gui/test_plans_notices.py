"""What a plan's run says when nobody watched it (the tray's notifications, the window's
result line), in English and in Spanish, from real runs (core.plan_runs against the
simulator on loopback, a real SQLite store), read through the real catalogs as Qt reads
them: by context, source text and count."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication

from tests.integration import test_plan_runs
from tests.integration.test_plan_runs import BOGOTA, local, save
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.operations import Operations
from wolkvox_desktop.core.plan_runs import MissedSlot, PlanRunResult, run_due, run_plan
from wolkvox_desktop.core.plans import Schedule
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui import i18n
from wolkvox_desktop.gui.plans import notices
from wolkvox_desktop.gui.plans.when import clock_text, day_and_time, schedule_text

clock = test_plan_runs.clock  # the fixtures: a moved clock, the front door on a real store
ops = test_plan_runs.ops

@pytest.fixture
def language(qapp: QApplication) -> Iterator[object]:
    """``language("es")``: the window's language for the rest of the test."""
    locale = QLocale()

    def _use(lang: str) -> None:
        i18n.install_translators(qapp, lang)

    yield _use
    i18n.remove_translators(qapp)
    QLocale.setDefault(locale)


# ------------------------------------------------------------------ the runs


@pytest.fixture
def runs(ops: Operations, clock: object) -> dict[str, PlanRunResult]:
    """Real runs: all well (3 and 1 campaigns, a stop), stopped at a failure, over budget."""
    out = {
        "three": run_plan(ops, save(ops, "Mañana", ids=("3303", "3306", "3308"))),
        "one": run_plan(ops, save(ops, "Una", ids=("3303",))),
        "stop": run_plan(ops, save(ops, "Cierre", ids=("3303", "3306"), action="stop")),
        "failed": run_plan(ops, save(ops, "Tarde", ids=("3303", "9999", "3306", "3308"))),
        "last_failed": run_plan(ops, save(ops, "Noche", ids=("3306", "9999"))),
        "one_left": run_plan(ops, save(ops, "Uno más", ids=("9999", "3306"))),
    }
    ops.store.upsert_operation(Operation("0032", licenses=1))
    earlier = CallResult(Outcome.OK, Reason.OK, "Listed.", 200, 200, None, "Data found", 3)
    for _ in range(999):
        ops.store.finish_call(ops.store.begin_call("0032", "campaigns"), earlier)
    out["budget"] = run_plan(ops, save(ops, "Presupuesto", ids=("3303", "3306")))
    return out


def test_run_endings_in_english(language: object, runs: dict[str, PlanRunResult]) -> None:
    language("en")  # type: ignore[operator]
    ok = notices.run_ended(runs["three"])
    assert (ok.title, ok.body, ok.outcome) == ("Plan “Mañana” ran", "3 campaigns started.",
                                               "ok")
    assert ok.sentence == "Plan “Mañana” ran: 3 campaigns started."
    assert notices.run_ended(runs["one"]).body == "1 campaign started."
    assert notices.run_ended(runs["stop"]).body == "2 campaigns stopped."
    failed = notices.run_ended(runs["failed"])
    assert failed.title == "Plan “Tarde” stopped at a failure"
    assert failed.body.startswith("1 campaign started. Campaign 9999 failed: Wolkvox refused")
    assert failed.body.endswith(" The other 2 campaigns were not sent.")
    assert failed.outcome == "refused"
    one_left = notices.run_ended(runs["one_left"]).body
    assert one_left.startswith("No campaign was started. Campaign 9999 failed: ")
    assert one_left.endswith(" The other campaign was not sent.")
    last = notices.run_ended(runs["last_failed"])
    assert last.title == "Plan “Noche” ended with a failure"
    assert "not sent" not in last.body
    budget = notices.run_ended(runs["budget"])
    assert (budget.title, budget.outcome) == ("Plan “Presupuesto” did not start", "invalid")
    assert budget.body == ("Its 2 calls would pass today's token budget for operation 0032, "
                           "so nothing was sent. The history says so.")


def test_run_endings_in_spanish(language: object, runs: dict[str, PlanRunResult]) -> None:
    language("es")  # type: ignore[operator]
    ok = notices.run_ended(runs["three"])
    assert (ok.title, ok.body) == ("El plan “Mañana” se ejecutó", "3 campañas iniciadas.")
    assert notices.run_ended(runs["one"]).body == "1 campaña iniciada."
    assert notices.run_ended(runs["stop"]).body == "2 campañas detenidas."
    failed = notices.run_ended(runs["failed"])
    assert failed.title == "El plan “Tarde” se detuvo en un fallo"
    assert failed.body.startswith("1 campaña iniciada. La campaña 9999 falló: ")
    assert failed.body.endswith(" No se enviaron las 2 campañas restantes.")
    one_left = notices.run_ended(runs["one_left"]).body
    assert one_left.startswith("No se inició ninguna campaña. La campaña 9999 falló: ")
    assert one_left.endswith(" No se envió la campaña restante.")
    budget = notices.run_ended(runs["budget"])
    assert budget.title == "El plan “Presupuesto” no se inició"
    assert budget.body == ("Sus 2 llamadas pasarían el presupuesto de tokens de hoy de la "
                           "operación 0032, así que no se envió nada. El historial lo registra.")


def test_a_run_that_could_not_open_its_operation_says_why_in_the_windows_words(
    language: object, ops: Operations, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WOLKVOX_TOKEN")
    result = run_plan(ops, save(ops))
    language("es")  # type: ignore[operator]
    note = notices.run_ended(result)
    assert note.title == "El plan “Mañana” no se inició"
    assert note.body == QCoreApplication.translate(
        "Messages", "WOLKVOX_API_BASE points this window at a test server: only the token in "
        "WOLKVOX_TOKEN is sent there, never a saved one. Nothing was sent.")
    assert note.body.startswith("WOLKVOX_API_BASE") and "No se envió nada" in note.body


def test_missed_slots_and_a_scheduled_start_in_both_languages(
    language: object, ops: Operations, clock: object
) -> None:
    save(ops, "Mañana")
    save(ops, "Cierre", at="07:00", ids=("3306",), action="stop")
    now = local(BOGOTA, "2026-03-10 07:20")
    report = run_due(ops, now=now, zone=BOGOTA)
    assert len(report.missed) == 2
    one: list[MissedSlot] = [report.missed[0]]
    language("en")  # type: ignore[operator]
    single = notices.slots_missed(one, BOGOTA, now)
    assert single.title == f"Plan “{one[0].saved.name}” was missed"
    assert single.body.startswith("It was due Today 7:00")
    both = notices.slots_missed(report.missed, BOGOTA, now)
    assert both.title == "2 scheduled plans were missed"
    assert both.body.startswith("“Cierre”, “Mañana”: at their time the computer was off")
    assert notices.slots_missed(one, BOGOTA, now + timedelta(days=1)).body.startswith(
        "It was due Yesterday 7:00")
    language("es")  # type: ignore[operator]
    single = notices.slots_missed(one, BOGOTA, now)
    assert single.title == f"El plan “{one[0].saved.name}” no se ejecutó a su hora"
    assert single.body.startswith("Estaba previsto para Hoy 7:00")
    assert "a su hora" not in single.body  # the title says it: never twice in a sentence
    both = notices.slots_missed(report.missed, BOGOTA, now)
    assert both.title == "2 planes programados no se ejecutaron a su hora"
    assert "a su hora" not in both.body


def test_times_and_schedules_in_words(language: object, ops: Operations) -> None:
    saved = save(ops, "Semana", at="19:30", days="mon,wed,fri")
    now = local(BOGOTA, "2026-03-10 07:20")  # a Tuesday
    moment = BOGOTA.moment_of(datetime(2026, 3, 11, 19, 30))
    language("en")  # type: ignore[operator]
    at = clock_text(time(19, 30))
    assert at.replace("\u202f", " ") == "7:30 PM"
    assert schedule_text(saved.plan.schedule) == f"Mon, Wed, Fri at {at}"
    assert schedule_text(None) == "By hand only"
    assert day_and_time(moment, BOGOTA, now) == f"Tomorrow {at}"
    assert day_and_time(moment + timedelta(days=2), BOGOTA, now) == f"Fri 13 Mar {at}"
    language("es")  # type: ignore[operator]
    at = clock_text(time(19, 30))
    assert at.replace("\xa0", " ").replace("\u202f", " ") == "7:30 p. m."
    assert schedule_text(saved.plan.schedule) == f"lun, mié, vie a las {at}"
    one_pm = clock_text(time(13, 4))
    assert schedule_text(Schedule.parse("13:04")) == f"Todos los días a la {one_pm}"
    one_am = clock_text(time(1, 4))
    assert schedule_text(Schedule.parse("01:04")) == f"Todos los días a la {one_am}"
    assert schedule_text(Schedule.parse("14:04")).startswith("Todos los días a las ")
    assert day_and_time(moment, BOGOTA, now) == f"Mañana {at}"
    assert day_and_time(moment + timedelta(days=2), BOGOTA, now) == f"vie 13 mar {at}"
