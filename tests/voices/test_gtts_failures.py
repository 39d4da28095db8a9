"""Each way a request to Google fails is a type of its own, with the same one-line messages."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
import requests

from audio_edition.audio.ffmpeg import decode_audio_bytes
from audio_edition.cli_errors import failure_for
from audio_edition.errors import EngineError, FailureCause
from audio_edition.model import Clip
from audio_edition.voices import GttsEngine
from audio_edition.voices.gtts_failures import (
    ConnectionBroke,
    GttsFailure,
    GttsGaveUp,
    NoAnswer,
    NoAudio,
    RateLimited,
    Refused,
    ServerFailed,
    Unreachable,
    classify,
)
from audio_edition.voices.retry import Retryable, RetryPolicy
from tests.voices.fake_google import FakeGoogle, mp3_for

QUICK = RetryPolicy(attempts=2, base=0.001, cap=0.002, deadline=5.0)


def answered(status: int, headers: dict[str, str] | None = None) -> object:
    """A gTTSError as gTTS raises it for an HTTP answer."""
    return SimpleNamespace(rsp=SimpleNamespace(status_code=status, headers=headers or {}), __context__=None)


def failed(cause: BaseException) -> object:
    """A gTTSError as gTTS raises it when requests failed underneath."""
    return SimpleNamespace(rsp=None, __context__=cause)


@pytest.mark.parametrize(
    ("error", "kind", "message", "unreachable"),
    [
        (answered(429, {"Retry-After": "7"}), RateLimited, "rate limited by Google (HTTP 429)", False),
        (answered(503), ServerFailed, "Google's server failed (HTTP 503)", False),
        (answered(302), NoAudio, "Google answered without audio (an unexpected response)", False),
        (
            failed(requests.exceptions.ReadTimeout("slow")),
            NoAnswer,
            "no answer from Google in time (timeout)",
            True,
        ),
        (
            failed(requests.exceptions.ChunkedEncodingError("Connection broken: reset")),
            ConnectionBroke,
            "the connection to Google broke in the middle of an answer (reset)",
            False,
        ),
        (
            failed(requests.exceptions.ConnectionError("NameResolutionError")),
            Unreachable,
            "cannot reach Google: its name does not resolve (DNS failure)",
            True,
        ),
        (
            failed(requests.exceptions.ConnectionError("refused")),
            Unreachable,
            "cannot reach Google (connection failed)",
            True,
        ),
    ],
    ids=["429", "503", "302", "timeout", "reset", "dns", "refused"],
)
def test_each_failure_is_its_own_retryable_type(
    error: object, kind: type[GttsFailure], message: str, unreachable: bool
) -> None:
    failure = classify(error)
    assert type(failure) is kind and isinstance(failure, Retryable)
    assert str(failure) == message and failure.unreachable is unreachable
    if kind is RateLimited:
        assert failure.wait == 7.0


def test_a_refusal_is_final() -> None:
    refusal = classify(answered(403))
    assert isinstance(refusal, Refused) and isinstance(refusal, EngineError)
    assert not isinstance(refusal, Retryable)
    assert str(refusal) == "Google refused the request (HTTP 403): check the language and accent"


def test_giving_up_names_the_last_failure_and_its_cause_and_the_command_line_its_advice(
    google: FakeGoogle,
) -> None:
    google.behaviour = lambda n, sent: (429, {}, "Too Many Requests")
    with pytest.raises(GttsGaveUp) as caught:
        GttsEngine(retry=QUICK).synthesize("The ferry leaves at noon.", "en@com")
    assert isinstance(caught.value.failure, RateLimited)
    assert (caught.value.cause, caught.value.engine) == (FailureCause.RATE_LIMITED, "gtts")
    assert str(caught.value) == (
        "gTTS gave up after 2 tries: rate limited by Google (HTTP 429). Probable cause: too many requests"
    )
    assert failure_for(caught.value, "build").message == (
        "gTTS gave up after 2 tries: rate limited by Google (HTTP 429). "
        "Probable cause: too many requests; wait a while or use --engine piper"
    )


@pytest.mark.parametrize(
    ("failure", "cause"),
    [
        ((503, {}, "Service Unavailable"), FailureCause.SERVICE_FAILED),
        (requests.exceptions.ConnectionError("dns"), FailureCause.OFFLINE),
        (requests.exceptions.ReadTimeout("slow"), FailureCause.OFFLINE),
    ],
    ids=["server", "unreachable", "timeout"],
)
def test_each_way_of_giving_up_has_its_cause(
    google: FakeGoogle, failure: object, cause: FailureCause
) -> None:
    google.behaviour = lambda n, sent: failure  # type: ignore[assignment,return-value]
    with pytest.raises(GttsGaveUp) as caught:
        GttsEngine(retry=QUICK).synthesize("The ferry leaves at noon.", "en@com")
    assert caught.value.cause is cause
    advice = failure_for(caught.value, "build").message.removeprefix(str(caught.value))
    assert advice.endswith(
        "use --engine piper" if cause is FailureCause.SERVICE_FAILED else "to build offline"
    )


def test_the_engine_decodes_with_the_decoder_it_is_given(google: FakeGoogle) -> None:
    seen: list[tuple[bytes, int, str]] = []

    def decoder(data: bytes, rate: int, what: str) -> Clip:
        seen.append((data, rate, what))
        return decode_audio_bytes(data, rate, what)

    clip = GttsEngine(retry=QUICK, decoder=decoder).synthesize("The ferry leaves at noon.", "en@com")
    sent = mp3_for("The ferry leaves at noon.")
    assert [(data, rate, what) for data, rate, what in seen] == [(sent, 24000, "gTTS audio")]
    expected = decode_audio_bytes(sent, 24000, "gTTS audio")
    assert clip.sample_rate == 24000 and np.array_equal(clip.samples, expected.samples)


def test_without_a_decoder_the_engine_says_what_to_hand_it(google: FakeGoogle) -> None:
    with pytest.raises(
        EngineError, match=r"^no audio decoder was handed to the voices stage to decode gTTS audio: "
    ):
        GttsEngine(retry=QUICK).synthesize("The ferry leaves at noon.", "en@com")
