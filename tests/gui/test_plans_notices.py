"""What a plan's run says when nobody watched it (the tray's notifications, the window's
result line), in English and in Spanish, from real runs (core.plan_runs against the
simulator on loopback, a real SQLite store).

The new strings are not in the catalogs yet (tools/update_translations.py is run when
they land): :class:`Catalog` stands in for them with the forms proposed for the catalogs
(:data:`SPANISH`, :data:`ENGLISH` plural forms), on top of the real Spanish catalog, so
the sentences the code builds are read as Qt would read them: by context, source text and
count."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from tests.integration import test_plan_runs
from tests.integration.test_plan_runs import BOGOTA, local, save
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.operations import Operations
from wolkvox_desktop.core.plan_runs import MissedSlot, PlanRunResult, run_due, run_plan
from wolkvox_desktop.core.store import Operation
from wolkvox_desktop.gui import i18n
from wolkvox_desktop.gui.plans import notices
from wolkvox_desktop.gui.plans.when import clock_text, day_and_time, schedule_text

Forms = str | tuple[str, str]

clock = test_plan_runs.clock  # the fixtures: a moved clock, the front door on a real store
ops = test_plan_runs.ops

#: (context, source) -> English plural forms (singular, plural): every new numerus string
ENGLISH: dict[tuple[str, str], Forms] = {
    # gui/tray.py
    ("KeepRunningQuestion", "%n plan(s) are scheduled. Keep Wolkvox Desktop running in the system"
                            " tray so that they run at their time?"):
        ("%n plan is scheduled. Keep Wolkvox Desktop running in the system tray so that it runs "
         "at its time?",
         "%n plans are scheduled. Keep Wolkvox Desktop running in the system tray so that they "
         "run at their time?"),
    # gui/plans/panel.py
    ("PlansPanel", "%n plan(s) exported to {path}."):
        ("%n plan exported to {path}.",
         "%n plans exported to {path}."),
    ("PlansPanel", "%n plan(s) imported"):
        ("%n plan imported",
         "%n plans imported"),
    # gui/plans/plan_list.py
    ("PlanList", "Start %Ln campaign(s)"):
        ("Start %Ln campaign",
         "Start %Ln campaigns"),
    ("PlanList", "Stop %Ln campaign(s)"):
        ("Stop %Ln campaign",
         "Stop %Ln campaigns"),
    # gui/plans/editor.py
    ("PlanEditor", "%n selected campaign(s) left out: their type (preview or predictive) is not "
                   "known. Refresh the list, or add them by hand in the main window first."):
        ("%n selected campaign left out: its type (preview or predictive) is not known. Refresh "
         "the list, or add it by hand in the main window first.",
         "%n selected campaigns left out: their type (preview or predictive) is not known. "
         "Refresh the list, or add them by hand in the main window first."),
    ("PlanEditor", "%n selected campaign(s) left out: their type (preview or predictive) is not "
                   "known."):
        ("%n selected campaign left out: its type (preview or predictive) is not known.",
         "%n selected campaigns left out: their type (preview or predictive) is not known."),
    ("PlanEditor", "A plan's name is at most %n character(s) long."):
        ("A plan's name is at most %n character long.",
         "A plan's name is at most %n characters long."),
    ("PlanEditor", "A plan holds at most %Ln campaign(s)."):
        ("A plan holds at most %Ln campaign.",
         "A plan holds at most %Ln campaigns."),
    # gui/plans/notices.py
    ("PlanNotices", "The other %Ln campaign(s) were not sent."):
        ("The other campaign was not sent.",
         "The other %Ln campaigns were not sent."),
    ("PlanNotices", "Plan “{name}” is running on schedule: %Ln campaign(s), one after the other…"):
        ("Plan “{name}” is running on schedule: %Ln campaign…",
         "Plan “{name}” is running on schedule: %Ln campaigns, one after the other…"),
    ("PlanNotices", "%n scheduled plan(s) were missed"):
        ("%n scheduled plan was missed",
         "%n scheduled plans were missed"),
    ("PlanNotices", "Its %Ln call(s) would pass today's token budget for operation {server}, so "
                    "nothing was sent. The history says so."):
        ("Its %Ln call would pass today's token budget for operation {server}, so nothing was "
         "sent. The history says so.",
         "Its %Ln calls would pass today's token budget for operation {server}, so nothing was "
         "sent. The history says so."),
    ("PlanNotices", "%Ln campaign(s) started."):
        ("%Ln campaign started.",
         "%Ln campaigns started."),
    ("PlanNotices", "%Ln campaign(s) stopped."):
        ("%Ln campaign stopped.",
         "%Ln campaigns stopped."),
}

#: (context, source) -> Spanish (numerus: singular, plural): every new string
SPANISH: dict[tuple[str, str], Forms] = {
    # gui/tray.py
    ("TrayMenu", "Open Wolkvox Desktop"):
        "Abrir Wolkvox Desktop",
    ("TrayMenu", "Run plan"):
        "Ejecutar un plan",
    ("TrayMenu", "Pause schedules"):
        "Pausar los horarios",
    ("TrayMenu", "Quit"):
        "Salir",
    ("TrayMenu", "No plans yet"):
        "Todavía no hay planes",
    ("KeepRunningQuestion", "Keep running in the tray?"):
        "¿Seguir en la bandeja del sistema?",
    ("KeepRunningQuestion", "%n plan(s) are scheduled. Keep Wolkvox Desktop running in the system"
                            " tray so that they run at their time?"):
        ("Hay %n plan programado. ¿Mantener Wolkvox Desktop en la bandeja del sistema para que se"
         " ejecute a su hora?",
         "Hay %n planes programados. ¿Mantener Wolkvox Desktop en la bandeja del sistema para que"
         " se ejecuten a su hora?"),
    ("KeepRunningQuestion", "From the tray's icon you can open the window, run a plan, pause the "
                            "schedules or quit. Your answer is remembered; change it in Plans."):
        "Desde el icono de la bandeja puede abrir la ventana, ejecutar un plan, pausar los "
        "horarios o salir. Su respuesta se recuerda; puede cambiarla en Planes.",
    ("KeepRunningQuestion", "Keep running in the tray"):
        "Seguir en la bandeja",
    ("KeepRunningQuestion", "Quit"):
        "Salir",
    ("AppTray", "Wolkvox Desktop"):
        "Wolkvox Desktop",
    ("AppTray", "Wolkvox Desktop (schedules paused)"):
        "Wolkvox Desktop (horarios en pausa)",
    ("AppTray", "Wolkvox Desktop is still running"):
        "Wolkvox Desktop sigue en ejecución",
    ("AppTray", "Scheduled plans run at their time. Open the window, run a plan or quit from this"
                " icon."):
        "Los planes programados se ejecutan a su hora. Abra la ventana, ejecute un plan o salga "
        "desde este icono.",
    # gui/plans/controls.py
    ("PlansControls", "&Plans…"):
        "&Planes…",
    ("PlansControls", "Shift plans"):
        "Planes de turno",
    ("PlansControls", "Saved sets of campaigns, started or stopped in one action or at a set time"):
        "Conjuntos guardados de campañas que se inician o detienen en una sola acción o a una "
        "hora fija",
    ("PlansControls", "Plan “{name}”: {headline}"):
        "Plan “{name}”: {headline}",
    # gui/plans/panel.py
    ("PlansPanel", "Plans"):
        "Planes",
    ("PlansPanel", "New from selection…"):
        "Nuevo desde la selección…",
    ("PlansPanel", "A new plan with the campaigns selected in the main window, in the order you "
                   "selected them"):
        "Un plan nuevo con las campañas seleccionadas en la ventana principal, en el orden en que"
        " las seleccionó",
    ("PlansPanel", "Edit…"):
        "Editar…",
    ("PlansPanel", "Delete…"):
        "Eliminar…",
    ("PlansPanel", "Run now…"):
        "Ejecutar ahora…",
    ("PlansPanel", "Start or stop the plan's campaigns now (asks first, with the token cost)"):
        "Inicia o detiene ahora las campañas del plan (pregunta antes, con el costo en tokens)",
    ("PlansPanel", "Import…"):
        "Importar…",
    ("PlansPanel", "Add the plans of a plans file; plans of the same name are replaced"):
        "Agrega los planes de un archivo de planes; los planes con el mismo nombre se reemplazan",
    ("PlansPanel", "Export…"):
        "Exportar…",
    ("PlansPanel", "Write every plan to a file, for other workstations"):
        "Escribe todos los planes en un archivo, para otros puestos de trabajo",
    ("PlansPanel", "Pause schedules"):
        "Pausar los horarios",
    ("PlansPanel", "No plan runs at its time while this is on (the system scheduler's wolkvox "
                   "plan run-due still does)"):
        "Ningún plan se ejecuta a su hora mientras esto esté activo (wolkvox plan run-due del "
        "programador del sistema sí lo hace)",
    ("PlansPanel", "Keep running in the tray when the window is closed"):
        "Seguir en la bandeja al cerrar la ventana",
    ("PlansPanel", "Close"):
        "Cerrar",
    ("PlansPanel", "The plans could not be read: the local database is not available."):
        "No se pudieron leer los planes: la base de datos local no está disponible.",
    ("PlansPanel", "That plan is no longer there."):
        "Ese plan ya no existe.",
    ("PlansPanel", "Plan “{name}” saved."):
        "Plan “{name}” guardado.",
    ("PlansPanel", "Delete plan"):
        "Eliminar el plan",
    ("PlansPanel", "Delete plan “{name}”?"):
        "¿Eliminar el plan “{name}”?",
    ("PlansPanel", "It no longer runs at its time. Its runs stay in the history."):
        "Ya no se ejecutará a su hora. Sus ejecuciones siguen en el historial.",
    ("PlansPanel", "Delete"):
        "Eliminar",
    ("PlansPanel", "Plan “{name}” deleted."):
        "Plan “{name}” eliminado.",
    ("PlansPanel", "%n plan(s) exported to {path}."):
        ("%n plan exportado a {path}.",
         "%n planes exportados a {path}."),
    ("PlansPanel", "The plans could not be written to {path}: {why}"):
        "No se pudieron escribir los planes en {path}: {why}",
    ("PlansPanel", "%n plan(s) imported"):
        ("%n plan importado",
         "%n planes importados"),
    ("PlansPanel", "({added} new, {replaced} replaced)."):
        "({added} nuevos, {replaced} reemplazados).",
    ("PlansPanel", "Nothing was imported: {why}"):
        "No se importó nada: {why}",
    ("PlansPanel", "Nothing was imported: the local database is not available."):
        "No se importó nada: la base de datos local no está disponible.",
    # gui/plans/plan_list.py
    ("PlanList", "Plan"):
        "Plan",
    ("PlanList", "What it does"):
        "Qué hace",
    ("PlanList", "Schedule"):
        "Horario",
    ("PlanList", "Next run"):
        "Próxima ejecución",
    ("PlanList", "Last run"):
        "Última ejecución",
    ("PlanList", "Start %Ln campaign(s)"):
        ("Iniciar %Ln campaña",
         "Iniciar %Ln campañas"),
    ("PlanList", "Stop %Ln campaign(s)"):
        ("Detener %Ln campaña",
         "Detener %Ln campañas"),
    ("PlanList", "Paused"):
        "En pausa",
    ("PlanList", "Missed: {when}"):
        "No se ejecutó: {when}",
    # gui/plans/missed_box.py
    ("MissedBox", "Run now…"):
        "Ejecutar ahora…",
    ("MissedBox", "Plan “{name}” was missed: not run at its time ({when})."):
        "El plan “{name}” no se ejecutó a su hora ({when}).",
    # gui/plans/plans_file.py
    ("PlansFile", "Export plans"):
        "Exportar los planes",
    ("PlansFile", "Plans files (*.json)"):
        "Archivos de planes (*.json)",
    ("PlansFile", "Import plans"):
        "Importar planes",
    ("PlansFile", "Plans files (*.json);;All files (*)"):
        "Archivos de planes (*.json);;Todos los archivos (*)",
    # gui/plans/editor.py
    ("PlanEditor", "Edit plan"):
        "Editar el plan",
    ("PlanEditor", "New plan"):
        "Nuevo plan",
    ("PlanEditor", "For example: Morning shift"):
        "Por ejemplo: Turno de la mañana",
    ("PlanEditor", "Start the campaigns"):
        "Iniciar las campañas",
    ("PlanEditor", "Stop the campaigns"):
        "Detener las campañas",
    ("PlanEditor", "Name"):
        "Nombre",
    ("PlanEditor", "Operation"):
        "Operación",
    ("PlanEditor", "Action"):
        "Acción",
    ("PlanEditor", "Campaigns"):
        "Campañas",
    ("PlanEditor", "Schedule"):
        "Horario",
    ("PlanEditor", "Save"):
        "Guardar",
    ("PlanEditor", "Cancel"):
        "Cancelar",
    ("PlanEditor", "%n selected campaign(s) left out: their type (preview or predictive) is not "
                   "known. Refresh the list, or add them by hand in the main window first."):
        ("%n campaña seleccionada quedó fuera: no se conoce su tipo (preview o predictiva). "
         "Actualice la lista o agréguela a mano primero en la ventana principal.",
         "%n campañas seleccionadas quedaron fuera: no se conoce su tipo (preview o predictiva). "
         "Actualice la lista o agréguelas a mano primero en la ventana principal."),
    ("PlanEditor", "The main window shows another operation: choose this plan's operation there "
                   "and select its campaigns first."):
        "La ventana principal muestra otra operación: elija allí la operación de este plan y "
        "seleccione primero sus campañas.",
    ("PlanEditor", "%n selected campaign(s) left out: their type (preview or predictive) is not "
                   "known."):
        ("%n campaña seleccionada quedó fuera: no se conoce su tipo (preview o predictiva).",
         "%n campañas seleccionadas quedaron fuera: no se conoce su tipo (preview o predictiva)."),
    ("PlanEditor", "This plan was deleted meanwhile (in another window or from the command line)."
                   " Save it under a name to keep it as a new plan."):
        "Este plan se eliminó mientras tanto (en otra ventana o desde la línea de comandos). "
        "Guárdelo con un nombre para conservarlo como un plan nuevo.",
    ("PlanEditor", "The plan could not be saved: the local database is not available. The log "
                   "file has the details."):
        "No se pudo guardar el plan: la base de datos local no está disponible. El archivo de "
        "registro tiene los detalles.",
    ("PlanEditor", "Give the plan a name."):
        "Póngale un nombre al plan.",
    ("PlanEditor", "A plan's name is at most %n character(s) long."):
        ("El nombre de un plan tiene como máximo %n carácter.",
         "El nombre de un plan tiene como máximo %n caracteres."),
    ("PlanEditor", "A plan's name cannot contain control characters."):
        "El nombre de un plan no puede contener caracteres de control.",
    ("PlanEditor", "Another plan is named “{name}” (in any case): choose another name."):
        "Ya hay otro plan llamado “{name}” (sin distinguir mayúsculas): elija otro nombre.",
    ("PlanEditor", "Choose the operation the plan runs on."):
        "Elija la operación en la que se ejecuta el plan.",
    ("PlanEditor", "A plan holds at most %Ln campaign(s)."):
        ("Un plan tiene como máximo %Ln campaña.",
         "Un plan tiene como máximo %Ln campañas."),
    ("PlanEditor", "Add at least one campaign: select them in the main window's list, then “Add "
                   "selected”."):
        "Agregue al menos una campaña: selecciónelas en la lista de la ventana principal y luego "
        "use «Agregar seleccionadas».",
    ("PlanEditor", "Give the time as HH:MM on a 24-hour clock, such as 07:00 or 19:30."):
        "Escriba la hora como HH:MM en formato de 24 horas, por ejemplo 07:00 o 19:30.",
    ("PlanEditor", "Choose at least one day."):
        "Elija al menos un día.",
    # gui/plans/campaign_order.py
    ("CampaignOrder", "Campaigns of the plan, in order"):
        "Campañas del plan, en orden",
    ("CampaignOrder", "Add selected"):
        "Agregar seleccionadas",
    ("CampaignOrder", "Add the campaigns selected in the main window's list, in the order you "
                      "selected them"):
        "Agrega las campañas seleccionadas en la lista de la ventana principal, en el orden en "
        "que las seleccionó",
    ("CampaignOrder", "Up"):
        "Subir",
    ("CampaignOrder", "Down"):
        "Bajar",
    ("CampaignOrder", "Remove"):
        "Quitar",
    # gui/plans/schedule_fields.py
    ("ScheduleFields", "Run on a schedule, while the app runs"):
        "Ejecutar según un horario, mientras la aplicación esté abierta",
    ("ScheduleFields", "HH:MM on a 24-hour clock, the computer's local time"):
        "HH:MM en formato de 24 horas, en la hora local del equipo",
    ("ScheduleFields", "Every day"):
        "Todos los días",
    ("ScheduleFields", "Weekdays (Monday to Friday)"):
        "Entre semana (de lunes a viernes)",
    ("ScheduleFields", "These days:"):
        "Estos días:",
    ("ScheduleFields", "At"):
        "A las",
    # gui/plans/run_now.py
    ("PlanRunNow", "There is no plan named “{name}” any more: it was deleted or renamed."):
        "Ya no hay un plan llamado “{name}”: se eliminó o se le cambió el nombre.",
    ("PlanRunNow", "Plan “{name}”"):
        "Plan “{name}”",
    # gui/plans/notices.py
    ("PlanNotices", "Plan “{name}” ran"):
        "El plan “{name}” se ejecutó",
    ("PlanNotices", "Plan “{name}” stopped at a failure"):
        "El plan “{name}” se detuvo en un fallo",
    ("PlanNotices", "The other %Ln campaign(s) were not sent."):
        ("No se envió la campaña restante.",
         "No se enviaron las %Ln campañas restantes."),
    ("PlanNotices", "Plan “{name}” ended with a failure"):
        "El plan “{name}” terminó con un fallo",
    ("PlanNotices", "Plan “{name}” is running on schedule: %Ln campaign(s), one after the other…"):
        ("El plan “{name}” se está ejecutando según su horario: %Ln campaña…",
         "El plan “{name}” se está ejecutando según su horario: %Ln campañas, una tras otra…"),
    ("PlanNotices", "Plan “{name}” was missed"):
        "El plan “{name}” no se ejecutó a su hora",
    ("PlanNotices", "Not run at its time ({when}): the computer was off or asleep, or the app was"
                    " closed. It is not run late; run it from Plans if it is still wanted."):
        "No se ejecutó a su hora ({when}): el equipo estaba apagado o suspendido, o la aplicación"
        " estaba cerrada. No se ejecuta tarde; ejecútelo desde Planes si todavía hace falta.",
    ("PlanNotices", "%n scheduled plan(s) were missed"):
        ("%n plan programado no se ejecutó a su hora",
         "%n planes programados no se ejecutaron a su hora"),
    ("PlanNotices", "{names}: not run at their time (the computer was off or asleep, or the app "
                    "was closed). They are not run late; run them from Plans if they are still "
                    "wanted."):
        "{names}: no se ejecutaron a su hora (el equipo estaba apagado o suspendido, o la "
        "aplicación estaba cerrada). No se ejecutan tarde; ejecútelos desde Planes si todavía "
        "hacen falta.",
    ("PlanNotices", "Plan “{name}” did not start"):
        "El plan “{name}” no se inició",
    ("PlanNotices", "Its %Ln call(s) would pass today's token budget for operation {server}, so "
                    "nothing was sent. The history says so."):
        ("Su %Ln llamada pasaría el presupuesto de tokens de hoy de la operación {server}, así "
         "que no se envió nada. El historial lo registra.",
         "Sus %Ln llamadas pasarían el presupuesto de tokens de hoy de la operación {server}, así"
         " que no se envió nada. El historial lo registra."),
    ("PlanNotices", "%Ln campaign(s) started."):
        ("%Ln campaña iniciada.",
         "%Ln campañas iniciadas."),
    ("PlanNotices", "No campaign was started."):
        "No se inició ninguna campaña.",
    ("PlanNotices", "%Ln campaign(s) stopped."):
        ("%Ln campaña detenida.",
         "%Ln campañas detenidas."),
    ("PlanNotices", "No campaign was stopped."):
        "No se detuvo ninguna campaña.",
    ("PlanNotices", "Campaign {campaign} failed: {why}"):
        "La campaña {campaign} falló: {why}",
    # gui/plans/when.py
    ("PlanTimes", "Today {time}"):
        "Hoy {time}",
    ("PlanTimes", "Tomorrow {time}"):
        "Mañana {time}",
    ("PlanTimes", "Yesterday {time}"):
        "Ayer {time}",
    ("PlanTimes", "By hand only"):
        "Solo a mano",
    ("PlanTimes", "Every day at {time}"):
        "Todos los días a las {time}",
    ("PlanTimes", "Weekdays at {time}"):
        "De lunes a viernes a las {time}",
    ("PlanTimes", "{days} at {time}"):
        "{days} a las {time}",
}


class Catalog(QTranslator):
    """A catalog from a table: the forms the code's strings get once they are in the
    real catalogs. Asked first (installed last)."""

    def __init__(self, table: dict[tuple[str, str], Forms]) -> None:
        super().__init__()
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        forms = self.table.get((context, source))
        if forms is None:
            return None  # not ours: the catalogs behind this one are asked
        if isinstance(forms, tuple):
            return forms[0] if n == 1 else forms[1]
        return forms

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False


def install(app: QApplication, language: str) -> Catalog:
    """The real catalogs for ``language``, with the new strings on top."""
    i18n.install_translators(app, language)
    catalog = Catalog(SPANISH if language == "es" else ENGLISH)
    app.installTranslator(catalog)
    return catalog


@pytest.fixture
def language(qapp: QApplication) -> Iterator[object]:
    """``language("es")``: the window's language for the rest of the test."""
    locale = QLocale()
    installed: list[Catalog] = []

    def _use(lang: str) -> None:
        for catalog in installed:
            qapp.removeTranslator(catalog)
        installed.append(install(qapp, lang))

    yield _use
    for catalog in installed:
        qapp.removeTranslator(catalog)
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
    assert single.body.startswith("Not run at its time (Today 7:00")
    both = notices.slots_missed(report.missed, BOGOTA, now)
    assert both.title == "2 scheduled plans were missed"
    assert both.body.startswith("“Cierre”, “Mañana”: not run at their time")
    assert notices.slots_missed(one, BOGOTA, now + timedelta(days=1)).body.startswith(
        "Not run at its time (Yesterday 7:00")
    language("es")  # type: ignore[operator]
    single = notices.slots_missed(one, BOGOTA, now)
    assert single.title == f"El plan “{one[0].saved.name}” no se ejecutó a su hora"
    assert single.body.startswith("No se ejecutó a su hora (Hoy 7:00")
    assert notices.slots_missed(report.missed, BOGOTA, now).title == (
        "2 planes programados no se ejecutaron a su hora")


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
    assert day_and_time(moment, BOGOTA, now) == f"Mañana {at}"
    assert day_and_time(moment + timedelta(days=2), BOGOTA, now) == f"vie 13 mar {at}"


# ------------------------------------------------------------------ the tables themselves

NEW_FILES = ("wolkvox_desktop/gui/tray.py", "wolkvox_desktop/gui/scheduler.py",
             "wolkvox_desktop/gui/plans")  # every file of these


def new_strings() -> dict[tuple[str, str], bool]:
    """(context, source) -> numerus, of every tr()/translate() literal of the new files."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    files = [p for name in NEW_FILES
             for p in ((root / name).glob("*.py") if (root / name).is_dir() else [root / name])]
    found: dict[tuple[str, str], bool] = {}

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                f, args = child.func, child.args
                if (isinstance(f, ast.Attribute) and f.attr == "tr" and args
                        and isinstance(args[0], ast.Constant) and cls is not None):
                    found[(cls, args[0].value)] = len(args) >= 3
                elif (isinstance(f, ast.Name | ast.Attribute)
                      and getattr(f, "id", getattr(f, "attr", "")) in ("_translate", "translate")
                      and len(args) >= 2 and isinstance(args[1], ast.Constant)):
                    found[(args[0].value, args[1].value)] = len(args) >= 4
            visit(child, inner)

    for path in files:
        visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def test_the_tables_hold_every_new_string_and_its_plural_forms() -> None:
    strings = new_strings()
    assert len(strings) > 100
    assert sorted(set(strings) - set(SPANISH)) == []  # each has its Spanish
    assert sorted(set(SPANISH) - set(strings)) == []  # and nothing stale
    numerus = {key for key, plural in strings.items() if plural}
    assert sorted(numerus ^ set(ENGLISH)) == []  # English plural forms for each, only those
    for key in numerus:
        assert isinstance(SPANISH[key], tuple) and isinstance(ENGLISH[key], tuple)
