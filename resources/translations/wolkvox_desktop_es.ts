<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/messages.py" line="+95"/>
        <source>Messages</source>
        <comment>The server code must be the digits Wolkvox gave your operation, such as 0032. Nothing was sent.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Messages</source>
        <comment>Enter a valid campaign ID (at most 64 characters). Nothing was sent.</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages</source>
        <comment>Choose the campaign type: preview or predictive. Nothing was sent.</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Messages</source>
        <comment>No token is saved for this operation. Add it in Settings. Nothing was sent.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Messages</source>
        <comment>The test address in WOLKVOX_API_BASE is not allowed (only this computer). Nothing was sent.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>Today&apos;s token budget for this operation is used up. Nothing was sent; raise the number of licenses in Settings, or confirm to go over it.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>Another call with this token is still running. Nothing was sent; try again when it has finished.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Messages</source>
        <comment>Cancelled before anything was sent.</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages</source>
        <comment>Wolkvox did not receive a token. Check the token in Settings.</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Messages</source>
        <comment>Wolkvox rejected the token. Check in Settings that it is this operation&apos;s current token.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>Wolkvox says this token&apos;s daily limit is used up. Nothing more can be done with it today.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>Wolkvox refused: too many calls with this token at the same time. Wait a moment and try again.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Messages</source>
        <comment>Wolkvox does not know this request. Please report this problem.</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Messages</source>
        <comment>Wolkvox says some information was missing. Check the campaign ID and type.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Messages</source>
        <comment>Wolkvox refused the call, possibly because of maintenance. Try again later.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Messages</source>
        <comment>Wolkvox refused the call. Its message is shown in the details; check the campaign ID and type.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>The Wolkvox server was not found. Check the server code and your internet connection. Nothing reached Wolkvox.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>Could not connect to Wolkvox. Check your internet connection. Nothing reached Wolkvox.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>The secure connection to Wolkvox could not be established. Nothing reached Wolkvox.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>Wolkvox did not answer the connection in time. Nothing reached Wolkvox.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Messages</source>
        <comment>No answer in time: the action may or may not have happened. Refresh the campaign list before trying again.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>The connection broke before the answer: the action may or may not have happened. Refresh the campaign list before trying again.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>Wolkvox had a server error: the action may or may not have happened. Refresh the campaign list before trying again.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>Wolkvox&apos;s answer could not be read: the action may or may not have happened. Refresh the campaign list before trying again.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>Wolkvox answered with a redirection, which is not followed (the token stays safe). The action may or may not have happened; refresh the list before trying again.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Messages</source>
        <comment>Wolkvox&apos;s answer was too large to read: the action may or may not have happened. Refresh the campaign list before trying again.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Messages</source>
        <comment>Something went wrong inside Wolkvox Desktop: the action may or may not have happened. Refresh the campaign list before trying again.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/bulk_dialog.py" line="+48"/>
        <source>Outcome unknown (interrupted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not run (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Already in that state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+82"/>
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
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/campaign_model.py" line="+94"/>
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
        <location filename="../../wolkvox_desktop/gui/history_view.py" line="+187"/>
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
        <location line="+1"/>
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
        <location line="+1"/>
        <source>What it means</source>
        <translation>Qué significa</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location line="+70"/>
        <source>Activity history</source>
        <translation>Historial de actividad</translation>
    </message>
    <message>
        <location line="+45"/>
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
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the calls shown (all of them, not only the selection) as a CSV file</source>
        <translation>Guardar las llamadas mostradas (todas, no solo la selección) en un archivo CSV</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check with Wolkvox (uses 1 token)</source>
        <translation>Consultar a Wolkvox (usa 1 token)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask Wolkvox how many token uses it counts for today. This question itself costs one token.</source>
        <translation>Preguntar a Wolkvox cuántos usos del token lleva hoy. La consulta misma cuesta un token.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+22"/>
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
        <location line="+13"/>
        <source>Asking Wolkvox…</source>
        <translation>Consultando a Wolkvox…</translation>
    </message>
    <message>
        <location line="+43"/>
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
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/messages.py" line="-185"/>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
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
        <location line="+9"/>
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
        <location line="+139"/>
        <source>Waiting for Wolkvox&apos;s answer…</source>
        <translation>Esperando la respuesta de Wolkvox…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer was recorded (the app closed during the call): it may or may not have happened. Refresh the campaign list before trying again.</source>
        <translation>No se registró respuesta (la aplicación se cerró durante la llamada): la acción puede haberse realizado o no. Actualice la lista de campañas antes de intentarlo de nuevo.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/settings_dialog.py" line="+138"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+12"/>
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
        <location line="+259"/>
        <source>The server code Wolkvox support gave your operation (wv0032 → 0032).</source>
        <translation>El código de servidor que el soporte de Wolkvox asignó a su operación (wv0032 → 0032).</translation>
    </message>
    <message>
        <location line="-248"/>
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
        <location line="+342"/>
        <source>Show the typed token</source>
        <translation>Mostrar el token escrito</translation>
    </message>
    <message>
        <location line="-340"/>
        <location line="+338"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="-331"/>
        <source>Remove saved token</source>
        <translation>Quitar el token guardado</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+30"/>
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
        <location line="+12"/>
        <location line="+504"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location line="-503"/>
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
        <location line="+13"/>
        <source>New operation</source>
        <translation>Nueva operación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} (not saved)</source>
        <translation>{name} (sin guardar)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>To change the server code, add a new operation and delete this one.</source>
        <translation>Para cambiar el código de servidor, agregue una operación nueva y elimine esta.</translation>
    </message>
    <message>
        <location line="+38"/>
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
        <source>the system keyring</source>
        <translation>el llavero del sistema</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+33"/>
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
        <location line="+42"/>
        <source>Daily budget: {budget} tokens</source>
        <translation>Presupuesto diario: {budget} tokens</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+129"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not save.</source>
        <translation>No se pudo guardar.</translation>
    </message>
    <message>
        <location line="+13"/>
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
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../wolkvox_desktop/gui/status_panel.py" line="+242"/>
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
        <location line="+43"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} ms</source>
        <translation>{0} ms</translation>
    </message>
</context>
</TS>
