"""Fetch a page over http(s) through `safe_http` (public addresses only, a deadline): a size limit,
a few requests in flight per host, conditional requests, and clear errors when offline."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlparse

from audio_edition.errors import InputError

MAX_BYTES = 5 * 1024 * 1024
PER_HOST = 2  # requests in flight to one host at once, from this process
_slots: dict[str, threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


@dataclass(frozen=True)
class Fetched:
    """One answer: its `body` (empty when `not modified`), whether all of it came within the limit
    (`whole`), and the validators (`etag`, `last_modified`) to send next time."""

    url: str
    body: bytes = b""
    modified: bool = True
    whole: bool = True
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""


@cache
def user_agent() -> str:
    """The User-Agent every request sends: the tool, its version, what it does."""
    from audio_edition.version import version

    return f"audio-edition/{version()} (+article to podcast)"


def is_url(text: str) -> bool:
    """True for http(s) URLs (and anything else with a scheme, which `fetch` refuses)."""
    return "://" in text[:12]


def fetch(url: str, *, allow_private: bool = False) -> Fetched:
    """The page at `url`, whole; InputError for other schemes, private addresses (unless
    `allow_private`), HTTP errors, pages over 5 MB, and a network failure told by its cause."""
    got = get(url, allow_private=allow_private)
    if not got.whole:
        raise InputError(f"{url} is larger than 5 MB: save the article and pass the file")
    return got


def get(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limit: int = MAX_BYTES,
    allow_private: bool = False,
) -> Fetched:
    """GET `url`, conditionally when given validators (a 304 is `modified=False`); reading stops
    after `limit` bytes (`whole=False`). Every hop's address is checked (`safe_http`): a private one
    is refused unless `allow_private`. InputError for other schemes, refused addresses, HTTP errors,
    the deadline passed, no network."""
    import urllib3

    from audio_edition.ingest import safe_http

    if urlparse(url).scheme not in ("http", "https"):
        raise InputError(f"cannot read {url}: only http and https URLs are supported")
    headers = {"User-Agent": user_agent()}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with _slot(url):
            answer = safe_http.request(url, headers, limit=limit, allow_private=allow_private)
    except urllib3.exceptions.NewConnectionError as exc:
        raise InputError(f"cannot fetch {url}: {network_cause(exc, url)}") from None
    except (urllib3.exceptions.TimeoutError, TimeoutError):
        raise InputError(
            f"cannot fetch {url}: no answer within {safe_http.READ_TIMEOUT:g} s (timeout). Probable cause: "
            "the server is slow or unreachable; try again later, or save the page and pass the file"
        ) from None
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise InputError(f"cannot fetch {url}: {network_cause(exc, url)}") from None
    if answer.status == 304:
        return Fetched(url, modified=False, etag=etag, last_modified=last_modified)
    if answer.status >= 400 or answer.status in safe_http.REDIRECTS:
        raise InputError(f"{answer.url} answered HTTP {answer.status}: check the address")
    found = answer.headers
    return Fetched(
        answer.url,
        answer.body,
        whole=answer.whole,
        etag=found.get("etag"),
        last_modified=found.get("last-modified"),
        content_type=found.get("content-type", ""),
    )


def network_cause(exc: BaseException, url: str) -> str:
    """What went wrong reaching `url`, told apart from the exception chain: a refused connection,
    a name that does not resolve, no route, a TLS failure; each with what to do."""
    import socket  # only when a request failed

    chain = _chain(exc)
    said = " ".join(repr(e) for e in chain)
    where = urlparse(url)
    host = where.hostname or url
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "Connection refused" in said:
        port = where.port or (443 if where.scheme == "https" else 80)
        return (
            f"the connection was refused (nothing is listening at {host} port {port}). "
            "Probable cause: a wrong address or port, or the server is not running"
        )
    if any(isinstance(e, socket.gaierror) for e in chain) or "NameResolution" in said:
        return (
            f"the name {host} does not resolve (DNS failure). "
            "Probable cause: a mistyped address, or no internet access; save the page and pass the file"
        )
    if "SSLError" in said or "CERTIFICATE" in said:
        return f"the secure connection to {host} failed (TLS): check the address, or save the page"
    if "Network is unreachable" in said or "No route to host" in said:
        return "no route to the network. Probable cause: no internet access; save the page and pass the file"
    return f"the connection failed ({type(exc).__name__}); save the page and pass the file"


def _chain(exc: BaseException) -> list[BaseException]:
    """`exc` and everything behind it (causes, contexts, urllib3's `reason`), each once."""
    seen: list[BaseException] = []
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if isinstance(item, BaseException) and all(item is not e for e in seen):
            seen.append(item)
            todo += [item.__cause__, item.__context__, getattr(item, "reason", None), *item.args]
    return seen


@contextlib.contextmanager
def _slot(url: str) -> Iterator[None]:
    """Wait for one of the host's PER_HOST slots, hold it while inside."""
    host = (urlparse(url).hostname or "").lower()
    with _slots_lock:
        slot = _slots.setdefault(host, threading.BoundedSemaphore(PER_HOST))
    with slot:
        yield
