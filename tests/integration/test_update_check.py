"""The update check over real HTTPS on loopback (issue 21, point 7).

A throwaway CA signs the feed server's certificate. Trusted (a test trust store holding
that CA, in place of the OS's), the check reads GitHub-shaped answers and says "version X
is available"; with the real OS trust store the same server is refused before anything is
sent, in this process and in a real ``wolkvox --version --check``. Never a credential:
with ``WOLKVOX_TOKEN`` set, the server reads no token, no Authorization, no cookie. HTTPS
only, redirects included; a bounded answer; nothing downloaded (only the feed's address
is ever requested).
"""

from __future__ import annotations

import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.throwaway_tls import FeedServer, Kit, make_kit
from wolkvox_desktop.core import transport, updates
from wolkvox_desktop.core.updates import Status

SECRET = "kv-update-5c1e9a0d7b3f"  # made up: a token that must never reach the feed


def release(tag: str) -> dict[str, Any]:
    return {"tag_name": tag, "html_url": f"https://github.com/example/x/releases/tag/{tag}",
            "draft": False, "prerelease": False,
            "assets": [{"browser_download_url": "https://127.0.0.1:1/never-fetched.exe"}]}


@pytest.fixture
def kit(tmp_path: Path) -> Kit:
    return make_kit(tmp_path)


@pytest.fixture
def feed(kit: Kit) -> Iterator[FeedServer]:
    server = FeedServer(kit)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def trusting(kit: Kit, monkeypatch: pytest.MonkeyPatch) -> None:
    """This process trusts the throwaway CA (as if IT had put it in the OS trust store)."""
    monkeypatch.setattr(transport, "os_trust_context", kit.client_context)


@pytest.fixture(autouse=True)
def token_in_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WOLKVOX_TOKEN", SECRET)
    monkeypatch.setenv("WOLKVOX_DESKTOP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WOLKVOX_UPDATE_FEED", raising=False)


def sent(feed: FeedServer) -> str:
    return repr([(s.method, s.path, s.headers) for s in feed.seen])


def test_a_newer_release_is_found_and_nothing_but_the_feed_is_asked(
    feed: FeedServer, trusting: None
) -> None:
    url = feed.json("/repos/example/x/releases/latest", release("v9.2.0"))
    result = updates.check(url, current="0.1.0")
    assert result.status is Status.NEWER
    assert result.sentence == ("Version 9.2.0 is available: "
                               "https://github.com/example/x/releases/tag/v9.2.0")
    assert [(s.method, s.path) for s in feed.seen] == [("GET", "/repos/example/x/releases/latest")]
    headers = {k.lower(): v for k, v in feed.seen[0].headers.items()}
    assert set(headers) <= {"host", "user-agent", "accept", "accept-encoding", "connection"}
    assert headers["user-agent"].startswith("WolkvoxDesktop/")
    assert SECRET not in sent(feed)


def test_a_release_list_and_the_current_version(feed: FeedServer, trusting: None) -> None:
    url = feed.json("/releases", [release("v0.1.0"), {**release("v0.2.0"), "draft": True}])
    result = updates.check(url, current="0.1.0")
    assert result.status is Status.CURRENT
    assert result.sentence == "This is the newest version (0.1.0)."


def test_the_os_trust_store_refuses_a_certificate_it_does_not_know(feed: FeedServer) -> None:
    url = feed.json("/latest", release("v9.2.0"))
    result = updates.check(url, current="0.1.0")
    assert result.status is Status.FAILED
    assert result.sentence == ("The update feed's certificate is not trusted by this "
                               "computer; nothing was read.")
    assert feed.seen == []  # the handshake failed: no request was ever sent


def test_a_redirect_to_http_is_not_followed(feed: FeedServer, trusting: None) -> None:
    plain = FeedServer(feed.kit)  # would answer anything; must be asked nothing
    try:
        url = feed.redirect("/latest", plain.base.replace("https:", "http:") + "/latest")
        result = updates.check(url, current="0.1.0")
    finally:
        plain.close()
    assert result.status is Status.FAILED and "not https://" in result.sentence
    assert plain.seen == [] and [s.path for s in feed.seen] == ["/latest"]


def test_an_https_redirect_is_followed_without_the_first_hosts_cookie(
    feed: FeedServer, trusting: None
) -> None:
    feed.json("/moved", release("v9.3.0"))
    feed.routes["/latest"] = (301, {"Location": "/moved", "Set-Cookie": "session=abc"}, b"")
    result = updates.check(feed.base + "/latest", current="0.1.0")
    assert result.latest == "9.3.0"
    assert [s.path for s in feed.seen] == ["/latest", "/moved"]
    assert "cookie" not in {k.lower() for k in feed.seen[1].headers}


@pytest.mark.parametrize(("route", "words"), [
    ((503, {}, b"busy"), "answered HTTP 503"),
    ((200, {"Content-Type": "text/html"}, b"<html>login</html>"), "not JSON"),
    ((200, {}, b"[" + b'"x",' * 300_000 + b'"x"]'), "too large"),
])
def test_a_feed_answer_that_is_no_release_list(
    feed: FeedServer, trusting: None, route: tuple[int, dict[str, str], bytes], words: str
) -> None:
    feed.routes["/feed"] = route
    result = updates.check(feed.base + "/feed", current="0.1.0")
    assert result.status is Status.FAILED and words in result.sentence


def test_an_address_that_is_not_https_is_never_contacted(feed: FeedServer) -> None:
    result = updates.check(feed.base.replace("https:", "http:") + "/latest")
    assert result.status is Status.INVALID and feed.seen == []


# ---------------------------------------------------------------- wolkvox --version --check
def test_the_command_says_a_newer_version_is_available(
    feed: FeedServer, trusting: None, monkeypatch: pytest.MonkeyPatch, capsys: Any,
    tmp_path: Path
) -> None:
    from wolkvox_desktop.cli import main

    monkeypatch.setenv("WOLKVOX_UPDATE_FEED", feed.json("/latest", release("v9.2.0")))
    assert main(["--version", "--check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("wolkvox ") and out[1].startswith("Version 9.2.0 is available: ")
    state = (tmp_path / "home" / updates.STATE_FILE_NAME).read_text(encoding="utf-8")
    assert '"latest": "9.2.0"' in state  # the window will not ask again today
    assert SECRET not in sent(feed)


def test_the_command_without_a_feed_says_the_check_is_off(capsys: Any) -> None:
    from wolkvox_desktop.cli import main

    assert main(["--check", "--version"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("wolkvox ") and "is off" in captured.err


def test_a_real_wolkvox_process_refuses_a_feed_the_os_does_not_trust(
    feed: FeedServer, kit: Kit, tmp_path: Path
) -> None:
    """The installed command's own trust store (the OS's); SSL_CERT_FILE naming the CA is
    not read either."""
    import os

    url = feed.json("/latest", release("v9.2.0"))
    env = {**os.environ, "WOLKVOX_UPDATE_FEED": url, "SSL_CERT_FILE": str(kit.ca_file),
           "WOLKVOX_DESKTOP_HOME": str(tmp_path / "proc-home")}
    proc = subprocess.run([sys.executable, "-m", "wolkvox_desktop.cli", "--version", "--check"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 4, proc.stderr  # not delivered: the feed could not be read
    assert "certificate is not trusted" in proc.stderr
    assert feed.seen == [] and SECRET not in proc.stdout + proc.stderr
    assert ssl.create_default_context(cafile=str(kit.ca_file))  # the CA itself is fine
