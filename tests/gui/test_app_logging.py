"""core.logsetup: the rotating log file, token redaction, no console needed."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest

from wolkvox_desktop.core import logsetup, paths

TOKEN = "tok-1234567890-abcdef"


@pytest.fixture
def fresh_logging() -> Iterator[None]:
    logsetup.teardown_logging()
    logsetup.forget_secrets()
    yield
    logsetup.teardown_logging()
    logsetup.forget_secrets()


def read_log() -> str:
    return logsetup.log_file_path().read_text(encoding="utf-8")


def test_log_file_lives_in_the_app_data_folder(fresh_logging: None) -> None:
    path = logsetup.setup_logging()
    assert path.parent == paths.log_dir()
    logging.getLogger("wolkvox_desktop.test").warning("hello %s", "there")
    assert "hello there" in read_log()


def test_known_tokens_and_token_headers_are_redacted(
    fresh_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WOLKVOX_TOKEN", TOKEN)
    logsetup.setup_logging()  # registers the environment's token
    log = logging.getLogger("wolkvox_desktop.test")
    log.info("token %s in args", TOKEN)
    log.info(f"token {TOKEN} in the message")  # noqa: G004 - the point of the test
    log.info("headers {'wolkvox-token': 'unknown-other-secret', 'Accept': 'json'}")
    log.info("raw header wolkvox-token: another-unknown-one")
    try:
        raise ValueError(f"exception text with {TOKEN}")
    except ValueError:
        log.exception("failed")
    text = read_log()
    assert TOKEN not in text
    assert "unknown-other-secret" not in text and "another-unknown-one" not in text
    assert text.count("[redacted]") >= 5
    assert "'Accept': 'json'" in text
    assert "ValueError: exception text with [redacted]" in text


def test_logging_works_without_any_console(
    fresh_logging: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdout", None)
    logsetup.setup_logging()
    logging.getLogger("wolkvox_desktop.test").error("no console here")
    try:
        raise KeyError("x")
    except KeyError:
        logsetup.log_uncaught(*sys.exc_info())  # type: ignore[arg-type]
    text = read_log()
    assert "no console here" in text and "KeyError" in text


def test_the_log_rotates(fresh_logging: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logsetup, "MAX_BYTES", 2000)
    logsetup.setup_logging()
    log = logging.getLogger("wolkvox_desktop.test")
    for i in range(100):
        log.warning("line %d %s", i, "x" * 50)
    names = sorted(p.name for p in paths.log_dir().iterdir())
    assert "wolkvox-desktop.log.1" in names
    assert len(names) <= logsetup.BACKUP_COUNT + 1
