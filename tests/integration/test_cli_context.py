"""core.context.open_operation: the wiring both faces use (real store, real client)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wolkvox_desktop.core.context import closing_operation, open_operation, resolve_api_base
from wolkvox_desktop.core.errors import InvalidInput, Reason
from wolkvox_desktop.core.limits import shared_gate
from wolkvox_desktop.core.paths import store_path
from wolkvox_desktop.core.store import Operation, Store
from wolkvox_desktop.simulator import Simulator

TOKEN = "demo-token"


@pytest.fixture(autouse=True)
def _reset_token_limit() -> Iterator[None]:
    yield
    shared_gate().set_token_limit(TOKEN, None)  # the shared gate outlives this test


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store(store_path())
    try:
        yield s
    finally:
        s.close()


def test_settings_come_from_the_store_and_the_service_works(
    simulator: Simulator, store: Store
) -> None:
    store.upsert_operation(Operation("0032", licenses=3, timeout_s=7.5, max_in_flight=2))
    service = open_operation("https://wv0032.wolkvox.com/", store, None, token=TOKEN,
                             api_base=simulator.base_url)
    try:
        assert service.server == "0032"
        assert service.client.read_timeout == 7.5
        assert service.client.connect_timeout == 7.5  # min(10 s, read)
        assert service.client.gate is shared_gate()
        assert shared_gate().limit_for(TOKEN) == 2  # the operation's setting, per token
        assert service.usage().budget == 3000
        assert service.start("3303", "preview").ok
    finally:
        service.client.close()
    assert simulator.requests[-1].token == TOKEN
    with closing_operation("0033", store, None, token=TOKEN, read_timeout=30.0,
                           api_base=simulator.base_url) as other:
        assert other.client.read_timeout == 30.0 and other.client.connect_timeout == 10.0
        assert other.client.gate is shared_gate()
        assert shared_gate().limit_for(TOKEN) == 1  # 0033 has no settings: one in flight


def test_the_environment_api_base_and_an_explicit_one(
    simulator: Simulator, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resolve_api_base() is None  # the real Wolkvox host
    monkeypatch.setenv("WOLKVOX_API_BASE", simulator.base_url)
    assert resolve_api_base() == simulator.base_url
    assert resolve_api_base(use_env=False) is None
    monkeypatch.setenv("WOLKVOX_API_BASE", "http://192.168.1.20:8080")
    with pytest.raises(InvalidInput) as info:
        open_operation("0032", store, None, token=TOKEN)
    assert info.value.reason is Reason.BAD_API_BASE
    assert "WOLKVOX_API_BASE" in info.value.message and "Nothing was sent" in info.value.message
    service = open_operation("0032", store, None, token=TOKEN, api_base=simulator.base_url)
    try:
        assert service.refresh_campaigns().ok
    finally:
        service.client.close()


@pytest.mark.parametrize("server", ["0032.evil.com", "wv0032.evil.com", "", "00 32"])
def test_a_bad_server_code_is_refused(store: Store, server: str) -> None:
    with pytest.raises(InvalidInput) as info:
        open_operation(server, store, None, token=TOKEN)
    assert info.value.reason is Reason.BAD_SERVER_CODE


def test_no_token_is_a_face_neutral_sentence(store: Store) -> None:
    with pytest.raises(InvalidInput) as info:
        open_operation("0032", store, None)
    assert info.value.reason is Reason.NO_TOKEN
    assert info.value.message == "No token is saved for operation 0032, so nothing was sent."
