"""The front door: the operations the app knows, and the only way to open one. Qt-free.

Both faces (the ``wolkvox`` command and the window's worker) go through one
:class:`Operations` object. It alone

* decides which token a call uses (:meth:`Credentials.get
  <wolkvox_desktop.core.credentials.Credentials.get>`: ``WOLKVOX_TOKEN``, then the keyring,
  then a token held for this session only),
* decides where calls go (Wolkvox itself, or a loopback test server),
* takes the per-token gate with the operation's calls-in-flight setting,
* reads the operation's settings, today's usage and budget from the store,
* hands out :class:`~wolkvox_desktop.core.service.OperationService` objects, and can abort
  every call they have in flight (closing).

Every refusal is an :class:`~wolkvox_desktop.core.errors.InvalidInput` whose sentence names
no command or button (each face adds its own hint) and never contains the token; nothing
is sent then.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from wolkvox_desktop.core.addresses import (
    API_BASE_ENV,
    parse_server_code,
    resolve_api_base,
    test_server_from_env,
)
from wolkvox_desktop.core.credentials import (
    TOKEN_ENV,
    Credentials,
    KeyringUnavailable,
    TokenSource,
    validate_token,
)
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Reason
from wolkvox_desktop.core.limits import (
    CONNECT_TIMEOUT_CAP_S,
    TokenGate,
    clamp_in_flight,
    shared_gate,
    valid_timeout,
)
from wolkvox_desktop.core.logsetup import register_secret
from wolkvox_desktop.core.service import OperationService, Usage, usage_of
from wolkvox_desktop.core.store import Operation, Store

if TYPE_CHECKING:
    from wolkvox_desktop.core.api import WolkvoxClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SavedToken:
    """Where a token went when saved (``KEYRING``, or ``SESSION`` when no keyring could
    hold it) and, for the session case, why (an English sentence)."""

    source: TokenSource
    detail: str = ""


#: a live reading's whole deadline: an answer later than this is stale anyway, and another
#: process's start or stop that finds the slot held by a reading waits no longer than this
#: (a reading of this process is cut short at once: core/live_calls.py)
READING_TIMEOUT_S = 30.0


def no_token_message(server: str) -> str:
    """The face-neutral sentence for a missing token (each face adds how to save one)."""
    return f"No token is saved for operation {server}, so nothing was sent."


def gate_for(token: str, max_in_flight: int) -> TokenGate:
    """The process-wide gate, with this token's limit set to the operation's setting.

    One gate with per-token limits, shared by every client of this process, so two windows,
    or a window and a bulk run on the same token, never exceed the limit together (two
    gates for one token would allow the sum of their limits).
    """
    gate = shared_gate()
    limit = clamp_in_flight(max_in_flight)
    gate.set_token_limit(token, None if limit == gate.max_in_flight else limit)
    return gate


class Operations:
    """The app's operations (saved in the store, or for this session) and their services.

    ``credentials`` holds the token rule and the one session store. ``api_base``: an
    explicit loopback base (demo mode); ``None`` means Wolkvox, or ``WOLKVOX_API_BASE``
    when ``use_env``. Thread-safe.
    """

    def __init__(
        self,
        store: Store,
        credentials: Credentials | None = None,
        *,
        api_base: str | None = None,
        use_env: bool = True,
    ) -> None:
        self.store = store
        self.credentials = credentials if credentials is not None else Credentials()
        self._api_base = api_base
        self._use_env = use_env
        self._lock = threading.Lock()
        self._closing = False
        self._open: list[OperationService] = []  # every service handed out, until closed
        self._shared: dict[str, tuple[OperationService, tuple[object, ...]]] = {}
        self._shared_lock = threading.Lock()

    # ---------------------------------------------------------------- what is known
    def operation(self, server: str) -> Operation:
        """The operation's settings: saved ones, or the defaults for a session operation."""
        code = parse_server_code(server)
        return self.store.operation(code) or Operation(server=code, saved=False)

    def operations(self, *, session_server: str | None = None) -> list[Operation]:
        """The saved operations, plus ``session_server`` when it is not saved but has a
        token (``WOLKVOX_TOKEN``, the keyring or this session): it works for this session
        as the command line would, with the default settings. May read the keyring."""
        saved = self.store.operations()
        if session_server is None:
            return saved
        code = parse_server_code(session_server)
        if any(op.server == code for op in saved):
            return saved
        if self.token_source(code) is TokenSource.NONE:
            return saved
        return [*saved, Operation(server=code, saved=False)]

    def usage(self, server: str) -> Usage:
        """Today's token uses against the budget (counted from the history; free)."""
        return usage_of(self.store, parse_server_code(server))

    # ---------------------------------------------------------------- tokens
    def test_server(self) -> str | None:
        """The loopback test server that ``WOLKVOX_API_BASE`` names, while it is set (never
        for an explicit base: demo mode)."""
        if self._api_base is not None or not self._use_env:
            return None
        return test_server_from_env()

    def token(self, server: str) -> tuple[str, TokenSource]:
        """The token a call on ``server`` uses and where it comes from. Raises
        ``InvalidInput(NO_TOKEN)`` when there is none or the keyring cannot be read.

        While ``WOLKVOX_API_BASE`` is set the keyring (and this session's tokens) are never
        read: only ``WOLKVOX_TOKEN`` goes to a test server, else
        ``InvalidInput(TEST_SERVER_NEEDS_TOKEN)``.
        """
        code = parse_server_code(server)
        test_server = self.test_server()
        if test_server is not None:
            found, _source = self.credentials.get(code, keyring=False, session=False)
            if not found:
                raise InvalidInput(
                    Reason.TEST_SERVER_NEEDS_TOKEN,
                    f"{API_BASE_ENV} is set, so calls go to the test server {test_server}: "
                    f"the token saved for operation {code} is never sent there. Set "
                    f"{TOKEN_ENV} for the test server, or remove {API_BASE_ENV} to reach "
                    "Wolkvox. Nothing was sent.",
                )
            return found, TokenSource.ENVIRONMENT
        try:
            found, source = self.credentials.get(code)
        except KeyringUnavailable as exc:
            raise InvalidInput(
                Reason.NO_TOKEN,
                f"{no_token_message(code)} The keyring could not be read: {exc}",
            ) from None
        if not found or source is TokenSource.NONE:
            raise InvalidInput(Reason.NO_TOKEN, no_token_message(code))
        return found, source

    def token_source(self, server: str) -> TokenSource:
        """Where the token would come from (``NONE`` if nowhere). Never raises."""
        try:
            if self.test_server() is not None:
                return self.token(server)[1]
            return self.credentials.has_token(parse_server_code(server))
        except InvalidInput:
            return TokenSource.NONE
        except Exception:  # noqa: BLE001 - a status line is never worth a crash
            log.exception("token source of %s", server)
            return TokenSource.NONE

    def save_token(self, server: str, token: str, *, session_fallback: bool = False) -> SavedToken:
        """Keep ``token`` for ``server`` in the keyring and make sure the operation exists
        (the window lists it at its next start). With ``session_fallback`` a keyring that
        cannot hold it keeps it for this session only; otherwise that raises
        :class:`KeyringUnavailable`. Raises ``InvalidInput(NO_TOKEN)`` for a bad token."""
        code = parse_server_code(server)
        value = validate_token(token)
        register_secret(value)
        try:
            source = self.credentials.save(code, value)
            detail = ""
        except KeyringUnavailable as exc:
            if not session_fallback:
                raise
            self.credentials.set_session_token(code, value)
            source, detail = TokenSource.SESSION, str(exc)
        self.store.ensure_operation(code)
        self._forget_shared(code)
        return SavedToken(source, detail)

    def forget_token(self, server: str) -> None:
        """Remove the saved token (keyring and session). ``WOLKVOX_TOKEN`` stays the
        environment's. Raises :class:`KeyringUnavailable` when the keyring cannot."""
        code = parse_server_code(server)
        self._forget_shared(code)
        self.credentials.delete(code)

    # ---------------------------------------------------------------- operations
    def save_operation(self, op: Operation) -> Operation:
        """Add or update an operation's settings (the store keeps them within the limits)."""
        self.store.upsert_operation(replace(op, server=parse_server_code(op.server)))
        self._forget_shared(op.server)
        return self.operation(op.server)

    def remove_operation(self, server: str) -> bool:
        """Forget an operation, its saved campaigns AND its saved token (the history stays).
        True if it was saved. Raises :class:`KeyringUnavailable` if the token could not be
        removed from the keyring (the operation is removed anyway)."""
        code = parse_server_code(server)
        existed = self.store.delete_operation(code)
        self.forget_token(code)
        return existed

    # ---------------------------------------------------------------- services
    def open(
        self,
        server: str,
        *,
        token: str | None = None,
        read_timeout: float | None = None,
        enforce_budget: bool = True,
    ) -> OperationService:
        """A new service for one operation, owned by the caller (close it with
        :meth:`close_service`). ``token`` is one the person has just typed (Settings' test);
        otherwise the token rule decides. Timeouts default to the operation's setting (read)
        and ``min(10 s, read)`` (connect). Raises :class:`InvalidInput` (bad server code, API
        base or token; the app closing): nothing is sent then."""
        code = parse_server_code(server)
        with self._lock:
            if self._closing:
                raise InvalidInput(Reason.CANCELLED, "The app is closing; nothing was sent.")
        base = resolve_api_base(self._api_base, use_env=self._use_env)
        if token is not None and token.strip():
            secret = validate_token(token)
        else:
            secret, _source = self.token(code)
        register_secret(secret)  # redacted from every log line from now on
        op = self.operation(code)
        read = valid_timeout(read_timeout if read_timeout is not None else op.timeout_s)

        def reading_client() -> WolkvoxClient:  # a live reading never waits for the slot
            return self._client(code, secret, base, min(read, READING_TIMEOUT_S),
                                op.max_in_flight, gate_timeout=0.0)

        service = OperationService(
            self.store,
            self._client(code, secret, base, read, op.max_in_flight),
            code,
            enforce_budget=enforce_budget,
            reading_client=reading_client,
        )
        with self._lock:
            self._open.append(service)
            if self._closing:  # closed meanwhile: never hand out a live client
                service.client.abort()
                service.close_readings()
        return service

    def service(self, server: str) -> OperationService:
        """The operation's shared service (its client keeps its connection warm between
        clicks); a new one replaces it when the token or the settings changed (the old one
        finishes what it has in flight). Owned by this object: never close it yourself.
        Raises like :meth:`open`."""
        code = parse_server_code(server)
        token, _source = self.token(code)
        op = self.operation(code)
        key = (token, op.timeout_s, op.max_in_flight, self._api_base)
        with self._shared_lock:  # one service per operation, even for simultaneous asks
            cached = self._shared.get(code)
            if cached is not None and cached[1] == key and not cached[0].client.aborted:
                return cached[0]
            service = self.open(code, token=token)
            self._shared[code] = (service, key)
            return service

    def call_once(
        self,
        server: str,
        ask: Callable[[OperationService], CallResult],
        *,
        token: str | None = None,
        read_timeout: float | None = None,
        enforce_budget: bool = True,
    ) -> CallResult:
        """Open a service, make one call with it, release it: a result, never an exception
        (nothing is sent when it cannot be opened)."""
        try:
            service = self.open(server, token=token, read_timeout=read_timeout,
                                enforce_budget=enforce_budget)
        except InvalidInput as exc:
            return CallResult.invalid(exc)
        try:
            return ask(service)
        finally:
            self.close_service(service)

    def close_service(self, service: OperationService) -> None:
        """Release a service from :meth:`open` (aborts a call it still has in flight)."""
        with self._lock:
            if service in self._open:
                self._open.remove(service)
        service.client.close()
        service.close_readings()

    def abort_all(self) -> None:
        """From any thread: every call in flight returns promptly, no new service opens."""
        with self._lock:
            self._closing = True
            services = list(self._open)
        for service in services:
            try:
                service.client.abort()
                service.close_readings()
            except Exception:  # noqa: BLE001 - closing goes on
                log.exception("aborting a call failed")

    def close(self) -> None:
        """Abort everything and release every connection (the store stays open)."""
        self.abort_all()
        with self._lock:
            services, self._open = list(self._open), []
            self._shared.clear()
        for service in services:
            try:
                service.client.close()
                service.close_readings()
            except Exception:  # noqa: BLE001 - closing goes on
                log.exception("closing a client failed")

    # ---------------------------------------------------------------- internals
    def _forget_shared(self, server: str) -> None:
        """The next call on ``server`` gets a new service (a call in flight on the old one
        finishes; :meth:`close` releases it)."""
        code = parse_server_code(server)
        with self._shared_lock:
            self._shared.pop(code, None)

    def _client(
        self, server: str, token: str, base: str | None, read: float, in_flight: int,
        *, gate_timeout: float | None = None,
    ) -> WolkvoxClient:
        from wolkvox_desktop.core.api import WolkvoxClient

        return WolkvoxClient(
            server,
            token,
            api_base=base,
            connect_timeout=min(CONNECT_TIMEOUT_CAP_S, read),
            read_timeout=read,
            gate=gate_for(token, in_flight),
            gate_timeout=gate_timeout,
        )


__all__ = [
    "API_BASE_ENV",
    "TOKEN_ENV",
    "Operations",
    "SavedToken",
    "gate_for",
    "no_token_message",
    "resolve_api_base",
    "test_server_from_env",
]
