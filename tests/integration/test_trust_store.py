"""The OS trust store only (issue 16, point 6).

A throwaway CA signs a certificate for 127.0.0.1; an HTTPS server on loopback presents it.
Put in ``SSL_CERT_FILE``, or (separately) hashed into an ``SSL_CERT_DIR``, that CA is
trusted by OpenSSL's default context (the control: the variables do work) and never by
ours, in this process and in a real ``wolkvox`` process: the token never reaches the
server. A context that does hold the CA accepts the server, so the refusals below are about
trust, not about a broken server.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from wolkvox_desktop.core.api import WolkvoxClient
from wolkvox_desktop.core.errors import Outcome, Reason
from wolkvox_desktop.core.limits import TokenGate
from wolkvox_desktop.core.transport import CA_FILE_CANDIDATES, os_trust_context

SECRET = "kv-trust-3b8e1d0c5a7f"  # made up: the token the server must never read
LINUX_LIKE = sys.platform not in ("win32", "darwin")


# ---------------------------------------------------------------- a throwaway CA
@dataclass(frozen=True)
class Kit:
    ca_file: Path  # the CA alone, PEM (for SSL_CERT_FILE)
    ca_dir: Path  # a folder holding the CA as <subject hash>.0 (for SSL_CERT_DIR)
    cert: Path
    key: Path


def _subject_hash(ca_file: Path) -> str:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("the openssl command is needed to name a certificate by its hash")
    out = subprocess.run([openssl, "x509", "-noout", "-subject_hash", "-in", str(ca_file)],
                         capture_output=True, text=True, check=True, timeout=30)
    return out.stdout.strip()


@pytest.fixture
def kit(tmp_path: Path) -> Kit:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Throwaway Debugging Proxy CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=False, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(__import__("ipaddress").ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    ca_file, cert, key_file = tmp_path / "ca.pem", tmp_path / "leaf.pem", tmp_path / "leaf.key"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert.write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ))
    ca_dir = tmp_path / "certs"
    ca_dir.mkdir()
    shutil.copyfile(ca_file, ca_dir / f"{_subject_hash(ca_file)}.0")
    return Kit(ca_file, ca_dir, cert, key_file)


# ---------------------------------------------------------------- an HTTPS server
@dataclass
class TlsServer:
    """HTTPS on loopback with the kit's certificate: records each handshake and every HTTP
    byte it reads; answers a request with a small JSON 200."""

    port: int
    handshakes: list[str] = field(default_factory=list)
    received: bytearray = field(default_factory=bytearray)


@pytest.fixture
def server(kit: Kit) -> Iterator[TlsServer]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(kit.cert, kit.key)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    state = TlsServer(int(listener.getsockname()[1]))
    stop = threading.Event()

    def serve_one(conn: socket.socket) -> None:
        conn.settimeout(5)
        try:
            tls = context.wrap_socket(conn, server_side=True)
        except (OSError, ssl.SSLError) as exc:
            state.handshakes.append(f"refused: {type(exc).__name__}")
            return
        with tls:
            state.handshakes.append("ok")
            try:
                while b"\r\n\r\n" not in state.received:
                    data = tls.recv(65536)
                    if not data:
                        return
                    state.received += data
                body = b'{"code": 200, "error": null, "msg": "ok", "data": []}'
                tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            b"Connection: close\r\nContent-Length: "
                            + str(len(body)).encode() + b"\r\n\r\n" + body)
            except (OSError, ssl.SSLError):
                pass

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                serve_one(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        stop.set()
        thread.join(10)
        listener.close()


def handshake(context: ssl.SSLContext, port: int) -> None:
    """A TLS handshake with the server as 127.0.0.1; raises ssl.SSLError if refused."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        with context.wrap_socket(sock, server_hostname="127.0.0.1"):
            pass


def handshakes_seen(server: TlsServer, count: int) -> list[str]:
    """The server's handshakes once it has recorded ``count`` (it records after the client
    has moved on)."""
    deadline = time.monotonic() + 10
    while len(server.handshakes) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    return server.handshakes


def trusting(kit: Kit, variable: str) -> dict[str, str]:
    return {"SSL_CERT_FILE": str(kit.ca_file)} if variable == "SSL_CERT_FILE" else {
        "SSL_CERT_DIR": str(kit.ca_dir)}


VARIABLES = ["SSL_CERT_FILE", "SSL_CERT_DIR"]


# ---------------------------------------------------------------- in this process
@pytest.mark.parametrize("variable", VARIABLES)
def test_a_ca_named_by_the_environment_is_not_trusted(
    kit: Kit, server: TlsServer, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in trusting(kit, variable).items():
        monkeypatch.setenv(name, value)
    # the control: OpenSSL's default context does trust what the variable names...
    handshake(ssl.create_default_context(), server.port)
    # ...and our context, built with the variable set, refuses the server
    ours = os_trust_context()
    assert ours is not None and ours.verify_mode == ssl.CERT_REQUIRED
    with pytest.raises(ssl.SSLCertVerificationError):
        handshake(ours, server.port)
    # the same kind of context holding the CA accepts it: the refusal is about trust
    holding = os_trust_context()
    assert holding is not None
    holding.load_verify_locations(cafile=str(kit.ca_file))
    handshake(holding, server.port)
    assert handshakes_seen(server, 3) == ["ok", "refused: SSLError", "ok"]


@pytest.mark.parametrize("variable", VARIABLES)
def test_the_client_sends_nothing_to_a_server_the_environment_vouches_for(
    kit: Kit, server: TlsServer, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in trusting(kit, variable).items():
        monkeypatch.setenv(name, value)
    with WolkvoxClient("0032", SECRET, api_base=f"https://127.0.0.1:{server.port}",
                       gate=TokenGate(), connect_timeout=5, read_timeout=5,
                       retry_delay=0) as client:
        result = client.list_campaigns()
    assert (result.outcome, result.reason) == (Outcome.UNDELIVERED, Reason.TLS_FAILURE)
    assert "could not be verified" in result.message
    assert handshakes_seen(server, 1) == ["refused: SSLError"]  # refused: no HTTP follows
    assert bytes(server.received) == b""  # no HTTP byte, so no token


@pytest.mark.skipif(not LINUX_LIKE, reason="OpenSSL's own store is used on Linux and BSD only")
def test_the_context_holds_the_platform_store_and_nothing_is_added_to_it(
    kit: Kit, server: TlsServer
) -> None:
    """Linux: the platform's certificate locations are loaded, and requests' certifi
    bundle is never added to our context (it would be on every new connection)."""
    with WolkvoxClient("0032", SECRET, api_base=f"https://127.0.0.1:{server.port}",
                       gate=TokenGate(), connect_timeout=5, read_timeout=5,
                       retry_delay=0) as client:
        context = client._adapter._ssl_context
        assert isinstance(context, ssl.SSLContext)
        before = context.cert_store_stats()
        assert client.list_campaigns().reason is Reason.TLS_FAILURE
        assert context.cert_store_stats() == before
    paths = ssl.get_default_verify_paths()
    system_store = [p for p in (paths.openssl_cafile, *CA_FILE_CANDIDATES)
                    if p and os.path.isfile(p)]
    if system_store:  # this computer has one: it is what the context trusts
        assert before["x509_ca"] > 0 or paths.openssl_capath


# ---------------------------------------------------------------- a real wolkvox process
@pytest.mark.parametrize("variable", VARIABLES)
def test_a_wolkvox_process_does_not_trust_it_either(
    kit: Kit, server: TlsServer, variable: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(trusting(kit, variable))
    env.update(WOLKVOX_API_BASE=f"https://127.0.0.1:{server.port}", WOLKVOX_TOKEN=SECRET,
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    # the control: in this very environment, OpenSSL's default context trusts the server
    probe = subprocess.run(
        [sys.executable, "-c",
         "import socket, ssl, sys\n"
         "ctx = ssl.create_default_context()\n"
         f"s = socket.create_connection(('127.0.0.1', {server.port}), timeout=10)\n"
         "ctx.wrap_socket(s, server_hostname='127.0.0.1').close()\n"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert probe.returncode == 0, probe.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "wolkvox_desktop.cli", "start", "--server", "0032",
         "--type", "preview", "--campaign", "3303"],
        env=env, capture_output=True, text=True, timeout=60, encoding="utf-8",
    )
    assert proc.returncode == 4, proc.stderr  # not delivered
    assert "could not be verified" in proc.stderr and "Nothing reached Wolkvox" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert SECRET not in proc.stdout + proc.stderr
    assert handshakes_seen(server, 2) == ["ok", "refused: SSLError"]
    assert bytes(server.received) == b""  # the token never reached the server
