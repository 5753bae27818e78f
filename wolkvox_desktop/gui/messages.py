"""Sentences for the supervisor, in their language: outcomes, reasons, actions.

``core.errors`` gives every result a stable :class:`Reason`; this module turns it into a
translated sentence (context ``"Messages"`` for Qt Linguist). When a reason has no
sentence here, the core's English :attr:`CallResult.message` is shown instead.

Every string is a literal inside ``QCoreApplication.translate`` so ``pyside6-lupdate``
finds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from wolkvox_desktop.gui.local_format import at_time, date_and_time, number
from wolkvox_desktop.gui.outcome_look import outcome_words

if TYPE_CHECKING:
    # the core's values load where a sentence needs them: the window's first frame (the
    # type names in the action row) needs none of them
    from wolkvox_desktop.core.errors import CallResult, Notice, Reason
    from wolkvox_desktop.core.store.notices import Recovery

PENDING = "pending"
INTERRUPTED = "interrupted"  # store: a pending row whose process is gone
NOT_RUN = "not_run"  # core.errors.Reason.NOT_RUN: a run stopped before the campaign


def action_label(action: str | None) -> str:
    """``start``/``stop``/``campaigns``/``token_info`` as the supervisor says it."""
    if action == "start":
        return QCoreApplication.translate("Messages", "Start")
    if action == "stop":
        return QCoreApplication.translate("Messages", "Stop")
    if action == "campaigns":
        return QCoreApplication.translate("Messages", "List campaigns")
    if action == "token_info":
        return QCoreApplication.translate("Messages", "Token count")
    if action == "test":
        return QCoreApplication.translate("Messages", "Test connection")
    return action or ""


def campaign_status_label(status: str | None) -> str:
    value = (status or "").lower()
    if value == "started":
        return QCoreApplication.translate("Messages", "Started")
    if value == "stopped":
        return QCoreApplication.translate("Messages", "Stopped")
    return QCoreApplication.translate("Messages", "Unknown")


def campaign_type_label(campaign_type: str | None) -> str:
    value = (campaign_type or "").lower()
    if value == "preview":
        return QCoreApplication.translate("Messages", "Preview")
    if value == "predictive":
        return QCoreApplication.translate("Messages", "Predictive")
    return "—"


def success_sentence(action: str | None, campaign_id: str | None) -> str:
    cid = campaign_id or ""
    if action == "start":
        return QCoreApplication.translate("Messages", "Campaign {0} was started.").format(cid)
    if action == "stop":
        return QCoreApplication.translate("Messages", "Campaign {0} was stopped.").format(cid)
    if action == "campaigns":
        return QCoreApplication.translate("Messages", "The campaign list was updated.")
    if action == "token_info":
        return QCoreApplication.translate("Messages", "Wolkvox reported today's token use.")
    return QCoreApplication.translate("Messages", "Done.")


def reason_sentence(reason: Reason | str | None) -> str | None:
    """The translated sentence for a reason, or ``None`` when there is none here."""
    from wolkvox_desktop.core.errors import Reason

    # named _translate, not tr: lupdate reads _translate("Messages", "...") as a context-less
    # "Messages" (tools/update_translations.py knows the _translate spelling)
    _translate = QCoreApplication.translate
    if reason == INTERRUPTED:
        return _translate(
            "Messages",
            "The app stopped before Wolkvox answered, so this call may or may not have "
            "happened. Refresh the campaign list before trying again.",
        )
    try:
        key = Reason(reason) if reason is not None else None
    except ValueError:
        return None
    sentences: dict[Reason, str] = {
        Reason.BAD_SERVER_CODE: _translate(
            "Messages",
            "The server code must be the digits Wolkvox gave your operation, such as 0032. "
            "Nothing was sent.",
        ),
        Reason.BAD_CAMPAIGN_ID: _translate(
            "Messages", "Enter a valid campaign ID (at most 64 characters). Nothing was sent."
        ),
        Reason.BAD_CAMPAIGN_TYPE: _translate(
            "Messages", "Choose the campaign type: preview or predictive. Nothing was sent."
        ),
        Reason.BAD_SPEED: _translate(
            "Messages", "Choose a speed from 0 to 100. Nothing was sent."
        ),
        Reason.NO_TOKEN: _translate(
            "Messages",
            "No token is saved for this operation. Add it in Settings. Nothing was sent.",
        ),
        Reason.TEST_SERVER_NEEDS_TOKEN: _translate(
            "Messages",
            "WOLKVOX_API_BASE points this window at a test server: only the token in "
            "WOLKVOX_TOKEN is sent there, never a saved one. Nothing was sent.",
        ),
        Reason.BAD_API_BASE: _translate(
            "Messages",
            "The test address in WOLKVOX_API_BASE is not allowed (only this computer). "
            "Nothing was sent.",
        ),
        Reason.BUDGET_EXHAUSTED: _translate(
            "Messages",
            "Today's token budget for this operation is used up. Nothing was sent; raise the "
            "number of licenses in Settings, or confirm to go over it.",
        ),
        Reason.GATE_BUSY: _translate(
            "Messages",
            "Another call with this token is still running. Nothing was sent; try again when "
            "it has finished.",
        ),
        Reason.CANCELLED: _translate("Messages", "Cancelled before anything was sent."),
        Reason.NOT_RUN: _translate(
            "Messages", "The run stopped before this campaign: nothing was sent for it."
        ),
        Reason.MISSING_TOKEN: _translate(
            "Messages", "Wolkvox did not receive a token. Check the token in Settings."
        ),
        Reason.INVALID_TOKEN: _translate(
            "Messages",
            "Wolkvox rejected the token. Check in Settings that it is this operation's "
            "current token.",
        ),
        Reason.DAILY_LIMIT: _translate(
            "Messages",
            "Wolkvox says this token's daily limit is used up. Nothing more can be done "
            "with it today.",
        ),
        Reason.SIMULTANEOUS_LIMIT: _translate(
            "Messages",
            "Wolkvox refused: too many calls with this token at the same time. Wait a "
            "moment and try again.",
        ),
        Reason.UNKNOWN_API: _translate(
            "Messages", "Wolkvox does not know this request. Please report this problem."
        ),
        Reason.MISSING_PARAMETERS: _translate(
            "Messages",
            "Wolkvox says some information was missing. Check the campaign ID and type.",
        ),
        Reason.MAINTENANCE: _translate(
            "Messages",
            "Wolkvox refused the call, possibly because of maintenance. Try again later.",
        ),
        Reason.REFUSED_OTHER: _translate(
            "Messages",
            "Wolkvox refused the call. Its message is shown in the details; check the "
            "campaign ID and type.",
        ),
        Reason.DNS_FAILURE: _translate(
            "Messages",
            "The Wolkvox server was not found. Check the server code and your internet "
            "connection. Nothing reached Wolkvox.",
        ),
        Reason.CONNECTION_REFUSED: _translate(
            "Messages",
            "Could not connect to Wolkvox. Check your internet connection. Nothing reached "
            "Wolkvox.",
        ),
        Reason.TLS_FAILURE: _translate(
            "Messages",
            "The secure connection to Wolkvox could not be established. Nothing reached "
            "Wolkvox.",
        ),
        Reason.CONNECT_TIMEOUT: _translate(
            "Messages",
            "Wolkvox did not answer the connection in time. Nothing reached Wolkvox.",
        ),
        Reason.READ_TIMEOUT: _translate(
            "Messages",
            "No answer in time: the action may or may not have happened. Refresh the "
            "campaign list before trying again.",
        ),
        Reason.CONNECTION_RESET: _translate(
            "Messages",
            "The connection broke before the answer: the action may or may not have "
            "happened. Refresh the campaign list before trying again.",
        ),
        Reason.SERVER_ERROR: _translate(
            "Messages",
            "Wolkvox had a server error: the action may or may not have happened. Refresh "
            "the campaign list before trying again.",
        ),
        Reason.NOT_JSON: _translate(
            "Messages",
            "Wolkvox's answer could not be read: the action may or may not have happened. "
            "Refresh the campaign list before trying again.",
        ),
        Reason.REDIRECT: _translate(
            "Messages",
            "Wolkvox answered with a redirection, which is not followed (the token stays "
            "safe). The action may or may not have happened; refresh the list before "
            "trying again.",
        ),
        Reason.TOO_LARGE: _translate(
            "Messages",
            "Wolkvox's answer was too large to read: the action may or may not have "
            "happened. Refresh the campaign list before trying again.",
        ),
        Reason.UNEXPECTED: _translate(
            "Messages",
            "Something went wrong inside Wolkvox Desktop: the action may or may not have "
            "happened. Refresh the campaign list before trying again.",
        ),
        Reason.STORE_FAILURE: _translate(
            "Messages",
            "Nothing was sent: the activity history could not be written. Try again in a "
            "moment; if it keeps failing, the log file says why (a full disk, a data file "
            "that is read-only or held by another program).",
        ),
        Reason.SLOT_UNAVAILABLE: _translate(
            "Messages",
            "Nothing was sent: the lock files that keep one call at a time per token across "
            "this app's windows, commands and scheduled runs cannot be used (the “locks” "
            "folder in the app's data folder is a link, belongs to another account, or its "
            "disk cannot lock files). Remove that folder (the app makes it again) or ask IT "
            "to check it.",
        ),
    }
    if key is None or key is Reason.OK:
        return None
    return sentences.get(key)


def pending_sentence(in_progress: bool) -> str:
    if in_progress:
        return QCoreApplication.translate("Messages", "Waiting for Wolkvox's answer…")
    return QCoreApplication.translate(
        "Messages",
        "Still waiting for an answer in another window or in the command line: it may or "
        "may not have happened yet. Refresh the campaign list before trying again.",
    )


def describe(result: CallResult, action: str | None = None, campaign_id: str | None = None) -> str:
    """The sentence for a finished call, in the UI language."""
    from wolkvox_desktop.core.errors import Reason

    if result.ok:
        return success_sentence(action, campaign_id)
    if result.reason is Reason.NO_TOKEN and "keyring" in (result.message or "").lower():
        return keyring_unreadable_sentence()
    return reason_sentence(result.reason) or result.message


def window_language_is_english() -> bool:
    """The window speaks English (``QLocale()`` follows its language: gui/i18n.py)."""
    from PySide6.QtCore import QLocale

    return QLocale().language() == QLocale.Language.English


def worker_sentence(text: str) -> str:
    """A sentence the worker wrote in English (a problem outside a call, why a save
    failed), in the window's language. One it does not know stays English in an English
    window and becomes a general sentence in another (never English inside Spanish)."""
    _translate = QCoreApplication.translate
    known = {
        "The campaign list could not be changed.": _translate(
            "Messages", "The campaign list could not be changed."),
        "The saved campaigns and history could not be read.": _translate(
            "Messages", "The saved campaigns and history could not be read."),
        "The local database could not be opened. The log file has the details.": _translate(
            "Messages", "The local database could not be opened. The log file has the "
            "details."),
        "The token could not be removed from the keyring.": _translate(
            "Messages", "The token could not be removed from the keyring."),
        "The operation could not be deleted completely.": _translate(
            "Messages", "The operation could not be deleted completely."),
        "Check the numbers in the form.": _translate(
            "Messages", "Check the numbers in the form."),
        "The operation could not be saved.": _translate(
            "Messages", "The operation could not be saved."),
        "Enter the operation's API token.": _translate(
            "Messages", "Enter the operation's API token."),
    }
    if text in known:
        return known[text]
    if text.startswith("That token is too long"):
        return _translate("Messages", "That token is too long: copy only the token from the "
                          "Wolkvox manager.")
    if text.startswith("That token contains"):
        return _translate("Messages", "That token contains spaces, line breaks or characters "
                          "a Wolkvox token does not have: copy only the token from the "
                          "Wolkvox manager.")
    if not text or window_language_is_english():
        return text
    return _translate("Messages", "The log file has the details.")


def keyring_unreadable_sentence() -> str:
    return QCoreApplication.translate(
        "Messages",
        "The token could not be read from the system keyring (it may be locked). Unlock the "
        "keyring, or enter the token again in Settings for this session. Nothing was sent.",
    )


def describe_row(
    outcome: str, reason: str | None, action: str | None, campaign_id: str | None,
    *, fallback: str = "", in_progress: bool = False,
) -> str:
    """The sentence for a history row (outcome may be ``pending``)."""
    from wolkvox_desktop.core.errors import Outcome, Reason

    if outcome == PENDING:
        return pending_sentence(in_progress)
    if outcome == Outcome.OK.value:
        return success_sentence(action, campaign_id)
    sentence = reason_sentence(reason)
    if sentence:
        return sentence
    if fallback:
        return fallback
    if outcome == Outcome.UNKNOWN.value:
        return reason_sentence(Reason.UNEXPECTED) or ""
    return outcome_words(outcome)


def token_info_sentence(result: object) -> str:
    """Wolkvox's own figure for today's token use, or why it could not be had."""
    from wolkvox_desktop.core.errors import CallResult

    if not isinstance(result, CallResult):
        return ""
    if not result.ok:
        return QCoreApplication.translate(
            "BulkDialog", "Wolkvox's figure could not be read: {sentence}"
        ).format(sentence=describe(result, "token_info"))
    from datetime import datetime

    info = result.data
    used = getattr(info, "token_use_today", None)
    limit = getattr(info, "token_limit", None)
    when = at_time(datetime.now().astimezone())
    if used is None and limit is None:
        return QCoreApplication.translate(
            "BulkDialog", "Wolkvox answered {at} but gave no figures."
        ).format(at=when)
    return QCoreApplication.translate(
        "BulkDialog",
        "Wolkvox counts {used} of {limit} token uses today (checked {at}; this check "
        "used one).",
    ).format(
        used="?" if used is None else number(used), limit="?" if limit is None else number(limit),
        at=when,
    )


def notice_sentence(notice: Notice) -> str:
    """News about a call still in flight, in the window's language."""
    from wolkvox_desktop.core.errors import NoticeKind

    if notice.kind is NoticeKind.BUSY_RETRY:
        return _Plurals().busy_retry(max(1, round(notice.seconds or 1)))
    if notice.kind is NoticeKind.HISTORY_DEFERRED:
        return QCoreApplication.translate(
            "Messages",
            "The data file was busy, so Wolkvox's answer is kept beside it and goes into the "
            "history as soon as the app can write there.",
        )
    return QCoreApplication.translate(
        "Messages", "Waiting for another call with this token to finish…"
    )


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly: Qt renders a tooltip that looks like HTML as
    rich text, and campaign ids and names come from the network. Never rich text."""
    import html

    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def resent_sentence(attempts: int) -> str:
    """A call the app sent again while Wolkvox was busy: how many times in all."""
    return _Plurals().resent(attempts)


def resent_attempt_sentence() -> str:
    """One busy answer of a call the app then sent again (an export lists every attempt)."""
    return QCoreApplication.translate(
        "Messages",
        "Wolkvox was busy with other calls on this token, so the app sent this call again "
        "by itself: its outcome is on the attempt that followed.",
    )


class _Plurals(QObject):
    """Sentences with a count: pyside6-lupdate records plural forms only for ``self.tr``."""

    def busy_retry(self, seconds: int) -> str:
        return self.tr(
            "Wolkvox is busy with other calls on this token; trying again in %n second(s)…",
            "",
            seconds,
        )

    def resent(self, attempts: int) -> str:
        return self.tr("Wolkvox was busy at first: the app sent it %n time(s) in all.", "",
                       attempts)


def recovered_sentence(recovery: Recovery) -> str:
    """The data file was damaged and rebuilt (``core.store.notices.Recovery``): where the
    damaged file is kept, what was restored, what may be lost, today's usage."""
    rows = recovery.restored
    parts = [
        QCoreApplication.translate(
            "Messages", "The data file was damaged and has been rebuilt. The damaged file was "
            "kept as:\n{0}").format(str(recovery.kept)),
        QCoreApplication.translate(
            "Messages", "Restored: operations {0}, plans {1}, saved campaigns {2}, history "
            "rows {3}.").format(*(number(rows.get(t, 0)) for t in
                                  ("operations", "plans", "campaigns", "history"))),
    ]
    when = date_and_time(recovery.backup_at) if recovery.backup_at else ""
    if recovery.backup_at is not None and any(recovery.from_backup.values()):
        parts.append(QCoreApplication.translate(
            "Messages", "Part of it came from the backup of {0}.").format(when))
    if not recovery.lost:
        parts.append(QCoreApplication.translate("Messages", "Nothing was lost."))
    else:
        names = ", ".join(_table_name(t) for t in recovery.lost)
        if recovery.backup_at is not None:
            parts.append(QCoreApplication.translate(
                "Messages", "Changes made after the backup of {0} may be lost from: {1}."
            ).format(when, names))
        else:
            parts.append(QCoreApplication.translate(
                "Messages", "What could not be read is lost from: {0}.").format(names))
    if not recovery.usage_known:
        parts.append(QCoreApplication.translate(
            "Messages", "Today's token use could not be counted exactly: the count shown is "
            "at least what was recorded. Check it before starting many campaigns today."))
    return "\n\n".join(parts)


def _table_name(table: str) -> str:
    names = {
        "operations": QCoreApplication.translate("Messages", "operations"),
        "plans": QCoreApplication.translate("Messages", "plans"),
        "plan_slots": QCoreApplication.translate("Messages", "plan runs"),
        "campaigns": QCoreApplication.translate("Messages", "saved campaigns"),
        "history": QCoreApplication.translate("Messages", "the history"),
    }
    return names.get(table, table)
