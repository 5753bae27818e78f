"""Is a newer version published? Asked of a release feed IT sets up; nothing is downloaded.

Off unless a feed is set: the ``WOLKVOX_UPDATE_FEED`` environment variable (IT can set it
for every user, e.g. by group policy), else ``feed_url`` in the ``[updates]`` section of the
app's ``settings.ini``. The feed is read in GitHub's releases API shape: one release
(``.../releases/latest``: ``tag_name``, ``html_url``) or a list of them (the newest that
is neither a draft nor a pre-release counts); a plain ``{"version": ..., "url": ...}``
object works too, for a feed IT hosts itself.

The rules of the product's other connections hold here too: HTTPS only (also for every
redirect), TLS verified against the OS trust store (:mod:`.transport`), the OS proxy
settings, no credentials of any kind (no token, no cookie, no ``.netrc``: the request
carries only a User-Agent and an Accept header), a deadline for the whole exchange and a
size limit for the answer. The answer says "version X is available" and links to the
release page; installing it stays a person's decision.

The window asks at most once a day (:func:`check_if_due`, on the worker's background
lane, never while a run is going), ``wolkvox --version --check`` whenever it is run; both
record the answer in ``<data folder>/update-check.json``, so the window can show a known
newer version without asking again. Nothing here runs at start-up: the module (and
requests) is imported only when a check is made.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from wolkvox_desktop import __version__

log = logging.getLogger(__name__)

FEED_ENV = "WOLKVOX_UPDATE_FEED"
SETTINGS_FILE_NAME = "settings.ini"  # gui.qsettings.SETTINGS_FILE_NAME
SETTINGS_SECTION, SETTINGS_KEY = "updates", "feed_url"
STATE_FILE_NAME = "update-check.json"
CHECK_EVERY = timedelta(days=1)
DEADLINE_S = 15.0  # the whole exchange, redirects included
CONNECT_TIMEOUT_S = 5.0
MAX_BODY_BYTES = 1_000_000  # a GitHub releases list of 30 is ~200 kB
MAX_REDIRECTS = 3
USER_AGENT = f"WolkvoxDesktop/{__version__} (update check)"


class Status(str, Enum):
    NEWER = "newer"  # a newer version is published
    CURRENT = "current"  # this is the newest
    OFF = "off"  # no feed set
    INVALID = "invalid"  # the feed setting is not an https:// address
    FAILED = "failed"  # the feed could not be read (network, TLS, its answer)


@dataclass(frozen=True)
class UpdateCheck:
    """What a check found. ``sentence`` says it in English (the CLI, the log)."""

    status: Status
    current: str
    latest: str | None = None
    url: str | None = None  # the release page (https only)
    feed: str | None = None
    checked_at: datetime | None = None
    sentence: str = ""

    @property
    def newer(self) -> bool:
        return self.status is Status.NEWER


class FeedError(Exception):
    """The feed could not be read; the message is a sentence (no secret is ever in it)."""


# --- the setting ---------------------------------------------------------------------------

def feed_url(env: Mapping[str, str] | None = None, settings_file: Path | None = None) -> str:
    """The feed IT set (``""``: none). The environment wins over ``settings.ini``."""
    env = os.environ if env is None else env
    value = env.get(FEED_ENV, "").strip()
    if value:
        return value
    if settings_file is None:
        from wolkvox_desktop.core import paths

        settings_file = paths.app_data_dir() / SETTINGS_FILE_NAME
    return _ini_value(settings_file, SETTINGS_SECTION, SETTINGS_KEY)


def _ini_value(path: Path, section: str, key: str) -> str:
    """A value of the INI file Qt's QSettings writes (read-only; quotes removed)."""
    import configparser

    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError) as exc:
        log.warning("the settings file could not be read for the update feed: %s",
                    type(exc).__name__)
        return ""
    value = parser.get(section, key, fallback="").strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    return value.strip()


def feed_problem(url: str) -> str | None:
    """Why ``url`` cannot be a feed (a sentence), or None."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or not parts.hostname:
        return ("The update feed must be an https:// address; the one set is not, so no "
                "check was made.")
    if parts.username or parts.password:
        return ("The update feed address holds a user name or password; no credentials are "
                "ever sent, so no check was made.")
    return None


# --- versions ------------------------------------------------------------------------------

_VERSION = re.compile(r"^\s*v?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta)[-_.]?(\d*))?"
                      r"(?:[-_.]?post[-_.]?(\d*))?(?:[-_.]?dev[-_.]?(\d*))?\s*$", re.IGNORECASE)
_PRE = {"a": 0, "alpha": 0, "b": 1, "beta": 1, "c": 2, "rc": 2}


def version_key(text: str) -> tuple[Any, ...] | None:
    """A sortable key for a PEP 440-like version (``v1.2.0``, ``1.2.0rc1``, ``1.2.post1``),
    or None when ``text`` is not one."""
    match = _VERSION.match(text or "")
    if not match:
        return None
    release, pre, pre_n, post, dev = match.groups()
    numbers = [int(n) for n in release.split(".")]
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()
    pre_key = (_PRE[pre.lower()], int(pre_n or 0)) if pre else (3, 0)  # final after rc
    if dev is not None and not pre and post is None:
        pre_key = (-1, 0)  # 1.2.dev1 comes before 1.2a1
    return (tuple(numbers), pre_key, int(post or 0) if post is not None else -1,
            int(dev or 0) if dev is not None else float("inf"))


def is_newer(candidate: str, current: str) -> bool:
    """Whether ``candidate`` is a later version than ``current`` (False if either is not a
    version)."""
    theirs, mine = version_key(candidate), version_key(current)
    return theirs is not None and mine is not None and theirs > mine


def is_prerelease(text: str) -> bool:
    match = _VERSION.match(text or "")
    return bool(match and (match.group(2) or match.group(5) is not None))


# --- the feed's answer ---------------------------------------------------------------------

def latest_release(data: Any) -> tuple[str, str | None]:
    """``(version, release page or None)`` from a feed's JSON; raises :class:`FeedError`."""
    candidates = data if isinstance(data, list) else [data]
    found: list[tuple[tuple[Any, ...], str, str | None]] = []
    for item in candidates:
        if not isinstance(item, dict) or item.get("draft") or item.get("prerelease"):
            continue
        version = str(item.get("tag_name") or item.get("version") or "").strip()
        key = version_key(version)
        if key is None or is_prerelease(version):
            continue
        page = item.get("html_url") or item.get("url")
        page = str(page) if isinstance(page, str) and _is_https(page) else None
        found.append((key, version.lstrip("vV"), page))
    if not found:
        raise FeedError("The update feed answered, but named no published version.")
    _key, version, page = max(found, key=lambda f: f[0])
    return version, page


def _is_https(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme.lower() == "https" and bool(parts.hostname)


def fetch(url: str, *, ssl_context: Any = None, deadline_s: float = DEADLINE_S) -> Any:
    """GET the feed (HTTPS only, redirects included) and return its JSON. ``ssl_context``:
    tests only (a throwaway CA); by default the OS trust store. Raises :class:`FeedError`."""
    import requests

    from wolkvox_desktop.core.transport import (
        TRANSPORT_ERRORS,
        Attempt,
        GuardedAdapter,
        os_proxies_for,
        os_trust_context,
        tracking,
        watch_deadline,
    )

    deadline = time.monotonic() + deadline_s
    adapter = GuardedAdapter(ssl_context if ssl_context is not None else os_trust_context(),
                             pool_maxsize=1)
    session = requests.Session()
    session.trust_env = False  # no .netrc, no REQUESTS_CA_BUNDLE: the OS trust store only
    session.mount("https://", adapter)
    session.headers.clear()
    session.headers.update({"User-Agent": USER_AGENT,
                            "Accept": "application/vnd.github+json, application/json"})
    attempt = Attempt()
    try:
        with tracking(attempt), watch_deadline(attempt, deadline):
            for _hop in range(MAX_REDIRECTS + 1):
                problem = feed_problem(url)
                if problem:
                    raise FeedError(problem if _hop == 0 else
                                    "The update feed redirected to an address that is not "
                                    "https://; it was not followed.")
                session.cookies.clear()  # nothing a server set travels to the next hop
                left = max(0.1, deadline - time.monotonic())
                response = session.get(url, allow_redirects=False, stream=True,
                                       proxies=os_proxies_for(url),
                                       timeout=(min(CONNECT_TIMEOUT_S, left), left))
                with response:
                    if response.is_redirect and response.headers.get("Location"):
                        url = urljoin(url, response.headers["Location"])
                        continue
                    if response.status_code != 200:
                        raise FeedError(f"The update feed answered HTTP {response.status_code}.")
                    body = bytearray()
                    for chunk in response.iter_content(64 * 1024):
                        body += chunk
                        if len(body) > MAX_BODY_BYTES:
                            raise FeedError("The update feed's answer is too large to be a "
                                            "release list.")
                try:
                    return json.loads(bytes(body).decode("utf-8"))
                except (UnicodeDecodeError, ValueError):
                    raise FeedError("The update feed's answer is not JSON.") from None
            raise FeedError("The update feed redirected too many times.")
    except FeedError:
        raise
    except TRANSPORT_ERRORS as exc:
        if attempt.expired:
            raise FeedError(f"The update feed did not answer within {deadline_s:.0f} s.") from None
        raise FeedError(_transport_sentence(exc)) from None
    finally:
        session.close()


def _transport_sentence(exc: BaseException) -> str:
    import ssl

    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    text = " ".join(type(e).__name__ + ": " + str(e) for e in chain)
    if any(isinstance(e, ssl.SSLCertVerificationError) for e in chain) or \
            "CERTIFICATE_VERIFY_FAILED" in text:
        return ("The update feed's certificate is not trusted by this computer; nothing was "
                "read.")
    if any(isinstance(e, ssl.SSLError) for e in chain) or "SSLError" in text:
        return "A secure connection to the update feed could not be made."
    return "The update feed could not be reached (network or proxy)."


# --- a check -------------------------------------------------------------------------------

def check(url: str, *, current: str = __version__, now: datetime | None = None,
          fetcher: Callable[[str], Any] | None = None) -> UpdateCheck:
    """Ask the feed at ``url`` now. Never raises for a network or feed problem."""
    now = now or datetime.now(timezone.utc)
    if not url:
        return UpdateCheck(Status.OFF, current, sentence=(
            "Checking for a newer version is off: no release feed is configured "
            f"({FEED_ENV}, or feed_url in the [updates] section of settings.ini)."))
    problem = feed_problem(url)
    if problem:
        return UpdateCheck(Status.INVALID, current, feed=url, sentence=problem)
    try:
        latest, page = latest_release((fetcher or fetch)(url))
    except FeedError as exc:
        log.info("update check failed: %s", exc)
        return UpdateCheck(Status.FAILED, current, feed=url, checked_at=now, sentence=str(exc))
    if is_newer(latest, current):
        where = f": {page}" if page else "."
        return UpdateCheck(Status.NEWER, current, latest, page, url, now,
                           f"Version {latest} is available{where}")
    return UpdateCheck(Status.CURRENT, current, latest, page, url, now,
                       f"This is the newest version ({current}).")


def state_path(data_dir: Path | None = None) -> Path:
    if data_dir is None:
        from wolkvox_desktop.core import paths

        data_dir = paths.app_data_dir()
    return data_dir / STATE_FILE_NAME


def load_state(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(result: UpdateCheck, path: Path) -> None:
    """Record a finished check (a failed one too: it counts as today's try)."""
    if result.checked_at is None:
        return
    data = {"feed": result.feed, "checked_at": result.checked_at.isoformat(),
            "status": result.status.value, "current": result.current,
            "latest": result.latest, "url": result.url}
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("the update check could not be recorded: %s", exc.strerror or exc)


def _recorded(state: dict[str, Any], url: str, current: str) -> UpdateCheck | None:
    """The recorded answer for this feed, re-judged against this version."""
    try:
        when = datetime.fromisoformat(str(state["checked_at"]))
    except (KeyError, ValueError):
        return None
    if state.get("feed") != url or when.tzinfo is None:
        return None
    latest = state.get("latest")
    url_page = state.get("url") if isinstance(state.get("url"), str) else None
    page = url_page if url_page and _is_https(url_page) else None
    if isinstance(latest, str) and is_newer(latest, current):
        where = f": {page}" if page else "."
        return UpdateCheck(Status.NEWER, current, latest, page, url, when,
                           f"Version {latest} is available{where}")
    status = Status.FAILED if state.get("status") == Status.FAILED.value else Status.CURRENT
    return UpdateCheck(status, current, latest if isinstance(latest, str) else None, page,
                       url, when, "")


def check_if_due(*, now: datetime | None = None, env: Mapping[str, str] | None = None,
                 data_dir: Path | None = None, current: str = __version__,
                 fetcher: Callable[[str], Any] | None = None) -> UpdateCheck:
    """The window's check: at most once a day per feed. Otherwise the recorded answer
    (a newer version found earlier is still news; this version may be it by now)."""
    now = now or datetime.now(timezone.utc)
    folder = data_dir
    if folder is None:
        from wolkvox_desktop.core import paths

        folder = paths.app_data_dir()
    url = feed_url(env, folder / SETTINGS_FILE_NAME)
    if not url or feed_problem(url):
        return check(url, current=current, now=now)
    path = state_path(folder)
    recorded = _recorded(load_state(path), url, current)
    if recorded is not None and recorded.checked_at is not None and \
            timedelta(0) <= now - recorded.checked_at < CHECK_EVERY:
        return recorded
    result = check(url, current=current, now=now, fetcher=fetcher)
    save(result, path)
    return result
