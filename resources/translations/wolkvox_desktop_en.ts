<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CampaignPage</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/window/campaign_page.py" line="+239"/>
        <source>%Ln campaign(s)</source>
        <translation>
            <numerusform>%Ln campaign</numerusform>
            <numerusform>%Ln campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln of {total} campaign(s) shown</source>
        <translation>
            <numerusform>%Ln of {total} campaigns shown</numerusform>
            <numerusform>%Ln of {total} campaigns shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/bulk/confirm_page.py" line="+144"/>
        <source>Nothing to do: the %Ln campaign(s) selected are already started.</source>
        <translation>
            <numerusform>Nothing to do: the campaign selected is already started.</numerusform>
            <numerusform>Nothing to do: the %Ln campaigns selected are already started.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Nothing to do: the %Ln campaign(s) selected are already stopped.</source>
        <translation>
            <numerusform>Nothing to do: the campaign selected is already stopped.</numerusform>
            <numerusform>Nothing to do: the %Ln campaigns selected are already stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
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
        <location line="+56"/>
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
        <location filename="../../wolkvox_desktop/gui/history/window.py" line="+224"/>
        <source>%Ln call(s) shown.</source>
        <translation>
            <numerusform>%Ln call shown.</numerusform>
            <numerusform>%Ln calls shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeepRunningQuestion</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/plans/tray.py" line="+97"/>
        <source>%n plan(s) are scheduled. Keep Wolkvox Desktop running in the system tray so that they run at their time?</source>
        <translation>
            <numerusform>%n plan is scheduled. Keep Wolkvox Desktop running in the system tray so that it runs at its time?</numerusform>
            <numerusform>%n plans are scheduled. Keep Wolkvox Desktop running in the system tray so that they run at their time?</numerusform>
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
        <location filename="../../wolkvox_desktop/gui/plans/editor.py" line="+153"/>
        <source>%n selected campaign(s) left out: their type (preview or predictive) is not known. Refresh the list, or add them by hand in the main window first.</source>
        <translation>
            <numerusform>%n selected campaign left out: its type (preview or predictive) is not known. Refresh the list, or add it by hand in the main window first.</numerusform>
            <numerusform>%n selected campaigns left out: their type (preview or predictive) is not known. Refresh the list, or add them by hand in the main window first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n selected campaign(s) left out: their type (preview or predictive) is not known.</source>
        <translation>
            <numerusform>%n selected campaign left out: its type (preview or predictive) is not known.</numerusform>
            <numerusform>%n selected campaigns left out: their type (preview or predictive) is not known.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+73"/>
        <source>A plan&apos;s name is at most %n character(s) long.</source>
        <translation>
            <numerusform>A plan&apos;s name is at most %n character long.</numerusform>
            <numerusform>A plan&apos;s name is at most %n characters long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>A plan holds at most %Ln campaign(s).</source>
        <translation>
            <numerusform>A plan holds at most %Ln campaign.</numerusform>
            <numerusform>A plan holds at most %Ln campaigns.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanList</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/plans/plan_list.py" line="+63"/>
        <source>Start %Ln campaign(s)</source>
        <translation>
            <numerusform>Start %Ln campaign</numerusform>
            <numerusform>Start %Ln campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Stop %Ln campaign(s)</source>
        <translation>
            <numerusform>Stop %Ln campaign</numerusform>
            <numerusform>Stop %Ln campaigns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanNotices</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/plans/notices.py" line="+78"/>
        <source>The other %Ln campaign(s) were not sent.</source>
        <translation>
            <numerusform>The other campaign was not sent.</numerusform>
            <numerusform>The other %Ln campaigns were not sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Plan “{name}” is running on schedule: %Ln campaign(s), one after the other…</source>
        <translation>
            <numerusform>Plan “{name}” is running on schedule: %Ln campaign…</numerusform>
            <numerusform>Plan “{name}” is running on schedule: %Ln campaigns, one after the other…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n scheduled plan(s) were missed</source>
        <translation>
            <numerusform>%n scheduled plan was missed</numerusform>
            <numerusform>%n scheduled plans were missed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Its %Ln call(s) would pass today&apos;s token budget for operation {server}, so nothing was sent. The history says so.</source>
        <translation>
            <numerusform>Its %Ln call would pass today&apos;s token budget for operation {server}, so nothing was sent. The history says so.</numerusform>
            <numerusform>Its %Ln calls would pass today&apos;s token budget for operation {server}, so nothing was sent. The history says so.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln campaign(s) started.</source>
        <translation>
            <numerusform>%Ln campaign started.</numerusform>
            <numerusform>%Ln campaigns started.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln campaign(s) stopped.</source>
        <translation>
            <numerusform>%Ln campaign stopped.</numerusform>
            <numerusform>%Ln campaigns stopped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlansPanel</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/plans/panel.py" line="+355"/>
        <source>%n plan(s) exported to {path}.</source>
        <translation>
            <numerusform>%n plan exported to {path}.</numerusform>
            <numerusform>%n plans exported to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>%n plan(s) imported</source>
        <translation>
            <numerusform>%n plan imported</numerusform>
            <numerusform>%n plans imported</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/bulk/progress_page.py" line="+83"/>
        <source>{sent} of %Ln campaign(s) sent</source>
        <translation>
            <numerusform>{sent} of %Ln campaign sent</numerusform>
            <numerusform>{sent} of %Ln campaigns sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln already started: not called</source>
        <translation>
            <numerusform>%Ln already started: not called</numerusform>
            <numerusform>%Ln already started: not called</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln already stopped: not called</source>
        <translation>
            <numerusform>%Ln already stopped: not called</numerusform>
            <numerusform>%Ln already stopped: not called</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleSwitch</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/plans/schedule_switch.py" line="+172"/>
        <source>no check for %n minute(s) (the last at {time}); the computer may have been asleep.</source>
        <translation>
            <numerusform>no check for %n minute (the last at {time}); the computer may have been asleep.</numerusform>
            <numerusform>no check for %n minutes (the last at {time}); the computer may have been asleep.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/settings/dialog.py" line="+405"/>
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
        <location filename="../../wolkvox_desktop/gui/bulk/close_question.py" line="+50"/>
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
        <location filename="../../wolkvox_desktop/gui/bulk/summary.py" line="+135"/>
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
        <location filename="../../wolkvox_desktop/gui/bulk/unsent_offer.py" line="+91"/>
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
        <location filename="../../wolkvox_desktop/gui/messages.py" line="+415"/>
        <source>Wolkvox is busy with other calls on this token; trying again in %n second(s)…</source>
        <translation>
            <numerusform>Wolkvox is busy with other calls on this token; trying again in %n second…</numerusform>
            <numerusform>Wolkvox is busy with other calls on this token; trying again in %n seconds…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Wolkvox was busy at first: the app sent it %n time(s) in all.</source>
        <translation>
            <numerusform>Wolkvox was busy at first: the app sent it %n time in all.</numerusform>
            <numerusform>Wolkvox was busy at first: the app sent it %n times in all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Words</name>
    <message numerus="yes">
        <location filename="../../wolkvox_desktop/gui/window/status_entry.py" line="+157"/>
        <source>The run stopped before these %n campaign(s): nothing was sent for them. {campaigns}</source>
        <translation>
            <numerusform>The run stopped before this campaign: nothing was sent for it. {campaigns}</numerusform>
            <numerusform>The run stopped before these %n campaigns: nothing was sent for them. {campaigns}</numerusform>
        </translation>
    </message>
</context>
</TS>
