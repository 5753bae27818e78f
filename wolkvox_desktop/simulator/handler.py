"""HTTP for the simulator: one handler a request (the API, with faults applied, and the
loopback control calls) and the threading server that runs it.

The handler reaches the simulator only through :class:`Backend`; it never imports it.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import json
import socket
import socketserver
import struct
import sys
import threading
import time
import traceback
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlsplit

from wolkvox_desktop.simulator.api import (
    CONTROL_PREFIX,
    MSG_MAINTENANCE,
    MSG_SIMULTANEOUS,
    Answer,
    RecordedRequest,
    error_answer,
)
from wolkvox_desktop.simulator.faults import Faults

_MAX_REQUEST_BODY = 1024 * 1024
_SPIN_S = 0.001  # the end of a latency wait spent yielding (timer slack)

HTML_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)


class Backend(Protocol):
    """What the handler needs of the Simulator that serves it (package-internal)."""

    verbose: bool
    faults: Faults
    _stopping: threading.Event

    def reset_faults(self) -> None: ...

    def release(self) -> None: ...

    def advance(self, seconds: float) -> None: ...

    def _arrive(self, request: RecordedRequest) -> bool: ...

    def _depart(self, request: RecordedRequest) -> None: ...

    def _answer(self, request: RecordedRequest) -> Answer: ...

    def _take_busy(self, api: str | None) -> bool: ...

    def _hold(self) -> None: ...

    def _track(self, conn: socket.socket, add: bool) -> None: ...

    def _record_error(self, text: str) -> None: ...

    def _state(self) -> dict[str, Any]: ...


class LoopbackHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64
    sim: Backend

    def server_bind(self) -> None:
        # HTTPServer.server_bind() resolves the host name (socket.getfqdn): skip that,
        # there may be no DNS at all.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        self.sim._record_error(traceback.format_exc())


class RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "WolkvoxSimulator/1.0"
    sys_version = ""
    timeout = 120  # idle keep-alive connections are dropped after this
    server: LoopbackHTTPServer
    _arrived = 0.0  # time.monotonic() when the current request line arrived
    _trickle = 0.0  # seconds between the bytes of the current answer (the trickle fault)
    _trickle_body = False
    _headers_buffer: list[bytes]  # BaseHTTPRequestHandler's (see _send_raw)

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in separate writes: without TCP_NODELAY, Nagle plus the
        # client's delayed ACK add ~40 ms to every answer on a keep-alive connection.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.sim._track(self.connection, True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.sim._track(self.connection, False)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib signature)
        # Request lines and status codes only; header values are never logged.
        if self.server.sim.verbose:
            sys.stderr.write(f"[simulator] {self.address_string()} {format % args}\n")

    def parse_request(self) -> bool:
        # Called right after the request line arrived: the moment ``latency`` counts from,
        # so the simulated answer time is ``latency`` itself, not latency plus this
        # server's own header parsing and bookkeeping (which a benchmark would otherwise
        # book as client overhead).
        self._arrived = time.monotonic()
        return super().parse_request()

    def do_GET(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_PATCH(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_OPTIONS(self) -> None:
        self._dispatch()

    # -- plumbing -------------------------------------------------------------------------

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            return b""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = 0
        if length <= 0:
            return b""
        if length > _MAX_REQUEST_BODY:
            self.close_connection = True
            return b""
        return self.rfile.read(length)

    def _dispatch(self) -> None:
        sim = self.server.sim
        body = self._read_body()
        parts = urlsplit(self.path)
        if parts.path.startswith(CONTROL_PREFIX):
            self._control(parts.path, body)
            return
        pairs = tuple(parse_qsl(parts.query, keep_blank_values=True))
        request = RecordedRequest(
            method=self.command,
            path=parts.path,
            query=dict(pairs),
            headers={name.lower(): value for name, value in self.headers.items()},
            raw_query=parts.query,
            query_pairs=pairs,
            received_at=time.time(),
            body=body,
        )
        over_limit = sim._arrive(request)
        departed = False

        def depart() -> None:
            # A request stops being "in flight" just before its answer is written, so a
            # client that waits for each answer is never seen with two requests in flight.
            nonlocal departed
            if not departed:
                departed = True
                sim._depart(request)

        try:
            if over_limit or sim._take_busy(request.api):
                depart()
                self._send_json(error_answer(403, "FORBIDDEN", MSG_SIMULTANEOUS), None)
                return
            faults = dataclasses.replace(sim.faults)
            if not (faults.active() and faults.applies_to(request.api)):
                answer = sim._answer(request)
                depart()
                self._send_json(answer, None)
                return
            self._trickle, self._trickle_body = faults.trickle, faults.trickle_body
            answer_first = sim._answer(request) if faults.act_first else None
            if faults.latency > 0:
                self._wait_until(self._arrived + faults.latency)
            if faults.hang and not sim._stopping.is_set():
                sim._hold()
            depart()
            if sim._stopping.is_set():
                self.close_connection = True
                return
            if faults.reset:
                self._abort()
            elif faults.redirect_to:
                self._send_raw(
                    302,
                    b"<html><body>Moved</body></html>",
                    "text/html",
                    (("Location", faults.redirect_to),),
                )
            elif faults.html_502:
                self._send_raw(502, HTML_502, "text/html")
            elif faults.maintenance:
                self._send_json(error_answer(403, "FORBIDDEN", MSG_MAINTENANCE), faults)
            elif faults.answer_status or faults.answer_body is not None:
                answer = answer_first if answer_first is not None else sim._answer(request)
                text = (faults.answer_body if faults.answer_body is not None
                        else json.dumps(answer.body))
                self._send_raw(faults.answer_status or answer.status, text.encode("utf-8"),
                               "application/json")
            else:
                answer = answer_first if answer_first is not None else sim._answer(request)
                self._send_json(answer, faults)
        finally:
            self._trickle = 0.0
            depart()

    def _wait_until(self, deadline: float) -> None:
        """Wait until ``deadline`` (``time.monotonic()``), or until the simulator stops.

        A timed wait wakes up late by the OS timer's slack (~0.1-0.3 ms, more on a loaded
        or virtual machine); the last :data:`_SPIN_S` are spent yielding instead, so the
        answer leaves at the latency asked for (never sooner), not latency plus slack.
        """
        stopping = self.server.sim._stopping
        remaining = deadline - time.monotonic()
        if remaining > _SPIN_S and stopping.wait(remaining - _SPIN_S):
            return
        while time.monotonic() < deadline and not stopping.is_set():
            time.sleep(0)  # releases the GIL: the client thread is not held up

    def _control(self, path: str, body: bytes) -> None:
        sim = self.server.sim
        try:
            loopback = ipaddress.ip_address(self.client_address[0]).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            refusal = error_answer(403, "FORBIDDEN", "control calls only from loopback")
            self._send_json(refusal, None)
            return
        if path == "/_sim/state" and self.command == "GET":
            self._send_json(Answer(200, sim._state()), None)
        elif path == "/_sim/faults" and self.command == "GET":
            self._send_json(Answer(200, dataclasses.asdict(sim.faults)), None)
        elif path == "/_sim/faults" and self.command == "POST":
            try:
                values = json.loads(body.decode("utf-8") or "{}")
                if not isinstance(values, dict):
                    raise ValueError("the body must be a JSON object")
                sim.faults.update(values)
            except (ValueError, UnicodeDecodeError) as exc:
                self._send_json(Answer(400, {"error": str(exc)}), None)
                return
            self._send_json(Answer(200, dataclasses.asdict(sim.faults)), None)
        elif path == "/_sim/reset_faults" and self.command == "POST":
            sim.reset_faults()
            self._send_json(Answer(200, dataclasses.asdict(sim.faults)), None)
        elif path == "/_sim/release" and self.command == "POST":
            sim.release()
            self._send_json(Answer(200, {"released": True}), None)
        elif path == "/_sim/advance" and self.command == "POST":
            try:
                values = json.loads(body.decode("utf-8") or "{}")
                seconds = values.get("seconds") if isinstance(values, dict) else None
                if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) \
                        or seconds < 0:
                    raise ValueError("seconds must be a number >= 0")
            except (ValueError, UnicodeDecodeError) as exc:
                self._send_json(Answer(400, {"error": str(exc)}), None)
                return
            sim.advance(float(seconds))
            self._send_json(Answer(200, {"advanced": seconds}), None)
        else:
            self._send_json(Answer(404, {"error": "unknown control call"}), None)

    def _abort(self) -> None:
        """Close the connection with a TCP RST: the client sees ECONNRESET."""
        self.close_connection = True
        try:
            self.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
            )
        except OSError:
            pass
        # The descriptor is really closed only once the socket and its reading file object
        # are (wfile writes straight to the socket): close both now, before anything could
        # send a FIN.
        for closable in (self.rfile, self.connection):
            try:
                closable.close()
            except OSError:
                pass

    def _send_raw(
        self,
        status: int,
        payload: bytes,
        content_type: str,
        headers: Iterable[tuple[str, str]] = (),
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            for name, value in headers:
                self.send_header(name, value)
            # end_headers(), with the body in the same write: one segment instead of two,
            # so the client is not woken once for the headers and again for the body.
            self._headers_buffer.append(b"\r\n")
            if self._trickle > 0:
                head, self._headers_buffer = b"".join(self._headers_buffer), []
                self._send_trickling(head, payload if self.command != "HEAD" else b"")
                return
            if self.command != "HEAD" and payload:
                self._headers_buffer.append(payload)
            self.flush_headers()
        except OSError:
            self.close_connection = True

    def _send_trickling(self, head: bytes, payload: bytes) -> None:
        """The trickle fault: the answer one byte every ``_trickle`` seconds (the head at
        once with ``_trickle_body``). Ends early when the client goes or the simulator stops;
        the connection is closed afterwards either way."""
        self.close_connection = True
        stopping = self.server.sim._stopping
        if self._trickle_body:
            self.wfile.write(head)
            data = payload
        else:
            data = head + payload
        for index in range(len(data)):
            if index and stopping.wait(self._trickle):
                return
            self.wfile.write(data[index:index + 1])

    def _send_json(self, answer: Answer, faults: Faults | None) -> None:
        if not isinstance(answer.body, dict):  # a bare array (real_time's documented shape)
            text = "" if faults is not None and faults.empty_body else json.dumps(answer.body)
            if faults is not None and faults.malformed_json:
                text = text[: len(text) * 2 // 3]
            self._send_raw(answer.status, text.encode("utf-8"),
                           "application/json; charset=utf-8", answer.headers)
            return
        body = dict(answer.body)
        content_type = "application/json; charset=utf-8"
        if faults is not None and faults.code_as_string and "code" in body:
            body["code"] = str(body["code"])
        if faults is not None and faults.oversized_bytes > 0:
            self._send_oversized(answer, body, faults.oversized_bytes)
            return
        text = json.dumps(body)
        if faults is not None and faults.empty_body:
            text = ""
        elif faults is not None and faults.malformed_json:
            text = text[: len(text) * 2 // 3]  # a cut-off object is never valid JSON
        self._send_raw(answer.status, text.encode("utf-8"), content_type, answer.headers)

    def _send_oversized(self, answer: Answer, body: dict[str, Any], size: int) -> None:
        """Stream ``{..., "data": [{...}, {...}, ...]}`` of exactly ``size`` bytes."""
        head = (json.dumps({k: v for k, v in body.items() if k != "data"})[:-1]).encode()
        head += b', "data": ['
        tail = b"]}"
        item = b'{"campaign_id": "0000", "campaign_name": "Relleno", "status": "Stopped"}'
        more = b"," + item
        block = more * 512
        total = max(size, len(head) + len(tail))
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(total))
            self.end_headers()
            if self.command == "HEAD":
                return
            self.wfile.write(head)
            remaining = total - len(head) - len(tail)
            if remaining >= len(item):
                self.wfile.write(item)
                remaining -= len(item)
            while remaining >= len(block):
                if self.server.sim._stopping.is_set():
                    self.close_connection = True
                    return
                self.wfile.write(block)
                remaining -= len(block)
            count = remaining // len(more)
            self.wfile.write(more * count + b" " * (remaining - count * len(more)) + tail)
        except OSError:
            self.close_connection = True
