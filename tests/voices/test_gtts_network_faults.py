"""gTTS against real socket faults through a loopback HTTPS proxy: stalls, resets mid-body,
endless 429s, a name that does not resolve. Each ends in bounded time with a message that says
what happened."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from audio_edition.errors import EngineError
from audio_edition.voices import GttsEngine
from audio_edition.voices.retry import RetryPolicy
from tests.voices.google_proxy import google_proxy

pytest.importorskip("trustme")

QUICK = RetryPolicy(attempts=3, base=0.01, cap=0.02, deadline=3.0)


@pytest.fixture
def through(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.setenv(name, "")
    yield


def _speak_through(proxy: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, float]:
    for name in ("HTTPS_PROXY", "https_proxy"):
        monkeypatch.setenv(name, proxy)
    engine = GttsEngine(retry=QUICK, timeout=(1.0, 0.5))
    started = time.monotonic()
    with pytest.raises(EngineError) as caught:
        engine.synthesize("The ferry leaves at noon.", "en@com")
    return str(caught.value), time.monotonic() - started


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("stall", "no answer from Google in time (timeout)"),
        ("reset", "broke in the middle of an answer (reset)"),
    ],
)
def test_socket_faults_end_in_bounded_time_and_say_what_happened(
    through: None, monkeypatch: pytest.MonkeyPatch, fault: str, message: str
) -> None:
    with google_proxy(fault=fault, delay=0.0) as (proxy, log):
        said, seconds = _speak_through(proxy, monkeypatch)
    assert message in said and "gave up after 3 tries" in said
    assert len(log.requests) == 3  # every try reached the server and failed there
    assert seconds < 3 * 1.5 + 1.0  # three read timeouts of 0.5 s (plus connects), not a hang


def test_endless_429s_end_at_the_attempt_limit(through: None, monkeypatch: pytest.MonkeyPatch) -> None:
    with google_proxy(every_nth_429=1, delay=0.0) as (proxy, log):
        said, seconds = _speak_through(proxy, monkeypatch)
    assert "rate limited by Google (HTTP 429)" in said and "too many" in said
    assert log.refused == 3 and seconds < 3.0


def test_a_name_that_does_not_resolve_is_called_a_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    # the test session's resolver answers EAI_NONAME for every name that is not local, as a
    # resolver does when the network has no DNS: the real requests/urllib3 path runs
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    engine = GttsEngine(retry=QUICK, timeout=(1.0, 0.5))
    started = time.monotonic()
    with pytest.raises(EngineError, match=r"does not resolve \(DNS failure\)"):
        engine.synthesize("The ferry leaves at noon.", "en@com")
    assert time.monotonic() - started < 3.0
