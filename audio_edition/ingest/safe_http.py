"""One GET made safely on the open web: every hop's host resolved once and checked (`addresses`),
the connection made to that very address (the Host header, TLS SNI and certificate still the
name's), redirects followed by hand (at most MAX_REDIRECTS), and an overall deadline from connect
to last byte, after which the connection is cut whatever the server does."""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from audio_edition.errors import InputError
from audio_edition.ingest.addresses import pinned_address

if TYPE_CHECKING:
    from urllib3 import HTTPConnectionPool

MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0  # seconds to connect
READ_TIMEOUT = 15.0  # seconds without a byte
# Seconds from the first connect to the last byte of one request, redirects included.
DEADLINE = float(os.environ.get("AUDIO_EDITION_FETCH_DEADLINE", "30"))
REDIRECTS = (301, 302, 303, 307, 308)


class DeadlinePassed(InputError):
    """The whole answer did not come within the deadline."""


@dataclass(frozen=True)
class Answer:
    """The final answer: its URL (after redirects), status, headers, and body up to the limit."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    whole: bool = True


@dataclass
class _Watchdog:
    """Cuts every socket it was given once `seconds` have passed since it started."""

    seconds: float
    start: float = field(default_factory=time.monotonic)
    passed: bool = False
    sockets: list[socket.socket] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.timer = threading.Timer(self.seconds, self.expire)
        self.timer.daemon = True
        self.timer.start()

    def left(self) -> float:
        """Seconds left before the deadline (at least a millisecond, for timeouts)."""
        return max(0.001, self.seconds - (time.monotonic() - self.start))

    def watch(self, sock: socket.socket) -> None:
        """Cut `sock` at the deadline (at once when it has passed)."""
        with self.lock:
            self.sockets.append(sock)
            if self.passed:
                _cut(sock)

    def expire(self) -> None:
        with self.lock:
            self.passed = True
            for sock in self.sockets:
                _cut(sock)

    def stop(self) -> None:
        self.timer.cancel()


def _cut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def request(url: str, headers: dict[str, str], *, limit: int, allow_private: bool) -> Answer:
    """GET `url` with `headers`, following redirects; the body read up to `limit` bytes (`whole`
    False when there was more). InputError for a refused address or scheme, too many redirects, or
    the deadline passed; urllib3's errors for network failures."""
    watchdog = _Watchdog(DEADLINE)
    try:
        for _ in range(MAX_REDIRECTS + 1):
            answer = _hop(url, headers, limit, allow_private, watchdog)
            location = answer.headers.get("location")
            if answer.status not in REDIRECTS or not location:
                return answer
            url = urljoin(url, location)
        raise InputError(f"cannot fetch {url}: more than {MAX_REDIRECTS} redirects: check the address")
    except Exception:
        if watchdog.passed:
            raise DeadlinePassed(
                f"cannot fetch {url}: no whole answer within {DEADLINE:g} s (deadline). Probable cause: "
                "the server is too slow; try again later, or save the page and pass the file"
            ) from None
        raise
    finally:
        watchdog.stop()


def _hop(url: str, headers: dict[str, str], limit: int, allow_private: bool, watchdog: _Watchdog) -> Answer:
    """One request, no redirect followed: the host checked and pinned, the body read within limits."""
    import urllib3

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"cannot read {url}: only http and https URLs are supported")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = pinned_address(url, parts.hostname, port, allow_private=allow_private)
    pool = _pool(parts.scheme, parts.hostname, port, address, watchdog)
    target = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    response = None
    try:
        response = pool.urlopen(
            "GET",
            target,
            headers={**headers, "Accept-Encoding": "gzip, deflate"},
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
            timeout=urllib3.Timeout(
                connect=min(CONNECT_TIMEOUT, watchdog.left()), read=min(READ_TIMEOUT, watchdog.left())
            ),
        )
        found = {name.lower(): value for name, value in response.headers.items()}
        if response.status in REDIRECTS or response.status == 304 or response.status >= 400:
            return Answer(url, response.status, found)
        body = bytearray()
        while chunk := response.read1(65536):
            body += chunk
            if len(body) > limit:
                return Answer(url, response.status, found, bytes(body[:limit]), whole=False)
        if watchdog.passed:
            raise TimeoutError("deadline")
        return Answer(url, response.status, found, bytes(body))
    finally:
        if response is not None:
            response.close()  # the socket too: a connection is never reused across hops
        pool.close()


def _pool(scheme: str, host: str, port: int, address: str, watchdog: _Watchdog) -> HTTPConnectionPool:
    """A connection pool for `host` whose connections go to `address` (no second lookup)."""
    import urllib3

    kind: Any = urllib3.HTTPSConnectionPool if scheme == "https" else urllib3.HTTPConnectionPool
    extra: dict[str, Any] = {}
    if scheme == "https":
        extra = {"cert_reqs": "CERT_REQUIRED", "ca_certs": _ca_certs()}
    pool = kind(host, port, maxsize=1, retries=False, pinned=address, watchdog=watchdog, **extra)
    pool.ConnectionCls = _pinned_class(scheme)
    return pool  # type: ignore[no-any-return]


def _ca_certs() -> str | None:
    """The CA bundle requests would use (certifi's), else the system's."""
    try:
        import certifi
    except ImportError:
        return None
    return str(certifi.where())


_classes: dict[str, type] = {}


def _pinned_class(scheme: str) -> type:
    """urllib3's connection class for `scheme` made to connect to the checked address only."""
    if scheme not in _classes:
        from urllib3.connection import HTTPConnection, HTTPSConnection

        base: Any = HTTPSConnection if scheme == "https" else HTTPConnection

        class Pinned(base):  # type: ignore[misc, valid-type]
            """A connection to the pinned address, named (Host, SNI, certificate) by its host."""

            def __init__(self, *args: Any, pinned: str, watchdog: _Watchdog, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._pinned, self._watchdog = pinned, watchdog

            def _new_conn(self) -> socket.socket:
                # Connect to the address checked (no second lookup); the name comes back at once,
                # as urllib3 reads it for SNI, certificate checks and the Host header.
                name, self._dns_host = self._dns_host, self._pinned
                try:
                    sock: socket.socket = super()._new_conn()
                finally:
                    self._dns_host = name
                self._watchdog.watch(sock)
                return sock

        _classes[scheme] = Pinned
    return _classes[scheme]
