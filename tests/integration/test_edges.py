"""Safe at the edges (issue 9): busy answers sent again, a test server never gets the saved
token, the environment cannot widen where the token goes (a real CONNECT proxy with a
throwaway CA on loopback), and the history says where each call went."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.cli import main
from wolkvox_desktop.core.api import WolkvoxClient
from wolkvox_desktop.core.campaigns import Action, CampaignRef, CampaignType
from wolkvox_desktop.core.credentials import Credentials
from wolkvox_desktop.core.errors import InvalidInput, Notice, NoticeKind, Outcome, Reason
from wolkvox_desktop.core.limits import TokenGate
from wolkvox_desktop.core.operations import Operations
from wolkvox_desktop.core.service import OperationService
from wolkvox_desktop.core.store import Store
from wolkvox_desktop.simulator import Simulator

P3303 = CampaignRef("3303", CampaignType.PREVIEW)
SECRET = "kv-edge-7c1f4a9e0b2d"  # made up: the token that must never be readable


def service_for(sim: Simulator, store: Store, backoff: tuple[float, ...]) -> OperationService:
    client = WolkvoxClient("0032", DEMO_TOKEN, api_base=sim.base_url, gate=TokenGate())
    return OperationService(store, client, "0032", busy_backoff=backoff)


# ------------------------------------------------------------------ busy: sent again
def test_a_busy_answer_is_sent_again_visibly_each_attempt_in_the_history(
    simulator: Simulator, store: Store
) -> None:
    simulator.faults.busy = 2
    heard: list[Notice] = []
    service = service_for(simulator, store, (0.01, 0.02, 0.04))
    try:
        result = service.campaign_action(Action.START, P3303, on_notice=heard.append)
    finally:
        service.client.close()
    assert result.ok
    assert [n.kind for n in heard] == [NoticeKind.BUSY_RETRY] * 2
    assert [n.attempt for n in heard] == [1, 2]
    assert "trying again in" in heard[0].message
    rows = sorted(store.history(), key=lambda r: r.id)
    assert [(r.outcome, r.reason) for r in rows] == [
        ("refused", "simultaneous_limit"), ("refused", "simultaneous_limit"), ("ok", "ok")
    ]
    assert len(simulator.requests) == 3


def test_at_most_three_resends_and_no_other_answer_is_ever_sent_again(
    simulator: Simulator, store: Store
) -> None:
    simulator.faults.busy = 10
    service = service_for(simulator, store, (0.01, 0.01, 0.01))
    try:
        result = service.start(P3303)
        assert (result.outcome, result.reason) == (Outcome.REFUSED, Reason.SIMULTANEOUS_LIMIT)
        assert len(simulator.requests) == 4  # the call and three resends
        simulator.reset_faults()
        simulator.faults.maintenance = True
        assert service.start(P3303).outcome is Outcome.REFUSED
        simulator.faults.maintenance = False
        simulator.faults.html_502 = True
        assert service.start(P3303).outcome is Outcome.UNKNOWN
    finally:
        service.client.close()
    assert len(simulator.requests) == 6  # one each: never resent


def test_the_cli_says_it_is_trying_again(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WOLKVOX_API_BASE", simulator.base_url)
    monkeypatch.setenv("WOLKVOX_TOKEN", DEMO_TOKEN)
    simulator.faults.busy = 1
    code = main(["start", "--server", "0032", "--type", "preview", "--campaign", "3303"])
    err = capsys.readouterr().err
    assert code == 0
    assert "Wolkvox is busy with other calls on this token; trying again in" in err
    assert "test server" in err  # the one-line notice of WOLKVOX_API_BASE


# ------------------------------------------------------------------ the test server rule
@pytest.mark.keyring
def test_a_test_server_never_gets_the_saved_token(
    simulator: Simulator, store: Store, secret_service_backend: Any,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    secret_service_backend.set_password("wolkvox-desktop", "0032", SECRET)
    monkeypatch.setenv("WOLKVOX_API_BASE", simulator.base_url)
    code = main(["start", "--server", "0032", "--type", "preview", "--campaign", "3303"])
    err = capsys.readouterr().err
    assert code == 2
    assert "WOLKVOX_API_BASE is set" in err and "WOLKVOX_TOKEN" in err
    assert "Nothing was sent" in err and SECRET not in err
    assert simulator.requests == []
    # the window's front door follows the same rule
    ops = Operations(store, Credentials(backend=secret_service_backend))
    with pytest.raises(InvalidInput) as info:
        ops.open("0032")
    assert info.value.reason is Reason.TEST_SERVER_NEEDS_TOKEN
    assert ops.test_server() == simulator.base_url
    # with WOLKVOX_TOKEN it goes, and the history says where
    monkeypatch.setenv("WOLKVOX_TOKEN", DEMO_TOKEN)
    assert main(["start", "--server", "0032", "--type", "preview", "--campaign", "3303"]) == 0
    (row,) = store.history()
    assert row.api_base == simulator.base_url
    assert [r.token for r in simulator.requests] == [DEMO_TOKEN]


# ------------------------------------------------------------------ the environment
def _certificates(tmp: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA, and a certificate for wv0032.wolkvox.com it signed (an intercepting
    proxy's kit)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Throwaway Inspection CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "wv0032.wolkvox.com")]))
        .issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("wv0032.wolkvox.com")]),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    ca_file, cert_file, key_file = tmp / "ca.pem", tmp / "leaf.pem", tmp / "leaf.key"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ))
    return ca_file, cert_file, key_file


class InterceptingProxy:
    """A CONNECT proxy on loopback that answers the tunnel itself with a certificate from a
    throwaway CA: whatever a client that trusted it sends is recorded here."""

    def __init__(self, cert: Path, key: Path) -> None:
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connects: list[str] = []
        self.received = b""
        self.handshakes: list[str] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn:
            conn.settimeout(10)
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            self.connects.append(request.split(b"\r\n", 1)[0].decode("latin-1"))
            conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            try:
                with self.context.wrap_socket(conn, server_side=True) as tls:
                    self.handshakes.append("completed")
                    while chunk := tls.recv(4096):
                        self.received += chunk
            except (OSError, ssl.SSLError) as exc:
                self.handshakes.append(f"refused: {type(exc).__name__}")

    def close(self) -> None:
        self.listener.close()
        self._thread.join(10)


def test_an_intercepting_proxy_trusted_by_the_environment_never_reads_the_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTTPS_PROXY is honoured (the OS proxy), REQUESTS_CA_BUNDLE and CURL_CA_BUNDLE are
    not: TLS is verified against the OS trust store, which does not know the proxy's CA."""
    ca, cert, key = _certificates(tmp_path)
    proxy = InterceptingProxy(cert, key)
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{proxy.port}")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca))
    monkeypatch.setenv("CURL_CA_BUNDLE", str(ca))
    try:
        with WolkvoxClient("0032", SECRET, gate=TokenGate(), connect_timeout=5,
                           read_timeout=5, retry_delay=0) as client:
            result = client.list_campaigns()
    finally:
        proxy.close()
    assert len(proxy.connects) == 1  # the OS proxy was used...
    assert proxy.connects[0].startswith("CONNECT wv0032.wolkvox.com:443 ")
    assert proxy.handshakes and proxy.handshakes[0].startswith("refused")
    assert proxy.received == b"" and SECRET.encode() not in proxy.received
    assert (result.outcome, result.reason) == (Outcome.UNDELIVERED, Reason.TLS_FAILURE)
    assert SECRET not in result.message


def test_a_netrc_entry_is_never_sent(
    simulator: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    netrc = home / ".netrc"
    netrc.write_text("default login someone password hunter2\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("NETRC", str(netrc))
    with WolkvoxClient("0032", DEMO_TOKEN, api_base=simulator.base_url,
                       gate=TokenGate()) as client:
        assert client.list_campaigns().ok
    (request,) = simulator.requests
    assert "authorization" not in request.headers


def test_notices_while_waiting_for_another_call(simulator: Simulator, store: Store) -> None:
    gate = TokenGate()
    holder = WolkvoxClient("0032", DEMO_TOKEN, api_base=simulator.base_url, gate=gate)
    waiter = WolkvoxClient("0032", DEMO_TOKEN, api_base=simulator.base_url, gate=gate)
    simulator.faults.hang = True
    results: list[Any] = []
    thread = threading.Thread(target=lambda: results.append(holder.list_campaigns()))
    thread.start()
    try:
        while simulator.hung == 0:
            threading.Event().wait(0.02)
        heard: list[Notice] = []
        other = threading.Thread(
            target=lambda: results.append(waiter.token_info(on_notice=heard.append))
        )
        other.start()
        while not heard:
            threading.Event().wait(0.02)
        assert heard[0].kind is NoticeKind.WAITING_FOR_TOKEN
        simulator.faults.hang = False
        simulator.release()
        thread.join(10)
        other.join(10)
    finally:
        holder.close()
        waiter.close()
    assert [r.ok for r in results] == [True, True]
