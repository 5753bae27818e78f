"""Where calls go, checked from strings alone: an operation's server code, and the loopback
test server (``WOLKVOX_API_BASE``) that may replace Wolkvox's host.

Light on purpose: the window validates these before its first frame (``--server``, the
test-server badge), so this module imports nothing heavy (no HTTP client, no enums, no
store); :mod:`~wolkvox_desktop.core.errors` loads only when a value is refused. The
campaign model (:mod:`~wolkvox_desktop.core.campaigns`), the HTTP client
(:mod:`~wolkvox_desktop.core.api`) and the front door (:mod:`~wolkvox_desktop.core.operations`)
re-export these names.
"""

from __future__ import annotations

import ipaddress
import os
import re
from typing import NoReturn
from urllib.parse import urlsplit

API_BASE_ENV = "WOLKVOX_API_BASE"
MAX_SERVER_CODE_LENGTH = 8

# compiled on first use (re's own cache): a start without --server never needs them
_SERVER_DIGITS = rf"[0-9]{{1,{MAX_SERVER_CODE_LENGTH}}}"
_WOLKVOX_HOST = rf"wv([0-9]{{1,{MAX_SERVER_CODE_LENGTH}}})\.wolkvox\.com"

_BAD_SERVER_CODE = (
    "The server code must be the digits Wolkvox gave your operation, such as 0032 "
    "(or paste a https://wv0032.wolkvox.com address)."
)
_BAD_API_BASE = (
    "The API base override (WOLKVOX_API_BASE) must be a loopback address such as "
    "http://127.0.0.1:8080, without a path; the token is only ever sent to Wolkvox or to "
    "this computer."
)


def _refuse(reason: str, message: str) -> NoReturn:
    """Raise ``InvalidInput(Reason(reason), message)`` (errors load only here)."""
    from wolkvox_desktop.core.errors import InvalidInput, Reason

    raise InvalidInput(Reason(reason), message)


def _digits(text: str) -> bool:
    return re.fullmatch(_SERVER_DIGITS, text, re.ASCII) is not None


def parse_server_code(text: str) -> str:
    """Return the server code (ASCII digits, kept as a string: leading zeros matter).

    A pasted Wolkvox URL (``https://wv0032.wolkvox.com/...``) or host (``wv0032.wolkvox.com``,
    ``wv0032``) is understood as ``0032``. Anything else raises :class:`InvalidInput` so that
    no request is ever built from it.
    """
    raw = (text or "").strip()
    if _digits(raw):
        return raw
    candidate = raw
    if "://" in candidate:
        try:
            parts = urlsplit(candidate)
            # .port raises ValueError for a non-numeric or out-of-range port
            plain = not (parts.username or parts.password or parts.port)
        except ValueError:
            parts, plain = None, False
        if parts is not None and plain and parts.scheme.lower() in ("http", "https"):
            candidate = (parts.hostname or "").lower()
        else:
            candidate = ""
    else:
        candidate = candidate.rstrip("/").lower()
        if "/" in candidate:
            candidate = candidate.split("/", 1)[0]
    match = re.fullmatch(_WOLKVOX_HOST, candidate, re.ASCII)
    if match is None and candidate.startswith("wv") and _digits(candidate[2:]):
        return candidate[2:]
    if match is not None:
        return match.group(1)
    _refuse("bad_server_code", _BAD_SERVER_CODE)


def validate_api_base(value: str) -> str:
    """Return a normalised ``http(s)://host[:port]`` base; raise InvalidInput(BAD_API_BASE)
    unless the host is loopback (127.0.0.0/8, ``localhost``, ``::1``).

    User info, query, fragment and any path other than ``/`` are refused (the documented
    paths are appended unchanged, e.g. ``/api/v2/campaign.php``).
    """
    raw = value.strip() if isinstance(value, str) else ""
    if not raw or not raw.isprintable() or any(ch.isspace() or ch == "\\" for ch in raw):
        _refuse("bad_api_base", _BAD_API_BASE)
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        _refuse("bad_api_base", _BAD_API_BASE)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or parts.username is not None or parts.password:
        _refuse("bad_api_base", _BAD_API_BASE)
    if "@" in parts.netloc or parts.query or parts.fragment or parts.path not in ("", "/"):
        _refuse("bad_api_base", _BAD_API_BASE)
    host = (parts.hostname or "").lower()
    if host == "localhost":
        shown = host
    else:
        if "%" in host:
            _refuse("bad_api_base", _BAD_API_BASE)
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            _refuse("bad_api_base", _BAD_API_BASE)
        if not address.is_loopback:
            _refuse("bad_api_base", _BAD_API_BASE)
        shown = f"[{address.compressed}]" if address.version == 6 else address.compressed
    return f"{scheme}://{shown}" + (f":{port}" if port is not None else "")


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
    except ValueError as exc:  # InvalidInput (errors load only here)
        from wolkvox_desktop.core.errors import InvalidInput, Reason

        raise InvalidInput(
            Reason.BAD_API_BASE,
            f"{origin} is set to {value[:80]!r}, which is not an address on this computer. "
            "For the token's safety, calls go only to Wolkvox itself or to a loopback address "
            "(127.0.0.1, localhost, ::1). Nothing was sent.",
        ) from exc


def test_server_from_env() -> str | None:
    """The test server ``WOLKVOX_API_BASE`` names while it is set (its value as typed, cut
    short, when it is not a valid loopback base: calls are then refused anyway)."""
    value = os.environ.get(API_BASE_ENV, "").strip()
    if not value:
        return None
    try:
        return validate_api_base(value)
    except ValueError:  # InvalidInput
        return value[:80]
