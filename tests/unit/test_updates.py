"""The update check's rules without a network (issue 21, point 7): which feed, which
version counts as newer, what a feed's answer means, at most once a day. The exchange over
HTTPS is tests/integration/test_update_check.py.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from wolkvox_desktop.core import updates
from wolkvox_desktop.core.updates import FeedError, Status

NOW = datetime(2026, 12, 8, 9, 0, tzinfo=timezone.utc)
FEED = "https://api.github.com/repos/example/wolkvox-desktop/releases/latest"


def github_release(tag: str, *, draft: bool = False, prerelease: bool = False) -> dict[str, Any]:
    return {"tag_name": tag, "html_url": f"https://github.com/example/x/releases/tag/{tag}",
            "draft": draft, "prerelease": prerelease,
            "assets": [{"browser_download_url": f"https://github.com/x/{tag}/setup.exe"}]}


# ---------------------------------------------------------------- versions
@pytest.mark.parametrize(("older", "newer"), [
    ("0.1.0", "0.2.0"), ("0.9.9", "0.10.0"), ("1.2.0rc1", "1.2.0"), ("1.2.0a1", "1.2.0b1"),
    ("1.2.0", "1.2.0.post1"), ("1.2.dev3", "1.2.0a1"), ("v1.2.0", "1.2.1"), ("1.2", "1.2.0.1"),
])
def test_version_order(older: str, newer: str) -> None:
    assert updates.is_newer(newer, older) and not updates.is_newer(older, newer)


def test_equal_and_unreadable_versions_are_not_newer() -> None:
    assert not updates.is_newer("1.2.0", "v1.2") and not updates.is_newer("nightly", "0.1.0")
    assert updates.version_key("release-candidate") is None


# ---------------------------------------------------------------- the feed's answer
def test_githubs_latest_release() -> None:
    assert updates.latest_release(github_release("v0.3.0")) == (
        "0.3.0", "https://github.com/example/x/releases/tag/v0.3.0")


def test_a_release_list_counts_its_newest_published_release() -> None:
    answer = [github_release("v0.4.0", draft=True), github_release("v0.5.0rc1", prerelease=True),
              github_release("v0.3.1"), github_release("v0.3.2"), github_release("v0.6.0b2"),
              {"tag_name": "nightly"}]
    assert updates.latest_release(answer)[0] == "0.3.2"


def test_a_plain_feed_and_a_page_that_is_not_https() -> None:
    assert updates.latest_release({"version": "1.0.0", "url": "http://intranet/app"}) == (
        "1.0.0", None)  # the version is news; an http:// link is not offered


@pytest.mark.parametrize("answer", [[], {}, {"message": "Not Found"}, "1.0.0",
                                    [github_release("v2.0.0", draft=True)]])
def test_an_answer_naming_no_release_is_a_feed_problem(answer: Any) -> None:
    with pytest.raises(FeedError, match="named no published version"):
        updates.latest_release(answer)


# ---------------------------------------------------------------- the setting
def test_off_unless_it_sets_a_feed(tmp_path: Path) -> None:
    assert updates.feed_url({}, tmp_path / "settings.ini") == ""
    result = updates.check("", current="0.1.0")
    assert result.status is Status.OFF and "WOLKVOX_UPDATE_FEED" in result.sentence


def test_the_feed_from_settings_ini_and_the_environment_first(tmp_path: Path) -> None:
    ini = tmp_path / "settings.ini"
    ini.write_text('[General]\nlanguage=es\n\n[updates]\nfeed_url="https://intranet/feed"\n',
                   encoding="utf-8")
    assert updates.feed_url({}, ini) == "https://intranet/feed"
    assert updates.feed_url({"WOLKVOX_UPDATE_FEED": f" {FEED} "}, ini) == FEED
    ini.write_bytes(b"\xff\xfe not an ini")
    assert updates.feed_url({}, ini) == ""


@pytest.mark.parametrize("url", ["http://example.com/feed", "ftp://example.com/feed",
                                 "https://user:pass@example.com/feed", "https:///nohost",
                                 "example.com/feed"])
def test_only_an_https_address_without_credentials_is_a_feed(url: str) -> None:
    asked: list[str] = []
    result = updates.check(url, fetcher=asked.append)
    assert result.status is Status.INVALID and asked == []


# ---------------------------------------------------------------- a check
def test_a_newer_version_a_current_one_and_a_failure() -> None:
    newer = updates.check(FEED, current="0.1.0", now=NOW,
                          fetcher=lambda url: github_release("v0.2.0"))
    assert newer.status is Status.NEWER and newer.latest == "0.2.0"
    assert newer.sentence == ("Version 0.2.0 is available: "
                              "https://github.com/example/x/releases/tag/v0.2.0")
    same = updates.check(FEED, current="0.2.0", now=NOW,
                         fetcher=lambda url: github_release("v0.2.0"))
    assert same.status is Status.CURRENT and not same.newer

    def unreachable(url: str) -> Any:
        raise FeedError("The update feed could not be reached (network or proxy).")

    failed = updates.check(FEED, current="0.1.0", now=NOW, fetcher=unreachable)
    assert failed.status is Status.FAILED and "could not be reached" in failed.sentence


def test_the_window_asks_at_most_once_a_day(tmp_path: Path) -> None:
    env = {"WOLKVOX_UPDATE_FEED": FEED}
    asked: list[str] = []

    def feed(url: str) -> Any:
        asked.append(url)
        return github_release("v0.2.0")

    first = updates.check_if_due(now=NOW, env=env, data_dir=tmp_path, current="0.1.0",
                                 fetcher=feed)
    assert first.newer and asked == [FEED]
    state = json.loads((tmp_path / updates.STATE_FILE_NAME).read_text(encoding="utf-8"))
    assert state["latest"] == "0.2.0" and state["feed"] == FEED
    later = updates.check_if_due(now=NOW + timedelta(hours=23), env=env, data_dir=tmp_path,
                                 current="0.1.0", fetcher=feed)
    assert later.newer and later.latest == "0.2.0" and asked == [FEED]  # the recorded news
    upgraded = updates.check_if_due(now=NOW + timedelta(hours=23), env=env, data_dir=tmp_path,
                                    current="0.2.0", fetcher=feed)
    assert upgraded.status is Status.CURRENT and asked == [FEED]  # this version is it now
    updates.check_if_due(now=NOW + timedelta(hours=25), env=env, data_dir=tmp_path,
                         current="0.1.0", fetcher=feed)
    assert asked == [FEED, FEED]  # a day later: asked again
    other = {"WOLKVOX_UPDATE_FEED": FEED + "?other"}
    updates.check_if_due(now=NOW + timedelta(hours=26), env=other, data_dir=tmp_path,
                         current="0.1.0", fetcher=feed)
    assert len(asked) == 3  # another feed: its own answer
    updates.check_if_due(now=NOW - timedelta(days=3), env=other, data_dir=tmp_path,
                         current="0.1.0", fetcher=feed)
    assert len(asked) == 4  # a clock set back: the record is not from "today"


def test_a_failed_check_counts_as_the_days_try(tmp_path: Path) -> None:
    env = {"WOLKVOX_UPDATE_FEED": FEED}
    asked: list[str] = []

    def down(url: str) -> Any:
        asked.append(url)
        raise FeedError("The update feed answered HTTP 503.")

    assert updates.check_if_due(now=NOW, env=env, data_dir=tmp_path, fetcher=down).status \
        is Status.FAILED
    again = updates.check_if_due(now=NOW + timedelta(hours=2), env=env, data_dir=tmp_path,
                                 fetcher=down)
    assert again.status is Status.FAILED and asked == [FEED]


def test_no_feed_means_no_request_and_nothing_recorded(tmp_path: Path) -> None:
    result = updates.check_if_due(now=NOW, env={}, data_dir=tmp_path, fetcher=pytest.fail)
    assert result.status is Status.OFF
    assert not (tmp_path / updates.STATE_FILE_NAME).exists()
