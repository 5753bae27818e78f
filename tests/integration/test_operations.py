"""core.operations.Operations: the front door both faces use (real store, real client,
real Secret Service on the suite's private D-Bus)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
from wolkvox_desktop.core.credentials import Credentials, KeyringUnavailable, TokenSource
from wolkvox_desktop.core.errors import InvalidInput, Reason
from wolkvox_desktop.core.limits import shared_gate
from wolkvox_desktop.core.operations import Operations, resolve_api_base
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.simulator import Simulator

TOKEN = "demo-token"
KEYRING_TOKEN = "kv-0f3c9a1e77b24d58"  # a made-up token for the tests' own simulator
P = CampaignRef("3303", CampaignType.PREVIEW)


@pytest.fixture(autouse=True)
def _reset_token_limit() -> Iterator[None]:
    yield
    shared_gate().set_token_limit(TOKEN, None)  # the shared gate outlives this test


def session_only(*tokens: tuple[str, str]) -> Credentials:
    """Credentials that never touch the keyring nor the environment (as in demo mode)."""
    creds = Credentials(use_env=False, use_keyring=False)
    for server, token in tokens:
        creds.set_session_token(server, token)
    return creds


def test_settings_come_from_the_store_and_the_service_works(
    simulator: Simulator, store: Store
) -> None:
    ops = Operations(store, session_only(("0032", TOKEN)), api_base=simulator.base_url)
    store.upsert_operation(Operation("0032", licenses=3, timeout_s=7.5, max_in_flight=2))
    service = ops.open("https://wv0032.wolkvox.com/")
    try:
        assert service.server == "0032"
        assert service.client.read_timeout == 7.5
        assert service.client.connect_timeout == 7.5  # min(10 s, read)
        assert service.client.gate is shared_gate()
        assert shared_gate().limit_for(TOKEN) == 2  # the operation's setting, per token
        assert service.usage().budget == 3000 == ops.usage("0032").budget
        assert service.start(P).ok
        assert ops.usage("0032").used == 1
    finally:
        ops.close_service(service)
    assert simulator.requests[-1].token == TOKEN
    other = ops.open("0033", token=TOKEN, read_timeout=30.0)  # a token just typed
    try:
        assert other.client.read_timeout == 30.0 and other.client.connect_timeout == 10.0
        assert shared_gate().limit_for(TOKEN) == 1  # 0033 has no settings: one in flight
    finally:
        ops.close_service(other)


def test_the_shared_service_is_kept_until_the_settings_change(
    simulator: Simulator, store: Store
) -> None:
    ops = Operations(store, session_only(("0032", TOKEN)), api_base=simulator.base_url)
    first = ops.service("0032")
    assert ops.service("0032") is first
    ops.save_operation(Operation("0032", "Norte", timeout_s=12.0))
    second = ops.service("0032")
    assert second is not first and not first.client.aborted  # its call in flight goes on
    assert second.client.read_timeout == 12.0
    ops.close()
    assert first.client.aborted and second.client.aborted
    with pytest.raises(InvalidInput) as info:
        ops.open("0032")
    assert info.value.reason is Reason.CANCELLED


def test_abort_all_makes_a_hung_call_return_at_once(simulator: Simulator, store: Store) -> None:
    import threading

    ops = Operations(store, session_only(("0032", TOKEN)), api_base=simulator.base_url)
    simulator.faults.hang = True
    service = ops.service("0032")
    results: list[Any] = []
    thread = threading.Thread(target=lambda: results.append(service.start(P)))
    thread.start()
    deadline = 50
    while simulator.hung == 0 and deadline:
        threading.Event().wait(0.05)
        deadline -= 1
    ops.abort_all()
    thread.join(5)
    assert not thread.is_alive()
    assert results and results[0].reason is Reason.INTERRUPTED


def test_the_environment_api_base_and_an_explicit_one(
    simulator: Simulator, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resolve_api_base() is None  # the real Wolkvox host
    monkeypatch.setenv("WOLKVOX_API_BASE", simulator.base_url)
    assert resolve_api_base() == simulator.base_url
    assert resolve_api_base(use_env=False) is None
    monkeypatch.setenv("WOLKVOX_API_BASE", "http://192.168.1.20:8080")
    ops = Operations(store, session_only(("0032", TOKEN)))
    with pytest.raises(InvalidInput) as info:
        ops.open("0032")
    assert info.value.reason is Reason.BAD_API_BASE
    assert "WOLKVOX_API_BASE" in info.value.message and "Nothing was sent" in info.value.message
    explicit = Operations(store, session_only(("0032", TOKEN)), api_base=simulator.base_url)
    service = explicit.open("0032")
    try:
        assert service.refresh_campaigns().ok
    finally:
        explicit.close_service(service)


@pytest.mark.parametrize("server", ["0032.evil.com", "wv0032.evil.com", "", "00 32"])
def test_a_bad_server_code_is_refused(store: Store, server: str) -> None:
    with pytest.raises(InvalidInput) as info:
        Operations(store, session_only()).open(server, token=TOKEN)
    assert info.value.reason is Reason.BAD_SERVER_CODE


def test_no_token_is_a_face_neutral_sentence(store: Store) -> None:
    with pytest.raises(InvalidInput) as info:
        Operations(store, session_only()).open("0032")
    assert info.value.reason is Reason.NO_TOKEN
    assert info.value.message == "No token is saved for operation 0032, so nothing was sent."


@pytest.mark.keyring
def test_one_token_rule_environment_then_keyring_then_session(
    store: Store, secret_service_backend: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    creds = Credentials(backend=secret_service_backend)
    ops = Operations(store, creds)
    creds.set_session_token("0032", "session-token-1")
    assert ops.token("0032") == ("session-token-1", TokenSource.SESSION)
    secret_service_backend.set_password("wolkvox-desktop", "0032", KEYRING_TOKEN)
    assert ops.token("0032") == (KEYRING_TOKEN, TokenSource.KEYRING)
    monkeypatch.setenv("WOLKVOX_TOKEN", "env-token-1")
    assert ops.token("0032") == ("env-token-1", TokenSource.ENVIRONMENT)
    assert ops.token_source("0041") is TokenSource.ENVIRONMENT  # the variable is for all


@pytest.mark.keyring
def test_a_saved_token_creates_the_operation_and_removing_it_removes_the_token(
    store: Store, secret_service_backend: Any
) -> None:
    ops = Operations(store, Credentials(backend=secret_service_backend))
    assert ops.operations() == []
    saved = ops.save_token("wv0032", KEYRING_TOKEN)
    assert saved.source is TokenSource.KEYRING
    assert [op.server for op in ops.operations()] == ["0032"]
    assert secret_service_backend.get_password("wolkvox-desktop", "0032") == KEYRING_TOKEN
    assert ops.remove_operation("0032") is True
    assert ops.operations() == []
    assert secret_service_backend.get_password("wolkvox-desktop", "0032") is None


def test_without_a_keyring_a_token_can_be_kept_for_this_session(store: Store) -> None:
    ops = Operations(store, session_only())
    with pytest.raises(KeyringUnavailable):
        ops.save_token("0032", TOKEN)
    saved = ops.save_token("0032", TOKEN, session_fallback=True)
    assert saved.source is TokenSource.SESSION and "session" in saved.detail
    assert ops.token("0032") == (TOKEN, TokenSource.SESSION)
    with pytest.raises(InvalidInput) as info:
        ops.save_token("0032", "has a space")
    assert info.value.reason is Reason.NO_TOKEN and "has a space" not in info.value.message


def test_a_session_operation_is_listed_only_with_a_token(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ops = Operations(store, Credentials(use_keyring=False))
    store.upsert_operation(Operation("0001", "Norte"))
    assert [op.server for op in ops.operations(session_server="0032")] == ["0001"]
    monkeypatch.setenv("WOLKVOX_TOKEN", TOKEN)
    listed = ops.operations(session_server="wv0032")
    assert [(op.server, op.saved) for op in listed] == [("0001", True), ("0032", False)]
    assert ops.operation("0032") == Operation("0032", saved=False)
    assert store.operation("0032") is None  # never written
    # a saved one is not listed twice
    assert [op.server for op in ops.operations(session_server="0001")] == ["0001"]
