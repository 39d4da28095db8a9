"""What can go wrong asking Google for speech, one exception type per failure, and how to tell
which one a gTTSError is.

Failures worth another try are `GttsFailure`s (a `Retryable`): each type carries its probable
cause, said and typed (`FailureCause`: the command line words what to do about it), and whether
it means Google is out of reach. A refusal and text with nothing to speak are final
(`EngineError`), and so is giving up (`GttsGaveUp`, an `EngineFailure`).
"""

from __future__ import annotations

import logging
from typing import Any

from audio_edition.errors import EngineError, EngineFailure, FailureCause
from audio_edition.voices.retry import Retryable

_SIDE = "Probable cause: a problem on Google's side"
_OFFLINE = "Probable cause: no internet access"


class GttsFailure(Retryable):
    """A failed request to Google worth another try."""

    probable, cause = _SIDE, FailureCause.SERVICE_FAILED
    unreachable = False  # True when Google did not answer at all (the `auto` probe's test)


class RateLimited(GttsFailure):
    """Google answered HTTP 429; `wait` is its Retry-After in seconds, if it gave one."""

    probable, cause = "Probable cause: too many requests", FailureCause.RATE_LIMITED


class ServerFailed(GttsFailure):
    """Google answered with a 5xx status."""


class NoAudio(GttsFailure):
    """Google answered, but not with audio (a bad body, an unexpected status, a tiny MP3)."""


class NoAnswer(GttsFailure):
    """Google did not answer in time."""

    probable, cause, unreachable = _OFFLINE, FailureCause.OFFLINE, True


class ConnectionBroke(GttsFailure):
    """The connection broke in the middle of Google's answer."""


class Unreachable(GttsFailure):
    """Google cannot be reached: its name does not resolve, or the connection failed."""

    probable, cause, unreachable = _OFFLINE, FailureCause.OFFLINE, True


class Refused(EngineError):
    """Google refused the request (a 4xx status other than 429): retrying will not help."""


class NothingToSpeak(EngineError):
    """gTTS found nothing it can speak in the text."""


class GttsGaveUp(EngineFailure):
    """Every try failed; `failure` is the last one, and its cause the cause of giving up."""

    def __init__(self, message: str, failure: GttsFailure | None) -> None:
        super().__init__(message, (failure or GttsFailure).cause, "gtts")
        self.failure = failure


def classify(exc: Any) -> Exception:
    """The failure a gTTSError stands for: a GttsFailure to retry (429, 5xx, network, bad body) or
    a final Refused."""
    response = getattr(exc, "rsp", None)
    status = getattr(response, "status_code", None)
    if status == 429:
        return RateLimited("rate limited by Google (HTTP 429)", _retry_after(response))
    if status is not None and status >= 500:
        return ServerFailed(f"Google's server failed (HTTP {status})")
    if status is not None and status >= 400:
        return Refused(f"Google refused the request (HTTP {status}): check the language and accent")
    if status is not None:
        return NoAudio("Google answered without audio (an unexpected response)")
    return _network_failure(exc.__context__)


def _network_failure(cause: BaseException | None) -> GttsFailure:
    import requests

    if isinstance(cause, requests.exceptions.Timeout):
        return NoAnswer("no answer from Google in time (timeout)")
    logging.getLogger(__name__).debug("gTTS network failure: %r", cause)
    said = repr(cause)
    if isinstance(cause, requests.exceptions.ChunkedEncodingError) or "Connection broken" in said:
        return ConnectionBroke("the connection to Google broke in the middle of an answer (reset)")
    if any(s in said for s in ("NameResolution", "Name or service not known", "getaddrinfo", "resolve")):
        return Unreachable("cannot reach Google: its name does not resolve (DNS failure)")
    return Unreachable("cannot reach Google (connection failed)")


def _retry_after(response: Any) -> float | None:
    """The Retry-After header in seconds from now (it may be seconds or an HTTP date)."""
    from urllib3.exceptions import InvalidHeader
    from urllib3.util.retry import Retry

    value = response.headers.get("Retry-After") if response is not None else None
    try:
        return float(Retry().parse_retry_after(value)) if value is not None else None
    except InvalidHeader:
        return None
