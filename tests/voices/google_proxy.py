"""A local HTTPS proxy that plays Google's speech endpoint: CONNECT, TLS with a made-up cert, and
batchexecute answers with real MP3 bytes. Some requests can be answered 429. Loopback only."""

from __future__ import annotations

import json
import socket
import socketserver
import ssl
import struct
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import trustme

from tests.voices.fake_google import envelope, mp3_for


@dataclass
class ProxyLog:
    """What the proxy saw: (host, text) per request, 429s sent, most requests at once."""

    requests: list[tuple[str, str]] = field(default_factory=list)
    refused: int = 0
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


@contextmanager
def google_proxy(
    *, every_nth_429: int = 0, delay: float = 0.05, fault: str = ""
) -> Iterator[tuple[str, ProxyLog]]:
    """Run the proxy on 127.0.0.1; yields its URL (for HTTPS_PROXY) and its log.

    `fault` makes every answer fail for real on the socket: "stall" sends nothing for a minute,
    "reset" sends the headers and half the body, then resets the connection (TCP RST).
    """
    ca = trustme.CA()
    cert = ca.issue_cert("translate.google.com", "translate.google.co.uk", "*.google.com")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(context)
    log = ProxyLog()

    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            line = self.rfile.readline().decode("latin-1")
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            method, target = line.split()[:2]
            if method != "CONNECT":
                self.wfile.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
                return
            self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            self.wfile.flush()
            with context.wrap_socket(self.connection, server_side=True) as tls:
                serve(tls, target.split(":")[0])

    def serve(tls: ssl.SSLSocket, host: str) -> None:
        stream = tls.makefile("rwb")
        while True:
            request = stream.readline()
            if not request:
                return
            headers = {}
            while (header := stream.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = header.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            payload = stream.read(int(headers.get("content-length", "0")))
            text = _spoken_text(payload)
            with log.lock:
                log.requests.append((host, text))
                number = len(log.requests)
                log.in_flight += 1
                log.most_in_flight = max(log.most_in_flight, log.in_flight)
            time.sleep(delay)
            with log.lock:
                log.in_flight -= 1
            if every_nth_429 and number % every_nth_429 == 0:
                with log.lock:
                    log.refused += 1
                answer = b"Too Many Requests"
                stream.write(
                    b"HTTP/1.1 429 Too Many Requests\r\nContent-Type: text/plain\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(answer), answer)
                )
            elif fault == "stall":
                time.sleep(60)
                return
            else:
                body = envelope(mp3_for(text)).encode("utf-8")
                head = (
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                    b"Content-Length: %d\r\n\r\n" % len(body)
                )
                if fault == "reset":
                    stream.write(head + body[: len(body) // 2])
                    stream.flush()
                    tls.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    tls.close()
                    return
                stream.write(head + body)
            stream.flush()

    class Server(socketserver.ThreadingTCPServer):
        daemon_threads = True
        allow_reuse_address = True

    with Server(("127.0.0.1", 0), Handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}", log
        finally:
            server.shutdown()


def _spoken_text(payload: bytes) -> str:
    form = urllib.parse.parse_qs(payload.decode("utf-8"))
    return str(json.loads(json.loads(form["f.req"][0])[0][0][1])[0])


def free_port() -> int:
    """A free loopback port (for a proxy that answers nothing)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
