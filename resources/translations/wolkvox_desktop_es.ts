<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>App</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/app.py" line="+353"/>
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
</context>
<context>
    <name>BulkControls</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk_dialog.py" line="+980"/>
        <source>Start the selected campaigns</source>
        <translation>Iniciar las campañas seleccionadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start every selected campaign, one after the other (asks first)</source>
        <translation>Iniciar cada campaña seleccionada, una tras otra (pregunta antes)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop the selected campaigns</source>
        <translation>Detener las campañas seleccionadas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop every selected campaign, one after the other (asks first)</source>
        <translation>Detener cada campaña seleccionada, una tras otra (pregunta antes)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activity history</source>
        <translation>Historial de actividad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every call made from this computer: filter, copy, export (Ctrl+H)</source>
        <translation>Todas las llamadas hechas desde este equipo: filtrar, copiar, exportar (Ctrl+H)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>▶ Start selected ({count})</source>
        <translation>▶ Iniciar seleccionadas ({count})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>▶ Start selected</source>
        <translation>▶ Iniciar seleccionadas</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../../wolkvox_desktop/gui/outcome_look.py" line="+102"/>
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
        <location filename="../../wolkvox_desktop/gui/bulk_dialog.py" line="-949"/>
        <source>Token budget</source>
        <translation>Presupuesto de tokens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This needs {calls} token(s) but only {remaining} of today&apos;s {budget} are left ({used} used).</source>
        <translation>Esto necesita {calls} token(s), pero solo quedan {remaining} de los {budget} de hoy (usados: {used}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Past the budget Wolkvox may refuse calls (TOKEN LIMIT EXCEEDED) for the rest of the day, for everyone using this token. Go over the budget anyway?</source>
        <translation>Al pasar el presupuesto, Wolkvox puede rechazar las llamadas (TOKEN LIMIT EXCEEDED) por el resto del día, para todos los que usan este token. ¿Pasar el presupuesto de todos modos?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go over the budget</source>
        <translation>Pasar el presupuesto</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/messages.py" line="+268"/>
        <source>Wolkvox&apos;s figure could not be read: {sentence}</source>
        <translation>No se pudo leer la cifra de Wolkvox: {sentence}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wolkvox answered at {time} but gave no figures.</source>
        <translation>Wolkvox respondió a las {time}, pero sin cifras.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wolkvox counts {used} of {limit} token uses today (checked at {time}; this check used one).</source>
        <translation>Wolkvox cuenta hoy {used} de {limit} usos del token (consultado a las {time}; esta consulta usó uno).</translation>
    </message>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk_dialog.py" line="+79"/>
        <source>Start campaigns</source>
        <translation>Iniciar campañas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop campaigns</source>
        <translation>Detener campañas</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Campaigns in this run, in order</source>
        <translation>Campañas de esta ejecución, en orden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check with Wolkvox (uses 1 token)</source>
        <translation>Consultar a Wolkvox (usa 1 token)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask Wolkvox how many token uses it counts for today. This question itself costs one token.</source>
        <translation>Preguntar a Wolkvox cuántos usos del token lleva hoy. La consulta misma cuesta un token.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>already started: skipped</source>
        <translation>ya iniciada: se omite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already stopped: skipped</source>
        <translation>ya detenida: se omite</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing to do.</source>
        <translation>No hay nada que hacer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> on operation {server}</source>
        <translation> en la operación {server}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start {count} campaign(s){where}, one after the other?</source>
        <translation>¿Iniciar {count} campaña(s){where}, una tras otra?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start {count} campaign(s)</source>
        <translation>Iniciar {count} campaña(s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop {count} campaign(s){where}, one after the other?</source>
        <translation>¿Detener {count} campaña(s){where}, una tras otra?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop {count} campaign(s)</source>
        <translation>Detener {count} campaña(s)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>already started: included anyway</source>
        <translation>ya iniciada: se incluye de todos modos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>already stopped: included anyway</source>
        <translation>ya detenida: se incluye de todos modos</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Include the {count} campaign(s) already started anyway</source>
        <translation>Incluir de todos modos las {count} campaña(s) ya iniciada(s)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Include the {count} campaign(s) already stopped anyway</source>
        <translation>Incluir de todos modos las {count} campaña(s) ya detenida(s)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Every campaign is already in that state: nothing will be sent.</source>
        <translation>Todas las campañas ya están en ese estado: no se enviará nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counting today&apos;s token use…</source>
        <translation>Contando el consumo de tokens de hoy…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cost: {cost} token(s), one per campaign. Today {used} of {budget} are used; {remaining} left.</source>
        <translation>Costo: {cost} token(s), uno por campaña. Hoy van {used} de {budget}; quedan {remaining}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>⚠ This run would pass today&apos;s budget: you will be asked to confirm.</source>
        <translation>⚠ Esta ejecución pasaría el presupuesto de hoy: se le pedirá confirmación.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>⚠ After this run {percent} % of today&apos;s budget will be used.</source>
        <translation>⚠ Después de esta ejecución se habrá usado el {percent} % del presupuesto de hoy.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Asking Wolkvox…</source>
        <translation>Consultando a Wolkvox…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Campaigns done</source>
        <translation>Campañas procesadas</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it means</source>
        <translation>Qué significa</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The run is paused</source>
        <translation>La ejecución está en pausa</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>I checked this campaign in Wolkvox: retry it anyway</source>
        <translation>Revisé esta campaña en Wolkvox: reintentar de todos modos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skip it</source>
        <translation>Omitirla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retry this one</source>
        <translation>Reintentar esta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Abort the run</source>
        <translation>Abortar la ejecución</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cancel the rest</source>
        <translation>Cancelar el resto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop before the next campaign; a call already sent finishes first.</source>
        <translation>Parar antes de la siguiente campaña; una llamada ya enviada termina primero.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not sent: the run was cancelled first.</source>
        <translation>No enviada: la ejecución se canceló antes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped at your request.</source>
        <translation>Omitida a petición suya.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{done} of {total} done</source>
        <translation>{done} de {total} listas</translation>
    </message>
    <message>
        <location line="+16"/>
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
        <location line="+26"/>
        <source>Paused on campaign {campaign}: {outcome}</source>
        <translation>En pausa en la campaña {campaign}: {outcome}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Waiting for your decision.</source>
        <translation>Esperando su decisión.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>It may have happened already: tick the box once you have checked the campaign in Wolkvox.</source>
        <translation>Puede que ya se haya realizado: marque la casilla después de revisar la campaña en Wolkvox.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Aborting…</source>
        <translation>Abortando…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelling after the current call…</source>
        <translation>Cancelando después de la llamada en curso…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cancelled.</source>
        <translation>Cancelada.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finished.</source>
        <translation>Terminada.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>started</source>
        <translation>iniciada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>refused</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not delivered</source>
        <translation>no entregada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped</source>
        <translation>omitida</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not sent</source>
        <translation>no enviada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>already in that state</source>
        <translation>ya estaba en ese estado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not run (cancelled)</source>
        <translation>no ejecutada (cancelada)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{calls} call(s) made; each is in the history.</source>
        <translation>{calls} llamada(s) realizada(s); cada una está en el historial.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Some outcomes are unknown: refresh the campaign list and check those campaigns before trying again.</source>
        <translation>Algunos resultados son desconocidos: actualice la lista de campañas y revise esas campañas antes de intentarlo de nuevo.</translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/campaign_model.py" line="+96"/>
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
        <location line="+18"/>
        <source>{0} (added by hand)</source>
        <translation>{0} (agregada a mano)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(added by hand)</source>
        <translation>(agregada a mano)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Status as of the last campaign list refresh or the last action from this app.</source>
        <translation>Estado según la última actualización de la lista de campañas o la última acción desde esta aplicación.</translation>
    </message>
    <message>
        <location line="+21"/>
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
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/history_view.py" line="+202"/>
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
        <location line="+2"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wolkvox&apos;s message</source>
        <translation>Mensaje de Wolkvox</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>What it means</source>
        <translation>Qué significa</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location line="-124"/>
        <source>The app stopped before Wolkvox answered, so this call may or may not have happened. Check the campaign&apos;s status in Wolkvox (refresh the list) before trying again.</source>
        <translation>La aplicación se detuvo antes de que Wolkvox respondiera, así que esta llamada puede haberse realizado o no. Revise el estado de la campaña en Wolkvox (actualice la lista) antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>Activity history</source>
        <translation>Historial de actividad</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>From date</source>
        <translation>Fecha inicial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>Fecha final</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>Any campaign</source>
        <translation>Cualquier campaña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign ID</source>
        <translation>ID de campaña</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All outcomes</source>
        <translation>Todos los resultados</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dates:</source>
        <translation>Fechas:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Calls, newest first</source>
        <translation>Llamadas, las más recientes primero</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Copy rows</source>
        <translation>Copiar filas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selected rows as text (Ctrl+C)</source>
        <translation>Copiar las filas seleccionadas como texto (Ctrl+C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the calls shown (all of them, not only the selection) as a CSV file</source>
        <translation>Guardar las llamadas mostradas (todas, no solo la selección) en un archivo CSV</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check with Wolkvox (uses 1 token)</source>
        <translation>Consultar a Wolkvox (usa 1 token)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask Wolkvox how many token uses it counts for today. This question itself costs one token.</source>
        <translation>Preguntar a Wolkvox cuántos usos del token lleva hoy. La consulta misma cuesta un token.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Showing the newest {count} calls only; narrow the dates or filters to see older ones.</source>
        <translation>Se muestran solo las {count} llamadas más recientes; acote las fechas o los filtros para ver las anteriores.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} call(s) shown, newest first.</source>
        <translation>{count} llamada(s) mostrada(s), las más recientes primero.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calls marked “outcome unknown (interrupted)” got no answer because the app closed during them: check those campaigns in Wolkvox before trying again.</source>
        <translation>Las llamadas marcadas «resultado desconocido (interrumpida)» no recibieron respuesta porque la aplicación se cerró durante la llamada: revise esas campañas en Wolkvox antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The history could not be read. Try again; if it keeps failing, restart the app.</source>
        <translation>No se pudo leer el historial. Inténtelo de nuevo; si sigue fallando, reinicie la aplicación.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Export history</source>
        <translation>Exportar historial</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>History saved to {path}.</source>
        <translation>Historial guardado en {path}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The file could not be written. Choose another folder or close the file if it is open in another program, then export again.</source>
        <translation>No se pudo escribir el archivo. Elija otra carpeta o cierre el archivo si está abierto en otro programa, y vuelva a exportar.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Asking Wolkvox…</source>
        <translation>Consultando a Wolkvox…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/main_window.py" line="+153"/>
        <source>Wolkvox Desktop — Demo</source>
        <translation>Wolkvox Desktop — Demo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wolkvox Desktop</source>
        <translation>Wolkvox Desktop</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Operation:</source>
        <translation>&amp;Operación:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Wolkvox operation (server) you work on</source>
        <translation>La operación (servidor) de Wolkvox con la que trabaja</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tokens used today</source>
        <translation>Tokens usados hoy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every call to Wolkvox, list refreshes included, uses one token. The daily budget is the number of licenses × 1000. Counted by this app on this computer.</source>
        <translation>Cada llamada a Wolkvox, incluidas las actualizaciones de la lista, usa un token. El presupuesto diario es el número de licencias × 1000. Lo cuenta esta aplicación en este equipo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo mode</source>
        <translation>Modo demo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo mode: a simulated Wolkvox on this computer. Nothing reaches Wolkvox.</source>
        <translation>Modo demo: un Wolkvox simulado en este equipo. Nada llega a Wolkvox.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+518"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="-517"/>
        <source>Operations, tokens and language (Ctrl+,)</source>
        <translation>Operaciones, tokens e idioma (Ctrl+,)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Welcome to Wolkvox Desktop</source>
        <translation>Bienvenido a Wolkvox Desktop</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No operation is set up yet. Open Settings and add your operation&apos;s server code (the digits in wv0032.wolkvox.com) and its API token. The token is kept in your system&apos;s keyring.

To look around first, start the app in demo mode: wolkvox-desktop --demo</source>
        <translation>Todavía no hay ninguna operación configurada. Abra la configuración y agregue el código de servidor de su operación (los dígitos de wv0032.wolkvox.com) y su token de la API. El token se guarda en el llavero del sistema.

Para conocer la aplicación primero, iníciela en modo demo: wolkvox-desktop --demo</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open Settings…</source>
        <translation>Abrir la configuración…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Settings</source>
        <translation>Abrir la configuración</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Filter campaigns…</source>
        <translation>Filtrar campañas…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter campaigns</source>
        <translation>Filtrar campañas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Campaign list last updated</source>
        <translation>Última actualización de la lista de campañas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refreshing the list costs one token. It refreshes by itself at most every 5 minutes while the window is open.</source>
        <translation>Actualizar la lista cuesta un token. Se actualiza sola como máximo cada 5 minutos mientras la ventana está abierta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+258"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location line="-256"/>
        <source>Refresh the campaign list</source>
        <translation>Actualizar la lista de campañas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask Wolkvox for the campaign list (F5). Costs one token.</source>
        <translation>Pedir a Wolkvox la lista de campañas (F5). Cuesta un token.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Campaign &amp;ID:</source>
        <translation>&amp;ID de campaña:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Campaign ID</source>
        <translation>ID de campaña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 3301</source>
        <translation>p. ej. 3301</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filled from the selected campaign; type any ID to act on a campaign that is not in the list. Enter starts it.</source>
        <translation>Se llena con la campaña seleccionada; escriba cualquier ID para actuar sobre una campaña que no está en la lista. Enter la inicia.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Campaign type</source>
        <translation>Tipo de campaña</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+194"/>
        <source>▶ Start</source>
        <translation>▶ Iniciar</translation>
    </message>
    <message>
        <location line="-192"/>
        <source>Start campaign</source>
        <translation>Iniciar campaña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the campaign (Enter or Ctrl+Return)</source>
        <translation>Iniciar la campaña (Enter o Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+189"/>
        <source>■ Stop</source>
        <translation>■ Detener</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>Stop campaign</source>
        <translation>Detener campaña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop (pause) the campaign</source>
        <translation>Detener (pausar) la campaña</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for Wolkvox</source>
        <translation>Esperando a Wolkvox</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Campaign name (for the list)</source>
        <translation>Nombre de la campaña (para la lista)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional, for your list</source>
        <translation>opcional, para su lista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add to list</source>
        <translation>A&amp;gregar a la lista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the campaign to the list</source>
        <translation>Agregar la campaña a la lista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep this campaign ID, name and type in your list (costs no token)</source>
        <translation>Guardar este ID, nombre y tipo de campaña en su lista (no cuesta tokens)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remo&amp;ve from list</source>
        <translation>&amp;Quitar de la lista</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the selected campaign from the list</source>
        <translation>Quitar de la lista la campaña seleccionada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only campaigns you added by hand can be removed</source>
        <translation>Solo se pueden quitar las campañas agregadas a mano</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Answer to the last action</source>
        <translation>Respuesta a la última acción</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refreshing…</source>
        <translation>Actualizando…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tokens today: {0} / {1}</source>
        <translation>Tokens hoy: {0} / {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>daily budget used up</source>
        <translation>presupuesto diario agotado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>near the daily limit</source>
        <translation>cerca del límite diario</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not updated yet</source>
        <translation>Aún sin actualizar</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>Updated {0}</source>
        <translation>Actualizada {0}</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Starting campaign {0}…</source>
        <translation>Iniciando la campaña {0}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping campaign {0}…</source>
        <translation>Deteniendo la campaña {0}…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Asking Wolkvox for the campaign list…</source>
        <translation>Pidiendo a Wolkvox la lista de campañas…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Campaign {0} was added to your list.</source>
        <translation>La campaña {0} se agregó a su lista.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Campaign {0} was removed from your list.</source>
        <translation>La campaña {0} se quitó de su lista.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Settings are not available in this build.</source>
        <translation>La configuración no está disponible en esta versión.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Operation {0} is not set up yet. Add it in Settings.</source>
        <translation>La operación {0} todavía no está configurada. Agréguela en la configuración.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} (this session only)</source>
        <translation>{0} (solo esta sesión)</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Daily token budget used up</source>
        <translation>Presupuesto diario de tokens agotado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today&apos;s token budget for this operation is used up. Wolkvox may refuse the call. Send &quot;{0}&quot; for campaign {1} anyway? It costs one more token.</source>
        <translation>El presupuesto de tokens de hoy para esta operación está agotado. Wolkvox puede rechazar la llamada. ¿Enviar «{0}» para la campaña {1} de todos modos? Cuesta un token más.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Problem: {0}</source>
        <translation>Problema: {0}</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/outcome_look.py" line="-8"/>
        <source>In progress</source>
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
        <location filename="../../wolkvox_desktop/gui/messages.py" line="-252"/>
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
        <translation>Preview</translation>
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
        <location line="+9"/>
        <source>The app stopped before Wolkvox answered, so this call may or may not have happened. Refresh the campaign list before trying again.</source>
        <translation>La aplicación se detuvo antes de que Wolkvox respondiera, así que esta llamada puede haberse realizado o no. Actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server code must be the digits Wolkvox gave your operation, such as 0032. Nothing was sent.</source>
        <translation>El código de servidor deben ser los dígitos que Wolkvox asignó a su operación, por ejemplo 0032. No se envió nada.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter a valid campaign ID (at most 64 characters). Nothing was sent.</source>
        <translation>Ingrese un ID de campaña válido (máximo 64 caracteres). No se envió nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the campaign type: preview or predictive. Nothing was sent.</source>
        <translation>Elija el tipo de campaña: preview o predictiva. No se envió nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No token is saved for this operation. Add it in Settings. Nothing was sent.</source>
        <translation>No hay un token guardado para esta operación. Agréguelo en la configuración. No se envió nada.</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>Nothing was sent: the activity history could not be written. Check the disk space and that no other program is using the file.</source>
        <translation>No se envió nada: no se pudo escribir el historial de actividad. Revise el espacio en disco y que ningún otro programa esté usando el archivo.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Waiting for Wolkvox&apos;s answer…</source>
        <translation>Esperando la respuesta de Wolkvox…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still waiting for an answer in another window or in the command line: it may or may not have happened yet. Refresh the campaign list before trying again.</source>
        <translation>Todavía se espera una respuesta en otra ventana o en la línea de comandos: puede haberse realizado o no. Actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The token could not be read from the system keyring (it may be locked). Unlock the keyring, or enter the token again in Settings for this session. Nothing was sent.</source>
        <translation>No se pudo leer el token del llavero del sistema (puede estar bloqueado). Desbloquee el llavero o vuelva a ingresar el token en Configuración para esta sesión. No se envió nada.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings_dialog.py" line="+161"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+14"/>
        <source>Operations</source>
        <translation>Operaciones</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add an operation</source>
        <translation>Agregar una operación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected operation</source>
        <translation>Eliminar la operación seleccionada</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. 0032, or paste the Wolkvox address</source>
        <translation>p. ej. 0032, o pegue la dirección de Wolkvox</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server code</source>
        <translation>Código de servidor</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+248"/>
        <source>The server code Wolkvox support gave your operation (wv0032 → 0032).</source>
        <translation>El código de servidor que el soporte de Wolkvox asignó a su operación (wv0032 → 0032).</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>Server code:</source>
        <translation>Código de servidor:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. Bogotá north</source>
        <translation>p. ej. Bogotá norte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation name</source>
        <translation>Nombre de la operación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>API token</source>
        <translation>Token de la API</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+332"/>
        <source>Show the typed token</source>
        <translation>Mostrar el token escrito</translation>
    </message>
    <message>
        <location line="-330"/>
        <location line="+328"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="-323"/>
        <location line="+637"/>
        <source>Remove saved token</source>
        <translation>Quitar el token guardado</translation>
    </message>
    <message>
        <location line="-636"/>
        <source>Remove the saved token</source>
        <translation>Quitar el token guardado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>API token:</source>
        <translation>Token de la API:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Number of licenses</source>
        <translation>Número de licencias</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Licenses:</source>
        <translation>Licencias:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request timeout in seconds</source>
        <translation>Tiempo de espera en segundos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wolkvox may take up to 60 s.</source>
        <translation>Wolkvox puede tardar hasta 60 s.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request timeout:</source>
        <translation>Tiempo de espera:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Simultaneous calls</source>
        <translation>Llamadas simultáneas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wolkvox allows at most 2 per token; 1 is safest.</source>
        <translation>Wolkvox admite como máximo 2 por token; 1 es lo más seguro.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Simultaneous calls:</source>
        <translation>Llamadas simultáneas:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test the connection</source>
        <translation>Probar la conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists the campaigns once; uses one token.</source>
        <translation>Lista las campañas una vez; usa un token.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applies after restarting Wolkvox Desktop.</source>
        <translation>Se aplica al reiniciar Wolkvox Desktop.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+535"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="-534"/>
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
        <location line="+33"/>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New operation</source>
        <translation>Nueva operación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} (not saved)</source>
        <translation>{name} (sin guardar)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>To change the server code, add a new operation and delete this one.</source>
        <translation>Para cambiar el código de servidor, agregue una operación nueva y elimine esta.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Enter the server code, such as 0032.</source>
        <translation>Ingrese el código de servidor, por ejemplo 0032.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a server code: use the digits Wolkvox gave your operation, such as 0032, or paste a https://wv0032.wolkvox.com address.</source>
        <translation>No es un código de servidor: use los dígitos que Wolkvox asignó a su operación, por ejemplo 0032, o pegue una dirección https://wv0032.wolkvox.com.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is already an operation with server code {code}.</source>
        <translation>Ya existe una operación con el código de servidor {code}.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>A token is saved in {backend}.</source>
        <translation>Hay un token guardado en {backend}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+234"/>
        <source>the system keyring</source>
        <translation>el llavero del sistema</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>Saved in {backend} — leave empty to keep it</source>
        <translation>Guardado en {backend}: deje vacío para conservarlo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the keyring</source>
        <translation>el llavero</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A token is held for this session only (not saved).</source>
        <translation>Hay un token solo para esta sesión (no guardado).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held for this session — leave empty to keep it</source>
        <translation>Solo para esta sesión: deje vacío para conservarlo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token comes from the WOLKVOX_TOKEN environment variable.</source>
        <translation>El token viene de la variable de entorno WOLKVOX_TOKEN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From WOLKVOX_TOKEN — leave empty to keep it</source>
        <translation>De WOLKVOX_TOKEN: deje vacío para conservarlo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No token saved for this operation yet.</source>
        <translation>Todavía no hay un token guardado para esta operación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the operation&apos;s API token</source>
        <translation>Pegue el token de la API de la operación</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hide the typed token</source>
        <translation>Ocultar el token escrito</translation>
    </message>
    <message>
        <location line="+20"/>
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
        <location line="+39"/>
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
        <location line="+53"/>
        <source>Daily budget: {budget} tokens</source>
        <translation>Presupuesto diario: {budget} tokens</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+144"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>The operation was not saved.</source>
        <translation>No se guardó la operación.</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+11"/>
        <source>Enter the token first, then test it.</source>
        <translation>Primero ingrese el token y luego pruébelo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Testing… (uses one token)</source>
        <translation>Probando… (usa un token)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The connection works.</source>
        <translation>La conexión funciona.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection works: campaigns found: {count}.</source>
        <translation>La conexión funciona: campañas encontradas: {count}.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Token storage: checking…</source>
        <translation>Almacenamiento del token: verificando…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tokens are kept in: {backend}.</source>
        <translation>Los tokens se guardan en: {backend}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token storage: no usable keyring ({backend}).</source>
        <translation>Almacenamiento del token: no hay un llavero utilizable ({backend}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No usable keyring on this computer: a token you enter will work for this session only, and you will have to enter it again after a restart.</source>
        <translation>No hay un llavero utilizable en este equipo: el token que ingrese funcionará solo durante esta sesión y tendrá que ingresarlo de nuevo después de reiniciar.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Forget token</source>
        <translation>Olvidar el token</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/status_panel.py" line="+123"/>
        <source>Answers from Wolkvox</source>
        <translation>Respuestas de Wolkvox</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each call with its time, campaign, action, outcome and Wolkvox&apos;s answer, newest first.</source>
        <translation>Cada llamada con su hora, campaña, acción, resultado y la respuesta de Wolkvox, las más recientes primero.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No calls yet. Answers from Wolkvox will appear here.</source>
        <translation>Todavía no hay llamadas. Las respuestas de Wolkvox aparecerán aquí.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>HTTP {0}</source>
        <translation>HTTP {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} ms</source>
        <translation>{0} ms</translation>
    </message>
</context>
</TS>
