"""What Wolkvox's answers mean: requests as values, and every answer or failure as a result.

Pure functions, unit-tested without a network: :func:`interpret_response` turns an HTTP
status and a complete body into a :class:`~wolkvox_desktop.core.errors.CallResult` with a
sentence a supervisor can act on; the ``*_result`` helpers do the same for failures that
left no answer. Nothing here ever holds the token except :class:`ResponseContext`, which
uses it only to scrub it out of any text Wolkvox might echo.
"""

from __future__ import annotations

import json
import math
import re
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import requests
import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    NameResolutionError,
    NewConnectionError,
    ReadTimeoutError,
)

from wolkvox_desktop.core.campaigns import (
    Action,
    Campaign,
    CampaignRef,
    CampaignStatus,
    CampaignType,
    validate_campaign_id,
)
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason

CAMPAIGN_PATH = "/api/v2/campaign.php"
INFORMATION_PATH = "/api/v2/information.php"
REAL_TIME_PATH = "/api/v2/real_time.php"
#: The only paths a request may have: it is appended to the base URL as is.
DOCUMENTED_PATHS = frozenset({CAMPAIGN_PATH, INFORMATION_PATH, REAL_TIME_PATH})
_MAX_TEXT = 300  # longest Wolkvox msg/error text kept in a result


@dataclass(frozen=True)
class TokenInfo:
    token_limit: int | None
    token_use_today: int | None



CallKind = Literal["action", "campaigns", "token_info"]


@dataclass(frozen=True)
class ApiRequest:
    """One documented call, ready to send: method, path and query pairs (not yet encoded)."""

    kind: CallKind
    method: str
    path: str
    params: tuple[tuple[str, str], ...]
    action: Action | None = None
    campaign_id: str | None = None
    campaign_type: CampaignType | None = None

    def __post_init__(self) -> None:
        # The path is appended to the base URL as is: anything but a documented path could
        # change the host ("@evil.com/...") and take the token with it.
        if self.path not in DOCUMENTED_PATHS:
            raise ValueError(f"not a documented Wolkvox path: {self.path[:60]!r}")
        if self.method not in ("GET", "PUT"):
            raise ValueError(f"unsupported method: {self.method[:10]!r}")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in self.params):
            raise TypeError("query parameters must be pairs of strings")

    @classmethod
    def campaign_action(cls, action: Action, campaign: CampaignRef) -> ApiRequest:
        """The request for a start or stop. ``campaign`` was checked where it was typed;
        this is the last guard before a URL is built from it (raises InvalidInput)."""
        action = Action(action)
        cid = validate_campaign_id(campaign.id)
        ctype = campaign.type
        if not isinstance(ctype, CampaignType):
            raise InvalidInput(
                Reason.BAD_CAMPAIGN_TYPE, "The campaign type must be 'preview' or 'predictive'."
            )
        params = (("api", action.value), ("type_campaign", ctype.value), ("campaign_id", cid))
        return cls("action", "PUT", CAMPAIGN_PATH, params, action, cid, ctype)

    @classmethod
    def campaigns(cls) -> ApiRequest:
        return cls("campaigns", "GET", INFORMATION_PATH, (("api", "campaigns"),))

    @classmethod
    def token_info(cls) -> ApiRequest:
        return cls("token_info", "GET", INFORMATION_PATH, (("api", "token_info"),))

    # ---- sentences ----
    @property
    def is_action(self) -> bool:
        return self.kind == "action"

    def done_sentence(self) -> str:
        if self.action is Action.START:
            return f"Wolkvox started campaign {self.campaign_id}."
        if self.action is Action.STOP:
            return f"Wolkvox stopped campaign {self.campaign_id}."
        return "Wolkvox answered."

    def refused_subject(self) -> str:
        if self.action is not None:
            return f"Wolkvox refused to {self.action.value} campaign {self.campaign_id}"
        if self.kind == "campaigns":
            return "Wolkvox refused to send the campaign list"
        return "Wolkvox refused to send today's token count"

    def not_done_subject(self) -> str:
        if self.action is Action.START:
            return f"Campaign {self.campaign_id} was not started"
        if self.action is Action.STOP:
            return f"Campaign {self.campaign_id} was not stopped"
        if self.kind == "campaigns":
            return "The campaign list was not loaded"
        return "Today's token count was not loaded"

    def unknown_sentence(self, cause: str) -> str:
        if self.action is not None:
            verb = "started" if self.action is Action.START else "stopped"
            return (
                f"Wolkvox Desktop cannot tell whether campaign {self.campaign_id} was {verb}: "
                f"{cause}. It may or may not have happened; refresh the campaign list before "
                "trying again."
            )
        return f"{self.not_done_subject()}: {cause}. Nothing was changed; try again in a moment."


@dataclass(frozen=True)
class ResponseContext:
    """What message building needs to know besides the answer itself."""

    host: str
    read_timeout: float
    max_body_bytes: int
    secret: str = field(default="", repr=False)


_ERROR_TABLE: tuple[tuple[str, Reason], ...] = (
    ("EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS", Reason.SIMULTANEOUS_LIMIT),
    ("TOKEN LIMIT EXCEEDED", Reason.DAILY_LIMIT),
    ("PLEASE VALIDATE TOKEN", Reason.INVALID_TOKEN),
    ("PLEASE ENTER THE WOLKVOX-TOKEN", Reason.MISSING_TOKEN),
    ("THE API YOU WANT TO CONSULT DOES NOT EXIST", Reason.UNKNOWN_API),
    ("SOME PARAMETERS ARE REQUIRED", Reason.MISSING_PARAMETERS),
)

_REFUSED_ADVICE: dict[Reason, str] = {
    Reason.MISSING_TOKEN: (
        "Wolkvox says no API token was sent. Save the operation's token in the settings and "
        "try again."
    ),
    Reason.INVALID_TOKEN: (
        "Wolkvox does not accept the API token. Check the token saved for this operation, or "
        "ask Wolkvox support for a new one."
    ),
    Reason.DAILY_LIMIT: (
        "Today's token limit for this operation is used up. Try again tomorrow, or ask "
        "Wolkvox for more licenses."
    ),
    Reason.SIMULTANEOUS_LIMIT: (
        "Too many requests were running with this token at the same time (Wolkvox allows 2); "
        "another program may be using the same token. Wait a moment and try again."
    ),
    Reason.UNKNOWN_API: (
        "Wolkvox does not know this request; Wolkvox Desktop may need an update."
    ),
    Reason.MISSING_PARAMETERS: (
        "Wolkvox says some parameters are missing. Check the campaign ID and type."
    ),
    Reason.MAINTENANCE: (
        "Wolkvox refused access without a known reason (HTTP 403); the server is probably in "
        "backup or maintenance. Wait a few minutes and try again."
    ),
}

_WS = re.compile(r"\s+")


def _normalise(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip().upper()


def match_error_table(msg: str | None, error: str | None) -> Reason | None:
    """The documented error-table row whose message matches (case-insensitively), if any."""
    haystack = f"{_normalise(msg)} | {_normalise(error)}"
    for phrase, reason in _ERROR_TABLE:
        if phrase in haystack:
            return reason
    return None


def parse_code(value: object) -> int | None:
    """Wolkvox's ``code``: an int, sometimes a string (``"202"``, ``""``); None if unusable."""
    if isinstance(value, bool):
        return None
    number: int | None = None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit() and len(text) <= 5:
            number = int(text)
    if number is None or not 0 <= number <= 99999:
        return None
    return number


def scrub(text: str, secret: str) -> str:
    if secret and secret in text:
        text = text.replace(secret, "[token]")
    return text


def _text(value: object, secret: str) -> str | None:
    """A Wolkvox ``msg``/``error`` field as bounded, printable text (None if absent)."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value
    elif isinstance(value, (bool, int, float)):
        text = str(value)
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)[: _MAX_TEXT * 2]
        except (TypeError, ValueError, RecursionError):
            text = ""
    text = text[: _MAX_TEXT * 4]
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = scrub(_WS.sub(" ", text).strip(), secret)
    if len(text) > _MAX_TEXT:
        text = text[: _MAX_TEXT - 1] + "…"
    return text


def _int_or_none(value: object) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if text.isascii() and text.isdigit() and len(text) <= 18:
            return int(text)
        try:
            number = float(text)
        except ValueError:
            return None
        return int(number) if math.isfinite(number) and len(text) <= 30 else None
    return None


def _scalar_text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def parse_campaigns(data: object) -> list[Campaign]:
    """``data`` of ``information.php?api=campaigns`` as campaigns; odd rows are tolerated,
    rows without a usable id are skipped."""
    rows: Iterable[object]
    if isinstance(data, list):
        rows = data
    elif isinstance(data, dict):
        rows = [data] if "campaign_id" in data else list(data.values())
    else:
        return []
    campaigns: list[Campaign] = []
    seen: set[str] = set()
    for row in rows:
        if not isinstance(row, dict):
            continue
        raw_id = row.get("campaign_id", row.get("id"))
        try:
            cid = validate_campaign_id(_scalar_text(raw_id))
        except InvalidInput:
            continue
        if cid in seen:
            continue
        seen.add(cid)
        name = _scalar_text(row.get("campaign_name", row.get("name")))[:200]
        ctype: CampaignType | None
        try:
            ctype = CampaignType.parse(row.get("type_campaign", row.get("type")))
        except InvalidInput:
            ctype = None
        status = CampaignStatus.parse(_scalar_text(row.get("status")))
        campaigns.append(Campaign(id=cid, name=name, type=ctype, status=status))
    return campaigns


def parse_token_info(body: Mapping[str, Any]) -> TokenInfo | None:
    """``token_limit``/``token_use_today`` from ``data`` (object or one-row list) or the top
    level; None if neither is there."""
    candidates: list[Mapping[str, Any]] = []
    data = body.get("data")
    if isinstance(data, dict):
        candidates.append(data)
    elif isinstance(data, list):
        candidates.extend(row for row in data if isinstance(row, dict))
    candidates.append(body)
    for row in candidates:
        limit = _int_or_none(row.get("token_limit"))
        used = _int_or_none(row.get("token_use_today"))
        if limit is not None or used is not None:
            return TokenInfo(token_limit=limit, token_use_today=used)
    return None


def _describe_non_json(body: bytes) -> str:
    head = body[:512].lstrip().lower()
    if not head:
        return "an empty answer"
    if head.startswith((b"<!doctype", b"<html", b"<")):
        return "a web page instead of data"
    return "data that could not be read"


class _DuplicateKeys(ValueError):
    """A JSON object named the same field twice: which one Wolkvox meant is unknowable."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _value in pairs]
    if len(set(keys)) != len(keys):
        raise _DuplicateKeys(sorted({k for k in keys if keys.count(k) > 1})[0])
    return dict(pairs)


#: The ``code`` values that confirm a start or stop (with an empty ``error``).
CONFIRMING_CODES = frozenset({200, 202})


def interpret_response(
    request: ApiRequest,
    status: int,
    body: bytes,
    ctx: ResponseContext,
) -> CallResult:
    """Turn an HTTP status and a complete body into a result (duration left at 0).

    "Done" only on a positive answer: for a start or stop, HTTP 2xx and a JSON object
    without duplicate keys whose ``code`` is 200 or 202 (a number or a digit string) and
    whose ``error`` is null or empty. A known error phrase is *refused* whatever the status
    and code say; anything else (an empty body, ``{}``, a code and an error that contradict
    each other) is *unknown*, with Wolkvox's own text kept in ``msg``. A read (the campaign
    list, the token count) that carries an error is never a success.
    """
    secret = ctx.secret
    parsed: object = None
    json_ok = False
    duplicated: str | None = None
    if body.strip():
        try:
            parsed = json.loads(body, object_pairs_hook=_no_duplicates)
            json_ok = True
        except _DuplicateKeys as exc:
            duplicated = str(exc)
        except (ValueError, RecursionError):
            json_ok = False
    fields: Mapping[str, Any] = parsed if isinstance(parsed, dict) else {}
    code = parse_code(fields.get("code"))
    error = _text(fields.get("error"), secret)
    msg = _text(fields.get("msg"), secret)
    if error is not None and error.lower() in ("", "null", "none"):
        error = None
    if not json_ok and msg is None and body.strip():
        msg = _text(body[:_MAX_TEXT * 2].decode("utf-8", "replace"), secret)

    def result(outcome: Outcome, reason: Reason, message: str, data: object = None) -> CallResult:
        return CallResult(
            outcome, reason, scrub(message, secret), http_status=status, code=code,
            error=error, msg=msg, data=data,
        )

    def unknown(reason: Reason, cause: str) -> CallResult:
        return result(Outcome.UNKNOWN, reason, request.unknown_sentence(cause))

    def refused(fallback_status: int, known: Reason | None = None) -> CallResult:
        reason = known or match_error_table(msg, error)
        if reason is None:
            if fallback_status == 401:
                reason = Reason.MISSING_TOKEN
            elif fallback_status == 403:
                reason = Reason.MAINTENANCE
            else:
                reason = Reason.REFUSED_OTHER
        advice = _REFUSED_ADVICE.get(reason)
        if advice is None:
            detail = f"HTTP {status}" + (f", code {code}" if code is not None else "")
            said = msg or error
            advice = (
                f"Wolkvox answered with an error ({detail}"
                + (f": {said}" if said else "")
                + "). Check the campaign ID and type, then try again."
            )
        return result(Outcome.REFUSED, reason, f"{request.refused_subject()}. {advice}")

    if 300 <= status < 400:
        return unknown(
            Reason.REDIRECT,
            f"Wolkvox answered with a redirect (HTTP {status}), which Wolkvox Desktop does not "
            "follow so that the token stays with Wolkvox",
        )
    if 500 <= status < 600:
        return unknown(Reason.SERVER_ERROR, f"Wolkvox reported a server error (HTTP {status})")
    if 400 <= status < 500:
        return refused(status)
    if not 200 <= status < 300:
        return unknown(Reason.UNEXPECTED, f"Wolkvox gave an unexpected answer (HTTP {status})")

    # 2xx: the body decides.
    if duplicated is not None:
        return unknown(
            Reason.NOT_JSON,
            f"Wolkvox's answer named the field {duplicated[:40]!r} twice (HTTP {status})",
        )
    if not json_ok or not isinstance(parsed, dict):
        what = _describe_non_json(body) if not json_ok else "data in an unexpected shape"
        return unknown(Reason.NOT_JSON, f"Wolkvox sent {what} (HTTP {status})")
    known = match_error_table(msg, error)
    if known is not None:
        return refused(code if code is not None else status, known)
    if code is not None and code >= 500:
        return unknown(Reason.SERVER_ERROR, f"Wolkvox reported a server error (code {code})")
    if code is not None and code >= 300:
        return refused(code)

    if request.is_action:
        if code in CONFIRMING_CODES and error is None:
            return result(Outcome.OK, Reason.OK, request.done_sentence())
        said = f": {msg}" if msg else ""
        return unknown(
            Reason.UNEXPECTED,
            f"Wolkvox's answer did not confirm it (HTTP {status}"
            + (f", code {code}" if code is not None else ", no code")
            + (f", error {error!r}" if error is not None else "")
            + f"){said}",
        )
    if error is not None:
        return unknown(
            Reason.UNEXPECTED,
            f"Wolkvox's answer carried an error ({error}); the saved list was kept",
        )
    if request.kind == "campaigns":
        data = parsed.get("data")
        if not isinstance(data, (list, dict)):
            return unknown(Reason.NOT_JSON, "Wolkvox's answer held no campaign data")
        campaigns = parse_campaigns(data)
        count = len(campaigns)
        noun = "campaign" if count == 1 else "campaigns"
        return result(Outcome.OK, Reason.OK, f"Wolkvox listed {count} {noun}.", campaigns)
    info = parse_token_info(parsed)
    if info is None:
        return unknown(Reason.NOT_JSON, "Wolkvox's answer held no token count")
    used = "?" if info.token_use_today is None else str(info.token_use_today)
    limit = "?" if info.token_limit is None else str(info.token_limit)
    return result(
        Outcome.OK, Reason.OK, f"Wolkvox counts {used} of {limit} token uses today.", info
    )


def too_large_result(request: ApiRequest, status: int, ctx: ResponseContext) -> CallResult:
    megabytes = max(1, ctx.max_body_bytes // (1024 * 1024))
    return CallResult(
        Outcome.UNKNOWN,
        Reason.TOO_LARGE,
        request.unknown_sentence(
            f"Wolkvox's answer was larger than {megabytes} MB and was not read to the end"
        ),
        http_status=status,
    )


def cancelled_result(request: ApiRequest, may_have_been_sent: bool) -> CallResult:
    """The app aborted the call (window closing): ``unknown``/``INTERRUPTED`` if it may have
    reached Wolkvox, else ``invalid``/``CANCELLED`` (nothing was sent)."""
    if may_have_been_sent:
        return CallResult(
            Outcome.UNKNOWN,
            Reason.INTERRUPTED,
            request.unknown_sentence("the call was interrupted while waiting for Wolkvox"),
        )
    return CallResult(
        Outcome.INVALID,
        Reason.CANCELLED,
        f"{request.not_done_subject()}: the call was cancelled before anything was sent.",
    )


_UNDELIVERED_CAUSE: dict[Reason, str] = {
    Reason.DNS_FAILURE: (
        "the address {host} could not be found (DNS). Nothing reached Wolkvox; check the "
        "server code and the network connection"
    ),
    Reason.CONNECTION_REFUSED: (
        "no connection could be made to {host}. Nothing reached Wolkvox; check the network "
        "connection (and proxy settings) and try again"
    ),
    Reason.TLS_FAILURE: (
        "the secure connection to {host} could not be verified. Nothing reached Wolkvox; if "
        "your network inspects HTTPS traffic, ask IT to install its certificate on this "
        "computer"
    ),
    Reason.CONNECT_TIMEOUT: (
        "{host} did not accept a connection in time. Nothing reached Wolkvox; check the "
        "network connection and try again"
    ),
    Reason.UNEXPECTED: (
        "the request could not be sent to {host}. Nothing reached Wolkvox; check the network "
        "and proxy settings"
    ),
}


def undelivered_result(request: ApiRequest, reason: Reason, host: str) -> CallResult:
    cause = _UNDELIVERED_CAUSE.get(reason, _UNDELIVERED_CAUSE[Reason.UNEXPECTED])
    return CallResult(
        Outcome.UNDELIVERED,
        reason,
        f"{request.not_done_subject()}: {cause.format(host=host)}.",
    )


def _exception_chain(exc: BaseException) -> list[BaseException]:
    """The exception, what it wraps (args, ``reason``, causes), breadth-first, bounded."""
    seen: list[BaseException] = []
    queue: list[BaseException] = [exc]
    while queue and len(seen) < 24:
        item = queue.pop(0)
        if any(item is s for s in seen):
            continue
        seen.append(item)
        inner: list[object] = [getattr(item, "reason", None), item.__cause__, item.__context__]
        inner.extend(item.args[:2])
        queue.extend(x for x in inner if isinstance(x, BaseException))
    return seen


def never_connected_reason(exc: BaseException) -> Reason:
    """The ``undelivered`` reason of a failure that happened before a connection existed."""
    chain = _exception_chain(exc)
    if any(isinstance(e, (NameResolutionError, socket.gaierror)) for e in chain):
        return Reason.DNS_FAILURE
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return Reason.CONNECTION_REFUSED
    if any(
        isinstance(e, (requests.exceptions.SSLError, urllib3.exceptions.SSLError))
        or type(e).__module__ == "ssl"
        or "certificate" in type(e).__name__.lower()
        for e in chain
    ) and not any(isinstance(e, (ReadTimeoutError, TimeoutError)) for e in chain):
        return Reason.TLS_FAILURE
    if any(
        isinstance(e, (ReadTimeoutError, TimeoutError, requests.exceptions.Timeout))
        or (isinstance(e, ConnectTimeoutError) and not isinstance(e, NewConnectionError))
        for e in chain
    ):
        return Reason.CONNECT_TIMEOUT
    if any(
        isinstance(e, NewConnectionError)
        or (isinstance(e, OSError) and not isinstance(e, requests.RequestException))
        for e in chain
    ):
        return Reason.CONNECTION_REFUSED
    return Reason.UNEXPECTED


def failed_before_connecting(exc: BaseException) -> bool:
    """Judging by the exception alone: did the request fail before any connection existed?

    Only used when connection tracking saw nothing (it is the stronger evidence). Anything
    not clearly a connect-phase or preparation failure counts as "may have been sent".
    """
    chain = _exception_chain(exc)
    return any(
        isinstance(e, (NewConnectionError, NameResolutionError, socket.gaierror))
        or (isinstance(e, ConnectTimeoutError) and not isinstance(e, ReadTimeoutError))
        or isinstance(
            e,
            (
                requests.exceptions.ConnectTimeout,
                requests.exceptions.InvalidURL,
                requests.exceptions.InvalidSchema,
                requests.exceptions.MissingSchema,
                requests.exceptions.InvalidHeader,
                requests.exceptions.InvalidProxyURL,
            ),
        )
        for e in chain
    )


def after_sending_reason(exc: BaseException) -> Reason:
    """The ``unknown`` reason of a failure once the connection existed."""
    chain = _exception_chain(exc)
    if any(isinstance(e, (ReadTimeoutError, requests.exceptions.ReadTimeout)) for e in chain):
        return Reason.READ_TIMEOUT
    if any(isinstance(e, (TimeoutError, socket.timeout)) for e in chain):
        return Reason.READ_TIMEOUT
    if any(isinstance(e, requests.exceptions.ContentDecodingError) for e in chain):
        return Reason.NOT_JSON
    return Reason.CONNECTION_RESET


_UNKNOWN_CAUSE: dict[Reason, str] = {
    Reason.READ_TIMEOUT: "Wolkvox did not answer within {timeout:g} seconds",
    Reason.CONNECTION_RESET: "the connection broke after the request was sent",
    Reason.NOT_JSON: "Wolkvox's answer could not be decoded",
}


def after_sending_result(request: ApiRequest, reason: Reason, read_timeout: float) -> CallResult:
    cause = _UNKNOWN_CAUSE.get(reason, "the answer could not be read")
    return CallResult(
        Outcome.UNKNOWN, reason, request.unknown_sentence(cause.format(timeout=read_timeout))
    )

