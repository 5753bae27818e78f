"""What Wolkvox's answers mean: the error table, and every answer as a result.

Pure functions, unit-tested without a network: :func:`interpret_response` turns an HTTP
status and a complete body into a :class:`~wolkvox_desktop.core.errors.CallResult` with a
sentence a supervisor can act on ("done" only on a positive answer). Failures that left no
answer are :mod:`~wolkvox_desktop.core.failures`'. Nothing here ever holds the token except
:class:`ResponseContext`, which uses it only to scrub it out of any text Wolkvox might echo.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wolkvox_desktop.core.api_request import ApiRequest, TokenInfo
from wolkvox_desktop.core.campaigns import (
    Campaign,
    CampaignStatus,
    CampaignType,
    validate_campaign_id,
)
from wolkvox_desktop.core.errors import CallResult, InvalidInput, Outcome, Reason

_MAX_TEXT = 300  # longest Wolkvox msg/error text kept in a result


@dataclass(frozen=True)
class ResponseContext:
    """What message building needs to know besides the answer itself."""

    host: str
    read_timeout: float
    max_body_bytes: int
    secret: str = field(default="", repr=False)


#: Wolkvox's words for "too many requests with this token at once". Only its own refusal,
#: an HTTP 403 that says them, is ``SIMULTANEOUS_LIMIT`` (the one answer sent again by
#: itself); the same words in any other answer are just that answer.
BUSY_PHRASE = "EXCEEDS THE LIMIT OF SIMULTANEOUS REQUESTS"

_ERROR_TABLE: tuple[tuple[str, Reason], ...] = (
    (BUSY_PHRASE, Reason.SIMULTANEOUS_LIMIT),
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
    Reason.UNKNOWN_API: ("Wolkvox does not know this request; Wolkvox Desktop may need an update."),
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


def match_error_table(msg: str | None, error: str | None, *, http_status: int) -> Reason | None:
    """The documented error-table row whose message matches (case-insensitively), if any.

    The busy row (:data:`BUSY_PHRASE`) matches only an HTTP 403: Wolkvox's own refusal."""
    haystack = f"{_normalise(msg)} | {_normalise(error)}"
    for phrase, reason in _ERROR_TABLE:
        if phrase in haystack and (reason is not Reason.SIMULTANEOUS_LIMIT or http_status == 403):
            return reason
    return None


def says_busy(msg: str | None, error: str | None) -> bool:
    """Whether the answer carries Wolkvox's "too many simultaneous requests" words."""
    return BUSY_PHRASE in f"{_normalise(msg)} | {_normalise(error)}"


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


def parse_licenses(body: Mapping[str, Any]) -> int | None:
    """``licenses`` of ``information.php?api=services`` (in ``data``, an object or a
    one-row list, or at the top level): a whole number of 1 or more, else None."""
    candidates: list[Mapping[str, Any]] = []
    data = body.get("data")
    if isinstance(data, dict):
        candidates.append(data)
    elif isinstance(data, list):
        candidates.extend(row for row in data if isinstance(row, dict))
    candidates.append(body)
    for row in candidates:
        licenses = _int_or_none(row.get("licenses"))
        if licenses is not None and 0 < licenses < 10**9:
            return licenses
    return None


def _live_result(
    request: ApiRequest,
    parsed: object,
    result: Callable[..., CallResult],
    unknown: Callable[[Reason, str], CallResult],
) -> CallResult:
    """A live reading's answer (either shape) as a result whose ``data`` is a
    :class:`~wolkvox_desktop.core.live.LiveReading` (loaded only here: a start never needs
    it)."""
    from datetime import datetime

    from wolkvox_desktop.core.live import LiveDataError, parse_live

    try:
        reading = parse_live(parsed, datetime.now().astimezone())
    except LiveDataError as exc:
        return unknown(Reason.NOT_JSON, f"Wolkvox sent {exc}")
    count = len(reading.campaigns)
    noun = "campaign" if count == 1 else "campaigns"
    return result(Outcome.OK, Reason.OK, f"Wolkvox read {count} {noun} live.", reading)


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
    and code say, except the busy words: only an HTTP 403 with them is Wolkvox's
    "too many simultaneous requests" (``SIMULTANEOUS_LIMIT``, the one answer the service
    sends again); in any other 4xx they are that refusal's text, in a 2xx that does not
    refuse they make it *unknown*. Anything else (an empty body, ``{}``, a code and an
    error that contradict each other) is *unknown*, with Wolkvox's own text kept in
    ``msg``. A read (the campaign list, the token count) that carries an error is never a
    success.
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
        msg = _text(body[: _MAX_TEXT * 2].decode("utf-8", "replace"), secret)

    def result(outcome: Outcome, reason: Reason, message: str, data: object = None) -> CallResult:
        return CallResult(
            outcome,
            reason,
            scrub(message, secret),
            http_status=status,
            code=code,
            error=error,
            msg=msg,
            data=data,
        )

    def unknown(reason: Reason, cause: str) -> CallResult:
        return result(Outcome.UNKNOWN, reason, request.unknown_sentence(cause))

    def refused(fallback_status: int, known: Reason | None = None) -> CallResult:
        reason = known or match_error_table(msg, error, http_status=status)
        if reason is None:
            if busy:  # the busy words, but not Wolkvox's own refusal: this answer's error
                reason = Reason.REFUSED_OTHER
            elif fallback_status == 401:
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

    busy = says_busy(msg, error)
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
    if json_ok and isinstance(parsed, list) and request.kind == "real_time":
        return _live_result(request, parsed, result, unknown)  # the bare array, as documented
    if not json_ok or not isinstance(parsed, dict):
        what = _describe_non_json(body) if not json_ok else "data in an unexpected shape"
        return unknown(Reason.NOT_JSON, f"Wolkvox sent {what} (HTTP {status})")
    known = match_error_table(msg, error, http_status=status)
    if known is not None:
        return refused(code if code is not None else status, known)
    if busy and (code is None or code < 300):
        # "too many requests at once" in an answer that does not refuse: it contradicts
        # itself, so whether the call was carried out is unknown (and it is never resent)
        return unknown(
            Reason.UNEXPECTED,
            f"Wolkvox's answer (HTTP {status}"
            + (f", code {code}" if code is not None else ", no code")
            + ") said too many requests were running with this token, without refusing "
            "the call",
        )
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
        kept = "; the saved list was kept" if request.kind == "campaigns" else ""
        return unknown(Reason.UNEXPECTED, f"Wolkvox's answer carried an error ({error}){kept}")
    if request.kind == "campaigns":
        data = parsed.get("data")
        if not isinstance(data, (list, dict)):
            return unknown(Reason.NOT_JSON, "Wolkvox's answer held no campaign data")
        campaigns = parse_campaigns(data)
        count = len(campaigns)
        noun = "campaign" if count == 1 else "campaigns"
        return result(Outcome.OK, Reason.OK, f"Wolkvox listed {count} {noun}.", campaigns)
    if request.kind == "real_time":
        return _live_result(request, parsed, result, unknown)
    if request.kind == "services":
        licenses = parse_licenses(parsed)
        if licenses is None:
            return unknown(Reason.NOT_JSON, "Wolkvox's answer held no number of licenses")
        noun = "license" if licenses == 1 else "licenses"
        return result(Outcome.OK, Reason.OK,
                      f"Wolkvox says this operation has {licenses} {noun}.", licenses)
    info = parse_token_info(parsed)
    if info is None:
        return unknown(Reason.NOT_JSON, "Wolkvox's answer held no token count")
    used = "?" if info.token_use_today is None else str(info.token_use_today)
    limit = "?" if info.token_limit is None else str(info.token_limit)
    return result(
        Outcome.OK, Reason.OK, f"Wolkvox counts {used} of {limit} token uses today.", info
    )
