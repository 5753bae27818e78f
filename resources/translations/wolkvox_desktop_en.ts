<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CampaignPage</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/campaign_page.py" line="+210"/>
        <source>%Ln campaign(s)</source>
        <translation>
            <numerusform>%Ln campaign</numerusform>
            <numerusform>%Ln campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{0} of %Ln campaign(s) shown</source>
        <translation>
            <numerusform>{0} of %Ln campaign shown</numerusform>
            <numerusform>{0} of %Ln campaigns shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/bulk/confirm_page.py" line="+140"/>
        <source>Start %Ln campaign(s) on operation {server}, one after the other?</source>
        <translation>
            <numerusform>Start %Ln campaign on operation {server}?</numerusform>
            <numerusform>Start %Ln campaigns on operation {server}, one after the other?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Start %Ln campaign(s)</source>
        <translation>
            <numerusform>Start %Ln campaign</numerusform>
            <numerusform>Start %Ln campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Stop %Ln campaign(s) on operation {server}, one after the other?</source>
        <translation>
            <numerusform>Stop %Ln campaign on operation {server}?</numerusform>
            <numerusform>Stop %Ln campaigns on operation {server}, one after the other?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Stop %Ln campaign(s)</source>
        <translation>
            <numerusform>Stop %Ln campaign</numerusform>
            <numerusform>Stop %Ln campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Include the %Ln campaign(s) already started anyway</source>
        <translation>
            <numerusform>Include the %Ln campaign already started anyway</numerusform>
            <numerusform>Include the %Ln campaigns already started anyway</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Include the %Ln campaign(s) already stopped anyway</source>
        <translation>
            <numerusform>Include the %Ln campaign already stopped anyway</numerusform>
            <numerusform>Include the %Ln campaigns already stopped anyway</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>Cost: %Ln token(s), one per campaign. Today {used} of {budget} are used; {remaining} left.</source>
        <translation>
            <numerusform>Cost: %Ln token, one per campaign. Today {used} of {budget} are used; {remaining} left.</numerusform>
            <numerusform>Cost: %Ln tokens, one per campaign. Today {used} of {budget} are used; {remaining} left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/history/window.py" line="+202"/>
        <source>%n call(s) shown.</source>
        <translation>
            <numerusform>%n call shown.</numerusform>
            <numerusform>%n calls shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeepRunningQuestion</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/tray.py" line="+96"/>
        <source>%n plan(s) are scheduled. Keep Wolkvox Desktop running in the system tray so that they run at their time?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OperationEditor</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/settings/operation_form.py" line="+217"/>
        <source>Daily budget: %Ln token use(s)</source>
        <translation>
            <numerusform>Daily budget: %Ln token use</numerusform>
            <numerusform>Daily budget: %Ln token uses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverBudgetQuestion</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/bulk/budget.py" line="+46"/>
        <source>This needs %Ln token(s) but only {remaining} of today&apos;s {budget} are left ({used} used).</source>
        <translation>
            <numerusform>This needs %Ln token but only {remaining} of today&apos;s {budget} are left ({used} used).</numerusform>
            <numerusform>This needs %Ln tokens but only {remaining} of today&apos;s {budget} are left ({used} used).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/plans/editor.py" line="+255"/>
        <source>%n selected campaign(s) left out: their type (preview or predictive) is not known. Refresh the list, or add them by hand in the main window first.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n selected campaign(s) left out: their type (preview or predictive) is not known.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+96"/>
        <source>A plan&apos;s name is at most %n character(s) long.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>A plan holds at most %n campaign(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanNotices</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/plans/notices.py" line="+76"/>
        <source>The other %n campaign(s) were not sent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Plan “{name}” is running on schedule: %n campaign(s), one after the other…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n scheduled plan(s) were missed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Its %n call(s) would pass today&apos;s token budget for operation {server}, so nothing was sent. The history says so.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n campaign(s) started.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n campaign(s) stopped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlansPanel</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/plans/panel.py" line="+226"/>
        <source>Start %n campaign(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Stop %n campaign(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+208"/>
        <source>%n plan(s) exported to {path}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n plan(s) imported</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/settings/dialog.py" line="+365"/>
        <source>The connection works: %Ln campaign(s) found.</source>
        <translation>
            <numerusform>The connection works: %Ln campaign found.</numerusform>
            <numerusform>The connection works: %Ln campaigns found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StopQuestion</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/bulk/close_question.py" line="+27"/>
        <source>%Ln campaign(s) of this run are not sent yet. The window closes once the run has stopped.</source>
        <translation>
            <numerusform>%Ln campaign of this run is not sent yet. The window closes once the run has stopped.</numerusform>
            <numerusform>%Ln campaigns of this run are not sent yet. The window closes once the run has stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln campaign(s) of this run are not sent yet.</source>
        <translation>
            <numerusform>%Ln campaign of this run is not sent yet.</numerusform>
            <numerusform>%Ln campaigns of this run are not sent yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryBox</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/bulk/summary.py" line="+106"/>
        <source>%Ln call(s) made; each is in the history.</source>
        <extracomment>Where a campaign can end, in the order the summary names them.</extracomment>
        <translation>
            <numerusform>%Ln call made; it is in the history.</numerusform>
            <numerusform>%Ln calls made; each is in the history.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>(%Ln skipped by you)</source>
        <translation>
            <numerusform>(%Ln skipped by you)</numerusform>
            <numerusform>(%Ln skipped by you)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Start of %Ln campaign(s):</source>
        <translation>
            <numerusform>Start of %Ln campaign:</numerusform>
            <numerusform>Start of %Ln campaigns:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Stop of %Ln campaign(s):</source>
        <translation>
            <numerusform>Stop of %Ln campaign:</numerusform>
            <numerusform>Stop of %Ln campaigns:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln started</source>
        <translation>
            <numerusform>%Ln started</numerusform>
            <numerusform>%Ln started</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln stopped</source>
        <translation>
            <numerusform>%Ln stopped</numerusform>
            <numerusform>%Ln stopped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln already started</source>
        <translation>
            <numerusform>%Ln already started</numerusform>
            <numerusform>%Ln already started</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln already stopped</source>
        <translation>
            <numerusform>%Ln already stopped</numerusform>
            <numerusform>%Ln already stopped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln refused by Wolkvox</source>
        <translation>
            <numerusform>%Ln refused by Wolkvox</numerusform>
            <numerusform>%Ln refused by Wolkvox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln not delivered</source>
        <translation>
            <numerusform>%Ln not delivered</numerusform>
            <numerusform>%Ln not delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln with the outcome unknown</source>
        <translation>
            <numerusform>%Ln with the outcome unknown</numerusform>
            <numerusform>%Ln with the outcome unknown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln not sent (refused here)</source>
        <translation>
            <numerusform>%Ln not sent (refused here)</numerusform>
            <numerusform>%Ln not sent (refused here)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln never sent</source>
        <translation>
            <numerusform>%Ln never sent</numerusform>
            <numerusform>%Ln never sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnsentOffer</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/bulk/unsent_offer.py" line="+77"/>
        <source>%n campaign(s) of the last run were not sent — start them now?</source>
        <translation>
            <numerusform>%n campaign of the last run was not sent — start it now?</numerusform>
            <numerusform>%n campaigns of the last run were not sent — start them now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n campaign(s) of the last run were not sent — stop them now?</source>
        <translation>
            <numerusform>%n campaign of the last run was not sent — stop it now?</numerusform>
            <numerusform>%n campaigns of the last run were not sent — stop them now?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/messages.py" line="+318"/>
        <source>Wolkvox is busy with other calls on this token; trying again in %n second(s)…</source>
        <translation>
            <numerusform>Wolkvox is busy with other calls on this token; trying again in %n second…</numerusform>
            <numerusform>Wolkvox is busy with other calls on this token; trying again in %n seconds…</numerusform>
        </translation>
    </message>
</context>
</TS>
