"""gTTS against real socket faults through a loopback HTTPS proxy: stalls, resets mid-body,
endless 429s, a name that does not resolve. Each ends in bounded time with a message that says
what happened."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from audio_edition.audio.ffmpeg import decode_audio_bytes
from audio_edition.cli_errors import INTERRUPTED
from audio_edition.errors import EngineError
from audio_edition.voices import GttsEngine
from audio_edition.voices.retry import RetryPolicy
from tests.faults.launch import start
from tests.voices.fake_google import FakeGoogle
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


FERRY = """Ferry Crews Vote to Strike

By Marta Okonkwo-Reyes

Crews on the harbour ferries voted on Monday to strike over night shifts, the union said.

"We have asked for a meeting for a month," said Dana Whitfield, who leads the crews.

The operator said it had offered to meet the union at any time this week.

The first ferry of the morning is expected to run as normal, the port authority said.
"""


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["INT", "TERM"])
def test_an_interrupt_during_a_retry_wait_ends_the_build_at_once(tmp_path: Path, how: signal.Signals) -> None:
    """Google answers 429, wait a minute: Ctrl-C (or SIGTERM) ends the build within a second or so,
    although the retry waits run on the synthesis threads, not the main one."""
    article, marker = tmp_path / "ferry.txt", tmp_path / "answered"
    article.write_text(FERRY, encoding="utf-8")
    args = ["build", str(article), "-o", str(tmp_path / "out"), "--engine", "gtts"]
    proc = start([sys.executable, "-m", "tests.voices.gtts_harness", str(marker), *args])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.communicate()[1]
            assert time.monotonic() < deadline, "Google was never asked"
            time.sleep(0.02)
        time.sleep(0.3)  # the synthesis threads are in their minute-long waits
        signalled = time.monotonic()
        proc.send_signal(how)
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still waiting {time.monotonic() - signalled:.0f} s after the interrupt")
        took = time.monotonic() - signalled
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == [f"Error: {INTERRUPTED}"], err
    assert took < 2.0, f"{took:.1f} s"
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_retry_after_within_the_deadline_is_waited_in_full(google: FakeGoogle) -> None:
    google.behaviour = lambda n, sent: (429, {"Retry-After": "1"}, "slow down") if n == 0 else None
    engine = GttsEngine(retry=QUICK, decoder=decode_audio_bytes)  # its own backoff is at most 0.02 s
    started = time.monotonic()
    clip = engine.synthesize("The ferry leaves at noon.", "en@com")
    assert time.monotonic() - started >= 1.0
    assert clip.duration > 0 and len(google.sent) == 2


@pytest.mark.parametrize("form", ["seconds", "date"])
def test_a_retry_after_past_the_deadline_gives_up_at_once(google: FakeGoogle, form: str) -> None:
    in_ten_minutes = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)
    value = "120" if form == "seconds" else email.utils.format_datetime(in_ten_minutes, usegmt=True)
    asked = "120" if form == "seconds" else "(59[0-9]|600)"  # the date is to the second
    google.behaviour = lambda n, sent: (429, {"Retry-After": value}, "slow down")
    engine = GttsEngine(retry=RetryPolicy(attempts=3, base=0.01, cap=0.02, deadline=10.0))
    started = time.monotonic()
    with pytest.raises(EngineError) as caught:
        engine.synthesize("The ferry leaves at noon.", "en@com")
    assert time.monotonic() - started < 1.0 and len(google.sent) == 1
    assert re.search(
        rf"gTTS gave up after 1 try: rate limited by Google \(HTTP 429\); Google asked to wait {asked} s, "
        r"beyond the 10 s retry limit\. Probable cause: too many requests",
        str(caught.value),
    ), caught.value
