"""Fixtures shared by the voice tests: a quick-retrying gTTS engine and the fake Google it talks to."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import responses

from audio_edition.voices import GttsEngine, register_engine
from audio_edition.voices.retry import RetryPolicy
from tests.voices.fake_google import FakeGoogle

FAST = RetryPolicy(attempts=4, base=0.001, cap=0.005, deadline=5.0)


@pytest.fixture
def gtts() -> Iterator[GttsEngine]:
    """A gTTS engine with quick retries, registered under its real name."""
    engine = GttsEngine(retry=FAST)
    register_engine("gtts", lambda: engine, replace=True)
    yield engine
    register_engine("gtts", GttsEngine, replace=True)


@pytest.fixture
def google() -> Iterator[FakeGoogle]:
    """Google's speech endpoint answered by a fake that returns real MP3 bytes."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield FakeGoogle().install(mock)
