"""What a call ends in when Wolkvox's answer never came (or could not be read to its end):
not delivered (nothing reached Wolkvox: retried once when no connection was ever made),
unknown (it may have happened), or cancelled. Pure functions of the request and of what
the network layer raised, unit-tested without a network."""

from __future__ import annotations

import socket

import requests
import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    NameResolutionError,
    NewConnectionError,
    ReadTimeoutError,
)

from wolkvox_desktop.core.answers import ResponseContext
from wolkvox_desktop.core.api_request import ApiRequest
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason


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
