<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
    <message numerus="yes">
        <location line="+11"/>
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
    <message numerus="yes">
        <location line="+9"/>
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
    <message numerus="yes">
        <location line="+8"/>
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
</TS>
