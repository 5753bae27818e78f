"""The Wolkvox HTTP client: every call ends in a :class:`CallResult`, never in an exception.

Safety rules (see ../shared/wolkvox-api.md):

* Base URL ``https://wv{server}.wolkvox.com`` for a validated server code, or a loopback
  ``api_base`` override (demo/tests; ``WOLKVOX_API_BASE``). Paths are the documented ones.
* Every query value URL-encoded by requests (``params=``); campaign ids validated, types
  from the enum only. Invalid input gives an ``invalid`` result and sends nothing.
* ``allow_redirects=False``: a 3xx is ``unknown``/``REDIRECT`` and the token never goes to
  the ``Location``.
* TLS verified against the OS trust store (a ``truststore.SSLContext`` mounted in this
  client's own adapter; nothing is injected process-wide) and the OS proxy settings
  (``trust_env``). For a loopback ``api_base`` proxies and ``.netrc`` are ignored.
* Connect timeout ~10 s and read timeout 60 s (configurable); response bodies streamed and
  cut off at ``max_body_bytes`` (64 MB by default).
* No automatic retry once a connection may have been established. Whether it was is not
  guessed from exception types: this client's own connection classes record, per attempt,
  when the TCP (and TLS) connection was established. An attempt that never got there (DNS,
  refused, connect timeout, TLS handshake timeout) is retried once after a short pause.
* Every call holds a slot of the token gate (:func:`~wolkvox_desktop.core.limits.shared_gate`
  by default) for its whole duration, retry included.
* :meth:`WolkvoxClient.abort` shuts down the sockets of in-flight calls from another thread
  (each attempt keeps a ``dup()`` of its socket for exactly that), so a call blocked in
  ``connect`` or ``recv`` returns promptly.

Construction raises :class:`~wolkvox_desktop.core.errors.InvalidInput` for a bad server code,
a non-loopback ``api_base`` or an empty/unsendable token; callers show ``exc.message``. The
call methods never raise for anything the network or Wolkvox can do.

The client knows nothing about the store: recording history is the caller's job.
"""

from __future__ import annotations

import dataclasses
import http.client
import ipaddress
import json
import logging
import math
import os
import re
import socket
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlencode, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    NameResolutionError,
    NewConnectionError,
    ReadTimeoutError,
)
from urllib3.util.connection import allowed_gai_family

from wolkvox_desktop import __version__
from wolkvox_desktop.core.campaigns import (
    Action,
    Campaign,
    CampaignStatus,
    CampaignType,
    parse_server_code,
    validate_campaign_id,
)
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason
from wolkvox_desktop.core.limits import GateCancelled, GateTimeout, TokenGate, shared_gate

log = logging.getLogger(__name__)

API_BASE_ENV = "WOLKVOX_API_BASE"
DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 60.0
MAX_BODY_BYTES = 64 * 1024 * 1024
USER_AGENT = f"WolkvoxDesktop/{__version__}"
TOKEN_HEADER = "wolkvox-token"
CAMPAIGN_PATH = "/api/v2/campaign.php"
INFORMATION_PATH = "/api/v2/information.php"
#: Pause before the single retry of a connection that was never established.
CONNECT_RETRY_DELAY = 0.5
#: Pooled keep-alive connections idle longer than this are dropped before the next call, so
#: a request is not written into a connection the server has quietly closed meanwhile.
IDLE_RECONNECT_SECONDS = 15.0
_CHUNK = 64 * 1024
_MAX_TEXT = 300  # longest Wolkvox msg/error text kept in a result


@dataclass(frozen=True)
class TokenInfo:
    token_limit: int | None
    token_use_today: int | None


# ---------------------------------------------------------------------------------------
# Validation and URLs
# ---------------------------------------------------------------------------------------

_BAD_API_BASE = (
    "The API base override (WOLKVOX_API_BASE) must be a loopback address such as "
    "http://127.0.0.1:8080, without a path; the token is only ever sent to Wolkvox or to "
    "this computer."
)


def validate_api_base(value: str) -> str:
    """Return a normalised ``http(s)://host[:port]`` base; raise InvalidInput(BAD_API_BASE)
    unless the host is loopback (127.0.0.0/8, ``localhost``, ``::1``).

    User info, query, fragment and any path other than ``/`` are refused (the documented
    paths are appended unchanged, e.g. ``/api/v2/campaign.php``).
    """
    raw = value.strip() if isinstance(value, str) else ""
    bad = InvalidInput(Reason.BAD_API_BASE, _BAD_API_BASE)
    if not raw or not raw.isprintable() or any(ch.isspace() or ch == "\\" for ch in raw):
        raise bad
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise bad from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or parts.username is not None or parts.password:
        raise bad
    if "@" in parts.netloc or parts.query or parts.fragment or parts.path not in ("", "/"):
        raise bad
    host = (parts.hostname or "").lower()
    if host == "localhost":
        shown = host
    else:
        if "%" in host:
            raise bad
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            raise bad from None
        if not address.is_loopback:
            raise bad
        shown = f"[{address.compressed}]" if address.version == 6 else address.compressed
    return f"{scheme}://{shown}" + (f":{port}" if port is not None else "")


def base_url(server: str, api_base: str | None = None) -> str:
    """``https://wv{server}.wolkvox.com`` for a validated server code, or the loopback override.

    The server code is validated even when an override is given (it names the operation).
    """
    code = parse_server_code(server)
    if api_base is not None:
        return validate_api_base(api_base)
    return f"https://wv{code}.wolkvox.com"


def _checked_token(token: str) -> str:
    value = token.strip() if isinstance(token, str) else ""
    if not value:
        raise InvalidInput(
            Reason.NO_TOKEN,
            "No API token is saved for this operation. Enter the token Wolkvox gave you in "
            "the settings.",
        )
    # A header value must be visible ASCII/latin-1 without control characters; requests
    # would otherwise raise an exception whose text quotes the header value.
    if not value.isprintable() or not all(" " <= ch <= "~" for ch in value):
        raise InvalidInput(
            Reason.NO_TOKEN,
            "The saved API token contains characters that cannot be sent (line breaks or "
            "letters outside plain ASCII). Paste the token again.",
        )
    return value


def _checked_timeout(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number of seconds")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive number of seconds")
    return float(value)


# ---------------------------------------------------------------------------------------
# Requests and the interpretation of answers (pure: unit-tested without a network)
# ---------------------------------------------------------------------------------------

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

    @classmethod
    def campaign_action(
        cls, action: Action, campaign_id: str, campaign_type: CampaignType | str
    ) -> ApiRequest:
        """Validated action request; raises InvalidInput for a bad id or type."""
        action = Action(action)
        cid = validate_campaign_id(campaign_id)
        ctype = CampaignType.parse(campaign_type)
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


def _scrub(text: str, secret: str) -> str:
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
    text = _scrub(_WS.sub(" ", text).strip(), secret)
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


def interpret_response(
    request: ApiRequest,
    status: int,
    body: bytes,
    ctx: ResponseContext,
) -> CallResult:
    """Turn an HTTP status and a complete body into a result (duration left at 0)."""
    secret = ctx.secret
    parsed: object = None
    json_ok = False
    if body.strip():
        try:
            parsed = json.loads(body)
            json_ok = True
        except (ValueError, RecursionError):
            json_ok = False
    fields: Mapping[str, Any] = parsed if isinstance(parsed, dict) else {}
    code = parse_code(fields.get("code"))
    error = _text(fields.get("error"), secret)
    msg = _text(fields.get("msg"), secret)
    if error is not None and error.lower() in ("", "null", "none"):
        error = None

    def result(outcome: Outcome, reason: Reason, message: str, data: object = None) -> CallResult:
        return CallResult(
            outcome, reason, _scrub(message, secret), http_status=status, code=code,
            error=error, msg=msg, data=data,
        )

    def unknown(reason: Reason, cause: str) -> CallResult:
        return result(Outcome.UNKNOWN, reason, request.unknown_sentence(cause))

    def refused(fallback_status: int) -> CallResult:
        reason = match_error_table(msg, error)
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
    if not json_ok or not isinstance(parsed, dict):
        what = _describe_non_json(body) if not json_ok else "data in an unexpected shape"
        return unknown(Reason.NOT_JSON, f"Wolkvox sent {what} (HTTP {status})")
    if code is not None and code >= 500:
        return unknown(Reason.SERVER_ERROR, f"Wolkvox reported a server error (code {code})")
    if (code is not None and code >= 300) or (code is None and error is not None):
        return refused(code if code is not None else status)

    if request.is_action:
        if (code is not None and 200 <= code < 300) or (code is None and status == 202):
            return result(Outcome.OK, Reason.OK, request.done_sentence())
        return unknown(
            Reason.UNEXPECTED,
            f"Wolkvox's answer did not confirm it (HTTP {status}"
            + (f", code {code}" if code is not None else ", no code")
            + ")",
        )
    if request.kind == "campaigns":
        if "data" not in parsed:
            return unknown(Reason.NOT_JSON, "Wolkvox's answer held no campaign data")
        campaigns = parse_campaigns(parsed.get("data"))
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
    """The app aborted the call (window closing). Unknown if it may have reached Wolkvox."""
    if may_have_been_sent:
        return CallResult(
            Outcome.UNKNOWN,
            Reason.CANCELLED,
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


# ---------------------------------------------------------------------------------------
# Connection tracking: who is connecting where, so abort() can reach the socket and the
# retry rule can ask "was a connection ever established?" instead of guessing.
# ---------------------------------------------------------------------------------------

_local = threading.local()


class _Attempt:
    """One HTTP attempt of one call, in one thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watched: list[socket.socket] = []
        self.connecting = False  # a connection was being made (or a pooled one reused)
        self.established = False  # TCP (+TLS) connection up: the request may be sent
        self.aborted = False

    def watch(self, sock: socket.socket) -> None:
        """Keep a duplicate descriptor of ``sock`` so abort() can shut the socket down."""
        try:
            dup = socket.socket(
                sock.family, sock.type, sock.proto, fileno=socket.dup(sock.fileno())
            )
        except (OSError, ValueError):
            return
        with self._lock:
            if not self.aborted:
                self._watched.append(dup)
                return
            _shutdown(dup)
            dup.close()

    def abort(self) -> None:
        with self._lock:
            self.aborted = True
            for sock in self._watched:
                _shutdown(sock)

    def close(self) -> None:
        with self._lock:
            watched, self._watched = self._watched, []
            for sock in watched:
                sock.close()


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _current_attempt() -> _Attempt | None:
    attempt: _Attempt | None = getattr(_local, "attempt", None)
    return attempt


def _create_connection(
    address: tuple[str, int],
    timeout: float | None,
    source_address: tuple[str, int] | None,
    socket_options: Iterable[tuple[int, int, int | bytes]] | None,
    attempt: _Attempt,
) -> socket.socket:
    """urllib3's ``create_connection``, plus: each socket is watched before it connects."""
    host, port = address
    if host.startswith("["):
        host = host.strip("[]")
    err: OSError | None = None
    for family, socktype, proto, _canon, sockaddr in socket.getaddrinfo(
        host, port, allowed_gai_family(), socket.SOCK_STREAM
    ):
        sock = None
        try:
            sock = socket.socket(family, socktype, proto)
            for option in socket_options or ():
                sock.setsockopt(*option)
            if timeout is not None:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            attempt.watch(sock)
            if attempt.aborted:
                raise ConnectionAbortedError("the call was aborted")
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            err = exc
            if sock is not None:
                sock.close()
    if err is not None:
        raise err
    raise OSError("getaddrinfo returned no address")


def _tracked_new_conn(conn: HTTPConnection) -> socket.socket | None:
    """Open ``conn``'s socket through :func:`_create_connection` (None: not in a call)."""
    attempt = _current_attempt()
    if attempt is None:
        return None
    attempt.connecting = True
    host: str = getattr(conn, "_dns_host", conn.host)
    timeout = conn.timeout if isinstance(conn.timeout, (int, float)) else None
    try:
        sock = _create_connection(
            (host, conn.port or 0), timeout, conn.source_address, conn.socket_options, attempt
        )
    except socket.gaierror as exc:
        raise NameResolutionError(conn.host, conn, exc) from exc
    except TimeoutError as exc:
        raise ConnectTimeoutError(
            conn, f"Connection to {conn.host} timed out. (connect timeout={conn.timeout})"
        ) from exc
    except OSError as exc:
        raise NewConnectionError(conn, f"Failed to establish a new connection: {exc}") from exc
    sys.audit("http.client.connect", conn, conn.host, conn.port)
    return sock


def _mark_established() -> None:
    attempt = _current_attempt()
    if attempt is not None:
        attempt.established = True


class _TrackedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = _tracked_new_conn(self)
        return sock if sock is not None else super()._new_conn()

    def connect(self) -> None:
        super().connect()
        _mark_established()


class _TrackedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = _tracked_new_conn(self)
        return sock if sock is not None else super()._new_conn()

    def connect(self) -> None:
        super().connect()
        _mark_established()


def _note_pooled(conn: object) -> None:
    """A connection taken from the pool: if it is still open it is reused, i.e. established."""
    attempt = _current_attempt()
    sock = getattr(conn, "sock", None)
    if attempt is None or not isinstance(sock, socket.socket):
        return
    attempt.connecting = True
    attempt.watch(sock)
    attempt.established = True


class _TrackedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _TrackedHTTPConnection

    def _get_conn(self, timeout: float | None = None) -> Any:
        conn = super()._get_conn(timeout)
        _note_pooled(conn)
        return conn


class _TrackedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _TrackedHTTPSConnection

    def _get_conn(self, timeout: float | None = None) -> Any:
        conn = super()._get_conn(timeout)
        _note_pooled(conn)
        return conn


_POOL_CLASSES: dict[str, type[HTTPConnectionPool]] = {
    "http": _TrackedHTTPPool,
    "https": _TrackedHTTPSPool,
}


def _os_trust_context() -> Any:
    """An SSLContext verifying against the OS trust store (truststore), or None."""
    try:
        import ssl

        import truststore
    except ImportError:  # pragma: no cover - truststore is a hard dependency
        log.warning("truststore is missing; TLS uses the certifi bundle")
        return None
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class GuardedAdapter(HTTPAdapter):
    """requests adapter: no urllib3 retries, OS trust store, connection tracking."""

    def __init__(self, ssl_context: Any = None, pool_maxsize: int = 2) -> None:
        self._ssl_context = ssl_context
        super().__init__(pool_connections=2, pool_maxsize=pool_maxsize, max_retries=0)

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any
    ) -> None:
        if self._ssl_context is not None:
            pool_kwargs["ssl_context"] = self._ssl_context
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOL_CLASSES)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        known = proxy in self.proxy_manager
        if not known and self._ssl_context is not None:
            proxy_kwargs["ssl_context"] = self._ssl_context
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not known and not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = dict(_POOL_CLASSES)
        return manager

    def drop_idle_connections(self) -> None:
        self.poolmanager.clear()
        for manager in self.proxy_manager.values():
            manager.clear()


# ---------------------------------------------------------------------------------------
# The client
# ---------------------------------------------------------------------------------------


class _NeverConnected:
    """An attempt that failed before any connection existed."""

    def __init__(self, reason: Reason) -> None:
        self.reason = reason

    @property
    def retryable(self) -> bool:
        return self.reason in (
            Reason.DNS_FAILURE,
            Reason.CONNECTION_REFUSED,
            Reason.CONNECT_TIMEOUT,
        )


_TRANSPORT_ERRORS = (
    requests.RequestException,
    urllib3.exceptions.HTTPError,
    http.client.HTTPException,
    OSError,
    ValueError,
)


class WolkvoxClient:
    """One operation's client. Thread-safe; every call goes through the token gate.

    ``server`` is validated (parse_server_code); ``token`` is held only in memory and only
    ever sent to the operation's host. ``api_base`` defaults to the ``WOLKVOX_API_BASE``
    environment variable when ``None`` is given and ``use_env=True``.

    Raises :class:`InvalidInput` (``BAD_SERVER_CODE``, ``BAD_API_BASE``, ``NO_TOKEN``) for
    unusable settings; ``ValueError`` for nonsensical timeouts/sizes (programming errors).
    Extra keywords: ``gate_timeout`` (seconds to wait for the token gate before a
    ``GATE_BUSY`` result; ``None`` waits until the slot frees or :meth:`abort`),
    ``retry_delay`` (pause before the single retry of a never-established connection).
    """

    def __init__(
        self,
        server: str,
        token: str,
        *,
        api_base: str | None = None,
        use_env: bool = True,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        gate: TokenGate | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        gate_timeout: float | None = None,
        retry_delay: float = CONNECT_RETRY_DELAY,
    ) -> None:
        self.server = parse_server_code(server)
        if api_base is None and use_env:
            api_base = os.environ.get(API_BASE_ENV) or None
        self.base_url = base_url(self.server, api_base)
        self.is_override = api_base is not None
        self.__token = _checked_token(token)
        self.connect_timeout = _checked_timeout("connect_timeout", connect_timeout)
        self.read_timeout = _checked_timeout("read_timeout", read_timeout)
        if isinstance(max_body_bytes, bool) or not isinstance(max_body_bytes, int):
            raise TypeError("max_body_bytes must be an int")
        if max_body_bytes < 1:
            raise ValueError("max_body_bytes must be positive")
        self.max_body_bytes = max_body_bytes
        self.gate_timeout = None if gate_timeout is None else max(0.0, float(gate_timeout))
        self.retry_delay = max(0.0, float(retry_delay))
        self.gate = gate if gate is not None else shared_gate()
        self._host = urlsplit(self.base_url).netloc
        self._ctx = ResponseContext(
            self._host, self.read_timeout, self.max_body_bytes, self.__token
        )
        self._cancel = threading.Event()
        self._closed = False
        self._lock = threading.Lock()
        self._attempts: set[_Attempt] = set()
        self._last_used = time.monotonic()
        self._adapter = GuardedAdapter(
            _os_trust_context() if self.base_url.startswith("https:") else None
        )
        self._session = requests.Session()
        # OS proxies (and REQUESTS_CA_BUNDLE) for Wolkvox; a loopback override never goes
        # through a proxy, and .netrc credentials are never added to it.
        self._session.trust_env = not self.is_override
        self._session.mount("https://", self._adapter)
        self._session.mount("http://", self._adapter)
        self._session.headers.clear()
        self._session.headers.update(
            {
                "User-Agent": USER_AGENT,
                "Accept": "application/json",
                "Accept-Encoding": "gzip, deflate",
            }
        )

    def __repr__(self) -> str:
        return f"WolkvoxClient(server={self.server!r}, base_url={self.base_url!r})"

    def __enter__(self) -> WolkvoxClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- the documented calls ----
    def campaign_action(
        self, action: Action, campaign_id: str, campaign_type: CampaignType | str
    ) -> CallResult:
        """PUT campaign.php?api={start|stop}&type_campaign=..&campaign_id=.."""
        try:
            request = ApiRequest.campaign_action(action, campaign_id, campaign_type)
        except InvalidInput as exc:
            return CallResult.invalid(exc)
        return self.send(request)

    def start(self, campaign_id: str, campaign_type: CampaignType | str) -> CallResult:
        return self.campaign_action(Action.START, campaign_id, campaign_type)

    def stop(self, campaign_id: str, campaign_type: CampaignType | str) -> CallResult:
        return self.campaign_action(Action.STOP, campaign_id, campaign_type)

    def list_campaigns(self) -> CallResult:
        """GET information.php?api=campaigns; ``result.data`` is ``list[Campaign]``."""
        return self.send(ApiRequest.campaigns())

    def token_info(self) -> CallResult:
        """GET information.php?api=token_info; ``result.data`` is :class:`TokenInfo`.

        This call itself costs one token of the daily budget.
        """
        return self.send(ApiRequest.token_info())

    def url_for(self, request: ApiRequest) -> str:
        """The full URL ``request`` goes to, exactly as requests will send it."""
        return str(requests.Request(request.method, self._url(request)).prepare().url)

    def _url(self, request: ApiRequest) -> str:
        # urlencode (quote_plus) is what requests itself applies to ``params=``; doing it
        # here skips requests' slower generic parameter handling on every call.
        return f"{self.base_url}{request.path}?{urlencode(request.params)}"

    # ---- lifecycle ----
    def abort(self) -> None:
        """From any thread: make an in-flight call return promptly (outcome ``unknown`` if
        the request may have been sent, else ``invalid``/``CANCELLED``) and refuse new ones."""
        self._cancel.set()
        with self._lock:
            attempts = list(self._attempts)
        for attempt in attempts:
            attempt.abort()
        self.gate.interrupt()

    @property
    def aborted(self) -> bool:
        return self._cancel.is_set()

    def close(self) -> None:
        """Abort anything in flight and release the connections. Later calls are cancelled."""
        self._closed = True
        self.abort()
        self._session.close()

    # ---- internals ----
    def send(self, request: ApiRequest) -> CallResult:
        """Send a prepared :class:`ApiRequest` through the gate; always returns a result."""
        started = time.monotonic()
        if self._cancel.is_set():
            return cancelled_result(request, may_have_been_sent=False)
        try:
            with self.gate.slot(self.__token, self.gate_timeout, cancel=self._cancel):
                started = time.monotonic()
                result = self._send_with_retry(request)
        except GateCancelled:
            return cancelled_result(request, may_have_been_sent=False)
        except GateTimeout:
            return CallResult(
                Outcome.INVALID,
                Reason.GATE_BUSY,
                f"{request.not_done_subject()}: another call with this token was still "
                "running. Nothing was sent; wait for it to finish and try again.",
                duration_ms=int((time.monotonic() - started) * 1000),
            )
        duration = int((time.monotonic() - started) * 1000)
        return _with_duration(result, duration)

    def _send_with_retry(self, request: ApiRequest) -> CallResult:
        first = self._attempt(request)
        if isinstance(first, CallResult):
            return first
        if first.retryable and not self._cancel.is_set():
            log.info("connection to %s never established (%s); retrying once",
                     self._host, first.reason.value)
            if self._cancel.wait(self.retry_delay):
                return cancelled_result(request, may_have_been_sent=False)
            second = self._attempt(request)
            if isinstance(second, CallResult):
                return second
            return undelivered_result(request, second.reason, self._host)
        return undelivered_result(request, first.reason, self._host)

    def _attempt(self, request: ApiRequest) -> CallResult | _NeverConnected:
        attempt = _Attempt()
        with self._lock:
            if self._cancel.is_set():
                return cancelled_result(request, may_have_been_sent=False)
            idle = time.monotonic() - self._last_used > IDLE_RECONNECT_SECONDS
            if idle and not self._attempts:
                self._adapter.drop_idle_connections()
            self._attempts.add(attempt)
        _local.attempt = attempt
        try:
            return self._exchange(request, attempt)
        finally:
            _local.attempt = None
            with self._lock:
                self._attempts.discard(attempt)
                self._last_used = time.monotonic()
            attempt.close()

    def _exchange(self, request: ApiRequest, attempt: _Attempt) -> CallResult | _NeverConnected:
        try:
            response = self._session.request(
                request.method,
                self._url(request),
                headers={TOKEN_HEADER: self.__token},
                timeout=(self.connect_timeout, self.read_timeout),
                allow_redirects=False,
                stream=True,
            )
        except _TRANSPORT_ERRORS as exc:
            return self._failed(request, attempt, exc)
        try:
            status = response.status_code
            if 300 <= status < 400:
                log.debug("not following a redirect (HTTP %s)", status)
                return interpret_response(request, status, b"", self._ctx)
            body = self._read_body(response)
        except _TRANSPORT_ERRORS as exc:
            return self._failed(request, attempt, exc)
        finally:
            response.close()
        if body is None:
            return too_large_result(request, status, self._ctx)
        result = interpret_response(request, status, body, self._ctx)
        if attempt.aborted and not result.ok:
            return cancelled_result(request, may_have_been_sent=True)
        return result

    def _read_body(self, response: requests.Response) -> bytes | None:
        """The whole body, or None if it is larger than ``max_body_bytes``."""
        limit = self.max_body_bytes
        declared = response.headers.get("Content-Length", "").strip()
        if declared.isascii() and declared.isdigit() and int(declared) > limit:
            return None
        chunks: list[bytes] = []
        total = 0
        for chunk in response.iter_content(_CHUNK):
            total += len(chunk)
            if total > limit:
                return None
            chunks.append(chunk)
        return b"".join(chunks)

    def _failed(
        self, request: ApiRequest, attempt: _Attempt, exc: BaseException
    ) -> CallResult | _NeverConnected:
        may_have_been_sent = attempt.established
        log.debug(
            "%s %s failed (%s, connection established: %s): %s",
            request.method, request.path, type(exc).__name__, may_have_been_sent,
            _scrub(str(exc), self.__token)[:500],
        )
        if attempt.aborted:
            return cancelled_result(request, may_have_been_sent)
        if not may_have_been_sent:
            return _NeverConnected(never_connected_reason(exc))
        return after_sending_result(request, after_sending_reason(exc), self.read_timeout)


def _with_duration(result: CallResult, duration_ms: int) -> CallResult:
    return dataclasses.replace(result, duration_ms=duration_ms)


__all__ = [
    "API_BASE_ENV",
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_READ_TIMEOUT",
    "MAX_BODY_BYTES",
    "USER_AGENT",
    "ApiRequest",
    "TokenInfo",
    "WolkvoxClient",
    "base_url",
    "interpret_response",
    "match_error_table",
    "parse_campaigns",
    "parse_code",
    "parse_token_info",
    "validate_api_base",
]
