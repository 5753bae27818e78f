"""The Wolkvox HTTP client: every call ends in a :class:`CallResult`, never in an exception.

Safety rules (see ../shared/wolkvox-api.md):

* Base URL ``https://wv{server}.wolkvox.com`` for a validated server code, or a loopback
  ``api_base`` override (demo/tests; ``WOLKVOX_API_BASE``). Paths are the documented ones.
* Every query value URL-encoded (``urllib.parse.urlencode``, as requests' ``params=``
  would); campaign ids validated, types from the enum only. Invalid input gives an
  ``invalid`` result and sends nothing.
* ``allow_redirects=False``: a 3xx is ``unknown``/``REDIRECT`` and the token never goes to
  the ``Location``.
* TLS verified against the OS trust store only (truststore on Windows and macOS, the
  platform's own OpenSSL certificate locations elsewhere; mounted in this client's own
  adapter, :mod:`~wolkvox_desktop.core.transport`; nothing is injected process-wide;
  ``REQUESTS_CA_BUNDLE``/``CURL_CA_BUNDLE``/``SSL_CERT_FILE``/``SSL_CERT_DIR``, requests'
  certifi bundle and ``.netrc`` are never read), through the OS proxy for Wolkvox's host
  (environment, Windows registry, macOS settings), applied explicitly. A loopback
  ``api_base`` never goes through a proxy.
* One deadline per call: ``read_timeout`` (the operation's timeout, 60 s by default)
  bounds the whole call from the moment it holds the token's slot — connect, send, every
  read, the retry included. A watchdog shuts the connection down when it passes, so a
  server trickling its answer cannot hold the call (or the slot) longer; past it the
  outcome is *unknown* if the request may have been sent. Connect timeout ~10 s within
  that; response bodies streamed and cut off at ``max_body_bytes`` (64 MB by default).
* No automatic retry once a connection may have been established. Whether it was is not
  guessed from exception types: the transport's connection classes record, per attempt,
  when the TCP (and TLS) connection was established. An attempt that never got there (DNS,
  refused, connect timeout, TLS handshake timeout) is retried once after a short pause; a
  certificate failure is not retried.
* Every call holds a slot of the token gate (:func:`~wolkvox_desktop.core.limits.shared_gate`
  by default) for its whole duration, retry included.
* :meth:`WolkvoxClient.abort` shuts down the sockets of in-flight calls from another thread
  (each attempt keeps a ``dup()`` of its socket for exactly that), so a call blocked in
  ``connect`` or ``recv`` returns promptly.

Construction raises :class:`~wolkvox_desktop.core.errors.InvalidInput` for a bad server code,
a non-loopback ``api_base`` or an empty/unsendable token; callers show ``exc.message``. The
call methods never raise for anything the network or Wolkvox can do.

What answers and failures mean (the error table, the sentences) lives in
:mod:`~wolkvox_desktop.core.answers`. The client knows nothing about the store: recording
history is the caller's job.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import threading
import time
from urllib.parse import urlencode, urlsplit

import requests

from wolkvox_desktop import __version__
from wolkvox_desktop.core.addresses import validate_api_base  # string checks, kept light
from wolkvox_desktop.core.answers import ResponseContext, interpret_response, scrub
from wolkvox_desktop.core.api_request import (
    CAMPAIGN_PATH,
    DOCUMENTED_PATHS,
    INFORMATION_PATH,
    REAL_TIME_PATH,
    ApiRequest,
    TokenInfo,
)
from wolkvox_desktop.core.campaigns import Action, CampaignRef, parse_server_code
from wolkvox_desktop.core.errors import (
    CallResult,
    InvalidInput,
    Notice,
    NoticeKind,
    NoticeSink,
    Outcome,
    Reason,
)
from wolkvox_desktop.core.failures import (
    after_sending_reason,
    after_sending_result,
    cancelled_result,
    failed_before_connecting,
    never_connected_reason,
    too_large_result,
    undelivered_result,
)
from wolkvox_desktop.core.limits import (
    GateCancelled,
    GateTimeout,
    GateUnavailable,
    TokenGate,
    shared_gate,
)
from wolkvox_desktop.core.transport import (
    TRANSPORT_ERRORS,
    Attempt,
    GuardedAdapter,
    os_proxies_for,
    os_trust_context,
    tracking,
    watch_deadline,
)

log = logging.getLogger(__name__)


DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 60.0
MAX_BODY_BYTES = 64 * 1024 * 1024
USER_AGENT = f"WolkvoxDesktop/{__version__}"
TOKEN_HEADER = "wolkvox-token"
#: Pause before the single retry of a connection that was never established.
CONNECT_RETRY_DELAY = 0.5
#: Pooled keep-alive connections idle longer than this are dropped before the next call, so
#: a request is not written into a connection the server has quietly closed meanwhile.
IDLE_RECONNECT_SECONDS = 15.0
_CHUNK = 64 * 1024
#: The least time an attempt is given (a retry starts only with more than this left).
_MIN_ATTEMPT_S = 0.05


# ---------------------------------------------------------------------------------------
# URLs (validate_api_base: core/addresses.py)
# ---------------------------------------------------------------------------------------


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


class WolkvoxClient:
    """One operation's client. Thread-safe; every call goes through the token gate.

    ``server`` is validated (parse_server_code); ``token`` is held only in memory and only
    ever sent to the operation's host. ``api_base`` is a loopback test server (the front
    door, :mod:`~wolkvox_desktop.core.operations`, decides it); ``None`` means Wolkvox.
    ``read_timeout`` is the whole call's deadline (connect, send, every read), not one
    read's; ``connect_timeout`` bounds each connection's making within it.

    Raises :class:`InvalidInput` (``BAD_SERVER_CODE``, ``BAD_API_BASE``, ``NO_TOKEN``) for
    unusable settings; ``ValueError`` for nonsensical timeouts/sizes (programming errors).
    Extra keywords: ``gate_timeout`` (seconds to wait for the token gate before a
    ``GATE_BUSY`` result, nothing sent; ``None``: the read timeout),
    ``retry_delay`` (pause before the single retry of a never-established connection).
    """

    def __init__(
        self,
        server: str,
        token: str,
        *,
        api_base: str | None = None,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        gate: TokenGate | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        gate_timeout: float | None = None,
        retry_delay: float = CONNECT_RETRY_DELAY,
    ) -> None:
        self.server = parse_server_code(server)
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
        self.gate_timeout = (
            self.read_timeout if gate_timeout is None else max(0.0, float(gate_timeout))
        )
        self.retry_delay = max(0.0, float(retry_delay))
        self.gate = gate if gate is not None else shared_gate()
        self._host = urlsplit(self.base_url).netloc
        self._ctx = ResponseContext(
            self._host, self.read_timeout, self.max_body_bytes, self.__token
        )
        self._cancel = threading.Event()
        self._closed = False
        self._lock = threading.Lock()
        self._attempts: set[Attempt] = set()
        self._last_used = time.monotonic()
        self._adapter = GuardedAdapter(
            os_trust_context() if self.base_url.startswith("https:") else None
        )
        self._session = requests.Session()
        # The environment cannot widen where the token goes: no .netrc credentials, no
        # REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE (TLS is verified against the OS trust store
        # only). The OS proxy for Wolkvox's host is applied explicitly; a loopback test
        # server never goes through a proxy.
        self._session.trust_env = False
        self._session.verify = True
        self._session.proxies = {} if self.is_override else os_proxies_for(self.base_url)
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
        self, action: Action, campaign: CampaignRef, *, on_notice: NoticeSink | None = None
    ) -> CallResult:
        """PUT campaign.php?api={start|stop}&type_campaign=..&campaign_id=.."""
        try:
            request = ApiRequest.campaign_action(action, campaign)
        except InvalidInput as exc:
            return CallResult.invalid(exc)
        return self.send(request, on_notice=on_notice)

    def start(self, campaign: CampaignRef) -> CallResult:
        return self.campaign_action(Action.START, campaign)

    def stop(self, campaign: CampaignRef) -> CallResult:
        return self.campaign_action(Action.STOP, campaign)

    def list_campaigns(self, *, on_notice: NoticeSink | None = None) -> CallResult:
        """GET information.php?api=campaigns; ``result.data`` is ``list[Campaign]``."""
        return self.send(ApiRequest.campaigns(), on_notice=on_notice)

    def token_info(self, *, on_notice: NoticeSink | None = None) -> CallResult:
        """GET information.php?api=token_info; ``result.data`` is :class:`TokenInfo`.

        This call itself costs one token of the daily budget.
        """
        return self.send(ApiRequest.token_info(), on_notice=on_notice)

    def set_speed(
        self, campaign: CampaignRef, speed: int, *, on_notice: NoticeSink | None = None
    ) -> CallResult:
        """PUT campaign.php?api=speed&… with ``{"speed": "N"}``; never sent again by itself."""
        try:
            request = ApiRequest.set_speed(campaign, speed)
        except InvalidInput as exc:
            return CallResult.invalid(exc)
        return self.send(request, on_notice=on_notice)

    def real_time(self, *, on_notice: NoticeSink | None = None) -> CallResult:
        """GET real_time.php?api=campaigns; ``result.data`` is a
        :class:`~wolkvox_desktop.core.live.LiveReading`."""
        return self.send(ApiRequest.real_time(), on_notice=on_notice)

    def services(self, *, on_notice: NoticeSink | None = None) -> CallResult:
        """GET information.php?api=services; ``result.data`` is the licenses (int)."""
        return self.send(ApiRequest.services(), on_notice=on_notice)

    def wait(self, seconds: float) -> bool:
        """Sleep ``seconds`` unless the client is aborted first; True if it was aborted."""
        return self._cancel.wait(max(0.0, seconds))

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
    def send(self, request: ApiRequest, *, on_notice: NoticeSink | None = None) -> CallResult:
        """Send a prepared :class:`ApiRequest` through the gate; always returns a result.
        ``on_notice`` hears it when the call has to wait for another one with this token."""
        started = time.monotonic()
        if self._cancel.is_set():
            return cancelled_result(request, may_have_been_sent=False)

        def waiting() -> None:
            if on_notice is not None:
                on_notice(
                    Notice(
                        NoticeKind.WAITING_FOR_TOKEN,
                        "Waiting for another call with this token to finish…",
                    )
                )

        try:
            with self.gate.slot(
                self.__token, self.gate_timeout, cancel=self._cancel, on_wait=waiting
            ):
                started = time.monotonic()
                result = self._send_with_retry(request, started + self.read_timeout)
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
        except GateUnavailable as exc:
            return CallResult(
                Outcome.INVALID,
                Reason.SLOT_UNAVAILABLE,
                f"{request.not_done_subject()}: nothing was sent. {exc}",
            )
        duration = int((time.monotonic() - started) * 1000)
        return _with_duration(result, duration)

    def _send_with_retry(self, request: ApiRequest, deadline: float) -> CallResult:
        """One attempt, and one more if no connection was ever made and time is left."""
        first = self._attempt(request, deadline)
        if isinstance(first, CallResult):
            return first
        time_left = deadline - time.monotonic() > self.retry_delay + _MIN_ATTEMPT_S
        if first.retryable and time_left and not self._cancel.is_set():
            log.info(
                "connection to %s never established (%s); retrying once",
                self._host,
                first.reason.value,
            )
            if self._cancel.wait(self.retry_delay):
                return cancelled_result(request, may_have_been_sent=False)
            second = self._attempt(request, deadline)
            if isinstance(second, CallResult):
                return second
            return undelivered_result(request, second.reason, self._host)
        return undelivered_result(request, first.reason, self._host)

    def _attempt(self, request: ApiRequest, deadline: float) -> CallResult | _NeverConnected:
        attempt = Attempt()
        with self._lock:
            if self._cancel.is_set():
                return cancelled_result(request, may_have_been_sent=False)
            idle = time.monotonic() - self._last_used > IDLE_RECONNECT_SECONDS
            if idle and not self._attempts:
                self._adapter.drop_idle_connections()
            self._attempts.add(attempt)
        try:
            with tracking(attempt), watch_deadline(attempt, deadline):
                return self._exchange(request, attempt, deadline)
        finally:
            with self._lock:
                self._attempts.discard(attempt)
                self._last_used = time.monotonic()

    def _exchange(
        self, request: ApiRequest, attempt: Attempt, deadline: float
    ) -> CallResult | _NeverConnected:
        # The socket timeouts end at the deadline too (the watchdog is what enforces it).
        left = max(_MIN_ATTEMPT_S, deadline - time.monotonic())
        try:
            payload = request.body
            headers = {TOKEN_HEADER: self.__token}
            if payload is not None:
                headers["Content-Type"] = "application/json"
            response = self._session.request(
                request.method,
                self._url(request),
                headers=headers,
                data=payload,
                timeout=(min(self.connect_timeout, left), left),
                allow_redirects=False,
                stream=True,
            )
        except TRANSPORT_ERRORS as exc:
            return self._failed(request, attempt, exc)
        try:
            status = response.status_code
            if 300 <= status < 400:
                log.debug("not following a redirect (HTTP %s)", status)
                return interpret_response(request, status, b"", self._ctx)
            body = self._read_body(response)
            cut_short = attempt.finish()  # the answer is in: a later deadline changes nothing
        except TRANSPORT_ERRORS as exc:
            return self._failed(request, attempt, exc)
        finally:
            response.close()
        if body is None:
            return too_large_result(request, status, self._ctx)
        result = interpret_response(request, status, body, self._ctx)
        if attempt.aborted and not result.ok:  # a body cut short may read as another answer
            if cut_short and not self._cancel.is_set():
                return after_sending_result(request, Reason.READ_TIMEOUT, self.read_timeout)
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
        self, request: ApiRequest, attempt: Attempt, exc: BaseException
    ) -> CallResult | _NeverConnected:
        if attempt.established:
            may_have_been_sent = True
        elif attempt.connecting:  # tracking saw the connection being made, never finished
            may_have_been_sent = False
        else:  # tracking saw nothing (should not happen): judge by the exception, carefully
            may_have_been_sent = not failed_before_connecting(exc)
        log.debug(
            "%s %s failed (%s, connection established: %s): %s",
            request.method,
            request.path,
            type(exc).__name__,
            may_have_been_sent,
            scrub(str(exc), self.__token)[:500],
        )
        if attempt.expired and not self._cancel.is_set():  # the call's deadline passed
            if may_have_been_sent:
                return after_sending_result(request, Reason.READ_TIMEOUT, self.read_timeout)
            return _NeverConnected(Reason.CONNECT_TIMEOUT)
        if attempt.aborted:
            return cancelled_result(request, may_have_been_sent)
        if not may_have_been_sent:
            return _NeverConnected(never_connected_reason(exc))
        return after_sending_result(request, after_sending_reason(exc), self.read_timeout)


def _with_duration(result: CallResult, duration_ms: int) -> CallResult:
    return dataclasses.replace(result, duration_ms=duration_ms)


__all__ = [
    "CAMPAIGN_PATH",
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_READ_TIMEOUT",
    "DOCUMENTED_PATHS",
    "INFORMATION_PATH",
    "MAX_BODY_BYTES",
    "REAL_TIME_PATH",
    "TOKEN_HEADER",
    "USER_AGENT",
    "ApiRequest",
    "TokenInfo",
    "WolkvoxClient",
    "base_url",
    "validate_api_base",
]
