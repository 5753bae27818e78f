"""Wiring shared by both faces: from a server code to a ready :class:`OperationService`.

The CLI and the GUI worker both call :func:`open_operation`; it resolves the API base
(loopback override only), the token (``WOLKVOX_TOKEN`` > keyring > session, or an explicit
override), reads the operation's settings from the store (timeout, calls in flight) and
builds the client behind the token gate. Every problem is raised as
:class:`~wolkvox_desktop.core.errors.InvalidInput` with a sentence that names no command or
button (each face adds its own hint) and never contains the token. Qt-free.

The returned service owns its client: call ``service.client.close()`` (or use
:func:`closing_operation`) when done.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from wolkvox_desktop.core.api import API_BASE_ENV, WolkvoxClient, validate_api_base
from wolkvox_desktop.core.campaigns import parse_server_code
from wolkvox_desktop.core.credentials import Credentials, KeyringUnavailable, TokenSource
from wolkvox_desktop.core.errors import InvalidInput, Reason
from wolkvox_desktop.core.limits import MAX_SIMULTANEOUS, TokenGate, shared_gate
from wolkvox_desktop.core.logsetup import register_secret
from wolkvox_desktop.core.service import OperationService
from wolkvox_desktop.core.store import Operation, Store

DEFAULT_CONNECT_TIMEOUT_CAP = 10.0

def gate_for(token: str, max_in_flight: int) -> TokenGate:
    """The process-wide gate, with this token's limit set to the operation's setting
    (1 or 2; anything else is clamped into that range).

    One gate with per-token limits, shared by every client of this process, so two windows,
    or a window and a bulk run on the same token, never exceed the limit together (two
    gates for one token would allow the sum of their limits).
    """
    gate = shared_gate()
    limit = max(1, min(MAX_SIMULTANEOUS, int(max_in_flight)))
    # the gate's own default needs no per-token entry
    gate.set_token_limit(token, None if limit == gate.max_in_flight else limit)
    return gate


def resolve_api_base(api_base: str | None = None, *, use_env: bool = True) -> str | None:
    """The loopback API base to use instead of Wolkvox, or ``None`` for the real host.

    An explicit ``api_base`` wins over the ``WOLKVOX_API_BASE`` environment variable. A
    base that is not loopback raises ``InvalidInput(BAD_API_BASE)``: nothing is sent.
    """
    origin = "The API base"
    value = api_base
    if value is None and use_env:
        value = os.environ.get(API_BASE_ENV, "").strip() or None
        origin = API_BASE_ENV
    if value is None:
        return None
    try:
        return validate_api_base(value)
    except InvalidInput as exc:
        raise InvalidInput(
            Reason.BAD_API_BASE,
            f"{origin} is set to {value[:80]!r}, which is not an address on this computer. "
            "For the token's safety, calls go only to Wolkvox itself or to a loopback address "
            "(127.0.0.1, localhost, ::1). Nothing was sent.",
        ) from exc


def no_token_message(server: str) -> str:
    """The face-neutral sentence for a missing token (each face adds how to save one)."""
    return f"No token is saved for operation {server}, so nothing was sent."


def resolve_token(
    server: str, credentials: Credentials | None, token: str | None = None
) -> tuple[str, TokenSource]:
    """The token to use and where it came from: an explicit ``token``, else
    ``credentials.get`` (``WOLKVOX_TOKEN`` > keyring > session). Raises
    ``InvalidInput(NO_TOKEN)`` when there is none (``credentials=None``: only ``token``)."""
    if token is not None and token.strip():
        return token.strip(), TokenSource.SESSION
    if credentials is None:
        raise InvalidInput(Reason.NO_TOKEN, no_token_message(server))
    try:
        found, source = credentials.get(server)
    except KeyringUnavailable as exc:
        raise InvalidInput(
            Reason.NO_TOKEN, f"{no_token_message(server)} The keyring could not be read: {exc}"
        ) from None
    if not found or source is TokenSource.NONE:
        raise InvalidInput(Reason.NO_TOKEN, no_token_message(server))
    return found, source


def open_operation(
    server: str,
    store: Store,
    credentials: Credentials | None,
    *,
    api_base: str | None = None,
    use_env: bool = True,
    token: str | None = None,
    connect_timeout: float | None = None,
    read_timeout: float | None = None,
    gate: TokenGate | None = None,
    enforce_budget: bool = True,
) -> OperationService:
    """A ready service for one operation.

    ``server`` is raw text (``0032``, ``wv0032``, a pasted Wolkvox address). Timeouts default
    to the operation's saved setting (read) and ``min(10 s, read)`` (connect). ``gate``
    defaults to the process-wide gate, with the token's limit set to the operation's
    ``max_in_flight``. ``credentials``
    may be ``None`` when ``token`` is given (the GUI resolves tokens itself). Raises
    :class:`InvalidInput` (bad server code, bad API base, no token); nothing is sent then.
    """
    code = parse_server_code(server)
    base = resolve_api_base(api_base, use_env=use_env)
    secret, _source = resolve_token(code, credentials, token)
    register_secret(secret)  # redacted from every log line from now on
    op = store.operation(code) or Operation(server=code)
    read = float(read_timeout) if read_timeout is not None else float(op.timeout_s)
    if read <= 0:
        read = Operation.timeout_s
    connect = (
        float(connect_timeout)
        if connect_timeout is not None
        else min(DEFAULT_CONNECT_TIMEOUT_CAP, read)
    )
    client = WolkvoxClient(
        code,
        secret,
        api_base=base,
        use_env=False,
        connect_timeout=connect,
        read_timeout=read,
        gate=gate if gate is not None else gate_for(secret, op.max_in_flight),
    )
    return OperationService(store, client, code, enforce_budget=enforce_budget)


@contextmanager
def closing_operation(
    server: str, store: Store, credentials: Credentials | None, **kwargs: object
) -> Iterator[OperationService]:
    """``with closing_operation(...) as service:`` closes the client afterwards."""
    service = open_operation(server, store, credentials, **kwargs)  # type: ignore[arg-type]
    try:
        yield service
    finally:
        service.client.close()
