<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/about/dialog.py" line="+116"/>
        <source>About Wolkvox Desktop</source>
        <translation>Acerca de Wolkvox Desktop</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Version {0}</source>
        <translation>Versión {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start and stop Wolkvox dialer campaigns in one click.</source>
        <translation>Inicie y detenga campañas del marcador de Wolkvox con un clic.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Built with Qt for Python (PySide6) and the Qt libraries, used under the GNU LGPL version 3, with Python and other open-source software: see the third-party licences.</source>
        <translation>Hecho con Qt for Python (PySide6) y las bibliotecas de Qt, que se usan bajo la licencia GNU LGPL versión 3, con Python y otro software de código abierto: vea las licencias de terceros.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Third-party &amp;licences…</source>
        <translation>&amp;Licencias de terceros…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Third-party licences</source>
        <translation>Licencias de terceros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The licences of the open-source software this app includes</source>
        <translation>Las licencias del software de código abierto que incluye esta aplicación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>About Qt</source>
        <translation>Acerca de Qt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Version {0} is available.</source>
        <translation>Ya está disponible la versión {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>See what is new and download it</source>
        <translation>Vea las novedades y descárguela</translation>
    </message>
</context>
<context>
    <name>AboutEntry</name>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>About Wolkvox Desktop</source>
        <translation>Acerca de Wolkvox Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version, licences, and whether a newer version is out (F1)</source>
        <translation>Versión, licencias y si hay una versión más nueva (F1)</translation>
    </message>
</context>
<context>
    <name>AnswerText</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/answer_text.py" line="+53"/>
        <source>An HTML page, not Wolkvox&apos;s answer</source>
        <translation>Una página HTML, no la respuesta de Wolkvox</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{page} — an HTML page, not Wolkvox&apos;s answer</source>
        <translation>{page}: una página HTML, no la respuesta de Wolkvox</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/crash_reporter.py" line="+42"/>
        <source>Wolkvox Desktop: unexpected error</source>
        <translation>Wolkvox Desktop: error inesperado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something unexpected went wrong. If an action was in progress, it may or may not have reached Wolkvox: refresh the campaign list before trying again.</source>
        <translation>Ocurrió un error inesperado. Si había una acción en curso, puede haber llegado a Wolkvox o no: actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The details were written to the log file:
{0}</source>
        <translation>Los detalles se guardaron en el archivo de registro:
{0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>If Wolkvox Desktop ever closes by itself, the reason is written to:
{0}</source>
        <translation>Si Wolkvox Desktop llega a cerrarse solo, el motivo queda escrito en:
{0}</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/app.py" line="+350"/>
        <source>Wolkvox Desktop cannot start</source>
        <extracomment>flags without a value that the usual starts pass alone (the welcome page&apos;s &quot;Try the demo&quot;, the packaging smoke test): read without building the parser (~4 ms with its gettext)</extracomment>
        <translation>Wolkvox Desktop no puede iniciarse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wolkvox Desktop cannot use its data folder:
{0}</source>
        <translation>Wolkvox Desktop no puede usar su carpeta de datos:
{0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason: {0}

Check that this folder can be created and written (permissions, free space), then start Wolkvox Desktop again.</source>
        <translation>Motivo: {0}

Compruebe que esta carpeta se pueda crear y que se pueda escribir en ella (permisos, espacio libre) y vuelva a iniciar Wolkvox Desktop.</translation>
    </message>
</context>
<context>
    <name>AppTray</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/tray.py" line="+145"/>
        <location line="+27"/>
        <source>Wolkvox Desktop</source>
        <translation>Wolkvox Desktop</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Wolkvox Desktop (schedules paused)</source>
        <translation>Wolkvox Desktop (horarios en pausa)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Wolkvox Desktop is still running</source>
        <translation>Wolkvox Desktop sigue en ejecución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled plans run at their time. Open the window, run a plan or quit from this icon.</source>
        <translation>Los planes programados se ejecutan a su hora. Abra la ventana, ejecute un plan o salga desde este icono.</translation>
    </message>
</context>
<context>
    <name>BulkControls</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk/controls.py" line="+54"/>
        <source>Start the selected campaigns</source>
        <translation>Iniciar las campañas seleccionadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start every selected campaign, one after the other (asks first)</source>
        <translation>Iniciar cada campaña seleccionada, una tras otra (pregunta antes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the selected campaigns</source>
        <translation>Detener las campañas seleccionadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop every selected campaign, one after the other (asks first)</source>
        <translation>Detener cada campaña seleccionada, una tras otra (pregunta antes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activity history</source>
        <translation>Historial de actividad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every call made from this computer: filter, copy, export (Ctrl+H)</source>
        <translation>Todas las llamadas hechas desde este equipo: filtrar, copiar, exportar (Ctrl+H)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>▶ Start selected ({count})</source>
        <translation>▶ Iniciar seleccionadas ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>▶ Start selected</source>
        <translation>▶ Iniciar seleccionadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>■ Stop selected ({count})</source>
        <translation>■ Detener seleccionadas ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>■ Stop selected</source>
        <translation>■ Detener seleccionadas</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/outcome_look.py" line="+104"/>
        <source>Outcome unknown (interrupted)</source>
        <translation>Resultado desconocido (interrumpida)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Omitida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not run (cancelled)</source>
        <translation>No ejecutada (cancelada)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already in that state</source>
        <translation>Ya estaba en ese estado</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/messages.py" line="+348"/>
        <source>Wolkvox&apos;s figure could not be read: {sentence}</source>
        <translation>No se pudo leer la cifra de Wolkvox: {sentence}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wolkvox answered {at} but gave no figures.</source>
        <translation>Wolkvox respondió {at}, pero sin cifras.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wolkvox counts {used} of {limit} token uses today (checked {at}; this check used one).</source>
        <translation>Wolkvox cuenta hoy {used} de {limit} usos del token (consultado {at}; esta consulta usó uno).</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk/dialog.py" line="+83"/>
        <source>Start campaigns</source>
        <translation>Iniciar campañas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop campaigns</source>
        <translation>Detener campañas</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The type of campaign {campaign} is not known (preview or predictive): refresh the list, or add it by hand with its type.</source>
        <translation>No se conoce el tipo de la campaña {campaign} (vista previa o predictiva): actualice la lista o agréguela a mano con su tipo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A campaign is listed twice: each campaign can be in a run once.</source>
        <translation>Una campaña figura dos veces: cada campaña puede estar una sola vez en una ejecución.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Asking Wolkvox…</source>
        <translation>Consultando a Wolkvox…</translation>
    </message>
</context>
<context>
    <name>CampaignOrder</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/campaign_order.py" line="+34"/>
        <source>Campaigns of the plan, in order</source>
        <translation>Campañas del plan, en orden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add selected</source>
        <translation>Agregar seleccionadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the campaigns selected in the main window&apos;s list, in the order you selected them</source>
        <translation>Agrega las campañas seleccionadas en la lista de la ventana principal, en el orden en que las seleccionó</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>CampaignPage</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/window/campaign_page.py" line="+239"/>
        <source>%Ln campaign(s)</source>
        <translation>
            <numerusform>%Ln campaña</numerusform>
            <numerusform>%Ln campañas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln of {total} campaign(s) shown</source>
        <translation>
            <numerusform>Se muestra %Ln de {total} campañas</numerusform>
            <numerusform>Se muestran %Ln de {total} campañas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/campaign_model.py" line="+173"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last action</source>
        <translation>Última acción</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unconfirmed</source>
        <translation>sin confirmar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} (unconfirmed)</source>
        <translation>{0} (sin confirmar)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} (added by hand)</source>
        <translation>{0} (agregada a mano)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(added by hand)</source>
        <translation>(agregada a mano)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Unconfirmed: the outcome of the last start is unknown, so this campaign may or may not have started. Check now asks Wolkvox for the list (one token).</source>
        <translation>Sin confirmar: el resultado del último inicio es desconocido, así que esta campaña puede haberse iniciado o no. «Comprobar ahora» pide la lista a Wolkvox (un token).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unconfirmed: the outcome of the last stop is unknown, so this campaign may or may not have stopped. Check now asks Wolkvox for the list (one token).</source>
        <translation>Sin confirmar: el resultado de la última detención es desconocido, así que esta campaña puede haberse detenido o no. «Comprobar ahora» pide la lista a Wolkvox (un token).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status as of the last campaign list refresh or the last action from this app.</source>
        <translation>Estado según la última actualización de la lista de campañas o la última acción desde esta aplicación.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Started?</source>
        <translation>¿Iniciada?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped?</source>
        <translation>¿Detenida?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0}: In progress…</source>
        <translation>{0}: en curso…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress…</source>
        <translation>En curso…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}: {1} {2}</source>
        <translation>{0}: {1} {2}</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk/confirm_page.py" line="+59"/>
        <source>Campaigns in this run, in order</source>
        <translation>Campañas de esta ejecución, en orden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Check with Wolkvox (uses 1 token)</source>
        <translation>Consultar a Wolkvox (usa 1 token)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask Wolkvox how many token uses it counts for today. This question itself costs one token.</source>
        <translation>Preguntar a Wolkvox cuántos usos del token lleva hoy. La consulta misma cuesta un token.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+56"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+11"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Nothing to do.</source>
        <translation>No hay nada que hacer.</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Nothing to do: the %Ln campaign(s) selected are already started.</source>
        <translation>
            <numerusform>No hay nada que hacer: la campaña seleccionada ya está iniciada.</numerusform>
            <numerusform>No hay nada que hacer: las %Ln campañas seleccionadas ya están iniciadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Nothing to do: the %Ln campaign(s) selected are already stopped.</source>
        <translation>
            <numerusform>No hay nada que hacer: la campaña seleccionada ya está detenida.</numerusform>
            <numerusform>No hay nada que hacer: las %Ln campañas seleccionadas ya están detenidas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Start %Ln campaign(s) on operation {server}, one after the other?</source>
        <translation>
            <numerusform>¿Iniciar %Ln campaña en la operación {server}?</numerusform>
            <numerusform>¿Iniciar %Ln campañas en la operación {server}, una tras otra?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Start %Ln campaign(s)</source>
        <translation>
            <numerusform>Iniciar %Ln campaña</numerusform>
            <numerusform>Iniciar %Ln campañas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Stop %Ln campaign(s) on operation {server}, one after the other?</source>
        <translation>
            <numerusform>¿Detener %Ln campaña en la operación {server}?</numerusform>
            <numerusform>¿Detener %Ln campañas en la operación {server}, una tras otra?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Stop %Ln campaign(s)</source>
        <translation>
            <numerusform>Detener %Ln campaña</numerusform>
            <numerusform>Detener %Ln campañas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Include the %Ln campaign(s) already started anyway</source>
        <translation>
            <numerusform>Incluir de todos modos la %Ln campaña ya iniciada</numerusform>
            <numerusform>Incluir de todos modos las %Ln campañas ya iniciadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Include the %Ln campaign(s) already stopped anyway</source>
        <translation>
            <numerusform>Incluir de todos modos la %Ln campaña ya detenida</numerusform>
            <numerusform>Incluir de todos modos las %Ln campañas ya detenidas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>already started: included anyway</source>
        <translation>ya iniciada: se incluye de todos modos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already started: skipped</source>
        <translation>ya iniciada: se omite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already stopped: included anyway</source>
        <translation>ya detenida: se incluye de todos modos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already stopped: skipped</source>
        <translation>ya detenida: se omite</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nothing will be sent, and no token is used. To send the calls anyway, tick the box above.</source>
        <translation>No se enviará nada ni se usará ningún token. Para enviar las llamadas de todos modos, marque la casilla de arriba.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counting today&apos;s token use…</source>
        <translation>Contando el consumo de tokens de hoy…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Cost: %Ln token(s), one per campaign. Today {used} of {budget} are used; {remaining} left.</source>
        <translation>
            <numerusform>Costo: %Ln token, uno por campaña. Consumo de hoy: {used} de {budget}; saldo: {remaining}.</numerusform>
            <numerusform>Costo: %Ln tokens, uno por campaña. Consumo de hoy: {used} de {budget}; saldo: {remaining}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>⚠ This run would pass today&apos;s budget: you will be asked to confirm.</source>
        <translation>⚠ Esta ejecución pasaría el presupuesto de hoy: se le pedirá confirmación.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>⚠ After this run {percent} % of today&apos;s budget will be used.</source>
        <translation>⚠ Después de esta ejecución se habrá usado el {percent} % del presupuesto de hoy.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ Today&apos;s use is at least that, not exactly: the data file was rebuilt today and part of today&apos;s history could not be read. Start only if you know the budget allows it.</source>
        <translation>⚠ El uso de hoy es al menos ese, no exacto: el archivo de datos se reconstruyó hoy y parte del historial de hoy no se pudo leer. Inicie solo si sabe que el presupuesto lo permite.</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/history/columns.py" line="+43"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Wolkvox&apos;s message</source>
        <translation>Mensaje de Wolkvox</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>What it means</source>
        <translation>Qué significa</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Raw answer</source>
        <translation>Respuesta original</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location line="-66"/>
        <source>The app stopped before Wolkvox answered, so this call may or may not have happened. Check the campaign&apos;s status in Wolkvox (refresh the list) before trying again.</source>
        <translation>La aplicación se detuvo antes de que Wolkvox respondiera, así que esta llamada puede haberse realizado o no. Revise el estado de la campaña en Wolkvox (actualice la lista) antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/history/export.py" line="+76"/>
        <location filename="../../wolkvox_desktop/gui/history/window.py" line="+83"/>
        <source>Activity history</source>
        <translation>Historial de actividad</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>wolkvox-history-{date}</source>
        <translation>historial-wolkvox-{date}</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/history/filters.py" line="+90"/>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All operations</source>
        <translation>Todas las operaciones</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Campaign ID or part of it</source>
        <translation>ID de campaña o parte de él</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaign ID</source>
        <translation>ID de campaña</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All outcomes</source>
        <translation>Todos los resultados</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Dates:</source>
        <translation>&amp;Fechas:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/history/token_check.py" line="+47"/>
        <source>Chec&amp;k with Wolkvox (uses 1 token)</source>
        <translation>C&amp;onsultar a Wolkvox (usa 1 token)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose one operation above to ask Wolkvox about its token.</source>
        <translation>Elija arriba una operación para preguntar a Wolkvox por su token.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ask Wolkvox how many token uses it counts for today. This question itself costs one token.</source>
        <translation>Preguntar a Wolkvox cuántos usos del token lleva hoy. La consulta misma cuesta un token.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/history/window.py" line="+42"/>
        <source>Copy the selected rows, with the column names, as text (Ctrl+C)</source>
        <translation>Copiar las filas seleccionadas, con los nombres de las columnas, como texto (Ctrl+C)</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Ra&amp;w answer…</source>
        <translation>Respuesta o&amp;riginal…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The selected call&apos;s answer exactly as it came (a web page in its place is summarised in the table). Enter or a double click on the row shows it too.</source>
        <translation>La respuesta de la llamada seleccionada tal como llegó (si en su lugar llegó una página web, la tabla muestra un resumen). También se ve con Intro o con doble clic en la fila.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Copy rows</source>
        <translation>&amp;Copiar filas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save every call that matches the filters (not only the selection): a workbook for Excel, or a CSV file for other tools</source>
        <translation>Guardar todas las llamadas que coinciden con los filtros (no solo la selección): un libro para Excel o un archivo CSV para otras herramientas</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+134"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>Close the history (Esc)</source>
        <translation>Cerrar el historial (Esc)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Showing the newest {count} calls only; narrow the dates or filters to see older ones.</source>
        <translation>Se muestran solo las {count} llamadas más recientes; acote las fechas o los filtros para ver las anteriores.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln call(s) shown.</source>
        <translation>
            <numerusform>Se muestra %Ln llamada.</numerusform>
            <numerusform>Se muestran %Ln llamadas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+6"/>
        <source>Raw answer</source>
        <translation>Respuesta original</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The answer exactly as the server sent it:</source>
        <translation>La respuesta tal como la envió el servidor:</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Calls marked “outcome unknown (interrupted)” got no answer because the app closed during them: check those campaigns in Wolkvox before trying again.</source>
        <translation>Las llamadas marcadas «resultado desconocido (interrumpida)» no recibieron respuesta porque la aplicación se cerró durante la llamada: revise esas campañas en Wolkvox antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The history could not be read. Try again; if it keeps failing, restart the app.</source>
        <translation>No se pudo leer el historial. Inténtelo de nuevo; si sigue fallando, reinicie la aplicación.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/history/export.py" line="+5"/>
        <source>Export history</source>
        <translation>Exportar historial</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/history/window.py" line="+84"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>History saved to {path}.</source>
        <translation>Historial guardado en {path}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file could not be written. Choose another folder or close the file if it is open in another program, then export again.</source>
        <translation>No se pudo escribir el archivo. Elija otra carpeta o cierre el archivo si está abierto en otro programa, y vuelva a exportar.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/history/token_check.py" line="+14"/>
        <source>Asking Wolkvox…</source>
        <translation>Consultando a Wolkvox…</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/history/table.py" line="+30"/>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
</context>
<context>
    <name>KeepRunningQuestion</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/tray.py" line="-112"/>
        <source>Keep running in the tray?</source>
        <translation>¿Seguir en la bandeja del sistema?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n plan(s) are scheduled. Keep Wolkvox Desktop running in the system tray so that they run at their time?</source>
        <translation>
            <numerusform>Hay %n plan programado. ¿Mantener Wolkvox Desktop en la bandeja del sistema para que se ejecute a su hora?</numerusform>
            <numerusform>Hay %n planes programados. ¿Mantener Wolkvox Desktop en la bandeja del sistema para que se ejecuten a su hora?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From the tray&apos;s icon you can open the window, run a plan, pause the schedules or quit. Your answer is remembered; change it in Plans.</source>
        <translation>Desde el icono de la bandeja puede abrir la ventana, ejecutar un plan, pausar los horarios o salir. Su respuesta se recuerda; puede cambiarla en Planes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep running in the tray</source>
        <translation>Seguir en la bandeja</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/about/dialog.py" line="-136"/>
        <location line="+12"/>
        <source>Third-party licences</source>
        <translation>Licencias de terceros</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list of third-party licences is written when the app is built. This copy runs from its source code, so there is none to show.</source>
        <translation>La lista de licencias de terceros se escribe al compilar la aplicación. Esta copia se ejecuta desde su código fuente, así que no hay ninguna que mostrar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wolkvox Desktop includes the software below; each part keeps its own licence. This text is in {0}.</source>
        <translation>Wolkvox Desktop incluye el software que sigue; cada parte conserva su propia licencia. Este texto está en {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same list for software inventories (CycloneDX): {0}.</source>
        <translation>La misma lista para inventarios de software (CycloneDX): {0}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file could not be read: {0}</source>
        <translation>No se pudo leer el archivo: {0}</translation>
    </message>
</context>
<context>
    <name>LocalFormat</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/local_format.py" line="+91"/>
        <source>at {time}</source>
        <comment>the hour shown is 1</comment>
        <translation>a la {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at {time}</source>
        <comment>any other hour</comment>
        <translation>a las {time}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/main_window.py" line="+113"/>
        <source>Wolkvox Desktop — Demo</source>
        <translation>Wolkvox Desktop — Demostración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wolkvox Desktop</source>
        <translation>Wolkvox Desktop</translation>
    </message>
    <message>
        <location line="+382"/>
        <source>Data file rebuilt</source>
        <translation>Archivo de datos reconstruido</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/top_bar.py" line="+104"/>
        <source>&amp;Operation:</source>
        <translation>&amp;Operación:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Wolkvox operation (server) you work on</source>
        <translation>La operación (servidor) de Wolkvox con la que trabaja</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tokens used today</source>
        <translation>Tokens usados hoy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every call to Wolkvox, list refreshes included, uses one token. The daily budget is the number of licenses × 1000. Counted by this app on this computer.</source>
        <translation>Cada llamada a Wolkvox, incluidas las actualizaciones de la lista, usa un token. El presupuesto diario es el número de licencias × 1000. Lo cuenta esta aplicación en este equipo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo mode</source>
        <translation>Modo demostración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo mode: a simulated Wolkvox on this computer. Nothing reaches Wolkvox.</source>
        <translation>Modo demostración: un Wolkvox simulado en este equipo. Nada llega a Wolkvox.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Test server: {0}</source>
        <translation>Servidor de prueba: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test server</source>
        <translation>Servidor de prueba</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>WOLKVOX_API_BASE is set: calls go to this test server, not to Wolkvox, and only the token in WOLKVOX_TOKEN is sent there.</source>
        <translation>WOLKVOX_API_BASE está definida: las llamadas van a este servidor de prueba, no a Wolkvox, y allí solo se envía el token de WOLKVOX_TOKEN.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operations, tokens and language (Ctrl+,)</source>
        <translation>Operaciones, tokens e idioma (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/welcome_page.py" line="+47"/>
        <source>Welcome to Wolkvox Desktop</source>
        <extracomment>starts ``program`` with ``arguments`` detached from this process; True if it started</extracomment>
        <translation>Le damos la bienvenida a Wolkvox Desktop</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No operation is set up yet. Open Settings and add your operation&apos;s server code (the digits in wv0032.wolkvox.com) and its API token. The token is kept in your system&apos;s keyring.

To look around first, try the demo: a simulated Wolkvox on this computer, in a window of its own. Nothing reaches Wolkvox.</source>
        <translation>Todavía no hay ninguna operación configurada. Abra Configuración y agregue el código de servidor de su operación (los dígitos de wv0032.wolkvox.com) y su token de API. El token se guarda en el llavero del sistema.

Para echar un vistazo primero, pruebe la demostración: un Wolkvox simulado en este equipo, en una ventana propia. Nada llega a Wolkvox.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Open Settings…</source>
        <translation>Abrir la configuración…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Settings</source>
        <translation>Abrir la configuración</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Try the demo</source>
        <translation>Probar la demostración</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens Wolkvox Desktop in demo mode in a second window, with sample campaigns. Your own settings are not touched.</source>
        <translation>Abre Wolkvox Desktop en modo demostración en una segunda ventana, con campañas de ejemplo. Su configuración no se toca.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The demo could not be started. From a terminal: wolkvox-desktop --demo</source>
        <translation>No se pudo iniciar la demostración. Desde una terminal: wolkvox-desktop --demo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The demo is opening in a window of its own…</source>
        <translation>La demostración se está abriendo en una ventana propia…</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/campaign_page.py" line="-181"/>
        <source>Filter campaigns…</source>
        <translation>Filtrar campañas…</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Filter campaigns</source>
        <translation>Filtrar campañas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+F. Down or Enter goes into the list.</source>
        <translation>Ctrl+F. Flecha abajo o Intro entran en la lista.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Campaign list last updated</source>
        <translation>Última actualización de la lista de campañas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refreshing the list costs one token. It refreshes by itself at most every 5 minutes while the window is open.</source>
        <translation>Actualizar la lista cuesta un token. Se actualiza sola como máximo cada 5 minutos mientras la ventana está abierta.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+111"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Refresh the campaign list</source>
        <translation>Actualizar la lista de campañas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask Wolkvox for the campaign list (F5). Costs one token.</source>
        <translation>Pedir a Wolkvox la lista de campañas (F5). Cuesta un token.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/campaign_table.py" line="+38"/>
        <source>Campaigns</source>
        <extracomment>a column&apos;s width, before its header asks for more</extracomment>
        <translation>Campañas</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/action_rows.py" line="+62"/>
        <source>Campaign &amp;ID:</source>
        <translation>&amp;ID de campaña:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaign ID</source>
        <translation>ID de campaña</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 3301</source>
        <translation>p. ej. 3301</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Filled from the selected campaign; type any ID to act on a campaign that is not in the list. Enter starts it.</source>
        <translation>Se llena con la campaña seleccionada; escriba cualquier ID para actuar sobre una campaña que no está en la lista. Intro la inicia.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaign type</source>
        <translation>Tipo de campaña</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>▶ Start</source>
        <translation>▶ Iniciar</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Start campaign</source>
        <translation>Iniciar campaña</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Campaign {0} is hidden by the filter: clear the filter or choose a campaign in the list.</source>
        <translation>La campaña {0} está oculta por el filtro: borre el filtro o elija una campaña de la lista.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Start {0} (Enter or Ctrl+Return)</source>
        <translation>Iniciar {0} (Intro o Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop {0} (Ctrl+Shift+Return)</source>
        <translation>Detener {0} (Ctrl+Mayús+Intro)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the campaign (Enter or Ctrl+Return)</source>
        <translation>Iniciar la campaña (Intro o Ctrl+Intro)</translation>
    </message>
    <message>
        <location line="-132"/>
        <location filename="../../wolkvox_desktop/gui/window/confirmations.py" line="+47"/>
        <source>■ Stop</source>
        <translation>■ Detener</translation>
    </message>
    <message>
        <location line="+60"/>
        <location filename="../../wolkvox_desktop/gui/window/confirmations.py" line="-7"/>
        <source>Stop campaign</source>
        <translation>Detener campaña</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for Wolkvox</source>
        <translation>Esperando a Wolkvox</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>▶ Start {0}</source>
        <translation>▶ Iniciar {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>■ Stop {0}</source>
        <translation>■ Detener {0}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Campaign name (for the list)</source>
        <translation>Nombre de la campaña (para la lista)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional, for your list</source>
        <translation>opcional</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add to list</source>
        <translation>A&amp;gregar a la lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the campaign to the list</source>
        <translation>Agregar la campaña a la lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this campaign ID, name and type in your list (costs no token)</source>
        <translation>Guardar este ID, nombre y tipo de campaña en su lista (no cuesta tokens)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remo&amp;ve from list</source>
        <translation>&amp;Quitar de la lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected campaign from the list</source>
        <translation>Quitar de la lista la campaña seleccionada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only campaigns you added by hand can be removed</source>
        <translation>Solo se pueden quitar las campañas agregadas a mano</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Why the actions are disabled</source>
        <translation>Por qué las acciones están desactivadas</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Campaign {0} is hidden by the filter.</source>
        <translation>La campaña {0} está oculta por el filtro.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a campaign in the list or type its ID.</source>
        <translation>Elija una campaña de la lista o escriba su ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A call for campaign {0} is in flight: wait for its answer.</source>
        <translation>Hay una llamada en curso para la campaña {0}: espere su respuesta.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stop (pause) the campaign (Ctrl+Shift+Return)</source>
        <translation>Detener (pausar) la campaña (Ctrl+Mayús+Intro)</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/result_line.py" line="+23"/>
        <source>Answer to the last action</source>
        <translation>Respuesta a la última acción</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check now (1 token)</source>
        <translation>Comprobar ahora (1 token)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the unconfirmed statuses now</source>
        <translation>Comprobar ahora los estados sin confirmar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asks Wolkvox for the campaign list: one call, which costs one token. The statuses marked with ? are then confirmed.</source>
        <translation>Pide a Wolkvox la lista de campañas: una llamada, que cuesta un token. Así se confirman los estados marcados con ?.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/action_rows.py" line="+14"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/campaign_page.py" line="+108"/>
        <source>Refreshing…</source>
        <translation>Actualizando…</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/top_bar.py" line="+80"/>
        <source>Tokens today: {0} / {1}</source>
        <translation>Tokens hoy: {0} / {1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>daily budget used up</source>
        <translation>presupuesto diario agotado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>near the daily limit</source>
        <translation>cerca del límite diario</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/campaign_page.py" line="+63"/>
        <source>Not updated yet</source>
        <translation>Aún sin actualizar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated {0}</source>
        <translation>Actualizada: {0}</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/window_calls.py" line="+186"/>
        <source>Starting campaign {0}…</source>
        <translation>Iniciando la campaña {0}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping campaign {0}…</source>
        <translation>Deteniendo la campaña {0}…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Asking Wolkvox for the campaign list…</source>
        <translation>Pidiendo a Wolkvox la lista de campañas…</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Campaign {0} was added to your list.</source>
        <translation>La campaña {0} se agregó a su lista.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Campaign {0} was removed from your list.</source>
        <translation>La campaña {0} se quitó de su lista.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/main_window.py" line="-62"/>
        <source>Operation {0} is not set up yet. Add it in Settings.</source>
        <translation>La operación {0} todavía no está configurada. Agréguela en la configuración.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/top_bar.py" line="-28"/>
        <source>{0} (this session only)</source>
        <translation>{0} (solo esta sesión)</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/confirmations.py" line="+2"/>
        <source>Stop {0}?</source>
        <translation>¿Detener {0}?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The list shows this campaign as started. Stopping it pauses its dialing in Wolkvox; the call costs one token.</source>
        <translation>La lista muestra esta campaña como iniciada. Detenerla pausa su marcación en Wolkvox; la llamada cuesta un token.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Don&apos;t ask again</source>
        <translation>No volver a preguntar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop started campaigns at once from now on. Settings can turn the question back on.</source>
        <translation>De ahora en adelante, detener las campañas iniciadas de inmediato. La pregunta se puede volver a activar en Configuración.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Daily token budget used up</source>
        <translation>Presupuesto diario de tokens agotado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today&apos;s token budget for this operation is used up. Wolkvox may refuse the call. Send &quot;{0}&quot; for campaign {1} anyway? It costs one more token.</source>
        <translation>El presupuesto de tokens de hoy para esta operación está agotado. Wolkvox puede rechazar la llamada. ¿Enviar «{0}» para la campaña {1} de todos modos? Cuesta un token más.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/main_window.py" line="+46"/>
        <source>Problem: {0}</source>
        <translation>Problema: {0}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/outcome_look.py" line="-8"/>
        <source>In progress</source>
        <extracomment>How one outcome is shown: a glyph, translated words and a colour. (The functional form: the class form&apos;s annotations are strings here, each compiled at import.)</extracomment>
        <translation>En curso</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Outcome unknown</source>
        <translation>Resultado desconocido</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused by Wolkvox</source>
        <translation>Rechazado por Wolkvox</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not delivered</source>
        <translation>No entregado</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/messages.py" line="-327"/>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List campaigns</source>
        <translation>Listar campañas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token count</source>
        <translation>Consumo de tokens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Started</source>
        <translation>Iniciada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predictive</source>
        <translation>Predictiva</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Campaign {0} was started.</source>
        <translation>La campaña {0} se inició.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaign {0} was stopped.</source>
        <translation>La campaña {0} se detuvo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The campaign list was updated.</source>
        <translation>Se actualizó la lista de campañas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wolkvox reported today&apos;s token use.</source>
        <translation>Wolkvox informó el consumo de tokens de hoy.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The app stopped before Wolkvox answered, so this call may or may not have happened. Refresh the campaign list before trying again.</source>
        <translation>La aplicación se detuvo antes de que Wolkvox respondiera, así que esta llamada puede haberse realizado o no. Actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server code must be the digits Wolkvox gave your operation, such as 0032. Nothing was sent.</source>
        <translation>El código de servidor está formado por los dígitos que Wolkvox asignó a su operación, por ejemplo 0032. No se envió nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter a valid campaign ID (at most 64 characters). Nothing was sent.</source>
        <translation>Ingrese un ID de campaña válido (máximo 64 caracteres). No se envió nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the campaign type: preview or predictive. Nothing was sent.</source>
        <translation>Elija el tipo de campaña: vista previa o predictiva. No se envió nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a speed from 0 to 100. Nothing was sent.</source>
        <translation>Elija una velocidad de 0 a 100. No se envió nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No token is saved for this operation. Add it in Settings. Nothing was sent.</source>
        <translation>No hay un token guardado para esta operación. Agréguelo en la configuración. No se envió nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>WOLKVOX_API_BASE points this window at a test server: only the token in WOLKVOX_TOKEN is sent there, never a saved one. Nothing was sent.</source>
        <translation>WOLKVOX_API_BASE dirige esta ventana a un servidor de prueba: allí solo se envía el token de WOLKVOX_TOKEN, nunca uno guardado. No se envió nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The test address in WOLKVOX_API_BASE is not allowed (only this computer). Nothing was sent.</source>
        <translation>La dirección de prueba de WOLKVOX_API_BASE no está permitida (solo este equipo). No se envió nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today&apos;s token budget for this operation is used up. Nothing was sent; raise the number of licenses in Settings, or confirm to go over it.</source>
        <translation>El presupuesto de tokens de hoy para esta operación está agotado. No se envió nada; aumente el número de licencias en la configuración o confirme para pasarlo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another call with this token is still running. Nothing was sent; try again when it has finished.</source>
        <translation>Otra llamada con este token sigue en curso. No se envió nada; inténtelo de nuevo cuando termine.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled before anything was sent.</source>
        <translation>Se canceló antes de enviar nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The run stopped before this campaign: nothing was sent for it.</source>
        <translation>La ejecución se detuvo antes de esta campaña: no se envió nada para ella.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wolkvox did not receive a token. Check the token in Settings.</source>
        <translation>Wolkvox no recibió un token. Revise el token en la configuración.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wolkvox rejected the token. Check in Settings that it is this operation&apos;s current token.</source>
        <translation>Wolkvox rechazó el token. Revise en la configuración que sea el token vigente de esta operación.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wolkvox says this token&apos;s daily limit is used up. Nothing more can be done with it today.</source>
        <translation>Wolkvox indica que el límite diario de este token está agotado. Hoy no se puede hacer nada más con él.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wolkvox refused: too many calls with this token at the same time. Wait a moment and try again.</source>
        <translation>Wolkvox lo rechazó: demasiadas llamadas simultáneas con este token. Espere un momento e inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wolkvox does not know this request. Please report this problem.</source>
        <translation>Wolkvox no reconoce esta solicitud. Por favor, reporte este problema.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wolkvox says some information was missing. Check the campaign ID and type.</source>
        <translation>Wolkvox indica que faltaron datos. Revise el ID y el tipo de la campaña.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wolkvox refused the call, possibly because of maintenance. Try again later.</source>
        <translation>Wolkvox rechazó la llamada, posiblemente por mantenimiento. Inténtelo más tarde.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wolkvox refused the call. Its message is shown in the details; check the campaign ID and type.</source>
        <translation>Wolkvox rechazó la llamada. Su mensaje aparece en los detalles; revise el ID y el tipo de la campaña.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Wolkvox server was not found. Check the server code and your internet connection. Nothing reached Wolkvox.</source>
        <translation>No se encontró el servidor de Wolkvox. Revise el código de servidor y su conexión a internet. Nada llegó a Wolkvox.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not connect to Wolkvox. Check your internet connection. Nothing reached Wolkvox.</source>
        <translation>No se pudo conectar con Wolkvox. Revise su conexión a internet. Nada llegó a Wolkvox.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The secure connection to Wolkvox could not be established. Nothing reached Wolkvox.</source>
        <translation>No se pudo establecer la conexión segura con Wolkvox. Nada llegó a Wolkvox.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wolkvox did not answer the connection in time. Nothing reached Wolkvox.</source>
        <translation>Wolkvox no respondió a la conexión a tiempo. Nada llegó a Wolkvox.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answer in time: the action may or may not have happened. Refresh the campaign list before trying again.</source>
        <translation>Sin respuesta a tiempo: la acción puede haberse realizado o no. Actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection broke before the answer: the action may or may not have happened. Refresh the campaign list before trying again.</source>
        <translation>La conexión se cortó antes de la respuesta: la acción puede haberse realizado o no. Actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wolkvox had a server error: the action may or may not have happened. Refresh the campaign list before trying again.</source>
        <translation>Wolkvox tuvo un error del servidor: la acción puede haberse realizado o no. Actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wolkvox&apos;s answer could not be read: the action may or may not have happened. Refresh the campaign list before trying again.</source>
        <translation>No se pudo leer la respuesta de Wolkvox: la acción puede haberse realizado o no. Actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wolkvox answered with a redirection, which is not followed (the token stays safe). The action may or may not have happened; refresh the list before trying again.</source>
        <translation>Wolkvox respondió con una redirección, que no se sigue (el token queda a salvo). La acción puede haberse realizado o no; actualice la lista antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wolkvox&apos;s answer was too large to read: the action may or may not have happened. Refresh the campaign list before trying again.</source>
        <translation>La respuesta de Wolkvox era demasiado grande para leerla: la acción puede haberse realizado o no. Actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Something went wrong inside Wolkvox Desktop: the action may or may not have happened. Refresh the campaign list before trying again.</source>
        <translation>Algo falló dentro de Wolkvox Desktop: la acción puede haberse realizado o no. Actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was sent: the activity history could not be written. Try again in a moment; if it keeps failing, the log file says why (a full disk, a data file that is read-only or held by another program).</source>
        <translation>No se envió nada: no se pudo escribir el historial de actividad. Inténtelo de nuevo en un momento; si sigue fallando, el archivo de registro dice por qué (un disco lleno, un archivo de datos de solo lectura o en uso por otro programa).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was sent: the lock files that keep one call at a time per token across this app&apos;s windows, commands and scheduled runs cannot be used (the “locks” folder in the app&apos;s data folder is a link, belongs to another account, or its disk cannot lock files). Remove that folder (the app makes it again) or ask IT to check it.</source>
        <translation>No se envió nada: no se pueden usar los archivos de bloqueo que mantienen una sola llamada a la vez por token entre las ventanas, los comandos y las ejecuciones programadas de la aplicación (la carpeta «locks» de la carpeta de datos es un enlace, pertenece a otra cuenta o su disco no admite bloqueos). Elimine esa carpeta (la aplicación la vuelve a crear) o pida a TI que la revise.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Waiting for Wolkvox&apos;s answer…</source>
        <translation>Esperando la respuesta de Wolkvox…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still waiting for an answer in another window or in the command line: it may or may not have happened yet. Refresh the campaign list before trying again.</source>
        <translation>Otra ventana o la línea de comandos sigue esperando la respuesta: la llamada puede haberse realizado o no. Actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The campaign list could not be changed.</source>
        <translation>No se pudo cambiar la lista de campañas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The saved campaigns and history could not be read.</source>
        <translation>No se pudieron leer las campañas guardadas ni el historial.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The local database could not be opened. The log file has the details.</source>
        <translation>No se pudo abrir la base de datos local. El archivo de registro tiene los detalles.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token could not be removed from the keyring.</source>
        <translation>No se pudo quitar el token del llavero.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The operation could not be deleted completely.</source>
        <translation>No se pudo eliminar la operación por completo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the numbers in the form.</source>
        <translation>Revise los números del formulario.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The operation could not be saved.</source>
        <translation>No se pudo guardar la operación.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the operation&apos;s API token.</source>
        <translation>Ingrese el token de la API de la operación.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>That token is too long: copy only the token from the Wolkvox manager.</source>
        <translation>Ese token es demasiado largo: copie solo el token desde el administrador de Wolkvox.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That token contains spaces, line breaks or characters a Wolkvox token does not have: copy only the token from the Wolkvox manager.</source>
        <translation>Ese token tiene espacios, saltos de línea o caracteres que un token de Wolkvox no tiene: copie solo el token desde el administrador de Wolkvox.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The log file has the details.</source>
        <translation>El archivo de registro tiene los detalles.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The token could not be read from the system keyring (it may be locked). Unlock the keyring, or enter the token again in Settings for this session. Nothing was sent.</source>
        <translation>No se pudo leer el token del llavero del sistema (puede estar bloqueado). Desbloquee el llavero o vuelva a ingresar el token en Configuración para esta sesión. No se envió nada.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The data file was busy, so Wolkvox&apos;s answer is kept beside it and goes into the history as soon as the app can write there.</source>
        <translation>El archivo de datos estaba ocupado: la respuesta de Wolkvox se guardó junto a él y pasará al historial en cuanto la aplicación pueda escribir allí.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for another call with this token to finish…</source>
        <translation>Esperando a que termine otra llamada con este token…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Wolkvox was busy with other calls on this token, so the app sent this call again by itself: its outcome is on the attempt that followed.</source>
        <translation>Wolkvox estaba ocupado con otras llamadas de este token, así que la aplicación volvió a enviar esta llamada por sí sola: su resultado está en el intento siguiente.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The data file was damaged and has been rebuilt. The damaged file was kept as:
{0}</source>
        <translation>El archivo de datos estaba dañado y se reconstruyó. El archivo dañado se guardó como:
{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restored: operations {0}, plans {1}, saved campaigns {2}, history rows {3}.</source>
        <translation>Recuperado: operaciones {0}, planes {1}, campañas guardadas {2}, filas del historial {3}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Part of it came from the backup of {0}.</source>
        <translation>Una parte salió de la copia de seguridad del {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was lost.</source>
        <translation>No se perdió nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changes made after the backup of {0} may be lost from: {1}.</source>
        <translation>Pueden haberse perdido los cambios posteriores a la copia de seguridad del {0} en: {1}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What could not be read is lost from: {0}.</source>
        <translation>Se perdió lo que no se pudo leer de: {0}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today&apos;s token use could not be counted exactly: the count shown is at least what was recorded. Check it before starting many campaigns today.</source>
        <translation>No se pudo contar con exactitud el uso de tokens de hoy: la cifra mostrada es al menos lo que quedó registrado. Revísela antes de iniciar muchas campañas hoy.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>operations</source>
        <translation>operaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plans</source>
        <translation>planes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>plan runs</source>
        <translation>ejecuciones de planes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saved campaigns</source>
        <translation>campañas guardadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the history</source>
        <translation>el historial</translation>
    </message>
</context>
<context>
    <name>MissedBox</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/missed_box.py" line="+46"/>
        <source>Plan “{name}” was missed: not run at its time ({when}).</source>
        <translation>El plan “{name}” no se ejecutó a su hora ({when}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run now…</source>
        <translation>Ejecutar ahora…</translation>
    </message>
</context>
<context>
    <name>OperationEditor</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/settings/operation_form.py" line="+217"/>
        <source>Daily budget: %Ln token use(s)</source>
        <translation>
            <numerusform>Presupuesto diario: %Ln uso de token</numerusform>
            <numerusform>Presupuesto diario: %Ln usos de token</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverBudgetQuestion</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk/budget.py" line="+43"/>
        <source>Token budget</source>
        <translation>Presupuesto de tokens</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>This needs %Ln token(s) but only {remaining} of today&apos;s {budget} are left ({used} used).</source>
        <translation>
            <numerusform>Esto necesita %Ln token, pero el saldo de hoy es de {remaining} de {budget} (consumo: {used}).</numerusform>
            <numerusform>Esto necesita %Ln tokens, pero el saldo de hoy es de {remaining} de {budget} (consumo: {used}).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Past the budget Wolkvox may refuse calls (TOKEN LIMIT EXCEEDED) for the rest of the day, for everyone using this token. Go over the budget anyway?</source>
        <translation>Al pasar el presupuesto, Wolkvox puede rechazar las llamadas (TOKEN LIMIT EXCEEDED) por el resto del día, para todos los que usan este token. ¿Pasar el presupuesto de todos modos?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go over the budget</source>
        <translation>Pasar el presupuesto</translation>
    </message>
</context>
<context>
    <name>PauseBox</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk/pause_box.py" line="+48"/>
        <source>The run is paused</source>
        <extracomment>refusals about the token or the operation, not the campaign: the next one meets them too</extracomment>
        <translation>La ejecución está en pausa</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check now (1 token)</source>
        <translation>Comprobar ahora (1 token)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask Wolkvox for the campaign list (one call, one token): it says whether the call happened.</source>
        <translation>Pide a Wolkvox la lista de campañas (una llamada, un token): así se sabe si la llamada se realizó.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip it</source>
        <translation>Omitirla</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+62"/>
        <source>Retry this one</source>
        <translation>Reintentar esta</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Abort the run</source>
        <translation>Abortar la ejecución</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Paused on campaign {campaign}: {outcome}</source>
        <translation>En pausa en la campaña {campaign}: {outcome}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Every other campaign of the run would meet the same refusal, so there is nothing to skip to: stop the run (the campaigns not sent are listed in the summary), or retry once it is settled.</source>
        <translation>Todas las demás campañas de la ejecución recibirían el mismo rechazo, así que omitir esta no sirve: detenga la ejecución (las campañas no enviadas aparecen en el resumen) o reintente cuando se haya resuelto.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send again…</source>
        <translation>Enviar de nuevo…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Asking Wolkvox for the campaign list…</source>
        <translation>Pidiendo a Wolkvox la lista de campañas…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The list could not be checked: {why}</source>
        <translation>No se pudo comprobar la lista: {why}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Campaign {campaign} is not in Wolkvox&apos;s list: its status is still unknown.</source>
        <translation>La campaña {campaign} no está en la lista de Wolkvox: su estado sigue siendo desconocido.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wolkvox lists campaign {campaign} as started: the call did happen. Skip it and go on.</source>
        <translation>Wolkvox muestra la campaña {campaign} como iniciada: la llamada sí se realizó. Omítala y siga.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wolkvox lists campaign {campaign} as stopped: the call did happen. Skip it and go on.</source>
        <translation>Wolkvox muestra la campaña {campaign} como detenida: la llamada sí se realizó. Omítala y siga.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wolkvox lists campaign {campaign} as stopped: the start did not happen. Send again sends it now.</source>
        <translation>Wolkvox muestra la campaña {campaign} como detenida: el inicio no se realizó. «Enviar de nuevo» lo envía ahora.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wolkvox lists campaign {campaign} as started: the stop did not happen. Send again sends it now.</source>
        <translation>Wolkvox muestra la campaña {campaign} como iniciada: la detención no se realizó. «Enviar de nuevo» la envía ahora.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>It may have happened already: you are asked first, and Check now can tell.</source>
        <translation>Puede que ya se haya realizado: antes se le pregunta, y «Comprobar ahora» lo puede aclarar.</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/editor.py" line="+70"/>
        <source>Edit plan</source>
        <translation>Editar el plan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New plan</source>
        <translation>Nuevo plan</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>For example: Morning shift</source>
        <translation>Por ejemplo: Turno de la mañana</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start the campaigns</source>
        <translation>Iniciar las campañas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the campaigns</source>
        <translation>Detener las campañas</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%n selected campaign(s) left out: their type (preview or predictive) is not known. Refresh the list, or add them by hand in the main window first.</source>
        <translation>
            <numerusform>%n campaña seleccionada quedó fuera: no se conoce su tipo (vista previa o predictiva). Actualice la lista o agréguela a mano primero en la ventana principal.</numerusform>
            <numerusform>%n campañas seleccionadas quedaron fuera: no se conoce su tipo (vista previa o predictiva). Actualice la lista o agréguelas a mano primero en la ventana principal.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The main window shows another operation: choose this plan&apos;s operation there and select its campaigns first.</source>
        <translation>La ventana principal muestra otra operación: elija allí la operación de este plan y seleccione primero sus campañas.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n selected campaign(s) left out: their type (preview or predictive) is not known.</source>
        <translation>
            <numerusform>%n campaña seleccionada quedó fuera: no se conoce su tipo (vista previa o predictiva).</numerusform>
            <numerusform>%n campañas seleccionadas quedaron fuera: no se conoce su tipo (vista previa o predictiva).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>This plan was deleted meanwhile (in another window or from the command line). Save it under a name to keep it as a new plan.</source>
        <translation>Este plan se eliminó mientras tanto (en otra ventana o desde la línea de comandos). Guárdelo con un nombre para conservarlo como un plan nuevo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The plan could not be saved: the local database is not available. The log file has the details.</source>
        <translation>No se pudo guardar el plan: la base de datos local no está disponible. El archivo de registro tiene los detalles.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Give the plan a name.</source>
        <translation>Póngale un nombre al plan.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>A plan&apos;s name is at most %n character(s) long.</source>
        <translation>
            <numerusform>El nombre de un plan tiene como máximo %n carácter.</numerusform>
            <numerusform>El nombre de un plan tiene como máximo %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A plan&apos;s name cannot contain control characters.</source>
        <translation>El nombre de un plan no puede contener caracteres de control.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another plan is named “{name}” (in any case): choose another name.</source>
        <translation>Ya hay otro plan llamado “{name}” (sin distinguir mayúsculas): elija otro nombre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the operation the plan runs on.</source>
        <translation>Elija la operación en la que se ejecuta el plan.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>A plan holds at most %Ln campaign(s).</source>
        <translation>
            <numerusform>Un plan tiene como máximo %Ln campaña.</numerusform>
            <numerusform>Un plan tiene como máximo %Ln campañas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add at least one campaign: select them in the main window&apos;s list, then “Add selected”.</source>
        <translation>Agregue al menos una campaña: selecciónelas en la lista de la ventana principal y luego use «Agregar seleccionadas».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the time as HH:MM on a 24-hour clock, such as 07:00 or 19:30.</source>
        <translation>Escriba la hora como HH:MM en formato de 24 horas, por ejemplo 07:00 o 19:30.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose at least one day.</source>
        <translation>Elija al menos un día.</translation>
    </message>
</context>
<context>
    <name>PlanList</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/plan_list.py" line="+40"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it does</source>
        <translation>Qué hace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Schedule</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next run</source>
        <translation>Próxima ejecución</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last run</source>
        <translation>Última ejecución</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Start %Ln campaign(s)</source>
        <translation>
            <numerusform>Iniciar %Ln campaña</numerusform>
            <numerusform>Iniciar %Ln campañas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Stop %Ln campaign(s)</source>
        <translation>
            <numerusform>Detener %Ln campaña</numerusform>
            <numerusform>Detener %Ln campañas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Missed: {when}</source>
        <translation>No se ejecutó: {when}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Interrupted {at} — {sent} of {total} sent</source>
        <translation>Interrumpida {at} — {sent} de {total} enviadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped {at} — {sent} of {total} sent</source>
        <translation>Detenida {at} — {sent} de {total} enviadas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interrupted ({when}) — {sent} of {total} sent</source>
        <translation>Interrumpida ({when}) — {sent} de {total} enviadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopped ({when}) — {sent} of {total} sent</source>
        <translation>Detenida ({when}) — {sent} de {total} enviadas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The run ended before its last campaign (the app or the computer stopped). The campaigns it never called are in the history as not sent; nothing is sent again.</source>
        <translation>La ejecución terminó antes de su última campaña (la aplicación o el equipo se detuvo). Las campañas que no llegó a llamar figuran en el historial como no enviadas; no se vuelve a enviar nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The run was stopped before its end. The campaigns it never called are in the history as not sent.</source>
        <translation>La ejecución se detuvo antes de terminar. Las campañas que no llegó a llamar figuran en el historial como no enviadas.</translation>
    </message>
</context>
<context>
    <name>PlanNotices</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/notices.py" line="+72"/>
        <source>Plan “{name}” ran</source>
        <translation>El plan “{name}” se ejecutó</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan “{name}” stopped at a failure</source>
        <translation>El plan “{name}” se detuvo en un fallo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan “{name}” ended with a failure</source>
        <translation>El plan “{name}” terminó con un fallo</translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <source>The other %Ln campaign(s) were not sent.</source>
        <translation>
            <numerusform>No se envió la campaña restante.</numerusform>
            <numerusform>No se enviaron las %Ln campañas restantes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Plan “{name}” is running on schedule: %Ln campaign(s), one after the other…</source>
        <translation>
            <numerusform>El plan “{name}” se está ejecutando según su horario: %Ln campaña…</numerusform>
            <numerusform>El plan “{name}” se está ejecutando según su horario: %Ln campañas, una tras otra…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Plan “{name}” was missed</source>
        <translation>El plan “{name}” no se ejecutó a su hora</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n scheduled plan(s) were missed</source>
        <translation>
            <numerusform>%n plan programado no se ejecutó a su hora</numerusform>
            <numerusform>%n planes programados no se ejecutaron a su hora</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Plan “{name}” did not start</source>
        <translation>El plan “{name}” no se inició</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Its %Ln call(s) would pass today&apos;s token budget for operation {server}, so nothing was sent. The history says so.</source>
        <translation>
            <numerusform>Su %Ln llamada pasaría el presupuesto de tokens de hoy de la operación {server}, así que no se envió nada. El historial lo registra.</numerusform>
            <numerusform>Sus %Ln llamadas pasarían el presupuesto de tokens de hoy de la operación {server}, así que no se envió nada. El historial lo registra.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln campaign(s) started.</source>
        <translation>
            <numerusform>%Ln campaña iniciada.</numerusform>
            <numerusform>%Ln campañas iniciadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln campaign(s) stopped.</source>
        <translation>
            <numerusform>%Ln campaña detenida.</numerusform>
            <numerusform>%Ln campañas detenidas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-1"/>
        <source>No campaign was started.</source>
        <translation>No se inició ninguna campaña.</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>It was due {when}, but the computer was off or asleep, or the app was closed. It is not run late; run it from Plans if it is still wanted.</source>
        <translation>Estaba previsto para {when}, pero el equipo estaba apagado o suspendido, o la aplicación estaba cerrada. No se ejecuta con retraso; ejecútelo desde Planes si todavía hace falta.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{names}: at their time the computer was off or asleep, or the app was closed. They are not run late; run them from Plans if they are still wanted.</source>
        <translation>{names}: el equipo estaba apagado o suspendido, o la aplicación estaba cerrada. No se ejecutan con retraso; ejecútelos desde Planes si todavía hacen falta.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No campaign was stopped.</source>
        <translation>No se detuvo ninguna campaña.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Campaign {campaign} failed: {why}</source>
        <translation>La campaña {campaign} falló: {why}</translation>
    </message>
</context>
<context>
    <name>PlanRunNow</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/run_now.py" line="+95"/>
        <location line="+32"/>
        <source>There is no plan named “{name}” any more: it was deleted or renamed.</source>
        <translation>Ya no hay un plan llamado “{name}”: se eliminó o se le cambió el nombre.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Plan “{name}”</source>
        <translation>Plan “{name}”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Plan “{name}” is already running (on schedule, in another window or in the wolkvox command). Nothing was sent; run it again once that run has ended.</source>
        <translation>El plan “{name}” ya se está ejecutando (según su horario, en otra ventana o en el comando wolkvox). No se envió nada; vuelva a ejecutarlo cuando esa ejecución haya terminado.</translation>
    </message>
</context>
<context>
    <name>PlanTimes</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/when.py" line="+33"/>
        <source>Today {time}</source>
        <translation>Hoy {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tomorrow {time}</source>
        <translation>Mañana {time}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yesterday {time}</source>
        <translation>Ayer {time}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>By hand only</source>
        <translation>Solo a mano</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every day {at}</source>
        <translation>Todos los días {at}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weekdays {at}</source>
        <translation>De lunes a viernes {at}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{days} {at}</source>
        <translation>{days} {at}</translation>
    </message>
</context>
<context>
    <name>PlansControls</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/controls.py" line="+59"/>
        <source>&amp;Plans…</source>
        <translation>&amp;Planes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shift plans</source>
        <translation>Planes de turno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved sets of campaigns, started or stopped in one action or at a set time</source>
        <translation>Conjuntos guardados de campañas que se inician o detienen en una sola acción o a una hora fija</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Plan “{name}”: {headline}</source>
        <translation>Plan “{name}”: {headline}</translation>
    </message>
</context>
<context>
    <name>PlansFile</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/plans_file.py" line="+37"/>
        <source>wolkvox-plans</source>
        <translation>planes-wolkvox</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export plans</source>
        <translation>Exportar los planes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plans files (*.json)</source>
        <translation>Archivos de planes (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import plans</source>
        <translation>Importar planes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plans files (*.json);;All files (*)</source>
        <translation>Archivos de planes (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file was written by a newer version of Wolkvox Desktop: update this one to read it.</source>
        <translation>El archivo lo escribió una versión más reciente de Wolkvox Desktop: actualice esta para poder leerlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is damaged or is not a plans file (it is not valid JSON).</source>
        <translation>El archivo está dañado o no es un archivo de planes (no es un JSON válido).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file cannot be read: check that it is still there and that you may open it.</source>
        <translation>No se puede leer el archivo: compruebe que sigue ahí y que tiene permiso para abrirlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan {number} of the file has the same name as another plan of the file.</source>
        <translation>El plan {number} del archivo tiene el mismo nombre que otro plan del archivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a plans file of Wolkvox Desktop, or it is damaged. Check that it is the right file.</source>
        <translation>No es un archivo de planes de Wolkvox Desktop, o está dañado. Compruebe que sea el archivo correcto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan {number} of the file: {problem}</source>
        <translation>Plan {number} del archivo: {problem}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its name is missing, too long or used twice.</source>
        <translation>le falta el nombre, el nombre es demasiado largo o está repetido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its operation&apos;s server code is not valid.</source>
        <translation>el código de servidor de su operación no es válido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its action must be start or stop.</source>
        <translation>su acción debe ser iniciar o detener (start o stop).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its campaigns are missing, too many, or one of them has an ID or a type that is not valid.</source>
        <translation>no tiene campañas, tiene demasiadas o una de ellas tiene un ID o un tipo que no es válido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its time must be HH:MM on a 24-hour clock.</source>
        <translation>su hora debe ser HH:MM en formato de 24 horas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its days are not valid.</source>
        <translation>sus días no son válidos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not valid.</source>
        <translation>no es válido.</translation>
    </message>
</context>
<context>
    <name>PlansPanel</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/panel.py" line="+80"/>
        <source>Plans</source>
        <translation>Planes</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New from selection…</source>
        <translation>Nuevo desde la selección…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new plan with the campaigns selected in the main window, in the order you selected them</source>
        <translation>Un plan nuevo con las campañas seleccionadas en la ventana principal, en el orden en que las seleccionó</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run now…</source>
        <translation>Ejecutar ahora…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start or stop the plan&apos;s campaigns now (asks first, with the token cost)</source>
        <translation>Inicia o detiene ahora las campañas del plan (pregunta antes, con el costo en tokens)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the plans of a plans file; plans of the same name are replaced</source>
        <translation>Agrega los planes de un archivo de planes; los planes con el mismo nombre se reemplazan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write every plan to a file, for other workstations</source>
        <translation>Escribe todos los planes en un archivo, para otros puestos de trabajo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause schedules</source>
        <translation>Pausar los horarios</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No plan runs at its time while this is on (the system scheduler&apos;s wolkvox plan run-due still does)</source>
        <translation>Ningún plan se ejecuta a su hora mientras esto esté activo (wolkvox plan run-due del programador del sistema sí lo hace)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep running in the tray when the window is closed</source>
        <translation>Seguir en la bandeja al cerrar la ventana</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No plans yet. A plan starts or stops a set of campaigns in one action, or at a set time. Select the campaigns in the main window, in the order they should go, then “New from selection…”; or “Import…” a plans file from another workstation.</source>
        <translation>Todavía no hay planes. Un plan inicia o detiene un conjunto de campañas en una sola acción, o a una hora fija. Seleccione las campañas en la ventana principal, en el orden en que deben ir, y luego use «Nuevo desde la selección…»; o use «Importar…» con un archivo de planes de otro puesto de trabajo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The plans could not be read: the local database is not available.</source>
        <translation>No se pudieron leer los planes: la base de datos local no está disponible.</translation>
    </message>
    <message>
        <location line="+66"/>
        <location line="+62"/>
        <source>That plan is no longer there.</source>
        <translation>Ese plan ya no existe.</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Plan “{name}” saved.</source>
        <translation>Plan “{name}” guardado.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Delete plan</source>
        <translation>Eliminar el plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete plan “{name}”?</source>
        <translation>¿Eliminar el plan “{name}”?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It no longer runs at its time. Its runs stay in the history.</source>
        <translation>Ya no se ejecutará a su hora. Sus ejecuciones siguen en el historial.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Plan “{name}” deleted.</source>
        <translation>Plan “{name}” eliminado.</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n plan(s) exported to {path}.</source>
        <translation>
            <numerusform>%n plan exportado a {path}.</numerusform>
            <numerusform>%n planes exportados a {path}.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The plans could not be written to {path}. Choose another folder, or close the file if another program has it open.</source>
        <translation>No se pudieron escribir los planes en {path}. Elija otra carpeta o cierre el archivo si otro programa lo tiene abierto.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n plan(s) imported</source>
        <translation>
            <numerusform>%n plan importado</numerusform>
            <numerusform>%n planes importados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>({added} new, {replaced} replaced).</source>
        <translation>({added} nuevos, {replaced} reemplazados).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was imported: {why}</source>
        <translation>No se importó nada: {why}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was imported: the local database is not available.</source>
        <translation>No se importó nada: la base de datos local no está disponible.</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk/progress_page.py" line="+53"/>
        <source>Stop the run…</source>
        <translation>Detener la ejecución…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop before the next campaign; a call already sent finishes first.</source>
        <translation>Parar antes de la siguiente campaña; una llamada ya enviada termina primero.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Campaigns sent</source>
        <translation>Campañas enviadas</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>{sent} of %Ln campaign(s) sent</source>
        <translation>
            <numerusform>Enviadas: {sent} de %Ln campaña</numerusform>
            <numerusform>Enviadas: {sent} de %Ln campañas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stopped</source>
        <translation>ejecución detenida</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln already started: not called</source>
        <translation>
            <numerusform>%Ln ya iniciada: no se llamó</numerusform>
            <numerusform>%Ln ya iniciadas: no se llamaron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln already stopped: not called</source>
        <translation>
            <numerusform>%Ln ya detenida: no se llamó</numerusform>
            <numerusform>%Ln ya detenidas: no se llamaron</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting {campaign}…</source>
        <translation>Iniciando {campaign}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping {campaign}…</source>
        <translation>Deteniendo {campaign}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the rest is cancelled)</source>
        <translation>(el resto se cancela)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for your decision.</source>
        <translation>Esperando su decisión.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopping after the current call…</source>
        <translation>Deteniendo tras la llamada en curso…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopped.</source>
        <translation>Detenida.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished.</source>
        <translation>Terminada.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/qt_words.py" line="+18"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>ResendQuestion</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/resend_question.py" line="+31"/>
        <source>Outcome unknown</source>
        <translation>Resultado desconocido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The outcome of the last stop of {campaign} is unknown: it may have happened.</source>
        <translation>El resultado de la última detención de {campaign} es desconocido: puede haberse realizado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The outcome of the last start of {campaign} is unknown: it may have happened.</source>
        <translation>El resultado del último inicio de {campaign} es desconocido: puede haberse realizado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check now asks Wolkvox for the campaign list (one token) and shows the campaign&apos;s status. Send the call again only if you know the last one did not happen.</source>
        <translation>«Comprobar ahora» pide a Wolkvox la lista de campañas (un token) y muestra el estado de la campaña. Vuelva a enviar la llamada solo si sabe que la anterior no se realizó.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check now (1 token)</source>
        <translation>Comprobar ahora (1 token)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send “{action}” again</source>
        <translation>Enviar «{action}» de nuevo</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk/results_table.py" line="+43"/>
        <source>Outcome of each campaign</source>
        <translation>Resultado de cada campaña</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it means</source>
        <translation>Qué significa</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not sent: the run was cancelled first.</source>
        <translation>No enviada: la ejecución se canceló antes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Skipped at your request.</source>
        <translation>Omitida a petición suya.</translation>
    </message>
</context>
<context>
    <name>ScheduleFields</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/schedule_fields.py" line="+32"/>
        <source>Run on a schedule, while the app runs</source>
        <translation>Ejecutar según un horario, mientras la aplicación esté abierta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HH:MM on a 24-hour clock, the computer&apos;s local time</source>
        <translation>HH:MM en formato de 24 horas, en la hora local del equipo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every day</source>
        <translation>Todos los días</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekdays (Monday to Friday)</source>
        <translation>Entre semana (de lunes a viernes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These days:</source>
        <translation>Estos días:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At</source>
        <translation>Hora</translation>
    </message>
</context>
<context>
    <name>ScheduleSwitch</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/schedule_switch.py" line="+60"/>
        <source>Run plans when the app is closed</source>
        <translation>Ejecutar los planes con la aplicación cerrada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system runs the plans at their time even with Wolkvox Desktop closed: it checks every 5 minutes while you are logged on.</source>
        <translation>El sistema ejecuta los planes a su hora aunque Wolkvox Desktop esté cerrado: revisa cada 5 minutos mientras tenga la sesión iniciada.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not in the demo: its plans last only while it runs.</source>
        <translation>No en la demostración: sus planes solo duran mientras está abierta.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Looking at the system&apos;s schedule…</source>
        <translation>Consultando la programación del sistema…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turning it on…</source>
        <translation>Activando…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turning it off…</source>
        <translation>Desactivando…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The system&apos;s schedule could not be changed: {why}</source>
        <translation>No se pudo cambiar la programación del sistema: {why}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system&apos;s schedule could not be read or changed; the log says why.</source>
        <translation>No se pudo leer ni cambiar la programación del sistema; el registro dice por qué.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>It runs: {command}</source>
        <translation>Ejecuta: {command}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This computer has no scheduler the app can use.</source>
        <translation>Este equipo no tiene un programador de tareas que la aplicación pueda usar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Off: plans run only while the app is open.</source>
        <translation>Desactivado: los planes solo se ejecutan con la aplicación abierta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Runs with the window closed · no check yet</source>
        <translation>Se ejecuta con la ventana cerrada · aún sin revisiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs with the window closed · last check {time}</source>
        <translation>Se ejecuta con la ventana cerrada · última revisión {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the schedule runs a program that is no longer there. Turn the switch off and on.</source>
        <translation>la programación ejecuta un programa que ya no está. Desactive la opción y vuelva a activarla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the system does not run the schedule. Turn the switch off and on.</source>
        <translation>el sistema no ejecuta la programación. Desactive la opción y vuelva a activarla.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the schedule runs another copy of the app or another data folder. Turn the switch off and on.</source>
        <translation>la programación ejecuta otra copia de la aplicación u otra carpeta de datos. Desactive la opción y vuelva a activarla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no check has run since the switch was turned on.</source>
        <translation>no se ha hecho ninguna revisión desde que se activó.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>no check for %n minute(s) (the last at {time}); the computer may have been asleep.</source>
        <translation>
            <numerusform>ninguna revisión desde hace %n minuto (la última: {time}); puede que el equipo estuviera suspendido.</numerusform>
            <numerusform>ninguna revisión desde hace %n minutos (la última: {time}); puede que el equipo estuviera suspendido.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the last check could not run the plans ({time}).</source>
        <translation>la última revisión no pudo ejecutar los planes ({time}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem: {what}</source>
        <translation>Problema: {what}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/dialog.py" line="+81"/>
        <location line="+363"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/operation_list.py" line="+34"/>
        <source>{name} (this session only)</source>
        <translation>{name} (solo esta sesión)</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+16"/>
        <source>Operations</source>
        <translation>Operaciones</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add an operation</source>
        <translation>Agregar una operación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the selected operation</source>
        <translation>Eliminar la operación seleccionada</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/operation_form.py" line="-145"/>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/server_field.py" line="+93"/>
        <source>e.g. 0032, or paste the Wolkvox address</source>
        <translation>p. ej. 0032, o pegue la dirección de Wolkvox</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server code</source>
        <translation>Código de servidor</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The server code Wolkvox support gave your operation (wv0032 → 0032).</source>
        <translation>El código de servidor que el soporte de Wolkvox asignó a su operación (wv0032 → 0032).</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/operation_form.py" line="+79"/>
        <source>Server code:</source>
        <translation>Código de servidor:</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>e.g. Bogotá north</source>
        <translation>p. ej. Bogotá norte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation name</source>
        <translation>Nombre de la operación</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/token_box.py" line="+38"/>
        <source>API token</source>
        <translation>Token de la API</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Leave empty to keep the current token</source>
        <translation>Deje vacío para conservar el token actual</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Show the typed token</source>
        <translation>Mostrar el token escrito</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+47"/>
        <source>Remove saved token</source>
        <translation>Quitar el token guardado</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Remove the saved token</source>
        <translation>Quitar el token guardado</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/operation_form.py" line="+1"/>
        <source>API token:</source>
        <translation>Token de la API:</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Number of licenses</source>
        <translation>Número de licencias</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Licenses:</source>
        <translation>Licencias:</translation>
    </message>
    <message>
        <location line="-43"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>For this session only: this operation came with --server and WOLKVOX_TOKEN. Save it to find it here at the next start.</source>
        <translation>Solo para esta sesión: esta operación llegó con --server y WOLKVOX_TOKEN. Guárdela para encontrarla aquí la próxima vez que inicie.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Request timeout in seconds</source>
        <translation>Tiempo de espera en segundos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wolkvox may take up to 60 s.</source>
        <translation>Wolkvox puede tardar hasta 60 s.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wolkvox allows at most {most} per token; {safest} is safest.</source>
        <translation>Wolkvox admite como máximo {most} por token; {safest} es lo más seguro.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Request timeout:</source>
        <translation>Tiempo de espera:</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Simultaneous calls</source>
        <translation>Llamadas simultáneas</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Simultaneous calls:</source>
        <translation>Llamadas simultáneas:</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test the connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists the campaigns once; uses one token.</source>
        <translation>Lista las campañas una vez; usa un token.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/language_choice.py" line="+25"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies after restarting Wolkvox Desktop.</source>
        <translation>Se aplica al reiniciar Wolkvox Desktop.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/dialog.py" line="-300"/>
        <location line="+353"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="-352"/>
        <source>Save the operation</source>
        <translation>Guardar la operación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the settings</source>
        <translation>Cerrar la configuración</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/language_choice.py" line="-7"/>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/operation_list.py" line="-38"/>
        <source>New operation</source>
        <translation>Nueva operación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} (not saved)</source>
        <translation>{name} (sin guardar)</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/server_field.py" line="-5"/>
        <source>To change the server code, add a new operation and delete this one.</source>
        <translation>Para cambiar el código de servidor, agregue una operación nueva y elimine esta.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter the server code, such as 0032.</source>
        <translation>Ingrese el código de servidor, por ejemplo 0032.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a server code: use the digits Wolkvox gave your operation, such as 0032, or paste a https://wv0032.wolkvox.com address.</source>
        <translation>No es un código de servidor: use los dígitos que Wolkvox asignó a su operación, por ejemplo 0032, o pegue una dirección https://wv0032.wolkvox.com.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is already an operation with server code {code}.</source>
        <translation>Ya existe una operación con el código de servidor {code}.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/token_box.py" line="+25"/>
        <source>A token is saved in {backend}.</source>
        <translation>Hay un token guardado en {backend}.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/keyring_words.py" line="+31"/>
        <source>Secret Service / GNOME Keyring</source>
        <translation>Secret Service / llavero de GNOME</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Windows Credential Manager</source>
        <translation>Administrador de credenciales de Windows</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>macOS Keychain</source>
        <translation>Llavero de macOS</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the system keyring</source>
        <translation>el llavero del sistema</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo mode: tokens are kept in memory for this session only.</source>
        <translation>Modo demostración: los tokens se conservan en memoria solo durante esta sesión.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your token is kept in this computer&apos;s password store.</source>
        <translation>Su token se guarda en el almacén de contraseñas de este equipo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your token is kept in this computer&apos;s password store ({place}).</source>
        <translation>Su token se guarda en el almacén de contraseñas de este equipo ({place}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system keyring is locked: unlock it (log in again, or open your system&apos;s passwords app) and try again. Until then, a token you enter is kept for this session only.</source>
        <translation>El llavero del sistema está bloqueado: desbloquéelo (inicie sesión de nuevo o abra la aplicación de contraseñas del sistema) e inténtelo otra vez. Mientras tanto, el token que ingrese se conserva solo durante esta sesión.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The system keyring cannot be reached right now: a token you enter is kept for this session only.</source>
        <translation>No se puede acceder al llavero del sistema en este momento: el token que ingrese se conserva solo durante esta sesión.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No system keyring was found: the token is kept for this session only.</source>
        <translation>No se encontró un llavero del sistema: el token se conserva solo durante esta sesión.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/token_box.py" line="+4"/>
        <source>A token is held for this session only (not saved).</source>
        <translation>Hay un token solo para esta sesión (no guardado).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The token comes from the WOLKVOX_TOKEN environment variable.</source>
        <translation>El token viene de la variable de entorno WOLKVOX_TOKEN.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No token saved for this operation yet.</source>
        <translation>Todavía no hay un token guardado para esta operación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the operation&apos;s API token</source>
        <translation>Pegue el token de la API de la operación</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hide the typed token</source>
        <translation>Ocultar el token escrito</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/dialog.py" line="-20"/>
        <location line="+4"/>
        <source>Ask before stopping a campaign shown as started</source>
        <translation>Preguntar antes de detener una campaña que aparece iniciada</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Remove the saved token?</source>
        <translation>¿Quitar el token guardado?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token of operation {server} will be removed from this computer. You will need to paste it again to start or stop campaigns.</source>
        <translation>Se quitará de este equipo el token de la operación {server}. Tendrá que pegarlo de nuevo para iniciar o detener campañas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove token</source>
        <translation>Quitar token</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Delete this operation?</source>
        <translation>¿Eliminar esta operación?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operation {name} will be removed from Wolkvox Desktop, with its saved token and its list of campaigns. The history of calls is kept.</source>
        <translation>La operación {name} se eliminará de Wolkvox Desktop, con su token guardado y su lista de campañas. El historial de llamadas se conserva.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete operation</source>
        <translation>Eliminar operación</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+175"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>The operation was not saved.</source>
        <translation>No se guardó la operación.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The language is saved: it applies after restarting Wolkvox Desktop. Nothing else has changed.</source>
        <translation>El idioma está guardado: se aplica al reiniciar Wolkvox Desktop. Nada más ha cambiado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing has changed: there is nothing to save.</source>
        <translation>No ha cambiado nada: no hay nada que guardar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved. The token is in {backend}.</source>
        <translation>Guardado. El token está en {backend}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved. The token is kept in memory for this session only: enter it again after a restart.</source>
        <translation>Guardado. El token se conserva en memoria solo durante esta sesión: ingréselo de nuevo después de reiniciar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved. The token comes from the WOLKVOX_TOKEN environment variable.</source>
        <translation>Guardado. El token viene de la variable de entorno WOLKVOX_TOKEN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter the token first, then test it.</source>
        <translation>Primero ingrese el token y luego pruébelo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testing… (uses one token)</source>
        <translation>Probando… (usa un token)</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>The connection works: %Ln campaign(s) found.</source>
        <translation>
            <numerusform>La conexión funciona: se encontró %Ln campaña.</numerusform>
            <numerusform>La conexión funciona: se encontraron %Ln campañas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection works.</source>
        <translation>La conexión funciona.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Save changes?</source>
        <translation>¿Guardar los cambios?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved yet: {operations}. Discard forgets what was typed here, the token included.</source>
        <translation>Sin guardar todavía: {operations}. «Descartar» olvida lo que se escribió aquí, incluido el token.</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/keyring_words.py" line="-27"/>
        <source>Token storage: checking…</source>
        <translation>Almacenamiento del token: verificando…</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings/token_box.py" line="-14"/>
        <source>Forget token</source>
        <translation>Olvidar el token</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/window/status_panel.py" line="+53"/>
        <source>Answers from Wolkvox</source>
        <translation>Respuestas de Wolkvox</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each call with its time, campaign, action, outcome and Wolkvox&apos;s answer, newest first.</source>
        <translation>Cada llamada con su hora, campaña, acción, resultado y la respuesta de Wolkvox, las más recientes primero.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No calls yet. Answers from Wolkvox will appear here.</source>
        <translation>Todavía no hay llamadas. Las respuestas de Wolkvox aparecerán aquí.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>HTTP {0}</source>
        <translation>HTTP {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} ms</source>
        <translation>{0} ms</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Hide the raw answer</source>
        <translation>Ocultar la respuesta original</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the raw answer</source>
        <translation>Ver la respuesta original</translation>
    </message>
</context>
<context>
    <name>StopQuestion</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk/close_question.py" line="+26"/>
        <source>The run is not finished</source>
        <translation>La ejecución no ha terminado</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%Ln campaign(s) of this run are not sent yet. The window closes once the run has stopped.</source>
        <translation>
            <numerusform>%Ln campaña de esta ejecución aún no se ha enviado. La ventana se cierra cuando la ejecución se haya detenido.</numerusform>
            <numerusform>%Ln campañas de esta ejecución aún no se han enviado. La ventana se cierra cuando la ejecución se haya detenido.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln campaign(s) of this run are not sent yet.</source>
        <translation>
            <numerusform>%Ln campaña de esta ejecución aún no se ha enviado.</numerusform>
            <numerusform>%Ln campañas de esta ejecución aún no se han enviado.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Stop the run: nothing more is sent; the campaigns not sent are listed in the summary.</source>
        <translation>Detener la ejecución: no se envía nada más; las campañas no enviadas se listan en el resumen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop after this call: the call in flight finishes and is shown; the campaigns not sent are listed in the summary.</source>
        <translation>Detener tras esta llamada: la llamada en curso termina y se muestra; las campañas no enviadas se listan en el resumen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop the run</source>
        <translation>Detener la ejecución</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop after this call</source>
        <translation>Detener tras esta llamada</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep running</source>
        <translation>Seguir ejecutando</translation>
    </message>
</context>
<context>
    <name>SummaryBox</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/bulk/summary.py" line="+135"/>
        <source>%Ln call(s) made; each is in the history.</source>
        <extracomment>Where a campaign can end, in the order the summary names them.</extracomment>
        <translation>
            <numerusform>%Ln llamada hecha; está en el historial.</numerusform>
            <numerusform>%Ln llamadas hechas; cada una está en el historial.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Some outcomes are unknown: refresh the campaign list and check those campaigns in Wolkvox before trying again.</source>
        <translation>Algunos resultados son desconocidos: actualice la lista de campañas y revise esas campañas en Wolkvox antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Never sent (the run stopped first): {campaigns}</source>
        <translation>Nunca enviadas (la ejecución se detuvo antes): {campaigns}</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>(%Ln skipped by you)</source>
        <translation>
            <numerusform>(%Ln omitida por usted)</numerusform>
            <numerusform>(%Ln omitidas por usted)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Start of %Ln campaign(s):</source>
        <translation>
            <numerusform>Inicio de %Ln campaña:</numerusform>
            <numerusform>Inicio de %Ln campañas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Stop of %Ln campaign(s):</source>
        <translation>
            <numerusform>Detención de %Ln campaña:</numerusform>
            <numerusform>Detención de %Ln campañas:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln started</source>
        <translation>
            <numerusform>%Ln iniciada</numerusform>
            <numerusform>%Ln iniciadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln stopped</source>
        <translation>
            <numerusform>%Ln detenida</numerusform>
            <numerusform>%Ln detenidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln already started</source>
        <translation>
            <numerusform>%Ln ya iniciada</numerusform>
            <numerusform>%Ln ya iniciadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln already stopped</source>
        <translation>
            <numerusform>%Ln ya detenida</numerusform>
            <numerusform>%Ln ya detenidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln refused by Wolkvox</source>
        <translation>
            <numerusform>%Ln rechazada por Wolkvox</numerusform>
            <numerusform>%Ln rechazadas por Wolkvox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln not delivered</source>
        <translation>
            <numerusform>%Ln no entregada</numerusform>
            <numerusform>%Ln no entregadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln with the outcome unknown</source>
        <translation>
            <numerusform>%Ln con resultado desconocido</numerusform>
            <numerusform>%Ln con resultado desconocido</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln not sent (refused here)</source>
        <translation>
            <numerusform>%Ln no enviada (rechazada aquí)</numerusform>
            <numerusform>%Ln no enviadas (rechazadas aquí)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln omitida</numerusform>
            <numerusform>%Ln omitidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln never sent</source>
        <translation>
            <numerusform>%Ln nunca enviada</numerusform>
            <numerusform>%Ln nunca enviadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayMenu</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/plans/tray.py" line="-52"/>
        <source>Open Wolkvox Desktop</source>
        <translation>Abrir Wolkvox Desktop</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run plan</source>
        <translation>Ejecutar un plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause schedules</source>
        <translation>Pausar los horarios</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No plans yet</source>
        <translation>Todavía no hay planes</translation>
    </message>
</context>
<context>
    <name>UnsentOffer</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk/unsent_offer.py" line="+89"/>
        <source>Campaigns not started</source>
        <translation>Campañas no iniciadas</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n campaign(s) of the last run were not sent — start them now?</source>
        <translation>
            <numerusform>%n campaña de la última ejecución no se envió: ¿iniciarla ahora?</numerusform>
            <numerusform>%n campañas de la última ejecución no se enviaron: ¿iniciarlas ahora?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start them…</source>
        <translation>Iniciarlas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Campaigns not stopped</source>
        <translation>Campañas no detenidas</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n campaign(s) of the last run were not sent — stop them now?</source>
        <translation>
            <numerusform>%n campaña de la última ejecución no se envió: ¿detenerla ahora?</numerusform>
            <numerusform>%n campañas de la última ejecución no se enviaron: ¿detenerlas ahora?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop them…</source>
        <translation>Detenerlas…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/about/update_notice.py" line="+105"/>
        <source>A newer version is available</source>
        <translation>Hay una versión más nueva disponible</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/messages.py" line="-51"/>
        <source>Wolkvox is busy with other calls on this token; trying again in %n second(s)…</source>
        <translation>
            <numerusform>Wolkvox está ocupado con otras llamadas de este token; se vuelve a intentar en %n segundo…</numerusform>
            <numerusform>Wolkvox está ocupado con otras llamadas de este token; se vuelve a intentar en %n segundos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Wolkvox was busy at first: the app sent it %n time(s) in all.</source>
        <translation>
            <numerusform>Wolkvox estaba ocupado al principio: la aplicación la envió %n vez en total.</numerusform>
            <numerusform>Wolkvox estaba ocupado al principio: la aplicación la envió %n veces en total.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/window/status_entry.py" line="+157"/>
        <source>The run stopped before these %n campaign(s): nothing was sent for them. {campaigns}</source>
        <translation>
            <numerusform>La ejecución se detuvo antes de esta campaña: no se envió nada para ella. {campaigns}</numerusform>
            <numerusform>La ejecución se detuvo antes de estas %n campañas: no se envió nada para ellas. {campaigns}</numerusform>
        </translation>
    </message>
</context>
</TS>
