"""WolkvoxClient's transport on loopback: retries, timeouts, abort(), TLS, body bounds.

Connection attempts are counted with a ``socket.connect`` audit hook (a real count of real
``connect()`` calls, no mocking): the hook records only ports a test asks it to watch.
"""

from __future__ import annotations

import socket
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.sim_fixtures import DEMO_TOKEN
from wolkvox_desktop.core.api import WolkvoxClient
from wolkvox_desktop.core.campaigns import CampaignRef, CampaignType
from wolkvox_desktop.core.errors import CallResult, Outcome, Reason
from wolkvox_desktop.core.limits import TokenGate
from wolkvox_desktop.simulator.server import Simulator

C3302 = CampaignRef("3302", CampaignType.PREDICTIVE)  # 3302 is predictive
C3301 = CampaignRef("3301", CampaignType.PREDICTIVE)

# ---- counting connect() calls --------------------------------------------------------

_WATCHED_PORTS: set[int] = set()
_CONNECTS: list[tuple[str, int]] = []
_HOOK_LOCK = threading.Lock()


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event == "socket.connect" and _WATCHED_PORTS:
        address = args[1]
        if isinstance(address, tuple) and len(address) >= 2 and address[1] in _WATCHED_PORTS:
            with _HOOK_LOCK:
                _CONNECTS.append((str(address[0]), int(address[1])))


if not getattr(sys, "_wolkvox_connect_hook", False):
    sys.addaudithook(_audit)
    sys._wolkvox_connect_hook = True  # type: ignore[attr-defined]


@pytest.fixture
def connects() -> Iterator[tuple[set[int], list[tuple[str, int]]]]:
    _CONNECTS.clear()
    _WATCHED_PORTS.clear()
    yield _WATCHED_PORTS, _CONNECTS
    _WATCHED_PORTS.clear()
    _CONNECTS.clear()


def connects_to(port: int) -> int:
    with _HOOK_LOCK:
        return sum(1 for _, p in _CONNECTS if p == port)


def closed_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = int(probe.getsockname()[1])
    probe.close()
    return port


@pytest.fixture
def blackhole() -> Iterator[int]:
    """A loopback port whose accept queue is full: connect() hangs (SYNs are dropped)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = int(listener.getsockname()[1])
    fillers: list[socket.socket] = []
    for _ in range(3):  # fill the queue; extra attempts may time out, that is the point
        filler = socket.socket()
        filler.settimeout(0.2)
        try:
            filler.connect(("127.0.0.1", port))
        except OSError:
            pass
        fillers.append(filler)
    try:
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def client_for(base: str, **kw: object) -> WolkvoxClient:
    options: dict[str, object] = {
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
        "retry_delay": 0.05,
        "gate": TokenGate(1),
    }
    options.update(kw)
    return WolkvoxClient("0032", DEMO_TOKEN, api_base=base, **options)  # type: ignore[arg-type]


def run_in_thread(call: object) -> tuple[threading.Thread, list[CallResult]]:
    results: list[CallResult] = []
    thread = threading.Thread(target=lambda: results.append(call()), daemon=True)  # type: ignore[operator]
    thread.start()
    return thread, results


def wait_for(predicate: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.005)


# ---- never connected: undelivered, retried exactly once ------------------------------


@pytest.mark.parametrize("method", ["start", "list_campaigns"])
def test_connection_refused_is_undelivered_and_retried_once(
    connects: tuple[set[int], list[tuple[str, int]]], method: str
) -> None:
    port = closed_port()
    connects[0].add(port)
    with client_for(f"http://127.0.0.1:{port}") as client:
        if method == "start":
            result = client.start(C3302)
        else:
            result = client.list_campaigns()
    assert (result.outcome, result.reason) == (Outcome.UNDELIVERED, Reason.CONNECTION_REFUSED)
    assert "Nothing reached Wolkvox" in result.message
    assert connects_to(port) == 2  # the first attempt and the single retry


def test_the_retry_reaches_a_server_that_came_up(
    connects: tuple[set[int], list[tuple[str, int]]],
) -> None:
    port = closed_port()
    connects[0].add(port)
    sim = Simulator(tokens={DEMO_TOKEN: 10})

    def start_server_soon() -> None:
        wait_for(lambda: connects_to(port) >= 1)
        sim.start(port=port)

    starter = threading.Thread(target=start_server_soon)
    starter.start()
    try:
        with client_for(f"http://127.0.0.1:{port}", retry_delay=0.5) as client:
            result = client.start(C3302)
        starter.join(5)
        assert result.ok, result.message
        assert len(sim.requests) == 1
        assert connects_to(port) == 2
    finally:
        starter.join(5)
        sim.stop()


def test_connect_timeout_is_undelivered_and_retried_once(
    blackhole: int, connects: tuple[set[int], list[tuple[str, int]]]
) -> None:
    connects[0].add(blackhole)
    with client_for(f"http://127.0.0.1:{blackhole}", connect_timeout=0.2) as client:
        result = client.start(C3302)
    assert (result.outcome, result.reason) == (Outcome.UNDELIVERED, Reason.CONNECT_TIMEOUT)
    assert "did not accept a connection in time" in result.message
    assert connects_to(blackhole) == 2


# ---- TLS: verified, and a failed handshake sends nothing -----------------------------


@pytest.fixture
def self_signed_server(tmp_path: Path) -> Iterator[tuple[int, list[bytes]]]:
    """A TLS server on loopback with a self-signed certificate; records any HTTP bytes."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    try:
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=127.0.0.1",
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-keyout",
                str(key),
                "-out",
                str(cert),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        pytest.skip("openssl is needed to make a self-signed certificate")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.1)
    received: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            conn.settimeout(2)
            try:
                with context.wrap_socket(conn, server_side=True) as tls:
                    received.append(tls.recv(65536))
            except (OSError, ssl.SSLError):
                pass
            finally:
                conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1]), received
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def test_an_untrusted_certificate_is_a_tls_failure_and_nothing_is_sent(
    self_signed_server: tuple[int, list[bytes]],
    connects: tuple[set[int], list[tuple[str, int]]],
) -> None:
    port, received = self_signed_server
    connects[0].add(port)
    with client_for(f"https://127.0.0.1:{port}") as client:
        result = client.start(C3302)
    assert (result.outcome, result.reason) == (Outcome.UNDELIVERED, Reason.TLS_FAILURE)
    assert "could not be verified" in result.message
    assert received == []  # no HTTP byte (and so no token) went out
    assert connects_to(port) == 1  # a certificate problem is not retried


# ---- bounded bodies without a Content-Length -----------------------------------------


@pytest.fixture
def endless_server() -> Iterator[tuple[int, list[int]]]:
    """Answers every request with an endless chunked 200 body; records bytes it sent."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(0.1)
    sent: list[int] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            conn.settimeout(5)
            total = 0
            try:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(4096)
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n"
                )
                chunk = b"[" + b"0," * 8000
                frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
                while not stop.is_set() and total < 50_000_000:
                    conn.sendall(frame)
                    total += len(chunk)
            except OSError:
                pass
            finally:
                sent.append(total)
                conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1]), sent
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def test_an_endless_body_is_cut_off(endless_server: tuple[int, list[int]]) -> None:
    port, sent = endless_server
    with client_for(f"http://127.0.0.1:{port}", max_body_bytes=200_000) as client:
        result = client.list_campaigns()
    assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.TOO_LARGE)
    wait_for(lambda: len(sent) == 1)
    assert sent[0] < 50_000_000  # the client hung up instead of reading everything


# ---- abort() -------------------------------------------------------------------------


def test_abort_during_a_hang_returns_promptly_as_unknown(simulator: Simulator) -> None:
    simulator.faults.hang = True
    client = client_for(simulator.base_url, read_timeout=60.0)
    try:
        thread, results = run_in_thread(lambda: client.start(C3302))
        wait_for(lambda: simulator.hung == 1)
        client.abort()
        thread.join(5)
        assert not thread.is_alive(), "abort() did not interrupt the blocked read"
        (result,) = results
        assert (result.outcome, result.reason) == (Outcome.UNKNOWN, Reason.INTERRUPTED)
        assert "may or may not have happened" in result.message
        assert result.duration_ms < 30_000  # far below the 60 s read timeout
        # aborted clients refuse new calls and send nothing
        simulator.reset_faults()
        later = client.list_campaigns()
        assert (later.outcome, later.reason) == (Outcome.INVALID, Reason.CANCELLED)
        assert len(simulator.requests) == 1
    finally:
        client.close()


def test_abort_reaches_a_reused_keep_alive_connection(simulator: Simulator) -> None:
    client = client_for(simulator.base_url, read_timeout=60.0)
    try:
        assert client.list_campaigns().ok  # leaves a pooled connection
        simulator.faults.hang = True
        thread, results = run_in_thread(lambda: client.stop(C3301))
        wait_for(lambda: simulator.hung == 1)
        client.abort()
        thread.join(5)
        assert not thread.is_alive()
        assert results[0].reason is Reason.INTERRUPTED
        assert results[0].outcome is Outcome.UNKNOWN
    finally:
        client.close()


def test_abort_during_connect_is_cancelled_with_nothing_sent(
    blackhole: int, connects: tuple[set[int], list[tuple[str, int]]]
) -> None:
    connects[0].add(blackhole)
    client = client_for(f"http://127.0.0.1:{blackhole}", connect_timeout=30.0)
    try:
        thread, results = run_in_thread(lambda: client.start(C3302))
        wait_for(lambda: connects_to(blackhole) == 1)
        time.sleep(0.05)  # inside connect()
        client.abort()
        thread.join(5)
        assert not thread.is_alive(), "abort() did not interrupt connect()"
        (result,) = results
        assert (result.outcome, result.reason) == (Outcome.INVALID, Reason.CANCELLED)
        assert "before anything was sent" in result.message
        assert connects_to(blackhole) == 1  # not retried after an abort
    finally:
        client.close()


def test_abort_while_waiting_for_the_gate(simulator: Simulator) -> None:
    gate = TokenGate(1)
    simulator.faults.hang = True
    holder = client_for(simulator.base_url, gate=gate, read_timeout=60.0)
    waiter = client_for(simulator.base_url, gate=gate)
    try:
        held, held_results = run_in_thread(lambda: holder.start(C3302))
        wait_for(lambda: simulator.hung == 1)
        waiting, waiting_results = run_in_thread(lambda: waiter.stop(C3301))
        wait_for(lambda: waiting.is_alive())
        time.sleep(0.05)
        waiter.abort()
        waiting.join(5)
        assert not waiting.is_alive()
        assert (waiting_results[0].outcome, waiting_results[0].reason) == (
            Outcome.INVALID,
            Reason.CANCELLED,
        )
        assert held.is_alive()  # the other client's call is untouched
        holder.abort()
        held.join(5)
        assert held_results[0].reason is Reason.INTERRUPTED
        assert len(simulator.requests) == 1
    finally:
        holder.close()
        waiter.close()


def test_close_cancels_later_calls(simulator: Simulator) -> None:
    client = client_for(simulator.base_url)
    assert client.list_campaigns().ok
    client.close()
    result = client.start(C3302)
    assert (result.outcome, result.reason) == (Outcome.INVALID, Reason.CANCELLED)
    assert len(simulator.requests) == 1


def test_a_pending_connect_notices_an_abort_even_without_a_shutdown(blackhole: int) -> None:
    """The race abort() cannot win with shutdown(): it lands just before connect() starts."""
    from wolkvox_desktop.core.transport import Attempt, _connect

    attempt = Attempt()
    sock = socket.socket()
    errors: list[BaseException] = []

    def connect() -> None:
        try:
            _connect(sock, ("127.0.0.1", blackhole), 30.0, attempt)
        except OSError as exc:
            errors.append(exc)

    thread = threading.Thread(target=connect, daemon=True)
    try:
        thread.start()
        time.sleep(0.05)
        attempt.aborted = True  # the flag only: no socket is shut down
        thread.join(5)
        assert not thread.is_alive()
        assert len(errors) == 1 and isinstance(errors[0], ConnectionAbortedError)
    finally:
        sock.close()
