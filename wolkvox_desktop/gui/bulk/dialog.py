"""The bulk start/stop dialog: confirm once, then watch each campaign's outcome arrive."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from wolkvox_desktop.core.bulk import BulkPlan, plan_bulk
from wolkvox_desktop.core.bulk_run import BulkRun, BulkSummary
from wolkvox_desktop.core.campaigns import Action, Campaign
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Notice, Reason
from wolkvox_desktop.gui import messages
from wolkvox_desktop.gui.bulk.budget import UsageLike, budget_state, confirm_over_budget
from wolkvox_desktop.gui.bulk.close_question import QUESTION_NAME, StopQuestion, ask_to_stop
from wolkvox_desktop.gui.bulk.confirm_page import ConfirmPage
from wolkvox_desktop.gui.bulk.progress_page import ProgressPage
from wolkvox_desktop.gui.bulk.runner import BeforeRun, BulkRunner
from wolkvox_desktop.gui.bulk.summary import RunCounts, campaign_label

if TYPE_CHECKING:
    from wolkvox_desktop.gui.worker import WorkerHandle


def _as_plan_input(entry: object) -> object:
    """A ``SavedCampaign`` becomes its ``Campaign`` (plan_bulk takes campaigns/items)."""
    campaign = getattr(entry, "campaign", None)
    return campaign if isinstance(campaign, Campaign) else entry


class BulkDialog(QDialog):
    """Start or stop several campaigns of one operation, one after the other.

    Non-modal: the main window stays usable (its calls share the token gate with the
    run). The run is a :class:`~.runner.BulkRunner` on the window's worker ``handle``;
    this dialog never waits. Pages: :class:`~.confirm_page.ConfirmPage`, then
    :class:`~.progress_page.ProgressPage` (outcomes, the pause question, the summary).
    Esc, ✕ or *Stop the run…* during a run ask first (:mod:`.close_question`).
    ``plan_name``: a shift plan's *Run now* (its history rows carry the name);
    ``include_in_state``: call the campaigns already in that state too (a plan calls all);
    ``before_run``: a job before the first call that may refuse the run (a plan's run is
    recorded as begun there; :class:`~.runner.BulkRunner`), its sentence then shown on the
    confirmation page.

    Signals (GUI thread, after the dialog has shown the news): ``itemStarted(int, str)``,
    ``itemFinished(int, object CallResult)``, ``runPaused(int, object CallResult)``,
    ``runRefused(object CallResult)``, ``runFinished(object BulkSummary)``,
    ``tokenInfoShown(object CallResult)``, ``listChecked(object CallResult)`` (a pause's
    *Check now*: the list is kept, the window may show it),
    ``openFailed(object CallResult)``.
    """

    itemStarted = Signal(int, str)
    itemFinished = Signal(int, object)
    runPaused = Signal(int, object)
    runRefused = Signal(object)
    runFinished = Signal(object)
    tokenInfoShown = Signal(object)
    listChecked = Signal(object)
    openFailed = Signal(object)

    def __init__(self, action: Action, campaigns: Sequence[object], handle: WorkerHandle,
                 server: str, parent: QWidget | None = None, *, server_label: str = "",
                 plan_name: str | None = None, include_in_state: bool = False,
                 before_run: BeforeRun | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setModal(False)
        self.action = Action(action)
        self.server = server
        self.counts: RunCounts | None = None  # once the run is over
        self._paused_index: int | None = None
        plan: BulkPlan | None = None
        problem: str | None = None
        try:
            items = [_as_plan_input(c) for c in campaigns]
            plan = plan_bulk(self.action, items)  # type: ignore[arg-type]
        except InvalidInput as exc:
            problem = self._problem(exc, campaigns)
        self.setWindowTitle(
            self.tr("Start campaigns") if self.action is Action.START else self.tr("Stop campaigns")
        )
        self.confirmPage = ConfirmPage(self.action, plan, problem, server_label or server, self)
        self.confirmPage.includeInStateCheck.setChecked(include_in_state)
        self.progressPage = ProgressPage(self.action, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.confirmPage)
        self.pages.addWidget(self.progressPage)
        QVBoxLayout(self).addWidget(self.pages)
        self.resize(640, 520)
        self._wire_pages()

        self.runner: BulkRunner | None = None
        if plan is not None and plan.items:
            self.runner = self._make_runner(handle, server, plan_name, before_run)
            self.finished.connect(self.runner.dispose)
            self.runner.start()

    def _problem(self, exc: InvalidInput, campaigns: Sequence[object]) -> str:
        """Why these campaigns cannot make a run, in the window's language."""
        if exc.reason is Reason.BAD_CAMPAIGN_TYPE:
            for entry in campaigns:
                campaign = _as_plan_input(entry)
                ctype = getattr(campaign, "type", getattr(campaign, "campaign_type", None))
                if ctype is None:
                    cid = getattr(campaign, "id", getattr(campaign, "campaign_id", ""))
                    return self.tr("The type of campaign {campaign} is not known (preview or "
                                   "predictive): refresh the list, or add it by hand with "
                                   "its type.").format(campaign=cid)
        if exc.reason is Reason.BAD_CAMPAIGN_ID:
            return self.tr("A campaign is listed twice: each campaign can be in a run once.")
        return messages.describe(CallResult.invalid(exc))

    def _wire_pages(self) -> None:
        confirm, progress = self.confirmPage, self.progressPage
        confirm.startClicked.connect(self.confirm_and_start)
        confirm.dismissClicked.connect(self.reject)
        confirm.checkTokensClicked.connect(self.check_tokens)
        progress.stopClicked.connect(self.reject)
        progress.closeClicked.connect(self.accept)
        progress.pauseBox.skipClicked.connect(self.skip)
        progress.pauseBox.retryClicked.connect(self.retry)
        progress.pauseBox.abortClicked.connect(self.abort)
        progress.pauseBox.checkClicked.connect(self.check_list)

    def _make_runner(self, handle: WorkerHandle, server: str, plan_name: str | None,
                     before_run: BeforeRun | None) -> BulkRunner:
        runner = BulkRunner(handle, server, plan_name, before_run)
        runner.ready.connect(self._on_ready)
        runner.openFailed.connect(self._on_open_failed)
        runner.itemStarted.connect(self._on_item_started)
        runner.itemFinished.connect(self._on_item_finished)
        runner.paused.connect(self._on_paused)
        runner.refused.connect(self._on_refused)
        runner.finished.connect(self._on_finished)
        runner.tokenInfo.connect(self._on_token_info)
        runner.listChecked.connect(self._on_list_checked)
        runner.usageChanged.connect(self._on_usage_changed)
        runner.notice.connect(self._on_notice)
        return runner

    # ---------------------------------------------------------------- the supervisor
    def is_running(self) -> bool:
        return self.runner is not None and self.runner.is_running()

    @Slot()
    def confirm_and_start(self) -> bool:
        """The Start button: ask once more if the run would pass today's budget, then go."""
        plan = self.confirmPage.current_plan()
        usage = self.confirmPage.usage
        runner = self.runner
        if plan is None or plan.cost == 0 or runner is None or usage is None or runner.busy:
            return False
        over = budget_state(usage, plan.cost) == "over"
        if over and not confirm_over_budget(self, usage, plan.cost):
            return False
        if runner.busy or runner.run is not None:  # answered meanwhile (the box was modal)
            return False
        self.progressPage.begin(plan)
        self.pages.setCurrentWidget(self.progressPage)
        return runner.begin(plan, allow_over_budget=over)

    @Slot()
    def check_tokens(self) -> None:
        if self.runner is not None and self.runner.check_tokens():
            self.confirmPage.set_can_start(False)
            self.confirmPage.show_token_info(self.tr("Asking Wolkvox…"))

    @Slot()
    def skip(self) -> None:
        index = self._leave_pause()
        if index is None or self.runner is None:
            return
        self.progressPage.resultsTable.set_skipped(index)
        self.runner.skip()

    @Slot(bool)
    def retry(self, confirmed_unknown: bool = False) -> None:
        """Call the paused campaign again. An unknown outcome (it may have happened) asks
        first, as the window's single Start does: *Check now*, *Send again* or *Cancel*;
        after a check has told the campaign's status it is sent at once."""
        if self._paused_index is None or self.runner is None:
            return
        box = self.progressPage.pauseBox
        if box.needs_confirmation and not confirmed_unknown:
            from wolkvox_desktop.gui.resend_question import ask_before_resending

            item = self._run().items[self._paused_index]
            ask_before_resending(self, action=self.action.value, last_action=self.action.value,
                                 campaign=campaign_label(item), on_check=self.check_list,
                                 on_send=lambda: self.retry(True))
            return
        confirmed = confirmed_unknown or not box.needs_confirmation
        self._leave_pause()
        self.runner.retry(confirmed)

    @Slot()
    def check_list(self) -> None:
        """A pause's *Check now*: the campaign list (one token) says whether it happened."""
        if (self._paused_index is not None and self.runner is not None
                and self.runner.check_list()):
            self.progressPage.pauseBox.show_checking()

    @Slot()
    def abort(self) -> None:
        """Stop the run at a pause (the pause box's *Abort the run*)."""
        self._leave_pause()
        self.cancel()

    @Slot()
    def cancel(self) -> None:
        """Stop before the next campaign: a call already sent finishes and is shown."""
        if not self.is_running() or self.runner is None:
            return
        self.progressPage.show_stopping()
        self.runner.cancel()

    def _leave_pause(self) -> int | None:
        index, self._paused_index = self._paused_index, None
        self.progressPage.leave_pause()
        return index

    def headline(self) -> str:
        """The finished run in one line (the main window's result line)."""
        if self.counts is None:
            return ""
        return self.progressPage.summaryBox.headline(self.counts)

    # ---------------------------------------------------------------- closing
    def reject(self) -> None:
        """Esc, ✕, Cancel: during a run, ask (never cancel silently); otherwise close."""
        if self.is_running():
            if not self.progressPage.stopping:
                self.ask_to_stop()
            return
        super().reject()

    def ask_to_stop(self, *, window_closing: bool = False,
                    then: Callable[[], None] | None = None) -> QMessageBox | None:
        """*Stop after this call* (then ``then()``) or *Keep running*."""
        runner = self.runner
        if runner is None or runner.run is None:
            return None
        def stop() -> None:
            self.cancel()
            if then is not None:
                then()

        return ask_to_stop(self, not_sent=runner.not_sent_yet(),
                           paused=self._paused_index is not None,
                           window_closing=window_closing, on_stop=stop)

    def close_now(self) -> None:
        """The window is closing for good: stop the run (a call in flight is aborted: its
        outcome is recorded as unknown) and close, without asking."""
        question = self.findChild(QMessageBox, QUESTION_NAME)
        if question is not None:
            question.close()
        if self.runner is not None:
            self.runner.stop()
        self.done(QDialog.DialogCode.Rejected)

    # ---------------------------------------------------------------- the runner's news
    @Slot(object)
    def _on_ready(self, usage: UsageLike) -> None:
        self.confirmPage.set_usage(usage)
        self.confirmPage.set_can_start(True)

    @Slot(object)
    def _on_open_failed(self, result: CallResult) -> None:
        self.confirmPage.show_failure(messages.describe(result), result.outcome.value)
        self.openFailed.emit(result)

    @Slot(object)
    def _on_token_info(self, result: CallResult) -> None:
        self.confirmPage.show_token_info(messages.token_info_sentence(result))
        self.confirmPage.set_can_start(True)
        self.tokenInfoShown.emit(result)

    @Slot(object)
    def _on_list_checked(self, result: CallResult) -> None:
        index = self._paused_index
        if index is None:
            return
        campaign_id = self._run().items[index].campaign_id
        status = None
        if result.ok and isinstance(result.data, (list, tuple)):
            found = [c for c in result.data if getattr(c, "id", None) == campaign_id]
            status = found[0].status.value if found else None
            if status not in ("started", "stopped"):
                status = None
        self.progressPage.pauseBox.show_check(result, status)
        self.listChecked.emit(result)

    @Slot(object)
    def _on_usage_changed(self, usage: UsageLike) -> None:
        if self.pages.currentWidget() is self.confirmPage:
            self.confirmPage.set_usage(usage)

    @Slot(object)
    def _on_notice(self, notice: Notice) -> None:
        self.progressPage.currentLabel.setText(messages.notice_sentence(notice))

    @Slot(int, str)
    def _on_item_started(self, index: int, campaign_id: str) -> None:
        page, run = self.progressPage, self._run()
        page.resultsTable.set_running(index)
        page.show_calling(run.items[index])
        page.show_progress(run.summary())
        self._count_in_question()
        self.itemStarted.emit(index, campaign_id)

    @Slot(int, object)
    def _on_item_finished(self, index: int, result: CallResult) -> None:
        if result.reason is not Reason.CANCELLED:  # a cancelled step sent nothing
            self.progressPage.resultsTable.set_result(index, result)
        self.progressPage.show_progress(self._run().summary())
        self._count_in_question()
        self.itemFinished.emit(index, result)

    def _count_in_question(self) -> None:
        """The close question, while open, counts what is not sent now."""
        question = self.findChild(StopQuestion, QUESTION_NAME)
        if question is not None and self.runner is not None:
            question.set_not_sent(self.runner.not_sent_yet())

    @Slot(int, object)
    def _on_paused(self, index: int, result: CallResult) -> None:
        self._paused_index = index
        self.progressPage.show_paused(self._run().items[index], result)
        self.runPaused.emit(index, result)

    @Slot(object)
    def _on_refused(self, result: CallResult) -> None:
        """The run was refused before its first call (``before_run``): back to the
        confirmation, with the reason."""
        self.pages.setCurrentWidget(self.confirmPage)
        self.confirmPage.show_failure(result.message, result.outcome.value)
        self.runRefused.emit(result)

    @Slot(object)
    def _on_finished(self, summary: BulkSummary) -> None:
        self._paused_index = None
        question = self.findChild(QMessageBox, QUESTION_NAME)
        if question is not None:
            question.close()  # nothing left to stop
        self.counts = self.progressPage.show_summary(summary)
        self.runFinished.emit(summary)

    def _run(self) -> BulkRun:
        assert self.runner is not None and self.runner.run is not None
        return self.runner.run
