"""Fetch an article page over http(s): a timeout, a size limit, and clear errors when offline."""

from __future__ import annotations

from urllib.parse import urlparse

from audio_edition.errors import InputError

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT = (5.0, 15.0)
USER_AGENT = "audio-edition/0.1 (+article to podcast)"


def is_url(text: str) -> bool:
    """True for http(s) URLs (and anything else with a scheme, which `fetch` refuses)."""
    return "://" in text[:12]


def fetch(url: str) -> bytes:
    """The page at `url`; InputError for other schemes, HTTP errors, pages over 5 MB, no network."""
    import requests

    if urlparse(url).scheme not in ("http", "https"):
        raise InputError(f"cannot read {url}: only http and https URLs are supported")
    try:
        with requests.get(url, timeout=TIMEOUT, stream=True, headers={"User-Agent": USER_AGENT}) as answer:
            if answer.status_code >= 400:
                raise InputError(f"{url} answered HTTP {answer.status_code}: check the address")
            body = bytearray()
            for chunk in answer.iter_content(65536):
                body += chunk
                if len(body) > MAX_BYTES:
                    raise InputError(f"{url} is larger than 5 MB: save the article and pass the file")
            return bytes(body)
    except requests.exceptions.Timeout:
        raise InputError(f"cannot fetch {url}: no answer in time; save the page and pass the file") from None
    except requests.exceptions.RequestException as exc:
        reason = type(exc).__name__
        advice = "Probable cause: no internet access; save the page and pass the file"
        raise InputError(f"cannot fetch {url} ({reason}). {advice}") from None
