"""Outcomes and results: errors are values a supervisor can act on.

Every call ends in a :class:`CallResult` whose :class:`Outcome` is one of four categories
(plus ``ok``), and whose :class:`Reason` names the precise situation. The GUI translates a
``Reason`` into the user's language (``tr()``); the CLI prints :attr:`CallResult.message`,
the English sentence. Neither ever contains the token.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Outcome(str, Enum):
    """The category of a call's end, as the supervisor must understand it."""

    OK = "ok"
    INVALID = "invalid"  # invalid input: nothing was sent
    REFUSED = "refused"  # Wolkvox answered with an error
    UNDELIVERED = "undelivered"  # nothing reached Wolkvox (DNS, refused connection, TLS)
    UNKNOWN = "unknown"  # it may or may not have happened (timeout after sending, 5xx, ...)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self]


EXIT_CODES: dict[Outcome, int] = {
    Outcome.OK: 0,
    Outcome.INVALID: 2,
    Outcome.REFUSED: 3,
    Outcome.UNDELIVERED: 4,
    Outcome.UNKNOWN: 5,
}


class Reason(str, Enum):
    """The precise situation behind an outcome. Stable keys: the GUI translates them."""

    OK = "ok"
    # invalid input (nothing sent)
    BAD_SERVER_CODE = "bad_server_code"
    BAD_CAMPAIGN_ID = "bad_campaign_id"
    BAD_CAMPAIGN_TYPE = "bad_campaign_type"
    BAD_SPEED = "bad_speed"  # a campaign's speed is a whole number from 0 to 100
    NO_TOKEN = "no_token"
    BAD_API_BASE = "bad_api_base"
    TEST_SERVER_NEEDS_TOKEN = "test_server_needs_token"  # WOLKVOX_API_BASE without WOLKVOX_TOKEN
    BUDGET_EXHAUSTED = "budget_exhausted"  # our own daily budget says no; nothing sent
    GATE_BUSY = "gate_busy"  # another call on this token is in flight; nothing sent
    CANCELLED = "cancelled"  # the user/app cancelled before anything was sent
    NOT_RUN = "not_run"  # a bulk run stopped before this campaign: nothing was sent
    # refused by Wolkvox (documented error table)
    MISSING_TOKEN = "missing_token"  # 401 PLEASE ENTER THE WOLKVOX-TOKEN
    INVALID_TOKEN = "invalid_token"  # 403 PLEASE VALIDATE TOKEN
    DAILY_LIMIT = "daily_limit"  # 403 TOKEN LIMIT EXCEEDED
    SIMULTANEOUS_LIMIT = "simultaneous_limit"  # 403 EXCEEDS THE LIMIT OF SIMULTANEOUS ...
    UNKNOWN_API = "unknown_api"  # 400 THE API YOU WANT TO CONSULT DOES NOT EXIST
    MISSING_PARAMETERS = "missing_parameters"  # 400 SOME PARAMETERS ARE REQUIRED
    MAINTENANCE = "maintenance"  # 403 with an unrecognised message (backup/maintenance)
    REFUSED_OTHER = "refused_other"  # any other 4xx / error code with a JSON body
    # not delivered
    DNS_FAILURE = "dns_failure"
    CONNECTION_REFUSED = "connection_refused"
    TLS_FAILURE = "tls_failure"
    CONNECT_TIMEOUT = "connect_timeout"
    # outcome unknown
    READ_TIMEOUT = "read_timeout"
    CONNECTION_RESET = "connection_reset"
    SERVER_ERROR = "server_error"  # 5xx
    NOT_JSON = "not_json"  # HTML page, empty body, malformed JSON
    REDIRECT = "redirect"  # 3xx: not followed, the token never went elsewhere
    TOO_LARGE = "too_large"  # body over the size bound
    UNEXPECTED = "unexpected"  # anything else (a bug); logged
    INTERRUPTED = "interrupted"  # the app stopped or aborted the call after it may have been sent
    STORE_FAILURE = "store_failure"  # the history could not be written; nothing was sent
    SLOT_UNAVAILABLE = "slot_unavailable"  # the token's cross-process slot cannot be had


#: Refusals that are a problem of this computer (the data file, the lock folder), not of
#: what was typed: nothing was sent, and the command exits 1 ("a local problem"), not 2.
LOCAL_REASONS = frozenset({Reason.STORE_FAILURE, Reason.SLOT_UNAVAILABLE})
EXIT_LOCAL = 1


class NoticeKind(str, Enum):
    """News about a call that is not its end (the faces show it while they wait)."""

    WAITING_FOR_TOKEN = "waiting_for_token"  # another call with this token is in flight
    BUSY_RETRY = "busy_retry"  # Wolkvox refused as busy; sending again after a pause
    HISTORY_DEFERRED = "history_deferred"  # the store was busy: the answer is in the journal


@dataclass(frozen=True)
class Notice:
    """``message`` is an English sentence (the CLI prints it; the GUI translates by kind)."""

    kind: NoticeKind
    message: str
    seconds: float | None = None  # BUSY_RETRY: the pause before the next attempt
    attempt: int | None = None  # BUSY_RETRY: which retry this is (1..3)


NoticeSink = Callable[[Notice], None]


class InvalidInput(ValueError):
    """Raised by validators. ``str(exc)`` is a sentence for the supervisor (no secrets)."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class CallResult:
    """What one call ended in. Never holds the token.

    ``data`` carries the parsed payload of read calls (``list[Campaign]`` for
    ``list_campaigns``, :class:`~wolkvox_desktop.core.api.TokenInfo` for ``token_info``).
    """

    outcome: Outcome
    reason: Reason
    message: str
    http_status: int | None = None
    code: int | None = None
    error: str | None = None
    msg: str | None = None
    duration_ms: int = 0
    data: Any = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK

    @property
    def exit_code(self) -> int:
        """The command's exit code for this result: its outcome's, except 1 for a local
        problem (:data:`LOCAL_REASONS`)."""
        if self.reason in LOCAL_REASONS:
            return EXIT_LOCAL
        return self.outcome.exit_code

    @classmethod
    def invalid(cls, exc: InvalidInput) -> CallResult:
        return cls(Outcome.INVALID, exc.reason, exc.message)

    @classmethod
    def unexpected(cls) -> CallResult:
        """A bug of ours during a call (logged where it happened): it may have been sent."""
        return cls(
            Outcome.UNKNOWN,
            Reason.UNEXPECTED,
            "Something went wrong inside Wolkvox Desktop during this call; it may or may not "
            "have reached Wolkvox. Refresh the campaign list before trying again.",
        )

    def to_json_dict(self) -> dict[str, Any]:
        """The CLI's ``--json`` object: exactly these keys."""
        return {
            "ok": self.ok,
            "outcome": self.outcome.value,
            "http_status": self.http_status,
            "code": self.code,
            "error": self.error,
            "msg": self.msg if self.msg is not None else self.message,
            "duration_ms": self.duration_ms,
        }
