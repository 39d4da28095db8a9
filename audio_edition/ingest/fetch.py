"""Fetch a page over http(s): a timeout, a size limit, a User-Agent with the tool's version, at most
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
TIMEOUT = (5.0, 15.0)
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


@cache
def user_agent() -> str:
    """The User-Agent every request sends: the tool, its version, what it does."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("audio-edition")
    except PackageNotFoundError:
        number = "unknown"
    return f"audio-edition/{number} (+article to podcast)"


def is_url(text: str) -> bool:
    """True for http(s) URLs (and anything else with a scheme, which `fetch` refuses)."""
    return "://" in text[:12]


def fetch(url: str) -> bytes:
    """The page at `url`; InputError for other schemes, HTTP errors, pages over 5 MB, no network."""
    got = get(url)
    if not got.whole:
        raise InputError(f"{url} is larger than 5 MB: save the article and pass the file")
    return got.body


def get(
    url: str, *, etag: str | None = None, last_modified: str | None = None, limit: int = MAX_BYTES
) -> Fetched:
    """GET `url`, conditionally when given validators (a 304 is `modified=False`); reading stops
    after `limit` bytes (`whole=False`). InputError for other schemes, HTTP errors, no network."""
    import requests

    if urlparse(url).scheme not in ("http", "https"):
        raise InputError(f"cannot read {url}: only http and https URLs are supported")
    headers = {"User-Agent": user_agent()}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with _slot(url), requests.get(url, timeout=TIMEOUT, stream=True, headers=headers) as answer:
            if answer.status_code == 304:
                return Fetched(url, modified=False, etag=etag, last_modified=last_modified)
            if answer.status_code >= 400:
                raise InputError(f"{url} answered HTTP {answer.status_code}: check the address")
            body = bytearray()
            for chunk in answer.iter_content(65536):
                body += chunk
                if len(body) > limit:
                    return Fetched(answer.url, bytes(body[:limit]), whole=False)
            found = answer.headers
            return Fetched(
                answer.url, bytes(body), etag=found.get("ETag"), last_modified=found.get("Last-Modified")
            )
    except requests.exceptions.Timeout:
        raise InputError(f"cannot fetch {url}: no answer in time; save the page and pass the file") from None
    except requests.exceptions.RequestException as exc:
        reason = type(exc).__name__
        advice = "Probable cause: no internet access; save the page and pass the file"
        raise InputError(f"cannot fetch {url} ({reason}). {advice}") from None


@contextlib.contextmanager
def _slot(url: str) -> Iterator[None]:
    """Wait for one of the host's PER_HOST slots, hold it while inside."""
    host = (urlparse(url).hostname or "").lower()
    with _slots_lock:
        slot = _slots.setdefault(host, threading.BoundedSemaphore(PER_HOST))
    with slot:
        yield
